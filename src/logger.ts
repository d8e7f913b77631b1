// A tiny levelled logger writing one line per event to stderr. Callers pass plain messages; nothing here
// ever receives a secret, so nothing here has to scrub one.
import type { LogLevel } from './config.js';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

/** A logger that drops messages below `level`; `write` defaults to stderr. */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stderr.write(line + '\n'),
): Logger {
  const at =
    (messageLevel: LogLevel) =>
    (message: string): void => {
      if (RANK[messageLevel] >= RANK[level]) write(`${new Date().toISOString()} ${messageLevel} ${message}`);
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

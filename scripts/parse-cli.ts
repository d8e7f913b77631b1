// Command-line options for the scripts, with node:util's parseArgs: each option carries a description, and
// --help (-h) prints the usage, the options and their defaults. An unknown or malformed option prints the
// reason and the usage, and exits with 2.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface CliOption {
  type: 'string' | 'boolean';
  description: string;
  default?: string | boolean;
  /** For string options: what the value is ("N", "DIR"), shown in the help. */
  value?: string;
  short?: string;
}

export interface Cli<O extends Record<string, CliOption>> {
  /** "npm run bench -- [options]" */
  usage: string;
  description: string;
  options: O;
  /** Whether file or folder arguments are taken; `positionals` names them in the help. */
  positionals?: string;
}

type Values<O extends Record<string, CliOption>> = {
  [K in keyof O]: O[K]['type'] extends 'boolean'
    ? boolean
    : O[K]['default'] extends string
      ? string
      : string | undefined;
};

/** The help text of `cli`. */
export function helpText(cli: Cli<Record<string, CliOption>>): string {
  const rows = Object.entries(cli.options).map(([name, option]) => {
    const flag = `${option.short ? `-${option.short}, ` : ''}--${name}${option.type === 'string' ? ` ${option.value ?? 'VALUE'}` : ''}`;
    const fallback =
      option.default !== undefined && option.default !== false ? ` (default: ${String(option.default)})` : '';
    return [flag, `${option.description}${fallback}`] as const;
  });
  rows.push(['-h, --help', 'print this help']);
  const width = Math.max(...rows.map(([flag]) => flag.length));
  return [
    `Usage: ${cli.usage}`,
    '',
    cli.description,
    ...(cli.positionals ? ['', `Arguments: ${cli.positionals}`] : []),
    '',
    'Options:',
    ...rows.map(([flag, text]) => `  ${flag.padEnd(width)}  ${text}`),
    '',
  ].join('\n');
}

/** Parses `argv` (default: the process's) for `cli`; prints help and exits on --help or a bad option. */
export function parseCli<O extends Record<string, CliOption>>(
  cli: Cli<O>,
  argv: string[] = process.argv.slice(2),
): { values: Values<O>; positionals: string[] } {
  const options: ParseArgsConfig['options'] = { help: { type: 'boolean', short: 'h', default: false } };
  for (const [name, option] of Object.entries(cli.options)) {
    options[name] = {
      type: option.type,
      ...(option.short ? { short: option.short } : {}),
      ...(option.default !== undefined ? { default: option.default } : {}),
    } as NonNullable<ParseArgsConfig['options']>[string];
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({
      args: argv.filter((arg) => arg !== '--'),
      options,
      allowPositionals: cli.positionals !== undefined,
      strict: true,
    });
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n\n${helpText(cli)}`);
    process.exit(2);
  }
  if (parsed.values.help) {
    process.stdout.write(helpText(cli));
    process.exit(0);
  }
  return { values: parsed.values as Values<O>, positionals: parsed.positionals };
}

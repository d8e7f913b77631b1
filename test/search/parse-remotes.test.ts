// MEILI_REMOTES in both forms, and its errors: they name the variable and the entry, never a key.
import { describe, expect, it } from 'vitest';
import { loadConfig, parseRemotes } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';

const SECRET = 'k3y-with-Secret';

function messageOf(raw: string, env: Record<string, string> = {}): string {
  try {
    loadConfig({ MEILI_REMOTES: raw, ...env });
  } catch (cause) {
    expect(cause).toBeInstanceOf(ConfigError);
    return (cause as Error).message;
  }
  throw new Error(`no error for ${raw}`);
}

describe('MEILI_REMOTES', () => {
  it('reads comma-separated url#key entries, named ms0, ms1, … in order', () => {
    expect(parseRemotes(' http://10.0.0.1:7700/#a#b , https://search-2.example:7700#c ')).toEqual([
      { name: 'ms0', url: 'http://10.0.0.1:7700', key: 'a#b' },
      { name: 'ms1', url: 'https://search-2.example:7700', key: 'c' },
    ]);
  });

  it('reads a JSON array, whose keys may hold any character and whose names are optional', () => {
    const raw = JSON.stringify([
      { name: 'eu-1', url: 'http://a:7700', key: 'x,y#"z' },
      { url: 'http://b:7700', key: 'k' },
    ]);
    expect(parseRemotes(raw)).toEqual([
      { name: 'eu-1', url: 'http://a:7700', key: 'x,y#"z' },
      { name: 'ms1', url: 'http://b:7700', key: 'k' },
    ]);
  });

  it('is empty when unset, so one Meilisearch is used as before', () => {
    expect(loadConfig({}).meili.remotes).toEqual([]);
    expect(loadConfig({ MEILI_REMOTES: '' }).meili.remotes).toEqual([]);
  });

  it('rejects what cannot work, naming the variable and never a key', () => {
    const cases = [
      `http://a:7700#${SECRET}`,
      `http://a:7700#${SECRET},http://b:7700`,
      `ftp://a#${SECRET},http://b:7700#${SECRET}`,
      `http://a:7700#${SECRET},http://a:7700#${SECRET}`,
      `[{"url": "http://a:7700", "key": "${SECRET}"}, {"url": "http://b:7700", "key": ""}]`,
      `[{"name": "bad name", "url": "http://a:7700", "key": "${SECRET}"}]`,
      `[{"url": "http://a:7700", "key": "${SECRET}"`,
    ];
    for (const raw of cases) {
      const message = messageOf(raw);
      expect(message).toMatch(/^config: MEILI_REMOTES /);
      expect(message).not.toContain(SECRET);
    }
    expect(messageOf(`http://a:7700#${SECRET},http://b:7700#x`, { MEILI_URL: 'http://c:7700' })).toMatch(
      /MEILI_URL or MEILI_REMOTES/,
    );
  });
});

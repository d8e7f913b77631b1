// npm run kb -- <command>: corrects entities from the command line, through the same curator as the API
// (src/curation/), against the same Meilisearch; a running API picks the rewritten articles up within
// GRAPH_SYNC_MS. Completes a curation a crash left unfinished before anything else.
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config.js';
import { createCurator } from '../src/curation/create-curator.js';
import { exportCorrections, importCorrections } from '../src/curation/export-corrections.js';
import type { Curation } from '../src/curation/types.js';
import { NewsgraphError } from '../src/errors.js';
import { createLogger } from '../src/logger.js';
import { openSearch } from '../src/open-search.js';
import { createSequence } from '../src/search/to-article-document.js';
import { parseCli } from './parse-cli.js';

const COMMANDS: Record<string, { args: string[]; does: string }> = {
  merge: { args: ['id', 'into'], does: 'merge an entity into another' },
  rename: { args: ['id', 'name'], does: 'give an entity another name' },
  retype: { args: ['id', 'type'], does: 'person, organization, location or other' },
  alias: { args: ['id', 'alias'], does: 'add an alias (articles naming it are extracted again)' },
  unalias: { args: ['id', 'alias'], does: 'remove an alias' },
  block: { args: ['id'], does: 'the name is not an entity: its mentions go' },
  unblock: { args: ['id'], does: 'undo a block' },
  revert: { args: ['curation'], does: 'undo a curation' },
  list: { args: [], does: 'the curation log, newest first' },
  export: { args: [], does: 'the corrections as JSON on stdout (a knowledge-base file with the operations)' },
  import: { args: ['file'], does: 'replay the operations of an export' },
};

const cli = {
  usage: 'npm run kb -- <command> [arguments]',
  description: [
    'Corrects entities in the index and the graph, as the API does under the admin key. Commands:',
    ...Object.entries(COMMANDS).map(
      ([name, c]) => `  ${`${name} ${c.args.map((a) => `<${a}>`).join(' ')}`.padEnd(26)} ${c.does}`,
    ),
  ].join('\n'),
  options: {
    limit: { type: 'string' as const, description: 'list: how many', default: '50', value: 'N' },
  },
  positionals: '<command> [arguments]',
};

function line(curation: Curation): string {
  const { args, counts } = curation;
  const detail =
    args.operation === 'merge' ? ` -> ${args.into}` : args.operation === 'split' ? ` -> ${args.as.id}` : '';
  return `${curation.id}  ${curation.time}  ${curation.status.padEnd(9)} ${args.operation} ${args.id}${detail}  (${counts.changed} of ${counts.candidates} articles changed)`;
}

async function main(): Promise<number> {
  const { values, positionals } = parseCli(cli);
  const [command = '', ...rest] = positionals;
  const spec = COMMANDS[command];
  if (!spec || rest.length !== spec.args.length) {
    process.stderr.write(
      `newsgraph kb: ${spec ? `${command} takes ${spec.args.map((a) => `<${a}>`).join(' ')}` : `unknown command "${command}"`}\n\nrun npm run kb -- --help\n`,
    );
    return 2;
  }
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const opened = await openSearch(config, logger);
  try {
    const curator = createCurator({
      search: opened.search,
      extractMany: opened.extractMany,
      nextSeq: createSequence(),
      log: opened.curationLog,
      baseKb: opened.baseKb,
      corrections: opened.corrections,
      setCorrections: opened.setCorrections,
      logger,
    });
    await curator.resume();
    const [a = '', b = ''] = rest;
    let done: Curation | undefined;
    switch (command) {
      case 'merge':
        done = await curator.merge(a, b);
        break;
      case 'rename':
        done = await curator.update(a, { name: b });
        break;
      case 'retype':
        done = await curator.update(a, { type: b });
        break;
      case 'alias':
        done = await curator.update(a, { aliases: { add: [b] } });
        break;
      case 'unalias':
        done = await curator.update(a, { aliases: { remove: [b] } });
        break;
      case 'block':
        done = await curator.block(a);
        break;
      case 'unblock':
        done = await curator.unblock(a);
        break;
      case 'revert':
        done = await curator.revert(a);
        break;
      case 'list': {
        const { curations } = await curator.list({ limit: Number(values.limit) || 50, offset: 0 });
        for (const curation of curations) process.stdout.write(`${line(curation)}\n`);
        return 0;
      }
      case 'export':
        process.stdout.write(`${JSON.stringify(exportCorrections(await curator.refresh()), null, 2)}\n`);
        return 0;
      case 'import': {
        const outcome = await importCorrections(curator, JSON.parse(readFileSync(a, 'utf8')));
        for (const { id, reason } of outcome.skipped) process.stderr.write(`skipped ${id}: ${reason}\n`);
        process.stdout.write(`applied ${outcome.applied}, skipped ${outcome.skipped.length}\n`);
        return outcome.skipped.length > 0 ? 1 : 0;
      }
    }
    if (done) process.stdout.write(`${line(done)}\n`);
    return 0;
  } finally {
    await opened.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message =
      error instanceof NewsgraphError ? error.message : ((error as Error).stack ?? String(error));
    process.stderr.write(`newsgraph kb: ${message}\n`);
    process.exit(error instanceof NewsgraphError && error.code !== 'search_unavailable' ? 1 : 2);
  },
);

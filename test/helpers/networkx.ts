// Reads a graph file with Debian's networkx (/usr/bin/python3, package python3-networkx, which .ci/run
// installs), as a user's notebook would, and returns what networkx saw. Undefined when networkx is absent.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PYTHON = '/usr/bin/python3';

export interface NetworkxView {
  version: string;
  graph: Record<string, unknown>;
  nodes: Record<string, Record<string, unknown>>;
  edges: Array<[string, string, Record<string, unknown>]>;
}

const SCRIPT = `
import json, sys
import networkx as nx
reader = {"gexf": nx.read_gexf, "graphml": nx.read_graphml}[sys.argv[1]]
G = reader(sys.argv[2])
print(json.dumps({
  "version": nx.__version__,
  "graph": {k: v for k, v in G.graph.items() if not isinstance(v, dict)},
  "nodes": {n: d for n, d in G.nodes(data=True)},
  "edges": [[u, v, d] for u, v, d in G.edges(data=True)],
}))
`;

/** Why networkx cannot be used here, or undefined when it can. */
export function networkxMissing(): string | undefined {
  const probe = spawnSync(PYTHON, ['-c', 'import networkx'], { encoding: 'utf8' });
  if (probe.error) return `${PYTHON} is absent`;
  if (probe.status !== 0) return 'python3-networkx is not installed (apt-get install python3-networkx)';
  return undefined;
}

/** The graph in `text` (a GEXF or GraphML document) as networkx reads it. */
export function readWithNetworkx(format: 'gexf' | 'graphml', text: string): NetworkxView {
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'newsgraph-nx-')), `graph.${format}`);
  writeFileSync(file, text);
  return JSON.parse(execFileSync(PYTHON, ['-c', SCRIPT, format, file], { encoding: 'utf8' })) as NetworkxView;
}

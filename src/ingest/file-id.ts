// The id of a one-article file: its name without its extensions (".html.gz" as well as ".txt"), with
// characters Meilisearch does not allow in ids replaced by "_".
import path from 'node:path';

export function fileId(file: string): string {
  const name = path.basename(file).replace(/\.gz$/i, '');
  return name
    .slice(0, name.length - path.extname(name).length)
    .replace(/[^A-Za-z0-9_-]/g, '_')
    .slice(0, 511);
}

// Maps corpus class names to the tagger's API labels: GermEval OTH becomes MISC, and the upper-case
// DERIV/PART suffixes of the BIOES train file get their `deriv`/`part` spelling back.

/** Maps a corpus label (`OTH`, `LOCDERIV`, `OTHpart`, `PER`) to an API label (`MISC`, `LOCderiv`, `MISCpart`, `PER`). */
export function mapLabel(label: string): string {
  const m = /^(PER|ORG|LOC|OTH|MISC)(deriv|part)?$/i.exec(label);
  if (!m) return label;
  const base = (m[1] ?? '').toUpperCase();
  const suffix = (m[2] ?? '').toLowerCase();
  return (base === 'OTH' ? 'MISC' : base) + suffix;
}

/** Maps an IOB2 or BIOES tag to an IOB2 tag over API labels (`S-` -> `B-`, `E-` -> `I-`). */
export function mapTag(tag: string): string {
  if (tag === 'O' || tag.length < 3) return 'O';
  const prefix = tag.charAt(0);
  const iob = prefix === 'S' ? 'B' : prefix === 'E' ? 'I' : prefix;
  return `${iob}-${mapLabel(tag.slice(2))}`;
}

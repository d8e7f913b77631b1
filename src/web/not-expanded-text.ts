// The status line's note on the hubs a depth-2 view did not walk through ("Germany: 2,300 further links
// not expanded"), read from the export's `notExpanded` attribute.

interface NotExpanded {
  name: string;
  links: number;
}

const number = new Intl.NumberFormat('en');

/** " Not expanded: Germany (2,300 further links), …" or '' when nothing was left out. */
export function notExpandedText(value: unknown): string {
  if (!Array.isArray(value)) return '';
  const hubs = (value as NotExpanded[]).filter((hub) => hub.links > 0).sort((a, b) => b.links - a.links);
  if (hubs.length === 0) return '';
  const named = hubs.slice(0, 4).map((hub) => `${hub.name}: ${number.format(hub.links)} further links`);
  const more = hubs.length > 4 ? `, ${hubs.length - 4} more hubs` : '';
  return ` Not expanded (tick "expand hubs" to follow them): ${named.join(', ')}${more}.`;
}

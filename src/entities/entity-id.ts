// Entity ids are made here and nowhere else: knowledge-base ids are given, provisional ones are the slug
// of the normalised name with a "prov-" prefix, so "Mike Lynch" and "Mike Lynchs" meet as one id.

/** Lower-case ASCII slug: umlauts spelled out, accents dropped, anything else a single hyphen. */
export function slugify(text: string): string {
  return text
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

/** The id of an entity that is in no knowledge base, from its name. */
export function provisionalId(name: string): string {
  return `prov-${slugify(name)}`;
}

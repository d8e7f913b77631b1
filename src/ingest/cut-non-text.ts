// Cuts what a page holds that is never text from its HTML before the parse: scripts (JSON-LD stays),
// style sheets, comments, inline SVG, <noscript> and <template>. They are most of a news page's bytes and
// nodes, and every node costs parse time and memory; extraction removed them after the parse anyway.
// One pattern reads the page from the start, so whichever of them opens first is cut first, as the HTML
// parser would read it (a "<!--" inside a script is script, a "<script" inside a comment is comment).

// Script, style, noscript and template end at their first closing tag in the HTML parser as here. An SVG
// keeps an empty element in its place: Readability counts it as content (a heading's anchor icon kept
// GitHub's headings, wcxb 0404). One written `<svg … />` has no content and stays; one nested in another
// ends the cut early, and the rest of the outer one is left (its shapes hold no text). `<!-->` is an empty
// comment.
const NON_TEXT =
  /<(script|style|noscript|template)(?=[\s/>])([^>]*)>[\s\S]*?<\/\1\s*>|<svg(?=[\s/>])[^>]*(?<!\/)>[\s\S]*?<\/svg\s*>|<!--(?:-?>|[\s\S]*?(?:-->|$))/gi;

const JSON_LD = /ld\+json/i;

/** `html` without scripts (but JSON-LD), style sheets, comments, inline SVG, noscript and template. */
export function cutNonText(html: string): string {
  return html.replace(
    NON_TEXT,
    (element: string, tag: string | undefined, attributes: string | undefined) => {
      if (tag === undefined) return /^<svg/i.test(element) ? '<svg></svg>' : '';
      return tag.toLowerCase() === 'script' && JSON_LD.test(attributes ?? '') ? element : '';
    },
  );
}

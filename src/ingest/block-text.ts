// The text of a DOM subtree with its paragraphs kept: block elements and <br> break lines, runs of white
// space inside a line become one space, and paragraphs are separated by a blank line, as in articleBody.

const BLOCK =
  /^(P|DIV|H[1-6]|LI|UL|OL|DL|DT|DD|BLOCKQUOTE|SECTION|ARTICLE|HEADER|FOOTER|MAIN|PRE|TABLE|TR|FIGURE|ASIDE|NAV|ADDRESS|HR|FORM|FIELDSET|DETAILS|SUMMARY)$/;
// Cells of a table row stay on the row's line, apart: minified markup has no space between them.
const CELL = /^(TD|TH)$/;
const SKIP =
  /^(SCRIPT|STYLE|NOSCRIPT|TEMPLATE|SVG|IFRAME|BUTTON|SELECT|OPTION|TEXTAREA|INPUT|CANVAS|VIDEO|AUDIO)$/;

/** The paragraphs of `root`, joined by a blank line; elements for which `skip` is true are left out. */
export function blockText(root: Node, skip?: (element: Element) => boolean): string {
  const lines: string[] = [];
  let current = '';
  const breakLine = (): void => {
    const line = current.replace(/\s+/g, ' ').trim();
    if (line !== '') lines.push(line);
    current = '';
  };
  const visit = (node: Node): void => {
    if (node.nodeType === 3) {
      current += node.nodeValue ?? '';
      return;
    }
    if (node.nodeType !== 1 && node.nodeType !== 9 && node.nodeType !== 11) return;
    const tag = node.nodeType === 1 ? (node as Element).tagName.toUpperCase() : '';
    if (SKIP.test(tag) || (skip && node.nodeType === 1 && skip(node as Element))) return;
    if (tag === 'BR') {
      breakLine();
      return;
    }
    const block = BLOCK.test(tag);
    if (block) breakLine();
    const cell = CELL.test(tag);
    if (cell) current += ' ';
    for (let child = node.firstChild; child; child = child.nextSibling) visit(child);
    if (cell) current += ' ';
    if (block) breakLine();
  };
  visit(root);
  breakLine();
  return lines.join('\n\n');
}

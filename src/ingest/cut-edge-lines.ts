// Lines at the head or end of an article's text that are the site's, not the story's: the site speaking to
// its reader (comment policies, newsletter offers, consent texts of embeds, donation appeals, ad-blocker
// notices, affiliate disclosures, "Follow us on …"), the production credits of a wire story ("Reporting
// by …", "Übersetzung: …") and a closing list of other stories under a heading worded freely ("More in
// News", "Related articles that may interest you"). Publishers print them as plain paragraphs inside the
// article's block, with no class naming them, so they are recognised by what they say, only at the edges.

export const DEFAULTS = {
  /** Lines are cut among this many last lines of the text … */
  lastLines: 3,
  /** … and appeals also among this many first lines (affiliate disclosures stand above the story). */
  firstLines: 2,
  /** An appeal is a short paragraph: longer lines are the story, whatever words they hold. */
  maxWords: 150,
  /** A sign-up offer, its terms or an affiliate disclosure of at most this many words goes wherever it stands. */
  offerWords: 40,
  /** A credit line is shorter still. */
  creditWords: 80,
  /** … and either is at most this share of the text's words (a text of one long paragraph keeps it). */
  maxShare: 0.25,
  /** A list of other stories closes the text: what follows its heading is at most this share of the words. */
  listShare: 0.3,
  /** … and its first lines (this many) are headline-length, … */
  listLines: 6,
  /** … this many words a line on average. */
  headlineWords: 25,
};

// The site's offers in its own voice, which publishers also print between the story's paragraphs: a call
// to sign up for its newsletter and the terms of the form, an affiliate disclosure, "follow us on …".
const OFFER = new RegExp(
  [
    // A sentence that opens with the call: "Ground Game: Sign up for AP’s weekly politics newsletter …"
    String.raw`(^|[.!?:]\s+)(sign up|subscribe|abonnieren sie|melden sie sich)\b.{0,80}\bnewsletter\b`,
    String.raw`\bnewsletter\b.{0,200}\b(to|in) your inbox\b|(^|[.!?:]\s+)subscribe to\b.{0,60}\b(briefing|digest|round-?up)\b`,
    String.raw`(^|[.!?:]\s+)(abonniere|abonnieren sie)\b.{0,80}\b(kanal|channel)\b`,
    // The terms of a sign-up form: "By entering your email address you agree to our Terms of Use …"
    String.raw`\bby (entering your e-?mail|signing up|subscribing|submitting)\b.{0,120}\b(agree|consent)`,
    String.raw`^got a (story|tip)\b|\bget in touch with our (news|editorial) (team|desk)`,
    String.raw`\bcontains affiliate links|\baffiliate links?\b.{0,120}\bcommission|\bwe may (earn|receive) (a )?commission`,
    String.raw`^follow .{0,60}\bon (twitter|facebook|instagram|x|linkedin|threads|bluesky|google news)\b`,
    String.raw`\bfollow us on (twitter|facebook|instagram|x|linkedin|threads|bluesky|tiktok|youtube|google news)\b`,
    String.raw`\bfolgen sie (uns|\S+) (auf|bei) (twitter|facebook|instagram|x|whatsapp)`,
  ].join('|'),
  'iu',
);

// English and German. Each alternative names the site's voice: a policy, an offer, a request to the reader.
const APPEAL = new RegExp(
  [
    // "Bitte achten Sie darauf, dass Ihre Kommentare themenbezogen sind", "Read our Comment Policy"
    String.raw`\b(kommentare?|comments?|forum)\b.{0,200}\b(themenbezogen|moderier|richtlinien|netiquette|nutzungsbedingungen|meinung der redaktion|policy|guidelines|community standards|moderat)`,
    // Consent texts of embeds: "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden"
    String.raw`ich bin damit einverstanden|externe[nrm]? inhalte? angezeigt|sie können diesen inhalt sehen|you can see this content because`,
    String.raw`\bsupport (our|independent|quality) journalism|\bunterstützen sie (uns|unseren|unabhängigen)|\bdonate (now|today)|\bjetzt spenden`,
    String.raw`\bad[ -]?block`,
    String.raw`^this is a breaking news? story\b|^for more stories like this\b`,
    // Newsletter offers, also worded as the site's news ("… by signing up to our free weekly newsletter").
    String.raw`\bnewsletter\b.{0,200}\b(sign up|subscribe|abonn|anmeld|inbox|delivered|informiert sie|registrieren|e-?mail)`,
    String.raw`\b(sign(ing)? up|subscrib(e|ing)|abonnieren sie|melden sie sich)\b.{0,80}\bnewsletter\b`,
    OFFER.source,
  ].join('|'),
  'iu',
);

// Who reported, edited or translated, and where the piece first ran: "Reporting by Maya Gebeilly in
// Beirut; Editing by …", AP's "___" rule and "X reported from New York", "Übersetzung: …".
const CREDIT = new RegExp(
  [
    String.raw`^(_{3,}|(additional )?reporting by\b|editing by\b|.{0,80}\breported from\b)`,
    String.raw`^aus dem (englischen|französischen|amerikanischen|spanischen|italienischen) (übersetzt )?von\b`,
    String.raw`^(übersetzung|redaktion|mitarbeit|copyright):`,
    String.raw`^first published (in|on|by)\b|^this (article|story) (was|is) (originally|first) (published|written|appeared)`,
    // WordPress's feed footer, and a magazine's note on where the piece ran.
    String.raw`^the post .{1,200} appeared first on\b|^(editor['’]s note: )?this (article|story) (also )?appeared (first |originally )?in\b`,
    // "With files from The Associated Press", "— AP writer … contributed to this report", "Sendung: hr-INFO, …"
    String.raw`^with files from\b|\bcontributed to this (report|story)\.?$|^sendung:`,
  ].join('|'),
  'iu',
);

// A heading over other stories, in the words publishers choose beyond strip-page-furniture's fixed list:
// "More in News", "Suggested articles", "Lesen Sie mehr zum Thema", "Related articles that may interest you".
const LIST_HEADING = new RegExp(
  String.raw`^(?:(?:related|suggested|recommended|similar|other|popular|latest|further|more|discover more|explore more|lesen sie (?:mehr|auch|weiter)|weitere|mehr|aktuelle|ähnliche|beliebte|neueste)\b[\p{L}\p{N}\s'’:-]{0,40}?\b(?:articles?|stories|posts|news|reads?|reading|content|coverage|guides?|zum thema|artikel|meldungen|nachrichten|beiträge|themen|texte)|more (?:in|from) [\p{L}\p{N}\s&-]{1,25}|discover more|you (?:may|might) also (?:like|enjoy)|keep reading|read next|das könnte sie auch interessieren)(?: that may interest you| for you| you may like)?\s*:?$`,
  'iu',
);

const wordCount = (line: string): number => line.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;

/** Where a closing list of other stories starts (its heading), or the number of paragraphs where none does. */
function closingList(
  paragraphs: string[],
  counts: number[],
  total: number,
  settings: typeof DEFAULTS,
): number {
  let after = total;
  for (const [index, paragraph] of paragraphs.entries()) {
    after -= counts[index] ?? 0;
    if (index === 0 || after > total * settings.listShare || !LIST_HEADING.test(paragraph.trim())) continue;
    const next = counts.slice(index + 1, index + 1 + settings.listLines);
    if (next.reduce((sum, count) => sum + count, 0) <= next.length * settings.headlineWords) return index;
  }
  return paragraphs.length;
}

/** The text (paragraphs separated by a blank line) without the site's lines among its first and last. */
export function cutEdgeLines(text: string, options: Partial<typeof DEFAULTS> = {}): string {
  const settings = { ...DEFAULTS, ...options };
  let paragraphs = text.split('\n\n');
  const counts = paragraphs.map(wordCount);
  const total = counts.reduce((sum, count) => sum + count, 0);
  paragraphs = paragraphs.slice(0, closingList(paragraphs, counts, total, settings));
  const kept = paragraphs.filter((paragraph, index) => {
    const last = index >= paragraphs.length - settings.lastLines;
    const line = paragraph.trim();
    const words = wordCount(line);
    if (!last && index >= settings.firstLines) return !(words <= settings.offerWords && OFFER.test(line));
    if (words > total * settings.maxShare) return true;
    if (words <= settings.maxWords && APPEAL.test(line)) return false;
    return !(last && words <= settings.creditWords && CREDIT.test(line));
  });
  // A last line that announces what follows it ("… in unserem Liveblog:") lost what it announced.
  while (kept.length > 1 && /:\s*$/.test(kept[kept.length - 1] ?? '')) kept.pop();
  return kept.length === 0 ? text : kept.join('\n\n');
}

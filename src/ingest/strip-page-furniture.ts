// Page furniture that newsgraph knows from scraped news: navigation, "More Stories" and related-links
// blocks, comments, cookie banners, share bars, author blurbs, bylines and photo credits. Elements are
// removed from the page before the main text is chosen; lines that survive are cut from the text after.

// Furniture by tag, by role and by the `hidden` attribute, tested in code: as a list of 18 selectors,
// css-select tested each element against each under linkedom, half of this pass's CPU (session 19).
const FURNITURE_TAGS = new Set(['NAV', 'ASIDE', 'FOOTER', 'FORM', 'FIGCAPTION', 'BUTTON', 'DIALOG']);
const FURNITURE_ROLES = new Set([
  'navigation',
  'complementary',
  'contentinfo',
  'dialog',
  'alertdialog',
  'banner',
]);
// Posts embedded by the networks' own embed code (a <blockquote> of this class), quoted beside the story
// rather than in it.
const EMBED_CLASSES = new Set(['twitter-tweet', 'instagram-media', 'tiktok-embed', 'reddit-embed-bq']);

/** Whether `element` is furniture by its tag, role or `hidden` attribute alone. */
function isFurnitureElement(element: Element): boolean {
  const tag = element.tagName.toUpperCase();
  if (FURNITURE_TAGS.has(tag) || element.hasAttribute('hidden')) return true;
  const role = element.getAttribute('role');
  if (role !== null && FURNITURE_ROLES.has(role)) return true;
  return (
    tag === 'BLOCKQUOTE' &&
    (element.getAttribute('class') ?? '').split(/\s+/).some((name) => EMBED_CLASSES.has(name))
  );
}

// A class or id token that names furniture: the word, optionally after a prefix and before a container
// suffix ("article-share-bar", "comments-area"), but not a WordPress post class such as "tag-elections".
const FURNITURE_TOKEN =
  /^(?:[a-z0-9]+[-_]+)*?(related|recirculation|polls?|survey|affiliate[-_]?(?:info|disclaimer|disclosure|notice)|more-?stories|morestories|up-?next|modal|o?embed-?placeholder|recommend(ed|ations?)?|read-?more|newsletter|cookies?|cookie-?banner|consent|gdpr|comments?|share|sharing|social|social-?media|author-?(bio|box|info|blurb|description|details|profile|card)|about-?the-?author|byline|breadcrumbs?|promo|adverti[sz]ement|ad-?slot|outbrain|taboola|most-?(read|popular)|trending|tags|caption|credits?|copyright)(?:[-_](?:box|list|links?|block|container|wrapper|section|widget|area|bar|module|teasers?|stories|articles|posts|content|tools|buttons?|icons?|wrap|inner|outer|items?|placeholder|dialog|body|component))*$/i;

// A class that names a state of the element, not a part of the page.
const STATE = /^(has|is|with|without|no|show|hide)[-_]/i;

// Classes that hide an element at every screen size (Bootstrap, Tailwind, Bulma), unless another class
// shows it at some size ("hidden md:block", "d-none d-lg-flex"). Text for screen readers only (sr-only)
// stays: it names blocks ("Weitere Artikel") that the text rules cut.
const HIDDEN_CLASS = /^(hidden|d-none|is-hidden)$/;
const SHOWN_AT_SOME_SIZE =
  /^(\w+:(block|flex|grid|inline|inline-block|inline-flex|table|contents)|d-\w+-(block|flex|grid|inline|inline-block|inline-flex|table)|visible-\w+)$/;

// Consent managers most sites embed (OneTrust, Cookiebot, Didomi, Usercentrics, Quantcast, Sourcepoint):
// their panels hold pages of cookie text, which Readability can take for the article.
const CONSENT_MANAGER = /^(onetrust|cybotcookiebot|cookiebot|didomi|usercentrics|qc-cmp2|sp_message)/i;
// A link to the site's privacy page or settings: with a control beside it, a consent placeholder.
const PRIVACY_LINK = /datenschutz|privacy|privacidad|confidentialit|cookie|consent/i;

export const RELATED_HEADING =
  /^(more stories|more news|more from \S+|related( stories| articles| content| coverage| reading)?|read more|read next|top stories|most (read|popular)|recommended( for you| stories)?|you may also like|you might also like|further reading|mehr zum thema|mehr (nachrichten|artikel|stories|aus \S+|zum thema)|weitere (artikel|nachrichten|meldungen|themen)|lesen sie auch|das könnte sie auch interessieren|auch interessant|zum thema|verwandte artikel|meistgelesen|empfohlen|themen|kommentare|comments)\s*:?$/i;
// The label of one linked headline inside the text ("Lest auch", "See also"): the label goes, the text goes on.
const TEASER_LABEL = /^((lest|lies) auch|siehe auch|see also|also read|read also)\s*:?$/i;
// One linked headline under its label on a line of its own ("Read more: Maxshot V1 review", "Lesen Sie auch:
// Annalena Baerbock: …"); the link that made it a teaser is gone from the text.
const TEASER_LINE =
  /^(related( reading| stories| story| articles?| content| posts?)?|read more|read also|also read|see also|recommended( reading)?|lesen sie auch|lies auch|lest auch|auch interessant|mehr zum thema|siehe auch|mehr dazu|further reading|read next|don['’]t miss)\s*:\s*\S/i;
// A line that is only the label of a control or of a table of contents, left when the control went.
const INTERFACE_LABEL =
  /^(table of contents|contents|inhalt|inhaltsverzeichnis|on this page|in this article|jump to|learn more|see more|show more|load more|mehr anzeigen|mehr erfahren|opens in a new (window|tab)|loading(\.\.\.|…)?|advertisement|anzeige|werbung|share( this (article|story))?|teilen|artikel teilen|merken|skip to (main )?content|zum inhalt springen|back to top|nach oben|drucken|close|schließen)\s*:?$/i;
// A shop's or a review's call to action standing alone, left from a buying box, a deal's sign-up box or a
// teaser: "Best Prices Today:", "Check Price on Amazon", "Get Deal", "Sign Me Up", "Read our full … review".
const ACTION_LABEL =
  /^(best prices? today|where to buy|price at|(check|compare) (the )?prices? (on|at) .{1,30}|see (the )?(price|prices|deal|deals|rating|ratings|offer)( (at|on) .{1,30})?|(buy|shop) (it |now )?(at|on|from) .{1,30}|(buy|shop|book|order) now|view (the )?deal( (at|on) .{1,30})?|see it (at|on) .{1,30}|read (our|my|the) (full|complete|in-depth) .{1,60} review|story continues below( advertisement)?|up next|get (the |this )?deal|save [$£€][\d,.]+|sign me up|be the first to know|thanks? (you )?for (signing up|subscribing)|you['’]re (all )?(signed up|subscribed))\s*[.:!]?$/i;
// The head of a live blog's post, its time run into the writer's name or a label ("21:00Antony Clements-Thrower",
// "2 hours ago10:05 Jon King", "20:42KEY EVENT"), and a player's clock ("00:00 / 03:15").
const LIVE_STAMP =
  /^(?:(?:\d+ (?:hours?|minutes?|mins?) ago\d{1,2}:\d{2} ?|\d{1,2}:\d{2}(?=\p{Lu}))[\p{L} .'’-]{0,40}|\d{1,2}:\d{2} \/ \d{1,2}:\d{2})$/u;
// A photo credit standing alone: an agency's name, with the photographer or place after it ("Getty Images /
// Holger Leue", "REUTERS", "AFP, MANILA").
const AGENCY_CREDIT =
  /^(?:getty(?: images)?|shutterstock|alamy(?: stock photo)?|ap(?: photo)?|afp|reuters|dpa|imago(?: images)?|epa(?:-efe)?|picture[- ]alliance|istock(?:photo)?|keystone)\b(?:\s*(?:\/|via|\||,|-)\s*[\p{L}\d .&/-]{0,40})?$/iu;
const CREDIT = /^(foto|fotos|bild|bilder|photo|photos|image|credit|quelle|grafik|©)\s*:?/i;
const BYLINE = /^(?:[Vv]on|VON|[Bb]y|BY)\s+\p{Lu}[^.!?]*$/u;
// A caption: a line that ends in a photo credit ("… Foto: Alexander Daleiden", "(Photo: AP)", "… © VS Tristach",
// "… (AFP / JORGE GUERRERO)", "… IMAGO/Nico Herbertz").
const CREDIT_END =
  /(?:^|[\s.!?)(|/])\(?(foto|fotos|bild|bilder|photo|photos|image|picture|credit|bildquelle)s?\s*:\s*(?:[^.!?]|\.(?=\w)){1,60}\)?\s*$|\((photo|image|picture)\s+(by|credit|courtesy)\b[^)]{1,60}\)\s*$|©\s*[^©.!?]{1,50}$|\((afp|ap|dpa|reuters|epa|getty images|imago)\s*\/[^)]{1,50}\)\s*$|\b(imago( images)?|picture[- ]alliance)\s*\/\s*[^/]{1,40}$/iu;
// A date line: "Publiziert heute um 12:19 Uhr", "21.04.2024 , 20:24 Uhr", "Updated: 5 May 2024".
const DATE_PART =
  /\d{1,2}[.:/-]\d{1,2}(?:[.:/-]\d{2,4})?\.?|\d{4}|\d{1,2}\.?|[,|·•–-]|\b(?:published|updated|last|posted|publiziert|veröffentlicht|aktualisiert|erschienen|stand|am|um|at|on|uhr|heute|gestern|today|yesterday|am|pm|a\.m\.|p\.m\.|mez|mesz|cet|cest|utc|gmt|e[sd]t|p[sd]t|jan(?:uary|uar)?|feb(?:ruary|ruar)?|m(?:ar|är)(?:ch|z)?|apr(?:il)?|may|mai|june?|juni|july?|juli|aug(?:ust)?|sep(?:t(?:ember)?)?|o[ck]t(?:ober)?|nov(?:ember)?|de[cz](?:ember)?|monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag)\b\.?:?/giu;

// A reading time or a relative date beside the date: "3 Min Lesezeit", "Lesedauer: 4 Minuten", "2 minute
// read", "Last updated 1 day ago".
const READING_TIME =
  /\b(?:\d+\s*)?(?:min(?:s|utes?|uten)?\.?|lesezeit|lesedauer|read(?:ing time)?|hours?|days?|stunden?|tagen?|ago|vor)\b:?/giu;

/** Furniture holding more than this share of the page's text is a wrapper that is misnamed, and stays. */
export const DEFAULTS = {
  maxShare: 0.3,
  /** A consent placeholder for an embed (text, a control, a privacy link) is at most this long. */
  placeholderChars: 600,
  /** A related-links heading is judged by this many lines after it. */
  listLines: 6,
  smallChars: 200,
  /** A labelled teaser line ("Read more: …") is a headline: at most this many words. */
  teaserWords: 20,
  /** Date lines are cut among this many first and last lines of the text. */
  edgeLines: 3,
};

/**
 * Removes furniture elements (by tag and role, and unless `byName` is false by class or id) from the
 * document. Mutates it.
 */
export function removeFurnitureElements(document: Document, byName = true): void {
  for (const element of document.querySelectorAll('script, style, noscript, template')) element.remove();
  // React's streamed server rendering (Next.js and others) sends the content of a suspended part in a
  // hidden <div id="S:0"> that a script moves into place: on a saved page, that is the article.
  for (const element of document.querySelectorAll('div[hidden][id^="S:"]')) element.removeAttribute('hidden');
  removeConsentPlaceholders(document);
  const total = document.body?.textContent?.length ?? 0;
  const small = (element: Element): boolean =>
    (element.textContent?.length ?? 0) <= Math.max(total * DEFAULTS.maxShare, DEFAULTS.smallChars);
  // Each pass reads the elements left by the one before, as a query would.
  for (const element of document.querySelectorAll('*')) {
    if (isFurnitureElement(element) && small(element)) element.remove();
  }
  if (!byName) return;
  // A page repeats its class names: each is judged once.
  const judged = new Map<string, boolean>();
  const namesFurniture = (token: string): boolean => {
    let furniture = judged.get(token);
    if (furniture === undefined) judged.set(token, (furniture = FURNITURE_TOKEN.test(classWords(token))));
    return furniture;
  };
  for (const element of document.querySelectorAll('*')) {
    if (!element.hasAttribute('class') && !element.hasAttribute('id')) continue;
    if (element.tagName === 'BODY' || element.tagName === 'HTML' || element.tagName === 'ARTICLE') continue;
    const classes = element.getAttribute('class') ?? '';
    const tokens = `${classes} ${element.getAttribute('id') ?? ''}`.split(/\s+/);
    // Consent managers' names are matched as written ("CybotCookiebotDialog"), the rest as words.
    if (tokens.some((token) => CONSENT_MANAGER.test(token))) element.remove();
    else if (hiddenByClass(classes) && small(element)) element.remove();
    else if (tokens.some(namesFurniture) && small(element)) element.remove();
  }
}

/**
 * A class name as words: camel case split ("shareArticles", "NewsletterBox" are `share-Articles`,
 * `Newsletter-Box`), and the hash of CSS modules (Next.js and others: `Article_elementPoll__0I_DP`) cut.
 * A state ("hasCaption", "is-share", "without-caption") names what the element has, not what it is: ''.
 */
function classWords(token: string): string {
  // A hash has a digit, a capital or a dash in it; a BEM element ("card__share") does not.
  const words = token.replace(/__(?=[\w-]*[0-9A-Z_-])[\w-]{5}$/, '').replace(/([a-z0-9])([A-Z])/g, '$1-$2');
  return STATE.test(words) ? '' : words;
}

/**
 * Whether an element's classes (its `class` attribute) hide it at every screen size: a sign-in offer or a
 * variant for another page state.
 */
function hiddenByClass(classAttribute: string): boolean {
  const classes = classAttribute.split(/\s+/);
  return (
    classes.some((name) => HIDDEN_CLASS.test(name)) && !classes.some((name) => SHOWN_AT_SOME_SIZE.test(name))
  );
}

/**
 * Removes the placeholders that stand for an embed until the reader consents ("Externer Inhalt … Ich bin
 * damit einverstanden", "Ein Klick für den Datenschutz"): the smallest block around a link to the privacy
 * page that also holds a button or check box, when its text is short. Runs before buttons are removed.
 */
function removeConsentPlaceholders(document: Document): void {
  for (const link of document.querySelectorAll('a[href]')) {
    if (!PRIVACY_LINK.test(link.getAttribute('href') ?? '')) continue;
    for (let block = link.parentElement; block && block.tagName !== 'BODY'; block = block.parentElement) {
      if ((block.textContent?.length ?? 0) > DEFAULTS.placeholderChars) break;
      if (block.querySelector('button, input[type="checkbox"], [role="button"], [role="switch"]')) {
        block.remove();
        break;
      }
    }
  }
}

function fragments(line: string): boolean {
  const sentences = line.split(/(?<=[.!?])\s+/).filter((part) => part.trim() !== '');
  return sentences.length >= 3 && sentences.every((part) => part.split(/\s+/).length <= 4);
}

const squashLine = (line: string): string => line.replace(/\s+/g, ' ').toLowerCase();

/** A short line of a date, a time and words such as "published" or "Uhr", and nothing else. */
function dateLine(line: string): boolean {
  if (line.length > 80 || !/\d/.test(line)) return false;
  // "Publiziert6. November": a label run into its date.
  const spaced = line.replace(/(\p{L})(\d)/gu, '$1 $2');
  return spaced.replace(DATE_PART, ' ').replace(READING_TIME, ' ').trim() === '';
}

/** Headlines are short: a related-links heading followed by long paragraphs is inline, not a list. */
function headlinesFollow(paragraphs: string[]): boolean {
  // The lines right after the heading: a long article's later lists do not make it a list of links.
  const words = paragraphs.slice(0, DEFAULTS.listLines).map((paragraph) => paragraph.split(/\s+/).length);
  return words.reduce((sum, count) => sum + count, 0) <= words.length * 25;
}

/** The text up to the related-links list, without related headings, byline, credit and blurb lines. */
export function cutFurnitureText(text: string): string {
  const kept: string[] = [];
  const seen = new Set<string>();
  const paragraphs = text.split('\n\n');
  for (const [index, paragraph] of paragraphs.entries()) {
    const line = paragraph.trim().replace(/^[„"“«»]+|[„"“”«»]+$/g, '');
    if (RELATED_HEADING.test(line)) {
      if (headlinesFollow(paragraphs.slice(index + 1))) break;
      continue;
    }
    if (TEASER_LABEL.test(line) || INTERFACE_LABEL.test(line) || ACTION_LABEL.test(line)) continue;
    if (LIVE_STAMP.test(line)) continue;
    const words = line.split(/\s+/).length;
    if (TEASER_LINE.test(line) && words <= DEFAULTS.teaserWords) continue;
    if (words <= 8 && (BYLINE.test(line) || CREDIT.test(line) || AGENCY_CREDIT.test(line))) continue;
    // A date line heads or ends an article; inside it, dates are a list the text holds (a programme).
    const edge = index < DEFAULTS.edgeLines || index >= paragraphs.length - DEFAULTS.edgeLines;
    if (fragments(line) || (edge && dateLine(line)) || CREDIT_END.test(line)) continue;
    // A caption or teaser printed twice (once per screen size) is text only once.
    const key = squashLine(line);
    if (words >= 6 && seen.has(key)) continue;
    seen.add(key);
    kept.push(paragraph);
  }
  return kept.join('\n\n');
}

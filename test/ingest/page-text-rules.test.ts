import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/ingest/extract-page.js';
import { cutFurnitureText } from '../../src/ingest/strip-page-furniture.js';

// A news page written here: a kicker and the title (soft-hyphenated in og:title) above the text, a
// date line, the lead shown in the header and given as the description, a photo caption printed twice
// (once per screen size) and a list of other headlines, each with a label before its link.
const STORY = [
  'Die Stadt Musterhausen hat am Montag beschlossen, den alten Güterbahnhof in ein Wohnviertel umzubauen. Der Rat stimmte mit großer Mehrheit für den Plan der Verwaltung, der seit drei Jahren vorbereitet wird.',
  'Auf dem Gelände sollen bis 2030 rund 1.200 Wohnungen entstehen, ein Drittel davon mit Mietpreisbindung. Dazu kommen eine Grundschule, zwei Kindergärten und ein Park entlang der alten Gleise.',
  'Kritik kam von den Anwohnern des benachbarten Viertels, die mehr Verkehr fürchten. Die Verwaltung will deshalb eine neue Straßenbahnlinie bauen, die das Viertel mit dem Hauptbahnhof verbindet.',
  'Die Kosten für die Erschließung schätzt die Stadt auf 180 Millionen Euro. Einen Teil davon soll das Land tragen, das den Umbau von Bahnflächen in Wohngebiete seit dem vergangenen Jahr fördert.',
];
const LEAD =
  'Aus dem alten Güterbahnhof wird ein Wohnviertel mit 1.200 Wohnungen: Der Stadtrat hat den Plan beschlossen, Anwohner fürchten mehr Verkehr.';
const CAPTION = 'Das Gelände des alten Güterbahnhofs im Norden der Stadt. Foto: Erika Mustermann';

function page(): string {
  return `<!doctype html><html lang="de"><head><title>Güterbahnhof wird Wohnviertel | Musterzeitung</title>
<meta property="og:title" content="Güter\u00adbahnhof wird Wohnviertel">
<meta name="description" content="${LEAD}"></head><body>
<div class="hero"><p class="kicker">Stadtentwicklung</p><h1>Güterbahnhof wird Wohnviertel</h1>
<p class="meta">Publiziert am 21.04.2024, 20:24 Uhr</p><div class="standfirst">${LEAD}</div></div>
<div class="columns"><div class="player"><img src="b.jpg"></div>
<main><article><div class="article-text">
<p>${STORY[0]}</p><p>${STORY[1]}</p>
<figure class="mobile"><img src="a.jpg"><div class="legend">${CAPTION}</div></figure>
<figure class="desktop"><img src="a.jpg"><div class="legend">${CAPTION}</div></figure>
<p>${STORY[2]}</p><p>${STORY[3]}</p>
<ul class="linklist"><li><strong>Verkehr: </strong><a href="/a">Neue Straßenbahnlinie soll bis 2028 fertig sein</a></li>
<li><strong>Wohnen: </strong><a href="/b">Mieten in Musterhausen steigen weiter stärker als im Land</a></li>
<li><strong>Schule: </strong><a href="/c">Grundschulen im Norden der Stadt sind schon heute voll</a></li></ul>
</div></article></main></div></body></html>`;
}

describe('main text rules', () => {
  it('a page keeps its lead and story and drops kicker, title, date line, captions and linked headlines', () => {
    const { body } = extractPage(page(), 'https://musterzeitung.example/a');
    const paragraphs = body.split('\n\n');
    expect(paragraphs).toEqual([LEAD, ...STORY]);
  });

  it('a description that calls on the reader, or that the text holds already, is not put before the text as its lead', () => {
    const promotion =
      'Learn how the city turns its old freight yard into homes, and find out what it means for your rent.';
    const withPromotion = page().replaceAll(LEAD, promotion);
    expect(extractPage(withPromotion, null).body.split('\n\n')).toEqual(STORY);
    // A description cut from the first paragraph, after a byline: the paragraph is in the text already.
    const cut = `Von Erika Mustermann MUSTERHAUSEN (dpa) - ${STORY[0]?.slice(0, 110)}`;
    const html = `<!doctype html><html lang="de"><head><title>Güterbahnhof</title>
<meta name="description" content="${cut}"></head><body><div class="top"><div class="hero"><span>${cut}</span></div></div><div class="main"><article>
<h1>Güterbahnhof</h1>
${STORY.map((text, index) => `<p>${index === 0 ? 'MUSTERHAUSEN (dpa) - ' : ''}${text}</p>`).join('\n')}
</article></div></body></html>`;
    expect(extractPage(html, null).body.split('\n\n')[0]).toBe(`MUSTERHAUSEN (dpa) - ${STORY[0]}`);
  });

  it('the title with a kicker run into it goes from the head of the text, as the title alone does', () => {
    const title = 'Güterbahnhof wird Wohnviertel mit 1.200 Wohnungen';
    const html = `<!doctype html><html lang="de"><head><title>Musterzeitung</title>
<meta property="og:title" content="${title}"></head><body><article>
<div class="head"><span class="kicker">Stadtentwicklung</span><span class="title">${title}</span></div>
${STORY.map((text) => `<p>${text}</p>`).join('\n')}
</article></body></html>`;
    expect(extractPage(html, null).body.split('\n\n')).toEqual(STORY);
  });

  it('a date line (also with a reading time) at the head or end of the text, a line ending in a photo credit or the head of a live blog’s post is not text; a repeated line counts once', () => {
    const text = [
      'Publiziert heute um 12:19 Uhr',
      'Updated: 5 May 2024, 10:30 am',
      'Stand: 20:03 Uhr | Lesedauer: 4 Minuten',
      STORY[0],
      'The mayor spoke at the opening of the new station. (Photo by John Smith/Getty Images)',
      'Die Pyramide zeigt die Phasen des Plans. Bild: Screenshot: example.org',
      'Das Wohn- und Pflegeheim am Stadtrand © Gemeinde Musterhausen',
      'Personen in Schutzanzügen gehen auf das Schiff zu: 11. Mai 2026 (AFP / JANE DOE)',
      'Der Trainer möchte noch so viele Punkte wie möglich sammeln. IMAGO/Max Muster',
      STORY[1],
      STORY[1],
      'In 2024, 12 people died on that road.',
      'March 16, 2026',
      '21:00Antony Clements-Thrower',
      '2 hours ago10:05 Jon King',
      '20:42KEY EVENT',
      '00:00 / 03:15',
      '21:00 The police closed the square.',
      STORY[2],
      STORY[3],
      'Publiziert6. November 2025, 12:26',
      'Published Jun 04, 2026 • Last updated 1 day ago • 2 minute read',
      'Stand: 25.04.2024 10:45 Uhr',
    ].join('\n\n');
    expect(cutFurnitureText(text).split('\n\n')).toEqual([
      STORY[0],
      STORY[1],
      'In 2024, 12 people died on that road.',
      'March 16, 2026',
      '21:00 The police closed the square.',
      STORY[2],
      STORY[3],
    ]);
  });

  it('scripts and style sheets are not text, and the JSON-LD among them is still read', () => {
    const ld = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Güterbahnhof wird Wohnviertel',
      datePublished: '2024-04-21T20:24:00+02:00',
      author: { '@type': 'Person', name: 'Erika Mustermann' },
    });
    const html = `<!doctype html><html lang="de"><head><style>p::before { content: "Werbung"; }</style>
<script>window.teaser = "<p>Sieben Tipps für den Urlaub, die jeder kennen sollte</p>";</script>
<SCRIPT TYPE="application/ld+json">${ld}</SCRIPT></head><body><article>
${STORY.map((text) => `<p>${text}</p><script async src="ad.js"></script><style>.ad{display:none}</style>`).join('\n')}
</article><script>document.write('<div>Mehr lesen</div>')</script></body></html>`;
    const page = extractPage(html, null);
    expect(page.body.split('\n\n')).toEqual(STORY);
    expect(page.title).toBe('Güterbahnhof wird Wohnviertel');
    expect(page.author).toBe('Erika Mustermann');
    expect(page.published).toBe('2024-04-21T20:24:00+02:00');
  });
});

import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/ingest/extract-page.js';
import { cutFurnitureText } from '../../src/ingest/strip-page-furniture.js';

// Pages written here around one story, each with one kind of furniture found on news pages in 2026-12:
// the next story appended by infinite scroll, class names in camel case and CSS-module form, a poll, a
// recirculation box, and lines that the title kept at the head of the text.
const STORY = [
  'The city council voted on Monday to turn the old freight yard into a neighbourhood of 1,200 homes. The plan, three years in the making, passed with a large majority after a debate of four hours.',
  'A third of the homes will be let at controlled rents. The site will also get a primary school, two nurseries and a park that follows the line of the old tracks from the river to the station.',
  'Residents of the neighbouring district fear more traffic. The council therefore wants to build a new tram line that links the district with the main station before the first homes are finished.',
  'The city puts the cost of preparing the site at 180 million euros. The state is to pay part of it under a programme that has funded the conversion of railway land into housing since last year.',
];
const OTHER = [
  'The harbour authority has closed the northern pier after divers found cracks in three of its pillars. Ferries to the islands will leave from the southern pier until repairs are finished in the spring.',
  'Engineers said the damage was caused by a ship that struck the pier in a storm last winter. The authority has asked the shipping company to pay for the repairs, which it puts at four million euros.',
  'Ferry passengers should allow an extra twenty minutes to reach the southern pier, the operator said. Extra buses will run from the main station to the pier every ten minutes during the morning rush.',
];

const paragraphs = (texts: string[]): string => texts.map((text) => `<p>${text}</p>`).join('\n');

function page(inArticle: string, title = 'Freight yard to become homes'): string {
  return `<!doctype html><html lang="en"><head><title>${title} | Gazette</title>
<meta property="og:title" content="${title}"></head><body>
<main><article><h1>${title}</h1>
${paragraphs(STORY.slice(0, 2))}
${inArticle}
${paragraphs(STORY.slice(2))}
</article></main></body></html>`;
}

describe('other stories on the page', () => {
  it('a second article under its own <h1>, appended by infinite scroll, is not text; the titled one is', () => {
    const html = `<!doctype html><html lang="en"><head><title>Freight yard to become homes</title>
<meta property="og:title" content="Freight yard to become homes"></head><body><main>
<article class="article-entity"><h1>Freight yard to become homes</h1>${paragraphs(STORY)}</article>
<article class="article-entity"><h1>Northern pier closed after divers find cracks</h1>${paragraphs(OTHER)}</article>
</main></body></html>`;
    expect(extractPage(html, null).body.split('\n\n')).toEqual(STORY);
  });

  it('articles under their own <h1> stay where none of them is titled as the page (a list of stories)', () => {
    const html = `<!doctype html><html lang="en"><head><title>Gazette: today's stories</title></head><body><main>
<article><h1>Freight yard to become homes</h1>${paragraphs(STORY)}</article>
<article><h1>Northern pier closed after divers find cracks</h1>${paragraphs(OTHER)}</article>
</main></body></html>`;
    const body = extractPage(html, null).body;
    expect(body).toContain(STORY[0]);
    expect(body).toContain(OTHER[0]);
  });
});

describe('class names', () => {
  it('furniture named in camel case or by CSS modules ("Article_elementPoll__0I_DP") is not text', () => {
    const poll = `<div class="Article_elementPoll__0I_DP"><p>Should the city build more homes on railway land, even if it means more traffic?</p><p>Yes, it needs the homes.</p><p>No, the traffic is too much.</p></div>`;
    const share = `<div class="shareArticles"><p>Share this article with your friends and family on the networks you use</p></div>`;
    const newsletter = `<div class="NewsletterBox"><p>Get the best of the Gazette in your inbox every morning, free of charge</p></div>`;
    expect(extractPage(page(poll + share + newsletter), null).body.split('\n\n')).toEqual(STORY);
  });

  it('a block whose class names a state ("hasCaption", "with-share") is text; a BEM element ("story__share") is furniture', () => {
    const states = `<div class="articleHeader hasCaption"><p>${'Planners say the first homes could be ready in four years, if the state approves the money this autumn.'}</p></div>
<div class="with-share"><p>${'The council will hold a public meeting on the plan in the town hall on the first Monday of next month.'}</p></div>
<div class="story__share"><p>Share this story on the networks you use, or send it by email to a friend</p></div>`;
    const body = extractPage(page(states), null).body.split('\n\n');
    expect(body).toEqual([
      ...STORY.slice(0, 2),
      'Planners say the first homes could be ready in four years, if the state approves the money this autumn.',
      'The council will hold a public meeting on the plan in the town hall on the first Monday of next month.',
      ...STORY.slice(2),
    ]);
  });

  it('a consent manager named in camel case ("CybotCookiebotDialog") is still not text, however long', () => {
    const cookies = Array.from(
      { length: 8 },
      (_, index) =>
        `<p>Cookies of category ${index} are set by our partners to measure visits, to show adverts that match your interests and to remember the choices you make on this site.</p>`,
    ).join('');
    const html = `<!doctype html><html lang="en"><head><title>Freight yard</title></head><body>
<div class="content">${paragraphs(STORY)}</div><div id="CybotCookiebotDialog">${cookies}</div></body></html>`;
    expect(extractPage(html, null).body.split('\n\n')).toEqual(STORY);
  });

  it('a poll, a survey, a recirculation box and an affiliate notice are not text', () => {
    const blocks = `<div class="poll-widget"><p>Which should the council build first on the old freight yard site?</p><p>The school</p><p>The park</p></div>
<section class="recirculation-box"><p>More on this</p><p>Tram line to the north will cost more than planned, report finds</p></section>
<p class="affiliate_info">Links marked with a symbol are affiliate links: we earn a commission on purchases</p>
<div id="reader-survey"><p>Tell us what you think of our coverage of the city and win a year of the Gazette</p></div>`;
    expect(extractPage(page(blocks), null).body.split('\n\n')).toEqual(STORY);
  });
});

describe('lines at the head of the text', () => {
  it('a date line under the title is not text, though the title stood below other lines (a video box)', () => {
    // The title is cut with what stands before it; the date line after it is then the first line.
    const html = `<!doctype html><html lang="de"><head><title>Güterbahnhof wird Wohnviertel</title></head><body>
<main><article><div class="player"><p>Güterbahnhof wird Wohnviertel | Gazette aktuell</p>
<p>02:57 Min. Verfügbar bis 06.05.2027</p></div><p class="headline">Güterbahnhof wird Wohnviertel</p>
<p>Stand: 22.04.2024, 06:00 Uhr</p>${paragraphs(STORY)}</article></main></body></html>`;
    expect(extractPage(html, null).body.split('\n\n')).toEqual(STORY);
  });

  it('a byline begins "Von" or "By" in capitals too', () => {
    const text = [
      'Von Erika Mustermann',
      'BY JOHN SMITH',
      STORY[0],
      'Von Berlin nach Paris fährt der Zug jetzt täglich.',
    ];
    expect(cutFurnitureText(text.join('\n\n')).split('\n\n')).toEqual([STORY[0], text[3]]);
  });

  it('the label of an inline teaser ("Lest auch", "See also") goes, and the text after it stays', () => {
    const items = [
      '1. More than 1,300 projects.',
      '2. Debts of 300 billion dollars.',
      '3. Twelve million owners.',
    ];
    const text = [STORY[0], 'Lest auch', STORY[1], 'See also:', ...items, STORY[2], STORY[3]];
    expect(cutFurnitureText(text.join('\n\n')).split('\n\n')).toEqual([
      STORY[0],
      STORY[1],
      ...items,
      STORY[2],
      STORY[3],
    ]);
  });

  it('a line that is only the label of a control or a table of contents is not text', () => {
    const labels = [
      'Table of Contents',
      'Inhalt',
      'Teilen',
      'Share this article',
      'Loading...',
      'Back to top',
      'Anzeige',
    ];
    const text = [
      labels[0],
      labels[1],
      STORY[0],
      labels[2],
      STORY[1],
      labels[3],
      labels[4],
      STORY[2],
      labels[5],
      labels[6],
      STORY[3],
    ];
    expect(cutFurnitureText(text.join('\n\n')).split('\n\n')).toEqual(STORY);
  });

  it("a photo agency's credit standing alone is not text; a sentence that names the agency is", () => {
    const sentence = 'Reuters reported on Monday that the state will pay a third of the cost.';
    const text = [
      STORY[0],
      'Getty Images / Holger Leue',
      STORY[1],
      'REUTERS',
      STORY[2],
      'AFP, MANILA',
      sentence,
      STORY[3],
    ];
    expect(cutFurnitureText(text.join('\n\n')).split('\n\n')).toEqual([
      ...STORY.slice(0, 3),
      sentence,
      STORY[3],
    ]);
  });
});

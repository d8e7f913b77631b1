import { describe, expect, it } from 'vitest';
import { cutAuthorLines } from '../../src/ingest/cut-author-lines.js';
import { cutEdgeLines } from '../../src/ingest/cut-edge-lines.js';
import { extractPage } from '../../src/ingest/extract-page.js';
import { cutFurnitureText } from '../../src/ingest/strip-page-furniture.js';

// A report as a publisher prints it (written here): between its paragraphs a newsletter offer with the terms
// of its form and a shop's calls to action, under it the author's blurb, all plain paragraphs of the
// article's block with no class that names them; the page names its author in a meta tag.
const STORY = [
  'The city council of Springfield voted on Monday to turn the old freight yard into a district of 1,200 homes, a third of them at capped rents, after three years of planning.',
  'Residents of the neighbouring streets fear more traffic. The council answered with a new tram line that is to link the district with the main station by 2030.',
  'The state will pay part of the 180 million dollars the city expects to spend on roads, pipes and a park along the old tracks, the mayor said after the vote.',
  'Building is to start next spring, once the last tracks are gone and the soil has been tested, and the first tenants are to move in three years later.',
];
const BLURB =
  'Jane Doe is a senior reporter at the Springfield Courier, where she has covered city hall and housing since 2019.';

function page(author: string): string {
  return `<!doctype html><html lang="en"><head><title>Freight yard to become homes</title>
<meta name="author" content="${author}"></head><body>
<main><article><h1>Freight yard to become homes</h1><div class="body">
<p>${STORY[0]}</p>
<p><strong>Morning Briefing:</strong> Sign up for our weekly newsletter to get the day’s news in your inbox.</p>
<p>By signing up you consent to receive the above newsletter from Courier Media Inc.</p>
<p>${STORY[1]}</p><p>Best Prices Today:</p><p>Read our full Acme Tram 3000 review</p>
<p>${STORY[2]}</p><p>Story continues below advertisement</p>
<p>${STORY[3]}</p><p><em>${BLURB}</em></p>
</div></article></main></body></html>`;
}

describe('the author’s blurb, the site’s offers and calls to action', () => {
  it('a page loses the newsletter offer and its terms, the calls to action and the blurb of its author, and keeps the story', () => {
    expect(extractPage(page('Jane Doe'), null).body.split('\n\n')).toEqual(STORY);
  });

  it('the blurb stays where the page names another author, or an organisation', () => {
    expect(extractPage(page('John Roe'), null).body.split('\n\n')).toEqual([...STORY, BLURB]);
    const text = [...STORY, 'Springfield Courier is owned by Courier Media Inc.'].join('\n\n');
    expect(cutAuthorLines(text, 'Springfield Courier', 'Springfield Courier')).toBe(text);
  });

  it('authors are read from a list ("Manoj Jain and Jagpreet Chhatwal, The Commercial Appeal"), a title may stand before the name', () => {
    const blurbs = [
      'Korrespondent Max Muster ist bei der Zeitung für Landespolitik zuständig.',
      'Erika Mustermann ist Professorin für Stadtplanung in Hamburg.',
    ];
    const text = [...STORY, ...blurbs].join('\n\n');
    expect(cutAuthorLines(text, 'Max Muster und Erika Mustermann, Musterzeitung').split('\n\n')).toEqual(
      STORY,
    );
  });

  it('a blurb may name the author by the first name, before a verb of a blurb ("Jean-Luc started …")', () => {
    const blurb = 'Jane started the Courier in 2010 and has written about city hall ever since.';
    expect(cutAuthorLines([...STORY, blurb].join('\n\n'), 'Jane Doe').split('\n\n')).toEqual(STORY);
    // The first name before any other word is the story's: "Will the plan work?" under a text by Will Roe.
    const question = 'Will the council keep to its plan once the first tenants have moved in?';
    const text = [...STORY, question].join('\n\n');
    expect(cutAuthorLines(text, 'Will Roe')).toBe(text);
  });

  it('the author’s name inside the story, in a long paragraph, or at the head of the text, stays', () => {
    const quote = `Jane Doe, who reported on the vote, said the tram line was the price of the council's majority. ${STORY[0]} ${STORY[1]}`;
    const text = [BLURB, ...STORY, quote].join('\n\n');
    expect(cutAuthorLines(text, 'Jane Doe')).toBe(text);
    const inside = [STORY[0], BLURB, STORY[1], STORY[2], STORY[3]].join('\n\n');
    expect(cutAuthorLines(inside, 'Jane Doe')).toBe(inside);
  });

  it('a story’s sentences about newsletters and sign-ups stay: the offer is the site calling on its reader', () => {
    // In the middle of the text, where only the site's own calls are read (the edges read more).
    const text = [
      STORY[0],
      STORY[1],
      'The newsletter of the residents’ association asked readers to sign up for a protest by e-mail.',
      'Readers should subscribe to industry newsletters and follow relevant sources, the guide advises.',
      STORY[2],
      STORY[3],
      STORY[0],
    ].join('\n\n');
    expect(cutEdgeLines(text)).toBe(text);
  });

  it('calls to action go only as lines of their own', () => {
    const text = [STORY[0], 'Shoppers can buy it at the market hall for 20 dollars, the council said.'].join(
      '\n\n',
    );
    expect(cutFurnitureText(text)).toBe(text);
    expect(cutFurnitureText([STORY[0], 'Check Price on Amazon', 'See the rating.'].join('\n\n'))).toBe(
      STORY[0],
    );
    // A teaser under its label on a line of its own.
    const teasers = ['Read more: Maxshot V1 review', 'Lesen Sie auch: Baerbock: Kinder, Ausbildung, Politik'];
    expect(cutFurnitureText([STORY[0], ...teasers, STORY[1]].join('\n\n'))).toBe(
      `${STORY[0]}\n\n${STORY[1]}`,
    );
    // A deal's box: its price cut, its button and its sign-up form.
    const deal = [
      'Save $1,369.01',
      'Get Deal',
      'Be the first to know!',
      'Sign Me Up',
      'Thanks for signing up!',
    ];
    expect(cutFurnitureText([STORY[0], ...deal, STORY[1]].join('\n\n'))).toBe(`${STORY[0]}\n\n${STORY[1]}`);
  });
});

import { describe, expect, it } from 'vitest';
import { cutEdgeLines } from '../../src/ingest/cut-edge-lines.js';
import { extractPage } from '../../src/ingest/extract-page.js';

// A wire story as a publisher prints it (written here): an affiliate disclosure above the story; after it
// the agency's credit line, a newsletter offer and the comment rules, all as plain paragraphs of the
// article's block with no class that names them.
const STORY = [
  'The city council of Springfield voted on Monday to turn the old freight yard into a district of 1,200 homes, a third of them at capped rents, after three years of planning.',
  'Residents of the neighbouring streets fear more traffic. The council answered with a new tram line that is to link the district with the main station by 2030.',
  'The state will pay part of the 180 million dollars the city expects to spend on roads, pipes and a park along the old tracks, the mayor said after the vote.',
];
const DISCLOSURE =
  'This article contains affiliate links. We may earn a commission on purchases made through them.';
const CREDIT = 'Reporting by Jane Doe in Springfield; Editing by John Roe';
const NEWSLETTER = 'Sign up for our Morning Briefing newsletter and get the day’s news in your inbox.';
const POLICY =
  'Comments are moderated. Please read our community guidelines before you post; comments that break them are removed.';

function page(): string {
  return `<!doctype html><html lang="en"><head><title>Freight yard to become homes</title></head><body>
<main><article><h1>Freight yard to become homes</h1><div class="body">
<p><em>${DISCLOSURE}</em></p>
${STORY.map((paragraph) => `<p>${paragraph}</p>`).join('\n')}
<p>${CREDIT}</p><p><strong>${NEWSLETTER}</strong></p><p>${POLICY}</p>
</div></article></main></body></html>`;
}

describe('the site’s lines at the head and end of the text', () => {
  it('a page loses its affiliate disclosure, wire credit, newsletter offer and comment rules, and keeps the story', () => {
    expect(extractPage(page(), null).body.split('\n\n')).toEqual(STORY);
  });

  it('German appeals and credits go too: a donation appeal, comment rules, a translator credit', () => {
    const text = [
      ...STORY,
      'Übersetzung: Erika Mustermann',
      'Unterstützen Sie unabhängigen Journalismus: Jetzt spenden und die Zeitung sichern.',
      'Bitte achten Sie darauf, dass Ihre Kommentare themenbezogen sind. Die Redaktion moderiert.',
    ].join('\n\n');
    expect(cutEdgeLines(text).split('\n\n')).toEqual(STORY);
  });

  it('the same words inside the story stay: only the first and last lines are read', () => {
    const middle =
      'The newsletter of the residents’ association asked readers to sign up for a protest by e-mail.';
    const text = [STORY[0], STORY[1], middle, STORY[2], STORY[0], STORY[1], STORY[2]].join('\n\n');
    expect(cutEdgeLines(text)).toBe(text);
  });

  it('a long last paragraph, or one that is most of the text, is the story whatever words it holds', () => {
    const long = `${STORY.join(' ')} Subscribers to the newsletter were told by e-mail first. ${STORY.join(' ')}`;
    expect(cutEdgeLines([STORY[0], long].join('\n\n'))).toBe([STORY[0], long].join('\n\n'));
    const only = 'Sign up for the newsletter by e-mail, the mayor told the residents of the yard.';
    expect(cutEdgeLines(only)).toBe(only);
  });

  it('a credit line at the head of the text stays (credits close a story)', () => {
    const text = [CREDIT, ...STORY].join('\n\n');
    expect(cutEdgeLines(text)).toBe(text);
  });

  it('a closing list of other stories under a freely worded heading goes ("More in News", "Lesen Sie mehr zum Thema")', () => {
    const teasers = [
      'Bus drivers strike on Friday',
      'In News - 02 Feb 2025, 20:02',
      'Yellow weather warning issued',
    ];
    expect(cutEdgeLines([...STORY, 'More in News', ...teasers].join('\n\n')).split('\n\n')).toEqual(STORY);
    const german = ['Lesen Sie mehr zum Thema', 'Neue Straßenbahn bis 2028', 'Mieten steigen weiter'];
    expect(cutEdgeLines([...STORY, ...german].join('\n\n')).split('\n\n')).toEqual(STORY);
  });

  it('such a heading with much of the story after it is a list inside the story, which stays', () => {
    const text = [
      STORY[0],
      'Suggested reading:',
      'The freight yard plan',
      'Tram lines of 2030',
      STORY[1],
      STORY[2],
    ].join('\n\n');
    expect(cutEdgeLines(text)).toBe(text);
  });

  it('broadcast and wire credits, a breaking-news note and a last line announcing what is gone go', () => {
    const endings = [
      ['With files from The Associated Press and Jane Doe'],
      ['—Associated Press writer John Roe in Paris contributed to this report.'],
      ['Sendung: hr-INFO, 25.04.2024, 10.45 Uhr'],
      ['This is a breaking news story - more to follow'],
      ['Mehr zur Lage im Nahen Osten lesen Sie in unserem Liveblog:'],
    ];
    for (const ending of endings)
      expect(cutEdgeLines([...STORY, ...ending].join('\n\n')).split('\n\n')).toEqual(STORY);
    // Inside the text, a line ending in a colon introduces what follows it.
    const list = [STORY[0], 'The plan holds three parts:', STORY[1], STORY[2]].join('\n\n');
    expect(cutEdgeLines(list)).toBe(list);
  });
});

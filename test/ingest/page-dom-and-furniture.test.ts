import { describe, expect, it } from 'vitest';
import { extractPage } from '../../src/ingest/extract-page.js';
import { parsePageDom } from '../../src/ingest/parse-page-dom.js';
import { cutFurnitureText, removeFurnitureElements } from '../../src/ingest/strip-page-furniture.js';

// Pages written here, each around the same four-paragraph story with one kind of furniture, or with
// markup that linkedom reads differently from a browser.
const STORY = [
  'The city council voted on Monday to turn the old freight yard into a neighbourhood of 1,200 homes. The plan, three years in the making, passed with a large majority after a debate of four hours.',
  'A third of the homes will be let at controlled rents. The site will also get a primary school, two nurseries and a park that follows the line of the old tracks from the river to the station.',
  'Residents of the neighbouring district fear more traffic. The council therefore wants to build a new tram line that links the district with the main station before the first homes are finished.',
  'The city puts the cost of preparing the site at 180 million euros. The state is to pay part of it under a programme that has funded the conversion of railway land into housing since last year.',
];

const paragraphs = (texts: string[]): string => texts.map((text) => `<p>${text}</p>`).join('\n');

function page(inArticle: string, outside = ''): string {
  return `<!doctype html><html lang="en"><head><title>Freight yard to become homes</title></head><body>
<main><article><h1>Freight yard to become homes</h1>
${paragraphs(STORY.slice(0, 2))}
${inArticle}
${paragraphs(STORY.slice(2))}
</article></main>${outside}</body></html>`;
}

const COOKIE_TEXT = [
  'When you visit our website, we store cookies on your browser to collect information. The information collected might relate to you, your preferences or your device, and is mostly used to make the site work as you expect it to.',
  'These cookies are necessary for the website to function and cannot be switched off in our systems. They are usually only set in response to actions made by you which amount to a request for services.',
  'These cookies allow us to count visits and traffic sources so we can measure and improve the performance of our site. They help us to know which pages are the most and least popular and see how visitors move around.',
  'These cookies may be set through our site by our advertising partners. They may be used by those companies to build a profile of your interests and show you relevant adverts on other sites.',
  'Under the California Consumer Privacy Act, you have the right to opt out of the sale of your personal information to third parties. These cookies collect information for analytics and to personalise your experience.',
  'If you have enabled privacy controls on your browser (such as a plugin), we have to take that as a valid request to opt out. Therefore we would not be able to track your activity through the web.',
];

describe('linkedom, and jsdom where linkedom reads a page differently', () => {
  it('a page whose text stands after </body> (Readability throws under linkedom) still gives its text', () => {
    const html = `<!doctype html><html><head><title>Freight yard</title></head><body><p>Menu</p></body>
<div class="story">${paragraphs(STORY)}</div></html>`;
    expect(extractPage(html, null).body.split('\n\n')).toEqual(STORY);
  });

  it('a page whose text stands inside <head> (linkedom leaves it there) still gives its text', () => {
    const html = `<!doctype html><html><head><title>Freight yard</title><div class="story">${paragraphs(STORY)}</div>
</head><body><p>Menu</p></body></html>`;
    expect(extractPage(html, null).body.split('\n\n')).toEqual(STORY);
  });

  it('a page whose text stands after </html> (linkedom leaves it outside the page, silently) still gives its text', () => {
    const html = `<!doctype html><html><head><title>Freight yard</title></head><body><p>Menu</p></body></html>
<div class="story">${paragraphs(STORY)}</div>`;
    expect(extractPage(html, null).body.split('\n\n')).toEqual(STORY);
  });

  it("linkedom's tree gets what stood in <head> and after </body> or </html> into the body, in the browser's order", () => {
    const html = `<html><head><title>T</title><meta name="a" content="b"><div>one</div><meta name="c" content="d">
</head><body><p>two</p></body><p>three</p></html><p>four</p>`;
    const { document } = parsePageDom(html, null, 'linkedom');
    expect([...document.head.children].map((element) => element.tagName)).toEqual(['TITLE', 'META']);
    expect([...document.body.children].map((element) => element.textContent)).toEqual([
      'one',
      '',
      'two',
      'three',
      'four',
    ]);
    expect(document.querySelector('meta[name="c"]')?.getAttribute('content')).toBe('d');
  });

  it('linkedom and jsdom give the same text and metadata for an ordinary page', () => {
    const html = page('<figure><img src="a.jpg"><figcaption>The freight yard today.</figcaption></figure>');
    expect(extractPage(html, 'https://example.org/a', 'linkedom')).toEqual(
      extractPage(html, 'https://example.org/a', 'jsdom'),
    );
    expect(extractPage(html, null).body.split('\n\n')).toEqual(STORY);
  });
});

describe('JSON-LD text', () => {
  it('an articleBody escaped twice ("&amp;ccedil;") is decoded', () => {
    const body = `${STORY.join('\n')}\nFran&amp;ccedil;ois Dupont, the mayor, called it &amp;quot;a good day&amp;quot; for the city.`;
    const ld = JSON.stringify({ '@type': 'NewsArticle', headline: 'Freight yard', articleBody: body });
    const html = page('').replace('</head>', `<script type="application/ld+json">${ld}</script></head>`);
    expect(extractPage(html, null).body.split('\n\n')).toEqual([
      ...STORY,
      'François Dupont, the mayor, called it "a good day" for the city.',
    ]);
  });
});

describe('page furniture', () => {
  it("a consent manager's panel is not the text, however long it is", () => {
    const panel = `<div id="onetrust-consent-sdk"><div id="onetrust-pc-sdk"><h2>Privacy Preference Center</h2>
${COOKIE_TEXT.map((text, index) => `<div class="category"><h3>Cookies ${index}</h3><p>${text}</p></div>`).join('\n')}
</div></div>`;
    const html = `<!doctype html><html lang="en"><head><title>Freight yard</title></head><body>
<div class="content"><div class="body">${STORY.map((text) => `<div class="text">${text}</div>`).join('')}</div></div>
${panel}</body></html>`;
    const { body } = extractPage(html, null);
    expect(body).not.toContain('cookies');
    expect(body.split('\n\n')).toEqual(STORY);
  });

  it('a placeholder that asks for consent before showing an embed is not text', () => {
    const placeholder = `<div class="box"><div class="h3">Recommended editorial content</div>
<p>Here you will find external content from YouTube that adds to the article.</p>
<label><input type="checkbox"> I agree that content from YouTube is shown to me.</label>
<p class="info">Personal data may be passed to third-party platforms. More in our <a href="/privacy/">privacy policy</a>.</p></div>`;
    expect(extractPage(page(placeholder), null).body.split('\n\n')).toEqual(STORY);
    // Without a control of its own, a placeholder is known by its class.
    const oembed = `<div class="c-oembed-placeholder"><div class="c-oembed-placeholder__title">External content</div>
<div class="c-oembed-placeholder__description">To show embedded content, your consent to the transfer and processing of personal data is needed.</div>
<a class="c-oembed-placeholder__footer-link" href="/services/data-protection.html">Data protection</a></div>`;
    expect(extractPage(page(oembed), null).body.split('\n\n')).toEqual(STORY);
  });

  it('the fallback text of a video player is not text, in the page nor in the JSON-LD articleBody', () => {
    const fallback =
      'To view this video please enable JavaScript, and consider upgrading to a web\n browser that\n supports HTML5\n video';
    const ld = JSON.stringify({
      '@type': 'NewsArticle',
      headline: 'Freight yard to become homes',
      articleBody: [STORY[0], STORY[1], fallback, STORY[2], STORY[3]].join('\n'),
    });
    const player = `<div class="player"><video controls><source src="a.mp4" type="video/mp4"><p class="vjs-no-js">${fallback}</p></video></div>`;
    const html = page(player).replace('</head>', `<script type="application/ld+json">${ld}</script></head>`);
    expect(extractPage(html, null).body.split('\n\n')).toEqual(STORY);
  });

  it('an embedded post (tweet) is not text', () => {
    const embeds = `<blockquote class="twitter-tweet"><p lang="en">Big news for the north of the city tonight, the freight yard plan has finally passed the council</p>— Jane Doe (@janedoe) <a href="https://twitter.com/janedoe/status/1">July 18, 2026</a></blockquote>
`;
    expect(extractPage(page(embeds), null).body.split('\n\n')).toEqual(STORY);
  });

  it("the author's description in prose, an up-next box and a modal dialog are not text", () => {
    const blurb = `<div class="author-description">Jane Doe has reported on city hall since 2019. She is interested in housing, transport and the budget, and won a regional press award in 2023.</div>`;
    const upNext = `<div class="video-player__up-next-placeholder"><h4>Up next</h4><p>Mayor opens the new bridge over the river after two years of works</p></div>`;
    const modal = `<div id="cmp-modal" class="modal"><div class="modal-dialog"><h2>Welcome to the Gazette!</h2>
<p>Continue with advertising as usual, with personalised advertising, commercials and tracking. In the privacy options you can see the purposes and partners this needs.</p>
<p>To develop and fund what we offer, we and up to 223 partners process personal data and identifiers such as device ids or IP addresses.</p></div></div>`;
    const { body } = extractPage(page(`${upNext}${blurb}${modal}`), null);
    expect(body.split('\n\n')).toEqual(STORY);
  });

  it('the article a streaming React page sends in a hidden part (id "S:0") is read', () => {
    const html = `<!doctype html><html lang="en"><head><title>Freight yard</title></head><body>
<header><a href="/">Gazette</a></header><main><template id="B:0"></template><p>Loading…</p></main>
<div hidden id="S:0"><div class="article-content">${paragraphs(STORY)}</div></div></body></html>`;
    expect(extractPage(html, null).body.split('\n\n')).toEqual(STORY);
  });

  it('a block hidden by its class at every screen size is not text; one shown at some size is', () => {
    const offer = `<div class="article-block sign-in-group hidden"><div class="h2">Create an account or sign in to continue with your reading experience.</div>
<ul><li>Access articles from across Canada with one account.</li><li>Share your thoughts and join the conversation in the comments.</li><li>Enjoy additional articles per month.</li></ul></div>`;
    const html = page(offer).replace(
      `<p>${STORY[3]}</p>`,
      `<div class="hidden md:block"><p>${STORY[3]}</p></div>`,
    );
    expect(extractPage(html, null).body.split('\n\n')).toEqual(STORY);
  });

  it('a title whose hidden variant was removed is still recognised as the title, not text', () => {
    const html = page('')
      .replace('<title>Freight yard to become homes</title>', '<title>Freight yard | Gazette</title>')
      .replace(
        '<h1>Freight yard to become homes</h1>',
        '<h1><span class="kicker">Housing</span><span class="hidden">Housing: freight yard</span>Freight yard to become homes</h1>',
      );
    expect(extractPage(html, null).body.split('\n\n')).toEqual(STORY);
  });

  it('a newsletter sign-up component is not text', () => {
    const signUp = `<div class="sc-1x newsletter-component"><h3>Sign up to our free breaking news emails</h3><p>For free real time breaking news alerts sent straight to your inbox sign up to our breaking news emails</p></div>`;
    expect(extractPage(page(signUp), null).body.split('\n\n')).toEqual(STORY);
  });

  it("the page's <main> is the text where Readability takes one of its blocks only", () => {
    // Readability scores commas: the short lead block wins and the long blocks below stay out of its pick.
    const lead = [
      'Homes, schools, nurseries, a park, shops, a tram, a station, offices, a clinic: the plan has it all.',
      'Rents, costs, dates, roads, noise, trees, parking, schools, buses: residents asked about all of them.',
    ];
    const long = STORY.slice(0, 3).map((text) => `${text.replace(/,/g, '')} ${text.replace(/,/g, '')}`);
    const block = (texts: string[]): string =>
      `<div class="row"><div class="col"><div class="wrapper"><div class="text-block">${paragraphs(texts)}</div></div></div></div>`;
    const html = `<!doctype html><html lang="en"><head><title>Freight yard</title></head><body>
<header><a href="/">Gazette</a></header><main>${block(lead)}${long.map((text) => block([text])).join('')}</main>
<footer>© Gazette</footer></body></html>`;
    expect(extractPage(html, null).body.split('\n\n')).toEqual([...lead, ...long]);
  });

  it('a "Read more" line followed by long paragraphs is dropped alone, though a list of short items comes later', () => {
    const long = STORY.map((text) => `${text} ${text}`);
    const items = Array.from({ length: 12 }, (_, index) => `Checklist item ${index + 1}`);
    expect(cutFurnitureText(['Read more', ...long, ...items].join('\n\n')).split('\n\n')).toEqual([
      ...long,
      ...items,
    ]);
  });
});

describe('furniture elements', () => {
  // Each block is furniture by its tag, role, `hidden` attribute or embed class alone; the last ones are not.
  const FURNITURE = [
    '<nav>Home News Sport</nav>',
    '<aside>Also on the site</aside>',
    '<footer>Imprint</footer>',
    '<form>Search</form>',
    '<figure><img src="a.jpg"><figcaption>The yard</figcaption></figure>',
    '<button>Share</button>',
    '<dialog>Sign in</dialog>',
    '<blockquote class="lead twitter-tweet">A post</blockquote>',
    '<blockquote class="instagram-media">A photo</blockquote>',
    '<blockquote class="tiktok-embed">A clip</blockquote>',
    '<blockquote class="reddit-embed-bq">A thread</blockquote>',
    ...['navigation', 'complementary', 'contentinfo', 'dialog', 'alertdialog', 'banner'].map(
      (role) => `<div role="${role}">A ${role}</div>`,
    ),
    '<div hidden>Hidden offer</div>',
  ];
  const KEPT = [
    '<blockquote class="pull-quote">A quote that stays</blockquote>',
    '<div role="main">A main role that stays</div>',
    '<p role="Banner">A role written otherwise stays</p>',
  ];

  for (const parser of ['linkedom', 'jsdom'] as const) {
    it(`are found by tag, role, the hidden attribute and embed class (${parser})`, () => {
      const html = `<html><body>${paragraphs(STORY)}${FURNITURE.join('')}${KEPT.join('')}</body></html>`;
      const { document, close } = parsePageDom(html, null, parser);
      removeFurnitureElements(document, false);
      const text = document.body.textContent ?? '';
      close();
      for (const block of FURNITURE) expect(text).not.toContain(block.replace(/<[^>]+>/g, ''));
      for (const block of KEPT) expect(text).toContain(block.replace(/<[^>]+>/g, ''));
    });
  }

  it('a furniture element holding most of the page is a misnamed wrapper and stays', () => {
    const html = `<html><body><nav>Home</nav><aside>${paragraphs(STORY)}</aside></body></html>`;
    const { document } = parsePageDom(html, null, 'linkedom');
    removeFurnitureElements(document);
    expect(document.body.textContent).toContain(STORY[0]);
    expect(document.body.textContent).not.toContain('Home');
  });
});

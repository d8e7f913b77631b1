// npm run bench:explorer -- --url http://127.0.0.1:3000 --center united-kingdom --depth 2: opens the
// explorer in Debian's Chromium on a running API and prints how long the view took to draw, the frames per
// second the page drew while the ForceAtlas2 worker ran, and the time of one redraw after it.
import { parseCli } from './parse-cli.js';
import { launchChromium } from './launch-chromium.js';

const { values } = parseCli({
  usage: 'npm run bench:explorer -- [--url URL] [--center ID] [--depth 1|2] [--params QUERY]',
  description:
    "Opens the explorer of a running API in Debian's Chromium and prints the time to draw a view, the\n" +
    'frames per second while the layout runs, and the time of one redraw after it.',
  options: {
    url: { type: 'string', value: 'URL', default: 'http://127.0.0.1:3000', description: 'the running API' },
    center: {
      type: 'string',
      value: 'ID',
      default: 'united-kingdom',
      description: 'the entity in the centre',
    },
    depth: { type: 'string', value: '1|2', default: '2', description: 'neighbourhood depth' },
    params: {
      type: 'string',
      value: 'QUERY',
      default: '',
      description: 'more explorer URL parameters, e.g. "weight=count&minArticles=1&expandHubs=true"',
    },
  },
});
const { url, center, depth, params } = values;

const browser = await launchChromium();
try {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 }, bypassCSP: true });
  const started = Date.now();
  await page.goto(`${url}/?center=${encodeURIComponent(center)}&depth=${depth}${params ? `&${params}` : ''}`);
  // Strings, not functions: the page must not receive code transformed for Node.
  await page.waitForFunction('window.newsgraph.view.graph.order > 1', null, { timeout: 60_000 });
  const drawnMs = Date.now() - started;
  const shown = await page.evaluate(
    '({ entities: window.newsgraph.view.graph.order, links: window.newsgraph.view.graph.size, status: document.getElementById("status").textContent })',
  );
  const fps = await page.evaluate(
    'new Promise((resolve) => { let frames = 0; const start = performance.now(); function tick() { frames++; if (performance.now() - start < 2000) requestAnimationFrame(tick); else resolve(frames / 2); } requestAnimationFrame(tick); })',
  );
  await page.waitForTimeout(10_000);
  const redrawMs = await page.evaluate(
    '(() => { const t = performance.now(); window.newsgraph.view.renderer.refresh(); return performance.now() - t; })()',
  );
  process.stdout.write(
    `${JSON.stringify({ drawnMs, ...(shown as object), fpsDuringLayout: fps, redrawMs })}\n`,
  );
} finally {
  await browser.close();
}

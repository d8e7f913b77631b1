// The timeline strip under the graph: the centre entity's articles per month, week or day (or, when a link
// is selected, the articles that mention both), drawn as SVG bars with empty buckets as gaps. Dragging
// across it picks a date range, which the page applies as from/to; the range in force is shaded.
import type { Timeline } from './api.js';

export interface TimelineStrip {
  show(timeline: Timeline, label: string, range: { from: string; to: string }): void;
  hide(): void;
}

const HEIGHT = 64;
const DAY = 86_400_000;

/** The last day (YYYY-MM-DD) of the bucket starting at `start`. */
function bucketEnd(start: string, interval: Timeline['interval']): string {
  const date = new Date(`${start}T00:00:00Z`);
  const next =
    interval === 'day'
      ? date.getTime() + DAY
      : interval === 'week'
        ? date.getTime() + 7 * DAY
        : Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
  return new Date(next - DAY).toISOString().slice(0, 10);
}

const SVG = 'http://www.w3.org/2000/svg';
function svg<K extends keyof SVGElementTagNameMap>(name: K, attributes: Record<string, string | number>) {
  const element = document.createElementNS(SVG, name);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  return element;
}

export function createTimelineStrip(
  container: HTMLElement,
  onBrush: (range: { from: string; to: string }) => void,
): TimelineStrip {
  const caption = document.createElement('p');
  caption.className = 'timeline-caption';
  const chart = svg('svg', { height: HEIGHT, preserveAspectRatio: 'none' });
  chart.setAttribute('width', '100%');
  container.replaceChildren(caption, chart);
  let current: Timeline | undefined;

  /** The bucket index under a client x position. */
  const bucketAt = (clientX: number): number => {
    const box = chart.getBoundingClientRect();
    const count = current?.buckets.length ?? 1;
    return Math.max(0, Math.min(count - 1, Math.floor(((clientX - box.left) / box.width) * count)));
  };
  const shade = (first: number, last: number, className: string): SVGRectElement => {
    const count = current?.buckets.length ?? 1;
    const [low, high] = first <= last ? [first, last] : [last, first];
    return svg('rect', {
      class: className,
      x: `${(low / count) * 100}%`,
      y: 0,
      width: `${((high - low + 1) / count) * 100}%`,
      height: HEIGHT,
    });
  };

  let dragFrom: number | undefined;
  let brush: SVGRectElement | undefined;
  chart.addEventListener('pointerdown', (event) => {
    if (!current || current.buckets.length === 0) return;
    dragFrom = bucketAt(event.clientX);
    chart.setPointerCapture(event.pointerId);
    brush?.remove();
    brush = shade(dragFrom, dragFrom, 'brush');
    chart.append(brush);
  });
  chart.addEventListener('pointermove', (event) => {
    if (dragFrom === undefined) return;
    brush?.remove();
    brush = shade(dragFrom, bucketAt(event.clientX), 'brush');
    chart.append(brush);
  });
  chart.addEventListener('pointerup', (event) => {
    if (dragFrom === undefined || !current) return;
    const to = bucketAt(event.clientX);
    const [low, high] = dragFrom <= to ? [dragFrom, to] : [to, dragFrom];
    dragFrom = undefined;
    const first = current.buckets[low];
    const last = current.buckets[high];
    if (first && last) onBrush({ from: first.start, to: bucketEnd(last.start, current.interval) });
  });

  return {
    show(timeline, label, range) {
      current = timeline;
      container.hidden = false;
      const { buckets } = timeline;
      const most = Math.max(1, ...buckets.map((bucket) => bucket.articles));
      const dated = buckets.reduce((total, bucket) => total + bucket.articles, 0);
      const span = buckets.length
        ? `${buckets[0]?.start} – ${bucketEnd(buckets[buckets.length - 1]?.start ?? '', timeline.interval)}`
        : 'no dated articles';
      caption.textContent =
        `${label}: ${dated} dated articles by ${timeline.interval} (${span})` +
        (timeline.undated.articles ? `, ${timeline.undated.articles} undated` : '') +
        (buckets.length ? ' · drag across to set the dates' : '');
      const count = Math.max(1, buckets.length);
      const bars = buckets.map((bucket, i) => {
        const height = (bucket.articles / most) * (HEIGHT - 4);
        const bar = svg('rect', {
          class: 'bar',
          x: `${(i / count) * 100}%`,
          y: HEIGHT - height,
          width: `${(1 / count) * 100}%`,
          height,
        });
        const title = svg('title', {});
        title.textContent = `${bucket.start}: ${bucket.articles} articles, ${bucket.mentions} ${
          label.includes(' & ') ? 'sentences together' : 'mentions'
        }`;
        bar.append(title);
        return bar;
      });
      chart.replaceChildren(...bars);
      brush = undefined;
      // The range in force, shaded over the buckets it covers.
      if (range.from || range.to) {
        const inRange = buckets
          .map((bucket, i) => [i, bucket.start, bucketEnd(bucket.start, timeline.interval)] as const)
          .filter(([, start, end]) => (!range.to || start <= range.to) && (!range.from || end >= range.from));
        const [first] = inRange;
        const last = inRange[inRange.length - 1];
        if (first && last) chart.prepend(shade(first[0], last[0], 'range'));
      }
    },
    hide() {
      current = undefined;
      container.hidden = true;
    },
  };
}

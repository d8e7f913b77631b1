import { describe, expect, it } from 'vitest';
import { DEFAULTS, firstOfStory } from '../../src/dedup/find-duplicates.js';
import { fingerprint, similarity } from '../../src/dedup/fingerprint.js';
import { COPY, OTHER_STORY, STORY } from './stories.js';

const print = (text: string) => fingerprint(text) ?? { signature: [], bands: [] };

describe('content fingerprint', () => {
  it('finds an edited copy of a story similar and a different story of the same people not', () => {
    const story = print(STORY);
    expect(similarity(story.signature, print(COPY).signature)).toBeGreaterThanOrEqual(DEFAULTS.threshold);
    expect(story.bands.some((band) => print(COPY).bands.includes(band))).toBe(true);
    expect(similarity(story.signature, print(OTHER_STORY).signature)).toBeLessThan(DEFAULTS.threshold);
  });

  it('ignores case, punctuation and line breaks', () => {
    expect(print(STORY.toUpperCase().replace(/\n+/g, ' ').replace(/[.,]/g, ' ; '))).toEqual(print(STORY));
  });

  it('gives a text of a few words no fingerprint', () => {
    expect(fingerprint('Scholz met Macron in Berlin.')).toBeNull();
  });
});

describe('first article of a story', () => {
  const story = { id: 'a', fingerprint: print(STORY).signature, duplicateOf: null, firstSeq: 1 };
  const copy = { id: 'b', fingerprint: print(COPY).signature, firstSeq: 2 };

  it('is the earlier article a copy resembles, and the first of its story when that one is a copy', () => {
    expect(firstOfStory(copy, [story])).toBe('a');
    expect(firstOfStory({ ...copy, id: 'c', firstSeq: 3 }, [{ ...copy, duplicateOf: 'a' }])).toBe('a');
  });

  it('is never the article itself nor one of its own copies, so indexing again decides the same', () => {
    expect(firstOfStory(story, [{ ...story }])).toBeNull();
    expect(firstOfStory({ ...story, firstSeq: 5 }, [{ ...copy, duplicateOf: 'a' }])).toBeNull();
  });

  it('is never an article first indexed later, even one indexed before this one was indexed again', () => {
    expect(firstOfStory(story, [{ ...copy, duplicateOf: null }])).toBeNull();
  });

  it('is nobody for a different story of the same people', () => {
    expect(
      firstOfStory({ id: 'o', fingerprint: print(OTHER_STORY).signature, firstSeq: 9 }, [story]),
    ).toBeNull();
  });
});

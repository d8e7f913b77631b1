// The API loads the entity stage (knowledge-base extractor, taggers, worker threads) when the first text
// needs it, so that a process that only answers queries stays small; corrections in force before the load
// must still reach it, and a load that fails must fail the extractions that asked for it, not the process.
import { describe, expect, it } from 'vitest';
import type { ExtractionInput, ExtractionOutcome } from '../../src/entities/extraction-pool.js';
import type { KbEntity } from '../../src/entities/types.js';
import { lazyExtraction } from '../../src/open-search.js';

const entity = (id: string): KbEntity => ({ id, name: id, type: 'person', aliases: {} }) as KbEntity;

/** A stand-in for the entity stage that records what it was asked. */
function recordingStage() {
  const seen = { opened: 0, overlays: [] as string[][], texts: [] as string[], closed: 0 };
  const open = () => {
    seen.opened++;
    return Promise.resolve({
      extractMany: (inputs: readonly ExtractionInput[]): Promise<ExtractionOutcome[]> => {
        seen.texts.push(...inputs.map((input) => input.text));
        return Promise.resolve(inputs.map(() => ({ ok: false, reason: 'recorded' })));
      },
      setOverlay: (overlay: readonly KbEntity[]) => void seen.overlays.push(overlay.map((e) => e.id)),
      close: () => void seen.closed++,
    });
  };
  return { seen, open };
}

describe('the entity stage of the API', () => {
  it('is loaded by the first extraction, once, with the corrections given before it', async () => {
    const { seen, open } = recordingStage();
    const extraction = lazyExtraction(open as never);
    extraction.setOverlay([entity('a')]);
    extraction.setOverlay([entity('a'), entity('b')]);
    expect(seen.opened).toBe(0);
    await Promise.all([extraction.extractMany([{ text: 'one' }]), extraction.extractMany([{ text: 'two' }])]);
    expect(seen.opened).toBe(1);
    expect(seen.overlays).toEqual([['a', 'b']]);
    expect(seen.texts.sort()).toEqual(['one', 'two']);
    extraction.setOverlay([entity('c')]);
    await extraction.extractMany([{ text: 'three' }]);
    expect(seen.overlays.at(-1)).toEqual(['c']);
    await extraction.close();
    expect(seen.closed).toBe(1);
  });

  it('is never loaded when nothing is extracted, and closes without loading', async () => {
    const { seen, open } = recordingStage();
    const extraction = lazyExtraction(open as never);
    extraction.setOverlay([entity('a')]);
    await extraction.close();
    expect(seen.opened).toBe(0);
  });

  it('fails the extractions that asked for it when it cannot load, and keeps the process up', async () => {
    const extraction = lazyExtraction(() => Promise.reject(new Error('ner-de.bin.gz: bad model')));
    await expect(extraction.extractMany([{ text: 'x' }])).rejects.toThrow('bad model');
    extraction.setOverlay([entity('a')]);
    await expect(extraction.extractMany([{ text: 'y' }])).rejects.toThrow('bad model');
    await extraction.close();
  });
});

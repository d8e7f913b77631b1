// Work that must not overlap with itself within a process (a list compaction, a totals summing, a
// curation): each call starts once the one before it has settled, and its own result or error is its
// caller's alone; a failed call does not stop the next.

/** A queue: `run(work)` starts `work` after every call before it has settled, and returns its result. */
export function oneAtATime(): <T>(work: () => Promise<T>) => Promise<T> {
  let queue: Promise<unknown> = Promise.resolve();
  return (work) => {
    const run = queue.then(work);
    queue = run.catch(() => undefined);
    return run;
  };
}

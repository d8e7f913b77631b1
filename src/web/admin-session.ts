// What the explorer keeps for the admin in this browser tab only (sessionStorage, gone when the tab
// closes): the admin key, never put in the URL or logged, and the corrections made in this tab, newest
// last, each with the view before it, so that "undo" reverts the newest and puts the view back.

const KEY = 'newsgraph.adminKey';
const DONE = 'newsgraph.curations';

export interface DoneCuration {
  id: string;
  /** What it did, for the undo button: "merge A into B". */
  label: string;
  /** The view before it. */
  center: string | null;
  selected: string | null;
}

export function readKey(): string | null {
  return sessionStorage.getItem(KEY);
}

export function saveKey(key: string): void {
  sessionStorage.setItem(KEY, key);
}

export function forgetKey(): void {
  sessionStorage.removeItem(KEY);
}

function readDone(): DoneCuration[] {
  try {
    const done: unknown = JSON.parse(sessionStorage.getItem(DONE) ?? '[]');
    return Array.isArray(done) ? (done as DoneCuration[]) : [];
  } catch {
    return [];
  }
}

export function lastDone(): DoneCuration | undefined {
  return readDone().at(-1);
}

export function pushDone(entry: DoneCuration): void {
  sessionStorage.setItem(DONE, JSON.stringify([...readDone(), entry]));
}

export function dropDone(id: string): void {
  sessionStorage.setItem(DONE, JSON.stringify(readDone().filter((entry) => entry.id !== id)));
}

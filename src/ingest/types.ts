// Types of the ingest stage: a validated article, and where a record came from.
import type { PageContent } from './extract-page.js';

export interface Article {
  id: string;
  title: string | null;
  body: string;
  /** ISO 639-1 code as given; null means "detect it". */
  lang: string | null;
  source: string | null;
  category: string | null;
  author: string | null;
  /** YYYY-MM-DD, or a full ISO timestamp where the record had one. */
  published: string | null;
  url: string | null;
}

export interface RecordLocation {
  file: string;
  /** 1-based line where the record starts (the item's number in a feed). */
  line: number;
  /** Where in the file, where a line says little: "feed item 3", "WARC offset 1234". */
  position?: string;
  /** Bytes of all inputs read so far, for progress; set by readInputs. */
  offset?: number;
}

export type IngestItem =
  | { ok: true; article: Article; where: RecordLocation }
  | { ok: false; where: RecordLocation; id?: string; reason: string; code?: string };

/** Reads the main text and metadata of an HTML page (in-process or on a worker thread). */
export type ReadPage = (html: string, url: string | null) => Promise<PageContent>;

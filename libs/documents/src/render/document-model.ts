import type { DocumentLang } from '../labels/document-labels';

/** A register: the same columns for CSV and XLSX. */
export interface TableDocument {
  readonly shape: 'table';
  readonly lang: DocumentLang;
  readonly title: string;
  readonly columns: readonly string[];
  readonly rows: readonly (readonly string[])[];
}

export type Block =
  | { readonly kind: 'heading'; readonly level: 2 | 3; readonly text: string; readonly note?: string }
  | { readonly kind: 'paragraph'; readonly text: string }
  | { readonly kind: 'facts'; readonly items: readonly (readonly [string, string])[] }
  | { readonly kind: 'list'; readonly items: readonly string[] }
  | { readonly kind: 'table'; readonly caption: string; readonly columns: readonly string[]; readonly rows: readonly (readonly string[])[] };

/** A text document (agenda, minutes): headings, paragraphs, facts, lists and tables, for HTML and PDF. */
export interface TextDocument {
  readonly shape: 'text';
  readonly lang: DocumentLang;
  readonly title: string;
  readonly subtitle: string;
  readonly blocks: readonly Block[];
}

export interface CalendarEntry {
  readonly uid: string;
  /** Incremented on every change to the meeting (its stream revision). */
  readonly sequence: number;
  readonly start: string;
  readonly end: string;
  readonly summary: string;
  readonly description: string;
  readonly location: string | null;
  readonly url: string | null;
  readonly cancelled: boolean;
}

export interface CalendarDocument {
  readonly shape: 'calendar';
  readonly lang: DocumentLang;
  readonly title: string;
  readonly entries: readonly CalendarEntry[];
}

export type DocumentModel = TableDocument | TextDocument | CalendarDocument;

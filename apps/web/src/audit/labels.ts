import type { Language } from '../i18n/language';

export interface EnumLabel {
  readonly key: string;
  readonly nb: string;
  readonly en: string;
}

/** The server's name of an enum value in the reader's language; the key itself if the server has none. */
export function labelOf(labels: readonly EnumLabel[] | undefined, key: string, language: Language): string {
  const label = labels?.find((l) => l.key === key);
  return label ? label[language] : key;
}

/** Organisation names by id, from a connection; an id the register does not know is shown as itself. */
export function namesOf(connection: { edges: ReadonlyArray<{ node: { id: string; name: string } }> } | undefined): (id: string | null | undefined) => string {
  const names = new Map(connection?.edges.map((e) => [e.node.id, e.node.name]));
  return (id) => (id ? (names.get(id) ?? id) : '');
}

/** A hash shortened for a table, the whole of it for the screen reader and on hover. */
export const shortHash = (hash: string | null | undefined): string => (hash ? `${hash.slice(0, 12)}…` : '');

/**
 * Text a person typed and had not saved when their session ended, kept in the tab's sessionStorage
 * (gone when the tab closes, never sent anywhere) until they are back on the page. It belongs to
 * one person: whoever signs in next in the same tab never sees another person's text.
 */
export interface Owner {
  readonly userId: string;
  readonly organizationId: string;
}

/** The fields of each page (by path) that had unsaved text. */
interface Kept {
  readonly owner: Owner;
  readonly pages: Readonly<Record<string, Readonly<Record<string, unknown>>>>;
}

type Store = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

const KEY = 'kom.unsaved';

const same = (a: Owner, b: Owner) => a.userId === b.userId && a.organizationId === b.organizationId;

function read(storage: Store): Kept | undefined {
  try {
    const kept = JSON.parse(storage.getItem(KEY) ?? 'null') as Kept | null;
    return kept && typeof kept === 'object' && kept.owner && kept.pages ? kept : undefined;
  } catch {
    return undefined;
  }
}

function write(storage: Store, kept: Kept): void {
  if (Object.keys(kept.pages).length === 0) storage.removeItem(KEY);
  else storage.setItem(KEY, JSON.stringify(kept));
}

/** Keeps a page's unsaved fields for their owner, beside what another page of theirs already kept. */
export function keep(storage: Store, owner: Owner, path: string, fields: Readonly<Record<string, unknown>>): void {
  if (Object.keys(fields).length === 0) return;
  const kept = read(storage);
  const pages = kept && same(kept.owner, owner) ? kept.pages : {};
  write(storage, { owner, pages: { ...pages, [path]: { ...pages[path], ...fields } } });
}

/** What was kept for this field of this page, if it was kept for this person. */
export function peek(storage: Store, owner: Owner | undefined, path: string, name: string): { value: unknown } | undefined {
  const kept = read(storage);
  const fields = owner && kept && same(kept.owner, owner) ? kept.pages[path] : undefined;
  return fields && name in fields ? { value: fields[name] } : undefined;
}

/** Drops a field once it is back in its form. */
export function forget(storage: Store, path: string, name: string): void {
  const kept = read(storage);
  const fields = kept?.pages[path];
  if (!kept || !fields || !(name in fields)) return;
  const { [name]: _, ...rest } = fields;
  const { [path]: __, ...pages } = kept.pages;
  write(storage, { owner: kept.owner, pages: Object.keys(rest).length > 0 ? { ...pages, [path]: rest } : pages });
}

/** Drops everything kept unless it belongs to this person: another one signed in, or nobody is (signed out). */
export function discardUnlessOwner(storage: Store, owner: Owner | undefined): void {
  const kept = read(storage);
  if (kept && !(owner && same(kept.owner, owner))) storage.removeItem(KEY);
}

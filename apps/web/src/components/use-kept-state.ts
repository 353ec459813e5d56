import { useCallback, useEffect, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { sessionUser } from '../auth/session';
import { discardUnlessOwner, forget, keep, peek, type Owner } from './kept-text';

/** The fields on screen now that keep their text over a new sign-in, with what each began as. */
const mounted = new Map<string, { readonly value: () => unknown; readonly saved: () => string }>();
const restoredListeners = new Set<(path: string) => void>();

const storage = () => window.sessionStorage;
const owner = (): Owner | undefined => sessionUser();

/**
 * useState for what a person types into a form, kept over a session that ends: when the page
 * leaves for sign-in (keepUnsavedText), what differs from how the field began (or from what was
 * last saved: `markSaved`) is kept, and after signing in again as the same person it comes back here,
 * and the page says so. `name` is unique on the page (an item's id in it where a form repeats).
 * The state must be plain data (JSON). A form that empties itself after a send needs no markSaved.
 */
export function useKeptState<T>(name: string, initial: T | (() => T)): [T, Dispatch<SetStateAction<T>>, (saved: T) => void] {
  const [start] = useState(() => {
    const fresh = typeof initial === 'function' ? (initial as () => T)() : initial;
    const restored = peek(storage(), owner(), window.location.pathname, name);
    return { fresh: JSON.stringify(fresh) ?? '', value: restored ? (restored.value as T) : fresh, restored: restored !== undefined };
  });
  const [value, setValue] = useState<T>(start.value);
  const latest = useRef(value);
  latest.current = value;
  // What the server holds as far as this form knows: a value equal to it is nothing to keep.
  const saved = useRef(start.fresh);
  useEffect(() => {
    const field = { value: () => latest.current, saved: () => saved.current };
    mounted.set(name, field);
    return () => {
      if (mounted.get(name) === field) mounted.delete(name);
    };
  }, [name]);
  useEffect(() => {
    if (!start.restored) return;
    forget(storage(), window.location.pathname, name);
    for (const listener of restoredListeners) listener(window.location.pathname);
  }, [name, start.restored]);
  /** After the server accepted what was sent: that much is saved, so it is nothing to keep. */
  const markSaved = useCallback((sent: T) => {
    saved.current = JSON.stringify(sent) ?? '';
  }, []);
  return [value, setValue, markSaved];
}

/** Before the page leaves for sign-in: keeps every field on screen whose text was changed and not sent. */
export function keepUnsavedText(): void {
  const who = owner();
  if (!who) return;
  const changed = Object.fromEntries([...mounted].flatMap(([name, field]) => {
    const value = field.value();
    return JSON.stringify(value) === field.saved() ? [] : [[name, value]];
  }));
  keep(storage(), who, window.location.pathname, changed);
}

/** Once the session is known: text kept for anyone else (or for nobody, signed out) is dropped. */
export function keptTextFor(user: Owner | undefined): void {
  discardUnlessOwner(storage(), user);
}

/** Calls back with the page's path when a field got its kept text back. */
export function onKeptTextRestored(listener: (path: string) => void): () => void {
  restoredListeners.add(listener);
  return () => restoredListeners.delete(listener);
}

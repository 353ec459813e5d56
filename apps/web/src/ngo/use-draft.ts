import { useCallback, useEffect, useState } from 'react';

/**
 * Form state kept in the browser (localStorage) until it is sent: a refused send, a reload or a
 * lost session never loses what was typed. `clear` after the server has accepted it.
 */
export function useDraft<T extends object>(key: string, empty: T): [T, (next: T) => void, () => void] {
  const storageKey = `kom.draft.${key}`;
  const [draft, setDraft] = useState<T>(() => {
    try {
      const stored = window.localStorage.getItem(storageKey);
      return stored ? { ...empty, ...(JSON.parse(stored) as Partial<T>) } : empty;
    } catch {
      return empty;
    }
  });
  useEffect(() => {
    window.localStorage.setItem(storageKey, JSON.stringify(draft));
  }, [draft, storageKey]);
  const clear = useCallback(() => {
    window.localStorage.removeItem(storageKey);
    setDraft(empty);
  }, [empty, storageKey]);
  return [draft, setDraft, clear];
}

import { useCallback, useState } from 'react';

/**
 * Forward-only cursors (the API's `after`) walked both ways: the cursors of the pages seen are kept,
 * so "previous" goes back to the cursor before. Reset when the filter changes.
 */
export function useCursorPages() {
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  const page = cursors.length;
  const after = cursors[cursors.length - 1];
  const next = useCallback((endCursor: string) => setCursors((list) => [...list, endCursor]), []);
  const previous = useCallback(() => setCursors((list) => (list.length > 1 ? list.slice(0, -1) : list)), []);
  const reset = useCallback(() => setCursors([undefined]), []);
  return { page, after, next, previous, reset };
}

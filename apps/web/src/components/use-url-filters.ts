import { useSearchParams } from 'react-router';
import { useCursorPages } from './use-cursor-pages';

/**
 * A list's filters kept in the URL (so a view can be bookmarked and shared) and its pages: changing
 * or clearing a filter starts again at the first page.
 */
export function useUrlFilters<Name extends string>(names: readonly Name[]) {
  const [params, setParams] = useSearchParams();
  const pages = useCursorPages();
  const set = (name: Name, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
    pages.reset();
  };
  const clear = () => {
    setParams(new URLSearchParams(), { replace: true });
    pages.reset();
  };
  return { params, set, clear, filtered: names.some((name) => params.get(name)), pages };
}

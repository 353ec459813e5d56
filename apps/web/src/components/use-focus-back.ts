import { useEffect, useRef } from 'react';

/**
 * A form that closes (sent, or cancelled) takes its focused button with it, and the focus would
 * fall to the start of the page: it goes back to the button that opened the form instead, unless
 * the person has already moved it somewhere else.
 */
export function useFocusBack<T extends HTMLElement>(open: boolean) {
  const opener = useRef<T>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body;
    if (wasOpen.current && !open && lost) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return opener;
}

/**
 * The heading of a form that replaced the button opening it: it takes the focus when the person
 * opened the form (not when a form comes back open after a reload), so they are in the form and
 * Tab goes on into its fields. Give the heading tabIndex={-1}.
 */
export function useFocusOnOpen<T extends HTMLElement>(openedByPerson: boolean) {
  const heading = useRef<T>(null);
  useEffect(() => {
    if (openedByPerson) heading.current?.focus();
  }, [openedByPerson]);
  return heading;
}

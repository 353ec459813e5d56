import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A form that closes (sent, or cancelled) takes its focused button with it, and the focus would
 * fall to the start of the page: it goes back to the button that opened the form instead, unless
 * the person has already moved it somewhere else.
 */
export function useFocusBack<T extends HTMLElement>(open: boolean) {
  const opener = useRef<T>(null);
  const wasOpen = useRef(open);
  useEffect(() => {
    if (wasOpen.current && !open && focusLost()) opener.current?.focus();
    wasOpen.current = open;
  }, [open]);
  return opener;
}

/**
 * The heading of a form that replaced the button opening it: it takes the focus when the person
 * opened the form (not when a form comes back open after a reload), so they are in the form and
 * Tab goes on into its fields. Give the heading tabIndex={-1}. A key instead of `true` (the row a
 * form was opened for) moves the focus again when the same form is opened for another row.
 */
export function useFocusOnOpen<T extends HTMLElement>(openedByPerson: boolean | string) {
  const heading = useRef<T>(null);
  useEffect(() => {
    if (openedByPerson) heading.current?.focus();
  }, [openedByPerson]);
  return heading;
}

/** The focus has fallen to the start of the page (the element that had it is gone). */
export function focusLost(): boolean {
  return document.activeElement === null || document.activeElement === document.body;
}

/**
 * Moves the focus to the element with this id, or else to the page's heading (h1): where a person
 * is taken when what they pressed is gone. A heading is made focusable by script only (tabindex -1).
 */
export function focusInstead(id?: string): void {
  const target = (id ? document.getElementById(id) : null) ?? document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
  if (!target) return;
  if (target.tabIndex < 0 && !target.hasAttribute('tabindex')) target.setAttribute('tabindex', '-1');
  target.focus();
}

/**
 * A send refused at a field, by the checks made before sending or by the server: the reason shows
 * at the field, which is marked aria-invalid and described by the message. Without more the
 * message appears in silence under a button that keeps the focus (WCAG 3.3.1, 4.1.3); so the
 * focus goes to the first field so marked, and a screen reader says the field, that it is invalid
 * and why. Call the function returned after setting the errors, with the id of the form (or of the
 * field itself); it acts once the page shows them.
 */
export function useFocusInvalid(): (within: string) => void {
  const [asked, setAsked] = useState<{ within: string } | undefined>();
  useEffect(() => {
    if (!asked) return;
    // After this render, and after the field element has tied the message to its input (aria-describedby).
    const timer = window.setTimeout(() => {
      const root = document.getElementById(asked.within);
      const field = root?.matches('[aria-invalid="true"]') ? root : root?.querySelector<HTMLElement>('[aria-invalid="true"]');
      field?.focus();
    });
    return () => window.clearTimeout(timer);
  }, [asked]);
  // A new object each time: the same form refused twice moves the focus twice.
  return useCallback((within: string) => setAsked({ within }), []);
}

import { useEffect, useRef, useState, type ReactNode } from 'react';

/**
 * A table too wide for the screen (320 CSS px, or 1280 px at 400 %) scrolls sideways inside this
 * box, never the page (WCAG 1.4.10). While it scrolls it is a named region in the tab order, so a
 * keyboard user can scroll it with the arrow keys; while it fits it is a plain box, no extra stop.
 */
export function TableScroll({ label, children }: { label: string; children: ReactNode }) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    if (box.firstElementChild) observer.observe(box.firstElementChild);
    return () => observer.disconnect();
  }, []);
  return (
    <div ref={ref} className="kom-table-scroll" {...(scrolls ? { role: 'region', 'aria-label': label, tabIndex: 0 } : {})}>
      {children}
    </div>
  );
}

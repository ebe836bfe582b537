import { useLayoutEffect, useRef, useState } from 'react';
import type { ReactNode } from 'react';

interface Props {
  className: string;
  /** What the box holds, said when it takes focus ("Formula of focal loss"). */
  label: string;
  children: ReactNode;
}

/**
 * A box that scrolls sideways when its content is wider than it (a long formula in a narrow
 * column). Only then does it join the tab order, named, so the arrow keys can scroll it too
 * (WCAG 2.1.1; axe-core's scrollable-region-focusable); a formula that fits adds no tab stop.
 */
export function ScrollBox({ className, label, children }: Props) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrolls, setScrolls] = useState(false);

  useLayoutEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setScrolls(box.scrollWidth > box.clientWidth + 1);
    measure();
    // The box's width changes with the layout; its content's when KaTeX typesets (after a lazy load).
    const resized = new ResizeObserver(measure);
    resized.observe(box);
    const typeset = new MutationObserver(measure);
    typeset.observe(box, { childList: true, subtree: true, characterData: true });
    return () => {
      resized.disconnect();
      typeset.disconnect();
    };
  }, []);

  return (
    <div ref={ref} className={className} {...(scrolls ? { tabIndex: 0, role: 'group', 'aria-label': label } : {})}>
      {children}
    </div>
  );
}

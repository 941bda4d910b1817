import type { MouseEvent } from 'react';

const FOCUSABLE = 'input:not([type="hidden"]), select, textarea';

/**
 * Follows an in-page link to a form control: focuses the element with that id, or the first control inside
 * it (a group, table or repeat), and scrolls it into view; without such an element the link works as usual.
 */
export function focusControl(e: MouseEvent<HTMLAnchorElement>, id: string) {
  const el = document.getElementById(id);
  if (!el) return;
  e.preventDefault();
  const target = el.matches(`${FOCUSABLE}, [tabindex]`) ? el : el.querySelector<HTMLElement>(FOCUSABLE);
  (target ?? el).focus();
  el.scrollIntoView({ block: 'center' });
}

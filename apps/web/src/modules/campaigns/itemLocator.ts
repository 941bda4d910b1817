import { createContext, useContext } from 'react';

/**
 * Finds an item's control on the data-entry page, which shows one section at a time: links to an item of
 * another section (from the save status, the workflow's or a summary's list) switch to it and then focus it.
 */
export interface ItemLocator {
  /** The section holding the control with this DOM id, when it is an item of the form the user reads. */
  sectionOf: (controlId: string) => string | undefined;
  go: (controlId: string) => void;
}

export const ItemLocatorContext = createContext<ItemLocator | null>(null);

export const useItemLocator = () => useContext(ItemLocatorContext);

const FOCUSABLE = 'input:not([type="hidden"]), select, textarea, button';

/** Focuses the control (or the first control inside the group) once its section has rendered. */
export function focusWhenShown(id: string, tries = 20) {
  const el = document.getElementById(id);
  if (!el) {
    if (tries > 0) setTimeout(() => focusWhenShown(id, tries - 1), 50);
    return;
  }
  const target = el.matches(`${FOCUSABLE}, [tabindex]`) ? el : el.querySelector<HTMLElement>(FOCUSABLE);
  (target ?? el).focus({ preventScroll: true });
  el.scrollIntoView({ block: 'center' });
}

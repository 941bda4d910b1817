import type { FormDefinition } from '@mosaico/form-engine/definition';
import { createContext, useContext } from 'react';
import type { Submission } from './api.ts';
import type { PreviousValues } from './entry-api.ts';
import type { useCommentSlots } from './useCommentSlots.tsx';

/** What the per-item add-ons of the data-entry page share (see EntryItemAddons). */
export interface EntryContextValue {
  submission: Submission;
  definition: FormDefinition;
  /** Last year's values, once loaded (null while loading or when the form marks nothing to copy). */
  previous: PreviousValues | null;
  /** "Voce – cella" for a value key. */
  nameOf: (key: string) => string;
  /** Replaces an item's values with last year's (autosave then saves them). */
  copyItem: (code: string) => void;
  /** The questions and answers of an item, and the open ones per section. */
  comments: ReturnType<typeof useCommentSlots>;
}

export const EntryContext = createContext<EntryContextValue | null>(null);

export function useEntry(): EntryContextValue {
  const value = useContext(EntryContext);
  if (!value) throw new Error('useEntry outside EntryContext');
  return value;
}

import type { FormDefinition, Item } from '@mosaico/form-engine/definition';
import type { Value } from '@mosaico/form-engine/values';
import { createContext, type ReactNode, useContext } from 'react';

/** A problem shown next to an item (or a cell of it). */
export interface ItemIssue {
  severity: 'error' | 'warning';
  message: string;
  /** The engine's issue code (required, type, range, constraint…), when it comes from the engine. */
  code?: string;
}

/** Where an item sits: at the top level of a section, or inside one repetition of a repeat group. */
export type Scope = { repeat: string; index: number } | null;

/**
 * What the item renderers need from the page that holds the values: the preview keeps them in memory,
 * the data-entry page will also save them. Keys are the engine's value keys.
 */
export interface FormRuntime {
  /** Prefix of every control id, e.g. "pv" in the preview. */
  idPrefix: string;
  definition: FormDefinition;
  readOnly: boolean;
  key: {
    item: (code: string, scope: Scope) => string;
    cell: (code: string, row: string, column: string, scope: Scope) => string;
    disaggregation: (code: string, options: string[], scope: Scope) => string;
  };
  value: (key: string) => Value;
  setValue: (key: string, value: Value) => void;
  /** Text typed in a number box that is not a number: said in the interface's words until corrected. */
  setFormatError: (key: string, message: string | null) => void;
  isRelevant: (code: string, scope: Scope) => boolean;
  isRequired: (code: string, scope: Scope) => boolean;
  /** Issues of an item (or, with a cell key, of that cell). */
  issues: (key: string) => ItemIssue[];
  repeatCount: (code: string, scope: Scope) => number;
  addRepetition: (code: string) => void;
  removeRepetition: (code: string, index: number) => void;
  /**
   * What the page adds under each top-level item (the data-entry page: last year's value, history, comments);
   * the preview adds nothing.
   */
  itemAddons?: (item: Item) => ReactNode;
}

export const FormRuntimeContext = createContext<FormRuntime | null>(null);

export function useFormRuntime(): FormRuntime {
  const rt = useContext(FormRuntimeContext);
  if (!rt) throw new Error('useFormRuntime outside FormRuntimeContext');
  return rt;
}

/** A DOM id from a value key (codes and option codes hold letters, digits, _ + -). */
export function controlId(rt: Pick<FormRuntime, 'idPrefix'>, key: string): string {
  return `${rt.idPrefix}-${key.replace(/[^A-Za-z0-9_-]/g, '-')}`;
}

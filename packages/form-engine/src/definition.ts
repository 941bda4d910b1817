/**
 * A monitoring form definition (scheda di monitoraggio): a versioned, declarative document. Sections hold
 * items; items may be disaggregated by a combination of reusable categories (e.g. sex × age band) whose
 * cells add up to the item's total. Expressions (relevant, constraint, calculate, required, rules) use the
 * XLSForm-like language of this package (see README.md).
 */

/** Text in Italian, with an English translation. */
export interface I18nText {
  it: string;
  en?: string;
}

export interface Option {
  code: string;
  label: I18nText;
}

/** A reusable category, e.g. sex (M, F) or citizenship area (EU, non-EU...). */
export interface Category {
  code: string;
  label: I18nText;
  options: Option[];
}

/** A combination of categories; a disaggregated item has one cell per combination of their options. */
export interface CategoryCombo {
  code: string;
  label: I18nText;
  categories: string[];
}

export type ItemType =
  | 'integer'
  | 'decimal'
  | 'percentage'
  | 'text'
  | 'long_text'
  | 'single_choice'
  | 'multiple_choice'
  | 'yes_no'
  | 'date'
  | 'table'
  | 'repeat';

export interface TableColumn {
  code: string;
  label: I18nText;
  type: 'integer' | 'decimal' | 'percentage' | 'text' | 'yes_no';
}

export interface Item {
  /** Unique in the whole form: letters, digits and underscores, starting with a letter. */
  code: string;
  type: ItemType;
  label: I18nText;
  help?: I18nText;
  /** true, or an expression that makes it required (e.g. "${has_cas} = 'yes'"). */
  required?: boolean | string;
  /** Skip logic: shown and validated only when true. */
  relevant?: string;
  /** Must be true for the value to be accepted; `.` is the item's own value. */
  constraint?: string;
  constraintMessage?: I18nText;
  /** A computed (read-only) value. */
  calculate?: string;
  unit?: I18nText;
  min?: number;
  max?: number;
  /** single_choice / multiple_choice options. */
  choices?: Option[];
  /** A CategoryCombo code: the item is entered by cell and its value is the total of the cells. */
  disaggregation?: string;
  /** table: fixed rows × columns; a cell is referenced as ${item.row.column}. */
  rows?: Option[];
  columns?: TableColumn[];
  /** repeat: the items of one repetition (referenced inside as ${code}; from outside only via count()/sum()). */
  items?: Item[];
  /**
   * A stable fact (structures, composition, referent): the data-entry page offers the same council's value of the
   * previous campaign to copy in. Not on calculated items nor on repeat children (see README).
   */
  copyLastYear?: boolean;
}

export interface Section {
  code: string;
  title: I18nText;
  description?: I18nText;
  /** quantitative: filled by the local actors the section is assigned to; evaluative: written by the council together. */
  kind: 'quantitative' | 'evaluative';
  items: Item[];
}

export type RuleOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** A cross-item validation rule, DHIS2-style. */
export interface ValidationRule {
  code: string;
  left: string;
  operator: RuleOperator;
  right: string;
  /** error blocks submission; warning needs a written justification. */
  severity: 'error' | 'warning';
  message: I18nText;
  /** What to do when values are missing (default skip_if_any_missing, as in DHIS2). */
  missingValueStrategy?: 'skip_if_any_missing' | 'skip_if_all_missing' | 'never_skip';
}

export interface FormDefinition {
  /** Stable code of the form across versions, e.g. "scheda-cti". */
  code: string;
  title: I18nText;
  description?: I18nText;
  categories: Category[];
  categoryCombos: CategoryCombo[];
  sections: Section[];
  rules: ValidationRule[];
}

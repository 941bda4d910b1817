/**
 * Code syntax, shared with the form contract: items, sections, categories, combos and rules use CODE;
 * options (choices, category options, table rows and columns) use OPTION_CODE, which also allows codes
 * such as "0-17" or "65+" for age bands.
 */
export const CODE = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
export const OPTION_CODE = /^[A-Za-z0-9][A-Za-z0-9_+-]{0,63}$/;

/** In a reference, `*` stands for every option of that position (only inside sum, count, min, max). */
export const WILDCARD = '*';

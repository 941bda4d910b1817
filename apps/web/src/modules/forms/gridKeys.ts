import type { KeyboardEvent } from 'react';

/** The data attributes that place a cell's control in its grid (row and column, from 0). */
export const gridCell = (row: number, col: number) => ({ 'data-grid-row': row, 'data-grid-col': col });

type Field = HTMLInputElement | HTMLSelectElement;

/** Left and Right leave a text box only from its edge (or with everything selected), so the caret still moves inside. */
function atEdge(el: Field, side: 'start' | 'end'): boolean {
  if (!(el instanceof HTMLInputElement)) return true;
  const { selectionStart: start, selectionEnd: end, value } = el;
  if (start === null || end === null) return true;
  if (start === 0 && end === value.length) return true;
  return side === 'start' ? start === 0 && end === 0 : start === value.length && end === value.length;
}

/**
 * Spreadsheet keys in a grid of inputs: arrows move between cells, Enter moves down (Shift+Enter up) instead
 * of submitting the form. Up and Down are left to a select, which uses them to change its option.
 */
export function onGridKeyDown(e: KeyboardEvent<HTMLElement>) {
  if (e.altKey || e.ctrlKey || e.metaKey) return;
  const el = e.target as Field;
  const row = Number(el.dataset?.gridRow);
  const col = Number(el.dataset?.gridCol);
  if (!Number.isInteger(row) || !Number.isInteger(col)) return;
  const select = el instanceof HTMLSelectElement;
  let to: [number, number] | null = null;
  if (e.key === 'Enter') {
    e.preventDefault();
    to = [row + (e.shiftKey ? -1 : 1), col];
  } else if (e.key === 'ArrowDown' && !select) to = [row + 1, col];
  else if (e.key === 'ArrowUp' && !select) to = [row - 1, col];
  else if (e.key === 'ArrowLeft' && atEdge(el, 'start')) to = [row, col - 1];
  else if (e.key === 'ArrowRight' && atEdge(el, 'end')) to = [row, col + 1];
  if (!to) return;
  const next = e.currentTarget.querySelector<HTMLElement>(`[data-grid-row="${to[0]}"][data-grid-col="${to[1]}"]`);
  if (!next) return;
  e.preventDefault();
  next.focus();
  if (next instanceof HTMLInputElement) next.select();
}

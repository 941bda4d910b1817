import { describe, expect, it } from 'vitest';
import { CLASS_COLORS, classOf, valueClasses } from './classes.ts';

describe('valueClasses', () => {
  it('splits values into five classes of about the same size, each value in exactly one', () => {
    const values = Array.from({ length: 107 }, (_, i) => i * 1.5);
    const classes = valueClasses(values, 1);
    expect(classes).toHaveLength(5);
    expect(classes.reduce((s, c) => s + c.count, 0)).toBe(107);
    for (const c of classes) expect(c.count).toBeGreaterThanOrEqual(21);
    for (let i = 1; i < classes.length; i++) expect(classes[i].min).toBeGreaterThan(classes[i - 1].max);
    for (const v of values) expect(classOf(classes, v, 1)).not.toBeNull();
    expect(classes.map((c) => c.color)).toEqual([...CLASS_COLORS]);
  });

  it('keeps equal values in one class and makes fewer classes with few distinct values', () => {
    const classes = valueClasses([1, 1, 1, 1, 2, 2, 3], 0);
    expect(classes.map((c) => [c.min, c.max, c.count])).toEqual([
      [1, 1, 4],
      [2, 2, 2],
      [3, 3, 1],
    ]);
    // Three classes still run from light to dark.
    expect(classes[0].color).toBe(CLASS_COLORS[0]);
    expect(classes[2].color).toBe(CLASS_COLORS[4]);
  });

  it('rounds to the indicator decimals, so the legend shows the bounds the values are shown with', () => {
    const classes = valueClasses([0.04, 0.06, 0.14], 1);
    expect(classes.map((c) => c.min)).toEqual([0, 0.1]);
    expect(classOf(classes, 0.06, 1)?.index).toBe(1);
    expect(classOf(classes, null, 1)).toBeNull();
  });

  it('gives no class without values', () => {
    expect(valueClasses([], 1)).toEqual([]);
  });
});

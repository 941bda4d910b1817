import { describe, expect, it } from 'vitest';
import { type ChartBlock, chartOption, formatAxisIt, formatNumberIt, type MapBlock, MAP_CLASS_COLOURS, MAP_FOCUS_BORDER, mapClasses, mapOption } from './report-chart-options.ts';

const chart = (over: Partial<ChartBlock>): ChartBlock => ({ kind: 'chart', key: 'c', title: 't', sources: [], chart: 'bar', categories: ['2022', '2023'], series: [{ name: 'Stranieri', values: [463591, 475171] }], unit: null, alt: 'alt', ...over });
type Series = { name: string; type: string; data: (number | null)[]; stack?: string; label: { formatter: (p: { value: number | null }) => string } };

describe('formatNumberIt', () => {
  it.each([
    [475171, 0, '475.171'],
    [1234, 0, '1.234'],
    [14.66, 1, '14,7'],
    [-266, 0, '-266'],
    [5141341, 0, '5.141.341'],
    [null, 0, '–'],
    [Number.NaN, 0, '–'],
  ])('%s with %s decimals → %s', (v, d, s) => expect(formatNumberIt(v as number | null, d)).toBe(s));
  it('shortens axis labels the Italian way', () => {
    expect(formatAxisIt(250000)).toBe('250 mila');
    expect(formatAxisIt(1_500_000)).toBe('1,5 mln');
    expect(formatAxisIt(500)).toBe('500');
  });
});

describe('chartOption', () => {
  it('draws bar, line and stacked series with Italian labels and the alt text as the aria description', () => {
    const bar = chartOption(chart({}));
    const series = bar.series as Series[];
    expect(series[0].type).toBe('bar');
    expect(series[0].label.formatter({ value: 475171 })).toBe('475.171');
    expect((bar.aria as { label: { description: string } }).label.description).toBe('alt');
    expect((chartOption(chart({ chart: 'line' })).series as Series[])[0].type).toBe('line');
    const stacked = chartOption(chart({ chart: 'stacked', series: [{ name: 'a', values: [1, 2] }, { name: 'b', values: [3, 4] }] })).series as Series[];
    expect(stacked.every((s) => s.stack === 'total')).toBe(true);
  });

  it('lays a many-category bar chart out horizontally', () => {
    const opt = chartOption(chart({ categories: Array.from({ length: 12 }, (_, i) => `P${i}`), series: [{ name: 's', values: Array.from({ length: 12 }, (_, i) => i) }] }));
    expect((opt.yAxis as { type: string }).type).toBe('category');
  });

  it('puts males on the left of a population pyramid, labelled with positive numbers', () => {
    const opt = chartOption(chart({ chart: 'pyramid', categories: ['0-4', '5-9'], series: [{ name: 'Maschi', values: [120, 80] }, { name: 'Femmine', values: [110, 90] }] }));
    const [m, f] = opt.series as Series[];
    expect(m.data).toEqual([-120, -80]);
    expect(f.data).toEqual([110, 90]);
    expect(m.label.formatter({ value: -120 })).toBe('120');
    const x = opt.xAxis as { min: number; max: number; axisLabel: { formatter: (v: number) => string } };
    expect(x.min).toBeLessThan(-120);
    expect(x.max).toBeGreaterThan(120);
    expect(x.axisLabel.formatter(-100)).toBe('100');
  });
});

describe('mapOption', () => {
  const block: MapBlock = {
    kind: 'map', key: 'm', title: 't', sources: [], indicator: 'quota', unit: '%', decimals: 1, period: '2023', focusCode: '015', alt: 'alt',
    geojson: { type: 'FeatureCollection', features: [] },
    values: [
      { code: '012', name: 'Varese', value: 8.5 }, { code: '013', name: 'Como', value: 7.9 }, { code: '014', name: 'Sondrio', value: 6.0 },
      { code: '015', name: 'Milano', value: 14.7 }, { code: '016', name: 'Bergamo', value: 10.9 }, { code: '017', name: 'Brescia', value: 12.0 },
      { code: '018', name: 'Pavia', value: 11.8 }, { code: '019', name: 'Cremona', value: 12.1 }, { code: '020', name: 'Mantova', value: 13.6 },
      { code: '097', name: 'Lecco', value: 8.1 }, { code: '098', name: 'Lodi', value: 12.7 }, { code: '108', name: 'Monza e della Brianza', value: 9.1 },
    ],
  };

  it('names every class in the legend and covers every value with exactly one class', () => {
    const classes = mapClasses(block);
    expect(classes).toHaveLength(MAP_CLASS_COLOURS.length);
    expect(classes[0].label).toMatch(/^6,0% – meno di /);
    expect(classes[classes.length - 1].label).toMatch(/– 14,7%$/);
    for (const v of block.values) expect(classes.filter((c) => (v.value as number) >= c.min && (v.value as number) <= c.max)).toHaveLength(1);
    const pieces = (mapOption(block, 'lombardia').visualMap as { pieces: { label: string }[] }).pieces;
    expect(pieces.map((p) => p.label)).toEqual(classes.map((c) => c.label));
  });

  it('outlines the focus province and labels every province by name', () => {
    const series = (mapOption(block, 'lombardia').series as { map: string; nameProperty: string; data: { name: string; provinceName: string; itemStyle?: { borderColor: string } }[] }[])[0];
    expect(series.map).toBe('lombardia');
    expect(series.nameProperty).toBe('code');
    const milano = series.data.find((d) => d.name === '015');
    expect(milano?.itemStyle?.borderColor).toBe(MAP_FOCUS_BORDER);
    expect(series.data.filter((d) => d.itemStyle)).toHaveLength(1);
    expect(series.data.map((d) => d.provinceName)).toContain('Monza e della Brianza');
  });

  it('gives no classes when no province has a value', () => {
    expect(mapClasses({ ...block, values: block.values.map((v) => ({ ...v, value: null })) })).toEqual([]);
  });
});

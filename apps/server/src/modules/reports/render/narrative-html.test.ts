import { describe, expect, it } from 'vitest';
import { parseNarrative, safeHref } from './narrative-html.ts';

describe('parseNarrative', () => {
  it('keeps headings, paragraphs with styled runs and links, lists, quotes and tables', () => {
    const blocks = parseNarrative(
      '<h3>Titolo</h3><p>Uno <strong>due</strong> <em>tre</em> <a href="https://www.istat.it/">Istat</a><br>riga</p><ol><li>a</li><li>b</li></ol><blockquote><p>citazione</p></blockquote><table><caption>Cap</caption><thead><tr><th scope="col">A</th><th>B</th></tr></thead><tbody><tr><th scope="row">x</th><td colspan="2">1</td></tr></tbody></table>',
    );
    expect(blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'list', 'paragraph', 'table']);
    expect(blocks[0]).toEqual({ type: 'heading', level: 3, runs: [{ text: 'Titolo' }] });
    expect(blocks[1]).toEqual({
      type: 'paragraph',
      runs: [{ text: 'Uno ' }, { text: 'due', bold: true }, { text: ' ' }, { text: 'tre', italic: true }, { text: ' ' }, { text: 'Istat', href: 'https://www.istat.it/' }, { text: '\n', lineBreak: true }, { text: 'riga' }],
    });
    expect(blocks[2]).toEqual({ type: 'list', ordered: true, items: [[{ text: 'a' }], [{ text: 'b' }]] });
    expect(blocks[3]).toEqual({ type: 'paragraph', quote: true, runs: [{ text: 'citazione' }] });
    const table = blocks[4];
    expect(table.type === 'table' && table.caption).toBe('Cap');
    expect(table.type === 'table' && table.headerRows).toBe(1);
    expect(table.type === 'table' && table.rows[1]).toEqual([
      { header: true, scope: 'row', colspan: 1, runs: [{ text: 'x' }] },
      { header: false, scope: null, colspan: 2, runs: [{ text: '1' }] },
    ]);
  });

  it.each([
    ['<script>alert(1)</script><p>ok</p>', 'ok'],
    ['<p>a<style>p{color:red}</style>b</p>', 'ab'],
    ['<p><iframe src="https://x"></iframe>c</p>', 'c'],
    ['<p><svg><text>svg</text></svg>d</p>', 'd'],
    ['<div onclick="x()"><span>e</span></div>', 'e'],
  ])('drops script-like content: %s', (html, text) => {
    const blocks = parseNarrative(html);
    expect(JSON.stringify(blocks)).not.toMatch(/alert|color:red|svg|onclick|x\(\)/);
    expect(blocks.flatMap((b) => (b.type === 'paragraph' ? b.runs.map((r) => r.text) : [])).join('')).toBe(text);
  });

  it.each([
    ['javascript:alert(1)', undefined],
    [' JavaScript:alert(1)', undefined],
    ['data:text/html,<b>x</b>', undefined],
    ['/relative/path', undefined],
    ['file:///etc/passwd', undefined],
    ['https://www.interno.gov.it/it', 'https://www.interno.gov.it/it'],
    ['mailto:cti@prefettura.it', 'mailto:cti@prefettura.it'],
  ])('accepts only http(s) and mailto links: %s', (href, expected) => {
    expect(safeHref(href)).toBe(expected);
  });

  it('reads an empty or whitespace-only narrative as nothing', () => {
    expect(parseNarrative('')).toEqual([]);
    expect(parseNarrative('  <p> </p> ')).toEqual([]);
  });
});

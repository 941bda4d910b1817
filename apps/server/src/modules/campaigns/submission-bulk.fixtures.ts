import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { LightMyRequestResponse } from 'fastify';
import type { Client } from '../../platform/testing/test-app.ts';
import { multipart } from '../organizations/organizations.fixtures.ts';

/** A CSV answer as rows of cells (BOM dropped), the header first. */
export function csvRows(res: LightMyRequestResponse): string[][] {
  return parse(res.body.replace(/^\uFEFF/, ''), { delimiter: ';' }) as string[][];
}

/**
 * A downloaded CSV template with some values written in the value column, as a person would fill it;
 * `rows` appends lines of [key, value] at the end.
 */
export function fillCsv(template: string[][], values: Record<string, string>, rows: [string, string][] = []): string {
  const [header, ...data] = template;
  const key = header.indexOf('key');
  const value = header.indexOf('value');
  const filled = data.map((r) => (r[key] in values ? r.map((c, i) => (i === value ? values[r[key]] : c)) : r));
  const extra = rows.map(([k, v]) => header.map((h) => (h === 'key' ? k : h === 'value' ? v : '')));
  return stringify([header, ...filled, ...extra], { delimiter: ';' });
}

/** A downloaded XLSX template with the value column set for some keys (texts, numbers or null to clear). */
export async function fillXlsx(body: Buffer, values: Record<string, string | number | null>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  for (const ws of wb.worksheets) {
    if (ws.state === 'hidden') continue;
    ws.eachRow((row) => {
      const key = row.getCell(1).value;
      if (typeof key === 'string' && key in values) row.getCell(10).value = values[key];
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function readXlsx(body: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(body as unknown as ArrayBuffer);
  return wb;
}

/** Uploads a file for a section (dry run unless told), in the given language. */
export function uploadSectionFile(c: Client, id: number, section: string, content: string | Buffer, dryRun = true, opts: { filename?: string; lang?: 'it' | 'en' } = {}) {
  const { body, headers } = multipart(content, 'file', opts.filename ?? 'modello.csv');
  return c.post(`/api/v1/submissions/${id}/sections/${section}/upload?dryRun=${dryRun}${opts.lang === 'en' ? '&lang=en' : ''}`, body, headers);
}

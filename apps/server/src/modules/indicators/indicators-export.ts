import type { IndicatorValue, PivotResponse } from '@mosaico/contracts/indicators';
import ExcelJS from 'exceljs';
import type { Lang } from '../../platform/http/messages.ts';
import { escapeFormula, formatCsv } from '../organizations/csv-format.ts';

export interface ExportFile {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

const HEAD = {
  it: { code: 'Codice territorio', name: 'Territorio', level: 'Livello', period: 'Periodo', option: 'Disaggregazione', value: 'Valore', num: 'Numeratore', den: 'Denominatore', reason: 'Motivo valore mancante', prov: 'Provvisorio', sources: 'Fonti', yes: 'sì', no: 'no' },
  en: { code: 'Territory code', name: 'Territory', level: 'Level', period: 'Period', option: 'Breakdown', value: 'Value', num: 'Numerator', den: 'Denominator', reason: 'Why no value', prov: 'Provisional', sources: 'Sources', yes: 'yes', no: 'no' },
};

type Cell = string | number | null;

function table(rows: (Omit<IndicatorValue, 'sources'> & { option?: string | null; sources?: string[] })[], lang: Lang, withOption: boolean) {
  const h = HEAD[lang];
  const header = [h.code, h.name, h.level, h.period, ...(withOption ? [h.option] : []), h.value, h.num, h.den, h.reason, h.prov];
  const body: Cell[][] = rows.map((r) => [
    r.territory.code,
    r.territory.name,
    r.territory.level,
    r.period,
    ...(withOption ? [r.option ?? ''] : []),
    r.value,
    r.numerator,
    r.denominator,
    r.reason ?? '',
    r.provisional ? h.yes : h.no,
  ]);
  return { header, body };
}

/** CSV guarded against formula injection (text cells starting with = + - @ get a leading apostrophe). */
function csv(header: string[], body: Cell[][]): string {
  return formatCsv([header, ...body.map((r) => r.map((c) => (c === null ? '' : typeof c === 'string' ? escapeFormula(c) : String(c))))]);
}

async function xlsx(sheetName: string, title: string, header: string[], body: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName);
  ws.addRow([title]).font = { bold: true };
  ws.addRow(header).font = { bold: true };
  for (const r of body) ws.addRow(r.map((c) => (c === null ? null : c)));
  ws.views = [{ state: 'frozen', ySplit: 2 }];
  ws.columns.forEach((c) => {
    c.width = 16;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** An indicator's values as CSV or XLSX. */
export async function exportValues(code: string, title: string, values: IndicatorValue[], format: 'csv' | 'xlsx', lang: Lang): Promise<ExportFile> {
  const { header, body } = table(values, lang, false);
  const filename = `indicatore-${code}.${format}`;
  if (format === 'csv') return { filename, contentType: 'text/csv; charset=utf-8', body: csv(header, body) };
  return { filename, contentType: XLSX, body: await xlsx(code.slice(0, 31), title, header, body) };
}

/** A pivot's rows as CSV or XLSX. */
export async function exportPivot(p: PivotResponse, format: 'csv' | 'xlsx', lang: Lang): Promise<ExportFile> {
  const { header, body } = table(p.rows, lang, true);
  const filename = `pivot-${p.measure.code.replace(/[^A-Za-z0-9_-]/g, '_')}-${p.level}.${format}`;
  if (format === 'csv') return { filename, contentType: 'text/csv; charset=utf-8', body: csv(header, body) };
  const title = `${lang === 'en' ? (p.measure.name.en ?? p.measure.name.it) : p.measure.name.it}${p.breakdown ? ` × ${p.breakdown}` : ''}`;
  return { filename, contentType: XLSX, body: await xlsx('pivot', title, header, body) };
}

import type { SubmissionStatus } from '@mosaico/contracts/campaigns';
import ExcelJS from 'exceljs';
import type { Ctx } from '../../platform/context.ts';
import type { Lang } from '../../platform/http/messages.ts';
import { escapeFormula, formatCsv } from '../organizations/csv-format.ts';
import { type CampaignOverview, getCampaignOverview, type OverviewQuery, type OverviewRow } from './campaign-overview.service.ts';

const STATUS: Record<SubmissionStatus, { it: string; en: string }> = {
  draft: { it: 'Bozza', en: 'Draft' },
  submitted: { it: 'Inviata', en: 'Submitted' },
  returned: { it: 'Restituita', en: 'Returned' },
  approved: { it: 'Approvata', en: 'Approved' },
  locked: { it: 'Bloccata', en: 'Locked' },
};

const HEADERS = {
  it: ['Codice consiglio', 'Consiglio', 'Codice regione', 'Regione', 'Province (codici ISTAT)', 'Stato', 'In ritardo', 'Completezza (%)', 'Voci compilate', 'Voci attese', 'Errori', 'Ultima attività'],
  en: ['Council code', 'Council', 'Region code', 'Region', 'Provinces (ISTAT codes)', 'Status', 'Overdue', 'Completeness (%)', 'Items filled', 'Items expected', 'Errors', 'Last activity'],
};

const WORDS = {
  it: { yes: 'sì', no: 'no', sheet: 'Schede', summary: 'Riepilogo', campaign: 'Rilevazione', deadline: 'Scadenza', asOf: 'Situazione al', filters: 'Filtri', none: 'nessuno', region: 'regione', status: 'stato', overdue: 'in ritardo', total: 'Schede', rows: 'Schede esportate', completeness: 'Completezza complessiva' },
  en: { yes: 'yes', no: 'no', sheet: 'Submissions', summary: 'Summary', campaign: 'Campaign', deadline: 'Deadline', asOf: 'Situation on', filters: 'Filters', none: 'none', region: 'region', status: 'status', overdue: 'overdue', total: 'Submissions', rows: 'Submissions exported', completeness: 'Overall completeness' },
};

export interface OverviewFile {
  filename: string;
  contentType: string;
  body: string | Buffer;
}

/** The overview as CSV or XLSX, honouring the filters; same reach as the overview (council side only). */
export async function exportCampaignOverview(ctx: Ctx, id: number, q: OverviewQuery, format: 'csv' | 'xlsx'): Promise<OverviewFile> {
  const overview = await getCampaignOverview(ctx, id, q);
  const filename = `rilevazione-${id}${overview.region ? `-regione-${overview.region.code}` : ''}-${overview.asOf}.${format}`;
  if (format === 'csv') return { filename, contentType: 'text/csv; charset=utf-8', body: overviewCsv(overview, ctx.lang) };
  return { filename, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await overviewXlsx(overview, q, ctx.lang) };
}

const ratio = (r: OverviewRow) => (r.completeness.expected ? r.completeness.filled / r.completeness.expected : null);

// Built once (a formatter with a time zone costs milliseconds to make).
const ITALIAN_TIME = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Rome', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** Last activity as Italian wall-clock time, the time the users lived it. */
function italianDateTime(iso: string): string {
  const parts = Object.fromEntries(ITALIAN_TIME.formatToParts(new Date(iso)).map((p) => [p.type, p.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

function cells(r: OverviewRow, lang: Lang): (string | number | null)[] {
  const share = ratio(r);
  return [
    r.council.code,
    r.council.name,
    r.region.code,
    r.region.name,
    r.provinceCodes.join(' '),
    STATUS[r.status][lang],
    r.overdue ? WORDS[lang].yes : WORDS[lang].no,
    share === null ? null : Math.round(share * 100),
    r.completeness.filled,
    r.completeness.expected,
    r.errorCount,
    r.lastActivityAt ? italianDateTime(r.lastActivityAt) : null,
  ];
}

/** CSV for spreadsheets (BOM, `;`, CRLF), one row per submission; texts that look like formulas are defused. */
export function overviewCsv(o: CampaignOverview, lang: Lang): string {
  return formatCsv([HEADERS[lang], ...o.rows.map((r) => cells(r, lang).map((c) => (c === null ? '' : typeof c === 'string' ? escapeFormula(c) : String(c))))]);
}

/** A workbook: the rows (typed cells, filterable, header frozen) and a summary sheet saying what was exported, when. */
export async function overviewXlsx(o: CampaignOverview, q: OverviewQuery, lang: Lang): Promise<Buffer> {
  const w = WORDS[lang];
  const book = new ExcelJS.Workbook();
  book.creator = 'Mosaico';
  const sheet = book.addWorksheet(w.sheet, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = HEADERS[lang].map((header, i) => ({ header, width: [14, 48, 10, 22, 16, 12, 10, 14, 12, 12, 8, 18][i] }));
  sheet.getRow(1).font = { bold: true };
  for (const r of o.rows) {
    const row = cells(r, lang);
    const share = ratio(r);
    row[7] = share;
    // Excel has no time zones: the date is written as the Italian wall-clock time it shows.
    const added = sheet.addRow(row.map((c, i) => (i === 11 && c !== null ? new Date(`${String(c).replace(' ', 'T')}:00Z`) : c)));
    added.getCell(8).numFmt = '0%';
    added.getCell(12).numFmt = 'yyyy-mm-dd hh:mm';
  }
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, o.rows.length + 1), column: HEADERS[lang].length } };

  const summary = book.addWorksheet(w.summary);
  summary.columns = [{ width: 28 }, { width: 48 }];
  const filters = [
    o.region ? `${w.region}: ${o.region.name}` : null,
    q.status ? `${w.status}: ${STATUS[q.status][lang]}` : null,
    q.overdue !== undefined ? `${w.overdue}: ${q.overdue ? w.yes : w.no}` : null,
  ].filter(Boolean);
  const s = o.summary;
  summary.addRows([
    [w.campaign, o.campaign.name],
    [w.deadline, o.campaign.deadline],
    [w.asOf, o.asOf],
    [w.filters, filters.length ? filters.join('; ') : w.none],
    [w.rows, o.rows.length],
    [w.total, s.total],
    ...Object.entries(s.byStatus).map(([status, n]) => [STATUS[status as SubmissionStatus][lang], n]),
    [HEADERS[lang][6], s.overdue],
    [w.completeness, s.completeness.expected ? s.completeness.filled / s.completeness.expected : null],
  ]);
  summary.getColumn(1).font = { bold: true };
  summary.getCell(`B${summary.rowCount}`).numFmt = '0%';
  return Buffer.from(await book.xlsx.writeBuffer());
}

import {
  type importResult,
  organizationCreate,
  type organizationExportQuery,
  organizationPatch,
} from '@mosaico/contracts/organizations';
import { ORGANIZATION_CSV_COLUMNS } from '@mosaico/contracts/vocabulary';
import { inArray } from 'drizzle-orm';
import { z } from 'zod';
import type { Ctx } from '../../platform/context.ts';
import type { Tx } from '../../platform/db/client.ts';
import { AppError } from '../../platform/http/errors.ts';
import { translate } from '../../platform/http/messages.ts';
import { toFieldIssues } from '../../platform/http/validation.ts';
import { councils } from '../councils/councils.schema.ts';
import { escapeFormula, formatCsv, parseCsv, unescapeFormula } from './csv-format.ts';
import { guardUniqueName, newPlanCache, type OrganizationInput, type OrganizationRow, planOrganization } from './organizations-plan.ts';
import { canEdit, editReachOf } from './organizations.policy.ts';
import { organizations } from './organizations.schema.ts';
import { findAllOrganizations, insertOrganization, writeOrganizationChange } from './organizations.service.ts';

type Column = (typeof ORGANIZATION_CSV_COLUMNS)[number];
type ImportResult = z.infer<typeof importResult>;
type RowError = ImportResult['errors'][number];

/** Which API field each column carries (id and council_code are looked up separately). */
const FIELD_OF: Record<Column, keyof OrganizationInput | null> = {
  id: null,
  name: 'name',
  kind: 'kind',
  territory_code: 'territoryCode',
  council_code: null,
  collection_status: 'collectionStatus',
  tax_code: 'taxCode',
  email: 'email',
  phone: 'phone',
  website: 'website',
  address: 'address',
  contact_person: 'contactPerson',
  notes: 'notes',
};
const COLUMN_OF: Record<string, Column> = Object.fromEntries(
  Object.entries(FIELD_OF)
    .filter(([, f]) => f)
    .map(([c, f]) => [f as string, c as Column]),
);
COLUMN_OF.councilId = 'council_code';
const REQUIRED: readonly Column[] = ['name', 'kind', 'territory_code'];

const idCell = z.string().regex(/^[1-9][0-9]{0,8}$/, 'Identificativo non valido: un numero intero positivo.|Invalid id: a positive whole number.');
const createRow = organizationCreate.omit({ councilId: true });
const updateRow = organizationPatch.omit({ councilId: true, version: true });

/** A cell as the API field it fills; undefined = column absent, so an existing value is kept. */
function inputOf(cells: Map<Column, string>): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [column, raw] of cells) {
    const field = FIELD_OF[column];
    if (!field) continue;
    let v = unescapeFormula(raw);
    // Spreadsheets drop leading zeros: 4–5 digits can only be a comune code, 8–10 only a partita IVA.
    if (column === 'territory_code' && /^\d{4,5}$/.test(v)) v = v.padStart(6, '0');
    if (column === 'tax_code' && /^\d{8,10}$/.test(v)) v = v.padStart(11, '0');
    // An empty required cell is reported as missing; an empty status means 'new' on create, unchanged on update.
    if (v === '' && REQUIRED.includes(column)) input[field] = null;
    else if (v !== '' || column !== 'collection_status') input[field] = v;
  }
  return input;
}

/**
 * Imports organisations from CSV: a row with an id updates it; without, it creates one, or updates the
 * organisation of the same name in the same council, so importing a list twice changes nothing. A dry run
 * (and a file with any error) writes nothing; otherwise all rows go in one transaction, each audited.
 * National admins, regional coordinators and council referents; a row outside their scope is an error.
 */
export async function importOrganizationsCsv(ctx: Ctx, load: () => Promise<Buffer | Uint8Array | null>, dryRun: boolean): Promise<ImportResult> {
  const actor = ctx.actor;
  editReachOf(actor);
  const content = await load();
  if (!content) throw new AppError('invalid', 'file_required');
  const sheet = parseCsv(content, ctx.lang);
  const errors: RowError[] = [];
  const columns = new Map<Column, number>();
  sheet.header.forEach((raw, i) => {
    const name = raw.trim().toLowerCase();
    if (!name) return;
    if (!(ORGANIZATION_CSV_COLUMNS as readonly string[]).includes(name)) {
      errors.push({ line: 1, field: raw, message: translate('csv_unknown_column', ctx.lang, { column: raw, columns: ORGANIZATION_CSV_COLUMNS.join(', ') }) });
    } else if (columns.has(name as Column)) {
      errors.push({ line: 1, field: name, message: translate('csv_duplicate_column', ctx.lang, { column: name }) });
    } else columns.set(name as Column, i);
  });
  const result: ImportResult = { dryRun, total: sheet.rows.length, created: 0, updated: 0, unchanged: 0, errors };

  let lastName: { name: string; councilId: number | null; regionId: number | null } | null = null;
  const run = async (tx: Tx) => {
    const councilByCode = new Map((await tx.select({ id: councils.id, code: councils.code }).from(councils)).map((c) => [c.code.toUpperCase(), c.id]));
    const ids = sheet.rows.flatMap((r) => {
      const i = columns.get('id');
      const v = i === undefined ? '' : (r.cells[i] ?? '');
      return idCell.safeParse(v).success ? [Number(v)] : [];
    });
    const query = tx.select().from(organizations).where(inArray(organizations.id, ids.length ? ids : [0]));
    const existing = new Map((dryRun ? await query : await query.for('update')).map((o) => [o.id, o]));
    const cache = newPlanCache();
    const seenIds = new Map<number, number>();
    const seenNames = new Map<string, number>();
    const writes: { current: OrganizationRow | null; values: Parameters<typeof insertOrganization>[2] }[] = [];

    for (const { line, cells: raw } of sheet.rows) {
      const before = errors.length;
      const fail = (field: string, message: string) => errors.push({ line, field, message });
      const cells = new Map<Column, string>();
      for (const [column, i] of columns) cells.set(column, raw[i] ?? '');
      // Values under a named unknown column are reported once, on the header; values with no column at all here.
      raw.forEach((v, i) => {
        if (v !== '' && !sheet.header[i]?.trim()) fail(`#${i + 1}`, translate('csv_extra_value', ctx.lang, { n: i + 1 }));
      });

      let current: OrganizationRow | null = null;
      const id = cells.get('id') ?? '';
      if (id) {
        const parsedId = idCell.safeParse(id);
        if (!parsedId.success) fail('id', toFieldIssues(parsedId.error.issues, ctx.lang)[0].message);
        else {
          current = existing.get(Number(id)) ?? null;
          if (!current) fail('id', translate('organization_not_found', ctx.lang, { id }));
        }
      }
      const creating = !id;
      const parsed = (creating ? createRow : updateRow).safeParse(inputOf(cells), { reportInput: true });
      if (!parsed.success) for (const i of toFieldIssues(parsed.error.issues, ctx.lang)) fail(COLUMN_OF[i.field] ?? i.field, i.message);
      const councilCode = (cells.get('council_code') ?? '').toUpperCase();
      const councilId = councilCode ? councilByCode.get(councilCode) : undefined;
      if (councilCode && !councilId) fail('council_code', translate('council_not_found', ctx.lang, { code: councilCode }));
      if (errors.length > before || !parsed.success) continue;

      const input: OrganizationInput = { ...parsed.data, councilId };
      let plan = await planOrganization(tx, ctx.lang, current, input, cache);
      if (!plan.issues.length && !current && plan.duplicate) {
        // Same name in the same council: this row is that organisation (a list imported again).
        const query = tx.select().from(organizations).where(inArray(organizations.id, [plan.duplicate.id]));
        current = (dryRun ? await query : await query.for('update'))[0];
        plan = await planOrganization(tx, ctx.lang, current, input, cache);
      }
      for (const i of plan.issues) fail(COLUMN_OF[i.field] ?? i.field, i.message);
      if (plan.duplicate) fail('name', translate('organization_exists', ctx.lang, { name: plan.duplicate.name, id: plan.duplicate.id }));
      if (errors.length > before) continue;

      const where = id ? 'id' : councilCode ? 'council_code' : 'territory_code';
      if (!actor || (current && !canEdit(actor, current)) || !canEdit(actor, plan.values)) {
        fail(where, translate('forbidden', ctx.lang));
        continue;
      }
      const nameKey = `${plan.values.councilId ?? 0}:${plan.values.regionId ?? 0}:${plan.values.name.toLowerCase()}`;
      const sameAs = (current && seenIds.get(current.id)) || seenNames.get(nameKey);
      if (sameAs) {
        fail(current && seenIds.has(current.id) ? where : 'name', translate('csv_duplicate_row', ctx.lang, { line: sameAs }));
        continue;
      }
      if (current) seenIds.set(current.id, line);
      seenNames.set(nameKey, line);

      if (!current) result.created++;
      else if (plan.changed.length) result.updated++;
      else result.unchanged++;
      if (!current || plan.changed.length) writes.push({ current, values: plan.values });
    }
    errors.sort((a, b) => a.line - b.line);
    if (dryRun) return result;
    if (errors.length) {
      throw new AppError('invalid', 'csv_has_errors', { count: new Set(errors.map((e) => e.line)).size }, { errors });
    }
    for (const w of writes) {
      lastName = w.values;
      if (w.current) await writeOrganizationChange(tx, ctx, w.current, w.values);
      else await insertOrganization(tx, ctx, w.values);
    }
    return result;
  };
  return guardUniqueName(ctx.db, () => lastName, null, () => ctx.db.transaction(run));
}

/** The organisations in the caller's reach matching the filters as CSV, re-importable unchanged; any signed-in role. */
export async function exportOrganizationsCsv(ctx: Ctx, q: z.infer<typeof organizationExportQuery>): Promise<{ csv: string; count: number }> {
  const items = await findAllOrganizations(ctx, q);
  const rows = items.map((o) => {
    const byColumn: Record<Column, string | number | null> = {
      id: o.id,
      name: o.name,
      kind: o.kind,
      territory_code: o.territory.code,
      council_code: o.council?.code ?? null,
      collection_status: o.collectionStatus,
      tax_code: o.taxCode,
      email: o.email,
      phone: o.phone,
      website: o.website,
      address: o.address,
      contact_person: o.contactPerson,
      notes: o.notes,
    };
    return ORGANIZATION_CSV_COLUMNS.map((c) => escapeFormula(String(byColumn[c] ?? '')));
  });
  return { csv: formatCsv([[...ORGANIZATION_CSV_COLUMNS], ...rows]), count: rows.length };
}

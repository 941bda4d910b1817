import { and, eq } from 'drizzle-orm';
import type { Client, TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { seedDefaultTemplate } from './report-templates.service.ts';
import { reports, reportTemplates } from './reports.schema.ts';

/** Seeds the shipped default template, as every start does, and returns its id. */
export async function seedTemplate(t: TestApp): Promise<number> {
  await t.database.db.transaction((tx) => seedDefaultTemplate(tx));
  const [d] = await t.database.db.select({ id: reportTemplates.id }).from(reportTemplates).where(eq(reportTemplates.isDefault, true));
  return d.id;
}

/** A small valid template definition: one chapter with a key-figures block and two narrative blocks. */
export const SMALL_TEMPLATE = {
  name: { it: 'Modello breve' },
  description: { it: 'Per le prove' },
  definition: {
    chapters: [
      {
        key: 'fenomeno',
        title: { it: 'Il fenomeno migratorio' },
        blocks: [
          { kind: 'narrative', key: 'introduzione', title: { it: 'Introduzione' } },
          { kind: 'key_figures', key: 'cifre', indicators: ['stranieri_residenti'] },
          { kind: 'narrative', key: 'commento', title: { it: 'Commento' } },
        ],
      },
    ],
  },
};

/** Creates a report through the API and returns its detail (throws unless 201). */
export async function createReportAs(c: Client, councilId: number, year = 2023, templateId?: number) {
  const res = await c.post('/api/v1/reports', { councilId, year, ...(templateId ? { templateId } : {}) });
  if (res.statusCode !== 201) throw new Error(`fixture: report ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Audit entries of a report, oldest first. */
export async function reportAudit(t: TestApp, reportId: number) {
  return t.database.db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entityType, 'report'), eq(auditLog.entityId, String(reportId))))
    .orderBy(auditLog.id);
}

export const countReports = async (t: TestApp) => (await t.database.db.select({ id: reports.id }).from(reports)).length;

import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createJobRunner, type JobRunner } from '../../platform/jobs/job-runner.ts';
import { type Client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { defaultFormId, openCampaign } from '../campaigns/campaigns.fixtures.ts';
import { councilIdOf, type People, seedPeople, signInAs, systemCtx } from '../users/users.fixtures.ts';
import { resumeReportBatches, useReportBatchQueue } from './report-batches.service.ts';
import { closeRenderPool, useRenderer } from './report-files.service.ts';
import { seedTemplate } from './reports.fixtures.ts';
import { generateReportBatchJob } from './reports.jobs.ts';
import { reportBatches, reports } from './reports.schema.ts';

let t: TestApp;
let p: People;
let admin: Client;
let coordinator: Client;
let milano: Client;
let runner: JobRunner;
let campaignId: number;
let bergamo: number;

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  await seedTemplate(t);
  [admin, coordinator, milano] = await Promise.all([p.admin, p.coordinator, p.milano].map((x) => signInAs(t, x)));
  bergamo = await councilIdOf(t, 'CTI-BG');
  campaignId = (await openCampaign(admin, await defaultFormId(t, admin), [p.ids.councilMilano, bergamo, p.ids.councilNapoli], 2023)).id;
  const ctx = systemCtx(t);
  runner = createJobRunner({ database: t.database, config: ctx.config, mailer: ctx.mailer, definitions: [generateReportBatchJob], worker: false });
  await runner.start();
  useReportBatchQueue((batchId) => runner.enqueue(generateReportBatchJob, { batchId }));
  // Napoli's PDF fails, as a renderer error would: the batch must record it and go on.
  useRenderer((format, doc, next) => (doc.snapshot.council.id === p.ids.councilNapoli ? Promise.reject(new Error('carattere mancante nel font')) : next(format, doc)));
});
afterAll(async () => {
  useRenderer(null);
  useReportBatchQueue(null);
  await runner.stop();
  await closeRenderPool();
  await t.close();
});

let batchId: number;

/** The stored (uncompressed) entries of a ZIP, read from its central directory. */
function zipEntries(zip: Buffer): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (let at = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])), i = 0, dir = zip.readUInt32LE(at + 16); i < zip.readUInt16LE(at + 10); i++) {
    const size = zip.readUInt32LE(dir + 20);
    const nameLen = zip.readUInt16LE(dir + 28);
    const name = zip.subarray(dir + 46, dir + 46 + nameLen).toString();
    const local = zip.readUInt32LE(dir + 42);
    const data = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    out.set(name, zip.subarray(data, data + size));
    dir += 46 + nameLen + zip.readUInt16LE(dir + 30) + zip.readUInt16LE(dir + 32);
  }
  return out;
}

describe('a batch of a campaign’s reports', () => {
  it('is queued (202) and, run by the job, generates every council with progress; one failure stops no other', async () => {
    const res = await admin.post('/api/v1/reports/batches', { campaignId });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toMatchObject({ campaignId, year: 2023, status: 'queued', total: 3, done: 0, failed: 0 });
    batchId = res.json().id;
    const ran = await runner.drain();
    expect(ran).toEqual([expect.objectContaining({ name: 'reports.generate-batch', ok: true })]);
    const b = (await admin.get(`/api/v1/reports/batches/${batchId}`)).json();
    expect(b).toMatchObject({ status: 'done', total: 3, done: 2, failed: 1 });
    expect(b.finishedAt).not.toBeNull();
    const napoli = b.items.find((i: { councilId: number }) => i.councilId === p.ids.councilNapoli);
    expect(napoli).toMatchObject({ status: 'failed', error: expect.stringContaining('carattere mancante nel font') });
    for (const id of [p.ids.councilMilano, bergamo]) {
      const item = b.items.find((i: { councilId: number }) => i.councilId === id);
      expect(item).toMatchObject({ status: 'done', error: null, reportId: expect.any(Number) });
      expect((await admin.get(`/api/v1/reports/${item.reportId}`)).json()).toMatchObject({ councilId: id, year: 2023, version: 1, status: 'draft' });
    }
    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityType, 'report_batch'), eq(auditLog.entityId, String(batchId))));
    expect(audit).toMatchObject({ actorEmail: p.admin.email, after: { status: 'queued', councils: 3 } });
  });

  it('downloads one ZIP with a PDF per council done', async () => {
    const res = await admin.get(`/api/v1/reports/batches/${batchId}/zip`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toContain(`monografie-2023-generazione-${batchId}.zip`);
    const entries = zipEntries(res.rawPayload);
    expect([...entries.keys()].sort()).toEqual(['monografia-bergamo-2023.pdf', 'monografia-milano-2023.pdf']);
    for (const pdf of entries.values()) expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('regenerates drafts on a second run and leaves reports past draft as they are', async () => {
    const milanoReport = (await admin.get(`/api/v1/reports?councilId=${p.ids.councilMilano}&year=2023`)).json().items[0];
    await milano.post(`/api/v1/reports/${milanoReport.id}/transitions`, { transition: 'submit' });
    const res = await admin.post('/api/v1/reports/batches', { campaignId });
    await runner.drain();
    const b = (await admin.get(`/api/v1/reports/batches/${res.json().id}`)).json();
    const byCouncil = new Map(b.items.map((i: { councilId: number }) => [i.councilId, i]));
    expect(byCouncil.get(p.ids.councilMilano)).toMatchObject({ status: 'done', error: 'Non rigenerata: la monografia è «in revisione»; stampata la versione attuale.' });
    const bg = byCouncil.get(bergamo) as { reportId: number };
    expect((await admin.get(`/api/v1/reports/${bg.reportId}`)).json().version).toBe(2);
    expect((await admin.get(`/api/v1/reports/${milanoReport.id}`)).json().version).toBe(1);
  });

  it('resumes after a restart from the pending councils, and never runs twice while a live runner holds it', async () => {
    const res = await admin.post('/api/v1/reports/batches', { campaignId });
    const id = res.json().id as number;
    // As a server stopped mid-run leaves it: running, held by a runner that is gone.
    await t.database.db
      .update(reportBatches)
      .set({ status: 'running', runner: 'job:dead', leaseUntil: new Date(Date.now() + 600_000) })
      .where(eq(reportBatches.id, id));
    const skipped = await runner.drain();
    expect(skipped).toHaveLength(1);
    expect((await admin.get(`/api/v1/reports/batches/${id}`)).json()).toMatchObject({ status: 'running', done: 0, failed: 0 });
    // Start-up: leases released, the batch queued again, worked to the end.
    expect(await resumeReportBatches(t.database.db)).toEqual([id]);
    await runner.drain();
    expect((await admin.get(`/api/v1/reports/batches/${id}`)).json()).toMatchObject({ status: 'done', done: 2, failed: 1 });
  });
});

describe('who runs batches', () => {
  it('a Lombardia coordinator batches only Lombardia’s councils and reads only such batches', async () => {
    const res = await coordinator.post('/api/v1/reports/batches', { campaignId });
    expect(res.statusCode).toBe(202);
    expect(res.json().items.map((i: { councilId: number }) => i.councilId).sort()).toEqual([p.ids.councilMilano, bergamo].sort());
    await runner.drain();
    expect((await coordinator.get(`/api/v1/reports/batches/${res.json().id}`)).statusCode).toBe(200);
    expect((await coordinator.get(`/api/v1/reports/batches/${batchId}`)).statusCode).toBe(403); // it holds Napoli
    expect((await coordinator.get(`/api/v1/reports/batches/${batchId}/zip`)).statusCode).toBe(403);
  });

  it('council referents get 403; bad input is named in Italian and nothing is queued', async () => {
    expect((await milano.post('/api/v1/reports/batches', { campaignId })).statusCode).toBe(403);
    expect((await milano.get(`/api/v1/reports/batches/${batchId}`)).statusCode).toBe(403);
    const before = (await t.database.db.select({ id: reportBatches.id }).from(reportBatches)).length;
    const bad = await admin.post('/api/v1/reports/batches', { campaignId: 'tutte' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0]).toMatchObject({ field: 'campaignId', message: 'Deve essere un numero.' });
    const unknown = await admin.post('/api/v1/reports/batches', { campaignId: 987654 });
    expect(unknown.json().error.details.issues[0]).toMatchObject({ field: 'campaignId', message: 'Rilevazione 987654 inesistente.' });
    const noTemplate = await admin.post('/api/v1/reports/batches', { campaignId, templateId: 987654 });
    expect(noTemplate.json().error.details.issues[0]).toMatchObject({ field: 'templateId', message: 'Modello di monografia 987654 inesistente.' });
    expect((await t.database.db.select({ id: reportBatches.id }).from(reportBatches)).length).toBe(before);
    expect((await admin.get('/api/v1/reports/batches/987654')).statusCode).toBe(404);
    expect(await runner.drain()).toEqual([]);
    expect((await t.database.db.select({ id: reports.id }).from(reports)).length).toBe(3);
  });
});

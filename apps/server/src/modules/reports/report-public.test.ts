import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { client, type Client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { type People, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { closeRenderPool, useRenderer } from './report-files.service.ts';
import { createReportAs, seedTemplate } from './reports.fixtures.ts';
import { reportRenditions, reportVersions } from './reports.schema.ts';

let t: TestApp;
let p: People;
let admin: Client;
let milano: Client;
let coordinator: Client;
let napoli: Client;
const anon = () => client(t.app);
let reportId: number;
let renders = 0;

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  await seedTemplate(t);
  [admin, milano, coordinator, napoli] = await Promise.all([p.admin, p.milano, p.coordinator, p.napoli].map((x) => signInAs(t, x)));
  // Counts renders to show the cache at work; the files are the real renderers'.
  useRenderer((format, doc, next) => {
    renders++;
    return next(format, doc);
  });
  reportId = (await createReportAs(milano, p.ids.councilMilano)).id;
});
afterAll(async () => {
  useRenderer(null);
  await closeRenderPool();
  await t.close();
});

const go = (c: Client, transition: string, note?: string) => c.post(`/api/v1/reports/${reportId}/transitions`, { transition, note });
const publicIds = async (q = '') => ((await anon().get(`/api/v1/public/reports${q}`)).json() as { id: number }[]).map((r) => r.id);

describe('files of a report', () => {
  it('downloads the PDF and DOCX with their type and an attachment name (RFC 5987), to the council’s readers', async () => {
    const pdf = await coordinator.get(`/api/v1/reports/${reportId}/pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe(`attachment; filename="monografia-milano-2023.pdf"; filename*=UTF-8''monografia-milano-2023.pdf`);
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const docx = await milano.get(`/api/v1/reports/${reportId}/docx`);
    expect(docx.statusCode).toBe(200);
    expect(docx.headers['content-type']).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(docx.headers['content-disposition']).toContain('monografia-milano-2023.docx');
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect((await napoli.get(`/api/v1/reports/${reportId}/pdf`)).statusCode).toBe(403);
    expect((await milano.get(`/api/v1/reports/${reportId}/pdf?version=7`)).statusCode).toBe(404);
    expect((await milano.get(`/api/v1/reports/${reportId}/pdf?version=zero`)).statusCode).toBe(400);
  });

  it('serves a version’s file from the cache until its narrative changes', async () => {
    const before = renders;
    await milano.get(`/api/v1/reports/${reportId}/pdf`);
    expect(renders).toBe(before);
    await milano.put(`/api/v1/reports/${reportId}/narratives/fenomeno_intro`, { html: '<p>La presenza straniera a Milano.</p>', version: 0 });
    await milano.get(`/api/v1/reports/${reportId}/pdf`);
    expect(renders).toBe(before + 1);
    const [v] = await t.database.db.select({ id: reportVersions.id }).from(reportVersions).where(eq(reportVersions.reportId, reportId));
    const [cached] = await t.database.db.select({ n: count() }).from(reportRenditions).where(eq(reportRenditions.versionId, v.id));
    expect(cached.n).toBe(2);
  });
});

describe('public visibility', () => {
  it('never shows a draft, a report in review or an approved one', async () => {
    for (const step of [null, 'submit', 'approve'] as const) {
      if (step) expect((await go(step === 'approve' ? admin : milano, step)).statusCode).toBe(200);
      expect(await publicIds()).toEqual([]);
      expect((await anon().get(`/api/v1/public/reports/${reportId}`)).statusCode).toBe(404);
      expect((await anon().get(`/api/v1/public/reports/${reportId}/pdf`)).statusCode).toBe(404);
    }
  });

  it('shows a published report to anyone: list, document, PDF and DOCX of the published version', async () => {
    expect((await go(milano, 'publish')).statusCode).toBe(200);
    const list = (await anon().get('/api/v1/public/reports')).json();
    expect(list).toEqual([expect.objectContaining({ id: reportId, councilName: expect.stringContaining('Milano'), regionName: 'Lombardia', year: 2023 })]);
    expect(await publicIds('?region=03&year=2023')).toEqual([reportId]);
    expect(await publicIds('?region=15')).toEqual([]);
    expect(await publicIds('?year=2022')).toEqual([]);
    const bad = await anon().get('/api/v1/public/reports?region=Lombardia');
    expect(bad.statusCode).toBe(400);
    const doc = (await anon().get(`/api/v1/public/reports/${reportId}`)).json();
    expect(doc).toMatchObject({ reportId, version: 1, status: 'published', narratives: { fenomeno_intro: '<p>La presenza straniera a Milano.</p>' } });
    expect(doc.publishedAt).not.toBeNull();
    expect(list[0].title).toBe(doc.snapshot.title);
    const pdf = await anon().get(`/api/v1/public/reports/${reportId}/pdf`);
    expect([pdf.statusCode, pdf.headers['content-type']]).toEqual([200, 'application/pdf']);
    expect(pdf.headers['content-disposition']).toContain('monografia-milano-2023.pdf');
    expect((await anon().get(`/api/v1/public/reports/${reportId}/docx`)).statusCode).toBe(200);
  });

  it('hides a withdrawn report again', async () => {
    expect((await go(milano, 'withdraw', 'Errore nei dati di accoglienza.')).statusCode).toBe(200);
    expect(await publicIds()).toEqual([]);
    expect((await anon().get(`/api/v1/public/reports/${reportId}`)).statusCode).toBe(404);
    expect((await anon().get(`/api/v1/public/reports/${reportId}/docx`)).statusCode).toBe(404);
  });
});

import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { type People, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { createReportAs, reportAudit, SMALL_TEMPLATE, seedTemplate } from './reports.fixtures.ts';
import { reportTemplateVersions } from './reports.schema.ts';
import { closeRenderPool } from './report-files.service.ts';

let t: TestApp;
let p: People;
let admin: Client;
let milano: Client;
let napoli: Client;
let templateId: number;
let reportId: number;

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  await seedTemplate(t);
  [admin, milano, napoli] = await Promise.all([p.admin, p.milano, p.napoli].map((x) => signInAs(t, x)));
});
afterAll(async () => {
  await closeRenderPool();
  await t.close();
});

const issues = (body: string) => JSON.parse(body).error.details.issues as { field: string; message: string }[];

describe('templates', () => {
  it('national admins create one at version 1; the others read, and may not write', async () => {
    const res = await admin.post('/api/v1/report-templates', SMALL_TEMPLATE);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ name: { it: 'Modello breve' }, version: 1, isDefault: false, definition: SMALL_TEMPLATE.definition });
    templateId = res.json().id;
    const list = (await milano.get('/api/v1/report-templates')).json();
    expect(list.map((x: { name: { it: string }; isDefault: boolean }) => [x.name.it, x.isDefault])).toEqual([
      ['Monografia provinciale', true],
      ['Modello breve', false],
    ]);
    expect((await milano.post('/api/v1/report-templates', SMALL_TEMPLATE)).statusCode).toBe(403);
    expect((await milano.put(`/api/v1/report-templates/${templateId}`, SMALL_TEMPLATE)).statusCode).toBe(403);
  });

  it('reports every problem of a bad definition at once, each by field, with unknown indicators named, saving nothing', async () => {
    const [before] = await t.database.db.select({ n: count() }).from(reportTemplateVersions);
    const bad = {
      name: { it: '' },
      definition: {
        chapters: [
          {
            key: 'uno',
            title: { it: 'Uno' },
            blocks: [
              { kind: 'key_figures', key: 'cifre', indicators: ['stranieri_residenti', 'non_esiste'] },
              { kind: 'map', key: 'cifre', title: { it: 'Mappa' }, indicator: 'neanche_questo' },
            ],
          },
          { key: 'uno', title: { it: 'Due' }, blocks: [{ kind: 'narrative', key: 'testo' }] },
        ],
      },
    };
    const res = await admin.post('/api/v1/report-templates', { ...bad, name: { it: 'Prova' } });
    expect(res.statusCode).toBe(400);
    expect(issues(res.body)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ field: 'definition.chapters.1.key', message: 'La chiave «uno» è già usata in questo modello: ogni capitolo e blocco ne vuole una propria.' }),
        expect.objectContaining({ field: 'definition.chapters.0.blocks.1.key' }),
        expect.objectContaining({ field: 'definition.chapters.0.blocks.0.indicators.1', message: 'Indicatore «non_esiste» inesistente: usa il codice di un indicatore definito.' }),
        expect.objectContaining({ field: 'definition.chapters.0.blocks.1.indicator', message: 'Indicatore «neanche_questo» inesistente: usa il codice di un indicatore definito.' }),
      ]),
    );
    expect(issues(res.body)).toHaveLength(4);
    const shape = await admin.post('/api/v1/report-templates', { ...bad, definition: { chapters: [{ key: 'X', title: { it: 'x' }, blocks: [{ kind: 'radar', key: 'r' }] }] } });
    expect(shape.statusCode).toBe(400);
    expect(issues(shape.body).map((i) => i.field).sort()).toEqual(['definition.chapters.0.blocks.0.kind', 'definition.chapters.0.key', 'name.it']);
    const [after] = await t.database.db.select({ n: count() }).from(reportTemplateVersions);
    expect(after.n).toBe(before.n);
  });
});

describe('versions', () => {
  const narrative = (key: string, html: string, version: number) => milano.put(`/api/v1/reports/${reportId}/narratives/${key}`, { html, version });

  it('regenerating makes a new version and keeps the narrative', async () => {
    reportId = (await createReportAs(milano, p.ids.councilMilano, 2023, templateId)).id;
    await narrative('introduzione', '<p>Primo testo.</p>', 0);
    const res = await milano.post(`/api/v1/reports/${reportId}/regenerate`, {});
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ version: 2, document: { version: 2, narratives: { introduzione: '<p>Primo testo.</p>' } } });
    expect(res.json().narratives.find((n: { blockKey: string }) => n.blockKey === 'introduzione')).toMatchObject({ html: '<p>Primo testo.</p>', version: 1 });
  });

  it('compares two versions: narrative texts that differ, blocks a template change added and removed', async () => {
    await narrative('introduzione', '<p>Secondo <em>testo</em>.</p>', 1);
    const cmp = (await milano.get(`/api/v1/reports/${reportId}/compare?from=1&to=2`)).json();
    expect(cmp.narratives).toEqual([{ blockKey: 'introduzione', title: 'Introduzione', before: 'Primo testo.', after: 'Secondo testo.' }]);
    expect(cmp).toMatchObject({ from: 1, to: 2, blocksAdded: [], blocksRemoved: [] });

    // A template saved again is a new version; the report's versions keep the one they were made with.
    const changed = structuredClone(SMALL_TEMPLATE);
    changed.definition.chapters[0].blocks = [changed.definition.chapters[0].blocks[0], changed.definition.chapters[0].blocks[1], { kind: 'narrative', key: 'prospettive', title: { it: 'Prospettive' } }];
    const put = await admin.put(`/api/v1/report-templates/${templateId}`, changed);
    expect(put.json().version).toBe(2);
    expect((await milano.post(`/api/v1/reports/${reportId}/regenerate`, { templateId })).statusCode).toBe(200);
    const cmp2 = (await milano.get(`/api/v1/reports/${reportId}/compare?from=2&to=3`)).json();
    expect(cmp2).toMatchObject({ blocksAdded: ['prospettive'], blocksRemoved: ['commento'] });
    const versions = (await milano.get(`/api/v1/reports/${reportId}/versions`)).json();
    expect(versions.map((v: { version: number; reason: string; templateVersion: number; current: boolean }) => [v.version, v.reason, v.templateVersion, v.current])).toEqual([
      [3, 'regenerated', 2, true],
      [2, 'regenerated', 1, false],
      [1, 'generated', 1, false],
    ]);
    expect(versions[0].createdBy).toBe('Maria Milano');
  });

  it('restoring version 1 makes a new version with its snapshot and its narrative', async () => {
    const v1 = (await milano.get(`/api/v1/reports/${reportId}/versions/1`)).json();
    expect(v1).toMatchObject({ version: 1, narratives: { introduzione: '<p>Primo testo.</p>' } });
    const res = await milano.post(`/api/v1/reports/${reportId}/versions/1/restore`);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json();
    expect(d).toMatchObject({ version: 4, document: { narratives: { introduzione: '<p>Primo testo.</p>' } } });
    expect(d.document.snapshot.chapters).toEqual(v1.snapshot.chapters);
    // The edit counter moves on, so a client holding the old text gets a 409 rather than overwriting.
    expect(d.narratives.find((n: { blockKey: string }) => n.blockKey === 'introduzione')).toMatchObject({ html: '<p>Primo testo.</p>', version: 3 });
    expect((await narrative('introduzione', '<p>vecchio</p>', 2)).statusCode).toBe(409);
    const list = (await milano.get(`/api/v1/reports/${reportId}/versions`)).json();
    expect(list[0]).toMatchObject({ version: 4, reason: 'restored', current: true });
    expect((await milano.get(`/api/v1/reports/${reportId}/compare?from=1&to=4`)).json()).toMatchObject({ figures: [], narratives: [], blocksAdded: [], blocksRemoved: [] });
    const audit = (await reportAudit(t, reportId)).filter((a) => a.action !== 'edit_narrative');
    expect(audit.map((a) => [a.action, (a.before as { version?: number } | null)?.version ?? null, (a.after as { version: number }).version])).toEqual([
      ['create', null, 1],
      ['regenerate', 1, 2],
      ['regenerate', 2, 3],
      ['restore', 3, 4],
    ]);
    expect(audit[3]).toMatchObject({ actorEmail: p.milano.email, after: { status: 'draft', restoredFrom: 1 } });
  });

  it('answers 404 for a missing version, 400 for a bad comparison, 403 outside the council, 409 outside draft', async () => {
    expect((await milano.get(`/api/v1/reports/${reportId}/versions/99`)).statusCode).toBe(404);
    expect((await milano.post(`/api/v1/reports/${reportId}/versions/99/restore`)).statusCode).toBe(404);
    const bad = await milano.get(`/api/v1/reports/${reportId}/compare?from=uno`);
    expect(bad.statusCode).toBe(400);
    expect(issues(bad.body).map((i) => i.field).sort()).toEqual(['querystring.from', 'querystring.to']);
    expect((await napoli.post(`/api/v1/reports/${reportId}/versions/1/restore`)).statusCode).toBe(403);
    await milano.post(`/api/v1/reports/${reportId}/transitions`, { transition: 'submit' });
    const locked = await milano.post(`/api/v1/reports/${reportId}/versions/2/restore`);
    expect([locked.statusCode, locked.json().error.code]).toEqual([409, 'report_not_editable']);
    expect((await milano.get(`/api/v1/reports/${reportId}/versions`)).json()).toHaveLength(4);
  });

  it('keeps each template version frozen', async () => {
    const rows = await t.database.db.select().from(reportTemplateVersions).where(eq(reportTemplateVersions.templateId, templateId));
    expect(rows.map((r) => r.definition.chapters[0].blocks.map((b) => b.key))).toEqual([
      ['introduzione', 'cifre', 'commento'],
      ['introduzione', 'cifre', 'prospettive'],
    ]);
  });
});

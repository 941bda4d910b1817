import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, client, createTestApp, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { councilIdOf, createTestUser, systemCtx } from '../users/users.fixtures.ts';
import { seedDefaultForm } from './forms.seed.ts';

let t: TestApp;
let admin: Client;
let referent: Client;

/** A small valid definition; `over` replaces top-level parts. */
const small = (over: Record<string, unknown> = {}) => ({
  code: 'prova-breve',
  title: { it: 'Modulo di prova', en: 'Test form' },
  categories: [{ code: 'sex', label: { it: 'Sesso' }, options: [{ code: 'M', label: { it: 'Maschi' } }, { code: 'F', label: { it: 'Femmine' } }] }],
  categoryCombos: [{ code: 'by_sex', label: { it: 'Per sesso' }, categories: ['sex'] }],
  sections: [
    {
      code: 'acc',
      title: { it: 'Accoglienza' },
      kind: 'quantitative',
      items: [
        { code: 'posti', type: 'integer', label: { it: 'Posti' } },
        { code: 'presenti', type: 'integer', label: { it: 'Presenti' }, disaggregation: 'by_sex' },
        { code: 'tasso', type: 'percentage', label: { it: 'Tasso di occupazione' }, calculate: 'round(${presenti} div ${posti} * 100, 1)' },
      ],
    },
  ],
  rules: [{ code: 'r1', left: '${presenti}', operator: '<=', right: '${posti} * 1.2', severity: 'warning', message: { it: 'Presenze molto oltre i posti' } }],
  ...over,
});

beforeAll(async () => {
  t = await createTestApp();
  const a = await createTestUser(t, { roles: [{ role: 'national_admin', scopeType: 'nation', scopeId: null }] });
  const r = await createTestUser(t, { roles: [{ role: 'council_referent', scopeType: 'council', scopeId: await councilIdOf(t, 'CTI-MI') }] });
  admin = await signIn(t.app, a.email, a.password);
  referent = await signIn(t.app, r.email, r.password);
});
afterAll(() => t.close());

describe('forms', () => {
  it('ships the default “Scheda di monitoraggio CTI”, valid and published, with at least 80 items', async () => {
    const items = await seedDefaultForm(systemCtx(t));
    expect(items).toBeGreaterThanOrEqual(80);
    const list = (await referent.get('/api/v1/forms')).json();
    const cti = list.find((f: { code: string }) => f.code === 'scheda-cti');
    expect(cti.versions).toEqual([expect.objectContaining({ version: 1, status: 'published' })]);
    const v1 = (await referent.get(`/api/v1/forms/${cti.id}/versions/1`)).json();
    expect(v1.definition.sections.some((s: { kind: string }) => s.kind === 'evaluative')).toBe(true);
  });

  it('imports a draft, lets only national admins see and publish it, and never changes a published version', async () => {
    expect((await referent.post('/api/v1/forms', { definition: small() })).statusCode).toBe(403);
    const created = await admin.post('/api/v1/forms', { definition: small() });
    expect(created.statusCode).toBe(201);
    const { formId, version, revision } = created.json();
    expect(created.json()).toMatchObject({ version: 1, status: 'draft', itemCount: 3 });
    expect((await referent.get(`/api/v1/forms/${formId}/versions/1`)).statusCode).toBe(404);
    const edited = await admin.put(`/api/v1/forms/${formId}/versions/1`, { definition: small({ title: { it: 'Modulo di prova, rivisto' } }), revision });
    expect(edited.statusCode).toBe(200);
    const stale = await admin.put(`/api/v1/forms/${formId}/versions/1`, { definition: small(), revision });
    expect(stale.statusCode).toBe(409);
    expect((await referent.post(`/api/v1/forms/${formId}/versions/${version}/publish`)).statusCode).toBe(403);
    const published = await admin.post(`/api/v1/forms/${formId}/versions/1/publish`);
    expect(published.json()).toMatchObject({ status: 'published' });
    expect((await referent.get(`/api/v1/forms/${formId}/versions/1`)).json().definition.title.it).toBe('Modulo di prova, rivisto');
    const frozen = await admin.put(`/api/v1/forms/${formId}/versions/1`, { definition: small(), revision: 2 });
    expect(frozen.statusCode).toBe(409);
    expect(frozen.json().error.code).toBe('form_version_published');
    const derived = await admin.post(`/api/v1/forms/${formId}/versions`, { from: 1 });
    expect(derived.statusCode).toBe(201);
    expect(derived.json()).toMatchObject({ version: 2, status: 'draft', derivedFrom: 1 });
    const audit = (await admin.get('/api/v1/audit?entityType=form_version')).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toEqual(expect.arrayContaining(['create', 'update', 'publish']));
  });

  it('rejects a bad definition with every problem, the path of each and the position in expressions, and writes nothing', async () => {
    const before = (await admin.get('/api/v1/forms')).json().length;
    const bad = small({
      sections: [
        {
          code: 'acc',
          title: { it: 'Accoglienza' },
          kind: 'quantitative',
          items: [
            { code: 'posti', type: 'integer', label: { it: 'Posti' } },
            { code: 'posti', type: 'integer', label: { it: 'Doppione' } },
            { code: 'tasso', type: 'percentage', label: { it: 'Tasso' }, calculate: '${presenti} div (${posti} * 100' },
          ],
        },
      ],
    });
    const res = await admin.post('/api/v1/forms', { definition: { ...bad, code: 'altro-modulo' } });
    expect(res.statusCode).toBe(400);
    const issues = res.json().error.details.issues as { field: string; message: string; position?: number }[];
    expect(issues.map((i) => i.field)).toEqual(expect.arrayContaining(['definition.sections.0.items.1.code', 'definition.sections.0.items.2.calculate']));
    expect(issues.find((i) => i.field.endsWith('calculate'))?.position).toBeGreaterThanOrEqual(0);
    const shape = await admin.post('/api/v1/forms?lang=en', { definition: { code: 'X', sections: [] } });
    expect(shape.statusCode).toBe(400);
    expect(shape.json().error.details.issues.map((i: { field: string }) => i.field)).toEqual(
      expect.arrayContaining(['definition.code', 'definition.title', 'definition.sections']),
    );
    expect((await admin.get('/api/v1/forms')).json().length).toBe(before);
  });

  it('publishes the JSON Schema of a definition', async () => {
    const res = await client(t.app).get('/api/v1/forms/definition-schema.json');
    expect(res.statusCode).toBe(200);
    expect(res.json().properties.sections.type).toBe('array');
  });

  it('is closed to anonymous callers', async () => {
    expect((await client(t.app).get('/api/v1/forms')).statusCode).toBe(401);
  });
});

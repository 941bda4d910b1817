import { count, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { councils } from '../councils/councils.schema.ts';
import { councilIdOf, type People, seedPeople, signInAs } from '../users/users.fixtures.ts';
import { defaultFormId, openCampaign } from './campaigns.fixtures.ts';

let t: TestApp;
let p: People;
let admin: Client;
let coordinator: Client;
let milano: Client;
let napoli: Client;
let tutor: Client;
let provider: Client;
let formId: number;
let bergamo: number;
let campaign: { id: number; submissionOf: Map<number, number> };

const fields = (res: { json(): { error: { details: { issues: { field: string }[] } } } }) => res.json().error.details.issues.map((i) => i.field).sort();

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  bergamo = await councilIdOf(t, 'CTI-BG');
  [admin, coordinator, milano, napoli, tutor, provider] = await Promise.all(
    [p.admin, p.coordinator, p.milano, p.napoli, p.tutor, p.dataProvider].map((x) => signInAs(t, x)),
  );
  formId = await defaultFormId(t, admin);
  campaign = await openCampaign(admin, formId, [p.ids.councilMilano, p.ids.councilNapoli, bergamo]);
});
afterAll(() => t.close());

describe('campaigns', () => {
  it('refuses bad input naming every field, and a version that is not published or a council that does not exist', async () => {
    const shape = await admin.post('/api/v1/campaigns', { formId: 'uno', version: 0, year: 1999, deadline: '2026-13-01', councilIds: [0] });
    expect(shape.statusCode).toBe(400);
    expect(fields(shape)).toEqual(['councilIds.0', 'deadline', 'formId', 'version', 'year']);
    const rules = await admin.post('/api/v1/campaigns', {
      formId,
      version: 7,
      year: 2026,
      deadline: '2027-03-31',
      councilIds: [999999, p.ids.councilMilano, p.ids.councilMilano],
    });
    expect(rules.statusCode).toBe(400);
    expect(fields(rules)).toEqual(['councilIds.0', 'councilIds.2', 'version']);
    expect(rules.json().error.details.issues.find((i: { field: string }) => i.field === 'version').message).toMatch(/pubblicata/);
    expect((await admin.post('/api/v1/campaigns', { formId: 424242, version: 1, year: 2026, deadline: '2027-03-31' })).json().error.details.issues[0].field).toBe('formId');
  });

  it('is opened by national admins only, with one draft submission per council (all active councils by default)', async () => {
    const body = { formId, version: 1, year: 2024, deadline: '2025-03-31', councilIds: [p.ids.councilMilano] };
    for (const c of [coordinator, milano, tutor, provider]) expect((await c.post('/api/v1/campaigns', body)).statusCode).toBe(403);
    expect((await client(t.app).post('/api/v1/campaigns', body)).statusCode).toBe(401);
    const all = await admin.post('/api/v1/campaigns', { formId, version: 1, year: 2023, deadline: '2024-03-31', name: 'Raccolta 2023' });
    expect(all.statusCode).toBe(201);
    const [{ n }] = await t.database.db.select({ n: count() }).from(councils).where(eq(councils.active, true));
    expect(all.json()).toMatchObject({ name: 'Raccolta 2023', year: 2023, form: { id: formId, code: 'scheda-cti', version: 1 } });
    expect(all.json().submissionCount).toBe(n);
    expect(n).toBeGreaterThan(100);
    const rows = (await admin.get(`/api/v1/campaigns/${campaign.id}/submissions`)).json();
    expect(rows).toHaveLength(3);
    expect(rows[0]).toMatchObject({ status: 'draft', errorCount: expect.any(Number), lastActivityAt: null });
    expect(rows[0].completeness.expected).toBeGreaterThan(50);
    expect(rows[0].completeness.filled).toBe(0);
    const audit = (await admin.get('/api/v1/audit?entityType=campaign')).json();
    expect(audit.items.map((i: { action: string }) => i.action)).toContain('create');
  });

  it('lists campaigns and their submissions within the caller’s reach', async () => {
    const count = async (c: Client) => (await c.get('/api/v1/campaigns')).json().find((x: { id: number }) => x.id === campaign.id)?.submissionCount;
    expect(await count(admin)).toBe(3);
    expect(await count(coordinator)).toBe(2);
    expect(await count(milano)).toBe(1);
    expect(await count(tutor)).toBe(1);
    expect(await count(provider)).toBeUndefined();
    const codes = async (c: Client) => (await c.get(`/api/v1/campaigns/${campaign.id}/submissions`)).json().map((r: { council: { code: string } }) => r.council.code).sort();
    expect(await codes(admin)).toEqual(['CTI-BG', 'CTI-MI', 'CTI-NA']);
    expect(await codes(coordinator)).toEqual(['CTI-BG', 'CTI-MI']);
    expect(await codes(milano)).toEqual(['CTI-MI']);
    expect(await codes(napoli)).toEqual(['CTI-NA']);
    const row = (await milano.get(`/api/v1/campaigns/${campaign.id}/submissions`)).json()[0];
    expect(row).toMatchObject({ council: { id: p.ids.councilMilano, code: 'CTI-MI' }, region: { id: p.ids.lombardia } });
    expect((await provider.get(`/api/v1/campaigns/${campaign.id}`)).statusCode).toBe(403);
    expect((await admin.get('/api/v1/campaigns/999999')).statusCode).toBe(404);
    expect((await client(t.app).get('/api/v1/campaigns')).statusCode).toBe(401);
  });

  it('lets the council referent assign a section to one of the council’s organisations, who then sees only that section', async () => {
    const mi = campaign.submissionOf.get(p.ids.councilMilano);
    const url = `/api/v1/submissions/${mi}/sections/acc/assignment`;
    const foreign = await milano.put(url, { organizationId: p.ids.orgNapoli });
    expect(foreign.statusCode).toBe(400);
    expect(fields(foreign)).toEqual(['organizationId']);
    expect((await napoli.put(url, { organizationId: p.ids.orgMilano })).statusCode).toBe(403);
    expect((await tutor.put(url, { organizationId: p.ids.orgMilano })).statusCode).toBe(403);
    expect((await coordinator.put(url, { organizationId: p.ids.orgMilano })).statusCode).toBe(403);
    expect((await milano.put(`/api/v1/submissions/${mi}/sections/nessuna/assignment`, { organizationId: p.ids.orgMilano })).statusCode).toBe(404);
    const ok = await milano.put(url, { organizationId: p.ids.orgMilano });
    expect(ok.statusCode).toBe(200);
    expect(ok.json().find((a: { sectionCode: string }) => a.sectionCode === 'acc').organization).toMatchObject({ id: p.ids.orgMilano });

    const listed = (await provider.get('/api/v1/campaigns')).json().find((x: { id: number }) => x.id === campaign.id);
    expect(listed.submissionCount).toBe(1);
    const seen = (await provider.get(`/api/v1/submissions/${mi}`)).json();
    expect(seen).toMatchObject({ readableSections: ['acc'], writableSections: ['acc'], council: { code: 'CTI-MI' } });
    expect(Object.keys(seen.evaluation.completeness.bySection)).toEqual(['acc']);
    expect(seen.evaluation.rules).toEqual([]);
    expect((await provider.get(`/api/v1/submissions/${campaign.submissionOf.get(p.ids.councilNapoli)}`)).statusCode).toBe(403);
    const audit = (await admin.get(`/api/v1/audit?entityType=submission&entityId=${mi}`)).json();
    expect(audit.items[0]).toMatchObject({ action: 'assign_section', after: { sectionCode: 'acc', organizationId: p.ids.orgMilano } });
  });
});

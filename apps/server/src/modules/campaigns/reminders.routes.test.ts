import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Client, client, createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { councilIdOf, createTestUser, type People, seedPeople, signInAs, systemCtx } from '../users/users.fixtures.ts';
import { defaultFormId, openCampaign } from './campaigns.fixtures.ts';
import { sendDeadlineReminders } from './reminders.service.ts';

let t: TestApp;
let p: People;
let admin: Client;
let coordinator: Client;
let milano: Client;
let napoli: Client;
let tutor: Client;
let provider: Client;
let torino: Client;
let campaignId: number;
let otherCampaignId: number;
let ids: { mi: number; na: number; bg: number };

const url = (id: number | string) => `/api/v1/campaigns/${id}/reminders`;
const councilsSeen = async (c: Client, id = campaignId) => {
  const res = await c.get(url(id));
  expect(res.statusCode).toBe(200);
  return (res.json() as { council: { code: string } }[]).map((r) => r.council.code).sort();
};

beforeAll(async () => {
  t = await createTestApp();
  p = await seedPeople(t);
  const torinoReferent = await createTestUser(t, { roles: [{ role: 'council_referent', scopeType: 'council', scopeId: await councilIdOf(t, 'CTI-TO') }] });
  [admin, coordinator, milano, napoli, tutor, provider, torino] = await Promise.all(
    [p.admin, p.coordinator, p.milano, p.napoli, p.tutor, p.dataProvider, torinoReferent].map((x) => signInAs(t, x)),
  );
  const formId = await defaultFormId(t, admin);
  const bergamo = await councilIdOf(t, 'CTI-BG');
  const campaign = await openCampaign(admin, formId, [p.ids.councilMilano, p.ids.councilNapoli, bergamo]);
  campaignId = campaign.id;
  ids = { mi: campaign.submissionOf.get(p.ids.councilMilano) as number, na: campaign.submissionOf.get(p.ids.councilNapoli) as number, bg: campaign.submissionOf.get(bergamo) as number };
  // The provider's organisation fills reception in Milano, so the provider reaches the campaign.
  expect((await milano.put(`/api/v1/submissions/${ids.mi}/sections/acc/assignment`, { organizationId: p.ids.orgMilano })).statusCode).toBe(200);
  otherCampaignId = (await openCampaign(admin, formId, [bergamo], 2024)).id;
  // Fourteen days before 31 March 2026, then the day after it.
  await sendDeadlineReminders(systemCtx(t), { now: new Date('2026-03-17T08:00:00Z'), offsets: [14, 7, 1] });
  await sendDeadlineReminders(systemCtx(t), { now: new Date('2026-04-01T08:00:00Z'), offsets: [14, 7, 1] });
});
afterAll(() => t.close());

describe('GET /campaigns/:id/reminders', () => {
  it('lists every reminder sent to a national admin, newest first, with who was written to', async () => {
    const res = await admin.get(url(campaignId));
    expect(res.statusCode).toBe(200);
    const rows = res.json();
    expect(rows.map((r: { council: { code: string }; offsetDays: number }) => [r.council.code, r.offsetDays])).toEqual([
      ['CTI-BG', -1],
      ['CTI-MI', -1],
      ['CTI-NA', -1],
      ['CTI-BG', 14],
      ['CTI-MI', 14],
      ['CTI-NA', 14],
    ]);
    const milanoOverdue = rows[1];
    expect(milanoOverdue).toEqual({
      id: expect.any(Number),
      submissionId: ids.mi,
      council: { id: p.ids.councilMilano, code: 'CTI-MI', name: 'Consiglio Territoriale per l’Immigrazione di Milano' },
      region: { id: p.ids.lombardia, name: 'Lombardia' },
      offsetDays: -1,
      overdue: true,
      deadline: '2026-03-31',
      daysLeft: -1,
      status: 'draft',
      completeness: { filled: 0, expected: expect.any(Number) },
      recipients: [p.dataProvider.email, p.milano.email].sort(),
      sentAt: '2026-04-01T08:00:00.000Z',
    });
    expect(rows[4]).toMatchObject({ overdue: false, daysLeft: 14, sentAt: '2026-03-17T08:00:00.000Z' });
    expect(rows[2].recipients).toEqual([p.napoli.email]);
  });

  it('shows a regional coordinator only their region’s councils, and referents and tutors only their council', async () => {
    expect(await councilsSeen(coordinator)).toEqual(['CTI-BG', 'CTI-BG', 'CTI-MI', 'CTI-MI']);
    expect(await councilsSeen(milano)).toEqual(['CTI-MI', 'CTI-MI']);
    expect(await councilsSeen(tutor)).toEqual(['CTI-MI', 'CTI-MI']);
    expect(await councilsSeen(napoli)).toEqual(['CTI-NA', 'CTI-NA']);
  });

  it('answers an empty list for a campaign with nothing sent in reach', async () => {
    expect(await councilsSeen(admin, otherCampaignId)).toEqual([]);
    expect(await councilsSeen(coordinator, otherCampaignId)).toEqual([]);
  });

  it('refuses the anonymous (401), data providers and councils outside the campaign (403); 404 for no campaign', async () => {
    const anon = await client(t.app).get(url(campaignId));
    expect(anon.statusCode).toBe(401);
    // The provider fills a section of this campaign but is not on the council side.
    const byProvider = await provider.get(url(campaignId));
    expect(byProvider.statusCode).toBe(403);
    expect(byProvider.json().error.code).toBe('forbidden');
    expect((await torino.get(url(campaignId))).statusCode).toBe(403);
    expect((await napoli.get(url(otherCampaignId))).statusCode).toBe(403);
    const missing = await admin.get(url(999_999));
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.code).toBe('not_found');
  });

  it('refuses an id that is not a positive whole number, naming the field in the request’s language', async () => {
    for (const [bad, it, en] of [
      ['abc', 'Deve essere un numero.', 'Must be a number.'],
      ['1.5', 'Deve essere un numero intero.', 'Must be a whole number.'],
    ]) {
      const inItalian = await admin.get(url(bad));
      expect(inItalian.statusCode).toBe(400);
      expect(inItalian.json().error.details.issues).toEqual([{ field: 'params.id', code: expect.any(String), message: it }]);
      const inEnglish = await admin.get(url(bad), { 'accept-language': 'en' });
      expect(inEnglish.json().error.details.issues).toEqual([{ field: 'params.id', code: expect.any(String), message: en }]);
    }
  });
});

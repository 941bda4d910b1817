import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../platform/testing/test-app.ts';
import { councilIdOf, systemCtx } from '../users/users.fixtures.ts';
import { getQuestionnaireResults } from './questionnaire-results.service.ts';
import { listQuestionnaires } from './questionnaires.service.ts';
import { loadQuestionnairesDemo } from './questionnaires-demo.seed.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo questionnaire', () => {
  it('loads through the services: open, six invitations, four answers by link', async () => {
    const ctx = systemCtx(t);
    await loadQuestionnairesDemo(ctx, await councilIdOf(t, 'CTI-MI'));
    const [q] = (await listQuestionnaires(ctx, { page: 1, pageSize: 10 })).items;
    expect(q).toMatchObject({ status: 'open', responseCount: 4, council: { code: 'CTI-MI' } });
    const r = await getQuestionnaireResults(ctx, q.id);
    expect(r).toMatchObject({ responseCount: 4, invited: 6, answeredInvitations: 4 });
    expect(r.rate).toBeCloseTo(4 / 6);
    expect(r.questions.find((x) => x.code === 'voto_complessivo')).toMatchObject({ mean: 3.5, median: 3.5 });
  });
});

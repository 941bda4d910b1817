import type { Config } from '../../config.ts';
import { systemActor } from '../../platform/context.ts';
import type { Db } from '../../platform/db/client.ts';
import type { Mailer } from '../../platform/mail/mailer.ts';
import { listCouncils } from '../councils/councils.service.ts';
import { loadEventsDemo } from '../events/events-demo.seed.ts';
import { loadDemoStatistics } from '../statistics/statistics-demo.seed.ts';
import { createOrganization } from '../organizations/organizations.service.ts';
import { loadAssociationsDemo } from '../associations/associations-demo.seed.ts';
import { loadQuestionnairesDemo } from '../questionnaires/questionnaires-demo.seed.ts';
import { loadTargetsDemo } from '../targets/targets-demo.seed.ts';
import { loadDataSourcesDemo } from '../statistics/data-sources-demo.seed.ts';
import { resolveTerritory } from '../territories/territories.service.ts';
import { createUser } from '../users/users.service.ts';

/** The one password of every demo account; printed in the README and in the start-up log. */
export const DEMO_PASSWORD = 'Mosaico-Demo-2026';

export interface DemoAccount {
  role: string;
  email: string;
  scope: string;
}

/**
 * Loads the demo set through the same services the API uses: real public bodies of Milano and Napoli
 * as organisations (no contacts or figures invented) and one account per role.
 */
export async function loadDemoData(deps: { db: Db; config: Config; mailer: Mailer }): Promise<DemoAccount[]> {
  const ctx = { ...deps, actor: systemActor, requestId: null, lang: 'it' as const };
  const councils = await listCouncils(ctx, {});
  const councilOf = (code: string) => {
    const c = councils.find((x) => x.code === code);
    if (!c) throw new Error(`demo: no council ${code}`);
    return c;
  };
  const milano = councilOf('CTI-MI');
  const napoli = councilOf('CTI-NA');
  const org = (name: string, kind: Parameters<typeof createOrganization>[1]['kind'], territoryCode: string, councilId: number, collectionStatus: 'contributing' | 'identified' | 'new') =>
    createOrganization(ctx, { name, kind, territoryCode, councilId, collectionStatus, taxCode: null, email: null, phone: null, website: null, address: null, contactPerson: null, notes: null });

  await org('Prefettura – UTG di Milano', 'prefecture', '015146', milano.id, 'contributing');
  await org('Comune di Milano', 'municipality', '015146', milano.id, 'contributing');
  const ats = await org('ATS della Città Metropolitana di Milano', 'health_agency', '215', milano.id, 'contributing');
  await org('Ufficio Scolastico Territoriale di Milano', 'school_office', '215', milano.id, 'contributing');
  await org('Questura di Milano', 'police_headquarters', '015146', milano.id, 'contributing');
  await org('Centro per l’Impiego di Milano', 'job_centre', '015146', milano.id, 'identified');
  await org('CGIL Camera del Lavoro Metropolitana di Milano', 'union', '015146', milano.id, 'identified');
  const association = await org('Associazione di immigrati (demo) – Milano', 'association', '015146', milano.id, 'new');
  await org('Prefettura – UTG di Napoli', 'prefecture', '063049', napoli.id, 'contributing');
  await org('Comune di Napoli', 'municipality', '063049', napoli.id, 'contributing');
  await org('ASL Napoli 1 Centro', 'health_agency', '063049', napoli.id, 'contributing');
  await loadDataSourcesDemo(ctx);

  const lombardia = (await resolveTerritory(deps.db, '03')).t;
  const accounts: { email: string; name: string; role: DemoAccount['role']; scopeType: 'nation' | 'region' | 'council' | 'organization'; scopeId: number | null; scope: string }[] = [
    { email: 'admin@mosaico.demo', name: 'Anna Ministero', role: 'national_admin', scopeType: 'nation', scopeId: null, scope: 'Italia' },
    { email: 'regione@mosaico.demo', name: 'Roberto Regione', role: 'regional_coordinator', scopeType: 'region', scopeId: lombardia.id, scope: 'Lombardia' },
    { email: 'milano@mosaico.demo', name: 'Marta Prefettura', role: 'council_referent', scopeType: 'council', scopeId: milano.id, scope: milano.name },
    { email: 'napoli@mosaico.demo', name: 'Nicola Prefettura', role: 'council_referent', scopeType: 'council', scopeId: napoli.id, scope: napoli.name },
    { email: 'dati@mosaico.demo', name: 'Davide Dati', role: 'data_provider', scopeType: 'organization', scopeId: ats.id, scope: ats.name },
    { email: 'tutor@mosaico.demo', name: 'Tiziana Tutor', role: 'tutor', scopeType: 'council', scopeId: milano.id, scope: milano.name },
    // A regional tutor too, so the demo shows tutors at both levels (questions go to the council's first).
    { email: 'tutor.lombardia@mosaico.demo', name: 'Lorenzo Tutor', role: 'tutor', scopeType: 'region', scopeId: lombardia.id, scope: 'Lombardia' },
    { email: 'associazione@mosaico.demo', name: 'Amir Associazione', role: 'association_member', scopeType: 'organization', scopeId: association.id, scope: association.name },
  ];
  for (const a of accounts) {
    await createUser(ctx, {
      email: a.email,
      name: a.name,
      locale: 'it',
      password: DEMO_PASSWORD,
      roles: [{ role: a.role as never, scopeType: a.scopeType, scopeId: a.scopeId }],
    });
  }
  await loadDemoStatistics(ctx);
  await loadEventsDemo(ctx);
  await loadAssociationsDemo(ctx);
  await loadQuestionnairesDemo(ctx, milano.id);
  await loadTargetsDemo(ctx);
  return accounts.map(({ role, email, scope }) => ({ role, email, scope }));
}

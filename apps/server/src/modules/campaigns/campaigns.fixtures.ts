import type { Client, TestApp } from '../../platform/testing/test-app.ts';
import { seedDefaultForm } from '../forms/forms.seed.ts';
import { systemCtx } from '../users/users.fixtures.ts';

const LONG = 'Una rete territoriale solida tra prefettura, comuni, terzo settore e scuole della provincia.';

/**
 * Values that complete the default form with no error left; foreign residents grow by 60% on the previous
 * year, so the warning rule r_pres_variazione fails and must be justified.
 */
export const COMPLETE_VALUES: Record<string, unknown> = {
  gen_anno: 2025,
  gen_referente: 'Maria Rossi',
  gen_referente_email: 'maria.rossi@example.test',
  pres_popolazione_totale: 3200000,
  pres_residenti: 480000,
  pres_residenti_prec: 300000,
  pres_fonti: ['istat'],
  acc_cas_attivi: 'no',
  acc_sai_attivi: 'no',
  acc_msna_totale: 120,
  scu_alunni: 50000,
  scu_alunni_totali: 400000,
  scu_cpia_attivi: 'no',
  soc_ambiti_totali: 10,
  soc_ambiti_rispondenti: 8,
  ass_conosciute: 40,
  ass_coinvolte: 12,
  cons_componenti: 30,
  cons_plenarie: 0,
  cons_attori_contribuenti: 20,
  cons_migration_day: 'no',
  val_punti_forza: LONG,
  val_criticita: LONG,
  val_criticita_aree: ['casa'],
  val_priorita: 'Casa e lavoro.',
  val_priorita_principale: 'casa',
  val_collegiale: 'no',
};

/** Publishes the default form (once per database) and returns its id. */
export async function defaultFormId(t: TestApp, admin: Client): Promise<number> {
  await seedDefaultForm(systemCtx(t));
  const list = (await admin.get('/api/v1/forms')).json() as { id: number; code: string }[];
  const form = list.find((f) => f.code === 'scheda-cti');
  if (!form) throw new Error('fixture: default form not published');
  return form.id;
}

/** Opens a campaign of the default form for a few councils, through the API, and returns its id and submissions by council id. */
export async function openCampaign(admin: Client, formId: number, councilIds: number[], year = 2025) {
  const res = await admin.post('/api/v1/campaigns', { formId, version: 1, year, deadline: `${year + 1}-03-31`, councilIds });
  if (res.statusCode !== 201) throw new Error(`fixture: campaign ${res.statusCode} ${res.body}`);
  const id = res.json().id as number;
  const rows = (await admin.get(`/api/v1/campaigns/${id}/submissions`)).json() as { submissionId: number; council: { id: number } }[];
  return { id, submissionOf: new Map(rows.map((r) => [r.council.id, r.submissionId])) };
}

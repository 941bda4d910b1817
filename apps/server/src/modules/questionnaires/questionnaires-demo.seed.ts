import type { Ctx } from '../../platform/context.ts';
import { defaultBaseUrl } from '../users/users.service.ts';
import { issueInvitations } from './questionnaire-invitations.service.ts';
import { answerByToken } from './questionnaire-responses.service.ts';
import { createQuestionnaire, updateQuestionnaire } from './questionnaires.service.ts';

// Four associations' answers after a meeting, so the demo's results page has figures, charts and open answers.
const ANSWERS = [
  { voto_complessivo: 5, utilita: 'molto', ascoltata: 'si', parteciperebbe_ancora: 'yes', cosa_ha_funzionato: 'La presenza degli uffici della Questura e del Comune allo stesso tavolo.', temi_futuri: ['documenti', 'lavoro'] },
  { voto_complessivo: 4, utilita: 'abbastanza', ascoltata: 'in_parte', perche_non_ascoltata: 'Più tempo per gli interventi delle associazioni.', parteciperebbe_ancora: 'yes', temi_futuri: ['casa', 'documenti'] },
  { voto_complessivo: 3, utilita: 'abbastanza', ascoltata: 'si', parteciperebbe_ancora: 'yes', cosa_migliorare: 'Mandare i materiali qualche giorno prima.', temi_futuri: ['scuola'] },
  { voto_complessivo: 2, utilita: 'poco', ascoltata: 'no', perche_non_ascoltata: 'Un mediatore per chi parla poco italiano.', parteciperebbe_ancora: 'no', temi_futuri: ['altro'], altro_tema: 'Salute mentale' },
];

/** A Milano feedback questionnaire, open, sent to six associations of which four answered by their link. */
export async function loadQuestionnairesDemo(ctx: Ctx, milanoCouncilId: number) {
  const q = await createQuestionnaire(ctx, {
    template: 'feedback-default',
    title: 'Gradimento del tavolo con le associazioni – marzo (demo)',
    description: 'Dopo il tavolo di confronto del Consiglio con le associazioni di immigrati.',
    scopeType: 'council',
    scopeId: milanoCouncilId,
    anonymous: false,
  });
  const opened = await updateQuestionnaire(ctx, q.id, { version: q.version, status: 'open' });
  const emails = ['info@ponti-milano.example', 'segreteria@senegal-mi.example', 'contatti@filippini-mi.example', 'ciao@donne-insieme.example', 'info@giovani-seconde.example', 'posta@peru-mi.example'];
  const { tokens } = await issueInvitations(ctx, opened.id, { emails, userIds: [], organizationIds: [], eventParticipants: false }, defaultBaseUrl(ctx.config));
  for (const [i, values] of ANSWERS.entries()) await answerByToken({ ...ctx, actor: null }, tokens[i], values);
}

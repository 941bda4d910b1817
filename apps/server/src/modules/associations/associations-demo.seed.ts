import { and, eq, inArray } from 'drizzle-orm';
import type { Ctx } from '../../platform/context.ts';
import { councils } from '../councils/councils.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { users } from '../users/users.schema.ts';
import { addMember } from '../working-groups/working-group-members.ts';
import { createWorkingGroup } from '../working-groups/working-groups.service.ts';
import { addLogEntry, changeStatus, createAssociation, updateAssociation } from './associations.service.ts';

const year = new Date().getUTCFullYear();
const on = (monthDay: string, y = year) => `${y}-${monthDay}`;

/**
 * The participation demo, through the services the API uses: a profile and a pipeline history for the demo
 * association of Milano, two more fictional associations (Milano, Napoli), and one local working group per demo
 * council with its public bodies and the tutor as members. Marked "(demo)": no real association is described.
 */
export async function loadAssociationsDemo(ctx: Ctx) {
  const councilRows = await ctx.db.select({ id: councils.id, code: councils.code }).from(councils).where(inArray(councils.code, ['CTI-MI', 'CTI-NA']));
  const councilOf = (code: string) => councilRows.find((c) => c.code === code)?.id as number;
  const orgId = async (name: string) => (await ctx.db.select({ id: organizations.id }).from(organizations).where(eq(organizations.name, name)))[0]?.id;
  const [milanoAssociation] = await ctx.db
    .select()
    .from(organizations)
    .where(and(eq(organizations.kind, 'association'), eq(organizations.councilId, councilOf('CTI-MI'))));
  if (milanoAssociation) {
    await updateAssociation(ctx, milanoAssociation.id, {
      version: milanoAssociation.version,
      legalForm: 'aps',
      communities: ['Senegal', 'Costa d’Avorio'],
      languages: ['francese', 'wolof', 'italiano'],
      sectors: ['culture', 'language_teaching', 'mediation'],
      activities: 'Corsi di italiano per adulti, sportello di orientamento ai servizi, feste delle comunità.',
    });
    await changeStatus(ctx, milanoAssociation.id, { status: 'contacted', date: on('01-20', year - 1), note: 'Primo contatto telefonico dopo la segnalazione del Comune.' });
    await changeStatus(ctx, milanoAssociation.id, { status: 'met', date: on('02-15', year - 1), note: 'Incontro in Prefettura con il presidente.' });
    await changeStatus(ctx, milanoAssociation.id, { status: 'taking_part', date: on('04-10', year - 1), note: 'Entra nel tavolo sull’integrazione linguistica del consiglio.' });
    await addLogEntry(ctx, milanoAssociation.id, { date: on('01-12'), kind: 'meeting', summary: 'Partecipa alla riunione plenaria del consiglio.' });
  }
  const milanoSecond = await createAssociation(ctx, {
    name: 'Associazione filippina (demo) – Milano',
    territoryCode: '015146',
    legalForm: 'odv',
    communities: ['Filippine'],
    languages: ['tagalog', 'inglese'],
    sectors: ['religion', 'women', 'work'],
    activities: 'Sostegno alle lavoratrici domestiche e doposcuola.',
    email: null,
    phone: null,
    website: null,
    address: null,
    contactPerson: null,
    notes: null,
  });
  await changeStatus(ctx, milanoSecond.id, { status: 'contacted', date: on('01-08'), note: 'Contattata tramite la parrocchia di riferimento.' });
  await createAssociation(ctx, {
    name: 'Associazione ucraina (demo) – Napoli',
    territoryCode: '063049',
    legalForm: 'ets',
    communities: ['Ucraina'],
    languages: ['ucraino', 'russo'],
    sectors: ['legal_advice', 'housing'],
    activities: 'Orientamento legale per i titolari di protezione temporanea.',
    email: null,
    phone: null,
    website: null,
    address: null,
    contactPerson: null,
    notes: null,
  });

  const [tutor] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.email, 'tutor@mosaico.demo'));
  const groups: { council: string; name: string; area: string; members: [string, 'coordinator' | 'member'][] }[] = [
    {
      council: 'CTI-MI',
      name: 'Gruppo di lavoro locale – Milano (demo)',
      area: 'Città di Milano',
      members: [
        ['Prefettura – UTG di Milano', 'coordinator'],
        ['Comune di Milano', 'member'],
        ['ATS della Città Metropolitana di Milano', 'member'],
        ['Associazione filippina (demo) – Milano', 'member'],
      ],
    },
    {
      council: 'CTI-NA',
      name: 'Gruppo di lavoro locale – Napoli (demo)',
      area: 'Area metropolitana di Napoli',
      members: [
        ['Prefettura – UTG di Napoli', 'coordinator'],
        ['Comune di Napoli', 'member'],
        ['Associazione ucraina (demo) – Napoli', 'member'],
      ],
    },
  ];
  for (const g of groups) {
    const group = await createWorkingGroup(ctx, { name: g.name, councilId: councilOf(g.council), area: g.area, formedOn: on('01-15', year - 1), active: true, description: null });
    for (const [name, role] of g.members) {
      const id = await orgId(name);
      if (id) await addMember(ctx, group.id, { organizationId: id, role, personName: null });
    }
    if (g.council === 'CTI-MI' && tutor) await addMember(ctx, group.id, { userId: tutor.id, role: 'facilitator', personName: null });
  }
}

import { randomBytes } from 'node:crypto';
import { count } from 'drizzle-orm';
import { type Client, client, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { auditLog } from '../audit/audit.schema.ts';
import { councilIdOf, createTestUser, regionIdOf, systemCtx } from '../users/users.fixtures.ts';
import type { Role, ScopeType } from '../users/users.schema.ts';
import { organizationContacts, organizations } from './organizations.schema.ts';
import { createOrganization } from './organizations.service.ts';

/** A new organisation through the service, as the system; fields default to an empty Milano union. */
export async function makeOrganization(t: TestApp, over: Partial<Parameters<typeof createOrganization>[1]> = {}) {
  return createOrganization(systemCtx(t), {
    name: `Attore ${randomBytes(4).toString('hex')}`,
    kind: 'union',
    territoryCode: '015146',
    collectionStatus: 'new',
    taxCode: null,
    email: null,
    phone: null,
    website: null,
    address: null,
    contactPerson: null,
    notes: null,
    ...over,
  });
}

export interface Cast {
  admin: Client;
  lombardia: Client;
  milano: Client;
  napoli: Client;
  tutor: Client;
  provider: Client;
  member: Client;
  anon: Client;
  milanoCouncil: number;
  napoliCouncil: number;
  /** The provider's organisation (Milano). */
  providerOrg: number;
  /** The association member's organisation (Milano). */
  memberOrg: number;
  /** Another Milano organisation, nobody's own. */
  milanoOrg: number;
  napoliOrg: number;
  /** Regione Lombardia: a regional body, with no council. */
  regionalOrg: number;
}

export type Who = 'admin' | 'lombardia' | 'milano' | 'napoli' | 'tutor' | 'provider' | 'member' | 'anon';

/** One signed-in user per role of the matrix, with the organisations they hold roles in. */
export async function setUpCast(t: TestApp): Promise<Cast> {
  const milanoCouncil = await councilIdOf(t, 'CTI-MI');
  const napoliCouncil = await councilIdOf(t, 'CTI-NA');
  const providerOrg = (await makeOrganization(t, { name: 'ATS della Città Metropolitana di Milano', kind: 'health_agency', territoryCode: '215', collectionStatus: 'contributing' })).id;
  const memberOrg = (await makeOrganization(t, { name: 'Associazione Ponti – Milano', kind: 'association' })).id;
  const milanoOrg = (await makeOrganization(t, { name: 'Questura di Milano', kind: 'police_headquarters' })).id;
  const napoliOrg = (await makeOrganization(t, { name: 'ASL Napoli 1 Centro', kind: 'health_agency', territoryCode: '063049', collectionStatus: 'contributing' })).id;
  const regionalOrg = (await makeOrganization(t, { name: 'Regione Lombardia', kind: 'region', territoryCode: '03' })).id;
  const users: [Who, Role, ScopeType, number | null][] = [
    ['admin', 'national_admin', 'nation', null],
    ['lombardia', 'regional_coordinator', 'region', await regionIdOf(t, '03')],
    ['milano', 'council_referent', 'council', milanoCouncil],
    ['napoli', 'council_referent', 'council', napoliCouncil],
    ['tutor', 'tutor', 'council', milanoCouncil],
    ['provider', 'data_provider', 'organization', providerOrg],
    ['member', 'association_member', 'organization', memberOrg],
  ];
  const clients: Partial<Record<Who, Client>> = { anon: client(t.app) };
  for (const [who, role, scopeType, scopeId] of users) {
    const person = await createTestUser(t, { email: `${who}@attori.test`, name: who, roles: [{ role, scopeType, scopeId }] });
    clients[who] = await signIn(t.app, person.email, person.password);
  }
  return { ...(clients as Record<Who, Client>), milanoCouncil, napoliCouncil, providerOrg, memberOrg, milanoOrg, napoliOrg, regionalOrg };
}

/** Row counts of what this module writes, to show a refused request changed nothing. */
export async function countRows(t: TestApp) {
  const db = t.database.db;
  // One after the other: parallel queries would open extra pooled connections for no gain.
  const [o] = await db.select({ n: count() }).from(organizations);
  const [c] = await db.select({ n: count() }).from(organizationContacts);
  const [a] = await db.select({ n: count() }).from(auditLog);
  return { organizations: o.n, contacts: c.n, audit: a.n };
}

/** A multipart/form-data body carrying one file. */
export function multipart(content: string | Buffer, field = 'file', filename = 'attori.csv') {
  const boundary = `----mosaico${randomBytes(8).toString('hex')}`;
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="${filename}"\r\nContent-Type: text/csv\r\n\r\n`),
    Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8'),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

export async function importCsv(c: Client, content: string | Buffer, dryRun: boolean, lang: 'it' | 'en' = 'it') {
  const { body, headers } = multipart(content);
  return c.post(`/api/v1/organizations/import?dryRun=${dryRun}${lang === 'en' ? '&lang=en' : ''}`, body, headers);
}

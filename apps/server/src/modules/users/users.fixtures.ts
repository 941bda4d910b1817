import { eq } from 'drizzle-orm';
import { loadConfig } from '../../config.ts';
import { type Ctx, systemActor } from '../../platform/context.ts';
import { createMailer } from '../../platform/mail/mailer.ts';
import { type Client, signIn, type TestApp } from '../../platform/testing/test-app.ts';
import { councils, councilTerritories } from '../councils/councils.schema.ts';
import { organizations } from '../organizations/organizations.schema.ts';
import { resolveTerritory } from '../territories/territories.service.ts';
import { createUser } from './users.service.ts';
import { users } from './users.schema.ts';
import type { Role, ScopeType } from './users.schema.ts';

/** The password of every fixture account (long enough for the password rules). */
export const FIXTURE_PASSWORD = 'Prova-Fixture-2026!';

export interface Person {
  id: number;
  email: string;
  password: string;
}

/** A service context acting as the command line (a national admin), for arranging data in tests. */
export function systemCtx(t: TestApp, lang: 'it' | 'en' = 'it'): Ctx {
  const config = loadConfig({ LOG_LEVEL: 'silent', MOSAICO_DATA_DIR: '/nonexistent' });
  return { db: t.database.db, actor: systemActor, requestId: null, lang, config, mailer: createMailer({ from: config.MAIL_FROM }) };
}

let counter = 0;

/** Creates an account through the real service; `password: null` leaves it invited (no password yet). */
export async function createTestUser(
  t: TestApp,
  data: { email?: string; name?: string; password?: string | null; locale?: 'it' | 'en'; roles?: { role: Role; scopeType: ScopeType; scopeId: number | null }[] } = {},
): Promise<Person> {
  counter += 1;
  const email = data.email ?? `persona${counter}-${Date.now().toString(36)}@example.test`;
  const password = data.password === undefined ? FIXTURE_PASSWORD : data.password;
  const user = await createUser(systemCtx(t), {
    email,
    name: data.name ?? `Persona ${counter}`,
    locale: data.locale ?? 'it',
    password: password ?? undefined,
    roles: data.roles ?? [],
  });
  return { id: user.id, email: user.email, password: password ?? '' };
}

export async function councilIdOf(t: TestApp, code: string): Promise<number> {
  const [c] = await t.database.db.select({ id: councils.id }).from(councils).where(eq(councils.code, code));
  if (!c) throw new Error(`fixture: no council ${code}`);
  return c.id;
}

export async function regionIdOf(t: TestApp, code: string): Promise<number> {
  return (await resolveTerritory(t.database.db, code)).t.id;
}

/**
 * Registers an organisation to a council straight in the table: the users tests need only somewhere to
 * hold a role, not the organisations module's rules.
 */
export async function createTestOrganization(t: TestApp, councilCode: string, name: string): Promise<number> {
  const [c] = await t.database.db
    .select({ id: councils.id, regionId: councils.regionId, territoryId: councilTerritories.territoryId })
    .from(councils)
    .innerJoin(councilTerritories, eq(councilTerritories.councilId, councils.id))
    .where(eq(councils.code, councilCode))
    .limit(1);
  const [o] = await t.database.db
    .insert(organizations)
    .values({ name, kind: 'health_agency', territoryId: c.territoryId, councilId: c.id, regionId: c.regionId })
    .returning({ id: organizations.id });
  return o.id;
}

/** The people of the scope tests, one per role, in Lombardia/Milano and Campania/Napoli. */
export interface People {
  admin: Person;
  /** regional coordinator of Lombardia */
  coordinator: Person;
  /** council referent of CTI-MI */
  milano: Person;
  /** council referent of CTI-NA */
  napoli: Person;
  /** tutor of CTI-MI */
  tutor: Person;
  /** data provider of an organisation of CTI-MI */
  dataProvider: Person;
  ids: { lombardia: number; campania: number; councilMilano: number; councilNapoli: number; orgMilano: number; orgNapoli: number };
}

export async function seedPeople(t: TestApp): Promise<People> {
  const lombardia = await regionIdOf(t, '03');
  const campania = await regionIdOf(t, '15');
  const councilMilano = await councilIdOf(t, 'CTI-MI');
  const councilNapoli = await councilIdOf(t, 'CTI-NA');
  const orgMilano = await createTestOrganization(t, 'CTI-MI', `ATS Milano ${++counter}`);
  const orgNapoli = await createTestOrganization(t, 'CTI-NA', `ASL Napoli ${++counter}`);
  const one = (role: Role, scopeType: ScopeType, scopeId: number | null) => ({ roles: [{ role, scopeType, scopeId }] });
  return {
    admin: await createTestUser(t, { name: 'Anna Admin', ...one('national_admin', 'nation', null) }),
    coordinator: await createTestUser(t, { name: 'Carlo Coordinatore', ...one('regional_coordinator', 'region', lombardia) }),
    milano: await createTestUser(t, { name: 'Maria Milano', ...one('council_referent', 'council', councilMilano) }),
    napoli: await createTestUser(t, { name: 'Nino Napoli', ...one('council_referent', 'council', councilNapoli) }),
    tutor: await createTestUser(t, { name: 'Tina Tutor', ...one('tutor', 'council', councilMilano) }),
    dataProvider: await createTestUser(t, { name: 'Dario Dati', ...one('data_provider', 'organization', orgMilano) }),
    ids: { lombardia, campania, councilMilano, councilNapoli, orgMilano, orgNapoli },
  };
}

export const signInAs = (t: TestApp, p: Person): Promise<Client> => signIn(t.app, p.email, p.password);

export async function userVersion(t: TestApp, id: number): Promise<number> {
  const [u] = await t.database.db.select({ version: users.version }).from(users).where(eq(users.id, id));
  return u.version;
}

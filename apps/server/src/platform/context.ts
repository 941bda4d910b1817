import type { Config } from '../config.ts';
import type { Role, ScopeType } from '../modules/users/users.schema.ts';
import type { Db } from './db/client.ts';
import type { Lang } from './http/messages.ts';
import type { Mailer } from './mail/mailer.ts';

export interface RoleGrant {
  role: Role;
  scopeType: ScopeType;
  scopeId: number | null;
}

/** Who is acting: a signed-in user, or the administrator's command line (system). */
export interface Actor {
  id: number | null;
  email: string;
  name: string;
  locale: Lang;
  roles: RoleGrant[];
  system?: boolean;
}

/** Everything a service needs to do its work for one request or one CLI command. */
export interface Ctx {
  db: Db;
  actor: Actor | null;
  requestId: string | null;
  lang: Lang;
  config: Config;
  mailer: Mailer;
}

export const systemActor: Actor = {
  id: null,
  email: 'cli',
  name: 'Riga di comando',
  locale: 'it',
  roles: [{ role: 'national_admin', scopeType: 'nation', scopeId: null }],
  system: true,
};

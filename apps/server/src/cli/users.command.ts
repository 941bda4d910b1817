import { ROLE_SCOPES, ROLES, SCOPE_TYPES } from '@mosaico/contracts/vocabulary';
import { userCreate } from '@mosaico/contracts/users';
import { AppError } from '../platform/http/errors.ts';
import { toFieldIssues } from '../platform/http/validation.ts';
import { resolveScopeRef } from '../modules/users/role-scopes.ts';
import type { Role, ScopeType } from '../modules/users/users.schema.ts';
import { createUser, getUserByEmail, grantRole, listUsers } from '../modules/users/users.service.ts';
import { type CliEnv, type Command, UsageError } from './args.ts';

type Options = Record<string, string | true>;

function text(options: Options, name: string, required: true): string;
function text(options: Options, name: string, required?: false): string | undefined;
function text(options: Options, name: string, required = false): string | undefined {
  const v = options[name];
  if (v === true) throw new UsageError(`Manca il valore di --${name}.`);
  if (v === undefined && required) throw new UsageError(`Manca --${name}.`);
  return v;
}

/**
 * Reads --role, --scope-type and --scope: the scope type may be left out when the role has only one
 * (a referent is always held in a council), and the scope is written the friendly way (ISTAT code, CTI code).
 */
async function readGrant(options: Options, env: CliEnv) {
  const role = text(options, 'role', true) as Role;
  if (!ROLES.includes(role)) throw new UsageError(`Ruolo sconosciuto: ${role}. Ruoli: ${ROLES.join(', ')}.`);
  const allowed = ROLE_SCOPES[role];
  const scopeType = (text(options, 'scope-type') ?? (allowed.length === 1 ? allowed[0] : undefined)) as ScopeType | undefined;
  if (!scopeType) throw new UsageError(`Il ruolo ${role} richiede --scope-type (${allowed.join(', ')}).`);
  if (!SCOPE_TYPES.includes(scopeType)) throw new UsageError(`Tipo di ambito sconosciuto: ${scopeType}. Tipi: ${SCOPE_TYPES.join(', ')}.`);
  const scope = text(options, 'scope');
  if (scopeType !== 'nation' && !scope) throw new UsageError(`Indica l’ambito con --scope (regione: codice ISTAT, consiglio: codice CTI, organizzazione: id).`);
  const scopeId = await resolveScopeRef(env.ctx.db, scopeType, scope);
  return { role, scopeType, scopeId };
}

const describeRoles = (roles: { role: string; scopeName?: string | null }[]) =>
  roles.length ? roles.map((r) => `${r.role} (${r.scopeName ?? '?'})`).join(', ') : 'nessun ruolo';

export const usersCommands: Record<string, Command> = {
  'users create': {
    usage: 'mosaico users create --email E --name N --role RUOLO [--scope-type T --scope CODICE_O_ID] [--password P] [--locale it|en]',
    description: 'Crea un utente con un ruolo; senza --password gli invia un invito (valido 7 giorni) per sceglierla.',
    async run({ options }, env) {
      const grant = await readGrant(options, env);
      const parsed = userCreate.safeParse({
        email: text(options, 'email', true),
        name: text(options, 'name', true),
        locale: text(options, 'locale') ?? 'it',
        password: text(options, 'password'),
        roles: [grant],
      });
      if (!parsed.success) throw new AppError('invalid', 'validation_failed', {}, { issues: toFieldIssues(parsed.error.issues, 'it') });
      const user = await createUser(env.ctx, parsed.data);
      env.print(`Creato l’utente ${user.email} (id ${user.id}): ${describeRoles(user.roles)}.`);
      if (!parsed.data.password) {
        env.print(
          env.ctx.mailer.mode === 'smtp'
            ? `Invito inviato a ${user.email}: il link per scegliere la password vale 7 giorni.`
            : `Invito accodato nell’outbox (SMTP non configurato): un amministratore nazionale lo legge in Amministrazione → Posta in uscita e lo inoltra a ${user.email}.`,
        );
      }
    },
  },
  'users grant': {
    usage: 'mosaico users grant --email E --role RUOLO [--scope-type T --scope CODICE_O_ID]',
    description: 'Assegna un ruolo in un ambito a un utente esistente.',
    async run({ options }, env) {
      const grant = await readGrant(options, env);
      const target = await getUserByEmail(env.ctx, text(options, 'email', true));
      const user = await grantRole(env.ctx, target.id, grant);
      env.print(`Ruoli di ${user.email}: ${describeRoles(user.roles)}.`);
    },
  },
  'users list': {
    usage: 'mosaico users list [--q TESTO] [--role RUOLO]',
    description: 'Elenca gli utenti con i loro ruoli.',
    async run({ options }, env) {
      const role = text(options, 'role') as Role | undefined;
      if (role && !ROLES.includes(role)) throw new UsageError(`Ruolo sconosciuto: ${role}. Ruoli: ${ROLES.join(', ')}.`);
      const page = await listUsers(env.ctx, { q: text(options, 'q'), role, page: 1, pageSize: 10000 });
      for (const u of page.items) {
        const state = u.active ? (u.hasPassword || u.sso ? '' : ' [invito in attesa]') : ' [disattivato]';
        env.print(`${String(u.id).padStart(5)}  ${u.email.padEnd(36)} ${u.name}${state}\n       ${describeRoles(u.roles)}`);
      }
      env.print(`${page.total} utenti.`);
    },
  },
};

import { z } from 'zod';
import { roleGrant } from './auth.ts';
import { ROLE_SCOPES, ROLES, SCOPE_TYPES } from './vocabulary.ts';
import { idParam, pageOf, pageQuery } from './common.ts';

/** A role held by a user, with its id (to revoke it) and the name of its scope. */
export const userRole = roleGrant.extend({ id: z.number().int() });

export const user = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  locale: z.enum(['it', 'en']),
  active: z.boolean(),
  /** Linked to a single sign-on identity (OpenID Connect). */
  sso: z.boolean(),
  /** false while an invited user has not chosen a password yet. */
  hasPassword: z.boolean(),
  /** The roles the reader may see: outside national admins, only those within the reader's own scope. */
  roles: z.array(userRole),
  version: z.number().int(),
  createdAt: z.string(),
  lastLoginAt: z.string().nullable(),
});

export const userQuery = z.object({
  q: z.string().trim().max(100).optional(),
  role: z.enum(ROLES).optional(),
  ...pageQuery,
});
export const userPage = pageOf(user);

export const grantBody = z
  .object({
    role: z.enum(ROLES),
    scopeType: z.enum(SCOPE_TYPES),
    scopeId: z.number().int().positive().nullish(),
  })
  .superRefine((v, ctx) => {
    if (!ROLE_SCOPES[v.role].includes(v.scopeType)) {
      ctx.addIssue({
        code: 'custom',
        path: ['scopeType'],
        message: `Il ruolo ${v.role} si assegna solo in: ${ROLE_SCOPES[v.role].join(', ')}.|Role ${v.role} is held only in: ${ROLE_SCOPES[v.role].join(', ')}.`,
      });
    }
    if (v.scopeType !== 'nation' && v.scopeId == null) {
      ctx.addIssue({ code: 'custom', path: ['scopeId'], message: 'Indica l’ambito (regione, consiglio o organizzazione).|State the scope (region, council or organisation).' });
    }
    if (v.scopeType === 'nation' && v.scopeId != null) {
      ctx.addIssue({ code: 'custom', path: ['scopeId'], message: 'L’ambito nazionale non ha un identificativo: lascia vuoto.|The nation scope has no id: leave it empty.' });
    }
  });
export type GrantBody = z.infer<typeof grantBody>;

export const userCreate = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(2).max(200),
  locale: z.enum(['it', 'en']).default('it'),
  /** Without a password the user is e-mailed an invitation link (valid 7 days) to choose one. */
  password: z.string().min(12).max(200).optional(),
  roles: z.array(grantBody).max(20).default([]),
});
export type UserCreate = z.input<typeof userCreate>;

export const userPatch = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  locale: z.enum(['it', 'en']).optional(),
  /** false closes every session of the user at once. */
  active: z.boolean().optional(),
  version: z.number().int().positive().optional(),
});

export const userRoleParams = idParam.extend({ roleId: z.coerce.number().int().positive() });

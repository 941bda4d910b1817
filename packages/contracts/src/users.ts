import { z } from 'zod';
import { ROLE_SCOPES, ROLES, roleGrant, SCOPE_TYPES } from './auth.ts';
import { pageOf, pageQuery } from './common.ts';

export const user = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  locale: z.enum(['it', 'en']),
  active: z.boolean(),
  sso: z.boolean(),
  roles: z.array(roleGrant.extend({ id: z.number().int() })),
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
  });

export const userCreate = z.object({
  email: z.email().max(254),
  name: z.string().trim().min(2).max(200),
  locale: z.enum(['it', 'en']).default('it'),
  password: z.string().min(12).max(200).optional(),
  roles: z.array(grantBody).default([]),
});

export const userPatch = z.object({
  name: z.string().trim().min(2).max(200).optional(),
  locale: z.enum(['it', 'en']).optional(),
  active: z.boolean().optional(),
  version: z.number().int().positive().optional(),
});

import { z } from 'zod';
import { ROLES, SCOPE_TYPES } from './vocabulary.ts';



export const loginBody = z.object({
  email: z.string().trim().min(1).max(254),
  password: z.string().min(1).max(200),
});

export const roleGrant = z.object({
  role: z.enum(ROLES),
  scopeType: z.enum(SCOPE_TYPES),
  scopeId: z.number().int().nullable(),
  scopeName: z.string().nullable().optional(),
});

export const me = z.object({
  id: z.number().int().nullable(),
  email: z.string(),
  name: z.string(),
  locale: z.enum(['it', 'en']),
  roles: z.array(roleGrant),
});

export const changePasswordBody = z.object({
  currentPassword: z.string().min(1).max(200),
  newPassword: z.string().min(12).max(200),
});

export const resetRequestBody = z.object({ email: z.email().max(254) });
export const resetConfirmBody = z.object({ token: z.string().min(10).max(200), newPassword: z.string().min(12).max(200) });

export const authConfig = z.object({ oidc: z.object({ enabled: z.boolean(), label: z.string() }) });

/** What the provider sends back to the callback; everything else in the query is checked by openid-client. */
export const oidcCallbackQuery = z.looseObject({
  code: z.string().max(2000).optional(),
  state: z.string().max(500).optional(),
  error: z.string().max(200).optional(),
});

/**
 * Why a single sign-on ended on the sign-in page: the callback redirects to /accesso?errore=<code>,
 * and the web app shows the message of that code.
 */
export const OIDC_ERROR_CODES = ['oidc_failed', 'oidc_no_account', 'account_disabled'] as const;

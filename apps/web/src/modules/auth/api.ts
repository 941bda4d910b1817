import type { authConfig, changePasswordBody, loginBody, me, resetConfirmBody } from '@mosaico/contracts/auth';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api, isApiError } from '../../api/client.ts';

export type Me = z.infer<typeof me>;
export type RoleGrant = Me['roles'][number];
export type Role = RoleGrant['role'];
export type ScopeType = RoleGrant['scopeType'];

/** Who is signed in: `me` is null when nobody is; `expired` when a session existed and timed out. */
export interface Session {
  me: Me | null;
  expired: boolean;
}

export const sessionKey = ['session'] as const;

export function useSession() {
  return useQuery({
    queryKey: sessionKey,
    queryFn: async (): Promise<Session> => {
      try {
        return { me: await api<Me>('/me', { allowUnauthenticated: true }), expired: false };
      } catch (err) {
        if (isApiError(err) && err.status === 401) return { me: null, expired: err.code === 'session_expired' };
        throw err;
      }
    },
    staleTime: 5 * 60_000,
  });
}

/** The signed-in user inside pages that require one (RequireAuth guarantees it). */
export function useMe(): Me {
  const { data } = useSession();
  if (!data?.me) throw new Error('useMe outside RequireAuth');
  return data.me;
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: z.input<typeof loginBody>) => api<Me>('/auth/login', { method: 'POST', body, allowUnauthenticated: true }),
    onSuccess: (me) => {
      qc.removeQueries({ predicate: (q) => q.queryKey[0] !== 'session' });
      qc.setQueryData<Session>(sessionKey, { me, expired: false });
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api<{ ok: true }>('/auth/logout', { method: 'POST', allowUnauthenticated: true }),
    onSettled: () => {
      qc.clear();
      qc.setQueryData<Session>(sessionKey, { me: null, expired: false });
    },
  });
}

export type AuthConfig = z.infer<typeof authConfig>;

/** Single sign-on settings; an older server without the endpoint means "no SSO". */
export function useAuthConfig() {
  return useQuery({
    queryKey: ['auth-config'],
    queryFn: async (): Promise<AuthConfig> => {
      try {
        return await api<AuthConfig>('/auth/config', { allowUnauthenticated: true });
      } catch {
        return { oidc: { enabled: false, label: '' } };
      }
    },
    staleTime: Number.POSITIVE_INFINITY,
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: z.input<typeof changePasswordBody>) => api<{ ok: true }>('/auth/password', { method: 'POST', body }),
  });
}

export function useRequestPasswordReset() {
  return useMutation({
    mutationFn: (body: { email: string }) => api<{ ok: true }>('/auth/password-reset', { method: 'POST', body, allowUnauthenticated: true }),
  });
}

export function useConfirmPasswordReset() {
  return useMutation({
    mutationFn: (body: z.input<typeof resetConfirmBody>) =>
      api<{ ok: true }>('/auth/password-reset/confirm', { method: 'POST', body, allowUnauthenticated: true }),
  });
}

import type { grantBody, user, userCreate, userPatch } from '@mosaico/contracts/users';
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';

export type User = z.infer<typeof user>;
export type UserCreate = z.input<typeof userCreate>;
export type UserPatch = z.input<typeof userPatch>;
export type Grant = z.input<typeof grantBody>;

export interface UserPage {
  items: User[];
  total: number;
  page: number;
  pageSize: number;
}

export function useUsers(q: { q?: string; role?: string; page?: number; pageSize?: number }) {
  return useQuery({
    queryKey: ['users', q],
    queryFn: ({ signal }) => api<UserPage>('/users', { query: { ...q }, signal }),
    placeholderData: keepPreviousData,
  });
}

export function useUser(id: number) {
  return useQuery({
    queryKey: ['user', id],
    queryFn: ({ signal }) => api<User>(`/users/${id}`, { signal }),
    enabled: Number.isInteger(id) && id > 0,
  });
}

function useRefresh(id?: number) {
  const qc = useQueryClient();
  return (u?: User) => {
    if (id && u) qc.setQueryData(['user', id], u);
    else if (id) void qc.invalidateQueries({ queryKey: ['user', id] });
    void qc.invalidateQueries({ queryKey: ['users'] });
    void qc.invalidateQueries({ queryKey: ['audit'] });
  };
}

export function useCreateUser() {
  const refresh = useRefresh();
  return useMutation({
    mutationFn: (body: UserCreate) => api<User>('/users', { method: 'POST', body }),
    onSuccess: () => refresh(),
  });
}

export function useUpdateUser(id: number) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: UserPatch) => api<User>(`/users/${id}`, { method: 'PATCH', body }),
    onSuccess: (u) => refresh(u),
  });
}

/** The answer may be the updated user or the new grant: either way the user is read again. */
export function useGrantRole(id: number) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (body: Grant) => api<unknown>(`/users/${id}/roles`, { method: 'POST', body }),
    onSuccess: () => refresh(),
  });
}

export function useRevokeRole(id: number) {
  const refresh = useRefresh(id);
  return useMutation({
    mutationFn: (roleId: number) => api<unknown>(`/users/${id}/roles/${roleId}`, { method: 'DELETE' }),
    onSuccess: () => refresh(),
  });
}

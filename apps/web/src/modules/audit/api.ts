import type { auditEntry } from '@mosaico/contracts/audit';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';

export type AuditEntry = z.infer<typeof auditEntry>;

export interface AuditFilters {
  entityType?: string;
  entityId?: string;
  actor?: string;
  action?: string;
  from?: string;
  to?: string;
  page?: number;
  pageSize?: number;
}

export function useAudit(filters: AuditFilters) {
  return useQuery({
    queryKey: ['audit', filters],
    queryFn: ({ signal }) => api<{ items: AuditEntry[]; total: number; page: number; pageSize: number }>('/audit', { query: { ...filters }, signal }),
    placeholderData: keepPreviousData,
  });
}

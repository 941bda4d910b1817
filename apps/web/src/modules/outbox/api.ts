import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client.ts';

export interface OutboxMessage {
  id: number;
  to: string;
  subject: string;
  body: string;
  createdAt: string;
  sentAt: string | null;
  error: string | null;
}

/** E-mails not sent by SMTP (national admins); the API may answer a list or a page. */
export function useOutbox() {
  return useQuery({
    queryKey: ['outbox'],
    queryFn: async ({ signal }) => {
      const data = await api<OutboxMessage[] | { items: OutboxMessage[] }>('/outbox', { signal });
      return Array.isArray(data) ? data : data.items;
    },
  });
}

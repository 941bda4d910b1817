import type { campaign, campaignCreateBody, submission, transitionBody, transitionResult, valuesResult } from '@mosaico/contracts/campaigns';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';

export type Campaign = z.infer<typeof campaign>;
export type CampaignInput = z.input<typeof campaignCreateBody>;
export type Submission = z.infer<typeof submission>;
export type SubmissionStatus = Submission['status'];
export type ReviewLevel = NonNullable<Submission['reviewLevel']>;
export type ValuesResult = z.infer<typeof valuesResult>;
export type TransitionInput = z.input<typeof transitionBody>;
export type TransitionResult = z.infer<typeof transitionResult>;

const validId = (id: number) => Number.isInteger(id) && id > 0;

export function useCampaigns() {
  return useQuery({ queryKey: ['campaigns'], queryFn: ({ signal }) => api<Campaign[]>('/campaigns', { signal }) });
}

export function useCampaign(id: number) {
  return useQuery({ queryKey: ['campaigns', id], queryFn: ({ signal }) => api<Campaign>(`/campaigns/${id}`, { signal }), enabled: validId(id) });
}

export function useCreateCampaign() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: CampaignInput) => api<Campaign>('/campaigns', { method: 'POST', body }),
    onSuccess: () => void qc.invalidateQueries({ queryKey: ['campaigns'] }),
  });
}

export function useSubmission(id: number) {
  return useQuery({ queryKey: ['submissions', id], queryFn: ({ signal }) => api<Submission>(`/submissions/${id}`, { signal }), enabled: validId(id) });
}

export function useTransition(id: number) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: TransitionInput) => api<TransitionResult>(`/submissions/${id}/transitions`, { method: 'POST', body }),
    onSuccess: () => {
      void qc.invalidateQueries({ queryKey: ['submissions', id] });
      void qc.invalidateQueries({ queryKey: ['campaigns'] });
    },
  });
}

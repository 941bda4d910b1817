import type { commentQuestionBody, commentThread, itemComments, submissionComments } from '@mosaico/contracts/submission-comments';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../api/client.ts';

export type SubmissionComments = z.infer<typeof submissionComments>;
export type ItemComments = z.infer<typeof itemComments>;
export type CommentThread = z.infer<typeof commentThread>;
export type QuestionInput = z.input<typeof commentQuestionBody>;

const key = (id: number) => ['submissions', id, 'comments'] as const;

/** Every thread the user may read on a submission, with the counts behind the item and section badges. */
export function useSubmissionComments(id: number) {
  return useQuery({ queryKey: key(id), queryFn: ({ signal }) => api<SubmissionComments>(`/submissions/${id}/comments`, { signal }) });
}

/** One item's threads with their messages; fetched only while its panel is open. */
export function useItemComments(id: number, itemCode: string, enabled: boolean) {
  return useQuery({
    queryKey: [...key(id), itemCode],
    queryFn: ({ signal }) => api<ItemComments>(`/submissions/${id}/items/${encodeURIComponent(itemCode)}/comments`, { signal }),
    enabled,
  });
}

/** Posting, replying, resolving: each refreshes the submission's threads and counts. */
function useCommentMutation<T>(id: number, send: (input: T) => Promise<CommentThread>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: send, onSuccess: () => void qc.invalidateQueries({ queryKey: key(id) }) });
}

export const useAskQuestion = (id: number) =>
  useCommentMutation(id, (body: QuestionInput) => api<CommentThread>(`/submissions/${id}/comments`, { method: 'POST', body }));

export const useReply = (id: number) =>
  useCommentMutation(id, ({ threadId, body }: { threadId: number; body: string }) => api<CommentThread>(`/submissions/${id}/comments/${threadId}/replies`, { method: 'POST', body: { body } }));

export const useSetResolved = (id: number) =>
  useCommentMutation(id, ({ threadId, resolved }: { threadId: number; resolved: boolean }) =>
    api<CommentThread>(`/submissions/${id}/comments/${threadId}/${resolved ? 'resolve' : 'reopen'}`, { method: 'POST' }),
  );

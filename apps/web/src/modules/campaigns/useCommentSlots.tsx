import type { FormDefinition, Item } from '@mosaico/form-engine/definition';
import { type ReactNode, useCallback, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useSubmissionComments } from './comments-api.ts';
import { ItemComments } from './ItemComments.tsx';

const NONE = { threads: 0, open: 0 };

/**
 * What the data-entry page shows of the questions and answers: a "Domande e risposte" disclosure under each
 * top-level item (the entry page renders add-ons for those only; a repeat's children are discussed on the group), and a badge of open questions
 * per section for the section menu. One request for the whole submission; an item's messages load on opening.
 */
export function useCommentSlots(submissionId: number, definition: FormDefinition) {
  const { t } = useTranslation();
  const q = useSubmissionComments(submissionId);
  const counts = q.data?.counts;
  const canPost = q.data?.canPost ?? false;

  const itemComments = useCallback(
    (item: Item): ReactNode =>
      q.data ? (
        <ItemComments submissionId={submissionId} item={item} definition={definition} counts={counts?.byItem[item.code] ?? NONE} canPost={canPost} />
      ) : null,
    [submissionId, definition, counts, canPost, q.data],
  );

  const sectionBadges = useMemo(
    () =>
      Object.fromEntries(
        Object.entries(counts?.bySection ?? {})
          .filter(([, c]) => c.open > 0)
          .map(([code, c]) => [code, <span key={code} className="badge comment-badge-open ms-2">{t('comments.sectionBadge', { count: c.open })}</span>]),
      ) as Record<string, ReactNode>,
    [counts, t],
  );

  return { itemComments, sectionBadges };
}

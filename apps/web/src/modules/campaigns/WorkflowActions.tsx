import type { FormDefinition } from '@mosaico/form-engine/definition';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { useFlash } from '../../ui/Flash.tsx';
import { TextField } from '../../ui/Field.tsx';
import { useErrorMessage } from '../../ui/QueryError.tsx';
import type { Me } from '../auth/api.ts';
import { keyParts } from '../forms/keyLabels.ts';
import { controlId } from '../forms/runtime.ts';
import { useLocalText } from '../forms/text.ts';
import { type Submission, type TransitionInput, useTransition } from './api.ts';
import { IssueSummary } from './IssueSummary.tsx';

type Target = TransitionInput['to'];

const grants = (me: Me, role: string, scopeType: string, scopeId: number | null) =>
  me.roles.some((g) => g.role === role && g.scopeType === scopeType && (scopeId === null || g.scopeId === scopeId));

/** The moves this user may try from the current status (the server checks again and decides). */
export function availableMoves(me: Me, s: Submission): Target[] {
  const admin = grants(me, 'national_admin', 'nation', null);
  // A regional coordinator decides only while the region's approval is awaited; national admins at any level.
  const reviewer = admin || (s.reviewLevel !== 'nation' && grants(me, 'regional_coordinator', 'region', s.region.id));
  const referent = grants(me, 'council_referent', 'council', s.council.id);
  switch (s.status) {
    case 'draft':
    case 'returned':
      return referent ? ['submitted'] : [];
    case 'submitted':
      return reviewer ? ['returned', 'approved'] : [];
    case 'approved':
      return admin ? ['locked', 'draft'] : [];
    case 'locked':
      return admin ? ['draft'] : [];
  }
}

const PREFIX = 'wf';

/** "Invia per approvazione", "Restituisci", "Approva", "Blocca", "Riapri": the server's answer is shown as it is. */
export function WorkflowActions({
  me,
  submission,
  definition,
  beforeMove,
}: {
  me: Me;
  submission: Submission;
  definition: FormDefinition;
  /** Saves what the page still holds, so the move judges the values as typed. */
  beforeMove?: () => Promise<void>;
}) {
  const { t } = useTranslation();
  const local = useLocalText();
  const flash = useFlash();
  const messageOf = useErrorMessage();
  const move = useTransition(submission.id);
  const [reason, setReason] = useState('');
  const [justifications, setJustifications] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<{ key: number; message: string; fields: Record<string, string>; lines: { key: string; text: string; target?: string }[] } | null>(null);
  const moves = availableMoves(me, submission);
  if (!moves.length) return null;

  const warnings = submission.evaluation.rules.filter((r) => r.severity === 'warning' && r.status === 'failed');
  const blockedWarnings = new Set(Object.keys(failure?.fields ?? {}).filter((f) => f.startsWith('justifications.')).map((f) => f.slice('justifications.'.length)));
  const toJustify = [...new Map([...warnings.map((w) => [w.rule, w.message] as const), ...[...blockedWarnings].filter((r) => !warnings.some((w) => w.rule === r)).map((r) => [r, ''] as const)])];
  const needsReason = moves.includes('returned') || moves.includes('draft');
  const rowWord = (label: string, n: number) => t('forms.preview.repetition', { label, n });
  const ruleCodes = new Set(definition.rules.map((r) => r.code));

  async function go(to: Target) {
    try {
      await beforeMove?.();
      const body: TransitionInput = { to };
      if (to === 'returned' || to === 'draft') body.reason = reason;
      if (to === 'submitted') body.justifications = Object.fromEntries(Object.entries(justifications).filter(([, v]) => v.trim()));
      const r = await move.mutateAsync(body);
      setFailure(null);
      setReason('');
      flash.show(t('campaigns.workflow.done', { status: t(`campaigns.status.${r.status}`) }));
    } catch (err) {
      const fields: Record<string, string> = {};
      const lines: { key: string; text: string; target?: string }[] = [];
      if (isApiError(err)) {
        err.issues.forEach((i, n) => {
          fields[i.field] = fields[i.field] ? `${fields[i.field]} ${i.message}` : i.message;
          let label = '';
          let target: string | undefined;
          if (i.field === 'reason') {
            label = t('campaigns.workflow.reason');
            target = `${PREFIX}-reason`;
          } else if (i.field.startsWith('justifications.')) {
            label = t('campaigns.workflow.justification', { rule: i.field.slice('justifications.'.length) });
            target = `${PREFIX}-just-${i.field.slice('justifications.'.length)}`;
          } else if (ruleCodes.has(i.field)) {
            label = t('campaigns.workflow.rule', { rule: i.field });
          } else {
            const p = keyParts(definition, i.field, local, rowWord);
            label = p.cell ? `${p.item} – ${p.cell}` : p.item;
            target = controlId({ idPrefix: 'sub' }, i.field);
          }
          lines.push({ key: `${i.field}-${n}`, text: `${label}: ${i.message}`, target });
        });
      }
      setFailure((prev) => ({ key: (prev?.key ?? 0) + 1, message: messageOf(err), fields, lines }));
    }
  }

  const LABELS: Record<Target, string> = {
    submitted: t('campaigns.workflow.submit'),
    returned: t('campaigns.workflow.return'),
    approved: t('campaigns.workflow.approve'),
    locked: t('campaigns.workflow.lock'),
    draft: t('campaigns.workflow.reopen'),
  };

  return (
    <section aria-labelledby={`${PREFIX}-title`} className="mb-5">
      <h2 id={`${PREFIX}-title`} className="h3">
        {t('campaigns.workflow.title')}
      </h2>
      {failure && <IssueSummary id={`${PREFIX}-errors`} title={t('campaigns.workflow.blockedTitle')} message={failure.message} lines={failure.lines} focusKey={failure.key} />}
      {moves.includes('submitted') && toJustify.length > 0 && (
        <fieldset className="mb-3">
          <legend className="h5">{t('campaigns.workflow.justificationsTitle')}</legend>
          {toJustify.map(([rule, message]) => (
            <TextField
              key={rule}
              id={`${PREFIX}-just-${rule}`}
              label={t('campaigns.workflow.justification', { rule })}
              hint={message || undefined}
              multiline
              rows={3}
              value={justifications[rule] ?? ''}
              onChange={(v) => setJustifications((j) => ({ ...j, [rule]: v }))}
              error={failure?.fields[`justifications.${rule}`]}
            />
          ))}
        </fieldset>
      )}
      {needsReason && (
        <TextField
          id={`${PREFIX}-reason`}
          label={t('campaigns.workflow.reason')}
          hint={t('campaigns.workflow.reasonHint')}
          multiline
          rows={3}
          value={reason}
          onChange={setReason}
          error={failure?.fields.reason}
        />
      )}
      <div className="d-flex flex-wrap gap-2">
        {moves.map((to) => (
          <button key={to} type="button" className={`btn ${to === 'returned' || to === 'locked' ? 'btn-outline-primary' : 'btn-primary'}`} disabled={move.isPending} onClick={() => void go(to)}>
            {LABELS[to]}
          </button>
        ))}
      </div>
    </section>
  );
}

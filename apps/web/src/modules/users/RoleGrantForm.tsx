import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorSummary } from '../../ui/ErrorSummary.tsx';
import { RequiredNote } from '../../ui/Field.tsx';
import { useFlash } from '../../ui/Flash.tsx';
import { useFormErrors } from '../../ui/form.ts';
import { useGrantRole } from './api.ts';
import { EMPTY_CHOICE, grantOf, RolePicker, type RoleChoice, useScopeLabel } from './RolePicker.tsx';

/** Grants a role to a user within a scope: the nation, a region, a council or an organisation. */
export function RoleGrantForm({ userId }: { userId: number }) {
  const { t } = useTranslation();
  const flash = useFlash();
  const grant = useGrantRole(userId);
  const [choice, setChoice] = useState<RoleChoice>(EMPTY_CHOICE);
  const { errors, fromError, clear } = useFormErrors({ isEmpty: (f) => choice[f as keyof RoleChoice] === '' });
  const labels = { role: t('users.grant.role'), scopeType: t('users.grant.scopeType'), scopeId: useScopeLabel(choice.scopeType) };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    try {
      await grant.mutateAsync(grantOf(choice));
      flash.show(t('users.grant.done'));
      setChoice(EMPTY_CHOICE);
    } catch (err) {
      fromError(err);
    }
  };

  return (
    <form id="grant-form" noValidate onSubmit={submit} aria-labelledby="grant-title" className="mb-5">
      <h2 id="grant-title" className="h4">
        {t('users.grant.title')}
      </h2>
      <RequiredNote />
      <ErrorSummary errors={errors} labels={labels} idPrefix="grant" />
      <RolePicker idPrefix="grant" value={choice} onChange={setChoice} errors={errors.fields} labels={labels} />
      <button type="submit" className="btn btn-primary" disabled={grant.isPending}>
        {t('users.grant.submit')}
      </button>
    </form>
  );
}

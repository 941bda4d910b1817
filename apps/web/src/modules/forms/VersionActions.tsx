import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFlash } from '../../ui/Flash.tsx';
import { useErrorMessage } from '../../ui/QueryError.tsx';
import { type FormVersion, useDeriveVersion, usePublishVersion } from './api.ts';
import { xlsformUrl } from './xlsform.ts';

/** Saves the definition as `<code>-v<version>.json`, the format the import page accepts. */
function downloadDefinition(v: FormVersion) {
  const blob = new Blob([`${JSON.stringify(v.definition, null, 2)}\n`], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `${v.code}-v${v.version}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** Publish (drafts, after a confirmation), derive a new draft (published versions), download the JSON or the XLSForm workbook. */
export function VersionActions({ version, canManage }: { version: FormVersion; canManage: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const flash = useFlash();
  const messageOf = useErrorMessage();
  const publish = usePublishVersion(version.formId, version.version);
  const derive = useDeriveVersion(version.formId);
  const [confirming, setConfirming] = useState(false);
  const confirmBox = useRef<HTMLDivElement>(null);
  const actions = useRef<HTMLDivElement>(null);
  const asked = useRef(false);

  // The question takes focus; when it closes, focus goes back to the buttons that replace it on screen.
  useEffect(() => {
    if (confirming) confirmBox.current?.focus();
    else if (asked.current) actions.current?.querySelector<HTMLButtonElement>('button')?.focus();
    asked.current = confirming;
  }, [confirming]);

  const cancel = () => setConfirming(false);
  const doPublish = async () => {
    try {
      await publish.mutateAsync();
      flash.show(t('forms.version.published', { version: version.version }));
    } catch {
      // the error is shown above the buttons
    }
    setConfirming(false);
  };
  const doDerive = async () => {
    try {
      const v = await derive.mutateAsync(version.version);
      const path = `/moduli/${v.formId}/versioni/${v.version}`;
      flash.show(t('forms.version.derived', { version: v.version, from: version.version }), { path });
      navigate(path);
    } catch {
      // shown below
    }
  };
  const failed = publish.error ?? derive.error;

  return (
    <div className="mb-4">
      {failed && (
        <div className="alert alert-danger" role="alert">
          {messageOf(failed)}
        </div>
      )}
      {confirming ? (
        // biome-ignore lint/a11y/useSemanticElements: a named, focusable group announced when the question appears
        <div ref={confirmBox} tabIndex={-1} role="group" aria-labelledby="publish-question" className="alert alert-warning">
          <p id="publish-question">{t('forms.version.confirmPublish', { version: version.version })}</p>
          <div className="d-flex flex-wrap gap-2">
            <button type="button" className="btn btn-primary" onClick={doPublish} disabled={publish.isPending}>
              {t('forms.version.confirmPublishButton')}
            </button>
            <button type="button" className="btn btn-outline-secondary" onClick={cancel}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div ref={actions} className="d-flex flex-wrap gap-2">
          {canManage && version.status === 'draft' && (
            <button type="button" className="btn btn-primary" onClick={() => setConfirming(true)}>
              {t('forms.version.publish')}
            </button>
          )}
          {canManage && version.status === 'published' && (
            <button type="button" className="btn btn-primary" onClick={doDerive} disabled={derive.isPending}>
              {t('forms.version.derive')}
            </button>
          )}
          <button type="button" className="btn btn-outline-primary" onClick={() => downloadDefinition(version)}>
            {t('forms.version.download')}
          </button>
          <a className="btn btn-outline-primary" href={xlsformUrl(version.formId, version.version)} download>
            {t('xlsform.download')}
          </a>
        </div>
      )}
    </div>
  );
}

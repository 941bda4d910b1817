import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import { type ApiError, isApiError } from '../../api/client.ts';
import { useErrorMessage } from '../../ui/QueryError.tsx';
import { topCode } from '../forms/evaluation.ts';
import type { ItemIssue } from '../forms/runtime.ts';
import type { EnteredValues } from '../forms/usePreviewRuntime.ts';
import type { Submission } from './api.ts';
import { putValues, useFetchSubmission } from './entry-api.ts';
import { sameValue, stable, withBatch } from './stableValue.ts';

/** A pause in typing this long saves; so does leaving an item, a section or the page. */
export const AUTOSAVE_DELAY_MS = 1500;
const RETRY_MS = 15_000;
/** Saves re-sent after someone else's save (on other items) before giving up and showing the conflict. */
const MAX_REBASES = 3;

export type SaveState =
  | { kind: 'idle' }
  | { kind: 'dirty' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: Date }
  /** "Salva ora" with nothing to send. */
  | { kind: 'nothing' }
  /** A failure that may pass (network, server error): retried by itself. */
  | { kind: 'failed'; message: string }
  /** Saving is no longer possible here (the submission was locked, access removed): reload to go on. */
  | { kind: 'stopped'; message: string }
  | { kind: 'conflict' };

/** Someone else changed what this person is saving: both versions, for the conflict view. */
export interface Conflict {
  message: string;
  values: { key: string; mine: unknown; theirs: unknown }[];
}

/** The server's refusal of an explicit save, for the focused summary. */
export interface Rejection {
  key: number;
  message: string;
}

const keysOf = (o: object) => Object.keys(o);

/**
 * Saves the values by themselves: after a pause, on leaving an item, a section or the page, and on "Salva ora".
 * Only changed keys are sent, in one batch checked against the last revision seen. What was typed while a save
 * was on its way stays changed and goes in the next batch. A value the server refuses keeps its message and is
 * not sent again until it changes. When someone else saved meanwhile, the batch is sent again on their
 * revision if they touched none of its keys; otherwise saving stops and both versions are shown.
 */
export function useAutosave({
  submission,
  values,
  enabled,
  onRebase,
}: {
  submission: Submission;
  values: EnteredValues;
  enabled: boolean;
  /** Others' new values for keys this person has not changed, to show them. */
  onRebase: (patch: EnteredValues) => void;
}) {
  const id = submission.id;
  const qc = useQueryClient();
  const fetchSubmission = useFetchSubmission(id);
  const messageOf = useErrorMessage();
  const saved = useRef<EnteredValues>(submission.values);
  const revision = useRef(submission.revision);
  const latest = useRef(values);
  latest.current = values;
  /** key → the (stable) value the server refused for it. */
  const refused = useRef(new Map<string, string>());
  const busy = useRef(false);
  const queued = useRef<{ explicit: boolean } | null>(null);
  const stopped = useRef(false);
  const rebases = useRef(0);
  const retryTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  // The latest `run`, for timers and for running again after a save (it depends on props that change).
  const runRef = useRef<(explicit: boolean) => Promise<void>>(async () => {});
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [lastSaved, setLastSaved] = useState<Date | null>(null);
  const lastSavedRef = useRef<Date | null>(null);
  const [serverIssues, setServerIssues] = useState<Record<string, ItemIssue[]>>({});
  const [conflict, setConflict] = useState<Conflict | null>(null);
  const [rejection, setRejection] = useState<Rejection | null>(null);

  const pending = useCallback((explicit: boolean): EnteredValues => {
    const out: EnteredValues = {};
    const now = latest.current;
    for (const k of new Set([...keysOf(now), ...keysOf(saved.current)])) {
      const value = stable(now[k]);
      if (value === stable(saved.current[k])) continue;
      if (!explicit && refused.current.get(k) === value) continue;
      out[k] = value === 'null' ? null : now[k];
    }
    return out;
  }, []);

  const afterSave = useCallback(
    (batch: EnteredValues, r: Awaited<ReturnType<typeof putValues>>) => {
      rebases.current = 0;
      saved.current = withBatch(saved.current, batch);
      revision.current = r.revision;
      const tops = new Set(keysOf(batch).map(topCode));
      for (const k of keysOf(batch)) refused.current.delete(k);
      setServerIssues((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => !tops.has(topCode(k)))));
      qc.setQueryData<Submission>(['submissions', id], (old) =>
        old
          ? {
              ...old,
              revision: r.revision,
              values: withBatch(old.values, batch),
              evaluation: { completeness: r.completeness, issues: r.issues, rules: r.rules },
              lastActivityAt: r.changed.length ? new Date().toISOString() : old.lastActivityAt,
            }
          : old,
      );
      if (r.changed.length) {
        void qc.invalidateQueries({ queryKey: ['campaigns'] });
        void qc.invalidateQueries({ queryKey: ['submissions', id, 'history'] });
      }
      const at = new Date();
      lastSavedRef.current = at;
      setLastSaved(at);
      setState(keysOf(pending(false)).length ? { kind: 'dirty' } : { kind: 'saved', at });
    },
    [qc, id, pending],
  );

  /** Someone saved in between: true to send again on their revision, false when their changes clash with ours. */
  const rebase = useCallback(
    async (batch: EnteredValues, err: ApiError): Promise<boolean> => {
      rebases.current += 1;
      const fresh = await fetchSubmission();
      const theirs = fresh.values;
      const clashes = keysOf(batch).filter((k) => !sameValue(theirs[k], saved.current[k]) && !sameValue(theirs[k], batch[k]));
      if (clashes.length || rebases.current > MAX_REBASES) {
        stopped.current = true;
        setConflict({ message: messageOf(err), values: clashes.map((k) => ({ key: k, mine: batch[k], theirs: theirs[k] ?? null })) });
        setState({ kind: 'conflict' });
        return false;
      }
      const patch: EnteredValues = {};
      for (const k of new Set([...keysOf(theirs), ...keysOf(saved.current)])) {
        const mine = latest.current[k];
        if (!(k in batch) && sameValue(mine, saved.current[k]) && !sameValue(mine, theirs[k])) patch[k] = theirs[k] ?? null;
      }
      saved.current = { ...theirs };
      revision.current = fresh.revision;
      if (keysOf(patch).length) onRebase(patch);
      return true;
    },
    [fetchSubmission, messageOf, onRebase],
  );

  const refuse = useCallback(
    (batch: EnteredValues, err: ApiError, explicit: boolean) => {
      const tops = new Set(err.issues.map((i) => topCode(i.field)));
      let held = keysOf(batch).filter((k) => tops.has(topCode(k)));
      // Issues that name none of the batch's items: hold the whole batch, so it is not sent again and again.
      if (!held.length) held = keysOf(batch);
      for (const k of held) refused.current.set(k, stable(batch[k]));
      const byKey: Record<string, ItemIssue[]> = {};
      for (const i of err.issues) byKey[i.field] = [...(byKey[i.field] ?? []), { severity: 'error', message: i.message, code: i.code }];
      setServerIssues((prev) => ({ ...Object.fromEntries(Object.entries(prev).filter(([k]) => !tops.has(topCode(k)))), ...byKey }));
      if (explicit) setRejection((prev) => ({ key: (prev?.key ?? 0) + 1, message: messageOf(err) }));
    },
    [messageOf],
  );

  const run = useCallback(
    async (explicit: boolean): Promise<void> => {
      if (!enabled || stopped.current) return;
      if (busy.current) {
        queued.current = { explicit: explicit || !!queued.current?.explicit };
        return;
      }
      if (retryTimer.current) clearTimeout(retryTimer.current);
      const batch = pending(explicit);
      if (!keysOf(batch).length) {
        if (explicit) setState({ kind: 'nothing' });
        return;
      }
      busy.current = true;
      setState({ kind: 'saving' });
      let again = false;
      try {
        afterSave(batch, await putValues(id, batch, revision.current));
        if (explicit) setRejection(null);
      } catch (err) {
        if (isApiError(err) && err.code === 'version_conflict') {
          again = await rebase(batch, err).catch((e: unknown) => {
            setState({ kind: 'failed', message: messageOf(e) });
            retryTimer.current = setTimeout(() => void runRef.current(false), RETRY_MS);
            return false;
          });
        } else if (isApiError(err) && err.status === 400 && err.issues.length) {
          refuse(batch, err, explicit);
          // The other keys of the batch were fine: they go again without the refused ones.
          again = keysOf(pending(false)).length > 0;
          setState(lastSavedRef.current ? { kind: 'saved', at: lastSavedRef.current } : { kind: 'idle' });
        } else if (isApiError(err) && [401, 403, 404, 409].includes(err.status)) {
          stopped.current = true;
          setState({ kind: 'stopped', message: messageOf(err) });
        } else {
          setState({ kind: 'failed', message: messageOf(err) });
          retryTimer.current = setTimeout(() => void runRef.current(false), RETRY_MS);
        }
      } finally {
        busy.current = false;
      }
      const next = queued.current;
      queued.current = null;
      if (next || again) await runRef.current(next?.explicit ?? false);
    },
    [enabled, id, pending, afterSave, rebase, refuse, messageOf],
  );

  runRef.current = run;

  // A value changed since it was refused: its old message goes, and it is sent again like any change.
  useEffect(() => {
    const changed = [...refused.current].filter(([k, v]) => stable(values[k]) !== v).map(([k]) => k);
    if (!changed.length) return;
    for (const k of changed) refused.current.delete(k);
    const tops = new Set(changed.map(topCode));
    setServerIssues((prev) => Object.fromEntries(Object.entries(prev).filter(([k]) => !tops.has(topCode(k)))));
  }, [values]);

  // Typing pauses: save.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on every change of the values, which `pending` reads through `latest`
  useEffect(() => {
    if (!enabled || stopped.current || !keysOf(pending(false)).length) return;
    setState((s) => (s.kind === 'saving' ? s : { kind: 'dirty' }));
    const timer = setTimeout(() => void runRef.current(false), AUTOSAVE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [values, enabled, pending]);

  // Leaving the page: the tab is hidden (save now), closed (a last save that outlives it), or the route changes.
  useEffect(() => {
    const onHidden = () => {
      if (document.visibilityState === 'hidden') void runRef.current(false);
    };
    const onPageHide = () => {
      if (!enabled || stopped.current || busy.current) return;
      const batch = pending(false);
      if (keysOf(batch).length) void putValues(id, batch, revision.current, true).catch(() => {});
    };
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (enabled && !stopped.current && (busy.current || keysOf(pending(false)).length)) e.preventDefault();
    };
    document.addEventListener('visibilitychange', onHidden);
    window.addEventListener('pagehide', onPageHide);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('visibilitychange', onHidden);
      window.removeEventListener('pagehide', onPageHide);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [enabled, id, pending]);
  useEffect(
    () => () => {
      if (retryTimer.current) clearTimeout(retryTimer.current);
      void runRef.current(false);
    },
    [],
  );

  return {
    state,
    lastSaved,
    serverIssues,
    conflict,
    rejection,
    /** Saves what changed, now (leaving an item or a section). Stable across renders. */
    flush: useCallback(() => void runRef.current(false), []),
    /** "Salva ora": also sends again values the server refused, to show why. */
    saveNow: useCallback(() => runRef.current(true), []),
    /** Saves what changed and waits until no save is on its way (before a workflow move reads the stored values). */
    settle: useCallback(async () => {
      await runRef.current(false);
      while (busy.current) await new Promise((resolve) => setTimeout(resolve, 50));
    }, []),
  };
}

import { type FormEvent, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';

/**
 * List filters kept in the address, under Italian parameter names so a filtered list can be shared:
 * the applied values, a draft the form edits until it is submitted, the page and links to other pages.
 */
export function useUrlFilters<P extends string>(names: readonly P[]) {
  const [params, setParams] = useSearchParams();
  const page = Math.max(1, Number(params.get('pagina')) || 1);
  const key = names.join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: `names` is a constant list, tracked by its key.
  const applied = useMemo(() => Object.fromEntries(names.map((n) => [n, params.get(n) ?? ''])) as Record<P, string>, [params, key]);
  const [draft, setDraft] = useState(applied);
  const set = (name: P) => (value: string) => setDraft((d) => ({ ...d, [name]: value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const next: Record<string, string> = {};
    for (const [k, v] of Object.entries<string>(draft)) if (v.trim()) next[k] = v.trim();
    setParams(next);
  };
  /** Empties the form; the link that resets the filters leads to the bare address. */
  const clear = () => setDraft(Object.fromEntries(names.map((n) => [n, ''])) as Record<P, string>);
  const hrefFor = (p: number) => {
    const next = new URLSearchParams(params);
    next.set('pagina', String(p));
    return `?${next.toString()}`;
  };
  return { applied, page, draft, set, submit, clear, hrefFor };
}

/** The sources an indicator's figures come from, told by the prefix of its data element codes (see data/statistics). */
export type SourceKey = 'istat' | 'ministry' | 'councils';

export function sourcesOf(elements: readonly string[]): SourceKey[] {
  const out = new Set<SourceKey>();
  for (const e of elements) {
    if (e.startsWith('istat.')) out.add('istat');
    else if (e.startsWith('ministero.')) out.add('ministry');
    else out.add('councils');
  }
  return [...out];
}

import type { ResolvedBlock } from '@mosaico/contracts/reports';

export type Block<K extends ResolvedBlock['kind']> = Extract<ResolvedBlock, { kind: K }>;
export type ChartBlock = Block<'chart'>;
export type MapBlock = Block<'map'>;

/** The anchor of a chapter or block in the HTML view (the table of contents links to chapters). */
export const anchorOf = (key: string) => `rep-${key}`;

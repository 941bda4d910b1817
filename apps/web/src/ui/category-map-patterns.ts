/** Fill patterns that tell map categories apart without colour; the map and its legend draw the same ones. */
export type MapPattern = 'none' | 'diagonal' | 'dots' | 'horizontal';

export interface MapCategory {
  key: string;
  label: string;
  color: string;
  pattern: MapPattern;
  /** The colour of the pattern's marks: light on dark fills, dark on light ones. */
  patternColor?: string;
}

/** ECharts decal options for a pattern (sizes in px of one tile). */
export function decalOf(pattern: MapPattern, color = 'rgba(255,255,255,0.85)') {
  switch (pattern) {
    case 'diagonal':
      return { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: -Math.PI / 4, color };
    case 'horizontal':
      return { symbol: 'rect', symbolSize: 1, dashArrayX: [1, 0], dashArrayY: [2, 4], rotation: 0, color };
    case 'dots':
      return { symbol: 'circle', symbolSize: 0.7, dashArrayX: [[3, 3], [0, 3, 3, 0]], dashArrayY: [3, 0], color };
    default:
      return undefined;
  }
}

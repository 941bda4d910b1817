import type { MapCategory } from '../../ui/CategoryMapView.tsx';
import type { SubmissionStatus } from './api.ts';

/**
 * How each status is drawn on the map: a colour close to its badge and, for all but the two plain ones
 * (light grey draft, dark green approved, told apart by lightness), a pattern, so no status rests on hue alone.
 */
export const STATUS_STYLE: Record<SubmissionStatus, Omit<MapCategory, 'key' | 'label'>> = {
  draft: { color: '#c5ced8', pattern: 'none' },
  submitted: { color: '#0066cc', pattern: 'diagonal' },
  returned: { color: '#f0a030', pattern: 'dots', patternColor: 'rgba(26,26,26,0.75)' },
  approved: { color: '#008055', pattern: 'none' },
  locked: { color: '#1f3a57', pattern: 'horizontal' },
};

/** Provinces with no submission in the selection. */
export const OTHER_STYLE: Omit<MapCategory, 'key' | 'label'> = { color: '#f2f4f6', pattern: 'none' };

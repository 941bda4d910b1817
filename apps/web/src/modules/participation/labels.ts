import { useTranslation } from 'react-i18next';

/**
 * An event kind's label: the events module's (events.kinds.*) once it is there, else this area's own
 * (participation.eventKinds.*), so the two can be merged in either order.
 */
export function useEventKindLabel() {
  const { t } = useTranslation();
  return (kind: string) => t(`events.kinds.${kind}`, { defaultValue: t(`participation.eventKinds.${kind}`) });
}

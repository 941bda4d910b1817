import type { I18nText } from '@mosaico/form-engine/definition';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** Picks a definition text in the interface language (English when given, Italian otherwise). */
export function useLocalText() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return useCallback((text: I18nText | undefined): string => (text ? (en && text.en ? text.en : text.it) : ''), [en]);
}

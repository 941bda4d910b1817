import type { I18nText } from '@mosaico/form-engine/definition';
import { type ReactNode, useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A definition text to show: English when the interface is in English and the form has it; otherwise the
 * Italian text, marked lang="it" inside an English page so screen readers pronounce it right (WCAG 3.1.2).
 */
export function useLocalNode() {
  const { i18n } = useTranslation();
  const en = i18n.language === 'en';
  return useCallback(
    (text: I18nText | undefined): ReactNode => {
      if (!text) return null;
      if (!en) return text.it;
      return text.en ? text.en : <span lang="it">{text.it}</span>;
    },
    [en],
  );
}

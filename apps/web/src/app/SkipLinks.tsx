import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

const FOCUSABLE = 'a[href], button:not([disabled]), [tabindex]:not([tabindex="-1"])';

function isVisible(el: HTMLElement) {
  return el.offsetParent !== null || el.getClientRects().length > 0;
}

/** "Vai al contenuto principale" and "Vai al menu": move focus without changing the address. */
export function SkipLinks({ hasMenu }: { hasMenu: boolean }) {
  const { t } = useTranslation();
  const toMain = (e: MouseEvent) => {
    e.preventDefault();
    document.getElementById('main-content')?.focus();
  };
  const toMenu = (e: MouseEvent) => {
    e.preventDefault();
    const nav = document.getElementById('main-menu');
    const first = nav ? [...nav.querySelectorAll<HTMLElement>(FOCUSABLE)].find(isVisible) : null;
    (first ?? nav)?.focus();
  };
  return (
    <div className="skiplinks">
      {/* biome-ignore lint/a11y/useValidAnchor: a skip link is a real in-page link; the handler only moves focus reliably */}
      <a className="visually-hidden-focusable" href="#main-content" onClick={toMain}>
        {t('skip.main')}
      </a>
      {hasMenu && (
        // biome-ignore lint/a11y/useValidAnchor: a skip link is a real in-page link; the handler only moves focus reliably
        <a className="visually-hidden-focusable" href="#main-menu" onClick={toMenu}>
          {t('skip.menu')}
        </a>
      )}
    </div>
  );
}

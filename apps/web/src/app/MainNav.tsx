import { type KeyboardEvent, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import type { Me } from '../modules/auth/api.ts';
import { Icon } from '../ui/Icon.tsx';
import { menuFor } from './menu.ts';

/** Bootstrap Italia's navbar; below the lg breakpoint it is an off-canvas panel opened by the burger button. */
export function MainNav({ me }: { me: Me }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const { pathname } = useLocation();
  const toggler = useRef<HTMLButtonElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLDivElement>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page closes the menu
  useEffect(() => setOpen(false), [pathname]);
  useEffect(() => {
    if (open) closeButton.current?.focus();
  }, [open]);

  const close = () => {
    setOpen(false);
    toggler.current?.focus();
  };
  // While the panel is open, Escape closes it and Tab stays inside it.
  const onKeyDown = (e: KeyboardEvent) => {
    if (!open) return;
    if (e.key === 'Escape') close();
    if (e.key !== 'Tab' || !panel.current) return;
    const items = [...panel.current.querySelectorAll<HTMLElement>('a[href], button')];
    const first = items[0];
    const last = items[items.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div className="it-header-navbar-wrapper">
      <div className="container">
        <div className="row">
          <div className="col-12">
            {open && (
              // biome-ignore lint/a11y/useKeyWithClickEvents lint/a11y/noStaticElementInteractions: a click on the dimmed page closes the panel; Escape and the close button do the same by keyboard
              <div className="navbar-backdrop fade show" onClick={close} />
            )}
            <nav className="navbar navbar-expand-lg" aria-label={t('nav.main')} id="main-menu" tabIndex={-1}>
              <button ref={toggler} className="custom-navbar-toggler" type="button" aria-controls="main-nav" aria-expanded={open} onClick={() => setOpen(true)}>
                <Icon name="burger" />
                <span className="visually-hidden">{t('nav.open')}</span>
              </button>
              {/* biome-ignore lint/a11y/noStaticElementInteractions: key handling for the open off-canvas panel */}
              <div
                ref={panel}
                className={`navbar-collapsable${open ? ' expanded' : ''}`}
                id="main-nav"
                style={open ? { display: 'block' } : undefined}
                onKeyDown={onKeyDown}
              >
                <div className="close-div">
                  <button ref={closeButton} className="btn close-menu" type="button" onClick={close}>
                    <span className="visually-hidden">{t('nav.close')}</span>
                    <Icon name="close-big" />
                  </button>
                </div>
                <div className="menu-wrapper">
                  <ul className="navbar-nav">
                    <li className="nav-item">
                      <NavLink className="nav-link" to="/" end>
                        <span>{t('nav.home')}</span>
                      </NavLink>
                    </li>
                    {menuFor(me, 'main').map((m) => (
                      <li key={m.to} className="nav-item">
                        <NavLink className="nav-link" to={m.to}>
                          <span>{t(m.label)}</span>
                        </NavLink>
                      </li>
                    ))}
                    {menuFor(me, 'admin').length > 0 && (
                      <li className="nav-item">
                        <NavLink className="nav-link" to="/amministrazione">
                          <span>{t('nav.admin')}</span>
                        </NavLink>
                      </li>
                    )}
                  </ul>
                </div>
              </div>
            </nav>
          </div>
        </div>
      </div>
    </div>
  );
}

import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type Language, switchLanguage } from '../i18n/index.ts';
import { useLogout, useSession } from '../modules/auth/api.ts';
import { Dropdown } from '../ui/Dropdown.tsx';
import { useFlash } from '../ui/Flash.tsx';
import { Icon } from '../ui/Icon.tsx';
import { Logo } from './Logo.tsx';
import { MainNav } from './MainNav.tsx';

function LanguageMenu() {
  const { t, i18n } = useTranslation();
  const current = i18n.language === 'en' ? 'en' : 'it';
  const choose = (lang: Language, close: () => void) => {
    close();
    void switchLanguage(lang);
  };
  return (
    <Dropdown
      className="nav-item language-menu"
      buttonClassName="btn btn-link nav-link text-white"
      label={
        <>
          <span className="visually-hidden">{t('header.language')}: </span>
          <span>{current.toUpperCase()}</span>
          <Icon name="expand" size="sm" color="white" className="ms-1" />
        </>
      }
    >
      {(close) =>
        (['it', 'en'] as const).map((lang) => (
          <li key={lang}>
            <button type="button" className="dropdown-item list-item dropdown-button" lang={lang} aria-current={lang === current ? 'true' : undefined} onClick={() => choose(lang, close)}>
              <span>{lang === 'it' ? 'Italiano' : 'English'}</span>
            </button>
          </li>
        ))
      }
    </Dropdown>
  );
}

function UserMenu({ name }: { name: string }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  const flash = useFlash();
  const signOut = async (close: () => void) => {
    close();
    try {
      await logout.mutateAsync();
    } finally {
      flash.show(t('auth.signedOut'), { path: '/accesso', variant: 'info' });
      navigate('/accesso');
    }
  };
  return (
    <Dropdown
      className="it-user-wrapper"
      buttonClassName="btn btn-primary btn-icon btn-full user-menu-button"
      label={
        <>
          <span className="rounded-icon">
            <Icon name="user" color="primary" />
          </span>
          <span className="visually-hidden">{t('header.userMenu')}: </span>
          <span className="d-none d-md-inline">{name}</span>
          <Icon name="expand" color="white" className="d-none d-md-inline" />
        </>
      }
    >
      {(close) => (
        <>
          <li className="d-md-none px-3 py-2 fw-semibold">{name}</li>
          <li>
            <Link className="dropdown-item list-item" to="/profilo" onClick={close}>
              <span>{t('nav.profile')}</span>
            </Link>
          </li>
          <li>
            <span className="divider" />
          </li>
          <li>
            <button type="button" className="dropdown-item list-item dropdown-button" onClick={() => signOut(close)}>
              <span>{t('header.signOut')}</span>
            </button>
          </li>
        </>
      )}
    </Dropdown>
  );
}

export function Header() {
  const { t } = useTranslation();
  const session = useSession();
  const me = session.data?.me ?? null;
  return (
    <header className="it-header-wrapper">
      <div className="it-header-slim-wrapper">
        <div className="container">
          <div className="row">
            <div className="col-12">
              <div className="it-header-slim-wrapper-content">
                <span className="navbar-brand owner-line">{t('app.owner')}</span>
                <div className="it-header-slim-right-zone">
                  <LanguageMenu />
                  {me ? (
                    <UserMenu name={me.name} />
                  ) : (
                    <div className="it-access-top-wrapper">
                      <Link className="btn btn-primary btn-sm" to="/accesso">
                        {t('header.signIn')}
                      </Link>
                    </div>
                  )}
                </div>
              </div>
            </div>
          </div>
        </div>
      </div>
      <div className="it-nav-wrapper">
        <div className="it-header-center-wrapper">
          <div className="container">
            <div className="row">
              <div className="col-12">
                <div className="it-header-center-content-wrapper">
                  <div className="it-brand-wrapper">
                    <Link to="/">
                      <Logo />
                      <div className="it-brand-text">
                        <div className="it-brand-title">Mosaico</div>
                        <div className="it-brand-tagline d-none d-md-block">{t('app.tagline')}</div>
                      </div>
                    </Link>
                  </div>
                </div>
              </div>
            </div>
          </div>
        </div>
        {me && <MainNav me={me} />}
      </div>
    </header>
  );
}

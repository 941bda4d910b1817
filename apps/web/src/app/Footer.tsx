import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Logo } from './Logo.tsx';

export function Footer() {
  const { t } = useTranslation();
  return (
    <footer className="it-footer" id="footer">
      <div className="it-footer-main">
        <div className="container">
          <div className="row py-4">
            <div className="col-12 col-md-6 mb-3">
              <div className="it-brand-wrapper p-0 mb-3">
                <Link to="/">
                  <Logo />
                  <div className="it-brand-text">
                    <div className="it-brand-title">Mosaico</div>
                    <div className="it-brand-tagline">{t('app.tagline')}</div>
                  </div>
                </Link>
              </div>
              <p className="mb-0">{t('app.owner')}</p>
            </div>
            <div className="col-12 col-md-6">
              <p className="footer-heading fw-semibold mb-1">{t('footer.dataTitle')}</p>
              <p className="mb-0">{t('footer.attribution')}</p>
            </div>
          </div>
        </div>
      </div>
      <div className="it-footer-small-prints clearfix">
        <div className="container">
          <ul className="it-footer-small-prints-list list-inline mb-0 d-flex flex-column flex-md-row">
            <li className="list-inline-item">
              <Link to="/accessibilita">{t('footer.accessibility')}</Link>
            </li>
            <li className="list-inline-item">
              <Link to="/portale/monografie">{t('reports.public.footerLink')}</Link>
            </li>
            <li className="list-inline-item">
              <Link to="/attestati/verifica">{t('attendance.verify.footerLink')}</Link>
            </li>
            <li className="list-inline-item">
              <Link to="/aderisci">{t('associations.joinLink')}</Link>
            </li>
            <li className="list-inline-item">
              <a href="/api/docs">{t('footer.apiDocs')}</a>
            </li>
          </ul>
        </div>
      </div>
    </footer>
  );
}

import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { Breadcrumb } from '../ui/Breadcrumb.tsx';
import { PageTitle } from '../ui/PageTitle.tsx';

const SECTIONS = ['status', 'nonAccessible', 'preparation', 'feedback', 'enforcement'] as const;

/** The accessibility statement (Dichiarazione di accessibilità), structured as AgID's model. */
export function AccessibilityPage() {
  const { t } = useTranslation();
  return (
    <>
      <Breadcrumb items={[{ label: t('a11y.title') }]} />
      <div className="row">
        <div className="col-12 col-lg-9">
          <PageTitle title={t('a11y.title')} lead={t('a11y.lead')} />
          {SECTIONS.map((s) => (
            <section key={s} aria-labelledby={`a11y-${s}`} className="mb-4">
              <h2 id={`a11y-${s}`} className="h4">
                {t(`a11y.${s}.title`)}
              </h2>
              {(t(`a11y.${s}.paragraphs`, { returnObjects: true }) as string[]).map((p) => (
                <p key={p}>{p}</p>
              ))}
            </section>
          ))}
          <p>
            <a href="https://www.agid.gov.it/it/design-servizi/accessibilita" rel="noreferrer">
              {t('a11y.agidLink')}
            </a>
          </p>
          <Link to="/">{t('notFound.home')}</Link>
        </div>
      </div>
    </>
  );
}

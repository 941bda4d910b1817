import type { Me } from '../modules/auth/api.ts';
import { can, isNationalAdmin } from '../modules/auth/permissions.ts';
import { canReadReports } from '../modules/reports/reach.ts';

export interface MenuItem {
  to: string;
  /** i18n key of the label. */
  label: string;
  /** i18n key of the one-line description on the home page. */
  description: string;
  icon: string;
  /**
   * Where the entry shows besides the home page's shortcuts: 'main' in the header's menu (which must fit one line),
   * 'admin' on the administration page, 'home' nowhere else (reached from the home page and from related pages).
   */
  group: 'main' | 'admin' | 'home';
  visible: (me: Me) => boolean;
}

const always = () => true;

/** The main menu, by role: entries a user cannot use are not shown (the API refuses them anyway). */
export const MENU: MenuItem[] = [
  // Reference data, used less often than the work below: the header's menu keeps one line, so it is reached from the
  // home page and from the councils page.
  { to: '/territori', label: 'nav.territories', description: 'home.shortcuts.territories', icon: 'map-marker', group: 'home', visible: always },
  { to: '/consigli', label: 'nav.councils', description: 'home.shortcuts.councils', icon: 'pa', group: 'main', visible: always },
  { to: '/organizzazioni', label: 'nav.organizations', description: 'home.shortcuts.organizations', icon: 'box', group: 'main', visible: always },
  { to: '/moduli', label: 'nav.forms', description: 'home.shortcuts.forms', icon: 'file', group: 'main', visible: always },
  { to: '/campagne', label: 'nav.campaigns', description: 'home.shortcuts.campaigns', icon: 'files', group: 'main', visible: can.viewCampaigns },
  { to: '/analisi', label: 'analysis.nav', description: 'analysis.shortcut', icon: 'chart-line', group: 'main', visible: always },
  { to: '/monografie', label: 'reports.nav', description: 'reports.navDescription', icon: 'files', group: 'main', visible: canReadReports },
  // The hub of events, associations, working groups, questionnaires and the programme's targets.
  { to: '/partecipazione', label: 'participation.nav', description: 'participation.navDescription', icon: 'user', group: 'main', visible: always },
  // The header's menu has no room left: reached from the home page and from the analysis page.
  { to: '/basi-dati', label: 'dataSources.nav', description: 'dataSources.navDescription', icon: 'chart-line', group: 'home', visible: always },
  // The header's menu has no room left: reached from the home page and from the reports page.
  { to: '/documentazione', label: 'library.nav', description: 'library.navDescription', icon: 'files', group: 'home', visible: always },
  { to: '/statistiche/importa', label: 'imports.nav', description: 'imports.navDescription', icon: 'upload', group: 'admin', visible: isNationalAdmin },
  { to: '/monografie/modelli', label: 'reports.templates.nav', description: 'reports.templates.navDescription', icon: 'file', group: 'admin', visible: isNationalAdmin },
  { to: '/utenti', label: 'nav.users', description: 'home.shortcuts.users', icon: 'user', group: 'admin', visible: can.manageUsers },
  { to: '/registro-attivita', label: 'nav.audit', description: 'home.shortcuts.audit', icon: 'list', group: 'admin', visible: can.viewAudit },
  { to: '/posta-in-uscita', label: 'nav.outbox', description: 'home.shortcuts.outbox', icon: 'mail', group: 'admin', visible: can.viewOutbox },
];

export function menuFor(me: Me | null | undefined, group?: MenuItem['group']): MenuItem[] {
  return me ? MENU.filter((m) => m.visible(me) && (!group || m.group === group)) : [];
}

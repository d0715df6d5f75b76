/** The console's sections (links into the URL fragment) and, when the agent has several, the site switcher. */
import type { AgentRole, SiteSummary } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import { useI18n } from './i18n.ts';
import { ADMIN_PAGES, PAGES, type Page, type Route, routeHash, SITE_PAGES } from './routes.ts';

const PAGE_KEYS: Record<Page, ConsoleKey> = {
  conversations: 'navConversations',
  faq: 'navFaq',
  unanswered: 'navUnanswered',
  reports: 'navReports',
  settings: 'navBotSettings',
  appearance: 'navAppearance',
  sites: 'navSites',
  agents: 'navAgents',
  profile: 'navProfile',
  outbox: 'navOutbox',
  contacts: 'navContacts',
  routing: 'navRouting',
  canned: 'navCanned',
  search: 'navSearch',
  'api-tokens': 'navApiTokens',
  webhooks: 'navWebhooks',
};

/** The sections an agent of this role sees. */
export const pagesFor = (role: AgentRole): Page[] =>
  PAGES.filter((page) => role === 'admin' || !ADMIN_PAGES.includes(page));

type Props = {
  route: Route;
  role: AgentRole;
  onNavigate(route: Route): void;
  sites: readonly SiteSummary[];
  siteId: string | null;
  onSite(siteId: string): void;
};

export function NavBar({ route, role, onNavigate, sites, siteId, onSite }: Props) {
  const { t } = useI18n();
  return (
    <>
      <nav class="nav" aria-label={t('navLabel')}>
        {pagesFor(role).map((page) => {
          const target: Route = { page, faqId: null };
          const current = route.page === page;
          return (
            <a
              key={page}
              class={`nav__link${current ? ' nav__link--current' : ''}`}
              href={routeHash(target)}
              aria-current={current ? 'page' : undefined}
              onClick={(e) => {
                e.preventDefault();
                onNavigate(target);
              }}
            >
              {t(PAGE_KEYS[page])}
            </a>
          );
        })}
      </nav>
      {sites.length > 1 && SITE_PAGES.includes(route.page) && (
        <label class="header__site">
          <span>{t('siteLabel')}</span>
          <select value={siteId ?? ''} onChange={(e) => onSite(e.currentTarget.value)}>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.archived ? t('siteArchivedOption', { name: site.name }) : site.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}

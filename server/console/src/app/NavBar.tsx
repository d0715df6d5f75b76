/** The console's sections (links into the URL fragment) and, when the agent has several, the site picker. */
import type { AgentProfile } from '@frontdesk/shared';
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import { useI18n } from './i18n.ts';
import { PAGES, type Page, type Route, routeHash } from './routes.ts';

const PAGE_KEYS: Record<Page, ConsoleKey> = {
  conversations: 'navConversations',
  faq: 'navFaq',
  unanswered: 'navUnanswered',
  settings: 'navBotSettings',
};

type Props = {
  route: Route;
  onNavigate(route: Route): void;
  sites: AgentProfile['sites'];
  siteId: string | null;
  onSite(siteId: string): void;
};

export function NavBar({ route, onNavigate, sites, siteId, onSite }: Props) {
  const { t } = useI18n();
  return (
    <>
      <nav class="nav" aria-label={t('navLabel')}>
        {PAGES.map((page) => {
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
      {sites.length > 1 && route.page !== 'conversations' && (
        <label class="header__site">
          <span>{t('siteLabel')}</span>
          <select value={siteId ?? ''} onChange={(e) => onSite(e.currentTarget.value)}>
            {sites.map((site) => (
              <option key={site.id} value={site.id}>
                {site.name}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}

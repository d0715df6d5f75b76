/**
 * The signed-in console: the header with its sections, the chosen site, and the page on screen. The
 * conversations workspace stays mounted behind the other pages so the socket, badges and chimes keep going.
 */
import type { AgentProfile, Locale, SiteSummary } from '@frontdesk/shared';
import { useStore } from '@frontdesk/shared/preact';
import { useCallback, useEffect, useMemo, useState } from 'preact/hooks';
import { AgentsPage } from '../agents/AgentsPage.tsx';
import { ApiTokensPage } from '../api-access/ApiTokensPage.tsx';
import { WebhooksPage } from '../api-access/WebhooksPage.tsx';
import { AttentionSection } from '../attention/AttentionSection.tsx';
import { useAttention } from '../attention/use-attention.ts';
import { CannedPage } from '../canned/CannedPage.tsx';
import { ContactsPage } from '../contacts/ContactsPage.tsx';
import { ContactChangesContext, createContactChanges } from '../contacts/contact-changes.ts';
import { Workspace } from '../conversations/Workspace.tsx';
import { FaqPage } from '../faq/FaqPage.tsx';
import { OutboxPage } from '../mail/OutboxPage.tsx';
import { PresenceSwitch } from '../presence/PresenceSwitch.tsx';
import { createPresenceStore } from '../presence/presence-store.ts';
import { ProfilePage } from '../profile/ProfilePage.tsx';
import { ReportsPage } from '../reports/ReportsPage.tsx';
import { RoutingContext, type RoutingContextValue } from '../routing/context.ts';
import { RoutingPage } from '../routing/RoutingPage.tsx';
import { createRoutingStore } from '../routing/routing-store.ts';
import { TransferNotices } from '../routing/TransferNotices.tsx';
import { searchTarget, textKey, viewKey } from '../search/filters.ts';
import { SearchPage } from '../search/SearchPage.tsx';
import { SearchSidebar } from '../search/SearchSidebar.tsx';
import type { MatchHighlight } from '../search/use-match-highlight.ts';
import { createViewsStore } from '../search/views-store.ts';
import { BotSettingsPage } from '../settings/BotSettingsPage.tsx';
import { EmptyState } from '../shared/EmptyState.tsx';
import { useLoad } from '../shared/use-load.ts';
import { AppearancePage } from '../sites/AppearancePage.tsx';
import { SitesPage } from '../sites/SitesPage.tsx';
import { UnansweredPage } from '../unanswered/UnansweredPage.tsx';
import type { ConsoleClient } from './client.ts';
import { loadSiteChoice, resolveSite, saveSiteChoice, switchableSites } from './current-site.ts';
import { Header } from './Header.tsx';
import { useI18n } from './i18n.ts';
import { NavBar } from './NavBar.tsx';
import type { Notifier } from './notifier.ts';
import { ADMIN_PAGES } from './routes.ts';
import { applyTheme, loadTheme, saveTheme, type Theme } from './theme.ts';
import { useRoute } from './use-route.ts';

type Props = {
  client: ConsoleClient;
  agent: AgentProfile;
  notifier: Notifier;
  onLocale(locale: Locale): void;
  onLogout(): void;
  onSessionEnded(): void;
  /** The signed-in agent changed their own profile. */
  onAgent(agent: AgentProfile): void;
  retryDelayMs?: (attempt: number) => number;
};

/** The profile's sites, as a list until the server's comes (or when it cannot be had). */
const profileSites = (agent: AgentProfile): SiteSummary[] =>
  agent.sites.map((s) => ({ ...s, archived: false, createdAt: '' }));

export function Shell(props: Props) {
  const { client, agent, notifier, onLocale, onLogout, onSessionEnded, onAgent, retryDelayMs } = props;
  const { t } = useI18n();
  const [route, navigate] = useRoute();
  const isAdmin = agent.role === 'admin';
  const sitesLoad = useLoad('sites', () => client.listSites(), onSessionEnded);
  const sites = sitesLoad.state.data ?? profileSites(agent);
  const [wanted, setWanted] = useState<string | null>(loadSiteChoice);
  const siteId = resolveSite(sites, wanted);
  const offered = useMemo(() => switchableSites(sites, siteId), [sites, siteId]);
  const site = sites.find((s) => s.id === siteId) ?? null;
  // Issue 10 (presence): the workspace's socket also carries the agent's status.
  // Issue 14: the status kept by the server for this agent (a stored Away) shows at once.
  const presence = useMemo(() => createPresenceStore(agent.id), [agent.id]);
  // Issue 12: and `contact:updated` for the contact panel and the Contacts page.
  const contactChanges = useMemo(() => createContactChanges(), []);
  // Issue 14 (routing): transfers go out and their notices come in on the same socket.
  const routing = useMemo(() => createRoutingStore(), []);
  const workspaceClient = useMemo(
    () => routing.wrap(contactChanges.wrap(presence.wrap(client))),
    [routing, contactChanges, presence, client],
  );
  const presenceState = useStore(presence);
  const routingContext = useMemo<RoutingContextValue>(
    () => ({ store: routing, api: client, presence: presenceState.team }),
    [routing, client, presenceState.team],
  );
  // Issue 14: the agent's alert switches, stored with their profile.
  const attention = useAttention(client, onSessionEnded);
  const chooseSite = useCallback((id: string) => {
    setWanted(id);
    saveSiteChoice(id);
  }, []);
  // Issue 12: a past conversation opened from a contact shows in the workspace.
  const [openRequest, setOpenRequest] = useState<{
    id: string;
    n: number;
    highlight?: MatchHighlight | null;
  } | null>(null);
  const openConversation = useCallback(
    (id: string, highlight: MatchHighlight | null = null) => {
      setOpenRequest((r) => ({ id, n: (r?.n ?? 0) + 1, highlight }));
      navigate({ page: 'conversations', faqId: null });
    },
    [navigate],
  );
  // Issue 14: the agent's saved views, shared by the list's sidebar and the search page.
  const views = useMemo(() => createViewsStore(client), [client]);
  useEffect(() => {
    void views.load();
  }, [views]);
  const openSearch = useCallback(
    (searchKey: string | null) => navigate({ page: 'search', faqId: null, searchKey }),
    [navigate],
  );

  // Issue 14: light, dark or the system's, per agent in this browser; back to the system's on logout.
  const [theme, setTheme] = useState<Theme>(() => loadTheme(agent.id));
  useEffect(() => {
    applyTheme(theme);
    return () => applyTheme('system');
  }, [theme]);
  const chooseTheme = useCallback(
    (next: Theme) => {
      setTheme(next);
      saveTheme(agent.id, next);
    },
    [agent.id],
  );

  let page: preact.JSX.Element | null = null;
  if (route.page === 'conversations') {
    page = null;
  } else if (ADMIN_PAGES.includes(route.page) && !isAdmin) {
    page = (
      <main class="page">
        <EmptyState icon="people" title={t('errorAdminOnly')} />
      </main>
    );
  } else if (route.page === 'search') {
    page = (
      <SearchPage
        api={client}
        views={views}
        sites={sites}
        meId={agent.id}
        target={searchTarget(route.searchKey)}
        onView={(view) => openSearch(viewKey(view.id))}
        onOpenConversation={(hit, terms) =>
          openConversation(
            hit.conversation.id,
            hit.match ? { conversationId: hit.conversation.id, seq: hit.match.seq, terms } : null,
          )
        }
        onSessionEnded={onSessionEnded}
      />
    );
  } else if (route.page === 'profile') {
    page = (
      <ProfilePage client={client} agent={agent} onAgent={onAgent} onSessionEnded={onSessionEnded}>
        <AttentionSection attention={attention} />
      </ProfilePage>
    );
  } else if (route.page === 'agents') {
    page = (
      <AgentsPage
        client={client}
        sites={sites}
        selfId={agent.id}
        onSessionEnded={onSessionEnded}
        presence={presenceState.team}
      />
    );
  } else if (route.page === 'outbox') {
    page = <OutboxPage client={client} onSessionEnded={onSessionEnded} />;
  } else if (route.page === 'api-tokens') {
    page = <ApiTokensPage client={client} sites={sites} onSessionEnded={onSessionEnded} />;
  } else if (route.page === 'webhooks') {
    page = <WebhooksPage client={client} sites={sites} onSessionEnded={onSessionEnded} />;
  } else if (route.page === 'sites') {
    page = (
      <SitesPage
        client={client}
        onSessionEnded={onSessionEnded}
        onChanged={() => void sitesLoad.reload()}
        onAppearance={(id) => {
          chooseSite(id);
          navigate({ page: 'appearance', faqId: null });
        }}
      />
    );
  } else if (!siteId || !site) {
    page = (
      <main class="page">
        <EmptyState icon="globe" title={t('noSites')} />
      </main>
    );
  } else if (route.page === 'contacts') {
    page = (
      <ContactsPage
        key={siteId}
        client={client}
        siteId={siteId}
        siteName={site.name}
        contactId={route.contactId ?? null}
        onContact={(contactId) => navigate({ page: 'contacts', faqId: null, contactId })}
        onOpenConversation={openConversation}
        onSessionEnded={onSessionEnded}
      />
    );
  } else if (route.page === 'faq') {
    page = (
      <FaqPage
        key={siteId}
        client={client}
        siteId={siteId}
        canEdit={isAdmin}
        focusId={route.faqId}
        onFocus={(faqId) => navigate({ page: 'faq', faqId })}
        onSessionEnded={onSessionEnded}
      />
    );
  } else if (route.page === 'canned') {
    page = (
      <CannedPage
        key={siteId}
        client={client}
        siteId={siteId}
        agent={agent}
        onSessionEnded={onSessionEnded}
      />
    );
  } else if (route.page === 'unanswered') {
    page = (
      <UnansweredPage
        key={siteId}
        client={client}
        siteId={siteId}
        canEdit={isAdmin}
        onSessionEnded={onSessionEnded}
      />
    );
  } else if (route.page === 'routing') {
    page = (
      <RoutingPage
        key={siteId}
        client={client}
        siteId={siteId}
        siteName={site.name}
        onSessionEnded={onSessionEnded}
      />
    );
  } else if (route.page === 'reports') {
    page = (
      <ReportsPage
        key={siteId}
        client={client}
        siteId={siteId}
        siteName={site.name}
        onSessionEnded={onSessionEnded}
      />
    );
  } else if (route.page === 'appearance') {
    page = <AppearancePage key={siteId} client={client} siteId={siteId} onSessionEnded={onSessionEnded} />;
  } else {
    page = (
      <BotSettingsPage
        key={siteId}
        client={client}
        siteId={siteId}
        canEdit={isAdmin}
        onSessionEnded={onSessionEnded}
      />
    );
  }

  return (
    <ContactChangesContext.Provider value={contactChanges}>
      <RoutingContext.Provider value={routingContext}>
        <div class="shell">
          <Header
            agentName={agent.name}
            avatarColor={agent.avatarColor ?? null}
            avatarUrl={agent.avatarUrl ?? null}
            theme={theme}
            onTheme={chooseTheme}
            presence={<PresenceSwitch store={presence} />}
            nav={
              <NavBar
                route={route}
                role={agent.role}
                onNavigate={navigate}
                sites={offered}
                siteId={siteId}
                onSite={chooseSite}
              />
            }
            onLocale={onLocale}
            onLogout={onLogout}
          />
          <Workspace
            client={workspaceClient}
            agent={agent}
            notifier={notifier}
            hidden={route.page !== 'conversations'}
            onSessionEnded={onSessionEnded}
            openRequest={openRequest}
            attention={attention.prefs}
            listTop={
              <SearchSidebar
                views={views}
                onSearch={(q) => openSearch(q ? textKey(q) : null)}
                onView={(view) => openSearch(viewKey(view.id))}
              />
            }
            {...(retryDelayMs ? { retryDelayMs } : {})}
          />
          {page}
          <TransferNotices store={routing} onOpen={openConversation} />
        </div>
      </RoutingContext.Provider>
    </ContactChangesContext.Provider>
  );
}

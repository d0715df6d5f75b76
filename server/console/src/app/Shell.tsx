/**
 * The signed-in console: the header with its sections, the chosen site, and the page on screen. The
 * conversations workspace stays mounted behind the other pages so the socket, badges and chimes keep going.
 */
import type { AgentProfile, Locale } from '@frontdesk/shared';
import { useState } from 'preact/hooks';
import { Workspace } from '../conversations/Workspace.tsx';
import { FaqPage } from '../faq/FaqPage.tsx';
import { BotSettingsPage } from '../settings/BotSettingsPage.tsx';
import { UnansweredPage } from '../unanswered/UnansweredPage.tsx';
import type { ConsoleClient } from './client.ts';
import { Header } from './Header.tsx';
import { useI18n } from './i18n.ts';
import { NavBar } from './NavBar.tsx';
import type { Notifier } from './notifier.ts';
import { useRoute } from './use-route.ts';

type Props = {
  client: ConsoleClient;
  agent: AgentProfile;
  notifier: Notifier;
  onLocale(locale: Locale): void;
  onLogout(): void;
  onSessionEnded(): void;
  retryDelayMs?: (attempt: number) => number;
};

export function Shell({ client, agent, notifier, onLocale, onLogout, onSessionEnded, retryDelayMs }: Props) {
  const { t } = useI18n();
  const [route, navigate] = useRoute();
  const [siteId, setSiteId] = useState<string | null>(agent.sites[0]?.id ?? null);
  const canEdit = agent.role === 'admin';

  let page: preact.JSX.Element | null = null;
  if (route.page !== 'conversations') {
    if (!siteId) {
      page = <p class="placeholder">{t('noSites')}</p>;
    } else if (route.page === 'faq') {
      page = (
        <FaqPage
          key={siteId}
          client={client}
          siteId={siteId}
          canEdit={canEdit}
          focusId={route.faqId}
          onFocus={(faqId) => navigate({ page: 'faq', faqId })}
          onSessionEnded={onSessionEnded}
        />
      );
    } else if (route.page === 'unanswered') {
      page = (
        <UnansweredPage
          key={siteId}
          client={client}
          siteId={siteId}
          canEdit={canEdit}
          onSessionEnded={onSessionEnded}
        />
      );
    } else {
      page = (
        <BotSettingsPage
          key={siteId}
          client={client}
          siteId={siteId}
          canEdit={canEdit}
          onSessionEnded={onSessionEnded}
        />
      );
    }
  }

  return (
    <div class="shell">
      <Header
        agentName={agent.name}
        nav={
          <NavBar
            route={route}
            onNavigate={navigate}
            sites={agent.sites}
            siteId={siteId}
            onSite={setSiteId}
          />
        }
        onLocale={onLocale}
        onLogout={onLogout}
      />
      <Workspace
        client={client}
        agent={agent}
        notifier={notifier}
        hidden={route.page !== 'conversations'}
        onSessionEnded={onSessionEnded}
        {...(retryDelayMs ? { retryDelayMs } : {})}
      />
      {page}
    </div>
  );
}

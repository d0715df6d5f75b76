/**
 * Issue 14: what the reply box's `/` offers for the open conversation — its site's canned responses
 * (loaded per site, again whenever the workspace comes back into view) and the values of the variables.
 */
import type { AgentConversation, AgentProfile, CannedResponse } from '@frontdesk/shared';
import { useEffect, useMemo, useState } from 'preact/hooks';
import type { CannedApi } from './api.ts';
import type { CannedSource } from './use-canned-picker.ts';

export function useCannedSource(
  client: Pick<CannedApi, 'listCanned'>,
  agent: AgentProfile,
  conversation: AgentConversation | null,
  hidden: boolean,
  onSessionEnded: () => void,
): CannedSource | undefined {
  const siteId = conversation?.siteId ?? null;
  const [loaded, setLoaded] = useState<{ siteId: string; responses: CannedResponse[] } | null>(null);
  useEffect(() => {
    if (!siteId || hidden) return;
    let live = true;
    void client.listCanned(siteId).then((result) => {
      if (!live) return;
      if (result.ok) setLoaded({ siteId, responses: result.data });
      else if (result.error.code === 'unauthorized') onSessionEnded();
      else console.warn('[console] loading canned responses failed', siteId, result.error);
    });
    return () => {
      live = false;
    };
  }, [client, siteId, hidden]);

  return useMemo(() => {
    if (!conversation) return undefined;
    const responses = loaded?.siteId === conversation.siteId ? loaded.responses : [];
    return {
      responses,
      lang: conversation.locale,
      values: {
        'visitor.name': conversation.visitor.name,
        'visitor.email': conversation.visitor.email,
        'agent.name': agent.name,
        'agent.email': agent.email,
        'site.name': agent.sites.find((s) => s.id === conversation.siteId)?.name ?? null,
        'page.url': conversation.page?.url ?? null,
        'page.title': conversation.page?.title ?? null,
      },
    };
  }, [conversation, loaded, agent]);
}

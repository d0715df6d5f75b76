/** Room names, written once: a visitor's sockets, a site's agents, a conversation's watchers. */
export const ROOMS = {
  visitor: (visitorId: string) => `v:${visitorId}`,
  siteAgents: (siteId: string) => `s:${siteId}`,
  conversation: (conversationId: string) => `c:${conversationId}`,
  agentSession: (tokenHash: string) => `x:${tokenHash}`,
  /** Issue 10 (presence): every visitor socket of a site (availability updates). */
  siteVisitors: (siteId: string) => `sv:${siteId}`,
  /** Issue 13: every socket of one agent (their read positions follow them across tabs). */
  agent: (agentId: string) => `a:${agentId}`,
  /** Issue 17: a site's agent sockets whose console shows the conversation list (message previews). */
  siteLists: (siteId: string) => `l:${siteId}`,
} as const;

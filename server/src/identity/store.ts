/** Identity records and their storage ports: agents (with their sites), agent sessions, visitors. */
import type { AgentRole } from '@frontdesk/shared';
import type { Site } from '../sites/store.ts';

export type Agent = {
  id: string;
  email: string;
  name: string;
  role: AgentRole;
  passwordHash: string;
  disabled: boolean;
  avatarColor: string | null;
  /** An uploaded avatar (`images` table), or none. */
  avatarImageId: string | null;
  /** Signed in with a generated password (first admin, reset) that must be replaced first. */
  mustChangePassword: boolean;
  createdAt: string;
};

export type AgentPatch = Partial<
  Pick<
    Agent,
    'name' | 'role' | 'passwordHash' | 'disabled' | 'avatarColor' | 'avatarImageId' | 'mustChangePassword'
  >
>;

export type Visitor = {
  id: string;
  siteId: string;
  name: string | null;
  email: string | null;
  verified: boolean;
  locale: string | null;
  userAgent: string | null;
  pageUrl: string | null;
  pageTitle: string | null;
  createdAt: string;
  lastSeenAt: string;
};

export type VisitorPatch = Partial<
  Pick<Visitor, 'locale' | 'userAgent' | 'pageUrl' | 'pageTitle'> &
    // E-mail as a channel (issue 10, mail; the offline form sets them too):
    Pick<Visitor, 'name' | 'email'>
>;

/** `agents` and `agent_sites`. */
export type AgentsStore = {
  createAgent(input: {
    email: string;
    name: string;
    role: AgentRole;
    passwordHash: string;
    siteIds: readonly string[];
    mustChangePassword?: boolean;
  }): Promise<Agent>;
  getAgent(id: string): Promise<Agent | null>;
  getAgentByEmail(email: string): Promise<Agent | null>;
  countAgents(): Promise<number>;
  listAgentSiteIds(agentId: string): Promise<string[]>;
  listSitesOfAgent(agentId: string): Promise<Site[]>;
  /** Changes an agent's account; null for an unknown id. */
  updateAgent(id: string, patch: AgentPatch): Promise<Agent | null>;
  /** Every agent, by e-mail. */
  listAgents(): Promise<Agent[]>;
  /** Replaces the sites an agent belongs to. */
  setAgentSites(agentId: string, siteIds: readonly string[]): Promise<void>;
  /** Admins who are not disabled. */
  countActiveAdmins(): Promise<number>;
};

/** `sessions`: agent sign-ins, by the hash of their token. */
export type SessionsStore = {
  createSession(input: { tokenHash: string; agentId: string; expiresAt: string }): Promise<void>;
  getSession(tokenHash: string): Promise<{ agentId: string; expiresAt: string } | null>;
  deleteSession(tokenHash: string): Promise<void>;
  /** Deletes every session of an agent (but `exceptTokenHash`); returns the token hashes deleted. */
  deleteAgentSessions(agentId: string, exceptTokenHash?: string): Promise<string[]>;
  /** Of these token hashes, the sessions still alive at `now`: present, unexpired, agent not disabled. */
  filterLiveSessions(tokenHashes: readonly string[], now: string): Promise<string[]>;
};

/** `visitors`: anonymous identities per site, by the hash of their token. */
export type VisitorsStore = {
  createVisitor(input: { siteId: string; tokenHash: string }): Promise<Visitor>;
  getVisitorByToken(siteId: string, tokenHash: string): Promise<Visitor | null>;
  updateVisitor(id: string, patch: VisitorPatch): Promise<void>;
  /** Issue 10: the name and e-mail a visitor gave on the leave-a-message form (unverified). */
  updateVisitorContact(id: string, contact: { name: string; email: string }): Promise<void>;
  // E-mail as a channel (issue 10, mail):
  /** A new token for the visitor (a signed e-mail link was opened); the old one stops working. */
  replaceVisitorToken(id: string, tokenHash: string): Promise<void>;
};

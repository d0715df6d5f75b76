/** Who is asking: what a request or socket carries once its handshake or session is checked. */
import type { Site } from '../sites/store.ts';
import type { Agent, Visitor } from './store.ts';

export type AgentContext = { agent: Agent; siteIds: readonly string[] };
export type VisitorContext = { visitor: Visitor; site: Site };

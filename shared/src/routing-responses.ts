/**
 * Issue 14 (routing): schemas the console reads routing replies and pushes with. Reached as
 * `@frontdesk/shared/routing-responses`, like `responses.ts`.
 */
import * as v from 'valibot';
import { AgentConversationSchema } from './responses.ts';
import { ROUTING_MODES } from './routing.ts';

const text = v.string();
const count = v.pipe(v.number(), v.integer(), v.minValue(0));

export const RoutingSettingsReplySchema = v.object({
  mode: v.picklist(ROUTING_MODES),
  defaultCapacity: count,
  offlineReturnMinutes: count,
});

export const RoutingOverviewSchema = v.object({
  settings: RoutingSettingsReplySchema,
  agents: v.array(v.object({ agentId: text, name: text, capacity: v.nullable(count), load: count })),
});

export const TeamSchema = v.object({ id: text, siteId: text, name: text, agentIds: v.array(text) });
export const TeamsSchema = v.array(TeamSchema);

/** `conversation:transferred`. */
export const TransferNoticeSchema = v.object({
  conversation: AgentConversationSchema,
  fromAgentName: text,
  teamName: v.nullable(text),
  note: v.nullable(text),
});

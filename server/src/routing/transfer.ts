/**
 * Issue 14 (routing): an agent hands their conversation to another agent or to a team, with an
 * optional private note. To an agent: only an online one with free capacity (checked atomically
 * with the change, as automatic routing does); the visitor sees "You are now talking to …". To a
 * team: the conversation waits in the queue for the team's members (automatic routing picks one
 * of them; by hand any agent may take it). The receiver(s) hear of it live.
 */
import type { AgentConversation, Message, TransferNotice } from '@frontdesk/shared';
import type { TransferInput } from '@frontdesk/shared/routing-schemas';
import type { ConversationAccess } from '../conversations/access.ts';
import type { Broadcaster } from '../conversations/ports.ts';
import type {
  ConversationRecord,
  ConversationsStore,
  MessagesStore,
  NewMessage,
} from '../conversations/store.ts';
import { toAgentConversation } from '../conversations/views.ts';
import type { AgentContext } from '../identity/context.ts';
import type { PresenceBook } from '../identity/presence.ts';
import { AppError } from '../kernel/errors.ts';
import type { SitesStore } from '../sites/store.ts';
import { siteCandidates } from './candidates.ts';
import { hasRoom } from './policy.ts';
import type { RoutingStore } from './store.ts';
import { systemEventMessage } from './system-event.ts';

export type TransferDeps = {
  store: Pick<ConversationsStore, 'updateConversation'> &
    Pick<MessagesStore, 'appendMessage'> &
    Pick<SitesStore, 'getSite'> &
    Pick<RoutingStore, 'routingAgents' | 'assignWithinCapacity' | 'getTeam'>;
  access: ConversationAccess;
  presence: Pick<PresenceBook, 'ofSite'>;
  broadcaster: Broadcaster;
  /** Tells the receiving agents (their own room). */
  notify(agentIds: readonly string[], notice: TransferNotice): void;
  clock: () => Date;
};

const noteMessage = (ctx: AgentContext, conversationId: string, body: string): NewMessage => ({
  conversationId,
  clientId: null,
  author: 'agent',
  authorName: ctx.agent.name,
  agentId: ctx.agent.id,
  kind: 'note',
  body,
  meta: null,
});

export class Transfers {
  constructor(private readonly deps: TransferDeps) {}

  async transfer(ctx: AgentContext, input: TransferInput): Promise<AgentConversation> {
    const conversation = await this.deps.access.ofAgent(ctx, input.conversationId);
    // Only the agent who has it hands it over (an admin may move anyone's).
    if (conversation.state !== 'assigned')
      throw new AppError('invalid_state', 'only a conversation with an agent can be transferred');
    if (conversation.agentId !== ctx.agent.id && ctx.agent.role !== 'admin')
      throw new AppError('forbidden', 'only the agent who has the conversation can transfer it');
    const note = input.note ? input.note : null;
    const done =
      input.to.type === 'agent'
        ? await this.toAgent(ctx, conversation, input.to.agentId, note)
        : await this.toTeam(ctx, conversation, input.to.teamId, note);
    return toAgentConversation(done);
  }

  private async toAgent(
    ctx: AgentContext,
    conversation: ConversationRecord,
    agentId: string,
    note: string | null,
  ) {
    if (agentId === conversation.agentId) throw new AppError('invalid_state', 'the agent already has it');
    const site = await this.deps.store.getSite(conversation.siteId);
    if (!site) throw new AppError('not_found', 'site not found');
    const candidates = await siteCandidates(
      this.deps.store,
      this.deps.presence,
      site.id,
      site.settings.routing,
    );
    const target = candidates.find((c) => c.agentId === agentId);
    if (!target) throw new AppError('not_found', 'no such agent on this site');
    if (target.status !== 'online') throw new AppError('agent_unavailable', `${target.name} is not online`);
    if (!hasRoom(target)) throw new AppError('agent_at_capacity', `${target.name} is at capacity`);
    const at = this.deps.clock().toISOString();
    const result = await this.deps.store.assignWithinCapacity({
      conversationId: conversation.id,
      expectedVersion: conversation.version,
      agentId,
      capacity: target.capacity,
      patch: { state: 'assigned', agentId, teamId: null },
      event: systemEventMessage(conversation.id, { name: 'transferred', agentName: target.name }),
      extra: note ? [noteMessage(ctx, conversation.id, note)] : [],
      at,
    });
    if (result.status === 'full') throw new AppError('agent_at_capacity', `${target.name} is at capacity`);
    if (result.status === 'stale')
      throw new AppError('conflict', 'the conversation changed meanwhile, please try again');
    this.announce(result.conversation, result.messages);
    this.deps.notify([agentId], {
      conversation: toAgentConversation(result.conversation),
      fromAgentName: ctx.agent.name,
      teamName: null,
      note,
    });
    return result.conversation;
  }

  private async toTeam(
    ctx: AgentContext,
    conversation: ConversationRecord,
    teamId: string,
    note: string | null,
  ) {
    const team = await this.deps.store.getTeam(teamId);
    if (!team || team.siteId !== conversation.siteId)
      throw new AppError('not_found', 'no such team on this site');
    const at = this.deps.clock().toISOString();
    const applied = await this.deps.store.updateConversation(
      conversation.id,
      conversation.version,
      { state: 'queued', agentId: null, teamId: team.id, queuedAt: at },
      systemEventMessage(conversation.id, { name: 'transferred', teamName: team.name }),
    );
    if (!applied) throw new AppError('conflict', 'the conversation changed meanwhile, please try again');
    const messages = applied.message ? [applied.message] : [];
    let latest = applied.conversation;
    if (note) {
      const stored = await this.deps.store.appendMessage(noteMessage(ctx, conversation.id, note));
      if (stored.status === 'stored') {
        messages.push(stored.message);
        latest = stored.conversation;
      }
    }
    this.announce(latest, messages);
    this.deps.broadcaster.queueChanged(conversation.siteId);
    this.deps.notify(
      team.agentIds.filter((id) => id !== ctx.agent.id),
      { conversation: toAgentConversation(latest), fromAgentName: ctx.agent.name, teamName: team.name, note },
    );
    return latest;
  }

  private announce(conversation: ConversationRecord, messages: readonly Message[]) {
    for (const message of messages) this.deps.broadcaster.messageStored(conversation, message);
    this.deps.broadcaster.conversationChanged(conversation);
  }
}

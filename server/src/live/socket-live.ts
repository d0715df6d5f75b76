/**
 * Issue 13: `LiveBroadcaster` over socket.io rooms. Nothing is kept per node: with the Redis adapter
 * every room broadcast reaches every node, so a visitor on A and an agent on B see each other type.
 */
import { type AgentServerEvents, EVENTS, type VisitorServerEvents } from '@frontdesk/shared';
import type { EventMap } from '../transport/realtime/io.ts';
import { ROOMS } from '../transport/realtime/rooms.ts';
import type { LiveBroadcaster } from './ports.ts';

/** A namespace as far as emitting goes; several rooms at once reach each socket once (socket.io's `to`). */
type Emitter<Events extends EventMap> = {
  emit<E extends keyof Events & string>(event: E, ...args: Parameters<Events[E]>): boolean;
};
export type LiveRooms<Events extends EventMap> = {
  to(room: string | string[]): Emitter<Events> & { except(room: string | string[]): Emitter<Events> };
};

export class SocketLive implements LiveBroadcaster {
  constructor(
    private readonly visitors: LiveRooms<VisitorServerEvents>,
    private readonly agents: LiveRooms<AgentServerEvents>,
  ) {}

  visitorTyping(target: { id: string }, notice: Parameters<LiveBroadcaster['visitorTyping']>[1]) {
    this.agents.to(ROOMS.conversation(target.id)).emit(EVENTS.typingChanged, notice);
  }

  agentTyping(target: { visitorId: string }, notice: Parameters<LiveBroadcaster['agentTyping']>[1]) {
    this.visitors.to(ROOMS.visitor(target.visitorId)).emit(EVENTS.typingChanged, notice);
  }

  visitorRead(
    target: { id: string; visitorId: string },
    position: Parameters<LiveBroadcaster['visitorRead']>[1],
  ) {
    this.visitors.to(ROOMS.visitor(target.visitorId)).emit(EVENTS.readChanged, position);
    this.agents.to(ROOMS.conversation(target.id)).emit(EVENTS.readChanged, position);
  }

  agentRead(
    target: { id: string; visitorId: string },
    position: Parameters<LiveBroadcaster['agentRead']>[1],
  ) {
    // One emit to both rooms: a console in both gets it once.
    const rooms = [ROOMS.conversation(target.id), ROOMS.agent(position.agentId ?? '')];
    this.agents.to(rooms).emit(EVENTS.readChanged, position);
    this.visitors
      .to(ROOMS.visitor(target.visitorId))
      .emit(EVENTS.readChanged, { ...position, agentId: null });
  }

  agentWroteElsewhere(
    target: { id: string },
    position: Parameters<LiveBroadcaster['agentWroteElsewhere']>[1],
  ) {
    this.agents
      .to(ROOMS.agent(position.agentId ?? ''))
      .except(ROOMS.conversation(target.id))
      .emit(EVENTS.readChanged, position);
  }
}

/** Who is online: agents with an open console socket for a site (across nodes, through socket.io rooms). */
import { ROOMS } from '../transport/realtime/rooms.ts';
import type { AgentNamespace } from './sockets.ts';

export type Presence = {
  /** Agents connected for a site right now (each counted once, however many tabs they have open). */
  agentsOnline(siteId: string): Promise<number>;
};

export class SocketPresence implements Presence {
  constructor(private readonly nsp: AgentNamespace) {}

  async agentsOnline(siteId: string): Promise<number> {
    const sockets = await this.nsp.in(ROOMS.siteAgents(siteId)).fetchSockets();
    return new Set(sockets.map((s) => s.data.ctx.agent.id)).size;
  }
}

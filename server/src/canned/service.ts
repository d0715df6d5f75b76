/**
 * Issue 14: who may do what with canned responses. Any agent of a site reads the shared ones and
 * their own personal ones; only an admin creates, changes or deletes a shared one; a personal one is
 * its owner's alone (another agent's reads as "not found", as does another site's).
 */
import {
  type AttentionPrefs,
  CANNED_LIMITS,
  type CannedInput,
  type CannedResponse,
  DEFAULT_ATTENTION,
} from '@frontdesk/shared';
import { AppError } from '../kernel/errors.ts';
import type { Agent } from '../storage/index.ts';
import type { CannedStore, PreferencesStore } from './store.ts';

/** Who acts: an agent, or (issue 15) an API token of the site — an admin of the shared ones, owner of none. */
export type CannedActor = { id: string | null; role: Agent['role'] };
export const API_TOKEN_CANNED_ACTOR: CannedActor = { id: null, role: 'admin' };

export class CannedResponses {
  constructor(private readonly store: CannedStore) {}

  list(siteId: string, agent: CannedActor): Promise<CannedResponse[]> {
    return this.store.listCanned(siteId, agent.id);
  }

  /** One response the actor may read (another agent's personal one, or another site's: not found). */
  async get(siteId: string, agent: CannedActor, id: string): Promise<CannedResponse> {
    const found = await this.store.getCanned(siteId, id);
    if (!found || (found.scope === 'personal' && found.ownerId !== agent.id))
      throw new AppError('not_found', 'canned response not found');
    return found;
  }

  async create(siteId: string, agent: CannedActor, input: CannedInput): Promise<CannedResponse> {
    if (input.scope === 'site') this.mustAdmin(agent);
    if (input.scope === 'personal' && agent.id === null)
      throw new AppError('bad_request', 'an API token has no personal canned responses');
    if ((await this.store.countCanned(siteId)) >= CANNED_LIMITS.perSiteMax)
      throw new AppError(
        'limit_reached',
        `a site holds at most ${CANNED_LIMITS.perSiteMax} canned responses`,
      );
    return this.store.createCanned({
      ...input,
      siteId,
      ownerId: input.scope === 'personal' ? agent.id : null,
    });
  }

  async update(siteId: string, agent: CannedActor, id: string, input: CannedInput): Promise<CannedResponse> {
    const current = await this.editable(siteId, agent, id);
    if (input.scope !== current.scope)
      throw new AppError('bad_request', 'the scope of a canned response cannot change');
    const updated = await this.store.updateCanned(siteId, id, input);
    if (!updated) throw new AppError('not_found', 'canned response not found');
    return updated;
  }

  async remove(siteId: string, agent: CannedActor, id: string): Promise<void> {
    await this.editable(siteId, agent, id);
    if (!(await this.store.deleteCanned(siteId, id)))
      throw new AppError('not_found', 'canned response not found');
  }

  private async editable(siteId: string, agent: CannedActor, id: string): Promise<CannedResponse> {
    const current = await this.get(siteId, agent, id);
    if (current.scope === 'site') this.mustAdmin(agent);
    return current;
  }

  private mustAdmin(agent: CannedActor): void {
    if (agent.role !== 'admin')
      throw new AppError('forbidden', 'only an admin manages shared canned responses');
  }
}

/** The signed-in agent's attention signals: the defaults until they save their own. */
export class AttentionPreferences {
  constructor(private readonly store: PreferencesStore) {}

  async get(agentId: string): Promise<AttentionPrefs> {
    return (await this.store.getAttention(agentId)) ?? DEFAULT_ATTENTION;
  }

  set(agentId: string, prefs: AttentionPrefs): Promise<AttentionPrefs> {
    return this.store.setAttention(agentId, prefs);
  }
}

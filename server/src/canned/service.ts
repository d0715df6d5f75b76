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

export class CannedResponses {
  constructor(private readonly store: CannedStore) {}

  list(siteId: string, agent: Agent): Promise<CannedResponse[]> {
    return this.store.listCanned(siteId, agent.id);
  }

  async create(siteId: string, agent: Agent, input: CannedInput): Promise<CannedResponse> {
    if (input.scope === 'site') this.mustAdmin(agent);
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

  async update(siteId: string, agent: Agent, id: string, input: CannedInput): Promise<CannedResponse> {
    const current = await this.editable(siteId, agent, id);
    if (input.scope !== current.scope)
      throw new AppError('bad_request', 'the scope of a canned response cannot change');
    const updated = await this.store.updateCanned(siteId, id, input);
    if (!updated) throw new AppError('not_found', 'canned response not found');
    return updated;
  }

  async remove(siteId: string, agent: Agent, id: string): Promise<void> {
    await this.editable(siteId, agent, id);
    if (!(await this.store.deleteCanned(siteId, id)))
      throw new AppError('not_found', 'canned response not found');
  }

  private async editable(siteId: string, agent: Agent, id: string): Promise<CannedResponse> {
    const current = await this.store.getCanned(siteId, id);
    if (!current || (current.scope === 'personal' && current.ownerId !== agent.id))
      throw new AppError('not_found', 'canned response not found');
    if (current.scope === 'site') this.mustAdmin(agent);
    return current;
  }

  private mustAdmin(agent: Agent): void {
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

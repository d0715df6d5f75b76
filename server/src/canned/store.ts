/**
 * Issue 14: the storage ports of canned responses (`canned_responses`) and of an agent's attention
 * preferences (`agent_preferences`).
 */
import type { AttentionPrefs, CannedInput, CannedResponse } from '@frontdesk/shared';

export type NewCanned = CannedInput & { siteId: string; ownerId: string | null };

export type CannedStore = {
  /** The site's shared responses and `agentId`'s personal ones (none for null), by language then shortcut. */
  listCanned(siteId: string, agentId: string | null): Promise<CannedResponse[]>;
  getCanned(siteId: string, id: string): Promise<CannedResponse | null>;
  countCanned(siteId: string): Promise<number>;
  createCanned(input: NewCanned): Promise<CannedResponse>;
  /** Replaces the text of one response (its scope and owner stay); null when it is gone. */
  updateCanned(siteId: string, id: string, input: Omit<CannedInput, 'scope'>): Promise<CannedResponse | null>;
  deleteCanned(siteId: string, id: string): Promise<boolean>;
};

export type PreferencesStore = {
  /** The agent's attention signals; null until they first save them. */
  getAttention(agentId: string): Promise<AttentionPrefs | null>;
  setAttention(agentId: string, prefs: AttentionPrefs): Promise<AttentionPrefs>;
};

/** @module canned — issue 14: canned responses and an agent's attention preferences (HTTP, service, store port). */
export { cannedRoutes } from './routes.ts';
export {
  API_TOKEN_CANNED_ACTOR,
  AttentionPreferences,
  type CannedActor,
  CannedResponses,
} from './service.ts';
export type { CannedStore, NewCanned, PreferencesStore } from './store.ts';

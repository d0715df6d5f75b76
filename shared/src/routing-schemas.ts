/**
 * Issue 14 (routing): schemas of every inbound routing payload, socket and HTTP. Reached as
 * `@frontdesk/shared/routing-schemas`, outside the package index, like `schemas.ts`.
 */
import * as v from 'valibot';
import { ROUTING_LIMITS, ROUTING_MODES } from './routing.ts';
import { IdSchema, record } from './schemas.ts';

const NO_CONTROL = /^[^\p{Cc}\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/u;

export const CapacitySchema = v.pipe(
  v.number(),
  v.integer(),
  v.minValue(ROUTING_LIMITS.capacityMin),
  v.maxValue(ROUTING_LIMITS.capacityMax),
);

/** PUT body of a site's routing settings (admin). */
export const RoutingSettingsSchema = record({
  mode: v.picklist(ROUTING_MODES),
  defaultCapacity: CapacitySchema,
  offlineReturnMinutes: v.pipe(
    v.number(),
    v.integer(),
    v.minValue(ROUTING_LIMITS.offlineReturnMinutesMin),
    v.maxValue(ROUTING_LIMITS.offlineReturnMinutesMax),
  ),
});
export type RoutingSettingsInput = v.InferOutput<typeof RoutingSettingsSchema>;

/** PUT body of one agent's capacity (admin); null: the site's default. */
export const AgentCapacitySchema = record({ capacity: v.nullable(CapacitySchema) });
export type AgentCapacityInput = v.InferOutput<typeof AgentCapacitySchema>;

export const TeamNameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(1, 'a team needs a name'),
  v.maxLength(ROUTING_LIMITS.teamNameMaxLength),
  v.regex(NO_CONTROL, 'the name contains control characters'),
);

/** POST / PUT body of a team (admin): its name and members (agents of the site). */
export const TeamInputSchema = record({
  name: TeamNameSchema,
  agentIds: v.pipe(
    v.array(IdSchema),
    v.maxLength(ROUTING_LIMITS.teamMembersMax),
    v.check((ids) => new Set(ids).size === ids.length, 'an agent is listed twice'),
  ),
});
export type TeamInput = v.InferOutput<typeof TeamInputSchema>;

/** agent → server: hand a conversation over, with an optional private note for the receiver. */
export const TransferSchema = record({
  conversationId: IdSchema,
  to: v.variant('type', [
    v.strictObject({ type: v.literal('agent'), agentId: IdSchema }),
    v.strictObject({ type: v.literal('team'), teamId: IdSchema }),
  ]),
  note: v.optional(
    v.pipe(v.string(), v.trim(), v.maxLength(ROUTING_LIMITS.transferNoteMaxLength, 'the note is too long')),
  ),
});
export type TransferInput = v.InferOutput<typeof TransferSchema>;

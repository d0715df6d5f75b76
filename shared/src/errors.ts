/** The one closed set of error codes, shared by HTTP responses and socket acks. */
export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'origin_not_allowed',
  'not_found',
  /** The site exists but is archived: it takes no new visitors (issue 9). */
  'site_archived',
  'conflict',
  'invalid_state',
  'client_id_conflict',
  'too_large',
  /** Issue 13: a file whose content is not a type the site accepts (decided from the bytes). */
  'unsupported_type',
  /** Issue 13: the conversation already holds as many files as its site allows. */
  'limit_reached',
  'rate_limited',
  'unavailable',
  'internal',
  /** Issue 12: identify with a missing or wrong `userHash` while the site has an identity secret (A5). */
  'identity_refused',
  /** Issue 12: an erase whose confirmation token is missing, wrong, expired or for another contact. */
  'confirmation_invalid',
  /** Issue 14: a transfer to an agent who already has as many conversations as their capacity. */
  'agent_at_capacity',
  /** Issue 14: a transfer to an agent who is not online (away or offline). */
  'agent_unavailable',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ERROR_HTTP_STATUS = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  origin_not_allowed: 403,
  not_found: 404,
  site_archived: 410,
  conflict: 409,
  invalid_state: 409,
  client_id_conflict: 409,
  too_large: 413,
  unsupported_type: 415,
  limit_reached: 409,
  rate_limited: 429,
  unavailable: 503,
  internal: 500,
  identity_refused: 403,
  confirmation_invalid: 400,
  agent_at_capacity: 409,
  agent_unavailable: 409,
} as const satisfies Record<ErrorCode, number>;

/** Codes a client may retry with the same request (and the same `clientId`). */
export const RETRYABLE_ERRORS: readonly ErrorCode[] = ['unavailable', 'rate_limited', 'internal'];

export type ErrorBody = {
  code: ErrorCode;
  message: string;
  /** With `rate_limited`: whole seconds until a retry can succeed (also the HTTP `Retry-After`). */
  retryAfter?: number;
};

/** The ack every socket request receives, and the JSON shape of every HTTP error. */
export type AckResult<T> = { ok: true; data: T } | { ok: false; error: ErrorBody };
export type Ack<T> = (result: AckResult<T>) => void;

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);

/** Issue 15 (public API, webhooks): the tables of API tokens and webhooks as Kysely sees them. */

export type ApiTokenTable = {
  id: string;
  site_id: string;
  name: string;
  scope: 'read' | 'write';
  /** SHA-256 (hex) of the token's secret part; the token itself is never stored. */
  secret_hash: string;
  created_by: string | null;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
};

export type WebhookTable = {
  id: string;
  site_id: string;
  url: string;
  events: string; // JSON WebhookEvent[]
  /** The signing secret (kept: every delivery is signed with it). */
  secret: string;
  created_at: string;
};

export type WebhookDeliveryTable = {
  id: string;
  webhook_id: string;
  event: string;
  body: string;
  status: 'pending' | 'delivered' | 'failed';
  attempts: number;
  next_attempt_at: string | null;
  last_status: number | null;
  last_duration_ms: number | null;
  last_response: string | null;
  last_error: string | null;
  created_at: string;
  delivered_at: string | null;
};

/** Per site: whether webhooks may call private, loopback and link-local addresses (self-hosters). */
export type WebhookSettingsTable = { site_id: string; allow_private: number };

export type ApiTables = {
  api_tokens: ApiTokenTable;
  webhooks: WebhookTable;
  webhook_deliveries: WebhookDeliveryTable;
  webhook_settings: WebhookSettingsTable;
};

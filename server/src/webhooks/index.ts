/** Webhooks (issue 15): the feature's public surface. */
export { WebhookDeliverer } from './deliverer.ts';
export { WebhookEvents, withWebhookEvents } from './events.ts';
export { webhookRoutes } from './routes.ts';
export { Webhooks } from './webhooks.ts';

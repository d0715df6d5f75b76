/**
 * Issue 15 over a real server: `/metrics` read with a Prometheus text-format parser
 * (`parse-prometheus-text-format`), guarded by `METRICS_TOKEN` or served only on `METRICS_BIND`;
 * request logs at info level that carry no token, cookie, password or message body (A4).
 */
import { API, EVENTS, type SendResult } from '@frontdesk/shared';
import parse, { type MetricFamily } from 'parse-prometheus-text-format';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../kernel/logger.ts';
import { call, clientId, openConversation, startHarness } from '../testing/harness.ts';

const TOKEN = 'metrics-token-0123456789';

const family = (families: MetricFamily[], name: string) => {
  const found = families.find((f) => f.name === name);
  if (!found) throw new Error(`no metric family ${name}`);
  return found;
};

describe('/metrics', () => {
  it('with METRICS_TOKEN: 401 without it; with it, every family parses and counts what happened', async () => {
    const h = await startHarness({ env: { METRICS_TOKEN: TOKEN } });
    try {
      const v = await h.newVisitor();
      const { conversation } = await openConversation(h, v.socket);
      await call<SendResult>(v.socket, EVENTS.messageSend, {
        conversationId: conversation.id,
        clientId: clientId(),
        body: 'hello',
      });
      await call(v.socket, EVENTS.conversationHandoff, { conversationId: conversation.id });
      expect((await fetch(`${h.url}/healthz`)).status).toBe(200);

      expect((await fetch(`${h.url}/metrics`)).status).toBe(401);
      expect((await fetch(`${h.url}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(
        401,
      );
      const res = await fetch(`${h.url}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
      const text = await res.text();
      const families = parse(text);

      const connections = family(families, 'frontdesk_socket_connections');
      expect(connections.type).toBe('GAUGE');
      expect(connections.metrics).toContainEqual({ labels: { namespace: 'visitor' }, value: '1' });
      expect(family(families, 'frontdesk_messages_total').metrics).toContainEqual({
        labels: { namespace: 'visitor' },
        value: '1',
      });
      expect(family(families, 'frontdesk_handoffs_total').metrics).toEqual([{ value: '1' }]);
      expect(family(families, 'frontdesk_queue_length').metrics).toEqual([{ value: '1' }]);
      // The parser folds a histogram's label sets into one sample (it merges buckets across labels),
      // so histograms are checked for their type there and for their series on the text's `_count` lines.
      for (const name of [
        'frontdesk_http_request_duration_seconds',
        'frontdesk_socket_event_duration_seconds',
        'frontdesk_storage_operation_duration_seconds',
      ])
        expect(family(families, name).type).toBe('HISTOGRAM');
      expect(text).toMatch(
        /^frontdesk_http_request_duration_seconds_count\{method="GET",route="\/healthz",status="200"\} 1$/m,
      );
      expect(text).toMatch(
        /^frontdesk_socket_event_duration_seconds_count\{namespace="visitor",event="message:send",outcome="ok"\} 1$/m,
      );
      expect(text).toMatch(
        /^frontdesk_storage_operation_duration_seconds_count\{operation="createConversation",outcome="ok"\} 1$/m,
      );
      expect(family(families, 'nodejs_eventloop_lag_seconds').type).toBe('GAUGE');
    } finally {
      await h.close();
    }
  });

  it('without configuration there is no /metrics; with METRICS_BIND it is served only there', async () => {
    const plain = await startHarness();
    try {
      expect((await fetch(`${plain.url}/metrics`)).status).toBe(404);
      expect(plain.metricsPort).toBeNull();
    } finally {
      await plain.close();
    }
    const bound = await startHarness({ env: { METRICS_BIND: '127.0.0.1:0' } });
    try {
      expect((await fetch(`${bound.url}/metrics`)).status).toBe(404);
      const res = await fetch(`http://127.0.0.1:${bound.metricsPort}/metrics`);
      expect(res.status).toBe(200);
      expect(parse(await res.text()).some((f) => f.name === 'frontdesk_http_request_duration_seconds')).toBe(
        true,
      );
      expect((await fetch(`http://127.0.0.1:${bound.metricsPort}/api/v1/sites`)).status).toBe(404);
    } finally {
      await bound.close();
    }
  });
});

describe('request logs', () => {
  it('A4 info-level request lines carry route patterns and statuses, never tokens, cookies, passwords or bodies', async () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const h = await startHarness({ logger });
    try {
      const { email, password } = await h.createAgent('Logged');
      const login = await fetch(h.url + API.login, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin: h.origin },
        body: JSON.stringify({ email, password }),
      });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const session = cookie.split('=')[1] ?? '';
      expect(session.length).toBeGreaterThan(10);
      await fetch(h.url + API.conversations, { headers: { cookie, origin: h.origin } });
      const v = await h.newVisitor();
      const { conversation } = await openConversation(h, v.socket);
      const body = 'my card number is 4111-SECRET-BODY';
      await call<SendResult>(v.socket, EVENTS.messageSend, {
        conversationId: conversation.id,
        clientId: clientId(),
        body,
      });
      await fetch(`${h.url}/c/not-a-real-token-but-secret-looking-xyz`);

      const requests = lines
        .map((l) => JSON.parse(l) as Record<string, unknown>)
        .filter((l) => l.msg === 'request');
      expect(requests).toContainEqual(
        expect.objectContaining({ level: 30, req: { method: 'POST', route: API.login }, status: 200 }),
      );
      expect(requests).toContainEqual(
        expect.objectContaining({ req: { method: 'GET', route: '/c/:token' } }),
      );
      const all = lines.join('\n');
      for (const secret of [password, session, v.token, body, 'not-a-real-token-but-secret-looking-xyz'])
        expect(all).not.toContain(secret);
    } finally {
      await h.close();
    }
  });
});

/**
 * One webhook POST (issue 15): to the address the SSRF guard checked (the socket never looks the
 * name up again), redirects never followed (a 3xx is an answer like any other, and not a success),
 * bounded in time, the answer's first characters kept for the log.
 */
import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import { API_LIMITS } from '@frontdesk/shared';

export type SendResult = { status: number; response: string };

export type PostTarget = { url: URL; address: string; family: number };

export function postJson(
  target: PostTarget,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number = API_LIMITS.webhookTimeoutMs,
): Promise<SendResult> {
  const { url, address, family } = target;
  // Connect to the checked address whatever the name would resolve to now (DNS rebinding).
  const lookup: LookupFunction = (_host, options, callback) => {
    if (options.all) callback(null, [{ address, family }]);
    else callback(null, address, family);
  };
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const request = client.request(
      url,
      {
        method: 'POST',
        lookup,
        headers: { 'content-type': 'application/json', 'user-agent': 'Frontdesk-Webhooks/1', ...headers },
        timeout: timeoutMs,
      },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (text.length < API_LIMITS.webhookResponseExcerpt) text += chunk;
        });
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            response: text.slice(0, API_LIMITS.webhookResponseExcerpt),
          }),
        );
        res.on('error', reject);
      },
    );
    request.on('timeout', () => request.destroy(new Error(`no answer within ${timeoutMs} ms`)));
    request.on('error', reject);
    request.end(body);
  });
}

import { describe, expect, it } from 'vitest';
import { bumpSeq, toPositional } from './hot-sql.ts';

describe('hot-path SQL', () => {
  it('builds the bump with its preview and guards, parameters in placeholder order', () => {
    const { sql, params } = bumpSeq(
      'c1',
      'T',
      { author: 'visitor', body: 'hi' },
      {
        states: ['bot', 'queued'],
        visitorId: 'v1',
        siteIds: ['s1', 's2'],
        agentId: 'a1',
      },
    );
    expect(sql).toBe(
      'UPDATE conversations SET last_seq = last_seq + 1, updated_at = ?, last_message_author = ?, ' +
        'last_message_body = ?, last_message_at = ? WHERE id = ? AND state IN (?, ?) AND visitor_id = ? ' +
        'AND site_id IN (?, ?) AND agent_id = ? RETURNING last_seq',
    );
    expect(params).toEqual(['T', 'visitor', 'hi', 'T', 'c1', 'bot', 'queued', 'v1', 's1', 's2', 'a1']);
    expect((sql.match(/\?/g) ?? []).length).toBe(params.length);
  });

  it('keeps the earliest bot answer or agent reply on the conversation (issue 15 report facts)', () => {
    const { sql, params } = bumpSeq('c1', 'T', null, {}, 'agentReply');
    expect(sql).toBe(
      'UPDATE conversations SET last_seq = last_seq + 1, updated_at = ?, first_agent_reply_at = CASE ' +
        'WHEN first_agent_reply_at IS NULL OR first_agent_reply_at > ? THEN ? ELSE first_agent_reply_at END ' +
        'WHERE id = ? RETURNING last_seq',
    );
    expect(params).toEqual(['T', 'T', 'T', 'c1']);
    expect(bumpSeq('c1', 'T', null, {}, 'bot').sql).toContain(
      'first_bot_at = CASE WHEN first_bot_at IS NULL',
    );
    expect(bumpSeq('c1', 'T', null, {}).sql).not.toContain('first_');
  });

  it('numbers placeholders for engines that need it', () => {
    expect(toPositional('a = ? AND b IN (?, ?)')).toBe('a = $1 AND b IN ($2, $3)');
  });
});

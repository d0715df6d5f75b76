import { describe, expect, it } from 'vitest';
import { nextAttemptAt } from './backoff.ts';
import { replyMail, transcriptMail } from './compose.ts';
import { displayName, headerText } from './headers.ts';

const line = (author: 'visitor' | 'agent', body: string, authorName: string | null = null) => ({
  author,
  authorName,
  body,
  createdAt: '2026-12-02T12:00:00.000Z',
});

describe('mail content', () => {
  it('R4 escapes everything a person typed in the HTML part, in either language', () => {
    const mail = replyMail({
      locale: 'pl',
      siteName: 'Shop <i>',
      agentName: 'Anna "<script>"',
      lines: [line('visitor', '<img src=x onerror=alert(1)>'), line('agent', '**bold** & <b>', 'Anna')],
      link: 'https://chat.example/c/abc?x="y"',
      replyable: false,
    });
    expect(mail.subject).toBe('Nowa odpowiedź od Shop <i>');
    expect(mail.html).not.toContain('<img');
    expect(mail.html).not.toContain('<script>');
    expect(mail.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(mail.html).toContain('href="https://chat.example/c/abc?x=&quot;y&quot;"');
    expect(mail.text).toContain('**bold** & <b>');
    expect(mail.text).not.toContain('Możesz też odpowiedzieć');
  });

  it('transcripts list every line with who wrote it', () => {
    const mail = transcriptMail({
      locale: 'en',
      siteName: 'Shop',
      lines: [line('visitor', 'hi'), line('agent', 'hello', 'Jo')],
    });
    expect(mail.text).toContain('You (2026-12-02 12:00 UTC):\nhi');
    expect(mail.text).toContain('Jo (2026-12-02 12:00 UTC):\nhello');
  });

  it('R4 header values lose line breaks and control characters; display names lose address syntax', () => {
    expect(headerText('a\r\nBcc: x@y\u0000z')).toBe('a Bcc: x@y z');
    expect(displayName('Eve\r\nBcc: <x@evil>, y@evil')).toBe('Eve Bcc x evil y evil');
    expect(headerText('x'.repeat(200), 10)).toHaveLength(10);
  });
});

describe('backoff', () => {
  const policy = { maxAttempts: 4, delaysMs: [60_000, 300_000] };
  it('waits the configured delays in turn, repeats the last, then gives up', () => {
    expect(nextAttemptAt(1, 0, policy)).toBe(60_000);
    expect(nextAttemptAt(2, 0, policy)).toBe(300_000);
    expect(nextAttemptAt(3, 0, policy)).toBe(300_000);
    expect(nextAttemptAt(4, 0, policy)).toBeNull();
  });
});

/**
 * Issue 13: agents' avatars in the widget. An uploaded picture from the chat server, or initials on
 * the agent's colour in a readable ink, or the site's accent; the bot's mark (the site's logo or a
 * neutral robot); one avatar and name per run of replies from one author; the assigned agent's avatar
 * in the header; nothing but an `/images/<id>` path is ever loaded; names with markup stay text (R4).
 */
import { waitFor } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import { createFakeServer } from '../test-support/fake-server.ts';
import { mountWidget, unmountAll } from '../test-support/mount.ts';

afterEach(() => unmountAll());

const ANNA = { color: '#aa3355', url: '/images/anna-1' };
const BOB = { color: '#fde047', url: null };

function assigned(site = {}) {
  const server = createFakeServer({ site });
  server.add({ author: 'visitor', body: 'Hi' });
  server.setConversation({ state: 'assigned', agentName: 'Anna Nowak', agentAvatar: ANNA }, false);
  return server;
}

const rows = (host: HTMLElement) => [...host.querySelectorAll<HTMLElement>('.row.theirs')];

describe("agents' avatars", () => {
  it("the uploaded image, else initials on the agent's colour in a readable ink, else the accent", async () => {
    const server = assigned();
    server.add({ author: 'agent', authorName: 'Anna Nowak', body: 'Hello', avatar: ANNA });
    server.add({ author: 'visitor', body: 'Thanks' });
    server.add({ author: 'agent', authorName: 'Bob', body: 'Bob here', avatar: BOB });
    server.add({
      author: 'agent',
      authorName: 'Ewa Zielińska',
      body: 'And Ewa',
      avatar: { color: null, url: null },
    });
    const { host } = await mountWidget(server);
    await waitFor(() => expect(rows(host)).toHaveLength(3));
    const [anna, bob, ewa] = rows(host);

    const img = anna!.querySelector<HTMLImageElement>('.who img.face');
    expect(img?.getAttribute('src')).toBe('https://chat.example/images/anna-1');
    expect(img?.getAttribute('alt')).toBe('');
    expect(anna!.querySelector('.who')?.textContent).toBe('Anna Nowak');

    const bobFace = bob!.querySelector<HTMLElement>('.who .face--initials');
    expect(bobFace?.dataset.initials).toBe('B');
    expect(bobFace?.getAttribute('aria-hidden')).toBe('true');
    expect(bobFace?.style.getPropertyValue('--fd-face-bg')).toBe('#fde047');
    expect(bobFace?.style.getPropertyValue('--fd-face-fg')).toBe('#111'); // dark ink on yellow
    expect(bob!.querySelector('.who')?.textContent).toBe('Bob');

    const ewaFace = ewa!.querySelector<HTMLElement>('.who .face--initials');
    expect(ewaFace?.dataset.initials).toBe('EZ');
    expect(ewaFace?.style.getPropertyValue('--fd-face-bg')).toBe(''); // the site's accent
  });

  it('one avatar and name per run of replies; the rest name the author to screen readers only', async () => {
    const server = assigned();
    server.add({ author: 'bot', body: 'Bot one' });
    server.add({ author: 'bot', body: 'Bot two' });
    server.add({ author: 'agent', authorName: 'Anna Nowak', body: 'One', avatar: ANNA });
    server.add({ author: 'agent', authorName: 'Anna Nowak', body: 'Two', avatar: ANNA });
    server.add({ author: 'agent', authorName: 'Bob', body: 'Three', avatar: BOB });
    server.add({ author: 'visitor', body: 'ok' });
    server.add({ author: 'agent', authorName: 'Bob', body: 'Four', avatar: BOB });
    server.add({
      author: 'system',
      kind: 'event',
      body: '',
      meta: { event: { name: 'transferred', agentName: 'Bob' } },
    });
    server.add({ author: 'agent', authorName: 'Bob', body: 'Five', avatar: BOB });
    const { host } = await mountWidget(server);
    await waitFor(() => expect(rows(host)).toHaveLength(7));
    const shown = rows(host).map((row) => (row.querySelector('.who') ? 'face' : 'cont'));
    expect(shown).toEqual(['face', 'cont', 'face', 'cont', 'face', 'face', 'face']);
    const second = rows(host)[3]!;
    expect(second.classList.contains('cont')).toBe(true);
    expect(second.querySelector('.sr-only')?.textContent).toBe('Anna Nowak: ');
    expect(second.querySelector('.face')).toBeNull();
  });

  it("the bot's mark is the site's logo, or a neutral robot without one", async () => {
    const plain = createFakeServer();
    plain.add({ author: 'bot', body: 'Hi' });
    const { host } = await mountWidget(plain);
    await waitFor(() => expect(host.querySelector('.row.bot .who .face--bot svg')).not.toBeNull());
    unmountAll();

    const branded = createFakeServer({ site: { logoUrl: '/images/logo-1' } });
    branded.add({ author: 'bot', body: 'Hi' });
    const mounted = await mountWidget(branded);
    await waitFor(() =>
      expect(mounted.host.querySelector('.row.bot .who img.face--logo')?.getAttribute('src')).toBe(
        'https://chat.example/images/logo-1',
      ),
    );
  });

  it('the greeting carries the bot mark too', async () => {
    const { host } = await mountWidget(createFakeServer());
    await waitFor(() => expect(host.querySelector('.greeting .who .face--bot')).not.toBeNull());
  });

  it('the header shows the assigned agent\'s avatar beside "Anna is helping you"', async () => {
    const server = assigned();
    const { host } = await mountWidget(server);
    const face = () => host.querySelector<HTMLImageElement>('.header .subtitle img.face');
    await waitFor(() => expect(face()?.getAttribute('src')).toBe('https://chat.example/images/anna-1'));
    expect(host.querySelector('.header .subtitle')?.textContent).toContain('Anna Nowak');
    server.setConversation({ state: 'resolved', agentName: null, agentAvatar: null });
    await waitFor(() => expect(host.querySelector('.header .subtitle .face')).toBeNull());
  });

  it('loads nothing but an uploaded image: any other URL gets initials', async () => {
    const server = assigned();
    for (const url of [
      'https://evil.example/x.png',
      '//evil.example/x.png',
      '/api/v1/auth/me',
      '/images/../api/v1/auth/me',
      '/images/x?y=1',
      'javascript:alert(1)',
    ])
      server.add({ author: 'agent', authorName: 'Mallory', body: url, avatar: { color: '#123456', url } });
    const { host } = await mountWidget(server);
    await waitFor(() => expect(rows(host)).toHaveLength(6));
    expect(host.querySelectorAll('.row.theirs img')).toHaveLength(0);
    expect(host.querySelectorAll('.row.theirs .who .face--initials')).toHaveLength(1); // one run
  });

  it('a picture that fails to load falls back to initials', async () => {
    const server = assigned();
    server.add({ author: 'agent', authorName: 'Anna Nowak', body: 'Hello', avatar: ANNA });
    const { host } = await mountWidget(server);
    await waitFor(() => expect(host.querySelector('.row.agent img.face')).not.toBeNull());
    host.querySelector('.row.agent img.face')!.dispatchEvent(new Event('error'));
    await waitFor(() =>
      expect(host.querySelector<HTMLElement>('.row.agent .face--initials')?.dataset.initials).toBe('AN'),
    );
  });

  it('R4 an agent name with markup is text: no element, no handler, in the row and the header', async () => {
    const evil = '<img src=x onerror="window.__pwned=1">';
    const server = createFakeServer();
    server.add({ author: 'visitor', body: 'Hi' });
    server.setConversation(
      { state: 'assigned', agentName: evil, agentAvatar: { color: '#aa3355', url: null } },
      false,
    );
    server.add({ author: 'agent', authorName: evil, body: 'x', avatar: { color: '#aa3355', url: null } });
    server.add({ author: 'agent', authorName: evil, body: 'y', avatar: { color: '#aa3355', url: null } });
    const { host } = await mountWidget(server);
    await waitFor(() => expect(rows(host)).toHaveLength(2));
    expect(host.querySelectorAll('.row img, .header img')).toHaveLength(0);
    expect(rows(host)[0]!.querySelector('.who')?.textContent).toBe(evil);
    expect(rows(host)[1]!.querySelector('.sr-only')?.textContent).toBe(`${evil}: `);
    expect(host.querySelector('.header .subtitle')?.textContent).toContain(evil);
    expect(host.querySelector<HTMLElement>('.row .face--initials')?.dataset.initials).toBe('I1'); // "img" … "1"
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

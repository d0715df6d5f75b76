/**
 * Issue 17, write micro-benchmark: the server's CPU per frame written, with engine.io flushes corked
 * (`corkFlushes`) and without (or `VARIANTS=plain,deflate`: WebSocket compression off and on), on the same sockets' twins in one server process, phases interleaved.
 * `SOCKETS=500 ROUNDS=40 REPEATS=5 node --import tsx src/writes/cork-run.ts` (from bench/). Each
 * phase: `ROUNDS` rounds 20 ms apart; in each, every socket gets `perRound` frames in one turn.
 */
import { loadavg } from 'node:os';
import { io as connect, type Socket } from 'socket.io-client';
import { Child } from '../ipc.ts';
import { median } from '../stats.ts';
import type { Burst, BurstResult, Variant } from './server.ts';

const sockets = Number(process.env.SOCKETS ?? 500);
const rounds = Number(process.env.ROUNDS ?? 40);
const repeats = Number(process.env.REPEATS ?? 5);
const perRounds = (process.env.PER_ROUND ?? '1,2,4,8').split(',').map(Number);
/** `VARIANTS=plain,deflate`: WebSocket compression on against off (the client asks for it, as ws does). */
const VARIANTS = (process.env.VARIANTS ?? 'plain,corked').split(',') as Variant[];
const [base, other] = VARIANTS as [Variant, Variant];

const server = new Child(new URL('./server.ts', import.meta.url), 'write server');
await server.ready;
const ports = await server.call<Record<Variant, number>>('start');
const received: Record<Variant, number> = { corked: 0, plain: 0, deflate: 0 };
const clients: Socket[] = [];
for (const variant of VARIANTS)
  for (let i = 0; i < sockets; i++) {
    const client = connect(`http://127.0.0.1:${ports[variant]}`, {
      transports: ['websocket'],
      reconnection: false,
    });
    client.on('n', () => void received[variant]++);
    clients.push(client);
    await new Promise<void>((resolve, reject) => {
      client.once('connect', resolve);
      client.once('connect_error', reject);
    });
  }

async function until(check: () => boolean, ms = 300_000): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`frames did not all arrive: ${JSON.stringify(received)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

process.stderr.write(
  `${sockets} sockets per server, ${rounds} rounds per phase, load average ${loadavg()[0]?.toFixed(1)}\n`,
);
const rows: string[] = [];
/** Resident memory growth over each variant's first phase, per socket (zlib contexts are made on first use). */
const rssGrowth: string[] = [];
const seen = new Set<Variant>();
let lastRss = 0;
for (const perRound of perRounds) {
  const perFrame: Record<Variant, number[]> = { corked: [], plain: [], deflate: [] };
  let writesPerFrame = 1;
  for (let repeat = 0; repeat < repeats; repeat++)
    for (const variant of repeat % 2 ? [...VARIANTS].reverse() : VARIANTS) {
      const expected = received[variant] + sockets * rounds * perRound;
      const result = await server.call<BurstResult>('burst', {
        variant,
        rounds,
        perRound,
        gapMs: 20,
      } satisfies Burst);
      await until(() => received[variant] >= expected);
      if (!seen.has(variant) && lastRss > 0)
        rssGrowth.push(`${variant} +${((result.rssBytes - lastRss) / sockets / 1024).toFixed(1)} kB/socket`);
      seen.add(variant);
      lastRss = result.rssBytes;
      const frames = sockets * rounds * perRound;
      perFrame[variant].push(result.cpuMicros / frames);
      if (variant === 'corked')
        writesPerFrame = (frames - result.corkedFrames + result.corkedFlushes) / frames;
    }
  const a = median(perFrame[base]);
  const b = median(perFrame[other]);
  rows.push(
    `| ${perRound} | ${a.toFixed(2)} | ${b.toFixed(2)} | ${(((b - a) / a) * 100).toFixed(0)}% | ${other === 'corked' ? writesPerFrame.toFixed(2) : '–'} |`,
  );
  const runs = (variant: Variant) => perFrame[variant].map((v) => v.toFixed(1)).join(' ');
  process.stderr.write(`${rows.at(-1)}  (${base} ${runs(base)}; ${other} ${runs(other)})\n`);
}
process.stdout.write(
  `RSS growth over the first phase: ${rssGrowth.join(', ') || '–'}\nload average ${loadavg()[0]?.toFixed(1)}\n| frames per socket per turn | ${base} CPU µs/frame | ${other} CPU µs/frame | change | corked writes/frame |\n| --- | --- | --- | --- | --- |\n${rows.join('\n')}\n`,
);
for (const client of clients) client.disconnect();
await server.stop();

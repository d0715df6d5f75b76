/**
 * Summary of a CPU profile written by `BENCH_PROFILE=<file>`: self time by function and by module
 * (package or source file), as shares of the sampled time, and per message when the count is given.
 * `node --import tsx src/profile-summary.ts <file.cpuprofile> [messages] [top]` (from bench/).
 */
import { readFileSync } from 'node:fs';

type CallFrame = { functionName: string; url: string; lineNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; hitCount?: number };
export type CpuProfile = {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples?: number[];
  timeDeltas?: number[];
};

export type SelfTime = { name: string; micros: number; share: number };

/** A package (`socket.io`, `better-sqlite3`) or a source file under `src/`; V8's own entries as they are. */
export function moduleOf(url: string, functionName: string): string {
  if (!url) return `(${functionName || 'anonymous'})`;
  const pkg = url.match(/node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/);
  if (pkg) return pkg[1]!;
  if (url.startsWith('node:')) return url;
  const src = url.match(/\/((?:server|shared|bench)\/src\/.+)$/);
  return src ? src[1]! : url;
}

/** Self time per key, from the samples and their time deltas (µs), largest first. */
export function selfTimes(profile: CpuProfile, key: (frame: CallFrame) => string): SelfTime[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const totals = new Map<string, number>();
  let all = 0;
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (const [i, id] of samples.entries()) {
    const node = byId.get(id);
    // A sample's time is the delta to the next sample.
    const micros = deltas[i + 1] ?? 0;
    if (!node || micros <= 0) continue;
    const k = key(node.callFrame);
    totals.set(k, (totals.get(k) ?? 0) + micros);
    all += micros;
  }
  return [...totals.entries()]
    .map(([name, micros]) => ({ name, micros, share: all > 0 ? micros / all : 0 }))
    .sort((a, b) => b.micros - a.micros);
}

const functionKey = (f: CallFrame) =>
  `${f.functionName || '(anonymous)'} ${moduleOf(f.url, f.functionName)}:${f.lineNumber + 1}`;
const moduleKey = (f: CallFrame) => moduleOf(f.url, f.functionName);

function print(title: string, rows: SelfTime[], top: number, messages: number | null) {
  process.stdout.write(`\n${title}\n`);
  for (const r of rows.slice(0, top)) {
    const perMessage = messages ? `${(r.micros / messages).toFixed(1).padStart(7)} µs/msg  ` : '';
    process.stdout.write(`${(r.share * 100).toFixed(1).padStart(5)}%  ${perMessage}${r.name}\n`);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, messagesArg, topArg] = process.argv.slice(2);
  if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [messages] [top]');
  const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
  const messages = messagesArg ? Number(messagesArg) : null;
  const top = Number(topArg ?? 30);
  const idle = selfTimes(profile, moduleKey);
  const busy = idle.filter((r) => r.name !== '(idle)' && r.name !== '(program)');
  const busyMicros = busy.reduce((s, r) => s + r.micros, 0);
  process.stdout.write(
    `sampled ${((profile.endTime - profile.startTime) / 1e6).toFixed(1)} s; ` +
      idle
        .map((r) => `${r.name} ${(r.share * 100).toFixed(1)}%`)
        .filter((s) => s.startsWith('('))
        .join(', ') +
      `; busy (excluding idle and program) ${(busyMicros / 1e6).toFixed(2)} s\n`,
  );
  print('Self time by module', idle, top, messages);
  print('Self time by function', selfTimes(profile, functionKey), top, messages);
}

/**
 * A private `redis-server` for fault suites that must stop Redis (TESTPLAN D5) without touching the
 * machine's shared one: no persistence, 127.0.0.1 only, on a port that stays the same across a
 * `kill -9` and a start again (as a restarted Redis behind the same address).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { connect } from 'node:net';
import { freePort } from './server-process.ts';

/** Whether `redis-server` can be run on this machine. */
export function redisServerInstalled(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

/** Whether something on the port answers Redis's `PING` with `+PONG`. */
function pong(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    let reply = '';
    socket.on('connect', () => socket.write('PING\r\n'));
    socket.on('data', (chunk) => {
      reply += String(chunk);
      if (reply.includes('\r\n')) {
        socket.destroy();
        resolve(reply.startsWith('+PONG'));
      }
    });
    socket.on('error', () => resolve(false));
  });
}

export type RedisServer = {
  port: number;
  url: string;
  /** Starts it (again, on the same port) and resolves once it answers `PING`. */
  start(): Promise<void>;
  /** `kill -9`: every connection to it drops, its (unsaved) data is gone. */
  kill(): Promise<void>;
  /** `kill -STOP`: connections stay open and nothing answers (a hung Redis), until `thaw()`. */
  freeze(): void;
  /** `kill -CONT`: it answers again, with its data and what was sent meanwhile. */
  thaw(): void;
};

/** How long a started redis-server may take to answer PING before the suite gives up on it. */
const START_GUARD_MS = 30_000;

export async function redisServer(): Promise<RedisServer> {
  const port = await freePort();
  let child: ChildProcess | null = null;

  async function start() {
    const proc = spawn(
      'redis-server',
      ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
      { stdio: 'ignore' },
    );
    child = proc;
    // A hang guard, not a speed limit (a busy two-core machine can take seconds to start it).
    const giveUpAt = Date.now() + START_GUARD_MS;
    while (Date.now() < giveUpAt) {
      if (proc.exitCode !== null || proc.signalCode !== null)
        throw new Error(`redis-server on port ${port} exited (${proc.exitCode ?? proc.signalCode})`);
      if (await pong(port)) return;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    throw new Error(`redis-server on port ${port} did not answer PING in ${START_GUARD_MS / 1000} s`);
  }

  async function kill() {
    const proc = child;
    child = null;
    if (!proc || proc.exitCode !== null || proc.signalCode !== null) return;
    const exited = new Promise((resolve) => proc.once('exit', resolve));
    proc.kill('SIGKILL'); // also ends a frozen one
    await exited;
  }

  const signal = (name: NodeJS.Signals) => {
    if (!child) throw new Error('redis-server is not running');
    child.kill(name);
  };

  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    start,
    kill,
    freeze: () => signal('SIGSTOP'),
    thaw: () => signal('SIGCONT'),
  };
}

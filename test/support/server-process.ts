/**
 * Frontdesk as a real child process (`node --import tsx <SERVER_MAIN>`, what `pnpm start` runs), for
 * fault suites that kill it (`kill -9`) and start it again on the same port and data directory.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { SERVER_MAIN } from '@frontdesk/server/testing';
import { API } from '@frontdesk/shared';

/** A port nobody listens on right now (the OS picks it; we release it for the child to take). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

/** How long a started server may take to answer `/healthz` before the suite gives up on it. */
const START_GUARD_MS = 90_000;

export type ServerProcess = {
  url: string;
  origin: string;
  dataDir: string;
  /** Whether the process started last is still running (a node that crashed is not). */
  readonly running: boolean;
  /** How the process started last ended by itself (`null` while it runs, or once killed or stopped). */
  readonly exit: { code: number | null; signal: NodeJS.Signals | null } | null;
  /** Everything the process started last wrote (stdout and stderr), for diagnostics. */
  readonly output: string;
  /** Starts the server (again) and resolves once `/healthz` answers. */
  start(): Promise<void>;
  /** `kill -9`: no shutdown hooks, no flush. */
  kill(): Promise<void>;
  stop(): Promise<void>;
};

export async function serverProcess(env: Record<string, string> = {}): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'frontdesk-fault-'));
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | null = null;
  let output = '';

  const exited = (proc: ChildProcess) =>
    new Promise<void>((resolve) => {
      if (proc.exitCode !== null || proc.signalCode !== null) resolve();
      else proc.once('exit', () => resolve());
    });

  async function start() {
    output = '';
    const proc = spawn(process.execPath, ['--import', 'tsx', SERVER_MAIN], {
      // Where `pnpm start` runs it: the server package (tsx is resolved from there).
      cwd: dirname(dirname(SERVER_MAIN)),
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        PUBLIC_URL: url,
        DATA_DIR: dataDir,
        LOG_LEVEL: 'warn',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = proc;
    proc.stdout?.on('data', (chunk) => {
      output += String(chunk);
    });
    proc.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    // A hang guard, not a speed limit: a cold `tsx` start on a busy two-core machine takes a while.
    const giveUpAt = Date.now() + START_GUARD_MS;
    while (Date.now() < giveUpAt) {
      if (proc.exitCode !== null || proc.signalCode !== null)
        throw new Error(`server exited (${proc.exitCode ?? proc.signalCode}):\n${output}`);
      const ok = await fetch(url + API.health, { signal: AbortSignal.timeout(10_000) })
        .then((r) => r.ok)
        .catch(() => false);
      if (ok) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`server did not become healthy in ${START_GUARD_MS / 1000} s:\n${output}`);
  }

  async function kill() {
    if (!child) return;
    const proc = child;
    child = null;
    proc.kill('SIGKILL');
    await exited(proc);
  }

  async function stop() {
    if (!child) return;
    const proc = child;
    child = null;
    proc.kill('SIGTERM');
    await exited(proc);
  }

  return {
    url,
    origin: url,
    dataDir,
    get running() {
      return child !== null && child.exitCode === null && child.signalCode === null;
    },
    get exit() {
      if (!child || (child.exitCode === null && child.signalCode === null)) return null;
      return { code: child.exitCode, signal: child.signalCode };
    },
    get output() {
      return output;
    },
    start,
    kill,
    stop,
  };
}

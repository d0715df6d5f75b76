/** Request/response over a forked child's IPC channel: the parent calls, the child serves named handlers. */
import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type Request = { id: number; type: string; payload: unknown };
type Reply = { id: number; ok: true; data: unknown } | { id: number; ok: false; error: string };

export type Handlers = Record<string, (payload: never) => unknown>;

/** In the child: answers each request with its handler's result; the parent's `close` ends the process. */
export function serveIpc(handlers: Handlers): void {
  const send = process.send?.bind(process);
  if (!send) throw new Error('serveIpc: this process was not started with an IPC channel');
  process.on('message', (raw: Request) => {
    const handler = handlers[raw.type] as ((payload: unknown) => unknown) | undefined;
    Promise.resolve()
      .then(() => {
        if (!handler) throw new Error(`no handler for ${raw.type}`);
        return handler(raw.payload);
      })
      .then(
        (data) => send({ id: raw.id, ok: true, data: data ?? null } satisfies Reply),
        (error: unknown) =>
          send({
            id: raw.id,
            ok: false,
            error: error instanceof Error ? (error.stack ?? error.message) : String(error),
          }),
      );
  });
  process.on('disconnect', () => process.exit(0));
  send({ ready: true });
}

export class Child {
  private nextId = 1;
  private readonly pending = new Map<number, { resolve(v: unknown): void; reject(e: Error): void }>();
  readonly process: ChildProcess;
  private exited = false;
  /** Resolves once the child serves requests. */
  readonly ready: Promise<void>;

  /** Starts `node --import tsx <module>` with an IPC channel. */
  constructor(
    module: URL,
    readonly name: string,
    nodeFlags: string[] = [],
  ) {
    const script = fileURLToPath(module);
    const args = [...nodeFlags, '--import', 'tsx', script];
    // From the bench package, where `tsx` resolves.
    const cwd = fileURLToPath(new URL('../', import.meta.url));
    this.process = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let markReady = () => {};
    this.ready = new Promise<void>((resolve, reject) => {
      markReady = resolve;
      this.process.once('exit', (code) => reject(new Error(`${name} exited (${code}) while starting`)));
      this.process.once('error', reject);
    });
    this.process.on('message', (reply: Reply | { ready: true }) => {
      if ('ready' in reply) return markReady();
      const waiter = this.pending.get(reply.id);
      if (!waiter) return;
      this.pending.delete(reply.id);
      if (reply.ok) waiter.resolve(reply.data);
      else waiter.reject(new Error(`${this.name}: ${reply.error}`));
    });
    this.process.on('exit', (code, signal) => {
      this.exited = true;
      for (const waiter of this.pending.values())
        waiter.reject(new Error(`${this.name} exited (${signal ?? code}) before answering`));
      this.pending.clear();
    });
  }

  call<T>(type: string, payload: unknown = null, timeoutMs = 120_000): Promise<T> {
    if (this.exited) return Promise.reject(new Error(`${this.name} is not running`));
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new Error(`${this.name}: ${type} took longer than ${timeoutMs} ms`));
      }, timeoutMs);
      this.pending.set(id, {
        resolve: (v) => {
          clearTimeout(timer);
          resolve(v as T);
        },
        reject: (e) => {
          clearTimeout(timer);
          reject(e);
        },
      });
      this.process.send({ id, type, payload } satisfies Request);
    });
  }

  /** Disconnects the channel (the child exits); kills it if it is still there after `ms`. */
  async stop(ms = 10_000): Promise<void> {
    if (this.exited) return;
    const gone = new Promise<void>((resolve) => this.process.once('exit', () => resolve()));
    if (this.process.connected) this.process.disconnect();
    const timer = setTimeout(() => this.process.kill('SIGKILL'), ms);
    await gone;
    clearTimeout(timer);
  }
}

/**
 * Issue 11: the abandon sweep's lease on PostgreSQL without Redis (`SweepLease`). A session advisory
 * lock (`pg_try_advisory_lock`) held by a connection of its own, outside the pool: the node whose
 * connection holds it sweeps. The lock lives as long as that session: `release` unlocks it and ends
 * the session; when the holder dies (process killed, network gone) PostgreSQL ends the session and
 * frees the lock, so another node's next `acquire` takes it. While it holds the lock, each `acquire`
 * checks that the connection still answers; a broken connection is dropped and the next `acquire`
 * starts again.
 */
import pg from 'pg';
import type { SweepLease } from '../conversations/sweep-lease.ts';
import type { Logger } from '../kernel/logger.ts';
import { CONNECT_TIMEOUT_MS } from './postgres.ts';

/**
 * The advisory lock key of the abandon sweep (one 64-bit key space per database; Kysely's migration
 * lock uses another value). ASCII "FDSWEEP1".
 */
export const ABANDON_SWEEP_LOCK = '5063263515360710705';

export type PostgresSweepLeaseOptions = {
  logger?: Logger;
  /** The advisory lock key (default `ABANDON_SWEEP_LOCK`), a 64-bit integer as text. */
  key?: string;
};

export class PostgresSweepLease implements SweepLease {
  private client: pg.Client | null = null;
  private held = false;

  constructor(
    private readonly url: string,
    private readonly options: PostgresSweepLeaseOptions = {},
  ) {}

  private get key() {
    return this.options.key ?? ABANDON_SWEEP_LOCK;
  }

  async acquire(): Promise<boolean> {
    const client = this.client ?? (await this.connect());
    try {
      if (this.held) {
        // The lock is the session's: if the session still answers, it still holds it.
        await client.query('SELECT 1');
        return true;
      }
      const { rows } = await client.query<{ held: boolean }>(
        'SELECT pg_try_advisory_lock($1::bigint) AS held',
        [this.key],
      );
      this.held = rows[0]?.held === true;
      return this.held;
    } catch (error) {
      this.drop(client);
      throw error;
    }
  }

  async release(): Promise<void> {
    const client = this.client;
    if (!client) return;
    const held = this.held;
    this.client = null;
    this.held = false;
    try {
      // Unlocked before this resolves (the session's end would free it too, but a moment later, in
      // the server's own time): another node's next acquire gets it.
      if (held) await client.query('SELECT pg_advisory_unlock($1::bigint)', [this.key]);
    } catch (error) {
      this.options.logger?.warn({ err: error }, 'sweep lease: unlock failed (the session end frees it)');
    } finally {
      await client.end().catch(() => {});
    }
  }

  private async connect(): Promise<pg.Client> {
    const client = new pg.Client({
      connectionString: this.url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      keepAlive: true,
    });
    // The server ending the session (restart, admin, network): the lock is gone with it.
    client.on('error', (error: Error) => {
      this.options.logger?.warn({ err: error }, 'sweep lease: connection lost');
      this.drop(client);
    });
    try {
      await client.connect();
    } catch (error) {
      client.end().catch(() => {});
      throw error;
    }
    this.client = client;
    this.held = false;
    return client;
  }

  /** Forgets a broken connection (and with it the lock, which PostgreSQL frees with the session). */
  private drop(client: pg.Client): void {
    if (this.client !== client) return;
    this.client = null;
    this.held = false;
    client.end().catch(() => {});
  }
}

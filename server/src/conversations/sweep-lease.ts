/**
 * Issue 11: which node runs the abandon sweep. Every node has an `AbandonSweeper`; before each pass it
 * asks its `SweepLease`, and only the holder sweeps. The holder renews the lease at every pass and
 * gives it up when it stops; when the holder dies, the lease lapses and another node takes it at its
 * next pass. Three implementations, one per deployment:
 * - `soleLease` (SQLite: one node, nothing to share);
 * - `RedisSweepLease` (`redis/sweep-lease.ts`: a `SET NX PX` key renewed by the holder);
 * - `PostgresSweepLease` (`storage/sweep-lease.ts`: `pg_try_advisory_lock` held by a dedicated
 *   connection, PostgreSQL without Redis).
 * A lease only keeps the nodes from doing the same work: each abandon is still guarded by the row's
 * version, so a moment with two holders (a paused holder whose lease lapsed) stays correct.
 */
export type SweepLease = {
  /** Takes the lease or renews it; true when this node may sweep now. May reject (store unreachable). */
  acquire(): Promise<boolean>;
  /** Gives the lease up (the node stops): another node may take it at its next pass. */
  release(): Promise<void>;
};

/** The only node (SQLite): always the holder. */
export const soleLease: SweepLease = {
  acquire: async () => true,
  release: async () => {},
};

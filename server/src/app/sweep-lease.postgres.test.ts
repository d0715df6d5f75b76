/**
 * Issue 11: two servers on one PostgreSQL database without Redis share the abandon sweep through the
 * advisory lock: one sweeps, the other skips its passes, and takes over once the holder is closed.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { type Harness, startHarness } from '../testing/harness.ts';
import { postgresForThisFile } from '../testing/postgres.ts';

const database = await postgresForThisFile();

const started: Harness[] = [];
afterAll(async () => {
  for (const h of started) await h.close();
});

describe.skipIf(!database)('two nodes on PostgreSQL alone: one abandon sweep', () => {
  it('the holder of the advisory lock sweeps; the other takes over after the holder closes', async () => {
    // One after the other: the second node finds the schema and the demo site in place. The sweep
    // timers are out of the way (an hour): the test runs the passes.
    const options = { databaseUrl: database?.url, presence: { sweepMs: 3_600_000 } };
    const a = await startHarness(options);
    const b = await startHarness(options);
    started.push(a, b);
    const [onA, onB] = await Promise.all([a.sweepTurn(), b.sweepTurn()]);
    expect([onA.swept, onB.swept].filter(Boolean)).toHaveLength(1);
    const [holder, other] = onA.swept ? [a, b] : [b, a];
    expect((await other.sweepTurn()).swept).toBe(false);
    expect((await holder.sweepTurn()).swept).toBe(true);
    await holder.close();
    started.splice(started.indexOf(holder), 1);
    expect((await other.sweepTurn()).swept).toBe(true);
  });
});

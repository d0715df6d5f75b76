/**
 * Several Frontdesk processes of one install (one database, one Redis): the multi-node fault suites.
 * The first node starts alone (it migrates and creates the demo site and the first admin, whose
 * password lands in its data dir); the others start together after it.
 */
import { ROUTES } from '@frontdesk/shared';
import { type ServerProcess, serverProcess } from './server-process.ts';

export async function startNodes(count: number, env: Record<string, string>): Promise<ServerProcess[]> {
  const nodes = await Promise.all(Array.from({ length: count }, () => serverProcess(env)));
  const [first, ...others] = nodes;
  await first?.start();
  await Promise.all(others.map((node) => node.start()));
  return nodes;
}

export type Readiness = { status: number; body: { status: string; reasons?: string[] } };

/** What a load balancer sees at `/readyz`. */
export async function readiness(node: Pick<ServerProcess, 'url'>): Promise<Readiness> {
  const res = await fetch(node.url + ROUTES.ready);
  return { status: res.status, body: (await res.json()) as Readiness['body'] };
}

/**
 * The nodes that ended by themselves (a crash), not killed or stopped by the test, each with how it
 * ended and the end of what it wrote: `expect(crashed(nodes)).toEqual([])` shows why on failure.
 */
export function crashed(nodes: readonly ServerProcess[]): string[] {
  return nodes.flatMap((node) =>
    node.exit === null
      ? []
      : [`${node.url} ended (${node.exit.signal ?? node.exit.code}):\n${node.output.slice(-4000)}`],
  );
}

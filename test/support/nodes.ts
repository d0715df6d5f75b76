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

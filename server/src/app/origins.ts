/** Where this server is reached: what the agent console's origin checks and the demo site accept. */
import type { Config } from '../config/config.ts';

/** PUBLIC_URL, and loopback names for the port actually bound. */
export function selfOrigins(config: Pick<Config, 'publicUrl'>, port: number): readonly string[] {
  return Object.freeze([
    ...new Set([config.publicUrl.origin, `http://localhost:${port}`, `http://127.0.0.1:${port}`]),
  ]);
}

/** The console's one injectable dependency: REST + realtime. Tests pass an in-memory implementation. */
import { type ConsoleApi, createHttpApi } from './api/index.ts';
import { type ConnectRealtime, connectAgentSocket } from './realtime/index.ts';

export type ConsoleClient = ConsoleApi & { connect: ConnectRealtime };

export const createBrowserClient = (): ConsoleClient => ({ ...createHttpApi(), connect: connectAgentSocket });

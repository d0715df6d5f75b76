/** The console's one injectable dependency: REST + realtime. Tests pass an in-memory implementation. */

import { type ConnectRealtime, connectAgentSocket } from '../conversations/realtime/index.ts';
import { type ConsoleApi, createHttpApi } from './api.ts';

export type ConsoleClient = ConsoleApi & { connect: ConnectRealtime };

export const createBrowserClient = (): ConsoleClient => ({ ...createHttpApi(), connect: connectAgentSocket });

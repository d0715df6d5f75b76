/** The connection slice: transport status and whether the session is initialised on this connection. */
import type { TransportStatus } from '../../transport/index.ts';
import type { Action } from './actions.ts';

export type ConnectionState = {
  status: TransportStatus;
  /** `session:init` answered since the last connect; requests before that wait. */
  ready: boolean;
  /** Has ever been online (distinguishes "connecting" from "reconnecting"). */
  wasOnline: boolean;
};

export const initialConnection: ConnectionState = { status: 'connecting', ready: false, wasOnline: false };

export function connectionReducer(state: ConnectionState, action: Action): ConnectionState {
  switch (action.type) {
    case 'connection/status':
      return {
        status: action.status,
        ready: action.status === 'online' ? state.ready : false,
        wasOnline: state.wasOnline || action.status === 'online',
      };
    case 'session/ready':
      return { ...state, ready: true };
    default:
      return state;
  }
}

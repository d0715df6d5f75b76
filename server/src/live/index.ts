/** Issue 13: typing indicators and read receipts (the use cases, their ports, the socket.io side). */
export type { LiveBroadcaster, LiveTarget } from './ports.ts';
export { ReadReceipts, type ReadReceiptsDeps } from './read-receipts.ts';
export { type LiveRooms, SocketLive } from './socket-live.ts';
export type { NewReadPosition, ReadsStore } from './store.ts';
export { TypingRelay } from './typing.ts';

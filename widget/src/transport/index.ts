/** @module transport — how the widget reaches the server; the app depends on `ChatTransport` only. */

export type { FileTransport, UploadHandle, UploadRequest, UploadResult } from './files.ts';
export { createSocketTransport, type SocketTransportOptions } from './socket.ts';
export * from './types.ts';

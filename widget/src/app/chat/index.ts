/** @module chat — the visitor's conversation logic over a `ChatTransport`. */
export { type Chat, type ChatDeps, createChat } from './chat.ts';
export { errorKey, noticeFor } from './errors.ts';

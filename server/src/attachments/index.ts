/** Attachments (issue 13): files both ways in a conversation. */
export { type AttachmentFile, Attachments, type AttachmentsDeps, attachmentNotFound } from './attachments.ts';
export { cleanFileName, decideUpload, maxBytesOf, type UploadDecision } from './decide.ts';
export { type FileStore, removeFileKeys } from './file-store.ts';
export { localFileStore } from './local-file-store.ts';
export { attachmentRoutes, contentDisposition, downloadHeaders } from './routes.ts';
export { type S3Settings, s3FileStore } from './s3-file-store.ts';
export { AttachmentSettingsEditor, attachmentSettingsRoutes } from './settings-routes.ts';
export type { AttachmentRecord, AttachmentsStore, NewAttachment } from './store.ts';

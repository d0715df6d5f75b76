/** Issue 13: the lazily loaded attachment views (see `lazy-attachments.tsx`). */
export { AttachmentView } from './Attachment.tsx';
export { UploadList } from './Uploads.tsx';

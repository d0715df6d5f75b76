/** The mail outbox over HTTP (admins): what was sent, what waits, and sending one again. */
import type { AckResult } from '@frontdesk/shared';
import { API } from '@frontdesk/shared';
import {
  type MailOutbox,
  type MailOutboxEntry,
  MailOutboxReplySchema,
  MailResendReplySchema,
  parseWith,
} from '@frontdesk/shared/responses';
import type { Http } from '../shared/http.ts';

export type MailApi = {
  listOutbox(): Promise<AckResult<MailOutbox>>;
  resendMail(mailId: string): Promise<AckResult<MailOutboxEntry>>;
};

const readOutbox = parseWith(MailOutboxReplySchema);
const readResend = parseWith(MailResendReplySchema);

export const createMailApi = (http: Http): MailApi => ({
  listOutbox: () => http.get(API.mailOutbox, readOutbox),
  resendMail: (mailId) =>
    http.send('POST', API.mailResend(mailId), undefined, (body) => readResend(body)?.mail),
});

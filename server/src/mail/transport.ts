/** Sending one e-mail: nodemailer over `SMTP_URL`. The outbox depends on the port, tests on the real thing. */
import { createTransport } from 'nodemailer';

export type Address = { name: string; address: string };

export type OutgoingMail = {
  from: Address;
  to: Address;
  replyTo: string | null;
  subject: string;
  text: string;
  html: string;
};

export type MailTransport = {
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
};

/** Address objects, never strings glued together: nodemailer encodes names and keeps addresses apart. */
export function smtpTransport(url: string): MailTransport {
  const transporter = createTransport(url);
  return {
    async send(mail) {
      await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        ...(mail.replyTo ? { replyTo: mail.replyTo } : {}),
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        disableFileAccess: true,
        disableUrlAccess: true,
      });
    },
    close: () => transporter.close(),
  };
}

/**
 * The optional inbound SMTP listener (`SMTP_INBOUND_PORT`): takes visitors' e-mail replies to the
 * signed per-conversation addresses and hands the new text to `deliver`. Anything else is refused
 * at RCPT TO (550): a forged, stale or foreign address never reaches a conversation. Size is capped
 * (SIZE extension, then the stream); the Message-ID makes a redelivered message land only once.
 */
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { LIMITS, RETRYABLE_ERRORS } from '@frontdesk/shared';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { AppError } from '../kernel/errors.ts';
import type { Logger } from '../kernel/logger.ts';
import { newReplyText } from './reply-text.ts';
import { verifyReplyAddress } from './signing.ts';

export type InboundReply = { conversationId: string; clientId: string; body: string };

export type InboundMailDeps = {
  secret: string;
  replyDomain: string;
  clock: () => number;
  logger: Logger;
  deliver(reply: InboundReply): Promise<void>;
  maxBytes?: number;
};

type SmtpError = Error & { responseCode?: number };
const smtpError = (code: number, message: string): SmtpError =>
  Object.assign(new Error(message), { responseCode: code });

/** A clientId for the message: stable per Message-ID (and conversation), the shape clients use. */
export function inboundClientId(conversationId: string, messageId: string): string {
  const digest = createHash('sha256').update(`${conversationId}\n${messageId}`).digest('base64url');
  return `mail-${digest.slice(0, 40)}`;
}

export class InboundMail {
  private server: SMTPServer | null = null;

  constructor(private readonly deps: InboundMailDeps) {}

  /** Listens on `port` (0: any free one); resolves with the port. */
  start(port: number, host: string): Promise<number> {
    const { deps } = this;
    const maxBytes = deps.maxBytes ?? LIMITS.mailInboundMaxBytes;
    const conversations = new WeakMap<object, string[]>();
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      size: maxBytes,
      logger: false,
      banner: 'Frontdesk replies',
      onRcptTo(address, session, callback) {
        const checked = verifyReplyAddress(deps.secret, address.address, deps.replyDomain, deps.clock());
        if (!checked.ok) {
          deps.logger.info({ reason: checked.reason }, 'inbound mail refused at RCPT TO');
          return callback(
            smtpError(550, `5.1.1 ${checked.reason === 'expired' ? 'address expired' : 'no such address'}`),
          );
        }
        const list = conversations.get(session) ?? [];
        conversations.set(session, [...list, checked.conversationId]);
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        let size = 0;
        stream.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size <= maxBytes) chunks.push(chunk);
        });
        stream.on('end', () => {
          if (stream.sizeExceeded || size > maxBytes) {
            return callback(smtpError(552, '5.3.4 message too big'));
          }
          const targets = conversations.get(session) ?? [];
          handle(Buffer.concat(chunks), targets).then(
            () => callback(),
            (error: unknown) => {
              // A refusal that a retry cannot change (e.g. the conversation no longer takes
              // messages) bounces at once; anything else is worth the sender's retry.
              const final = error instanceof AppError && !RETRYABLE_ERRORS.includes(error.code);
              deps.logger.warn({ err: error, final }, 'inbound mail could not be stored');
              callback(
                final ? smtpError(550, `5.7.1 ${error.message}`) : smtpError(451, '4.3.0 try again later'),
              );
            },
          );
        });
      },
    });
    const handle = async (raw: Buffer, targets: readonly string[]) => {
      const parsed = await simpleParser(raw, { skipHtmlToText: false });
      const body = newReplyText(
        parsed.text ?? '',
        Math.min(LIMITS.mailInboundMaxText, LIMITS.messageMaxLength),
      );
      if (body === '') return;
      const messageId = parsed.messageId ?? createHash('sha256').update(raw).digest('hex');
      for (const conversationId of new Set(targets)) {
        await deps.deliver({ conversationId, clientId: inboundClientId(conversationId, messageId), body });
      }
    };
    this.server = server;
    return new Promise((resolve, reject) => {
      server.server.once('error', reject);
      server.listen(port, host, () => {
        server.server.off('error', reject);
        resolve((server.server.address() as AddressInfo).port);
      });
    });
  }

  stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return Promise.resolve();
    return new Promise((resolve) => server.close(() => resolve()));
  }
}

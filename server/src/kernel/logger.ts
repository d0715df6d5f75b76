/** Structured logs (pino). Secrets never reach a log line: tokens, cookies and passwords are redacted. */
import { pino } from 'pino';

export type Logger = pino.Logger;

export function createLogger(level: pino.LevelWithSilent): Logger {
  return pino({
    level,
    redact: {
      paths: ['token', '*.token', 'password', '*.password', 'req.headers.cookie', 'headers.cookie', 'auth'],
      censor: '[redacted]',
    },
  });
}

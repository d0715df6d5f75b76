/** Structured logs (pino). Secrets never reach a log line: tokens, cookies and passwords are redacted. */
import { pino } from 'pino';

export type Logger = pino.Logger;

/** `destination`: where lines go (default stdout); tests capture them to assert what is never logged. */
export function createLogger(level: pino.LevelWithSilent, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level,
    redact: {
      paths: ['token', '*.token', 'password', '*.password', 'req.headers.cookie', 'headers.cookie', 'auth'],
      censor: '[redacted]',
    },
  };
  return destination ? pino(options, destination) : pino(options);
}

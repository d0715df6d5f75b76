/** Bodies over `LIMITS.httpMaxBodyBytes` are refused as they stream in, never buffered whole (TESTPLAN L1). */
import { LIMITS } from '@frontdesk/shared';
import { bodyLimit } from 'hono/body-limit';
import { AppError } from '../../kernel/errors.ts';

export const apiBodyLimit = () =>
  bodyLimit({
    maxSize: LIMITS.httpMaxBodyBytes,
    onError: () => {
      throw new AppError('too_large', `request body over ${LIMITS.httpMaxBodyBytes} bytes`);
    },
  });

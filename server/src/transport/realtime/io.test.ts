import { createServer } from 'node:http';
import { afterEach, expect, it } from 'vitest';
import { createIo } from './io.ts';

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

it('leaves WebSocket compression off and bounds packets (issue 17: small frames, no zlib per socket)', () => {
  const io = createIo();
  io.attach(createServer());
  close = () => io.close();
  expect(io.engine.opts.perMessageDeflate).toBe(false);
  expect(io.engine.opts.maxHttpBufferSize).toBeGreaterThan(0);
});

/** D5: Redis down logs once per outage per part, not once per failed attempt. */
import { Writable } from 'node:stream';
import { pino } from 'pino';
import { describe, expect, it } from 'vitest';
import { outageLog } from './outage-log.ts';

function collectingLogger() {
  const lines: Array<{ level: number; msg: string; failures?: number; err?: { message: string } }> = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: pino({ level: 'info' }, stream), lines };
}

describe('outageLog', () => {
  it('D5 logs the first failure of an outage and the recovery with the count, nothing in between', () => {
    const { logger, lines } = collectingLogger();
    const log = outageLog(logger, 'redis publish');
    log.recovered(); // working all along: nothing to say
    for (let i = 0; i < 50; i++) log.failed(new Error(`connect ECONNREFUSED #${i}`));
    log.recovered();
    log.recovered();
    log.failed(new Error('second outage'));
    expect(lines.map((l) => [l.level, l.msg, l.failures ?? l.err?.message])).toEqual([
      [40, 'redis publish failed (logged again when it works)', 'connect ECONNREFUSED #0'],
      [30, 'redis publish works again', 50],
      [40, 'redis publish failed (logged again when it works)', 'second outage'],
    ]);
  });

  it('without a logger it only counts', () => {
    const log = outageLog(undefined, 'presence heartbeat');
    expect(() => {
      log.failed(new Error('x'));
      log.recovered();
    }).not.toThrow();
  });
});

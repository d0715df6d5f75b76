/**
 * `@frontdesk/server/testing`: the one entry point other packages (`test/`, `bench/`) use to run and
 * drive the server. Nothing else of `server/src` is imported from outside the package.
 */

// Issue 12: reads a downloaded ZIP export (entry path → bytes).
export { unzipSync as readZip } from 'fflate';
// Issue 13: real files for upload tests (a JPEG with GPS EXIF, a PNG, a PDF, SVG with script, HTML).
export {
  hasGpsPointer,
  htmlPage,
  jpegWithGps,
  pdf,
  png,
  svgWithScript,
} from '../attachments/fixtures/corpus.ts';
// Issue 15: the reports fixture (hand-computed figures), for browser tests of the Reports page.
export { FIXTURE_QUERY, reportFixture } from '../reports/fixture.ts';
// Issue 17: the server's socket.io setup and its write corking, for the bench's write micro-benchmark.
export { type CorkStats, corkFlushes } from '../transport/realtime/cork.ts';
export { createIo } from '../transport/realtime/io.ts';
// The console's HTTP side as a signed-in agent (for suites that set data up without the UI).
export { type ConsoleHttp, consoleHttp } from './console-http.ts';
export {
  type AgentSocket,
  call,
  callRaw,
  clientId,
  connected,
  type Harness,
  type HarnessOptions,
  openConversation,
  startHarness,
  type VisitorSocket,
  waitFor,
} from './harness.ts';
export { BOT_EVAL_CLI, SERVER_MAIN } from './paths.ts';
export { postgresForThisFile, type TestDatabase } from './postgres.ts';
export { redisForThisFile, type TestRedis } from './redis.ts';
export { dropPrefix, openRedisPrefix, type RedisPrefix } from './redis-prefix.ts';
export { agentSessionCookie } from './sessions.ts';
export { type SmtpSink, type SunkMail, startSmtpSink } from './smtp-sink.ts';
// Issue 15: a real HTTP receiver for webhook deliveries.
export { type Received, startWebhookReceiver, type WebhookReceiver } from './webhook-receiver.ts';

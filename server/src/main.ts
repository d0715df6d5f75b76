/** `pnpm start`: load config, start the server, make sure the demo site and an admin exist, say where to go. */
import { PATHS } from '@frontdesk/shared';
import { ensureAdmin, ensureDemoSite, signInHint } from './app/bootstrap.ts';
import { startServer } from './app/server.ts';
import { ConfigError, loadConfig } from './config/config.ts';

/** E-mail as a channel (issue 10, mail): what happens to mail, in one line of the banner. */
function mailLine(configured: boolean, inboundPort: number | null): string {
  if (!configured) return 'E-mail is not configured (SMTP_URL): mail waits in the outbox (console → Outbox)';
  return inboundPort === null
    ? 'sent through SMTP_URL; replies by e-mail are off (set SMTP_INBOUND_PORT)'
    : `sent through SMTP_URL; replies by e-mail are taken on port ${inboundPort}`;
}

async function main() {
  const config = loadConfig();
  const server = await startServer(config);
  const site = await ensureDemoSite(server.storage, server.bot);
  const admin = await ensureAdmin(server.storage, server.agents, site, config.dataDir);
  const base =
    config.publicUrl.origin === `http://localhost:${config.port}`
      ? `http://localhost:${server.port}`
      : config.publicUrl.origin;
  const login = signInHint(admin);
  process.stdout.write(
    [
      '',
      '  Frontdesk is running.',
      `  Demo shop with the widget:  ${base}${PATHS.demo}/`,
      `  Agent console:              ${base}${PATHS.console}/`,
      `  Log in with:                ${login}`,
      `  Data:                       ${config.database.engine === 'sqlite' ? config.database.file : 'PostgreSQL'}`,
      `  E-mail:                     ${mailLine(server.mail.configured, server.mail.inboundPort)}`,
      '',
    ].join('\n'),
  );
  const stop = async (signal: string) => {
    server.logger.info({ signal }, 'shutting down');
    await server.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`Configuration error: ${error.message}\n`);
  } else {
    process.stderr.write(
      `Frontdesk failed to start: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
  }
  process.exit(1);
});

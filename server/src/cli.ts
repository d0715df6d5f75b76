/**
 * Admin CLI: `pnpm frontdesk <command>`.
 *   agent:add --email E --name N [--password P] [--role admin|agent] [--site KEY]
 *   agent:disable | agent:enable --email E
 *   agent:password --email E [--password P]
 *   agent:list
 *   site:add --name N [--origin URL]…   (prints the new key alone on its last line)
 *   site:origins --site KEY --add URL | --remove URL | --list
 *   faq:import | faq:export | faq:test (see faq/cli.ts)
 *   migrate [--database URL] | db:copy --to URL [--from URL]   (see storage/cli.ts)
 *   contacts:seed | contacts:search (see contacts/cli.ts)
 *   conversations:seed | conversations:search (see search/cli.ts)
 *   reports:seed | reports:time (see reports/cli.ts)
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import {
  AllowedOriginSchema,
  EmailSchema,
  NewAgentSchema,
  PasswordSchema,
  SiteCreateSchema,
  v,
} from '@frontdesk/shared/schemas';
import { newSiteKey } from './admin/sites.ts';
import { loadConfig } from './config/config.ts';
import { CONTACTS_USAGE, runContactsCommand } from './contacts/cli.ts';
import { FAQ_USAGE, runFaqCommand } from './faq/cli.ts';
import { AgentAccounts } from './identity/agent-accounts.ts';
import { AgentSessions, NO_OPEN_SOCKETS } from './identity/agent-sessions.ts';
import { AppError } from './kernel/errors.ts';
import { createLogger } from './kernel/logger.ts';
import { parse } from './kernel/validate.ts';
import { REPORTS_USAGE, runReportsCommand } from './reports/cli.ts';
import { runSearchCommand, SEARCH_USAGE } from './search/cli.ts';
import { DEMO_SITE_KEY } from './sites/embedding.ts';
import { DEFAULT_SITE_SETTINGS } from './sites/settings.ts';
import { DB_USAGE, runDbCommand } from './storage/cli.ts';
import { openStorage } from './storage/index.ts';

const USAGE = `Usage:
  pnpm frontdesk agent:add --email you@example.com --name "Your Name" [--password …] [--role agent|admin] [--site ${DEMO_SITE_KEY}]
  pnpm frontdesk agent:disable --email you@example.com     (ends their sessions; agent:enable undoes it)
  pnpm frontdesk agent:password --email you@example.com [--password …]   (ends their sessions)
  pnpm frontdesk agent:list
  pnpm frontdesk site:add --name "My shop" [--origin https://shop.example]…   (prints the site key last)
  pnpm frontdesk site:origins --site KEY --add https://shop.example | --remove URL | --list
${FAQ_USAGE}
${DB_USAGE}
${CONTACTS_USAGE}
${SEARCH_USAGE}
${REPORTS_USAGE}`;

export async function runCli(
  argv: string[],
  out: (line: string) => void,
  env = process.env,
): Promise<number> {
  const [command, ...rest] = argv;
  if (command === 'migrate' || command === 'db:copy') {
    return runDbCommand(command, rest, { out, isTTY: false }, env);
  }
  const config = loadConfig(env);
  const storage = openStorage(config.database);
  // No sockets here: running servers notice ended sessions within their re-check interval.
  const sessions = new AgentSessions(storage, NO_OPEN_SOCKETS, createLogger(config.logLevel));
  const agents = new AgentAccounts(storage, sessions);
  try {
    await storage.migrate();
    switch (command) {
      case 'agent:add': {
        const { values } = parseArgs({
          args: rest,
          options: {
            email: { type: 'string' },
            name: { type: 'string' },
            password: { type: 'string' },
            role: { type: 'string', default: 'agent' },
            site: { type: 'string', default: DEMO_SITE_KEY },
          },
        });
        const generated = values.password ? null : randomBytes(12).toString('base64url');
        const input = parse(NewAgentSchema, {
          email: values.email ?? '',
          name: values.name ?? '',
          password: values.password ?? generated,
          role: values.role,
        });
        const site = await storage.getSiteByKey(values.site ?? DEMO_SITE_KEY);
        if (!site)
          throw new AppError(
            'not_found',
            `no site with key "${values.site}" (start the server once to create the demo site)`,
          );
        const agent = await agents.create(input, [site.id]);
        out(`Agent ${agent.email} (${agent.role}) created for site ${site.key}.`);
        if (generated) out(`Password: ${generated}`);
        return 0;
      }
      case 'agent:disable':
      case 'agent:enable':
      case 'agent:password': {
        const { values } = parseArgs({
          args: rest,
          options: { email: { type: 'string' }, password: { type: 'string' } },
        });
        const { email } = parse(v.strictObject({ email: EmailSchema }), { email: values.email ?? '' });
        const agent = await agents.findByEmail(email);
        if (command === 'agent:password') {
          const generated = values.password ? null : randomBytes(12).toString('base64url');
          const { password } = parse(v.strictObject({ password: PasswordSchema }), {
            password: values.password ?? generated,
          });
          await agents.setPassword(agent.id, password, { mustChange: generated !== null });
          out(`New password set for ${agent.email}; their sessions have ended.`);
          if (generated) out(`Password: ${generated}`);
          return 0;
        }
        await agents.setDisabled(agent.id, command === 'agent:disable');
        out(
          command === 'agent:disable'
            ? `${agent.email} is disabled; their sessions have ended.`
            : `${agent.email} can sign in again.`,
        );
        return 0;
      }
      case 'agent:list': {
        const rows = [['email', 'name', 'role', 'disabled', 'sites']];
        for (const agent of await storage.listAgents()) {
          const sites = await storage.listSitesOfAgent(agent.id);
          rows.push([
            agent.email,
            agent.name,
            agent.role,
            agent.disabled ? 'yes' : 'no',
            sites.map((site) => site.key).join(',') || '-',
          ]);
        }
        const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0))) ?? [];
        for (const row of rows)
          out(
            row
              .map((cell, i) => cell.padEnd(widths[i] ?? 0))
              .join('  ')
              .trimEnd(),
          );
        return 0;
      }
      case 'site:add': {
        const { values } = parseArgs({
          args: rest,
          options: { name: { type: 'string' }, origin: { type: 'string', multiple: true } },
        });
        const input = parse(SiteCreateSchema, {
          name: values.name ?? '',
          allowedOrigins: values.origin ?? [],
        });
        const site = await storage.createSite({
          key: newSiteKey(),
          name: input.name,
          allowedOrigins: input.allowedOrigins,
          settings: DEFAULT_SITE_SETTINGS,
        });
        out(
          `Site "${site.name}" created; allowed origins: ${site.allowedOrigins.join(', ') || '(none yet)'}.`,
        );
        out('Embed it with <script src="…/widget.js" data-site="KEY" async></script>; its key:');
        out(site.key);
        return 0;
      }
      case 'site:origins': {
        const { values } = parseArgs({
          args: rest,
          options: {
            site: { type: 'string' },
            add: { type: 'string', multiple: true },
            remove: { type: 'string', multiple: true },
            list: { type: 'boolean' },
          },
        });
        const site = await storage.getSiteByKey(values.site ?? '');
        if (!site) throw new AppError('not_found', `no site with key "${values.site ?? ''}"`);
        const canonical = (origin: string) =>
          parse(v.object({ origin: AllowedOriginSchema }), { origin }).origin;
        const add = (values.add ?? []).map(canonical);
        const remove = new Set((values.remove ?? []).map(canonical));
        if (add.length === 0 && remove.size === 0 && !values.list) {
          throw new AppError('bad_request', 'say --add URL, --remove URL or --list');
        }
        let origins = site.allowedOrigins;
        if (add.length > 0 || remove.size > 0) {
          origins = [...new Set([...origins.filter((o) => !remove.has(o)), ...add])];
          await storage.updateSite(site.id, { allowedOrigins: origins });
        }
        out(`Allowed origins of ${site.key}:`);
        for (const origin of origins) out(`  ${origin}`);
        if (origins.length === 0) out('  (none: the widget runs on no page)');
        return 0;
      }
      case 'faq:import':
      case 'faq:export':
      case 'faq:test':
        return await runFaqCommand(command, rest, { storage, out, cwd: env.INIT_CWD ?? process.cwd() });
      case 'contacts:seed':
      case 'contacts:search':
        return await runContactsCommand(command, rest, { storage, out });
      case 'conversations:seed':
      case 'conversations:search':
        return await runSearchCommand(command, rest, { storage, out });
      case 'reports:seed':
      case 'reports:time':
        return await runReportsCommand(command, rest, { storage, out });
      default:
        out(USAGE);
        return command ? 2 : 0;
    }
  } catch (error) {
    if (error instanceof AppError) {
      out(`Error: ${error.message}`);
      return 1;
    }
    throw error;
  } finally {
    await storage.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [command, ...rest] = process.argv.slice(2);
  const out = (line: string) => process.stdout.write(`${line}\n`);
  const terminal = { out, isTTY: process.stdout.isTTY, write: (text: string) => process.stdout.write(text) };
  (command === 'db:copy'
    ? runDbCommand(command, rest, terminal, process.env)
    : runCli(process.argv.slice(2), out)
  ).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}

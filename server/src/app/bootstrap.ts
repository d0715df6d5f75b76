/**
 * First start: the demo site (with its FAQ) and an admin agent. Idempotent: runs on every start and
 * only creates what is missing. The admin's generated password is printed and kept in the data dir.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isLocale, type QuickReply } from '@frontdesk/shared';
import type { BotRegistry } from '../bot/registry.ts';
import type { FaqStore } from '../bot/store.ts';
import { type FaqFileEntry, parseFaqYaml } from '../faq/format.ts';
import type { AgentAccounts } from '../identity/agent-accounts.ts';
import type { AgentsStore } from '../identity/store.ts';
import { DEMO_SITE_KEY } from '../sites/embedding.ts';
import { DEFAULT_SITE_SETTINGS } from '../sites/settings.ts';
import type { Site, SitesStore } from '../sites/store.ts';

export const DEMO_FAQ_FILE = fileURLToPath(new URL('../../seed/demo-faq.jsonl', import.meta.url));
/** The same FAQ in the import/export format (`pnpm frontdesk faq:export`), as an example for site owners. */
export const DEMO_FAQ_YAML = fileURLToPath(new URL('../../seed/demo-faq.yaml', import.meta.url));
export const ADMIN_EMAIL = 'admin@example.com';

/** Topics whose answers also offer a person at once. */
const PRIORITY_TOPICS = ['complaint', 'damaged_parcel', 'missing_item'];

type SeedFaq = { id: string; lang: string; question: string; examples: string[]; answer: string };

/** Reads an FAQ file: the YAML format (`.yaml`/`.yml`, tags as written) or the evaluation set's JSON lines. */
export function readFaqFile(file: string): FaqFileEntry[] {
  if (/\.ya?ml$/i.test(file)) return parseFaqYaml(readFileSync(file, 'utf8'));
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as SeedFaq)
    .filter((faq): faq is SeedFaq & { lang: 'en' | 'pl' } => isLocale(faq.lang))
    .map((faq) => ({
      id: faq.id,
      lang: faq.lang,
      question: faq.question,
      examples: faq.examples,
      answer: faq.answer,
      tags: PRIORITY_TOPICS.some((t) => faq.id.startsWith(`${t}_`)) ? ['complaint'] : [],
    }));
}

const quickReplies = (faqs: ReturnType<typeof readFaqFile>, lang: 'en' | 'pl'): QuickReply[] =>
  ['delivery_time', 'return_policy', 'order_status'].flatMap((topic) => {
    const faq = faqs.find((f) => f.id === `${topic}_${lang}`);
    return faq ? [{ type: 'faq' as const, label: faq.question, faqId: faq.id }] : [];
  });

export async function ensureDemoSite(
  storage: SitesStore & FaqStore,
  bot: Pick<BotRegistry, 'invalidate'>,
): Promise<Site> {
  const existing = await storage.getSiteByKey(DEMO_SITE_KEY);
  if (existing) return existing;
  const faqs = readFaqFile(DEMO_FAQ_FILE);
  const site = await storage
    .createSite({
      key: DEMO_SITE_KEY,
      name: 'Nordic Nest',
      allowedOrigins: [],
      settings: {
        ...DEFAULT_SITE_SETTINGS,
        appearance: {
          ...DEFAULT_SITE_SETTINGS.appearance,
          color: '#2d5f55',
          quickReplies: { en: quickReplies(faqs, 'en'), pl: quickReplies(faqs, 'pl') },
        },
        escalationPhrases: [],
      },
    })
    .then(
      (created) => ({ created, raced: null }),
      async (error: unknown) => {
        // Issue 11: another node starting at the same moment created it first (the key is unique);
        // that node loads the FAQ.
        const raced = await storage.getSiteByKey(DEMO_SITE_KEY);
        if (!raced) throw error;
        return { created: null, raced };
      },
    );
  if (!site.created) return site.raced;
  for (const faq of faqs) await storage.upsertFaq(site.created.id, faq);
  bot.invalidate(site.created.id);
  return site.created;
}

export type AdminLogin = {
  email: string;
  /** The generated password, only on the start that created the admin: it is printed once. */
  password: string | null;
  passwordFile: string;
  /** Whether the password file is still there (its content is never printed again). */
  passwordFileKept: boolean;
};

/**
 * Creates the first admin when there is no agent at all. Once that admin has chosen their own
 * password, the file with the generated one is deleted: it would only mislead.
 */
export async function ensureAdmin(
  storage: Pick<AgentsStore, 'countAgents' | 'getAgentByEmail'>,
  agents: Pick<AgentAccounts, 'create'>,
  site: Site,
  dataDir: string,
): Promise<AdminLogin> {
  const passwordFile = join(dataDir, 'admin-password.txt');
  if ((await storage.countAgents()) > 0) {
    const admin = await storage.getAgentByEmail(ADMIN_EMAIL);
    if (existsSync(passwordFile) && admin && !admin.mustChangePassword) rmSync(passwordFile);
    return { email: ADMIN_EMAIL, password: null, passwordFile, passwordFileKept: existsSync(passwordFile) };
  }
  const password = randomBytes(12).toString('base64url');
  try {
    await agents.create({ email: ADMIN_EMAIL, name: 'Admin', password, role: 'admin' }, [site.id], {
      mustChangePassword: true,
    });
  } catch (error) {
    // Issue 11: another node starting at the same moment created the admin; it shows the password.
    if ((await storage.countAgents()) === 0) throw error;
    return { email: ADMIN_EMAIL, password: null, passwordFile, passwordFileKept: existsSync(passwordFile) };
  }
  // On PostgreSQL nothing else may have made the data folder yet.
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(passwordFile, `${password}\n`, { mode: 0o600 });
  return { email: ADMIN_EMAIL, password, passwordFile, passwordFileKept: true };
}

/** How to sign in, for the start banner: the password itself only on the start that made it. */
export function signInHint(admin: AdminLogin): string {
  if (admin.password)
    return `e-mail ${admin.email}, password ${admin.password}  (also in ${admin.passwordFile})`;
  if (admin.passwordFileKept)
    return `e-mail ${admin.email}, the password printed on the first start (kept in ${admin.passwordFile})`;
  return `e-mail ${admin.email}; add or reset agents with: pnpm frontdesk agent:add --email you@example.com --name You`;
}

/**
 * FAQ commands of the admin CLI: import and export a site's FAQ file, and test a question against
 * the site's bot (decision and top matches with scores). `cli.ts` dispatches `faq:*` here.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { LocaleSchema } from '@frontdesk/shared/schemas';
import { BotRegistry } from '../bot/registry.ts';
import type { FaqStore } from '../bot/store.ts';
import { AppError } from '../kernel/errors.ts';
import { parse } from '../kernel/validate.ts';
import { DEMO_SITE_KEY } from '../sites/embedding.ts';
import type { Site, SitesStore } from '../sites/store.ts';
import { FaqEntries } from './entries.ts';
import { FaqFormatError, parseFaqYaml, serializeFaqYaml } from './format.ts';

export const FAQ_USAGE = `  pnpm frontdesk faq:import --site ${DEMO_SITE_KEY} FILE.yaml [--replace]   (--replace deletes entries not in the file)
  pnpm frontdesk faq:export --site ${DEMO_SITE_KEY} [FILE.yaml]              (no FILE: print to stdout)
  pnpm frontdesk faq:test --site ${DEMO_SITE_KEY} [--lang en|pl] "a visitor question"`;

export type FaqCliContext = {
  storage: FaqStore & SitesStore;
  out: (line: string) => void;
  /** Relative paths resolve against this (pnpm runs scripts in the package folder; INIT_CWD is the caller's). */
  cwd: string;
};

async function siteByKey(storage: SitesStore, key: string): Promise<Site> {
  const site = await storage.getSiteByKey(key);
  if (!site) throw new AppError('not_found', `no site with key "${key}"`);
  return site;
}

function readEntries(file: string) {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new AppError('not_found', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? error}`);
  }
  try {
    return parseFaqYaml(text);
  } catch (error) {
    if (error instanceof FaqFormatError) throw new AppError('bad_request', `${file}, ${error.message}`);
    throw error;
  }
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      options: {
        site: { type: 'string', default: DEMO_SITE_KEY },
        replace: { type: 'boolean', default: false },
        lang: { type: 'string' },
      },
    });
  } catch (error) {
    throw new AppError('bad_request', error instanceof Error ? error.message : String(error));
  }
}

export async function runFaqCommand(command: string, args: string[], ctx: FaqCliContext): Promise<number> {
  const { values, positionals } = parseOptions(args);
  const site = await siteByKey(ctx.storage, values.site ?? DEMO_SITE_KEY);
  const file = positionals[0] === undefined ? null : resolve(ctx.cwd, positionals[0]);

  switch (command) {
    case 'faq:import': {
      if (!file) throw new AppError('bad_request', 'name the FAQ file to import');
      const entries = readEntries(file);
      const before = new Set((await ctx.storage.listFaqs(site.id)).map((f) => f.id));
      for (const entry of entries) await ctx.storage.upsertFaq(site.id, entry);
      const kept = new Set(entries.map((e) => e.id));
      const removed = values.replace ? [...before].filter((id) => !kept.has(id)) : [];
      for (const id of removed) await ctx.storage.deleteFaq(site.id, id);
      const added = entries.filter((e) => !before.has(e.id)).length;
      ctx.out(
        `Imported ${entries.length} entries into site ${site.key}: ${added} new, ${entries.length - added} updated` +
          (values.replace ? `, ${removed.length} removed.` : '.'),
      );
      ctx.out('A server that is running now loads the new FAQ when it restarts.');
      return 0;
    }
    case 'faq:export': {
      const text = serializeFaqYaml(await ctx.storage.listFaqs(site.id));
      if (!file) {
        ctx.out(text.trimEnd());
        return 0;
      }
      writeFileSync(file, text);
      ctx.out(`Exported ${text.match(/^ {2}- id: /gm)?.length ?? 0} entries of site ${site.key} to ${file}.`);
      return 0;
    }
    case 'faq:test': {
      const question = positionals.join(' ').trim();
      if (!question) throw new AppError('bad_request', 'give a question to test');
      const lang = values.lang === undefined ? undefined : parse(LocaleSchema, values.lang);
      const entries = new FaqEntries(new BotRegistry(ctx.storage));
      const result = await entries.try(site.id, { text: question, ...(lang && { lang }) });
      const top = result.matches[0];
      const detail =
        result.outcome === 'intent'
          ? ` "${result.intent}"`
          : result.outcome === 'answer' && top
            ? ` ${top.faqId}`
            : '';
      ctx.out(`Decision: ${result.outcome}${detail} (${result.lang})`);
      if (result.matches.length === 0) ctx.out('No matching entries.');
      for (const m of result.matches) ctx.out(`  ${m.score.toFixed(3)}  ${m.faqId}  ${m.question}`);
      return 0;
    }
    default:
      throw new AppError('bad_request', `unknown command ${command}`);
  }
}

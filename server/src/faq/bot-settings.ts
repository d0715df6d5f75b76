/** A site's bot settings (the handoff policy): read, and replace (the bot follows at once). */
import type { BotSettings } from '@frontdesk/shared';
import type { BotSettingsInput } from '@frontdesk/shared/schemas';
import type { BotRegistry } from '../bot/registry.ts';
import { AppError } from '../kernel/errors.ts';
import type { Site, SitesStore } from '../sites/store.ts';

export function botSettingsOf(site: Site): BotSettings {
  const { botMissesBeforeHandoff, escalationPhrases, answerThreshold } = site.settings;
  return { botMissesBeforeHandoff, escalationPhrases, answerThreshold };
}

export class BotSettingsEditor {
  constructor(
    private readonly store: Pick<SitesStore, 'updateSite'>,
    private readonly bots: Pick<BotRegistry, 'invalidate'>,
  ) {}

  async update(site: Site, input: BotSettingsInput): Promise<BotSettings> {
    const settings = {
      ...site.settings,
      botMissesBeforeHandoff: input.botMissesBeforeHandoff,
      escalationPhrases: [...new Set(input.escalationPhrases)],
      answerThreshold: input.answerThreshold,
    };
    const updated = await this.store.updateSite(site.id, { settings });
    if (!updated) throw new AppError('not_found', 'site not found');
    this.bots.invalidate(site.id);
    return botSettingsOf(updated);
  }
}

/** A site's identity secret (generate, rotate, remove) and retention period (issue 12); admins only. */
import type { IdentitySettings, PrivacySettings } from '@frontdesk/shared';
import { AppError } from '../kernel/errors.ts';
import type { Site, SitesStore } from '../sites/store.ts';
import { newIdentitySecret } from './hmac.ts';

export class SitePrivacy {
  constructor(
    private readonly store: Pick<SitesStore, 'updateSite'>,
    private readonly clock: () => Date,
  ) {}

  identity(site: Site): IdentitySettings {
    return { secret: site.settings.identitySecret, rotatedAt: site.settings.identitySecretRotatedAt };
  }

  /** A new secret; hashes made with the old one stop verifying at once. */
  async rotate(site: Site): Promise<IdentitySettings> {
    return this.identity(
      await this.save(site, {
        identitySecret: newIdentitySecret(),
        identitySecretRotatedAt: this.clock().toISOString(),
      }),
    );
  }

  /** No secret: identify is accepted again, as unverified. */
  async clear(site: Site): Promise<IdentitySettings> {
    return this.identity(
      await this.save(site, { identitySecret: null, identitySecretRotatedAt: this.clock().toISOString() }),
    );
  }

  privacy(site: Site): PrivacySettings {
    return { retentionMonths: site.settings.retentionMonths };
  }

  async setPrivacy(site: Site, settings: PrivacySettings): Promise<PrivacySettings> {
    return this.privacy(await this.save(site, { retentionMonths: settings.retentionMonths }));
  }

  private async save(site: Site, patch: Partial<Site['settings']>): Promise<Site> {
    const updated = await this.store.updateSite(site.id, { settings: { ...site.settings, ...patch } });
    if (!updated) throw new AppError('not_found', 'site not found');
    return updated;
  }
}

/**
 * API tokens (issue 15, admins): create one for a site with read or read-write access — the token
 * is shown this once, to copy — see when each was last used, revoke one.
 */
import { API_V1_ROUTES, type ApiScope, type SiteSummary } from '@frontdesk/shared';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { ConfirmButton } from '../shared/Confirm.tsx';
import { CopyField } from '../shared/CopyField.tsx';
import { detailedErrorText } from '../shared/labels.ts';
import type { NoticeState } from '../shared/Notice.tsx';
import { useLoad } from '../shared/use-load.ts';
import type { ApiAccessApi, ApiToken } from './api.ts';
import { ListAndFormPage, ListItem, SiteField } from './ListAndFormPage.tsx';

type Props = { client: ApiAccessApi; sites: readonly SiteSummary[]; onSessionEnded(): void };

export function ApiTokensPage({ client, sites, onSessionEnded }: Props) {
  const { t, locale } = useI18n();
  const { state, reload } = useLoad('api-tokens', () => client.listApiTokens(), onSessionEnded);
  const [name, setName] = useState('');
  const [siteId, setSiteId] = useState(sites[0]?.id ?? '');
  const [scope, setScope] = useState<ApiScope>('read');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);
  const [shown, setShown] = useState<{ name: string; secret: string } | null>(null);
  const when = (iso: string) =>
    new Date(iso).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
  const siteName = (id: string) => sites.find((s) => s.id === id)?.name ?? id;

  const create = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    setBusy(true);
    setNotice(null);
    const result = await client.createApiToken({ siteId: siteId || (sites[0]?.id ?? ''), name, scope });
    setBusy(false);
    if (!result.ok) {
      setNotice({ error: true, text: detailedErrorText(result.error, t) });
      return;
    }
    setShown({ name: result.data.token.name, secret: result.data.secret });
    setName('');
    await reload();
  };

  const revoke = async (token: ApiToken) => {
    const result = await client.revokeApiToken(token.id);
    setNotice(
      result.ok
        ? { error: false, text: t('apiTokenRevokedNotice', { name: token.name }) }
        : { error: true, text: detailedErrorText(result.error, t) },
    );
    await reload();
  };

  return (
    <ListAndFormPage
      name="api-tokens"
      title={t('apiTokensTitle')}
      intro={
        <>
          {t('apiTokensIntro')} <a href={API_V1_ROUTES.reference}>{t('apiTokensReference')}</a>
        </>
      }
      fields={
        <>
          <div class="field">
            <label for="api-token-name">{t('apiTokenName')}</label>
            <input
              id="api-token-name"
              required
              maxLength={100}
              value={name}
              onInput={(e) => setName(e.currentTarget.value)}
            />
          </div>
          <SiteField
            id="api-token-site"
            label={t('apiTokenSite')}
            sites={sites}
            value={siteId}
            onChange={setSiteId}
          />
          <div class="field">
            <label for="api-token-scope">{t('apiTokenScope')}</label>
            <select
              id="api-token-scope"
              value={scope}
              onChange={(e) => setScope(e.currentTarget.value as ApiScope)}
            >
              <option value="read">{t('apiTokenScopeRead')}</option>
              <option value="write">{t('apiTokenScopeWrite')}</option>
            </select>
          </div>
        </>
      }
      submitLabel={t('apiTokenCreate')}
      submitDisabled={busy || sites.length === 0}
      onSubmit={(e) => void create(e)}
      afterForm={
        shown && (
          <div class="card" role="status">
            <p>{t('apiTokenCreated', { name: shown.name })}</p>
            <CopyField id="api-token-value" label={t('apiTokenValue')} value={shown.secret} />
          </div>
        )
      }
      notice={notice}
      listTitle={t('apiTokensList')}
      state={state}
      onRetry={() => void reload()}
      empty={state.data?.length === 0}
      emptyText={t('apiTokensEmpty')}
    >
      {state.data && state.data.length > 0 && (
        <ul class="api-list">
          {state.data.map((token) => (
            <ListItem key={token.id} id={`token-${token.id}`} level={3} title={token.name}>
              <dl class="outbox__facts">
                <dt>{t('apiTokenSite')}</dt>
                <dd>{siteName(token.siteId)}</dd>
                <dt>{t('apiTokenScope')}</dt>
                <dd>{token.scope === 'write' ? t('apiTokenScopeWrite') : t('apiTokenScopeRead')}</dd>
                <dt>{t('apiTokenCreatedAt')}</dt>
                <dd>{when(token.createdAt)}</dd>
                <dt>{t('apiTokenLastUsed')}</dt>
                <dd>{token.lastUsedAt ? when(token.lastUsedAt) : t('apiTokenNeverUsed')}</dd>
              </dl>
              {token.revokedAt ? (
                <p class="badge badge--muted">{t('apiTokenRevoked', { time: when(token.revokedAt) })}</p>
              ) : (
                <ConfirmButton
                  label={t('apiTokenRevoke')}
                  question={t('apiTokenRevokeConfirm', { name: token.name })}
                  confirmLabel={t('apiTokenRevoke')}
                  danger
                  onConfirm={() => void revoke(token)}
                />
              )}
            </ListItem>
          ))}
        </ul>
      )}
    </ListAndFormPage>
  );
}

/** Every agent's own profile: name, avatar colour and image, and a new password. */
import type { AckResult, AgentProfile } from '@frontdesk/shared';
import { LIMITS, normalizeHexColor } from '@frontdesk/shared';
import { ProfilePatchSchema, v } from '@frontdesk/shared/schemas';
import type { ComponentChildren } from 'preact';
import { useState } from 'preact/hooks';
import { useI18n } from '../app/i18n.ts';
import { ImageUpload } from '../shared/ImageUpload.tsx';
import { detailedErrorText } from '../shared/labels.ts';
import { Notice, type NoticeState } from '../shared/Notice.tsx';
import type { ProfileApi } from './api.ts';
import { PasswordForm } from './PasswordForm.tsx';

type Props = {
  client: ProfileApi;
  agent: AgentProfile;
  onAgent(agent: AgentProfile): void;
  onSessionEnded(): void;
  /** Further sections of the agent's own settings (issue 14: alerts). */
  children?: ComponentChildren;
};

const DEFAULT_AVATAR_COLOR = '#64748b';

export function ProfilePage({ client, agent, onAgent, onSessionEnded, children }: Props) {
  const { t } = useI18n();
  const [name, setName] = useState(agent.name);
  const [useColor, setUseColor] = useState(Boolean(agent.avatarColor));
  const [color, setColor] = useState(agent.avatarColor ?? DEFAULT_AVATAR_COLOR);
  const [problems, setProblems] = useState<{ name?: string; color?: string }>({});
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);

  const applied = (result: AckResult<AgentProfile>): AckResult<AgentProfile> => {
    if (result.ok) onAgent(result.data);
    else if (result.error.code === 'unauthorized') onSessionEnded();
    return result;
  };

  const save = async (event: Event) => {
    event.preventDefault();
    if (busy) return;
    const parsed = v.safeParse(ProfilePatchSchema, { name, avatarColor: useColor ? color : null });
    if (!parsed.success) {
      const next: typeof problems = {};
      for (const issue of parsed.issues) {
        const key = issue.path?.[0]?.key;
        if (key === 'name') next.name = t('profileNameRequired', { max: LIMITS.nameMaxLength });
        if (key === 'avatarColor') next.color = t('colorInvalid');
      }
      setProblems(next);
      return;
    }
    setProblems({});
    setBusy(true);
    setNotice(null);
    const result = applied(await client.updateProfile(parsed.output));
    setBusy(false);
    setNotice(
      result.ok
        ? { error: false, text: t('saved') }
        : { error: true, text: detailedErrorText(result.error, t) },
    );
  };

  const hex = normalizeHexColor(color);
  return (
    <main class="page profile">
      <div class="page__body">
        <h1 class="page__title">{t('profileTitle')}</h1>
        <section aria-labelledby="profile-details">
          <h2 id="profile-details">{t('profileDetails')}</h2>
          <p class="field__hint">{t('profileEmail', { email: agent.email })}</p>
          <form class="form" onSubmit={save} noValidate>
            <div class="field">
              <label for="profile-name">{t('profileName')}</label>
              <input
                id="profile-name"
                maxLength={LIMITS.nameMaxLength}
                value={name}
                aria-invalid={problems.name ? true : undefined}
                onInput={(e) => {
                  setNotice(null);
                  setName(e.currentTarget.value);
                }}
              />
              {problems.name && <p class="error">{problems.name}</p>}
            </div>
            <fieldset class="field">
              <legend>{t('profileAvatarColor')}</legend>
              <label class="check">
                <input
                  type="checkbox"
                  checked={useColor}
                  onChange={(e) => setUseColor(e.currentTarget.checked)}
                />
                {t('profileAvatarColorOwn')}
              </label>
              {useColor && (
                <div class="color-field">
                  <input
                    type="color"
                    aria-label={t('colorPicker')}
                    value={hex ?? DEFAULT_AVATAR_COLOR}
                    onInput={(e) => setColor(e.currentTarget.value)}
                  />
                  <label for="profile-color">{t('colorHex')}</label>
                  <input
                    id="profile-color"
                    class="input--short"
                    value={color}
                    aria-invalid={problems.color ? true : undefined}
                    onInput={(e) => setColor(e.currentTarget.value)}
                  />
                  <span class="avatar" aria-hidden="true" style={{ background: hex ?? DEFAULT_AVATAR_COLOR }}>
                    {name.trim().charAt(0).toUpperCase()}
                  </span>
                </div>
              )}
              {problems.color && <p class="error">{problems.color}</p>}
            </fieldset>
            <Notice notice={notice} />
            <div class="editor__bar">
              <button type="submit" class="button button--primary" disabled={busy}>
                {busy ? t('saving') : t('save')}
              </button>
            </div>
          </form>
          <ImageUpload
            id="profile-avatar"
            label={t('profileAvatarImage')}
            url={agent.avatarUrl ?? null}
            alt={t('profileAvatarAlt')}
            onUpload={async (file) => applied(await client.uploadAvatar(file))}
            onRemove={async () => applied(await client.deleteAvatar())}
          />
        </section>
        <section aria-labelledby="profile-password">
          <h2 id="profile-password">{t('passwordTitle')}</h2>
          <PasswordForm
            client={client}
            idPrefix="profile-password"
            submitLabel={t('passwordSubmit')}
            onChanged={() => {}}
          />
        </section>
        {children}
      </div>
    </main>
  );
}

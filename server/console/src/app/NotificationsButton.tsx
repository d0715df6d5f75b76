/** Asks for desktop-notification permission on click; hidden once granted or where unsupported. */
import { useState } from 'preact/hooks';
import { useI18n } from './i18n.ts';

const current = (): NotificationPermission | 'unsupported' =>
  typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;

export function NotificationsButton() {
  const { t } = useI18n();
  const [permission, setPermission] = useState(current);
  if (permission === 'unsupported' || permission === 'granted') return null;
  if (permission === 'denied') return <span class="header__hint">{t('notificationsBlocked')}</span>;
  const ask = () => {
    Notification.requestPermission()
      .then(setPermission)
      .catch((error: unknown) => console.warn('[console] notification permission request failed', error));
  };
  return (
    <button type="button" class="button" onClick={ask}>
      {t('notificationsEnable')}
    </button>
  );
}

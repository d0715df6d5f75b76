/** The header's theme switch (issue 14): System, Light or Dark, with a visible label. */
import type { ConsoleKey } from '@frontdesk/shared/i18n';
import { useI18n } from './i18n.ts';
import { isTheme, THEMES, type Theme } from './theme.ts';

const LABELS: Record<Theme, ConsoleKey> = { system: 'themeSystem', light: 'themeLight', dark: 'themeDark' };

export function ThemeSwitch({ theme, onTheme }: { theme: Theme; onTheme(theme: Theme): void }) {
  const { t } = useI18n();
  return (
    <label class="header__control header__theme">
      <span>{t('themeLabel')}</span>
      <select
        value={theme}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (isTheme(value)) onTheme(value);
        }}
      >
        {THEMES.map((value) => (
          <option key={value} value={value}>
            {t(LABELS[value])}
          </option>
        ))}
      </select>
    </label>
  );
}

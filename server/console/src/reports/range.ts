/** The Reports page's date range (issue 15): presets ending today, in local calendar days. */
export type DayRange = { from: string; to: string };

const pad = (n: number) => String(n).padStart(2, '0');
/** `YYYY-MM-DD` of a date as the browser's calendar reads it. */
export const localDay = (date: Date) =>
  `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;

/** The last `days` days, today included. */
export function presetRange(days: number, today: Date): DayRange {
  const start = new Date(today.getFullYear(), today.getMonth(), today.getDate() - (days - 1));
  return { from: localDay(start), to: localDay(today) };
}

/** Seconds as a short duration: `45 s`, `3 min`, `1 h 20 min`. */
export function formatDuration(seconds: number | null): string | null {
  if (seconds === null) return null;
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
}

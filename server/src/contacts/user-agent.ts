/** Browser and system from a user agent (issue 12), parsed by `bowser` (MIT, maintained). */
import Bowser from 'bowser';

export type ParsedUserAgent = { browser: string | null; os: string | null };

const joined = (name: string | undefined, version: string | undefined): string | null =>
  name ? (version ? `${name} ${version}` : name).slice(0, 100) : null;

/** "Firefox 128", "Windows 10"; nulls for an empty or unknown agent. */
export function parseUserAgent(userAgent: string | null | undefined): ParsedUserAgent {
  if (!userAgent) return { browser: null, os: null };
  const parsed = Bowser.parse(userAgent);
  const major = parsed.browser.version?.split('.')[0];
  const os = parsed.os.versionName ?? parsed.os.version;
  return { browser: joined(parsed.browser.name, major), os: joined(parsed.os.name, os) };
}

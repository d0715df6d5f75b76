/** A small pure User-Agent parser: browser name + major version and operating system, for the visitor panel. */
export type ParsedUserAgent = { browser: string | null; os: string | null };

type Rule = readonly [name: string, pattern: RegExp];

// Order matters: Edge, Opera and Samsung Internet also claim to be Chrome; Chrome also claims Safari.
const BROWSERS: readonly Rule[] = [
  ['Edge', /\bEdg(?:e|A|iOS)?\/(\d+)/],
  ['Opera', /\b(?:OPR|Opera)\/(\d+)/],
  ['Samsung Internet', /\bSamsungBrowser\/(\d+)/],
  ['Firefox', /\b(?:Firefox|FxiOS)\/(\d+)/],
  ['Chrome', /\b(?:Chrome|CriOS)\/(\d+)/],
  ['Safari', /\bVersion\/(\d+)(?:[.\d]*)? (?:Mobile\/\S+ )?Safari\//],
  ['Internet Explorer', /\b(?:MSIE (\d+)|Trident\/.*rv:(\d+))/],
];

const WINDOWS_VERSIONS: Record<string, string> = {
  '10.0': '10/11',
  '6.3': '8.1',
  '6.2': '8',
  '6.1': '7',
};

function parseOs(ua: string): string | null {
  const windows = /Windows NT (\d+\.\d+)/.exec(ua);
  if (windows) {
    const version = WINDOWS_VERSIONS[windows[1]!];
    return version ? `Windows ${version}` : 'Windows';
  }
  const ios = /\b(?:iPhone|iPad|iPod)\b.*? OS (\d+)(?:_(\d+))?/.exec(ua);
  if (ios) return `iOS ${ios[1]}${ios[2] ? `.${ios[2]}` : ''}`;
  const android = /\bAndroid (\d+(?:\.\d+)?)/.exec(ua);
  if (android) return `Android ${android[1]}`;
  if (/\bCrOS\b/.test(ua)) return 'ChromeOS';
  const mac = /\bMac OS X (\d+)[_.](\d+)/.exec(ua);
  if (mac) return `macOS ${mac[1]}.${mac[2]}`;
  if (/\bMacintosh\b/.test(ua)) return 'macOS';
  if (/\bLinux\b/.test(ua)) return 'Linux';
  return null;
}

export function parseUserAgent(ua: string | null | undefined): ParsedUserAgent {
  if (!ua) return { browser: null, os: null };
  let browser: string | null = null;
  for (const [name, pattern] of BROWSERS) {
    const match = pattern.exec(ua);
    if (match) {
      const version = match[1] ?? match[2];
      browser = version ? `${name} ${version}` : name;
      break;
    }
  }
  return { browser, os: parseOs(ua) };
}

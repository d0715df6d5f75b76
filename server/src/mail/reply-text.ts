/**
 * The new text of an e-mail reply: what the visitor wrote above the quoted message. A small rule,
 * documented because no maintained library fits (the known ones are unmaintained ports):
 * - stop at the first attribution line ("On … wrote:", "W dniu … pisze:", "… napisał(a):"),
 *   an "-----Original Message-----" / "Forwarded" separator, an Outlook "From:" header block, or
 *   the signature delimiter "-- ";
 * - drop lines quoted with ">";
 * - trim blank lines at both ends and cut to `max` characters.
 * Pure.
 */
const STOPS = [
  /^on\b.{0,300}\bwrote:\s*$/i,
  /^w dniu\b.{0,300}\b(pisze|napisał\(a\)|napisał|napisała):\s*$/i,
  /^.{0,300}\b(napisał\(a\)|napisał|napisała):\s*$/i,
  /^-{2,}\s*(original message|wiadomość oryginalna|forwarded message|oryginalna wiadomość)/i,
  /^_{5,}\s*$/,
  /^(from|od):\s.+$/i,
  /^-- $/,
];

export function newReplyText(text: string, max: number): string {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const kept: string[] = [];
  for (const line of lines) {
    if (STOPS.some((stop) => stop.test(line))) break;
    if (/^\s*>/.test(line)) continue;
    kept.push(line.replace(/\s+$/, ''));
  }
  const body = kept.join('\n').trim();
  return body.length > max ? body.slice(0, max) : body;
}

/**
 * Header values from anything a visitor or an admin typed (names, site names, subjects): no line
 * breaks or other control characters survive, so nothing can start a header of its own (TESTPLAN
 * R4), and the length is capped. Nodemailer then encodes what is left (RFC 2047) as it must.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what this removes.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g;

export function headerText(value: string, max = 120): string {
  const clean = value.replace(CONTROL, ' ').replace(/\s+/g, ' ').trim();
  return clean.length > max ? `${clean.slice(0, max - 1)}…` : clean;
}

/** A display name for an address header: header-safe, and never itself looking like an address list. */
export function displayName(value: string | null | undefined): string {
  return headerText(value ?? '', 80)
    .replace(/[<>,;:@"]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

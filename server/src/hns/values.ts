/**
 * The strings HNS reads: addresses, prefixes, MAC addresses, port lists. Addresses, prefixes and MACs are parsed
 * as Docker and hcsshim parse them (knowledge/addresses.ts, Go's net rules), so compose files and HNS documents
 * are judged alike; each helper returns the parts that do not parse, so a finding can name them.
 */
import { isMac48, macNumber as macValue, parseCidr, parseIp } from '../knowledge/addresses';

export function isIpAddress(value: string): boolean {
  return parseIp(value) !== undefined;
}

export function isCidr(value: string): boolean {
  return parseCidr(value) !== undefined;
}

export function isMac(value: string): boolean {
  return isMac48(value);
}

/** MAC as a 48-bit number, for range order checks. */
export function macNumber(value: string): number | undefined {
  return macValue(value);
}

/** The items of a comma list, with the blanks after the commas that JSON authors write. */
function commaList(value: string): string[] {
  return value.split(',').map((s) => s.trim());
}

export function badItems(value: string, ok: (item: string) => boolean): string[] {
  return commaList(value).filter((item) => !ok(item));
}

/** A port 1–65535 written in decimal. */
export function isPort(value: string): boolean {
  return /^\d{1,5}$/.test(value.trim()) && Number(value) >= 1 && Number(value) <= 65535;
}

/** A port or a `low-high` range of ports. */
export function isPortOrRange(value: string): boolean {
  const m = /^(\d{1,5})\s*-\s*(\d{1,5})$/.exec(value.trim());
  if (!m) return isPort(value);
  return isPort(m[1]) && isPort(m[2]) && Number(m[1]) <= Number(m[2]);
}

export function hasRange(value: string): boolean {
  return commaList(value).some((p) => p.includes('-'));
}

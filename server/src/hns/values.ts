/**
 * Parsers for the strings HNS reads: addresses, prefixes, MAC addresses, port lists. Each returns the parts that
 * do not parse, so a finding can name them. IPv4 must be four-part decimal (ipaddr.js alone also takes
 * "10.1" and hex forms, which HNS does not document).
 */
import ipaddr from 'ipaddr.js';

export function isIpAddress(value: string): boolean {
  const v = value.trim();
  if (v.includes(':')) return ipaddr.IPv6.isValid(v) && !v.includes('%');
  return ipaddr.IPv4.isValidFourPartDecimal(v);
}

export function isCidr(value: string): boolean {
  const v = value.trim();
  const slash = v.indexOf('/');
  if (slash === -1) return false;
  const address = v.slice(0, slash);
  const length = v.slice(slash + 1);
  if (!isIpAddress(address) || !/^\d{1,3}$/.test(length)) return false;
  return Number(length) <= (address.includes(':') ? 128 : 32);
}

const MAC = /^[0-9A-Fa-f]{2}([-:])[0-9A-Fa-f]{2}(\1[0-9A-Fa-f]{2}){4}$/;

export function isMac(value: string): boolean {
  return MAC.test(value.trim());
}

/** MAC as a 48-bit number, for range order checks. */
export function macNumber(value: string): number | undefined {
  if (!isMac(value)) return undefined;
  return parseInt(value.trim().replace(/[-:]/g, ''), 16);
}

export function commaList(value: string): string[] {
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

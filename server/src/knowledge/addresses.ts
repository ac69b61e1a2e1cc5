/**
 * IP addresses, CIDR prefixes and MAC addresses as Docker reads them: Go's `net.ParseIP` (through
 * `netip.ParseAddr`: four decimal IPv4 fields with no leading zeros, IPv6 with at most one `::` and an optional
 * embedded IPv4 tail, no zone), `net.ParseCIDR` (an address, `/`, a decimal prefix length that fits the family)
 * and `net.ParseMAC` (`:`, `-` or `.` groups with one separator throughout). One parser serves every rule, so
 * compose values and HNS documents are judged alike.
 * Sources: Go `src/net/netip/netip.go` (parseIPv4, parseIPv6), `src/net/ip.go` (ParseIP, ParseCIDR),
 * `src/net/mac.go` (ParseMAC).
 */
import { oncePerText } from '../util/once-per';

export interface Ip {
  family: 4 | 6;
  /** 4 or 16 bytes, network order. */
  bytes: Uint8Array;
}

export interface Cidr extends Ip {
  prefix: number;
}

function parseIpv4(s: string, into: Uint8Array, at: number): boolean {
  let value = 0;
  let digits = 0;
  let field = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      if (digits === 1 && value === 0) return false; // leading zero
      value = value * 10 + (c - 48);
      digits++;
      if (value > 255) return false;
    } else if (c === 46) {
      if (i === 0 || i === s.length - 1 || s[i - 1] === '.' || field === 3) return false;
      into[at + field++] = value;
      value = 0;
      digits = 0;
    } else return false;
  }
  if (field < 3 || digits === 0) return false;
  into[at + 3] = value;
  return true;
}

function hexValue(c: number): number {
  if (c >= 48 && c <= 57) return c - 48;
  if (c >= 97 && c <= 102) return c - 87;
  if (c >= 65 && c <= 70) return c - 55;
  return -1;
}

function parseIpv6(input: string): Uint8Array | undefined {
  const ip = new Uint8Array(16);
  let s = input;
  let ellipsis = -1;
  if (s.length >= 2 && s[0] === ':' && s[1] === ':') {
    ellipsis = 0;
    s = s.slice(2);
    if (s.length === 0) return ip;
  }
  let i = 0;
  while (i < 16) {
    let off = 0;
    let acc = 0;
    for (; off < s.length; off++) {
      const v = hexValue(s.charCodeAt(off));
      if (v < 0) break;
      if (off > 3) return undefined; // more than 4 hex digits
      acc = acc * 16 + v;
    }
    if (off === 0) return undefined;
    if (off < s.length && s[off] === '.') {
      if ((ellipsis < 0 && i !== 12) || i + 4 > 16) return undefined;
      if (!parseIpv4(s, ip, i)) return undefined;
      s = '';
      i += 4;
      break;
    }
    ip[i] = acc >> 8;
    ip[i + 1] = acc & 0xff;
    i += 2;
    s = s.slice(off);
    if (s.length === 0) break;
    if (s[0] !== ':' || s.length === 1) return undefined;
    s = s.slice(1);
    if (s[0] === ':') {
      if (ellipsis >= 0) return undefined; // a second `::`
      ellipsis = i;
      s = s.slice(1);
      if (s.length === 0) break;
    }
  }
  if (s.length !== 0) return undefined;
  if (i < 16) {
    if (ellipsis < 0) return undefined;
    const n = 16 - i;
    for (let j = i - 1; j >= ellipsis; j--) ip[j + n] = ip[j];
    ip.fill(0, ellipsis, ellipsis + n);
  } else if (ellipsis >= 0) return undefined; // `::` that stands for no zeros
  return ip;
}

/** Go's `net.ParseIP`: undefined for anything it returns nil for. Memoized: files repeat their addresses. */
export const parseIp = oncePerText((s: string): Ip | undefined => {
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '.') {
      const bytes = new Uint8Array(4);
      return parseIpv4(s, bytes, 0) ? { family: 4, bytes } : undefined;
    }
    if (s[i] === ':') {
      if (s.includes('%')) return undefined; // a zone: ParseIP refuses it
      const bytes = parseIpv6(s);
      return bytes ? { family: 6, bytes } : undefined;
    }
  }
  return undefined;
});

/** Go's `net.ParseCIDR`. */
export const parseCidr = oncePerText((s: string): Cidr | undefined => {
  const slash = s.indexOf('/');
  if (slash === -1) return undefined;
  const ip = parseIp(s.slice(0, slash));
  const mask = s.slice(slash + 1);
  if (!ip || !/^\d{1,9}$/.test(mask)) return undefined;
  const prefix = Number(mask);
  return prefix <= ip.bytes.length * 8 ? { ...ip, prefix } : undefined;
});

/** Whether `cidr` holds `ip`; undefined when either does not parse. Different families never match. */
export function cidrContains(cidr: string, ip: string): boolean | undefined {
  const range = parseCidr(cidr);
  const address = parseIp(ip);
  if (!range || !address) return undefined;
  if (range.family !== address.family) return false;
  for (let bit = 0; bit < range.prefix; bit += 8) {
    const bits = Math.min(8, range.prefix - bit);
    const mask = (0xff << (8 - bits)) & 0xff;
    if ((range.bytes[bit / 8] & mask) !== (address.bytes[bit / 8] & mask)) return false;
  }
  return true;
}

/**
 * Whether two prefixes share any address (one holds the other's first address: prefixes nest or are apart);
 * undefined when either does not parse. Different families never overlap.
 */
export function cidrsOverlap(a: string, b: string): boolean | undefined {
  const x = parseCidr(a);
  const y = parseCidr(b);
  if (!x || !y) return undefined;
  if (x.family !== y.family) return false;
  const prefix = Math.min(x.prefix, y.prefix);
  for (let bit = 0; bit < prefix; bit += 8) {
    const bits = Math.min(8, prefix - bit);
    const mask = (0xff << (8 - bits)) & 0xff;
    if ((x.bytes[bit / 8] & mask) !== (y.bytes[bit / 8] & mask)) return false;
  }
  return true;
}

/** Go's `net.ParseMAC`: 6, 8 or 20 bytes, in `aa:bb:..`, `aa-bb-..` or `aabb.ccdd...` form, one separator. */
export const parseMac = oncePerText((s: string): Uint8Array | undefined => {
  if (s.length < 14) return undefined;
  const byte = (at: number): number => {
    const hi = hexValue(s.charCodeAt(at));
    const lo = hexValue(s.charCodeAt(at + 1));
    return hi < 0 || lo < 0 ? -1 : hi * 16 + lo;
  };
  const out: number[] = [];
  if (s[2] === ':' || s[2] === '-') {
    if ((s.length + 1) % 3 !== 0) return undefined;
    const n = (s.length + 1) / 3;
    if (n !== 6 && n !== 8 && n !== 20) return undefined;
    for (let i = 0, x = 0; i < n; i++, x += 3) {
      if (x + 2 < s.length && s[x + 2] !== s[2]) return undefined;
      const b = byte(x);
      if (b < 0) return undefined;
      out.push(b);
    }
  } else if (s[4] === '.') {
    if ((s.length + 1) % 5 !== 0) return undefined;
    const n = (2 * (s.length + 1)) / 5;
    if (n !== 6 && n !== 8 && n !== 20) return undefined;
    for (let x = 0; x < s.length; x += 5) {
      if (x + 4 < s.length && s[x + 4] !== '.') return undefined;
      const a = byte(x);
      const b = byte(x + 2);
      if (a < 0 || b < 0) return undefined;
      out.push(a, b);
    }
  } else return undefined;
  return Uint8Array.from(out);
});

/** A 48-bit MAC address (the only size HNS MAC pools and endpoints take). */
export function isMac48(s: string): boolean {
  return parseMac(s)?.length === 6;
}

/** A 48-bit MAC as a number, for comparing the ends of a range. */
export function macNumber(s: string): number | undefined {
  const bytes = parseMac(s);
  return bytes?.length === 6 ? bytes.reduce((n, b) => n * 256 + b, 0) : undefined;
}

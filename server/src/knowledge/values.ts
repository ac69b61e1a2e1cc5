/**
 * Parsers for driver option values, written to accept exactly what the Windows daemon's Go code accepts
 * (`strconv.ParseUint(v, 10, 32)`, `strconv.ParseBool`, comma lists), so "bad value" findings match the daemon.
 */
import ipaddr from 'ipaddr.js';
import { oncePerText } from '../once-per';

export interface ValueProblem {
  message: string;
  /** error: the daemon refuses the network; warning: accepted, but HNS or the containers will not do what you meant. */
  severity: 'error' | 'warning';
}

export type ValueKind = 'string' | 'uint32' | 'bool' | 'ipList' | 'cidrOrIpList' | 'macPool' | 'vniList' | 'presence';

const GO_BOOLS = new Set(['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']);
const GO_TRUE = new Set(['1', 't', 'T', 'TRUE', 'true', 'True']);

export function parseGoBool(value: string): boolean | undefined {
  if (!GO_BOOLS.has(value)) return undefined;
  return GO_TRUE.has(value);
}

export function parseUint32(value: string): number | undefined {
  if (!/^[0-9]+$/.test(value)) return undefined;
  const n = Number(value);
  return n <= 0xffffffff ? n : undefined;
}

export function isIp(value: string): boolean {
  return ipaddr.isValid(value) && /^[0-9a-fA-F:.]+$/.test(value);
}

/** Memoized per text (see oncePerText): the static-address rules read every address again on each check. */
export const isIpv4 = oncePerText((value: string): boolean => ipaddr.IPv4.isValidFourPartDecimal(value));

type Cidr = { address: ipaddr.IPv4 | ipaddr.IPv6; prefix: number };

/** Parsed CIDRs by text: compose files repeat the same few subnets for every service that attaches. */
const parseCidrOnce = oncePerText((value: string): Cidr | undefined => {
  try {
    // ipaddr.parseCIDR tries IPv6 first and throws for every IPv4 range: pick the family by its colon instead.
    const [address, prefix] = value.includes(':') ? ipaddr.IPv6.parseCIDR(value) : ipaddr.IPv4.parseCIDR(value);
    return { address, prefix };
  } catch {
    return undefined;
  }
});

export function parseCidr(value: string): Cidr | undefined {
  return parseCidrOnce(value);
}

/** Whether a subnet holds an address, by `subnet address`: each service's static address is tested on every check. */
const containsOnce = oncePerText((pair: string): boolean | undefined => {
  const [cidr, ip] = pair.split(' ');
  const range = parseCidr(cidr);
  if (!range || !ipaddr.isValid(ip)) return undefined;
  const address = ipaddr.parse(ip);
  if (address.kind() !== range.address.kind()) return false;
  return address.match([range.address, range.prefix] as [ipaddr.IPv4, number]);
});

export function cidrContains(cidr: string, ip: string): boolean | undefined {
  // A value with a space is neither a subnet nor an address, and would make the key ambiguous.
  if (cidr.includes(' ') || ip.includes(' ')) return undefined;
  return containsOnce(`${cidr} ${ip}`);
}

const MAC = /^([0-9A-Fa-f]{2}[-:]){5}[0-9A-Fa-f]{2}$/;

function list(value: string): string[] {
  return value.split(',').map((s) => s.trim());
}

/** Checks one option value; undefined when the daemon will take it as meant. */
export function checkValue(kind: ValueKind, value: string): ValueProblem | undefined {
  switch (kind) {
    case 'string':
    case 'presence':
      return undefined;
    case 'uint32':
      return parseUint32(value) === undefined
        ? { severity: 'error', message: `\`${value}\` is not an unsigned 32-bit decimal integer; the daemon refuses the network` }
        : undefined;
    case 'bool':
      return parseGoBool(value) === undefined
        ? { severity: 'error', message: `\`${value}\` is not a boolean the daemon reads (true/false, 1/0, t/f); the daemon refuses the network` }
        : undefined;
    case 'ipList': {
      const bad = list(value).filter((s) => !isIp(s));
      return bad.length ? { severity: 'warning', message: `not an IP address: ${bad.map((b) => `\`${b}\``).join(', ')} (expected a comma-separated list of IP addresses)` } : undefined;
    }
    case 'cidrOrIpList': {
      const bad = list(value).filter((s) => !isIp(s) && !parseCidr(s));
      return bad.length ? { severity: 'warning', message: `not an IP address or CIDR: ${bad.map((b) => `\`${b}\``).join(', ')}` } : undefined;
    }
    case 'macPool': {
      const macs = list(value);
      if (macs.length % 2 !== 0) {
        return { severity: 'error', message: 'a MAC pool needs start,end pairs: the daemon fails with "invalid mac pool. You must specify both a start range and an end range"' };
      }
      const bad = macs.filter((m) => !MAC.test(m));
      return bad.length ? { severity: 'warning', message: `not a MAC address: ${bad.map((b) => `\`${b}\``).join(', ')} (expected 00-15-5D-00-00-00 form)` } : undefined;
    }
    case 'vniList': {
      const vnis = list(value);
      const notNumbers = vnis.filter((v) => parseUint32(v) === undefined);
      if (notNumbers.length) return { severity: 'error', message: `not a VXLAN ID: ${notNumbers.map((b) => `\`${b}\``).join(', ')}` };
      return undefined;
    }
  }
}

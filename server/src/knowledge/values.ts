/**
 * Parsers for driver option values, written to accept exactly what the Windows daemon's Go code accepts
 * (`strconv.ParseUint(v, 10, 32)`, `strconv.ParseBool`, comma lists), so "bad value" findings match the daemon.
 */
import { isMac48, parseCidr, parseIp } from './addresses';

export interface ValueProblem {
  message: string;
  /** error: the daemon refuses the network; warning: accepted, but HNS or the containers will not do what you meant. */
  severity: 'error' | 'warning';
}

export type ValueKind = 'string' | 'uint32' | 'bool' | 'ipList' | 'cidrOrIpList' | 'macPool' | 'vniList' | 'presence';

/**
 * The VLAN IDs a frame can be tagged with: IEEE 802.1Q VLAN IDs are 12 bits, 0 means the frame carries no VLAN
 * and 4095 is reserved. Stated once here for both checks of a VLAN ID: the compose `vlanid` driver option (below)
 * and the HNS `VLAN`/`IsolationId` policies (rules/hns/vlan-range.ts).
 */
export const VLAN_ID_RANGE = { min: 1, max: 4094 } as const;

/**
 * Why a VLAN ID tags nothing, in the words both checks use; undefined inside {@link VLAN_ID_RANGE}. `untagged` is
 * 0: no tag at all (moby's windows.go sends HNS a VLAN policy only `if config.VLAN != 0`).
 */
export function vlanIdProblem(id: number): { untagged: boolean; text: string } | undefined {
  const { min, max } = VLAN_ID_RANGE;
  if (id >= min && id <= max) return undefined;
  if (id === 0) return { untagged: true, text: 'VLAN ID 0 means untagged' };
  const why = id === max + 1 ? `${id} is reserved` : 'VLAN IDs are 12-bit';
  return { untagged: false, text: `VLAN ID ${id} is not usable (${why}): 802.1Q VLAN IDs are ${min}–${max}` };
}

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

/** The parts of a comma list as the daemon splits it (`strings.Split(value, ",")`): not trimmed. */
function list(value: string): string[] {
  return value.split(',');
}

const quote = (items: string[]) => items.map((b) => `\`${b}\``).join(', ');

/** Items with blanks around them: the daemon does not trim them (moby windows.go, overlay driver). */
function untrimmed(items: string[]): string[] {
  return items.filter((s) => s !== s.trim());
}

/**
 * A VLAN ID the daemon parsed (a uint32; checkValue reports the rest): it sends HNS a VLAN policy for every ID but
 * 0, without a range check (moby windows.go parseNetworkOptions, CreateNetwork). Outside the 802.1Q range it is a
 * warning: 0 is accepted and tags nothing, and no source shows what HNS does with an ID above 4094.
 */
export function checkVlanId(value: string): ValueProblem | undefined {
  const id = parseUint32(value);
  const problem = id === undefined ? undefined : vlanIdProblem(id);
  if (!problem) return undefined;
  const { min, max } = VLAN_ID_RANGE;
  return {
    severity: 'warning',
    message: problem.untagged
      ? `${problem.text}: the daemon sends HNS no VLAN policy for 0, so the network is on no VLAN; remove the option for untagged traffic, or use an ID from ${min} to ${max}`
      : `${problem.text}; the daemon passes it to HNS unchecked`,
  };
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
      const bad = list(value)
        .map((s) => s.trim())
        .filter((s) => !parseIp(s));
      return bad.length ? { severity: 'warning', message: `not an IP address: ${quote(bad)} (expected a comma-separated list of IP addresses)` } : undefined;
    }
    case 'cidrOrIpList': {
      const items = list(value);
      const bad = items.map((s) => s.trim()).filter((s) => !parseIp(s) && !parseCidr(s));
      if (bad.length) return { severity: 'warning', message: `not an IP address or CIDR: ${quote(bad)}` };
      const spaced = untrimmed(items);
      return spaced.length
        ? {
            severity: 'warning',
            message: `the daemon splits the list at each comma without trimming, so HNS receives ${quote(spaced)} with the blanks: write the list without spaces`,
          }
        : undefined;
    }
    case 'macPool': {
      const macs = list(value);
      if (macs.length % 2 !== 0) {
        return {
          severity: 'error',
          message: 'a MAC pool needs start,end pairs: the daemon fails with "invalid mac pool. You must specify both a start range and an end range"',
        };
      }
      const bad = macs.map((m) => m.trim()).filter((m) => !isMac48(m));
      if (bad.length) return { severity: 'warning', message: `not a MAC address: ${quote(bad)} (expected 00-15-5D-00-00-00 form)` };
      const spaced = untrimmed(macs);
      return spaced.length
        ? {
            severity: 'warning',
            message: `the daemon splits the pool at each comma without trimming, so HNS receives ${quote(spaced)} with the blanks: write the pool without spaces`,
          }
        : undefined;
    }
    case 'vniList': {
      const vnis = list(value);
      const spaced = untrimmed(vnis).filter((v) => parseUint32(v.trim()) !== undefined);
      if (spaced.length)
        return {
          severity: 'error',
          message: `the daemon reads each VXLAN ID between commas as it is written and refuses ${quote(spaced)} ("invalid vxlan id value ${JSON.stringify(spaced[0])} passed"): write the list without spaces`,
        };
      const notNumbers = vnis.filter((v) => parseUint32(v) === undefined);
      if (notNumbers.length) return { severity: 'error', message: `not a VXLAN ID: ${quote(notNumbers)}` };
      return undefined;
    }
  }
}

/**
 * Driver option values as the Windows daemon parses them (moby `drivers/windows/windows.go`
 * parseNetworkOptions, the overlay driver's VNI list): what it refuses is an error, what it passes on to HNS
 * unchanged but wrong is a warning. Lists are split at each comma and never trimmed.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkValue, checkVlanId, parseGoBool, parseUint32, VLAN_ID_RANGE, vlanIdProblem, type ValueKind } from './values';

describe('option values', () => {
  const cases: [kind: ValueKind, value: string, expected: 'error' | 'warning' | undefined, fragment?: string][] = [
    ['uint32', '11', undefined],
    ['uint32', '4294967295', undefined],
    ['uint32', '4294967296', 'error', 'unsigned 32-bit'],
    ['uint32', '-1', 'error'],
    ['uint32', 'eleven', 'error'],
    ['uint32', ' 11', 'error'],
    ['bool', 'true', undefined],
    ['bool', 'T', undefined],
    ['bool', '0', undefined],
    ['bool', 'yes', 'error', 'boolean'],
    ['ipList', '10.0.0.10,10.0.0.11', undefined],
    ['ipList', '10.0.0.10, 10.0.0.11', undefined],
    ['ipList', '10.0.0.10,10.1', 'warning', '`10.1`'],
    ['ipList', '012.0.0.1', 'warning'],
    ['cidrOrIpList', '10.244.0.0/16,10.96.0.1', undefined],
    ['cidrOrIpList', '10.244.0.0/16, 10.96.0.0/12', 'warning', 'without trimming'],
    ['cidrOrIpList', '10.244.0.0/33', 'warning', 'not an IP address or CIDR'],
    ['macPool', '00-15-5D-00-00-00,00-15-5D-00-FF-FF', undefined],
    ['macPool', '00-15-5D-00-00-00, 00-15-5D-00-FF-FF', 'warning', '` 00-15-5D-00-FF-FF`'],
    ['macPool', '00-15-5D-00-00-00', 'error', 'invalid mac pool'],
    ['macPool', '00-15-5D-00-00-00,00-15:5D-00-FF-FF', 'warning', 'not a MAC address'],
    ['vniList', '4096,4097', undefined],
    ['vniList', '4096, 4097', 'error', 'invalid vxlan id value " 4097" passed'],
    ['vniList', '4096,x', 'error', 'not a VXLAN ID'],
    ['string', ' anything ', undefined],
  ];
  for (const [kind, value, expected, fragment] of cases) {
    it(`${kind} ${JSON.stringify(value)} → ${expected ?? 'fine'}`, () => {
      const problem = checkValue(kind, value);
      assert.equal(problem?.severity, expected);
      if (fragment) assert.ok(problem!.message.includes(fragment), problem!.message);
    });
  }

  it('Go booleans and unsigned integers', () => {
    assert.deepEqual(['1', 'f', 'False', 'no'].map(parseGoBool), [true, false, false, undefined]);
    assert.deepEqual(['0', '007', '1e3'].map(parseUint32), [0, 7, undefined]);
  });

  it('VLAN IDs: 802.1Q tags are 1–4094; 0 is untagged, 4095 reserved, above it more than 12 bits', () => {
    assert.deepEqual(VLAN_ID_RANGE, { min: 1, max: 4094 });
    assert.deepEqual([1, 11, 4094].map(vlanIdProblem), [undefined, undefined, undefined]);
    assert.deepEqual(vlanIdProblem(0), { untagged: true, text: 'VLAN ID 0 means untagged' });
    assert.match(vlanIdProblem(4095)!.text, /^VLAN ID 4095 is not usable \(4095 is reserved\): 802\.1Q VLAN IDs are 1–4094$/);
    assert.match(vlanIdProblem(4096)!.text, /\(VLAN IDs are 12-bit\)/);
  });

  it('the vlanid option: what the daemon parses but HNS cannot tag is a warning; what it cannot parse is left to checkValue', () => {
    const cases: [value: string, expected: 'warning' | undefined, fragment?: string][] = [
      ['11', undefined],
      ['4094', undefined],
      ['0', 'warning', 'no VLAN policy for 0'],
      ['4095', 'warning', 'passes it to HNS unchecked'],
      ['4294967295', 'warning', '12-bit'],
      ['eleven', undefined],
      ['-1', undefined],
    ];
    for (const [value, expected, fragment] of cases) {
      const problem = checkVlanId(value);
      assert.equal(problem?.severity, expected, value);
      if (fragment) assert.ok(problem!.message.includes(fragment), problem!.message);
    }
  });
});

/**
 * Address and subnet helpers the static-address rules use. They are memoized per text (the rules ask again on
 * every keystroke), so each case is asked twice: the cached answer must be the computed one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cidrContains, isIpv4, parseCidr } from './values';

describe('isIpv4', () => {
  const cases: [value: string, expected: boolean][] = [
    ['10.0.0.5', true],
    ['255.255.255.255', true],
    ['10.0.0', false],
    ['10.0.0.256', false],
    ['fd00::1', false],
    ['', false],
    ['10.0.0.5 ', false],
  ];
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(value)} → ${expected}`, () => {
      assert.equal(isIpv4(value), expected);
      assert.equal(isIpv4(value), expected, 'asked again');
    });
  }
});

describe('parseCidr', () => {
  const cases: [value: string, expected: [kind: string, prefix: number] | undefined][] = [
    ['10.10.0.0/24', ['ipv4', 24]],
    ['fd00::/64', ['ipv6', 64]],
    ['10.10.0.0', undefined],
    ['10.10.0.0/33', undefined],
    ['not a subnet', undefined],
  ];
  for (const [value, expected] of cases) {
    it(`${JSON.stringify(value)}`, () => {
      for (const round of ['first', 'again']) {
        const parsed = parseCidr(value);
        assert.deepEqual(parsed && [parsed.address.kind(), parsed.prefix], expected, round);
      }
    });
  }
});

describe('cidrContains', () => {
  const cases: [cidr: string, ip: string, expected: boolean | undefined][] = [
    ['10.10.0.0/24', '10.10.0.5', true],
    ['10.10.0.0/24', '10.10.1.5', false],
    ['10.10.0.0/16', '10.10.200.1', true],
    ['fd00::/64', 'fd00::10', true],
    ['fd00::/64', '10.10.0.5', false],
    ['10.10.0.0/24', 'fd00::10', false],
    ['10.10.0.0/24', 'not-an-ip', undefined],
    ['bad', '10.10.0.5', undefined],
    // A space cannot be in either: it must not be read as the separator of the cache key.
    ['10.10.0.0/24 10.10.0.5', '', undefined],
    ['10.10.0.0/24', '10.10.0.5 x', undefined],
  ];
  for (const [cidr, ip, expected] of cases) {
    it(`${cidr} ∋ ${ip}: ${expected}`, () => {
      assert.equal(cidrContains(cidr, ip), expected);
      assert.equal(cidrContains(cidr, ip), expected, 'asked again');
    });
  }
});

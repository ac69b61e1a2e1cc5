/**
 * The address parser answers as Go's net package does (the rows are the cases of Go's own tests,
 * `net/ip_test.go` parseIPTests / parseCIDRTests and `net/mac_test.go` parseMACTests, plus the forms winnet
 * has met in compose files and HNS documents).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cidrContains, cidrsOverlap, isMac48, macNumber, parseCidr, parseIp, parseMac } from './addresses';

const hex = (b: Uint8Array | undefined) => (b ? Buffer.from(b).toString('hex') : undefined);

describe('net.ParseIP', () => {
  const valid: [string, string][] = [
    ['127.0.1.2', '7f000102'],
    ['0.0.0.0', '00000000'],
    ['255.255.255.255', 'ffffffff'],
    ['::', '00000000000000000000000000000000'],
    ['::1', '00000000000000000000000000000001'],
    ['2001:4860:0:2001::68', '20014860000020010000000000000068'],
    ['2001:4860:0000:2001:0000:0000:0000:0068', '20014860000020010000000000000068'],
    ['::ffff:127.1.2.3', '00000000000000000000ffff7f010203'],
    ['::ffff:7f01:0203', '00000000000000000000ffff7f010203'],
    ['0:0:0:0:0000:ffff:127.1.2.3', '00000000000000000000ffff7f010203'],
    ['fd00:10::1', 'fd000010000000000000000000000001'],
    ['FE80::1', 'fe800000000000000000000000000001'],
  ];
  for (const [input, bytes] of valid) it(`${input} parses`, () => assert.equal(hex(parseIp(input)?.bytes), bytes));
  const invalid = [
    '',
    '10.1',
    '127.0.0.256',
    '127.001.002.003',
    '012.0.0.1',
    '1.2.3.4.5',
    '1.2.3.',
    '.1.2.3',
    '1..2.3',
    'abc',
    '123:',
    'fe80::1%lo0',
    'fe80::1%911',
    ':::1',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7::8',
    '::ffff:1.2.3.04',
    '12345::1',
    ' 10.0.0.1',
    '10.0.0.1 ',
    '1:2::3::4',
    '::1.2.3.4:5',
    '1:2:3:4:5:6:1.2.3.4:1',
  ];
  for (const input of invalid) it(`${JSON.stringify(input)} does not`, () => assert.equal(parseIp(input), undefined));
});

describe('net.ParseCIDR', () => {
  const valid: [string, 4 | 6, number][] = [
    ['135.104.0.0/32', 4, 32],
    ['0.0.0.0/24', 4, 24],
    ['135.104.0.1/24', 4, 24],
    ['::1/128', 6, 128],
    ['abcd:2345::/127', 6, 127],
    ['abcd:2345::/65', 6, 65],
    ['abcd:2345::/64', 6, 64],
    ['abcd:2345::/0', 6, 0],
    ['10.0.0.0/08', 4, 8],
  ];
  for (const [input, family, prefix] of valid) {
    it(`${input} parses`, () => {
      const cidr = parseCidr(input);
      assert.deepEqual([cidr?.family, cidr?.prefix], [family, prefix]);
    });
  }
  const invalid = [
    '192.168.1.1/255.255.255.0',
    '192.168.1.1/35',
    '2001:db8::1/-1',
    '2001:db8::1/-0',
    '-0.0.0.0/32',
    '0.-1.0.0/32',
    '0.0.-2.0/32',
    '0.0.0.-3/32',
    '0.0.0.0/-0',
    '',
    '10.0.0.0',
    '10.1/16',
    'fd00::/129',
    'fe80::%lo0/64',
    '10.0.0.0/ 24',
  ];
  for (const input of invalid) it(`${JSON.stringify(input)} does not`, () => assert.equal(parseCidr(input), undefined));

  it('contains', () => {
    const rows: [string, string, boolean | undefined][] = [
      ['10.10.0.0/24', '10.10.0.5', true],
      ['10.10.0.0/24', '10.10.1.5', false],
      ['10.10.0.0/23', '10.10.1.5', true],
      ['10.10.0.0/0', '192.168.1.1', true],
      ['172.16.0.0/12', '172.31.255.255', true],
      ['172.16.0.0/12', '172.32.0.0', false],
      ['fd00:10::/64', 'fd00:10::20', true],
      ['fd00:10::/64', '10.10.0.5', false],
      ['10.10.0.0/24', '10.1', undefined],
      ['10.10.0/24', '10.10.0.1', undefined],
    ];
    for (const [cidr, ip, expected] of rows) assert.equal(cidrContains(cidr, ip), expected, `${cidr} ∋ ${ip}`);
  });

  it('overlaps', () => {
    const rows: [string, string, boolean | undefined][] = [
      ['172.20.0.0/16', '172.20.5.0/24', true],
      ['172.20.5.0/24', '172.20.0.0/16', true],
      ['172.20.0.0/16', '172.21.0.0/16', false],
      ['10.0.0.0/8', '10.0.0.0/8', true],
      ['172.16.0.0/12', '172.31.240.0/20', true],
      ['172.16.0.0/12', '172.32.0.0/20', false],
      ['0.0.0.0/0', '192.168.1.0/24', true],
      ['fd00:10::/64', 'fd00:10::/80', true],
      ['fd00:10::/64', 'fd00:11::/64', false],
      ['10.0.0.0/8', '::/0', false],
      ['10.0.0.0/33', '10.0.0.0/8', undefined],
    ];
    for (const [a, b, expected] of rows) assert.equal(cidrsOverlap(a, b), expected, `${a} ∩ ${b}`);
  });
});

describe('net.ParseMAC', () => {
  const valid: [string, string][] = [
    ['00:00:5e:00:53:01', '00005e005301'],
    ['00-00-5e-00-53-01', '00005e005301'],
    ['0000.5e00.5301', '00005e005301'],
    ['02:00:5e:10:00:00:00:01', '02005e1000000001'],
    ['00-15-5D-00-00-00', '00155d000000'],
  ];
  for (const [input, bytes] of valid) it(`${input} parses`, () => assert.equal(hex(parseMac(input)), bytes));
  const invalid = [
    '01.02.03.04.05.06',
    '01:02:03:04:05:06:',
    'x1:02:03:04:05:06',
    '01002:03:04:05:06',
    '01:02003:04:05:06',
    '01:02:03004:05:06',
    '01:02:03:04005:06',
    '01:02:03:04:05006',
    '01-02:03:04:05:06',
    '01:02-03-04-05-06',
    '0123:4567:89AF',
    '0123-4567-89AF',
    '00155D000000',
    '00-15-5D-00-00',
  ];
  for (const input of invalid) it(`${input} does not`, () => assert.equal(parseMac(input), undefined));

  it('48-bit MACs only for HNS, compared as numbers', () => {
    assert.equal(isMac48('00-15-5D-00-00-00'), true);
    assert.equal(isMac48('02:00:5e:10:00:00:00:01'), false);
    assert.equal(macNumber('00-15-5D-00-00-FF')! - macNumber('00-15-5D-00-00-00')!, 255);
    assert.equal(macNumber('nope'), undefined);
  });
});

/**
 * The scorer of `winnet explain`: what it treats as the same (ids, addresses, numbers, code spellings, case, word
 * forms, line breaks, log noise around the message) and what it keeps apart (a different word, another kind of
 * address, a different HRESULT, a few common words that happen to be there).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMatcher, normalizedKey, stem, tokenize } from './explain-match';

const shown = (text: string, slots = false) =>
  tokenize(text, slots)
    .map((t) => t.text)
    .join(' ');

describe('explain-match: normalisation', () => {
  const cases: [name: string, text: string, expected: string][] = [
    ['a GUID in braces or not', 'endpoint {6C1F1B3E-2C4A-4F1A-9C33-5F0B0C3E9D11} and 6c1f1b3e-2c4a-4f1a-9c33-5f0b0c3e9d11', 'endpoint <id> <id>'],
    ['short and long container ids', 'network 3f2a9c1b0d4e and 3f2a9c1b0d4e5f6a7b8c9d0e1f2a3b4c5d6e7f8a9b0c1d2e3f4a5b6c7d8e9f0a', 'network <id> <id>'],
    ['HRESULTs in any case and padding', '(0x803B0006) 0x803b0006', '0x803b0006 0x803b0006'],
    ['a Win32 error wrapped in an HRESULT is the Win32 error', '(0x80070020) (0x20) (0x80071392)', '0x20 0x20 0x1392'],
    ['IPv4 addresses, with a prefix length or a port', '172.20.0.5 172.20.0.0/16 0.0.0.0:5005', '<ip4> <ip4> <ip4> <n>'],
    [
      'IPv6 addresses, abbreviated or bracketed',
      'fd00::5 fd00::/64 [::]:8080 ::1 2001:0db8:0000:0000:0000:ff00:0042:8329',
      '<ip6> <ip6> <ip6> <n> <ip6> <ip6>',
    ],
    ['MAC addresses', '00-15-5D-00-00-00 00:15:5d:00:00:0a', '<mac> <mac>'],
    ['numbers and versions', 'line 12 and API 1.44', 'line <n> api <n>'],
    ['quotes are dropped, their words kept', 'plugin "bridge" not found; the \u2018windows\u2019 ipam driver', 'plugin bridg not found window ipam driver'],
    ['contractions, cannot and unable', "doesn't can't won't cannot unable", 'not can not not can not can not'],
    ['filler words are dropped', 'An attempt was made to access a socket', 'attempt made access socket'],
    ['words that are not ids stay words (stemmed)', 'ltsc2019 l2bridge win32 project_web_1 deadbeef', 'ltsc2019 l2bridge win32 project_web_1 deadbeef'],
    ['C++ scope and timestamps are not IPv6', 'std::string 10:22:33', 'std str <n> <n> <n>'],
  ];
  for (const [name, text, expected] of cases) it(name, () => assert.equal(shown(text), expected));

  it('a name in angle brackets is a slot in a knowledge text, and words in a paste', () => {
    assert.equal(shown('network <name> not found', true), 'network <> not found');
    assert.equal(shown('network <name> not found'), 'network name not found');
  });

  it('stems word forms alike', () => {
    const same: [string, string][] = [
      ['exists', 'exist'],
      ['existing', 'exist'],
      ['addresses', 'address'],
      ['processes', 'process'],
      ['connects', 'connected'],
      ['connecting', 'connect'],
      ['resolves', 'resolved'],
      ['settings', 'setting'],
      ['ports', 'port'],
    ];
    for (const [a, b] of same) assert.equal(stem(a), stem(b), `${a} ~ ${b}`);
  });

  it('keeps offsets into the original text', () => {
    const text = 'Error: The object\r\nalready exists. (0x1392)';
    for (const t of tokenize(text)) assert.ok(t.end > t.start && t.end <= text.length);
    const code = tokenize(text).find((t) => t.kind === 'code')!;
    assert.equal(text.slice(code.start, code.end), '0x1392');
  });

  it('the normalised key of a text ignores case, ids and layout', () => {
    assert.equal(normalizedKey('Network 3f2a9c1b0d4e NOT found'), normalizedKey('network  9d8c7b6a5f4e\nnot found'));
  });
});

describe('explain-match: scoring', () => {
  const texts = [
    ['Windows does not support host IP addresses in NAT settings'],
    ['network <name> not found'],
    ['could not find plugin <driver> in v1 plugin registry: plugin not found'],
    ['could not find plugin NAT in v1 plugin registry: plugin not found'],
    ['HNS failed with error : The object already exists', 'The object already exists. (0x1392)'],
    ['no configured subnet contains IP address 172.20.0.5'],
    ['no configured subnet contains IP address fd00::5'],
    ['container loses network when the VPN connects'],
    ['An adapter was not found. (0x803b0006)'],
  ];
  const matcher = createMatcher(texts);
  const best = (paste: string) => matcher.match(paste).map((m) => m.owner);

  const cases: [name: string, paste: string, owners: number[]][] = [
    ['the text itself', 'Windows does not support host IP addresses in NAT settings', [0]],
    ['inside a daemon error, lower-cased, with a full stop', 'Error response from daemon: windows does not support host ip addresses in nat settings.', [0]],
    [
      'wrapped over lines of a compose log',
      'web-1  | Error response from daemon: Windows does not support\nhost IP addresses in NAT settings\nexit status 1',
      [0],
    ],
    ['a slot takes the name', 'Error response from daemon: network myproject_default not found', [1]],
    ['a literal name beats a slot', 'could not find plugin NAT in v1 plugin registry: plugin not found', [3, 2]],
    ['and a slot wins where the literal differs', 'could not find plugin macvlan in v1 plugin registry: plugin not found', [2, 3]],
    ['an HRESULT alone, in a localised message', 'Das Objekt ist bereits vorhanden. (0x80071392)', [4]],
    ['the same HRESULT in another spelling', 'hnsCall failed in Win32: An adapter was not found. (0x803B0006)', [8]],
    ['the address kind decides between two texts (IPv4)', 'no configured subnet contains IP address 10.0.0.7', [5]],
    ['the address kind decides between two texts (IPv6)', 'no configured subnet contains IP address 2001:db8::7', [6]],
    ['a short description in other words and order', 'my container loses its network whenever I connect the VPN', [7]],
  ];
  for (const [name, paste, owners] of cases) it(name, () => assert.deepEqual(best(paste).slice(0, owners.length), owners));

  it('scores an exact occurrence 1, and a near one less', () => {
    assert.equal(matcher.match('Windows does not support host IP addresses in NAT settings')[0].score, 1);
    const near = matcher.match('Windows does not support IP addresses in settings')[0];
    assert.ok(near.owner === 0 && near.score < 1 && near.score > 0.6, String(near.score));
  });

  it('reports where in the paste the text matched', () => {
    const paste = 'time="x" level=error msg="HNS failed with error : The object already exists" end';
    const m = matcher.match(paste)[0];
    assert.equal(paste.slice(m.start, m.end), 'HNS failed with error : The object already exists');
  });

  it('a different HRESULT is evidence against a text with a code', () => {
    const same = matcher.match('The object already exists. (0x1392)')[0];
    const other = matcher.match('The object already exists. (0x803b0010)').find((m) => m.owner === 4);
    assert.ok(!other || other.score < same.score);
  });

  const misses: [name: string, paste: string][] = [
    ['unrelated', 'hello world'],
    ['two common words of a text', 'image not found'],
    ['one word of a text', 'settings'],
    ['the words of a text scattered through a long log', `${'Windows '}${'lorem ipsum dolor sit amet '.repeat(20)}host${' x'.repeat(30)} IP addresses`],
    ['empty', ''],
  ];
  for (const [name, paste] of misses) it(`no match: ${name}`, () => assert.deepEqual(best(paste), []));

  it('a case difference breaks a tie', () => {
    const m = createMatcher([['plugin "nat" not found'], ['plugin "NAT" not found']]);
    assert.deepEqual(
      m.match('plugin "NAT" not found').map((x) => x.owner),
      [1, 0],
    );
    assert.deepEqual(
      m.match('plugin "nat" not found').map((x) => x.owner),
      [0, 1],
    );
  });

  it('finds the message at the end of a long log', () => {
    const log = `${'#12 [web 3/5] RUN powershell -Command Install-WindowsFeature Web-Server\n'.repeat(5000)}Error response from daemon: Windows does not support host IP addresses in NAT settings\n`;
    assert.deepEqual(best(log), [0]);
  });
});

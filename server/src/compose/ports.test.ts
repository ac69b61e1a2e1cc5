/**
 * Port mappings as compose reads them (docker/go-connections `ParsePortSpec`): the last `:` part is the
 * container port (with `/protocol`), the one before it the host port, everything before those the host IP
 * (brackets around an IPv6 address stripped). Each part keeps the span of its text in the document.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYaml } from '../documents/yaml';
import { get, items } from '../documents/tree';
import { isUnspecifiedIp, parsePort, type PortPart } from './ports';

type Part = [text: string, start: number, end: number];

interface PortCase {
  /** The item as written after `p: ` (so document offsets are item offsets + 3). */
  item: string;
  hostIp?: Part;
  published?: Part;
  target?: Part;
  protocol?: Part;
  mode?: Part;
  long?: boolean;
  /** The spans are the whole scalar's (its text is not the value as written). */
  whole?: boolean;
}

const cases: PortCase[] = [
  { item: '80', target: ['80', 3, 5] },
  { item: '"80"', target: ['80', 4, 6] },
  { item: '8080:80', published: ['8080', 3, 7], target: ['80', 8, 10] },
  { item: '"8080:80/udp"', published: ['8080', 4, 8], target: ['80', 9, 11], protocol: ['udp', 12, 15] },
  { item: "'8080:80/tcp'", published: ['8080', 4, 8], target: ['80', 9, 11], protocol: ['tcp', 12, 15] },
  { item: '"127.0.0.1:8080:80"', hostIp: ['127.0.0.1', 4, 13], published: ['8080', 14, 18], target: ['80', 19, 21] },
  { item: '"127.0.0.1::80"', hostIp: ['127.0.0.1', 4, 13], target: ['80', 15, 17] },
  { item: '"[::1]:80:80"', hostIp: ['::1', 5, 8], published: ['80', 10, 12], target: ['80', 13, 15] },
  { item: '"[::]:80:80"', hostIp: ['::', 5, 7], published: ['80', 9, 11], target: ['80', 12, 14] },
  { item: '"::1:80:80"', hostIp: ['::1', 4, 7], published: ['80', 8, 10], target: ['80', 11, 13] },
  { item: '"fe80::1:53:53/udp"', hostIp: ['fe80::1', 4, 11], published: ['53', 12, 14], target: ['53', 15, 17], protocol: ['udp', 18, 21] },
  { item: '"0.0.0.0:80:80"', hostIp: ['0.0.0.0', 4, 11], published: ['80', 12, 14], target: ['80', 15, 17] },
  { item: '":80:80"', hostIp: ['', 4, 4], published: ['80', 5, 7], target: ['80', 8, 10] },
  { item: '"8000-8010:80-90/tcp"', published: ['8000-8010', 4, 13], target: ['80-90', 14, 19], protocol: ['tcp', 20, 23] },
  { item: '3000-3005', target: ['3000-3005', 3, 12] },
  { item: '80/sctp', target: ['80', 3, 5], protocol: ['sctp', 6, 10] },
  { item: '"80/"', target: ['80', 4, 6], protocol: ['', 7, 7] },
  { item: '8080:80 # web', published: ['8080', 3, 7], target: ['80', 8, 10] },
  // Written with an escape, the value's offsets are not the text's: every part falls back to the whole scalar.
  { item: '"127.0.0.\\x31:80:80"', hostIp: ['127.0.0.1', 3, 23], published: ['80', 3, 23], target: ['80', 3, 23], whole: true },
  {
    item: '{target: 80, published: "8080-8090", host_ip: 127.0.0.1, protocol: udp, mode: host}',
    long: true,
    target: ['80', 12, 14],
    published: ['8080-8090', 27, 38],
    hostIp: ['127.0.0.1', 49, 58],
    protocol: ['udp', 70, 73],
    mode: ['host', 81, 85],
  },
  { item: '{target: 80}', long: true, target: ['80', 12, 14] },
];

const show = (part: PortPart | undefined): Part | undefined => (part ? [part.text, part.span.start, part.span.end] : undefined);

describe('port mappings', () => {
  for (const c of cases) {
    it(c.item, () => {
      const text = `p: ${c.item}\n`;
      const { root, errors } = parseYaml(text);
      assert.deepEqual(errors, []);
      const port = parsePort(get(root, 'p')!);
      assert.ok(port);
      assert.equal(port.long, c.long ?? false);
      assert.deepEqual(
        { hostIp: show(port.hostIp), published: show(port.published), target: show(port.target), protocol: show(port.protocol), mode: show(port.mode) },
        { hostIp: c.hostIp, published: c.published, target: c.target, protocol: c.protocol, mode: c.mode },
      );
      // Where the spans point into the text, they hold exactly the part's text.
      if (!c.whole) {
        for (const part of [port.hostIp, port.published, port.target, port.protocol, port.mode]) {
          if (part) assert.equal(text.slice(part.span.start, part.span.end).replace(/^"(.*)"$/, '$1'), part.text);
        }
      }
    });
  }

  it('the long syntax keeps the `host_ip` pair, for a fix that removes it', () => {
    const text = 'p:\n  target: 80\n  host_ip: 127.0.0.1\n';
    const port = parsePort(get(parseYaml(text).root, 'p')!)!;
    assert.equal(text.slice(port.hostIpPair!.key.start, port.hostIpPair!.value.end), 'host_ip: 127.0.0.1');
  });

  it('items of a block sequence, through an alias', () => {
    const text = 'x: &p\n  - "127.0.0.1:80:80"\ny:\n  ports: *p\n';
    const list = items(get(get(parseYaml(text).root, 'y'), 'ports'));
    assert.deepEqual(show(parsePort(list[0])!.hostIp), ['127.0.0.1', 11, 20]);
  });

  it('an empty item or a null gives no mapping', () => {
    const { root } = parseYaml('p:\n  - \n  - ~\n');
    assert.deepEqual(
      items(get(root, 'p')).map((n) => parsePort(n)),
      [undefined, undefined],
    );
  });

  it('unspecified host IPs: empty, 0.0.0.0 and ::', () => {
    assert.deepEqual(['', '0.0.0.0', '::', '127.0.0.1', '::1', '10.0.0.1'].map(isUnspecifiedIp), [true, true, true, false, false, false]);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkComposeSet } from '../engine/check-set';
import { loadComposeSet } from './loader';
import type { Node } from '../documents/tree';

/** Plain data of a merged tree (aliases resolved, tags dropped), to compare with the expected model. */
function plain(node: Node | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'alias') return plain(node.target);
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map(plain);
  return Object.fromEntries(node.pairs.map((p) => [String(p.key.value), plain(p.value)]));
}

const files = (map: Record<string, string>) => ({ read: (path: string) => map[path] });

function merged(...texts: string[]): unknown {
  const map: Record<string, string> = {};
  texts.forEach((t, i) => (map[`/p/f${i}.yml`] = t));
  return plain(loadComposeSet(Object.keys(map), files(map)).virtual.root);
}

describe('compose merge rules (compose-spec "Merge")', () => {
  const cases: { rule: string; files: string[]; expect: unknown }[] = [
    { rule: 'mappings merge, later scalars win', files: ['services:\n  a:\n    image: x\n    isolation: process\n', 'services:\n  a:\n    image: y\n'], expect: { services: { a: { image: 'y', isolation: 'process' } } } },
    { rule: 'sequences append', files: ['services:\n  a:\n    dns: [1.1.1.1]\n', 'services:\n  a:\n    dns: [8.8.8.8]\n'], expect: { services: { a: { dns: ['1.1.1.1', '8.8.8.8'] } } } },
    { rule: 'command is replaced', files: ['services:\n  a:\n    command: [a, b]\n', 'services:\n  a:\n    command: [c]\n'], expect: { services: { a: { command: ['c'] } } } },
    { rule: 'healthcheck.test is replaced', files: ['services:\n  a:\n    healthcheck:\n      test: [CMD, a]\n', 'services:\n  a:\n    healthcheck:\n      test: [CMD, b]\n'], expect: { services: { a: { healthcheck: { test: ['CMD', 'b'] } } } } },
    { rule: 'ports with the same key are merged, others appended', files: ['services:\n  a:\n    ports: ["80:80", "443:443"]\n', 'services:\n  a:\n    ports: ["80:80", "8080:80"]\n'], expect: { services: { a: { ports: ['443:443', '80:80', '8080:80'] } } } },
    { rule: 'volumes are unique by target', files: ['services:\n  a:\n    volumes: ["foo:/work"]\n', 'services:\n  a:\n    volumes: ["bar:/work"]\n'], expect: { services: { a: { volumes: ['bar:/work'] } } } },
    { rule: '!reset removes a value', files: ['services:\n  a:\n    image: x\n    ports: ["80:80"]\n', 'services:\n  a:\n    ports: !reset []\n'], expect: { services: { a: { image: 'x' } } } },
    { rule: '!override replaces a sequence', files: ['services:\n  a:\n    ports: ["80:80"]\n', 'services:\n  a:\n    ports: !override ["443:443"]\n'], expect: { services: { a: { ports: ['443:443'] } } } },
    { rule: 'a service network list and mapping merge as mappings', files: ['services:\n  a:\n    networks: [front]\n', 'services:\n  a:\n    networks:\n      back:\n        ipv4_address: 10.0.0.5\n'], expect: { services: { a: { networks: { front: null, back: { ipv4_address: '10.0.0.5' } } } } } },
    { rule: 'network definitions merge', files: ['networks:\n  app:\n    driver: nat\n', 'networks:\n  app:\n    enable_ipv6: true\n'], expect: { networks: { app: { driver: 'nat', enable_ipv6: true } } } },
    { rule: 'merge keys are applied before files merge', files: ['x-base: &base\n  image: x\nservices:\n  a:\n    <<: *base\n', 'services:\n  a:\n    image: y\n'], expect: { 'x-base': { image: 'x' }, services: { a: { image: 'y' } } } },
  ];
  for (const c of cases) it(c.rule, () => assert.deepEqual(merged(...c.files), c.expect));
});

describe('include and extends', () => {
  it('includes files relative to the including file, the including file winning', () => {
    const set = loadComposeSet(['/p/compose.yaml'], files({
      '/p/compose.yaml': 'include:\n  - sub/db.yml\n  - path: [sub/cache.yml]\nservices:\n  web:\n    image: w\n',
      '/p/sub/db.yml': 'services:\n  db:\n    image: d\n',
      '/p/sub/cache.yml': 'services:\n  cache:\n    image: c\n',
    }));
    assert.deepEqual(plain(set.virtual.root), { services: { db: { image: 'd' }, cache: { image: 'c' }, web: { image: 'w' } } });
    assert.deepEqual(set.members.map((m) => [m.path, m.role]), [['/p/compose.yaml', 'file'], ['/p/sub/db.yml', 'include'], ['/p/sub/cache.yml', 'include']]);
  });

  it('follows extends chains across files, the child winning', () => {
    const set = loadComposeSet(['/p/compose.yaml'], files({
      '/p/compose.yaml': 'services:\n  web:\n    extends:\n      file: t/a.yml\n      service: mid\n    ports: ["80:80"]\n',
      '/p/t/a.yml': 'services:\n  mid:\n    extends: root\n    isolation: process\n  root:\n    image: r\n    isolation: hyperv\n',
    }));
    assert.deepEqual(plain(set.virtual.root), { services: { web: { image: 'r', isolation: 'process', ports: ['80:80'] } } });
    assert.deepEqual(set.problems, []);
  });

  const problems: { name: string; files: Record<string, string>; message: RegExp; file: string; at: string }[] = [
    { name: 'a missing include', files: { '/p/compose.yaml': 'include:\n  - nope.yml\nservices: {}\n' }, message: /Included file `nope\.yml` cannot be read/, file: '/p/compose.yaml', at: '1:4' },
    { name: 'an include loop', files: { '/p/compose.yaml': 'include: [b.yml]\n', '/p/b.yml': 'include: [compose.yaml]\n' }, message: /loops back/, file: '/p/b.yml', at: '0:10' },
    { name: 'a missing extends file', files: { '/p/compose.yaml': 'services:\n  a:\n    extends:\n      file: gone.yml\n      service: b\n' }, message: /`extends\.file` `gone\.yml` cannot be read/, file: '/p/compose.yaml', at: '3:12' },
    { name: 'an unknown parent service', files: { '/p/compose.yaml': 'services:\n  a:\n    extends: nobody\n' }, message: /names service `nobody`, which this file does not define/, file: '/p/compose.yaml', at: '2:13' },
    { name: 'an extends loop', files: { '/p/compose.yaml': 'services:\n  a:\n    extends: b\n  b:\n    extends: a\n' }, message: /`extends` loops/, file: '/p/compose.yaml', at: '2:13' },
  ];
  for (const p of problems) {
    it(`reports ${p.name} as compose-reference, in the file that names it`, () => {
      const { results } = checkComposeSet(['/p/compose.yaml'], files(p.files));
      const finding = results.get(p.file)!.findings.find((f) => f.rule === 'compose-reference');
      assert.ok(finding, JSON.stringify([...results].map(([k, r]) => [k, r.findings.map((f) => f.rule)])));
      assert.match(finding.message, p.message);
      assert.equal(`${finding.range.start.line}:${finding.range.start.character}`, p.at);
      assert.equal(finding.severity, 'error');
    });
  }
});

describe('findings of a set', () => {
  const set = {
    '/p/docker-compose.yml': '# base\nservices:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    driver: nat\n',
    '/p/docker-compose.override.yml': 'services:\n  web:\n    # winnet-disable-next-line dns-opt\n    dns_opt: [a]\nnetworks:\n  app:\n    enable_ipv6: true\n',
  };

  it('land in the file that wrote the value, found only through the merged model', () => {
    const alone = checkComposeSet(['/p/docker-compose.override.yml'], files(set));
    assert.deepEqual(alone.results.get('/p/docker-compose.override.yml')!.findings, []);
    const { results } = checkComposeSet(Object.keys(set), files(set));
    const override = results.get('/p/docker-compose.override.yml')!.findings;
    const ipv6 = override.find((f) => f.rule === 'enable-ipv6')!;
    assert.equal(`${ipv6.range.start.line}:${ipv6.range.start.character}-${ipv6.range.end.line}:${ipv6.range.end.character}`, '6:4-6:21');
    assert.deepEqual(ipv6.related.map((r) => [r.path, r.range?.start.line, r.message]).filter((r) => r[0]), [
      ['/p/docker-compose.yml', 3, 'winnet checks this file as Windows, Windows Server 2022 (build 20348) or newer: service `web` uses the Windows image `mcr.microsoft.com/windows/nanoserver:ltsc2022`, process-isolated (the Windows Server default)'],
      ['/p/docker-compose.yml', 6, 'network `app` is also defined in docker-compose.yml'],
    ]);
  });

  it('apply each file its own suppression comments', () => {
    const { results } = checkComposeSet(Object.keys(set), files(set));
    assert.ok(!results.get('/p/docker-compose.override.yml')!.findings.some((f) => f.rule === 'dns-opt'));
  });

  it('carry fixes in the coordinates of their file', () => {
    const { results } = checkComposeSet(Object.keys(set), files(set));
    const ipv6 = results.get('/p/docker-compose.override.yml')!.findings.find((f) => f.rule === 'enable-ipv6')!;
    const edit = ipv6.fixes[0].edits[0];
    assert.equal(set['/p/docker-compose.override.yml'].slice(edit.span.start, edit.span.end), '    enable_ipv6: true\n');
  });
});

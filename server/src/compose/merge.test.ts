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
  for (const [i, t] of texts.entries()) map[`/p/f${i}.yml`] = t;
  return plain(loadComposeSet(Object.keys(map), files(map)).virtual.root);
}

describe('compose merge rules (compose-spec "Merge")', () => {
  const cases: { rule: string; files: string[]; expect: unknown }[] = [
    {
      rule: 'mappings merge, later scalars win',
      files: ['services:\n  a:\n    image: x\n    isolation: process\n', 'services:\n  a:\n    image: y\n'],
      expect: { services: { a: { image: 'y', isolation: 'process' } } },
    },
    {
      rule: 'sequences append',
      files: ['services:\n  a:\n    dns: [1.1.1.1]\n', 'services:\n  a:\n    dns: [8.8.8.8]\n'],
      expect: { services: { a: { dns: ['1.1.1.1', '8.8.8.8'] } } },
    },
    {
      rule: 'command is replaced',
      files: ['services:\n  a:\n    command: [a, b]\n', 'services:\n  a:\n    command: [c]\n'],
      expect: { services: { a: { command: ['c'] } } },
    },
    {
      rule: 'healthcheck.test is replaced',
      files: ['services:\n  a:\n    healthcheck:\n      test: [CMD, a]\n', 'services:\n  a:\n    healthcheck:\n      test: [CMD, b]\n'],
      expect: { services: { a: { healthcheck: { test: ['CMD', 'b'] } } } },
    },
    {
      rule: 'ports with the same key are merged in place, others appended',
      files: ['services:\n  a:\n    ports: ["80:80", "443:443"]\n', 'services:\n  a:\n    ports: ["80:80", "8080:80"]\n'],
      expect: { services: { a: { ports: ['80:80', '443:443', '8080:80'] } } },
    },
    {
      rule: 'volumes are unique by target',
      files: ['services:\n  a:\n    volumes: ["foo:/work"]\n', 'services:\n  a:\n    volumes: ["bar:/work"]\n'],
      expect: { services: { a: { volumes: ['bar:/work'] } } },
    },
    {
      rule: '!reset removes a value',
      files: ['services:\n  a:\n    image: x\n    ports: ["80:80"]\n', 'services:\n  a:\n    ports: !reset []\n'],
      expect: { services: { a: { image: 'x' } } },
    },
    {
      rule: '!override replaces a sequence',
      files: ['services:\n  a:\n    ports: ["80:80"]\n', 'services:\n  a:\n    ports: !override ["443:443"]\n'],
      expect: { services: { a: { ports: ['443:443'] } } },
    },
    {
      rule: 'a service network list and mapping merge as mappings',
      files: ['services:\n  a:\n    networks: [front]\n', 'services:\n  a:\n    networks:\n      back:\n        ipv4_address: 10.0.0.5\n'],
      expect: { services: { a: { networks: { front: null, back: { ipv4_address: '10.0.0.5' } } } } },
    },
    {
      rule: 'network definitions merge',
      files: ['networks:\n  app:\n    driver: nat\n', 'networks:\n  app:\n    enable_ipv6: true\n'],
      expect: { networks: { app: { driver: 'nat', enable_ipv6: true } } },
    },
    // compose-go override/merge.go and override/uncity.go (e70e961c): key-value lists in either form, by key.
    {
      rule: 'labels repeated in an override replace the base value, in list form (compose-go mergeToSequence + keyValueIndexer)',
      files: ['services:\n  a:\n    labels: ["tier=web", "team=a"]\n', 'services:\n  a:\n    labels: ["tier=front"]\n'],
      expect: { services: { a: { labels: ['tier=front', 'team=a'] } } },
    },
    {
      rule: 'labels in mapping form in one file and list form in the other become one list',
      files: ['services:\n  a:\n    labels:\n      tier: web\n', 'services:\n  a:\n    labels: ["tier=front", "team=b"]\n'],
      expect: { services: { a: { labels: ['tier=front', 'team=b'] } } },
    },
    {
      rule: 'environment in two mappings merges by key',
      files: ['services:\n  a:\n    environment:\n      A: "1"\n      B: "2"\n', 'services:\n  a:\n    environment:\n      B: "3"\n'],
      expect: { services: { a: { environment: { A: '1', B: '3' } } } },
    },
    {
      rule: 'an environment variable without a value keeps its name as the key',
      files: ['services:\n  a:\n    environment:\n      A:\n', 'services:\n  a:\n    environment: ["A=1"]\n'],
      expect: { services: { a: { environment: ['A=1'] } } },
    },
    {
      rule: 'DNS servers, capabilities and aliases are kept once each',
      files: [
        'services:\n  a:\n    dns: [10.0.0.1]\n    cap_add: [NET_ADMIN]\n    networks:\n      app:\n        aliases: [api]\n',
        'services:\n  a:\n    dns: [10.0.0.1, 10.0.0.2]\n    cap_add: [NET_ADMIN]\n    networks:\n      app:\n        aliases: [api, web]\n',
      ],
      expect: { services: { a: { dns: ['10.0.0.1', '10.0.0.2'], cap_add: ['NET_ADMIN'], networks: { app: { aliases: ['api', 'web'] } } } } },
    },
    {
      rule: 'extra_hosts: exact repeats dropped, not keyed by host (compose-go mergeExtraHosts)',
      files: ['services:\n  a:\n    extra_hosts: ["db=10.0.0.5"]\n', 'services:\n  a:\n    extra_hosts: ["db=10.0.0.5", "db=10.0.0.6"]\n'],
      expect: { services: { a: { extra_hosts: ['db=10.0.0.5', 'db=10.0.0.6'] } } },
    },
    {
      rule: 'security_opt items are all kept (compose does not deduplicate it)',
      files: ['services:\n  a:\n    security_opt: ["credentialspec=file://a.json"]\n', 'services:\n  a:\n    security_opt: ["credentialspec=file://a.json"]\n'],
      expect: { services: { a: { security_opt: ['credentialspec=file://a.json', 'credentialspec=file://a.json'] } } },
    },
    {
      rule: 'secrets are unique by target, /run/secrets/<name> by default (compose-go mountIndexer)',
      files: ['services:\n  a:\n    secrets: [db]\n', 'services:\n  a:\n    secrets:\n      - source: db\n        target: /run/secrets/db\n      - cert\n'],
      expect: { services: { a: { secrets: [{ source: 'db', target: '/run/secrets/db' }, 'cert'] } } },
    },
    {
      rule: 'volumes with Windows paths are unique by their container path',
      files: ['services:\n  a:\n    volumes: ["C:\\\\data:C:\\\\app"]\n', 'services:\n  a:\n    volumes: ["D:\\\\data:C:\\\\app"]\n'],
      expect: { services: { a: { volumes: ['D:\\data:C:\\app'] } } },
    },
    {
      rule: 'depends_on as a list and as a mapping merge by service name',
      files: ['services:\n  a:\n    depends_on: [db]\n', 'services:\n  a:\n    depends_on:\n      cache:\n        condition: service_started\n'],
      expect: { services: { a: { depends_on: { db: null, cache: { condition: 'service_started' } } } } },
    },
    {
      rule: 'each ulimit is replaced whole',
      files: [
        'services:\n  a:\n    ulimits:\n      nofile:\n        soft: 20000\n        hard: 40000\n',
        'services:\n  a:\n    ulimits:\n      nofile:\n        hard: 65535\n',
      ],
      expect: { services: { a: { ulimits: { nofile: { hard: 65535 } } } } },
    },
    {
      rule: 'ipam.config entries with the same subnet merge',
      files: [
        'networks:\n  app:\n    ipam:\n      config:\n        - subnet: 172.30.0.0/24\n',
        'networks:\n  app:\n    ipam:\n      config:\n        - subnet: 172.30.0.0/24\n          gateway: 172.30.0.1\n        - subnet: 172.31.0.0/24\n',
      ],
      expect: { networks: { app: { ipam: { config: [{ subnet: '172.30.0.0/24', gateway: '172.30.0.1' }, { subnet: '172.31.0.0/24' }] } } } },
    },
    {
      rule: 'merge keys are applied before files merge',
      files: ['x-base: &base\n  image: x\nservices:\n  a:\n    <<: *base\n', 'services:\n  a:\n    image: y\n'],
      expect: { 'x-base': { image: 'x' }, services: { a: { image: 'y' } } },
    },
  ];
  for (const c of cases) it(c.rule, () => assert.deepEqual(merged(...c.files), c.expect));
});

describe('include and extends', () => {
  it('includes files relative to the including file, the including file winning', () => {
    const set = loadComposeSet(
      ['/p/compose.yaml'],
      files({
        '/p/compose.yaml': 'include:\n  - sub/db.yml\n  - path: [sub/cache.yml]\nservices:\n  web:\n    image: w\n',
        '/p/sub/db.yml': 'services:\n  db:\n    image: d\n',
        '/p/sub/cache.yml': 'services:\n  cache:\n    image: c\n',
      }),
    );
    assert.deepEqual(plain(set.virtual.root), { services: { db: { image: 'd' }, cache: { image: 'c' }, web: { image: 'w' } } });
    assert.deepEqual(
      set.members.map((m) => [m.path, m.role]),
      [
        ['/p/compose.yaml', 'file'],
        ['/p/sub/db.yml', 'include'],
        ['/p/sub/cache.yml', 'include'],
      ],
    );
  });

  it('follows extends chains across files, the child winning', () => {
    const set = loadComposeSet(
      ['/p/compose.yaml'],
      files({
        '/p/compose.yaml': 'services:\n  web:\n    extends:\n      file: t/a.yml\n      service: mid\n    ports: ["80:80"]\n',
        '/p/t/a.yml': 'services:\n  mid:\n    extends: root\n    isolation: process\n  root:\n    image: r\n    isolation: hyperv\n',
      }),
    );
    assert.deepEqual(plain(set.virtual.root), { services: { web: { image: 'r', isolation: 'process', ports: ['80:80'] } } });
    assert.deepEqual(set.problems, []);
  });

  const problems: { name: string; files: Record<string, string>; message: RegExp; file: string; at: string }[] = [
    {
      name: 'a missing include',
      files: { '/p/compose.yaml': 'include:\n  - nope.yml\nservices: {}\n' },
      message: /Included file `nope\.yml` cannot be read/,
      file: '/p/compose.yaml',
      at: '1:4',
    },
    {
      name: 'an include loop',
      files: { '/p/compose.yaml': 'include: [b.yml]\n', '/p/b.yml': 'include: [compose.yaml]\n' },
      message: /loops back/,
      file: '/p/b.yml',
      at: '0:10',
    },
    {
      name: 'a missing extends file',
      files: { '/p/compose.yaml': 'services:\n  a:\n    extends:\n      file: gone.yml\n      service: b\n' },
      message: /`extends\.file` `gone\.yml` cannot be read/,
      file: '/p/compose.yaml',
      at: '3:12',
    },
    {
      name: 'an unknown parent service',
      files: { '/p/compose.yaml': 'services:\n  a:\n    extends: nobody\n' },
      message: /names service `nobody`, which this file does not define/,
      file: '/p/compose.yaml',
      at: '2:13',
    },
    {
      name: 'an extends loop',
      files: { '/p/compose.yaml': 'services:\n  a:\n    extends: b\n  b:\n    extends: a\n' },
      message: /`extends` loops/,
      file: '/p/compose.yaml',
      at: '2:13',
    },
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
  it('a label or DNS server an override repeats is merged as compose merges it, not a schema error', () => {
    const files2 = {
      '/p/docker-compose.yml': 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    labels: ["tier=web"]\n    dns: [10.0.0.10]\n',
      '/p/docker-compose.override.yml': 'services:\n  web:\n    labels: ["tier=web", "team=a"]\n    dns: [10.0.0.10]\n    security_opt: [no-new-privileges]\n',
    };
    const { results } = checkComposeSet(Object.keys(files2), files(files2));
    const schema = [...results.values()].flatMap((r) => r.findings.filter((f) => f.rule === 'compose-schema'));
    assert.deepEqual(schema, []);
  });

  const set = {
    '/p/docker-compose.yml':
      '# base\nservices:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    networks: [app]\nnetworks:\n  app:\n    driver: nat\n',
    '/p/docker-compose.override.yml': 'services:\n  web:\n    # winnet-disable-next-line dns-opt\n    dns_opt: [a]\nnetworks:\n  app:\n    enable_ipv6: true\n',
  };

  it('land in the file that wrote the value, found only through the merged model', () => {
    const alone = checkComposeSet(['/p/docker-compose.override.yml'], files(set));
    assert.deepEqual(alone.results.get('/p/docker-compose.override.yml')!.findings, []);
    const { results } = checkComposeSet(Object.keys(set), files(set));
    const override = results.get('/p/docker-compose.override.yml')!.findings;
    const ipv6 = override.find((f) => f.rule === 'enable-ipv6')!;
    assert.equal(`${ipv6.range.start.line}:${ipv6.range.start.character}-${ipv6.range.end.line}:${ipv6.range.end.character}`, '6:4-6:21');
    assert.deepEqual(
      ipv6.related.map((r) => [r.path, r.range?.start.line, r.message]).filter((r) => r[0]),
      [
        [
          '/p/docker-compose.yml',
          3,
          'winnet checks this file as Windows, Windows Server 2022 (build 20348) or newer: service `web` uses the Windows image `mcr.microsoft.com/windows/nanoserver:ltsc2022`, process-isolated (the Windows Server default)',
        ],
        ['/p/docker-compose.yml', 6, 'network `app` is also defined in docker-compose.yml'],
      ],
    );
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

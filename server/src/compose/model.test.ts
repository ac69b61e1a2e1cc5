/**
 * The compose model: services with their network attachments, networks with the driver a Windows daemon will
 * use. Compose sends no driver when none is written and the Windows daemon then uses `nat`
 * (moby daemon/network/network_mode_windows.go); an external network keeps the driver it was created with, which the
 * file cannot tell, except for the well-known `nat` network.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseYaml } from '../documents/yaml';
import { buildComposeModel, driverOpts, effectiveDriver, findNetwork, ipamConfigs, isExternal } from './model';

function model(text: string) {
  const { root, errors } = parseYaml(text);
  assert.deepEqual(errors, []);
  return buildComposeModel(root);
}

describe('effective driver', () => {
  const cases: { name: string; network: string; driver: string | undefined; origin: 'explicit' | 'default' | 'external'; node?: string }[] = [
    { name: 'none written: nat, the Windows default', network: '  app:\n    attachable: true\n', driver: 'nat', origin: 'default' },
    { name: 'a network with no settings at all (`app:`)', network: '  app:\n', driver: 'nat', origin: 'default' },
    { name: 'an empty `driver:`', network: '  app:\n    driver:\n', driver: 'nat', origin: 'default' },
    { name: 'written', network: '  app:\n    driver: l2bridge\n', driver: 'l2bridge', origin: 'explicit', node: 'l2bridge' },
    {
      name: 'written as a Linux driver (what linux-driver reports)',
      network: '  app:\n    driver: "bridge"\n',
      driver: 'bridge',
      origin: 'explicit',
      node: '"bridge"',
    },
    { name: 'through a merge key', network: '  app:\n    <<: *n\n', driver: 'transparent', origin: 'explicit', node: 'transparent' },
    { name: 'external `nat` by name', network: '  app:\n    name: nat\n    external: true\n', driver: 'nat', origin: 'external' },
    { name: 'external, the key itself named nat', network: '  nat:\n    external: true\n', driver: 'nat', origin: 'external' },
    { name: 'external with the deprecated `external: {name: nat}`', network: '  app:\n    external:\n      name: nat\n', driver: 'nat', origin: 'external' },
    { name: 'external as the string "true"', network: '  app:\n    name: nat\n    external: "true"\n', driver: 'nat', origin: 'external' },
    {
      name: 'external other network: unknown, whatever driver is written',
      network: '  app:\n    name: lan\n    driver: transparent\n    external: true\n',
      driver: undefined,
      origin: 'external',
    },
    { name: '`external: false` is not external', network: '  app:\n    driver: nat\n    external: false\n', driver: 'nat', origin: 'explicit', node: 'nat' },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const text = `x-n: &n\n  driver: transparent\nnetworks:\n${c.network}`;
      const m = model(text);
      const driver = effectiveDriver(m.networks[0]);
      assert.deepEqual([driver.name, driver.origin], [c.driver, c.origin]);
      assert.equal(driver.node ? text.slice(driver.node.start, driver.node.end) : undefined, c.node);
    });
  }

  it('a network the file does not define (the implicit `default`): nat', () => {
    assert.deepEqual(effectiveDriver(undefined), { name: 'nat', origin: 'default' });
  });

  it('isExternal', () => {
    const m = model('networks:\n  a:\n    external: true\n  b:\n    external:\n      name: x\n  c:\n    external: false\n  d:\n');
    assert.deepEqual(m.networks.map(isExternal), [true, true, false, false]);
  });
});

describe('services and attachments', () => {
  it('list, mapping, implicit default, network_mode, merged services', () => {
    const text = [
      'x-svc: &svc',
      '  image: base',
      '  networks: [merged]',
      'services:',
      '  list:',
      '    networks: [front, back]',
      '  map:',
      '    networks:',
      '      front:',
      '        ipv4_address: 10.0.0.5',
      '      back:',
      '  implicit:',
      '    image: x',
      '  mode:',
      '    network_mode: host',
      '  merged:',
      '    <<: *svc',
      '  scalar: not-a-service',
      '',
    ].join('\n');
    const m = model(text);
    const summary = m.services.map((s) => [
      s.name,
      s.attachments.map((a) => `${a.name}${a.implicit ? '(implicit)' : ''}${a.config ? '+config' : ''}@${text.slice(a.node.start, a.node.end)}`),
    ]);
    assert.deepEqual(summary, [
      ['list', ['front@front', 'back@back']],
      ['map', ['front+config@front', 'back@back']],
      ['implicit', ['default(implicit)@implicit']],
      ['mode', []],
      ['merged', ['merged@merged']],
    ]);
  });

  it('empty list items are not attachments', () => {
    const m = model('services:\n  web:\n    networks:\n      - \n      - app\n');
    assert.deepEqual(
      m.services[0].attachments.map((a) => a.name),
      ['app'],
    );
  });

  it('findNetwork, ipamConfigs and driverOpts', () => {
    const text =
      'networks:\n  lan:\n    driver_opts:\n      a: "1"\n      b: 2\n    ipam:\n      config:\n        - subnet: 10.0.0.0/24\n        - not-a-mapping\n        - subnet: 10.1.0.0/24\n';
    const m = model(text);
    const lan = findNetwork(m, 'lan');
    assert.ok(lan);
    assert.equal(findNetwork(m, 'wan'), undefined);
    assert.deepEqual(
      driverOpts(lan).map((p) => String(p.key.value)),
      ['a', 'b'],
    );
    assert.deepEqual(
      ipamConfigs(lan).map((c) => text.slice(c.start, c.end)),
      ['subnet: 10.0.0.0/24', 'subnet: 10.1.0.0/24'],
    );
    assert.deepEqual(ipamConfigs(undefined), []);
  });

  it('a file without services or networks, or not a mapping, has an empty model', () => {
    assert.deepEqual(buildComposeModel(parseYaml('- a\n').root), { root: undefined, services: [], networks: [], stack: false, path: '' });
    const m = model('name: x\n');
    assert.deepEqual([m.services.length, m.networks.length], [0, 0]);
  });
});

/**
 * Loading a compose file set: each file is read and merged once however many include paths reach it, the
 * virtual document carries no parse errors of its own, and keys named like Object.prototype members are data.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { loadComposeSet, partnersOf } from './loader';
import { mergeNodes } from './merge';
import { parseYaml } from '../documents/yaml';
import { pairs } from '../documents/tree';

const WIN = 'mcr.microsoft.com/windows/nanoserver:ltsc2022';

describe('compose file sets', () => {
  it('a diamond include graph: each file merged once, each missing include reported once', () => {
    const depth = 24;
    const files = new Map<string, string>();
    for (let i = 0; i < depth; i++) files.set(`/p/f${i}.yaml`, `include:\n  - f${i + 1}.yaml\n  - f${i + 2}.yaml\nservices:\n  s${i}:\n    image: ${WIN}\n`);
    files.set(`/p/f${depth}.yaml`, 'include:\n  - missing.yaml\nservices: {}\n');
    let reads = 0;
    const set = loadComposeSet(['/p/f0.yaml'], {
      read: (p) => {
        reads++;
        return files.get(p);
      },
    });
    // The last file includes `missing.yaml`, the one before it also `f${depth + 1}.yaml`, which does not exist.
    assert.deepEqual(
      set.problems.map((p) => /`([^`]*)`/.exec(p.message)?.[1]),
      ['missing.yaml', `f${depth + 1}.yaml`],
    );
    assert.equal(set.members.length, depth + 1);
    assert.ok(reads <= depth + 3, `${reads} reads`);
    const services = pairs(pairs(set.virtual.root).find((p) => p.key.value === 'services')?.value).map((p) => String(p.key.value));
    assert.equal(services.length, depth);
  });

  it('an include loop is reported once and not followed', () => {
    const files = new Map([
      ['/p/a.yaml', 'include: [b.yaml]\nservices: {a: {image: x}}\n'],
      ['/p/b.yaml', 'include: [a.yaml]\nservices: {b: {image: y}}\n'],
    ]);
    const set = loadComposeSet(['/p/a.yaml'], { read: (p) => files.get(p) });
    assert.deepEqual(
      set.problems.map((p) => p.message.replace(/`[^`]*`/g, '`x`').slice(0, 40)),
      ['`x` of `x` loops back to a file that inc'],
    );
  });

  it('a path or service name with a compose variable is not followed, and says so as information', () => {
    const files = new Map([
      [
        '/p/compose.yaml',
        'include:\n  - ${COMMON}/net.yaml\n  - other.yaml\nservices:\n  web:\n    extends:\n      file: ${BASE:-base}.yaml\n      service: common\n  api:\n    extends:\n      file: base.yaml\n      service: ${PARENT}\n',
      ],
      ['/p/other.yaml', 'services: {o: {image: x}}\n'],
      ['/p/base.yaml', 'services: {common: {image: y}}\n'],
    ]);
    const read: string[] = [];
    const set = loadComposeSet(['/p/compose.yaml'], {
      read: (p) => {
        read.push(p);
        return files.get(p);
      },
    });
    assert.deepEqual(
      set.problems.map((p) => [p.severity, /`([^`]*)`[^`]*`([^`]*)`/.exec(p.message)?.slice(1, 3).join(' ')]),
      [
        ['information', 'include ${COMMON}/net.yaml'],
        ['information', 'extends ${BASE:-base}.yaml'],
        ['information', 'extends ${PARENT}'],
      ],
    );
    assert.ok(!read.some((p) => p.includes('$')), `no path with a variable is read: ${read.join(', ')}`);
    assert.ok(read.includes('/p/other.yaml'), 'the include without a variable is followed');
  });

  it('a one-file set: the virtual document has no parse errors of its own (the member has them)', () => {
    const text = 'services:\n  web:\n    image: a\n  web:\n    image: b\n';
    const set = loadComposeSet(['/p/compose.yaml'], { read: () => text });
    assert.equal(set.members[0].doc.errors.length, 1);
    assert.deepEqual(set.virtual.errors, []);
  });

  it('top-level keys named like Object.prototype members merge as data', () => {
    for (const key of ['valueOf', 'hasOwnProperty', 'toString', 'constructor', '__proto__']) {
      const a = parseYaml(`${key}: [a]\n`).root!;
      const b = parseYaml(`${key}: [b]\n`).root!;
      const merged = mergeNodes(a, b)!;
      assert.equal(merged.kind, 'map', key);
      const [pair] = pairs(merged);
      assert.equal(pair.value.kind === 'seq' && pair.value.items.length, 2, key);
    }
  });

  it('a file given alone knows the compose files beside it whose names extend its own (its partners)', () => {
    const siblings = [
      'docker-compose.yml',
      'docker-compose.override.yml',
      'docker-compose.prod.yml',
      'docker-compose-windows.yaml',
      'docker-compose.yml.bak',
      'compose.yaml',
      'README.md',
      'docker-composer.yml',
    ];
    const reader = { read: () => 'services: {}\n', siblings: () => siblings };
    assert.deepEqual(partnersOf('/p/docker-compose.yml', reader), [
      '/p/docker-compose-windows.yaml',
      '/p/docker-compose.override.yml',
      '/p/docker-compose.prod.yml',
    ]);
    assert.deepEqual(partnersOf('/p/docker-compose.override.yml', reader), [
      '/p/docker-compose-windows.yaml',
      '/p/docker-compose.prod.yml',
      '/p/docker-compose.yml',
    ]);
    assert.deepEqual(loadComposeSet(['/p/compose.yaml'], reader).partners, []);
    assert.deepEqual(loadComposeSet(['/p/docker-compose.yml', '/p/docker-compose.prod.yml'], reader).partners, [], 'a set given whole has none');
    assert.deepEqual(partnersOf('/p/docker-compose.yml', { read: () => undefined }), [], 'a reader that cannot list says nothing');
  });
});

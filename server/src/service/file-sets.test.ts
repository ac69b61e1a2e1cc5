/**
 * The editor's compose file sets: which files go together, who publishes whose findings, and what is released
 * when a set shrinks or its owner closes (each released member checked again when open, cleared when not).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ComposeSet } from '../compose/loader';
import { parseYaml } from '../documents/yaml';
import type { Finding } from '../engine/check';
import { FileSets, needsSet, setPathsFor } from './file-sets';

const SET = { members: [] } as unknown as ComposeSet;
const findings = (...uris: string[]) => new Map<string, Finding[]>(uris.map((u) => [u, []]));

function model(open: string[]) {
  const opened = new Set(open);
  return { sets: new FileSets((uri) => opened.has(uri)), opened };
}

describe('file sets', () => {
  it('a set owner publishes for its members; an open member is checked through it', () => {
    const { sets } = model(['base', 'override']);
    assert.deepEqual(sets.checkedInSet('base', SET, findings('base', 'override', 'include')), { recheck: [], clear: [] });
    assert.deepEqual(sets.openOwnersOf('override'), ['base']);
    assert.deepEqual(sets.openOwnersOf('base'), [], 'not its own other owner');
    assert.deepEqual(sets.ownersOf('include'), ['base']);
    assert.equal(sets.setOf('include'), SET);
    assert.deepEqual(sets.findingsInSet('override'), []);
    assert.equal(sets.setOf('elsewhere'), undefined);
  });

  it('a set that shrinks releases the members it no longer reads: open ones are checked again, closed ones cleared', () => {
    const { sets } = model(['base', 'override']);
    sets.checkedInSet('base', SET, findings('base', 'override', 'include'));
    assert.deepEqual(sets.checkedInSet('base', SET, findings('base')), { recheck: ['override'], clear: ['include'] });
    assert.deepEqual(sets.ownersOf('include'), []);
  });

  it('checked alone again (its override is gone): every member is released', () => {
    const { sets } = model(['base']);
    sets.checkedInSet('base', SET, findings('base', 'include'));
    assert.deepEqual(sets.checkedAlone('base'), { recheck: [], clear: ['include'] });
    assert.equal(sets.setOf('base'), undefined);
    assert.deepEqual(sets.checkedAlone('base'), { recheck: [], clear: [] }, 'nothing more to release');
  });

  it('a member another open owner still reads is kept', () => {
    const { sets } = model(['a', 'b']);
    sets.checkedInSet('a', SET, findings('a', 'shared'));
    sets.checkedInSet('b', SET, findings('b', 'shared'));
    assert.deepEqual(sets.checkedAlone('a'), { recheck: [], clear: [] });
    assert.deepEqual(sets.ownersOf('shared'), ['b']);
  });

  it('closing an owner clears it and the members only it read; closing a member re-checks its open owners', () => {
    const { sets, opened } = model(['a', 'b', 'shared']);
    sets.checkedInSet('a', SET, findings('a', 'shared', 'only-a'));
    sets.checkedInSet('b', SET, findings('b', 'shared'));
    opened.delete('shared');
    assert.deepEqual(sets.closed('shared'), { recheck: ['a', 'b'], clear: [] }, 'still read by open owners');
    opened.delete('a');
    assert.deepEqual(sets.closed('a'), { recheck: [], clear: ['a', 'only-a'] });
    assert.deepEqual(sets.ownersOf('shared'), ['b']);
  });
});

describe('which files go together', () => {
  const present = new Set(['/w/docker-compose.yml', '/w/docker-compose.override.yml', '/w/other/compose.yaml']);
  const exists = (p: string) => present.has(p);

  it('a configured set, relative to the workspace folder, wins', () => {
    assert.deepEqual(setPathsFor('/w/docker-compose.yml', [['docker-compose.yml', 'windows.yml']], '/w', exists), ['/w/docker-compose.yml', '/w/windows.yml']);
  });
  it('a base file goes with its override, and the override with its base', () => {
    assert.deepEqual(setPathsFor('/w/docker-compose.yml', [], '/w', exists), ['/w/docker-compose.yml', '/w/docker-compose.override.yml']);
    assert.deepEqual(setPathsFor('/w/docker-compose.override.yml', [], '/w', exists), ['/w/docker-compose.yml', '/w/docker-compose.override.yml']);
  });
  it('a file with neither is alone', () => assert.deepEqual(setPathsFor('/w/other/compose.yaml', [], '/w', exists), ['/w/other/compose.yaml']));

  it('a file is checked as a set when it has partners, an include or an extends', () => {
    const plain = parseYaml('services:\n  web:\n    image: x\n').root;
    assert.equal(needsSet(plain, ['/a'], false), false);
    assert.equal(needsSet(plain, ['/a', '/b'], false), true);
    assert.equal(needsSet(plain, ['/a'], true), true);
    assert.equal(needsSet(parseYaml('include: [a.yml]\n').root, ['/a'], false), true);
    assert.equal(needsSet(parseYaml('services:\n  web:\n    extends: base\n').root, ['/a'], false), true);
  });
});

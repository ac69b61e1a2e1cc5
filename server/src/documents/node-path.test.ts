/**
 * nodePath: the keys and indexes from the root down to the innermost node at an offset, and whether the offset is
 * on a key (hovers, go to definition, and the file-set check ask this).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { keyPath, nodePath } from './node-path';
import { parseYaml } from './yaml';

const TEXT = 'services:\n  web:\n    ports:\n      - "80:80"\n      - 443\n    x: &a {k: v}\n    y: *a\n';

/** `|` marks the offset in the text. */
const cases: { at: string; path: (string | number)[]; onKey: boolean }[] = [
  { at: 'serv|ices:', path: ['services'], onKey: true },
  { at: '  w|eb:', path: ['services', 'web'], onKey: true },
  { at: '      - "8|0:80"', path: ['services', 'web', 'ports', 0], onKey: false },
  { at: '      - 4|43', path: ['services', 'web', 'ports', 1], onKey: false },
  { at: '{k: |v}', path: ['services', 'web', 'x', 'k'], onKey: false },
  { at: '{|k: v}', path: ['services', 'web', 'x', 'k'], onKey: true },
  // an alias is a node of its own: the path stops at it and does not follow it into the anchor
  { at: '    y: *|a', path: ['services', 'web', 'y'], onKey: false },
];

describe('nodePath', () => {
  const { root, errors } = parseYaml(TEXT);
  assert.deepEqual(errors, []);
  for (const c of cases) {
    it(`${c.at} → ${c.path.join('.')}${c.onKey ? ' (on the key)' : ''}`, () => {
      const marked = c.at.replace('|', '');
      const offset = TEXT.indexOf(marked) + c.at.indexOf('|');
      assert.ok(TEXT.includes(marked));
      const located = nodePath(root, offset);
      assert.deepEqual(keyPath(located), c.path);
      assert.equal(located.onKey, c.onKey);
    });
  }

  it('an offset past the content, or no tree at all, gives an empty path', () => {
    assert.deepEqual(nodePath(root, TEXT.length + 5).steps, []);
    assert.deepEqual(nodePath(undefined, 0), { steps: [], onKey: false });
  });
});

/**
 * A YAML scalar's script read in place: the region's visible characters are the scalar's value (YAML 1.2 §8.1 block
 * scalars, §7.3.3 plain scalars), with the indentation and folded line breaks skipped.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { get } from '../documents/tree';
import { Source } from './shells/source';
import { scalarRegion } from './yaml-region';

/** The characters the tokenizers see for `key` of a one-key YAML mapping, or undefined when it is not mapped. */
function visible(yaml: string): string | undefined {
  const root = parseDocument('x.yml', yaml, 'yaml').root;
  const region = scalarRegion(yaml, get(root, 'run'));
  return region && new Source(yaml, region.from, region.to, region.skip).text;
}

/** The value YAML gives the scalar, to compare with. */
function value(yaml: string): unknown {
  return (get(parseDocument('x.yml', yaml, 'yaml').root, 'run') as { value?: unknown } | undefined)?.value;
}

describe('YAML scalar regions', () => {
  const same: [name: string, yaml: string][] = [
    ['plain, one line', 'run: docker ps -a\n'],
    ['single-quoted', "run: 'docker ps -a'\n"],
    ['double-quoted', 'run: "docker ps -a"\n'],
    ['literal block', 'run: |\n  docker ps \\\n    -a\n\n  docker info\n'],
    ['literal block, CRLF', 'run: |\r\n  docker ps \\\r\n    -a\r\n  docker info\r\n'],
    ['literal block with a comment on its header and keep chomping', 'run: |+ # the script\n    docker ps\n    docker info\n'],
    ['literal block with a blank line holding spaces', 'run: |\n  a\n     \n  b\n'],
  ];
  for (const [name, yaml] of same) {
    it(`${name}: the visible text is the value`, () => {
      const seen = visible(yaml);
      assert.ok(seen !== undefined);
      assert.equal(seen.replace(/\r/g, '').replace(/\n+$/, ''), String(value(yaml)).replace(/\r/g, '').replace(/\n+$/, ''));
    });
  }

  it('folded block: a line break between text lines becomes one blank, blank lines stay breaks', () => {
    assert.equal(visible('run: >\n  docker run\n  -d img\n\n  docker ps\n'), 'docker run -d img\n\ndocker ps');
  });

  it('folded block: more-indented lines keep their breaks', () => {
    assert.equal(visible('run: >\n  a\n    b\n  c\n'), 'a\n  b\nc');
  });

  it('plain scalar over lines folds the same way', () => {
    assert.equal(visible('run: docker run\n  -d\n  img\n'), 'docker run -d img');
  });

  it('values written with escapes, quotes doubled, or an explicit indentation are not mapped', () => {
    assert.equal(visible('run: "docker ps\\t-a"\n'), undefined);
    assert.equal(visible("run: 'it''s'\n"), undefined);
    assert.equal(visible('run: |2\n    docker ps\n'), undefined);
    assert.equal(visible('run: 42\n'), undefined);
    assert.equal(visible('run:\n'), undefined);
  });
});

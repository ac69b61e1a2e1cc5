/**
 * Every `${...}` of a compose file is placed in the text where it is written, whatever the scalar's style, with what
 * it becomes; the expression under a cursor is the innermost one; go to definition leads to the env file's line.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { composeEnvironment } from '../compose/environment';
import { resolveDocument } from '../compose/resolve';
import { parseDocument } from '../documents/document';
import { variableDefinition } from './definition';
import { placedUses, useAt } from './variable-uses';

const env = composeEnvironment({ files: [{ path: '/p/.env', text: 'A=1\nB=two\n' }] });

function uses(value: string) {
  const text = `services:\n  web:\n    image: ${value}\n`;
  const doc = parseDocument('/p/compose.yaml', text);
  return { text, doc, placed: placedUses(doc, resolveDocument(doc, env)) };
}

describe('placing variable uses in the text', () => {
  const cases: { name: string; value: string; placed: [expression: string, value: string | undefined, known: boolean, nested: boolean][] }[] = [
    { name: 'plain', value: '${A}', placed: [['${A}', '1', true, false]] },
    {
      name: 'unbraced',
      value: 'x$A-$B',
      placed: [
        ['$A', '1', true, false],
        ['$B', 'two', true, false],
      ],
    },
    {
      name: 'double quoted',
      value: '"${A}:${B}"',
      placed: [
        ['${A}', '1', true, false],
        ['${B}', 'two', true, false],
      ],
    },
    { name: 'single quoted', value: "'${B}'", placed: [['${B}', 'two', true, false]] },
    { name: 'a double-quoted escape before it', value: '"\\t${B}"', placed: [['${B}', 'two', true, false]] },
    { name: 'a block scalar', value: '|\n      x ${A}\n', placed: [['${A}', '1', true, false]] },
    {
      name: 'nested, the default used',
      value: '${C:-${B}}',
      placed: [
        ['${C:-${B}}', 'two', true, false],
        ['${B}', 'two', true, true],
      ],
    },
    { name: 'nested, the default not looked at', value: '${A:-${B}}', placed: [['${A:-${B}}', '1', true, false]] },
    { name: 'unset: empty where compose runs, unless the shell sets it', value: '${C}', placed: [['${C}', '', false, false]] },
    { name: 'required and unset: compose stops', value: '${C:?no}', placed: [['${C:?no}', undefined, false, false]] },
    { name: '`$$` is no variable', value: '$${A}', placed: [] },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const { text, placed } = uses(c.value);
      assert.deepEqual(
        placed.map((u) => [text.slice(u.span.start, u.span.end), u.value, u.known, u.nested]),
        c.placed,
      );
      for (const u of placed) assert.equal(text.slice(u.span.start, u.span.end), u.expression);
    });
  }

  it('the use at an offset: the innermost, its ends included', () => {
    const { text, placed } = uses('${C:-${B}}');
    const at = (offset: number) => useAt(placed, offset)?.expression;
    const start = text.indexOf('${C');
    assert.equal(at(start), '${C:-${B}}');
    assert.equal(at(text.indexOf('${B}') + 2), '${B}');
    assert.equal(at(start + '${C:-${B}}'.length), '${C:-${B}}');
    assert.equal(at(start - 1), undefined);
    assert.equal(at(text.indexOf('services')), undefined);
  });
});

describe('go to definition from a variable', () => {
  it("to the name on the env file's line", () => {
    const { text, doc } = uses('"${A}:${B}"');
    const resolution = resolveDocument(doc, env);
    assert.deepEqual(variableDefinition(doc, resolution, text.indexOf('${B}') + 2), [
      { path: '/p/.env', span: { start: 4, end: 5 }, range: { start: { line: 1, character: 0 }, end: { line: 1, character: 1 } } },
    ]);
  });

  it('nowhere for a variable from the environment, an unset one, or off a variable', () => {
    const processEnv = composeEnvironment({ process: { A: 'x' }, files: [{ path: '/p/.env', text: 'A=1\n' }] });
    const { text, doc } = uses('"${A}:${C}"');
    const resolution = resolveDocument(doc, processEnv);
    assert.deepEqual(variableDefinition(doc, resolution, text.indexOf('${A}') + 2), []);
    assert.deepEqual(variableDefinition(doc, resolution, text.indexOf('${C}') + 2), []);
    assert.deepEqual(variableDefinition(doc, resolution, text.indexOf('image')), []);
  });
});

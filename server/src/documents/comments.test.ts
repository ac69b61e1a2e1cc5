/** Where comments are, in YAML (with and without a tree) and in JSON with comments. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { findComments } from './comments';
import { parseYaml } from './yaml';

const yamlComments = (text: string, parsed = true) =>
  findComments(text, { language: 'yaml', root: parsed ? parseYaml(text).root : undefined }).map((c) => c.text);
const jsonComments = (text: string) => findComments(text, { language: 'json', root: undefined }).map((c) => c.text);

describe('comments', () => {
  const yaml: [name: string, text: string, expected: string[]][] = [
    ['whole-line and trailing comments', '# top\nkey: value # after\n', ['# top', '# after']],
    ['a `#` inside a quoted or plain scalar is content', 'a: "x # y"\nb: x#y\nc: \'p # q\' # real\n', ['# real']],
    ['a second `#` belongs to the comment it is in', 'a: 1 # note # more\n', ['# note # more']],
    ['a comment after a block scalar header is a comment; its lines are content', 'a: | # header\n  # content\nb: 1\n', ['# header']],
    ['CRLF line ends end the comment', '# one\r\na: 1 # two\r\n', ['# one', '# two']],
  ];
  for (const [name, text, expected] of yaml) {
    it(`YAML: ${name}`, () => assert.deepEqual(yamlComments(text), expected));
    it(`YAML without a tree (the lexer): ${name}`, () => assert.deepEqual(yamlComments(text, false), expected));
  }

  it('JSON: line and block comments, not inside strings', () => {
    assert.deepEqual(jsonComments('{ "a": "// not", // yes\n /* block */ "b": 1 }'), ['// yes', '/* block */']);
  });
  it('JSON: a string ends at a line break, as the parser reads it', () => {
    assert.deepEqual(jsonComments('{ "a": "open\n// after }'), ['// after }']);
  });
});

/**
 * yamlContext: what completion knows about the cursor from indentation alone (the text need not parse).
 * The cursor is written as `|` in each case.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { yamlContext, type YamlContext } from './locate';

function at(textWithCursor: string): YamlContext {
  const offset = textWithCursor.indexOf('|');
  return yamlContext(textWithCursor.replace('|', ''), offset);
}

describe('yamlContext', () => {
  const cases: [string, string, Partial<YamlContext>][] = [
    ['a service key being typed', 'services:\n  web:\n    ima|', { parents: ['services', 'web'], inKey: true, prefix: 'ima' }],
    ['a value after a key', 'services:\n  web:\n    isolation: hy|', { parents: ['services', 'web'], key: 'isolation', inKey: false, prefix: 'hy' }],
    ['a network driver value', 'networks:\n  front:\n    driver: |', { parents: ['networks', 'front'], key: 'driver', prefix: '' }],
    ['under a list item', 'services:\n  web:\n    networks:\n      - front\n      - |', { parents: ['services', 'web', 'networks'] }],
    [
      'a key beside the first key of a list item',
      'networks:\n  front:\n    ipam:\n      config:\n        - subnet: 10.0.0.0/24\n          gate|',
      { parents: ['networks', 'front', 'ipam', 'config'], inKey: true, prefix: 'gate' },
    ],
    [
      'a key under the first key of a list item',
      'services:\n  web:\n    ports:\n      - published: 80\n        x:\n          a|',
      { parents: ['services', 'web', 'ports', 'x'] },
    ],
    [
      'a key inside a list item mapping, a line below',
      'networks:\n  front:\n    ipam:\n      config:\n        - subnet: 10.0.0.0/24\n          gate|',
      { parents: ['networks', 'front', 'ipam', 'config'], inKey: true, prefix: 'gate' },
    ],
    [
      'blank lines and column-0 comments between',
      'services:\n\n# web tier\n  web:\n\n    # image next\n    image: a\n    |',
      { parents: ['services', 'web'], inKey: true },
    ],
    ['a top-level key', 'services:\n  web:\n    image: a\nnet|', { parents: [], inKey: true, prefix: 'net' }],
    ['CRLF line ends', 'services:\r\n  web:\r\n    isolation: |', { parents: ['services', 'web'], key: 'isolation' }],
    ['a key indented by one column', 'services:\n web:\n   ima|', { parents: ['services', 'web'], inKey: true }],
    ['quoted keys', 'services:\n  "web":\n    ima|', { parents: ['services', 'web'], inKey: true }],
  ];
  for (const [title, text, expected] of cases) {
    it(title, () => {
      const context = at(text);
      for (const [field, value] of Object.entries(expected)) assert.deepEqual(context[field as keyof YamlContext], value, field);
    });
  }

  it('far below the top of a large file, the parents are the same as in a small one', () => {
    const service = (i: number) => `  s${i}:\n    image: a\n    networks:\n      - front\n`;
    const many = `services:\n${Array.from({ length: 3000 }, (_, i) => service(i)).join('')}`;
    assert.deepEqual(at(`${many}  last:\n    networks:\n      - |`).parents, ['services', 'last', 'networks']);
    assert.deepEqual(at(`${many}networks:\n  front:\n    driver: |`).parents, ['networks', 'front']);
    // Asked again about another text: nothing is kept from the first.
    assert.deepEqual(at('volumes:\n  data:\n    driver: |').parents, ['volumes', 'data']);
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from './document';
import { checkDocument } from '../engine/check';
import { effectivePairs, get, asMap } from './tree';

// Each anchor merges the previous one nine times: 9^8 expansions if merge keys were expanded naively.
function mergeKeyBomb(levels: number): string {
  const names = 'abcdefghijklmnop';
  let text = 'x-a: &a {driver: nat, x: 1}\n';
  for (let i = 1; i < levels; i++)
    text += `x-${names[i]}: &${names[i]} {<<: [${Array(9)
      .fill(`*${names[i - 1]}`)
      .join(', ')}]}\n`;
  return `${text}services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    <<: *${names[levels - 1]}\nnetworks:\n  n1:\n    <<: *${names[levels - 1]}\n`;
}

describe('merge keys', () => {
  it('a merge-key bomb is expanded once per anchor: the merged keys are all there, once', () => {
    const doc = parseDocument('compose.yaml', mergeKeyBomb(12));
    const network = asMap(get(get(doc.root, 'networks'), 'n1'))!;
    assert.deepEqual(
      effectivePairs(network).map((p) => String(p.key.value)),
      ['driver', 'x'],
    );
    assert.deepEqual(checkDocument(doc).ruleErrors, []);
  });
});

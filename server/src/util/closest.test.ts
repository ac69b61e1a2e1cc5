/** "Did you mean": case-only differences first, then the fewest edits within the bound, never a far word. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { closest, editDistance } from './closest';

describe('closest', () => {
  const cases: [word: string, candidates: string[], max: number | undefined, expected: string | undefined][] = [
    ['HyperV', ['process', 'hyperv', 'default'], undefined, 'hyperv'],
    ['hyper-v'.replace('-', ''), ['process', 'hyperv', 'default'], 3, 'hyperv'],
    [
      'com.docker.network.windowsshim.vlanId',
      ['com.docker.network.windowsshim.vlanid', 'com.docker.network.windowsshim.vsid'],
      undefined,
      'com.docker.network.windowsshim.vlanid',
    ],
    ['frontnd', ['frontend', 'backend'], 2, 'frontend'],
    ['db', ['web', 'api'], undefined, undefined],
    ['servics', ['services', 'networks', 'volumes'], undefined, 'services'],
    ['xyzxyzxyz', ['services'], undefined, undefined],
  ];
  for (const [word, candidates, max, expected] of cases) it(`${word} → ${expected ?? 'nothing'}`, () => assert.equal(closest(word, candidates, max), expected));

  it('edit distance gives up past its limit', () => {
    assert.equal(editDistance('kitten', 'sitting'), 3);
    assert.equal(editDistance('kitten', 'sitting', 1), 2);
    assert.equal(editDistance('a'.repeat(65), 'a'), 65, 'long words are not compared');
  });
});

/**
 * Hovers and completion on docker commands: the hover a compose file gets for the same setting, on the flag or
 * value of the command; Windows drivers after `-d`, windowsshim options after `-o`, isolation values; nothing in a
 * script that is not Windows.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { scriptCompletions, scriptHover } from './script-features';

const IMAGE = 'mcr.microsoft.com/windows/nanoserver:ltsc2022';
const SCRIPT = `docker network create -d transparent \`
  -o com.docker.network.windowsshim.vlanid=5 --ipv6 lan
docker run --isolation hyperv -p 8080:80 --network lan ${IMAGE}
`;
const ctx = { windowsVersion: 'ltsc2022' as const };

function hoverAt(path: string, text: string, word: string) {
  return scriptHover(parseDocument(path, text), text.indexOf(word) + 1, ctx);
}

describe('hover on docker commands', () => {
  const cases: [string, RegExp][] = [
    ['transparent', /transparent/i],
    ['com.docker.network.windowsshim.vlanid', /VLAN/i],
    ['--isolation', /isolation/],
    ['hyperv', /hyperv/],
    ['-p', /Published ports on Windows/],
  ];
  for (const [word, says] of cases) {
    it(`on \`${word}\``, () => {
      const hover = hoverAt('/r/setup.ps1', SCRIPT, word);
      assert.ok(hover, `a hover on ${word}`);
      assert.match(hover.markdown, says);
      const start = SCRIPT.indexOf(word);
      assert.ok(hover.span.start <= start + 1 && hover.span.end >= start + 1, 'the hover covers the word');
    });
  }
  it('none in a shell script with nothing Windows in it', () => {
    assert.equal(hoverAt('/r/setup.sh', 'docker run -p 80:80 nginx\n', '-p'), undefined);
  });
});

describe('completion on docker commands', () => {
  const complete = (path: string, text: string) => scriptCompletions(parseDocument(path, text), text.length, ctx).map((i) => i.label);
  it('Windows drivers after -d in docker network create', () => {
    const labels = complete('/r/a.ps1', 'docker network create -d ');
    assert.ok(labels.includes('nat') && labels.includes('transparent') && labels.includes('l2bridge'), labels.join());
  });
  it('windowsshim options after -o, also on a continued line', () => {
    const labels = complete('/r/a.ps1', 'docker network create -d transparent `\n  -o com.docker.network.windowsshim.');
    assert.ok(labels.includes('com.docker.network.windowsshim.interface'), labels.join());
  });
  it('isolation values after --isolation', () => {
    assert.deepEqual(complete('/r/a.cmd', 'docker run --isolation '), ['process', 'hyperv', 'default']);
  });
  it('nothing outside docker commands, or in a Linux shell script', () => {
    assert.deepEqual(complete('/r/a.ps1', 'Get-Item -d '), []);
    assert.deepEqual(complete('/r/a.sh', 'docker network create -d '), []);
  });
});

/**
 * Bad input yields fewer commands, never an exception: random strings of many shapes (shell punctuation, token soup,
 * any UTF-16 code units, mutated real scripts), read whole, in random regions, with random skipped spans, and as
 * files of every kind. Every answer keeps the invariants (spans inside the text, start <= end, offsets in place).
 * Large adversarial inputs finish: nothing rescans what it has read (a quadratic scan of these would not).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Span } from '../documents/text';
import { prng, type Rng } from '../testing/prng';
import { commandLinesOf, scriptBlocks } from './blocks';
import { commandLines as cmd } from './shells/cmd';
import { invariantProblems } from './shells/invariants.test';
import { commandLines as posix } from './shells/posix';
import { commandLines as powershell } from './shells/powershell';

const READERS = { powershell, cmd, posix };

const PUNCTUATION = ' \t\r\n\n"\'`$(){}[]%!^\\@#<>&|;:=,*?~-\u201c\u201d\u2018\u2019\uFEFF\u00a0';
const TOKENS = [
  'docker',
  ' run ',
  ' -d ',
  '"',
  "'",
  '`',
  '`\n',
  '` \r\n',
  '^\r\n',
  '\\\n',
  '$(',
  ')',
  '${',
  '}',
  '${{ ',
  ' }}',
  '@"\n',
  '\n"@',
  "@'\n",
  "\n'@",
  '<#',
  '#>',
  '#',
  '<<EOF\n',
  "<<-'E'\n",
  '\nEOF\n',
  '%X%',
  '%~dp0',
  '%%i',
  '!V!',
  '--%',
  '&',
  '&&',
  '|',
  '||',
  ';',
  '(',
  '{{',
  '2>&1',
  '>',
  'REM ',
  '::',
  '@',
  'A=1 ',
  "$'\\x4",
  '\r',
  '\n',
  'PS C:\\> ',
  '```sh\n',
  '```\n',
  '$ ',
];

function pick<T>(rng: Rng, list: readonly T[]): T {
  return list[Math.floor(rng() * list.length)];
}

const SHAPES: ((rng: Rng) => string)[] = [
  (rng) => Array.from({ length: Math.floor(rng() * 80) }, () => pick(rng, [...PUNCTUATION, 'a', 'b', 'x'])).join(''),
  (rng) => Array.from({ length: Math.floor(rng() * 40) }, () => pick(rng, TOKENS)).join(''),
  (rng) => String.fromCharCode(...Array.from({ length: Math.floor(rng() * 60) }, () => Math.floor(rng() * 0x10000))),
  (rng) => mutate(rng, pick(rng, SAMPLES)),
];

const SAMPLES = [
  'docker network create -d transparent -o com.docker.network.windowsshim.interface="Ethernet 2" mynet',
  'docker run `\n  --ip6 fd00::2 `\r\n  -e "A=`$B" @"\nx\n"@ img # c',
  '@echo off\r\nif exist x (\r\n  docker run %IMG% !X! ^\r\n  --name "a b"\r\n) else ( docker ps ) & rem x',
  'FOO=1 docker run \\\n -e "$A" $\'a\\tb\' `id` <<EOF\nbody\nEOF\ndocker ps',
];

function mutate(rng: Rng, text: string): string {
  let out = text;
  const edits = 1 + Math.floor(rng() * 6);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(rng() * (out.length + 1));
    if (rng() < 0.5) out = out.slice(0, at) + pick(rng, [...PUNCTUATION]) + out.slice(at);
    else out = out.slice(0, at) + out.slice(at + 1 + Math.floor(rng() * 5));
  }
  return out;
}

function randomSkip(rng: Rng, length: number): Span[] {
  return Array.from({ length: Math.floor(rng() * 5) }, () => {
    const start = Math.floor(rng() * (length + 4)) - 2;
    return { start, end: start + Math.floor(rng() * 8) - 1 };
  });
}

describe('the invariant checker', () => {
  it('accepts a plain word, and rejects a span outside the text and an offset on the wrong character', () => {
    const word = { value: 'ab', span: { start: 0, end: 2 }, literal: true, offsets: [0, 1, 2] };
    const line = (w: typeof word) => [{ words: [w], span: w.span, shell: 'posix' as const }];
    assert.deepEqual(invariantProblems('ab', line(word)), []);
    assert.notDeepEqual(invariantProblems('ab', line({ ...word, span: { start: 0, end: 9 } })), []);
    assert.notDeepEqual(invariantProblems('xb', line(word)), []);
  });
});

describe('tokenizers on random input', () => {
  for (const [name, read] of Object.entries(READERS)) {
    it(`${name}: never throws, keeps the invariants`, () => {
      const rng = prng(name.length * 7919);
      for (let round = 0; round < 3000; round++) {
        const text = pick(rng, SHAPES)(rng);
        const from = rng() < 0.5 ? 0 : Math.floor(rng() * (text.length + 1));
        const to = rng() < 0.5 ? text.length : from + Math.floor(rng() * (text.length - from + 1));
        const skip = rng() < 0.5 ? undefined : randomSkip(rng, text.length);
        const lines = read(text, from, to, skip);
        const problems = invariantProblems(text, lines, from, to);
        assert.deepEqual(problems, [], `round ${round}: ${JSON.stringify({ text, from, to, skip })}`);
      }
    });
  }

  it('odd regions are clamped, not thrown on', () => {
    for (const read of Object.values(READERS)) {
      assert.deepEqual(read('docker ps', -5, 100), read('docker ps'));
      assert.deepEqual(read('docker ps', 6, 2), []);
      assert.deepEqual(read('docker ps', Number.NaN, Number.NaN).length, 1);
      assert.deepEqual(read('docker ps', 0, 9, [{ start: 100, end: 50 }]), read('docker ps'));
    }
  });
});

describe('script blocks of random files', () => {
  const PATHS = ['a.ps1', 'a.cmd', 'a.sh', 'README.md', '.github/workflows/ci.yml', 'azure-pipelines.yml', '.gitlab-ci.yml', 'ci/pipeline.yaml', 'bin/run'];
  const FILES = [
    '```powershell\nPS C:\\> docker ps `\n>> -a\nout\n```\n~~~sh\n$ docker info\n~~~\n',
    'jobs:\n  a:\n    runs-on: windows-latest\n    steps:\n      - run: |\n          docker ps `\n            -a\n      - run: >\n          docker\n          info\n',
    'pool:\n  vmImage: windows-latest\nsteps:\n- script: |\n    docker ps ^\n      -a\n- powershell: docker info\n',
    'build:\n  tags: [windows]\n  script:\n    - docker ps\n    - |\n      docker info\n',
    '#!/bin/sh\ndocker ps\n',
  ];

  it('never throw; blocks lie inside the text; commands keep the invariants', () => {
    const rng = prng(20_250_101);
    for (let round = 0; round < 1500; round++) {
      const text = rng() < 0.6 ? mutate(rng, pick(rng, FILES)) : pick(rng, SHAPES)(rng);
      const path = pick(rng, PATHS);
      for (const block of scriptBlocks(path, text)) {
        assert.ok(block.from >= 0 && block.from <= block.to && block.to <= text.length, `block ${block.from}-${block.to} in ${JSON.stringify(text)}`);
        let last = -1;
        for (const span of block.skip ?? []) {
          assert.ok(span.start >= last && span.start <= span.end, `skip spans sorted: ${JSON.stringify(block.skip)}`);
          last = span.end;
        }
      }
      const lines = commandLinesOf(path, text).map((l) => l.line);
      assert.deepEqual(invariantProblems(text, lines), [], `${path}: ${JSON.stringify(text)}`);
    }
  });
});

describe('large adversarial input finishes', () => {
  const size = 200_000;
  const PATTERNS = ['$(', '"', "'", '@"\n', '`', '%a', '!a', '<<EOF\n', '[', '${{', '{{', '(', 'a=', '\\', '^', '<#', "$'", '\r', 'for ', 'in (', 'if '];
  for (const pattern of PATTERNS) {
    it(`${JSON.stringify(pattern)} repeated`, { timeout: 60_000 }, () => {
      const text = pattern.repeat(Math.ceil(size / pattern.length));
      for (const read of Object.values(READERS)) read(text);
      for (const read of Object.values(READERS)) read(`docker ${text}`);
    });
  }
  it('a Markdown file of many fences and a workflow of many steps', { timeout: 60_000 }, () => {
    commandLinesOf('a.md', '```ps\nPS C:\\> docker ps\nout\n```\n'.repeat(5000));
    commandLinesOf(
      '.github/workflows/a.yml',
      `jobs:\n  a:\n    runs-on: windows-latest\n    steps:\n${'      - run: |\n          docker ps `\n            -a\n'.repeat(5000)}`,
    );
  });
});

/**
 * Which parts of a file are scripts, in which shell, on which platform; and that the commands read from them point at
 * the file's own text (prompts, output lines and YAML indentation skipped, not removed).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { commandLinesOf, scriptBlocks } from './blocks';
import { invariantProblems } from './shells/invariants.test';

/** Each command as its word values, with the block's `where`. */
function commands(path: string, text: string): [where: string, words: string[]][] {
  return commandLinesOf(path, text).map(({ block, line }) => [block.where, line.words.map((w) => w.value)]);
}

/** Every word written plainly (literal, no quotes or escapes) must be its value in the file, in place. */
function assertInPlace(path: string, text: string): void {
  const lines = commandLinesOf(path, text);
  assert.deepEqual(
    invariantProblems(
      text,
      lines.map((l) => l.line),
    ),
    [],
  );
  for (const { line } of lines) {
    for (const word of line.words) {
      if (/^[\w.:/=-]+$/.test(word.value)) assert.equal(text.slice(word.span.start, word.span.end), word.value);
    }
  }
}

describe('script blocks by file kind', () => {
  const cases: { path: string; text: string; blocks: { shell: string; platform?: string; where: string }[] }[] = [
    { path: 'deploy/setup.ps1', text: 'docker ps', blocks: [{ shell: 'powershell', platform: 'windows', where: 'PowerShell script' }] },
    { path: 'C:\\repo\\Module.PSM1', text: 'docker ps', blocks: [{ shell: 'powershell', platform: 'windows', where: 'PowerShell script' }] },
    { path: 'x.psd1', text: '@{}', blocks: [{ shell: 'powershell', platform: 'windows', where: 'PowerShell script' }] },
    { path: 'run.CMD', text: 'docker ps', blocks: [{ shell: 'cmd', platform: 'windows', where: 'batch file' }] },
    { path: 'run.bat', text: 'docker ps', blocks: [{ shell: 'cmd', platform: 'windows', where: 'batch file' }] },
    { path: 'file:///repo/build.sh', text: 'docker ps', blocks: [{ shell: 'posix', where: 'shell script' }] },
    { path: 'build.bash', text: 'docker ps', blocks: [{ shell: 'posix', where: 'shell script' }] },
    { path: 'scripts/entrypoint', text: '#!/bin/sh\ndocker ps', blocks: [{ shell: 'posix', where: 'shell script' }] },
    { path: 'scripts/run', text: '#!/usr/bin/env bash\ndocker ps', blocks: [{ shell: 'posix', where: 'shell script' }] },
    { path: 'scripts/run', text: '#!/usr/bin/env pwsh\ndocker ps', blocks: [{ shell: 'powershell', where: 'PowerShell script' }] },
    { path: 'scripts/run', text: '#!/usr/bin/env python\nprint()', blocks: [] },
    { path: 'compose.yaml', text: 'services:\n  a:\n    image: x\n', blocks: [] },
    { path: 'notes.txt', text: 'docker ps', blocks: [] },
  ];
  for (const c of cases) {
    it(`${c.path}${c.text.startsWith('#!') ? ` (${c.text.split('\n')[0]})` : ''}`, () => {
      assert.deepEqual(
        scriptBlocks(c.path, c.text).map(({ shell, platform, where }) => ({ shell, where, ...(platform ? { platform } : {}) })),
        c.blocks.map(({ shell, platform, where }) => ({ shell, where, ...(platform ? { platform } : {}) })),
      );
    });
  }
  it('a whole-file block covers the file', () => {
    assert.deepEqual(
      scriptBlocks('a.ps1', 'docker ps\n').map(({ from, to }) => [from, to]),
      [[0, 10]],
    );
  });
});

const markdown = [
  '# Setting up',
  '',
  '```powershell',
  'PS C:\\> docker network create -d transparent `',
  '>> -o com.docker.network.windowsshim.interface="Ethernet 2" mynet',
  'f1a2b3c4d5e6',
  'PS C:\\Users\\me> docker network ls',
  'NETWORK ID   NAME   DRIVER',
  '```',
  '',
  '```',
  'npm test (untagged, no prompt, no docker: not read)',
  '```',
  '',
  '```',
  'docker run -d -p 80:80 iis',
  '```',
  '',
  '1. In a list:',
  '',
  '   ```bash',
  '   docker run \\',
  '     --ip6 fd00::5 img',
  '   ```',
  '',
  '~~~ console',
  '$ docker info',
  'Server Version: 27.0',
  '# not a command',
  '~~~',
  '',
  '```console',
  'PS> docker version',
  '```',
  '',
  '```',
  'C:\\> docker network ls',
  'NETWORK ID',
  '```',
  '',
  '````yaml',
  'run: docker ps',
  '````',
  '',
  '```cmd',
  'docker network create -d nat ^',
  '  natnet',
  '```',
  '',
].join('\n');

describe('Markdown', () => {
  it('reads shell fences, strips prompts and skips output', () => {
    assert.deepEqual(commands('README.md', markdown), [
      [
        'Markdown block (powershell)',
        ['docker', 'network', 'create', '-d', 'transparent', '-o', 'com.docker.network.windowsshim.interface=Ethernet 2', 'mynet'],
      ],
      ['Markdown block (powershell)', ['docker', 'network', 'ls']],
      ['Markdown block (posix)', ['docker', 'run', '-d', '-p', '80:80', 'iis']],
      ['Markdown block (bash)', ['docker', 'run', '--ip6', 'fd00::5', 'img']],
      ['Markdown block (console)', ['docker', 'info']],
      ['Markdown block (console)', ['docker', 'version']],
      ['Markdown block (cmd)', ['docker', 'network', 'ls']],
      ['Markdown block (cmd)', ['docker', 'network', 'create', '-d', 'nat', 'natnet']],
    ]);
    assertInPlace('README.md', markdown);
  });

  it('says Windows for PowerShell and cmd blocks and prompts, nothing for sh', () => {
    assert.deepEqual(
      scriptBlocks('README.md', markdown).map((b) => [b.shell, b.platform ?? '-']),
      [
        ['powershell', 'windows'],
        ['posix', '-'],
        ['posix', '-'],
        ['posix', '-'],
        ['powershell', 'windows'],
        ['cmd', 'windows'],
        ['cmd', 'windows'],
      ],
    );
  });

  it('with CRLF line endings, the same commands in place', () => {
    const crlf = markdown.replace(/\n/g, '\r\n');
    assert.deepEqual(commands('README.md', crlf), commands('README.md', markdown));
    assertInPlace('README.md', crlf);
  });

  it('a command in a prompt block points at the text after the prompt', () => {
    const text = '```ps\nPS C:\\> docker ps\n```\n';
    const [{ line }] = commandLinesOf('a.md', text);
    assert.equal(line.span.start, text.indexOf('docker'));
    assert.equal(text.slice(line.span.start, line.span.end), 'docker ps');
  });

  it('a bash block whose commands all have $ prompts', () => {
    assert.deepEqual(commands('a.markdown', '```sh\n$ docker ps\nCONTAINER\n$ docker info\n```\n'), [
      ['Markdown block (sh)', ['docker', 'ps']],
      ['Markdown block (sh)', ['docker', 'info']],
    ]);
  });

  it('a bash block without prompts is read whole, comments and all', () => {
    assert.deepEqual(commands('a.md', '```bash\n# create\ndocker network create n\n```'), [['Markdown block (bash)', ['docker', 'network', 'create', 'n']]]);
  });

  it('an unclosed fence runs to the end; an info string may carry more than the language', () => {
    assert.deepEqual(commands('a.md', '```pwsh title="setup.ps1"\ndocker ps'), [['Markdown block (pwsh)', ['docker', 'ps']]]);
  });

  it('a here-document in a session goes on behind > prompts', () => {
    assert.deepEqual(commands('a.md', '```console\n$ cat <<EOF\n> docker no\n> EOF\n$ docker yes\n```'), [
      ['Markdown block (console)', ['cat']],
      ['Markdown block (console)', ['docker', 'yes']],
    ]);
  });
});

const workflow = `name: ci
on: push
defaults:
  run:
    shell: bash
jobs:
  windows:
    runs-on: \${{ matrix.os }}
    strategy:
      matrix:
        os: [windows-2022, windows-2019]
    defaults:
      run:
        shell: pwsh
    steps:
      - uses: actions/checkout@v4
      - name: Create network
        run: |
          docker network create -d transparent \`
            -o com.docker.network.windowsshim.interface="Ethernet 2" \`
            mynet

          docker run --network mynet mcr.microsoft.com/windows/nanoserver:ltsc2022
      - name: Batch
        shell: cmd
        run: docker network create -d nat ^
          natnet
  linux:
    runs-on: ubuntu-latest
    steps:
      - name: Build
        run: >
          docker build
          -t app .

          docker network create --ipv6 v6
      - run: "docker ps -a"
      - run: "docker ps \\t"
      - run: python x.py
        shell: python
`;

describe('GitHub Actions workflows', () => {
  const path = '.github/workflows/ci.yml';

  it('each run step in its shell: the job default on Windows, the workflow default on Linux, a step override', () => {
    assert.deepEqual(commands(path, workflow), [
      [
        'GitHub Actions step `Create network` (pwsh)',
        ['docker', 'network', 'create', '-d', 'transparent', '-o', 'com.docker.network.windowsshim.interface=Ethernet 2', 'mynet'],
      ],
      ['GitHub Actions step `Create network` (pwsh)', ['docker', 'run', '--network', 'mynet', 'mcr.microsoft.com/windows/nanoserver:ltsc2022']],
      ['GitHub Actions step `Batch` (cmd)', ['docker', 'network', 'create', '-d', 'nat', 'natnet']],
      ['GitHub Actions step `Build` (bash)', ['docker', 'build', '-t', 'app', '.']],
      ['GitHub Actions step `Build` (bash)', ['docker', 'network', 'create', '--ipv6', 'v6']],
      ['GitHub Actions step `linux #2` (bash)', ['docker', 'ps', '-a']],
    ]);
  });

  it('Windows from a matrix runs-on; Linux says nothing', () => {
    assert.deepEqual(
      scriptBlocks(path, workflow).map((b) => [b.shell, b.platform ?? '-']),
      [
        ['powershell', 'windows'],
        ['cmd', 'windows'],
        ['posix', '-'],
        ['posix', '-'],
      ],
    );
  });

  it('the commands of a run: | block land on the exact file text', () => {
    assertInPlace(path, workflow);
    const [first] = commandLinesOf(path, workflow);
    const shim = first.line.words[6];
    assert.equal(workflow.slice(shim.span.start, shim.span.end), 'com.docker.network.windowsshim.interface="Ethernet 2"');
    assert.equal(shim.offsets[shim.value.indexOf('Ethernet')], workflow.indexOf('Ethernet 2'));
    const mynet = first.line.words[7];
    assert.equal(mynet.span.start, workflow.indexOf('mynet\n'));
    assert.equal(workflow.slice(first.line.span.start, first.line.span.end).split('\n').length, 3, 'the command spans its three lines');
  });

  it('with CRLF line endings, the same commands in place', () => {
    const crlf = workflow.replace(/\n/g, '\r\n');
    assert.deepEqual(commands(path, crlf), commands(path, workflow));
    assertInPlace(path, crlf);
  });

  it('runs-on as a list, a group with labels, and the default shell of a Windows runner', () => {
    const text =
      'jobs:\n  a:\n    runs-on: [self-hosted, windows, x64]\n    steps:\n      - run: docker ps\n  b:\n    runs-on:\n      group: big\n      labels: windows-2022\n    steps:\n      - run: docker info\n';
    assert.deepEqual(
      scriptBlocks('.github/workflows/x.yaml', text).map((b) => [b.shell, b.platform, b.where]),
      [
        ['powershell', 'windows', 'GitHub Actions step `a #1` (pwsh)'],
        ['powershell', 'windows', 'GitHub Actions step `b #1` (pwsh)'],
      ],
    );
  });

  it('a YAML file outside .github/workflows is no workflow', () => {
    assert.deepEqual(scriptBlocks('ci.yml', workflow), []);
  });
});

const azure = `trigger: [main]
pool:
  vmImage: windows-latest
stages:
  - stage: build
    jobs:
      - job: win
        steps:
          - script: docker network create -d nat natnet
            displayName: Network
          - powershell: |
              docker run \`
                --network natnet img
          - task: PowerShell@2
            inputs:
              targetType: inline
              script: docker ps -a
      - job: linux
        pool:
          vmImage: ubuntu-latest
        steps:
          - script: |
              docker network create \\
                --ipv6 v6
          - bash: docker info
          - pwsh: docker version
`;

describe('Azure Pipelines', () => {
  it('script is cmd on a Windows pool and bash elsewhere; powershell/pwsh/bash steps and the PowerShell task', () => {
    assert.deepEqual(
      commandLinesOf('azure-pipelines.yml', azure).map(({ block, line }) => [block.where, block.shell, block.platform ?? '-', line.words.map((w) => w.value)]),
      [
        ['Azure Pipelines step `Network` (script)', 'cmd', 'windows', ['docker', 'network', 'create', '-d', 'nat', 'natnet']],
        ['Azure Pipelines step `powershell` (powershell)', 'powershell', 'windows', ['docker', 'run', '--network', 'natnet', 'img']],
        ['Azure Pipelines step `PowerShell@2` (PowerShell@2)', 'powershell', 'windows', ['docker', 'ps', '-a']],
        ['Azure Pipelines step `script` (script)', 'posix', '-', ['docker', 'network', 'create', '--ipv6', 'v6']],
        ['Azure Pipelines step `bash` (bash)', 'posix', '-', ['docker', 'info']],
        ['Azure Pipelines step `pwsh` (pwsh)', 'powershell', '-', ['docker', 'version']],
      ],
    );
    assertInPlace('azure-pipelines.yml', azure);
  });

  it('a pipeline under another name, by its keys; a vmImage from the matrix', () => {
    const text =
      'jobs:\n- job: a\n  strategy:\n    matrix:\n      win:\n        imageName: windows-2022\n  pool:\n    vmImage: $(imageName)\n  steps:\n  - script: docker ps\n';
    assert.deepEqual(
      scriptBlocks('ci/build.yaml', text).map((b) => [b.shell, b.platform]),
      [['cmd', 'windows']],
    );
  });

  it('a YAML file without pipeline keys is not one', () => {
    assert.deepEqual(scriptBlocks('ci/other.yml', 'steps_done: true\nscript: docker ps\n'), []);
  });
});

const gitlab = `stages: [build]
default:
  before_script:
    - docker info
.setup: &setup
  - docker network create -d nat natnet
build-windows:
  tags: [saas-windows-medium-amd64]
  script:
    - *setup
    - |
      docker run \`
        --network natnet img
    - 'docker ps'
build-linux:
  image: docker:27
  script: docker network create --ipv6 v6
  after_script:
    - docker network rm v6
`;

describe('GitLab CI', () => {
  it('script, before_script and after_script of each job; Windows by tags; an anchored list read once', () => {
    assert.deepEqual(
      commandLinesOf('.gitlab-ci.yml', gitlab).map(({ block, line }) => [block.where, block.shell, block.platform ?? '-', line.words.map((w) => w.value)]),
      [
        ['GitLab CI job `default` (before_script)', 'posix', '-', ['docker', 'info']],
        ['GitLab CI job `build-windows` (script)', 'powershell', 'windows', ['docker', 'network', 'create', '-d', 'nat', 'natnet']],
        ['GitLab CI job `build-windows` (script)', 'powershell', 'windows', ['docker', 'run', '--network', 'natnet', 'img']],
        ['GitLab CI job `build-windows` (script)', 'powershell', 'windows', ['docker', 'ps']],
        ['GitLab CI job `build-linux` (script)', 'posix', '-', ['docker', 'network', 'create', '--ipv6', 'v6']],
        ['GitLab CI job `build-linux` (after_script)', 'posix', '-', ['docker', 'network', 'rm', 'v6']],
      ],
    );
    assertInPlace('.gitlab-ci.yml', gitlab);
  });
});

/**
 * `winnet explain`: the text from the arguments or stdin, the answer as terminal text or JSON, a rule's page for a
 * rule id, and the exit codes (0 explained, 1 nothing matched, 2 no text or a usage error).
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { runCli } from '../../server/src/cli/main';
import { cli, REPO } from './helpers';

/** Runs the CLI with a stdin (`undefined`: none; `tty`: a terminal). */
function withStdin(args: string[], stdin: string | 'tty' | undefined, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const code = runCli(args, {
    cwd: REPO,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
    isTTY: false,
    env,
    stdin: stdin === undefined ? undefined : { isTTY: stdin === 'tty', read: () => (stdin === 'tty' ? '' : stdin) },
  });
  return { code, stdout, stderr };
}

/** Where an ANSI colour code starts. */
const ESC = '\u001b[';

interface JsonAnswer {
  version: string;
  matches: { kind: string; id: string; score: number; matched: string; excerpt: string; rules: { id: string; docsUrl?: string }[] }[];
  rule?: { id: string; title: string; errors?: string[]; docsUrl: string };
}

describe('winnet explain: exit codes', () => {
  const cases: { name: string; args: string[]; stdin?: string | 'tty'; code: number }[] = [
    { name: 'a known error', args: ['explain', 'Error response from daemon: network bridge not found'], code: 0 },
    { name: 'the error in several unquoted words', args: ['explain', 'network', 'bridge', 'not', 'found'], code: 0 },
    { name: 'a rule id', args: ['explain', 'port-host-ip'], code: 0 },
    { name: 'nothing known matches', args: ['explain', 'hello world'], code: 1 },
    { name: 'no text, stdin a terminal', args: ['explain'], stdin: 'tty', code: 2 },
    { name: 'no text and no stdin', args: ['explain'], code: 2 },
    { name: 'an empty text', args: ['explain', '  '], code: 2 },
    { name: 'empty stdin', args: ['explain', '-'], stdin: '', code: 2 },
    { name: 'a format explain does not have', args: ['explain', 'x', '--format', 'sarif'], code: 2 },
    { name: 'an option of winnet check', args: ['explain', 'x', '--fix'], code: 2 },
    { name: 'an unknown flag', args: ['explain', 'x', '--frobnicate'], code: 2 },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const run = withStdin(c.args, c.stdin);
      assert.equal(run.code, c.code, run.stderr);
    });
  }

  it('says why, on stderr, when there is no text', () => {
    assert.match(withStdin(['explain'], 'tty').stderr, /give the error text as an argument \(in quotes\), or pipe it in/);
    assert.match(withStdin(['explain', 'x', '--rule', 'dns-opt=off'], undefined).stderr, /--rule applies to winnet check, not to winnet explain/);
  });
});

describe('winnet explain: reading the text', () => {
  const log = [
    '[+] Running 2/3',
    ' ✔ Network myapp_default  Created',
    ' ✘ Container myapp-web-1  Error',
    'Error response from daemon: failed to create endpoint myapp-web-1 on network nat: Windows does not support host IP addresses in NAT settings',
    '',
  ].join('\n');

  it('reads a piped log from stdin when no text is given', () => {
    const run = withStdin(['explain', '--format', 'json'], log);
    assert.equal(run.code, 0, run.stderr);
    assert.equal((JSON.parse(run.stdout) as JsonAnswer).matches[0].id, 'port-host-ip');
  });

  it('reads stdin for `-`, even from a terminal', () => {
    const run = withStdin(['explain', '-', '--format', 'json'], log);
    assert.equal((JSON.parse(run.stdout) as JsonAnswer).matches[0].id, 'port-host-ip');
  });

  it('prefers the argument to stdin', () => {
    const run = withStdin(['explain', 'network bridge not found', '--format', 'json'], log);
    assert.equal((JSON.parse(run.stdout) as JsonAnswer).matches[0].id, 'network-mode-bridge');
  });
});

describe('winnet explain: the answer', () => {
  it('as text: the causes, what they mean, the rules with their pages, what to do', () => {
    const { stdout } = cli(['explain', 'HNS failed with error : The parameter is incorrect']);
    const lines = stdout.split('\n');
    assert.deepEqual(lines.slice(0, 4), ['What this error means', '=====================', '', '2 likely causes, the likeliest first.']);
    assert.ok(lines.includes('1. Each compose project creates its own NAT network'), stdout);
    assert.ok(lines.includes('2. Another WinNAT is in the way of a new NAT network'), stdout);
    assert.match(stdout, /winnet catches it before `docker compose up`: `nat-network-per-project`\s+<file:\/\/.*\/docs\/rules\/nat-network-per-project\.md>/);
    assert.match(stdout, /What to do: Join the/);
    assert.doesNotMatch(stdout, /\*\*/, 'no markdown markers');
    assert.ok(!stdout.includes(ESC), 'no colours when not a terminal');
    for (const line of lines) assert.ok(line.length <= 100 || !line.includes(' ') || /<\S+>$/.test(line), `wrapped at 100: ${line}`);
  });

  it('in colour on a terminal, and never with NO_COLOR or --no-color', () => {
    const colour = (args: string[], env: Record<string, string> = {}) => {
      let stdout = '';
      runCli(args, { cwd: REPO, stdout: (t) => (stdout += t), stderr: () => undefined, isTTY: true, env });
      return stdout;
    };
    assert.ok(colour(['explain', 'network bridge not found']).includes(`${ESC}1mWhat this error means${ESC}22m`));
    assert.ok(!colour(['explain', 'network bridge not found'], { NO_COLOR: '1' }).includes(ESC));
    assert.ok(!colour(['explain', 'network bridge not found', '--no-color']).includes(ESC));
  });

  it('wraps at $COLUMNS', () => {
    const { stdout } = withStdin(['explain', 'network bridge not found'], undefined, { COLUMNS: '60' });
    for (const line of stdout.split('\n')) assert.ok(line.length <= 60 || !line.includes(' ') || /<\S+>\.?$/.test(line), line);
  });

  it('says plainly when nothing matches, and points at winnet rules', () => {
    const { stdout } = cli(['explain', 'hello world']);
    assert.match(stdout, /^No known cause\n/);
    assert.match(stdout, /winnet knows no error like this one/);
    assert.match(stdout, /`winnet rules`/);
  });

  it('as JSON: the matches as data', () => {
    const answer = JSON.parse(
      cli(['explain', 'hcnCreateNetwork failed in Win32: The object already exists. (0x1392)', '--format', 'json']).stdout,
    ) as JsonAnswer;
    assert.match(answer.version, /^\d+\.\d+\.\d+/);
    const ids = answer.matches.map((m) => m.id);
    assert.ok(ids.includes('hns-network-exists'), JSON.stringify(ids));
    const cause = answer.matches.find((m) => m.id === 'hns-network-exists')!;
    assert.equal(cause.kind, 'cause');
    assert.equal(cause.excerpt, 'hcnCreateNetwork failed in Win32: The object already exists. (0x1392)');
    assert.ok(cause.score > 0 && cause.score <= 1);
    for (const r of cause.rules) assert.match(r.docsUrl ?? '', /^file:\/\/.*\.md$/);
  });

  it('as JSON with no match: an empty list', () => {
    const run = cli(['explain', 'hello world', '--format', 'json']);
    assert.equal(run.code, 1);
    assert.deepEqual((JSON.parse(run.stdout) as JsonAnswer).matches, []);
  });
});

describe('winnet explain <rule-id>', () => {
  it("prints the rule's page as text", () => {
    const { stdout, code } = cli(['explain', 'port-host-ip']);
    assert.equal(code, 0);
    const lines = stdout.split('\n');
    assert.deepEqual(lines.slice(0, 4), ['port-host-ip', '============', '', 'Published port bound to a host IP on Windows']);
    assert.ok(
      lines.some((l) => /^Default severity {2}error \(the daemon or HNS rejects it\)$/.test(l)),
      stdout,
    );
    assert.ok(lines.includes('What happens on Windows') && lines.includes('What to do') && lines.includes('Sources'), stdout);
    assert.ok(lines.includes('          - "127.0.0.1:8080:80"'), 'the example, indented as code');
    assert.match(stdout, /`# winnet-disable-next-line port-host-ip`/);
  });

  it('as JSON: the rule with its error texts and docs link', () => {
    const answer = JSON.parse(cli(['explain', 'port-host-ip', '--format', 'json']).stdout) as JsonAnswer;
    assert.equal(answer.rule?.id, 'port-host-ip');
    assert.deepEqual(answer.rule?.errors, ['Windows does not support host IP addresses in NAT settings']);
    assert.match(answer.rule?.docsUrl ?? '', /docs\/rules\/port-host-ip\.md$/);
    assert.deepEqual(answer.matches, []);
  });
});

describe('winnet --help', () => {
  it('lists winnet explain and its exit codes', () => {
    const help = cli(['--help']).stdout;
    assert.match(help, /^ {7}winnet explain "<error text>" \| <rule-id> \| - \[--format json\]$/m);
    assert.match(help, /^winnet explain: 0 explained \(or a rule's page\), 1 nothing known matches, 2 usage error \(no text\) or internal error\.$/m);
  });

  it('a reader that stops early (`| head`) ends the output quietly, without an EPIPE stack', () => {
    const run = spawnSync('sh', ['-c', `node "${join(REPO, 'dist', 'cli.js')}" explain "HNS failed with error : The object already exists" | head -1`], {
      encoding: 'utf8',
    });
    assert.equal(run.stdout.trim(), 'What this error means');
    assert.doesNotMatch(run.stderr, /EPIPE|Error/);
  });
});

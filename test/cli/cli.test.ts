import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readGolden } from '../../server/src/testing/golden';
import { cli, REPO, scratchCopy } from './helpers';

interface JsonFinding {
  rule: string;
  severity: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes: { title: string; preferred: boolean; edits: unknown[] }[];
}
interface JsonOutput {
  files: { path: string; kind: string; target?: string; findings: JsonFinding[] }[];
}

const json = (args: string[], cwd?: string) => JSON.parse(cli([...args, '--format', 'json'], cwd).stdout) as JsonOutput;
const at = (f: JsonFinding) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character}`;

describe('winnet check: exit codes', () => {
  const cases: { name: string; args: string[]; code: number }[] = [
    { name: 'errors in the examples', args: ['check', 'examples'], code: 1 },
    { name: 'a clean Windows file', args: ['check', 'examples/clean-windows'], code: 0 },
    { name: 'a Linux file has no Windows findings', args: ['check', 'examples/linux-app'], code: 0 },
    {
      name: 'warnings only, within --max-warnings',
      args: ['check', 'examples/shared-nat', '--rule', 'network-mode-host=warning', '--rule', 'network-mode-bridge=warning'],
      code: 0,
    },
    {
      name: 'warnings only, over --max-warnings 0',
      args: ['check', 'examples/shared-nat', '--rule', 'network-mode-host=off', '--rule', 'network-mode-bridge=off', '--max-warnings', '0'],
      code: 1,
    },
    { name: 'a path that does not exist', args: ['check', 'no/such/file.yml'], code: 2 },
    { name: 'an unknown flag', args: ['check', '--frobnicate'], code: 2 },
    { name: 'an unknown format', args: ['check', '--format', 'xml'], code: 2 },
    { name: 'an unknown rule in --rule', args: ['check', '--rule', 'no-such-rule=off'], code: 2 },
    { name: 'an unknown windows version', args: ['check', '--windows-version', 'ltsc2030'], code: 2 },
    { name: '--fix with --fix-dry-run', args: ['check', '--fix', '--fix-dry-run'], code: 2 },
    { name: '--help', args: ['--help'], code: 0 },
    { name: 'rules', args: ['rules'], code: 0 },
  ];
  for (const c of cases) {
    it(c.name, () => assert.equal(cli(c.args).code, c.code, cli(c.args).stderr));
  }

  it('--help and the README give the exit codes the same meaning: 2 is a usage error, an unreadable file or an internal error', () => {
    const help = cli(['--help']).stdout;
    assert.match(help, /^Exit codes: 0 no errors .*, 1 errors or too many warnings, 2 usage error, unreadable file or internal error\.$/m);
    const readme = readFileSync(join(REPO, 'README.md'), 'utf8');
    const line = /^Exit codes: [\s\S]*?\n\n/m.exec(readme)?.[0].replace(/\s+/g, ' ') ?? '';
    assert.match(line, /`1` errors or too many warnings, `2` usage error \(.*\), unreadable file \(.*\) or internal error \(/);
    assert.doesNotMatch(line, /I\/O/);
  });
});

describe('winnet check: the summary line', () => {
  // A file given by name that is not ours (here package.json) is named, not counted as "checked, no problems".
  const cases: { name: string; args: string[]; last: string[] }[] = [
    { name: 'a clean file', args: ['check', 'examples/clean-windows'], last: ['✔ 1 file checked, no problems'] },
    {
      name: 'a clean file and one that is not ours',
      args: ['check', 'examples/clean-windows', 'package.json'],
      last: ['✔ 1 file checked, no problems; 1 file is not a compose, HNS or CNI document and was not checked: package.json'],
    },
    {
      name: 'only files that are not ours',
      args: ['check', 'package.json', 'tsconfig.json'],
      last: ['⚠ 2 files are not a compose, HNS or CNI document and were not checked: package.json, tsconfig.json'],
    },
    {
      name: 'problems, and a file that is not ours: counted apart',
      args: ['check', 'examples/iis-sql', 'package.json'],
      last: [
        /^✖ \d+ problems \(.*\) in 1 file$/.source,
        '  1 file is not a compose, HNS or CNI document and was not checked: package.json',
        /^ {2}\d+ fixable with --fix$/.source,
      ],
    },
    {
      name: 'a directory: its JSON files that are not ours are not listed',
      args: ['check', 'examples/clean-windows', 'schemas'],
      last: ['✔ 1 file checked, no problems'],
    },
    {
      name: 'a directory with nothing to check: said, not a bare mark',
      args: ['check', 'schemas'],
      last: ['⚠ no file to check: no compose file (by name), HNS, HCN or CNI document, env file, or script with a docker command'],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      const lines = cli(c.args).stdout.trimEnd().split('\n');
      const tail = lines.slice(-c.last.length);
      for (const [i, expected] of c.last.entries()) {
        assert.match(tail[i], new RegExp(expected.startsWith('^') ? expected : `^${expected.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`));
      }
    });
  }
});

describe('winnet check --format json', () => {
  it('reports every file with kind, target and findings at LSP ranges', () => {
    const out = json(['check', 'examples/iis-sql', 'examples/linux-app']);
    assert.deepEqual(
      out.files.map((f) => [f.path, f.kind, f.target]),
      [
        ['examples/iis-sql/docker-compose.yml', 'compose', 'windows'],
        ['examples/linux-app/docker-compose.yml', 'compose', 'linux'],
      ],
    );
    const hostIp = out.files[0].findings.find((f) => f.rule === 'port-host-ip')!;
    assert.equal(hostIp.severity, 'error');
    assert.equal(at(hostIp), '7:9-7:18'); // "127.0.0.1" inside "127.0.0.1:8080:80", 0-based
    assert.equal(hostIp.fixes[0].preferred, true);
    assert.deepEqual(out.files[1].findings, []);
  });

  it('applies --rule severities and off', () => {
    const out = json(['check', 'examples/iis-sql', '--rule', 'port-host-ip=off', '--rule', 'dns-opt=error']);
    const rules = out.files[0].findings.map((f) => `${f.rule}:${f.severity}`);
    assert.ok(!rules.some((r) => r.startsWith('port-host-ip')));
    assert.ok(rules.includes('dns-opt:error'));
  });

  it('--target linux silences Windows rules and --target windows forces them', () => {
    assert.deepEqual(json(['check', 'examples/iis-sql', '--target', 'linux']).files[0].findings, []);
    const forced = json(['check', 'examples/linux-app', '--target', 'windows']).files[0].findings.map((f) => f.rule);
    assert.ok(forced.includes('linux-driver') && forced.includes('enable-ipv6'));
  });

  it('--windows-version gates version-dependent rules', () => {
    const rules = (v: string) => json(['check', 'examples/swarm-overlay', '--windows-version', v]).files[0].findings.map((f) => f.rule);
    assert.ok(!rules('ltsc2022').includes('routing-mesh-ltsc2016'));
    assert.ok(rules('ltsc2016').includes('routing-mesh-ltsc2016'));
  });

  it('finds files by glob', () => {
    assert.deepEqual(
      json(['check', 'examples/**/compose.yaml']).files.map((f) => f.path),
      ['examples/clean-windows/compose.yaml', 'examples/shared-nat/compose.yaml'],
    );
  });
});

describe('winnet check --format github', () => {
  it('prints one workflow command per finding, escaped', () => {
    const out = cli(['check', 'examples/shared-nat', '--format', 'github']).stdout.trim().split('\n');
    assert.ok(
      out[0].startsWith('::error file=examples/shared-nat/compose.yaml,line=11,col=19,endLine=11,endColumn=23,title=winnet network-mode-host::'),
      out[0],
    );
    assert.ok(out.some((l) => l.startsWith('::notice ')));
  });
});

describe('winnet check --fix', () => {
  it('writes the preferred fixes, keeps comments and removes the fixed findings', () => {
    const dir = scratchCopy('iis-sql');
    const file = join(dir, 'iis-sql', 'docker-compose.yml');
    const before = readFileSync(file, 'utf8');
    const result = cli(['check', '.', '--fix', '--format', 'json'], dir);
    const after = readFileSync(file, 'utf8');
    assert.notEqual(after, before);
    assert.ok(after.includes('- "8080:80"   # host IPs are not supported on Windows'));
    assert.ok(after.includes('isolation: hyperv'));
    assert.ok(!after.includes('dns_opt'));
    for (const line of before.split('\n').filter((l) => l.trim().startsWith('#'))) assert.ok(after.includes(line), `comment kept: ${line}`);
    const rules = (JSON.parse(result.stdout) as JsonOutput).files[0].findings.map((f) => f.rule);
    assert.ok(!rules.includes('port-host-ip') && !rules.includes('isolation-value') && !rules.includes('dns-opt'));
    // Fixing again changes nothing.
    cli(['check', '.', '--fix'], dir);
    assert.equal(readFileSync(file, 'utf8'), after);
  });

  it('--fix-dry-run prints a diff and writes nothing', () => {
    const dir = scratchCopy('shared-nat');
    const file = join(dir, 'shared-nat', 'compose.yaml');
    const before = readFileSync(file, 'utf8');
    const out = cli(['check', '.', '--fix-dry-run'], dir);
    assert.equal(readFileSync(file, 'utf8'), before);
    assert.match(out.stdout, /- {4}network_mode: bridge\n\+ {4}network_mode: nat/);
  });

  it('keeps a UTF-16 file UTF-16 with its BOM', () => {
    const dir = scratchCopy('clean-windows');
    const file = join(dir, 'docker-compose.yml');
    const text = 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    network_mode: bridge\n';
    writeFileSync(file, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]));
    const checked = json(['check', 'docker-compose.yml'], dir);
    assert.equal(at(checked.files[0].findings[0]), '3:18-3:24');
    cli(['check', 'docker-compose.yml', '--fix'], dir);
    const bytes = readFileSync(file);
    assert.deepEqual([...bytes.subarray(0, 2)], [0xff, 0xfe]);
    assert.equal(bytes.subarray(2).toString('utf16le'), text.replace('bridge', 'nat'));
  });
});

describe('config file', () => {
  it('is found in the folder and applies rules, target and ignore', () => {
    const dir = scratchCopy('iis-sql', 'shared-nat');
    writeFileSync(join(dir, '.winnetrc.json'), JSON.stringify({ rules: { 'port-host-ip': 'off' }, ignore: ['shared-nat/**'] }));
    const out = json(['check', '.'], dir);
    assert.deepEqual(
      out.files.map((f) => f.path),
      ['iis-sql/docker-compose.yml'],
    );
    assert.ok(!out.files[0].findings.some((f) => f.rule === 'port-host-ip'));
  });

  it('command-line flags win over the config', () => {
    const dir = scratchCopy('iis-sql');
    writeFileSync(join(dir, '.winnetrc.json'), JSON.stringify({ target: 'linux' }));
    assert.deepEqual(json(['check', '.'], dir).files[0].findings, []);
    assert.ok(json(['check', '.', '--target', 'auto'], dir).files[0].findings.length > 0);
  });

  const invalid: { name: string; config: string; message: RegExp }[] = [
    { name: 'not JSON', config: '{"rules": ', message: /not valid JSON/ },
    { name: 'an unknown setting', config: '{"colour": "red"}', message: /unknown setting "colour"/ },
    { name: 'an unknown rule', config: '{"rules": {"nope": "off"}}', message: /unknown rule "nope"/ },
    { name: 'a bad severity', config: '{"rules": {"dns-opt": "fatal"}}', message: /severity must be one of/ },
    { name: 'a bad target', config: '{"target": "mac"}', message: /"target" must be/ },
  ];
  for (const c of invalid) {
    it(`refuses ${c.name} with exit code 2`, () => {
      const dir = scratchCopy('clean-windows');
      writeFileSync(join(dir, '.winnetrc.json'), c.config);
      const out = cli(['check', '.'], dir);
      assert.equal(out.code, 2);
      assert.match(out.stderr, c.message);
    });
  }
});

describe('compose file sets from the CLI', () => {
  it('checks a folder as base + override and reports each finding in its own file', () => {
    const out = json(['check', 'examples/multi-file']);
    const byFile = Object.fromEntries(
      out.files.map((f) => [f.path, f.findings.map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${x.rule}`)]),
    );
    for (const [file, findings] of Object.entries(readGolden().sets['multi-file'])) assert.deepEqual(byFile[`examples/${file}`], findings, file);
  });

  it('-f files are one set, in order; the base alone has no IPv6 finding', () => {
    const alone = json(['check', '-f', 'examples/multi-file/docker-compose.yml']);
    assert.ok(!alone.files.some((f) => f.findings.some((x) => x.rule === 'enable-ipv6')));
    const both = json(['check', '-f', 'examples/multi-file/docker-compose.yml', '-f', 'examples/multi-file/docker-compose.override.yml']);
    assert.ok(both.files.some((f) => f.path.endsWith('override.yml') && f.findings.some((x) => x.rule === 'enable-ipv6')));
  });

  it('a network declared only in a partner file: information when the base is checked alone, silent with -f both', () => {
    const dir = mkdtempSync(join(tmpdir(), 'winnet-partners-'));
    writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    networks: [lan]\n');
    writeFileSync(join(dir, 'docker-compose.windows.yml'), 'networks:\n  lan:\n    external: true\n    name: nat\n');
    const alone = json(['check', 'docker-compose.yml'], dir);
    assert.deepEqual(
      alone.files[0].findings.map((f) => `${f.rule}:${f.severity}`),
      ['undefined-network:information'],
    );
    const both = json(['check', '-f', 'docker-compose.yml', '-f', 'docker-compose.windows.yml'], dir);
    assert.deepEqual(
      both.files.flatMap((f) => f.findings.map((x) => x.rule)),
      [],
    );
    rmSync(dir, { recursive: true });
  });

  it('--fix fixes each file of the set in place', () => {
    const dir = scratchCopy('multi-file');
    cli(['check', 'multi-file', '--fix'], dir);
    const override = readFileSync(join(dir, 'multi-file', 'docker-compose.override.yml'), 'utf8');
    assert.ok(!override.includes('enable_ipv6') && override.includes('- "9090:80"'));
    assert.ok(!readFileSync(join(dir, 'multi-file', 'shared', 'templates.yml'), 'utf8').includes('dns_opt'));
    assert.ok(override.startsWith('# Local override'));
  });
});

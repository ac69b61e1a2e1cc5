/**
 * Docker commands where they are written: the options Microsoft lists as unsupported on Windows ("Windows
 * container networking", unsupported features and network options), each written as a command in every kind of
 * file winnet reads (PowerShell, batch, POSIX shell, a GitHub Actions step, an Azure Pipelines step, GitLab CI, a
 * Markdown block), must give the same finding on the same characters of the command. A shell script or a plain
 * Markdown block needs Windows evidence, as a compose file does; a PowerShell or batch file, a Windows runner's
 * step and a `PS C:\>` prompt are Windows by themselves.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { COMPOSE_RULES } from '../rules/registry';
import { checkDocument } from './check';

const IMAGE = 'mcr.microsoft.com/windows/nanoserver:ltsc2022';

/** The seed table's options as commands, with the rule that must report each, and the text it reports on. */
const SEED: { command: string; rule: string; at: string }[] = [
  { command: `docker run --ip6 fd00::5 ${IMAGE}`, rule: 'ipv6-address', at: '--ip6' },
  { command: `docker run --dns-option ndots:2 ${IMAGE}`, rule: 'dns-opt', at: '--dns-option' },
  { command: 'docker network create --subnet 10.9.0.0/24 --aux-address host1=10.9.0.5 n1', rule: 'aux-addresses', at: '--aux-address' },
  { command: 'docker network create --internal n2', rule: 'internal-network', at: '--internal' },
  { command: 'docker network create --subnet 10.9.0.0/16 --ip-range 10.9.1.0/24 n3', rule: 'ip-range', at: '--ip-range' },
  { command: 'docker network create --ipam-driver mydriver n4', rule: 'ipam-driver', at: 'mydriver' },
  { command: 'docker network create --ipam-opt foo=bar n5', rule: 'ipam-options', at: '--ipam-opt' },
  { command: 'docker network create --ipv6 n6', rule: 'enable-ipv6', at: '--ipv6' },
  { command: 'docker network create -d overlay --opt encrypted n7', rule: 'overlay-encrypted', at: 'encrypted' },
];

/** The command in each kind of file, as people write it there. */
const FORMS: { name: string; path: string; wrap: (command: string) => string }[] = [
  { name: 'PowerShell script', path: '/repo/setup.ps1', wrap: (c) => `# set up\n${c}\n` },
  { name: 'batch file', path: '/repo/setup.cmd', wrap: (c) => `@echo off\r\nREM set up\r\n${c}\r\n` },
  { name: 'shell script with a Windows image', path: '/repo/setup.sh', wrap: (c) => `#!/bin/sh\nset -e\ndocker run --rm ${IMAGE} cmd /c ver\n${c}\n` },
  {
    name: 'GitHub Actions step on a Windows runner',
    path: '/repo/.github/workflows/ci.yml',
    wrap: (c) =>
      `on: push\njobs:\n  test:\n    runs-on: windows-2022\n    steps:\n      - uses: actions/checkout@v4\n      - name: Network\n        run: |\n          ${c}\n`,
  },
  {
    name: 'Azure Pipelines step on a Windows pool',
    path: '/repo/azure-pipelines.yml',
    wrap: (c) => `pool:\n  vmImage: windows-2022\nsteps:\n  - powershell: ${c}\n`,
  },
  {
    name: 'GitLab CI job on a Windows runner',
    path: '/repo/.gitlab-ci.yml',
    wrap: (c) => `test:\n  tags: [windows]\n  script:\n    - ${c}\n`,
  },
  { name: 'Markdown powershell block with a prompt', path: '/repo/README.md', wrap: (c) => `# Setup\n\n\`\`\`powershell\nPS C:\\> ${c}\n\`\`\`\n` },
];

function findings(path: string, text: string) {
  return checkDocument(parseDocument(path, text)).findings.map((f) => ({ rule: f.rule, at: text.slice(f.span.start, f.span.end), fixes: f.fixes }));
}

describe('docker commands in scripts, CI files and Markdown', () => {
  for (const form of FORMS) {
    for (const seed of SEED) {
      it(`${form.name}: ${seed.command}`, () => {
        const found = findings(form.path, form.wrap(seed.command));
        const hit = found.find((f) => f.rule === seed.rule);
        assert.ok(hit, `${seed.rule} in ${JSON.stringify(found.map((f) => f.rule))}`);
        assert.ok(hit.at.startsWith(seed.at), `${seed.rule} at "${hit.at}"`);
      });
    }
  }

  it('a shell script or Markdown block without Windows evidence is Linux: the Windows rules say nothing', () => {
    assert.deepEqual(findings('/repo/setup.sh', 'docker network create --ipv6 n\ndocker run --ip6 fd00::5 nginx\n'), []);
    assert.deepEqual(findings('/repo/README.md', '```sh\ndocker network create --ipv6 n\n```\n'), []);
  });

  it('Windows evidence in a shell script is read from the commands, as in compose: a Windows driver', () => {
    assert.deepEqual(
      findings('/repo/setup.sh', 'docker network create -d transparent --ipv6 n\n').map((f) => f.rule),
      ['transparent-host-requirements', 'enable-ipv6'],
    );
  });

  it('a network created earlier in the file is the one a later `docker run` joins', () => {
    const text = `docker network create -d transparent --subnet 10.0.0.0/24 lan\ndocker run --network lan --ip 10.1.0.5 -p 8080:80 ${IMAGE}\n`;
    const rules = findings('/repo/setup.ps1', text).map((f) => `${f.rule} ${f.at}`);
    assert.ok(rules.includes('static-ip-outside-subnet 10.1.0.5'), rules.join('\n'));
    assert.ok(rules.includes('transparent-ports -p'), rules.join('\n'));
  });

  it('messages speak of the flags, and fixes edit the command line', () => {
    const text = `docker run -d --ip6 fd00::5 -p 127.0.0.1:8080:80 --isolation hyper-v ${IMAGE}\n`;
    const found = checkDocument(parseDocument('/repo/run.ps1', text)).findings;
    const ip6 = found.find((f) => f.rule === 'ipv6-address')!;
    assert.match(ip6.message, /^`--ip6` fails on Windows/);
    assert.deepEqual(
      ip6.fixes.map((f) => f.title),
      ['Remove `--ip6 fd00::5`'],
    );
    const isolation = found.find((f) => f.rule === 'isolation-value')!;
    assert.match(isolation.message, /`--isolation hyper-v`/);
    assert.deepEqual(
      isolation.fixes[0].edits.map((e) => [text.slice(e.span.start, e.span.end), e.newText]),
      [['hyper-v', 'hyperv']],
    );
    const host = found.find((f) => f.rule === 'port-host-ip')!;
    assert.deepEqual(
      host.fixes[0].edits.map((e) => text.slice(e.span.start, e.span.end)),
      ['127.0.0.1:'],
    );
  });

  it('values from variables are unknown, as in compose: judged only where literal', () => {
    assert.deepEqual(
      findings('/repo/setup.ps1', `docker run --isolation $iso --ip6 $addr ${IMAGE}\n`).map((f) => f.rule),
      ['ipv6-address'],
    );
  });

  it("every rule page's command example is reported by its rule, on a flag or a value of the command", () => {
    const withCommands = COMPOSE_RULES.filter((r) => r.meta.examples.command);
    assert.ok(withCommands.length >= 15, `${withCommands.length} rules show a command`);
    for (const rule of withCommands) {
      const text = rule.meta.examples.command!;
      const hit = findings('/repo/example.ps1', text).find((f) => f.rule === rule.meta.id);
      assert.ok(hit, `${rule.meta.id}: ${text}`);
      assert.ok(!hit.at.startsWith('docker'), `${rule.meta.id} reports on the flag, not the whole command: "${hit.at}"`);
    }
  });

  it("Microsoft's own networking commands, as its pages write them: no false error, and the real catches", () => {
    // Commands quoted from Microsoft Learn's "Windows container networking" pages (network drivers and
    // topologies; advanced network options), each in its own block as there.
    const page = [
      '```powershell',
      'docker network create -d "transparent" --subnet 10.244.0.0/24 --gateway 10.244.0.1 -o com.docker.network.windowsshim.vlanid=7 -o com.docker.network.windowsshim.dnsservers="10.244.0.7" my_transparent',
      '```',
      '```powershell',
      'docker network create -d "overlay" --attachable --subnet "10.244.0.0/24" -o com.docker.network.windowsshim.dnsservers="168.63.129.16" -o com.docker.network.driver.overlay.vxlanid_list="4096" my_overlay',
      '```',
      '```powershell',
      'docker network create -d "l2bridge" --subnet 10.244.0.0/24 --gateway 10.244.0.1 -o com.docker.network.windowsshim.vlanid=7 -o com.docker.network.windowsshim.dnsservers="10.244.0.7" my_l2bridge',
      '```',
      '```output',
      'C:\\> docker network create -d transparent -o com.docker.network.windowsshim.interface="Ethernet 2" TransparentNet2',
      'C:\\> docker run -it --network=MyTransparentNetwork --ip 10.123.174.105 windowsservercore cmd',
      '```',
      '',
    ].join('\n');
    const found = findings('/docs/networking.md', page);
    assert.deepEqual(
      found.filter((f) => f.rule !== 'transparent-host-requirements').map((f) => `${f.rule} ${f.at}`),
      [
        // The Windows overlay driver reads only networkname, interface and vxlanid_list (moby windows overlay
        // ov_network_windows.go): the page's dnsservers option does nothing there.
        'windowsshim-wrong-driver com.docker.network.windowsshim.dnsservers',
        'l2bridge-outboundnat "l2bridge"',
      ],
    );
    // Three examples on one subnet are alternatives, not one setup: no collision is reported between blocks.
    assert.ok(!found.some((f) => f.rule === 'subnet-overlap' || f.rule === 'external-networks-same-adapter'));
  });

  it('a file with no docker command winnet reads is not ours', () => {
    assert.equal(checkDocument(parseDocument('/repo/README.md', '# Title\n\n```sh\nnpm test\ndocker ps\n```\n')).kind, 'none');
  });
});

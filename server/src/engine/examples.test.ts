/**
 * The files in examples/ give exactly these findings (rule ids, one per finding, in file order), with the default
 * settings: target from the file, Windows Server 2025. Any change in behaviour shows up here first; if the change
 * is meant, update the list (and the example's comments, which say what each file demonstrates).
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { checkDocument } from './check';
import { checkComposeSet } from './check-set';

const EXAMPLES = join(__dirname, '..', '..', '..', 'examples');

const EXPECTED: Record<string, { target: 'windows' | 'linux'; rules: string[] }> = {
  'clean-windows/compose.yaml': { target: 'windows', rules: [] },
  'linux-app/docker-compose.yml': { target: 'linux', rules: [] },
  'iis-sql/docker-compose.yml': {
    target: 'windows',
    rules: ['nat-network-per-project', 'port-host-ip', 'port-range', 'dns-opt', 'extra-hosts', 'host-docker-internal', 'isolation-value', 'links'],
  },
  'l2bridge-k8s/docker-compose.yml': {
    target: 'windows',
    rules: [
      'port-protocol',
      'external-networks-same-adapter',
      'internal-network',
      'driver-opts-type',
      'windowsshim-unknown-option',
      'external-networks-same-adapter',
      'outboundnat-exceptions-without-enable',
      'linux-driver-option',
      'ipam-options',
      'ipv6-subnet',
    ],
  },
  'shared-nat/compose.yaml': { target: 'windows', rules: ['network-mode-host', 'network-mode-bridge', 'network-mode-hyperv-shared', 'external-name-deprecated'] },
  'swarm-overlay/docker-compose.yml': { target: 'windows', rules: ['port-host-ip', 'overlay-encrypted', 'overlay-vni', 'linux-driver'] },
  'transparent-lan/docker-compose.yml': {
    target: 'windows',
    rules: ['static-ip-outside-subnet', 'ipv6-address', 'enable-ipv6', 'windowsshim-invalid-value', 'windowsshim-ignored-option', 'ip-range', 'aux-addresses'],
  },
  // Each file of the multi-file project alone; the set is checked below.
  'multi-file/docker-compose.yml': { target: 'windows', rules: ['nat-network-per-project'] },
  'multi-file/docker-compose.override.yml': { target: 'linux', rules: [] },
  'multi-file/shared/monitoring.yml': { target: 'linux', rules: [] },
  'multi-file/shared/templates.yml': { target: 'windows', rules: ['dns-opt'] },
};

function exampleFiles(dir = EXAMPLES, out: string[] = []): string[] {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) exampleFiles(full, out);
    else if (/\.ya?ml$/.test(entry.name)) out.push(relative(EXAMPLES, full).split('\\').join('/'));
  }
  return out.sort();
}

describe('examples', () => {
  it('every example file has its expected findings listed here', () => {
    assert.deepEqual(exampleFiles(), Object.keys(EXPECTED).sort());
  });
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(`${file}: ${expected.rules.length ? expected.rules.length + ' findings' : 'no findings'}`, () => {
      const doc = parseDocument(file, readFileSync(join(EXAMPLES, file), 'utf8'));
      assert.equal(doc.kind, 'compose');
      assert.deepEqual(doc.errors, []);
      const result = checkDocument(doc);
      assert.deepEqual(result.ruleErrors, []);
      assert.equal(result.target?.target, expected.target);
      assert.deepEqual(result.findings.map((f) => f.rule), expected.rules);
    });
  }
  it('multi-file: the override and included files are checked as part of the Windows project', () => {
    const dir = join(EXAMPLES, 'multi-file');
    const read = (path: string) => {
      try {
        return readFileSync(path, 'utf8');
      } catch {
        return undefined;
      }
    };
    const { results } = checkComposeSet([join(dir, 'docker-compose.yml'), join(dir, 'docker-compose.override.yml')], { read });
    const byFile = Object.fromEntries([...results].map(([path, r]) => [relative(dir, path).split('\\').join('/'), r.findings.map((f) => f.rule)]));
    assert.deepEqual(byFile, {
      'docker-compose.yml': [],
      'docker-compose.override.yml': ['nat-network-per-project', 'port-host-ip', 'enable-ipv6'],
      'shared/monitoring.yml': ['network-mode-host'],
      'shared/templates.yml': ['dns-opt'],
    });
  });
});

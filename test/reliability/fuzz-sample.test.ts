/**
 * The fixed-seed sample of the fuzzing that `npm run fuzz` runs at scale (scripts/fuzz.ts, 100,000+ cases):
 * generated compose YAML and HNS/HCN/CNI JSON, and byte/token/line mutations of the examples, the real-world
 * corpus and generated documents. Every input must keep the invariants of support/invariants.ts: no throw, no
 * rule error, a syntax finding when a document of ours does not parse, every position inside the document.
 * Violations of a known, recorded bug (support/known-issues.ts, todo tests in regressions.test.ts) are set
 * aside; any other fails. Sizes are chosen to finish in a few seconds on two cores.
 */
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import fc from 'fast-check';
import jsyaml from 'js-yaml';
import { describe, it } from 'node:test';
import { parseYaml } from '../../server/src/documents/yaml';
import { allSamples } from './support/corpus';
import { composeDocument, hnsDocument, mutatedGenerated, mutationOf, type Generated } from './support/generators';
import { checkInvariants, serviceInvariants, treeToValue } from './support/invariants';
import { knownViolation } from './support/known-issues';

import { SEED } from './support/seed';
const bases: Generated[] = allSamples().map((s) => ({ path: s.path, text: s.text }));

function unexplained(path: string, text: string): string[] {
  return checkInvariants(path, text).violations.filter((v) => !knownViolation(v, text));
}

const property = (arb: fc.Arbitrary<Generated>) =>
  fc.property(arb, (doc) => {
    assert.deepEqual(unexplained(doc.path, doc.text), [], `${doc.path}:\n${JSON.stringify(doc.text).slice(0, 2000)}`);
  });

describe('fuzz sample (fixed seed)', () => {
  it('generated compose documents keep the invariants', () => {
    fc.assert(property(composeDocument), { seed: SEED, numRuns: 300 });
  });

  it('generated HNS, HCN and CNI JSON documents keep the invariants', () => {
    fc.assert(property(hnsDocument), { seed: SEED, numRuns: 300 });
  });

  it('mutated examples and corpus files keep the invariants', () => {
    fc.assert(property(mutationOf(bases)), { seed: SEED, numRuns: 600 });
  });

  it('mutated generated documents keep the invariants', () => {
    fc.assert(property(mutatedGenerated), { seed: SEED, numRuns: 400 });
  });

  it('hover, completion, code actions and definitions stay inside mutated documents', () => {
    const arb = fc.record({ doc: fc.oneof(mutationOf(bases), mutatedGenerated), at: fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }) });
    fc.assert(
      fc.property(arb, ({ doc, at }) => {
        const offsets = at.map((f) => Math.floor(f * doc.text.length));
        const uri = `file:///work/${doc.path.replace(/^.*[\\/]/, '')}`;
        assert.deepEqual(serviceInvariants(uri, doc.text, offsets), [], JSON.stringify(doc.text).slice(0, 2000));
      }),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('the located tree of a generated compose file reads back as js-yaml reads the text', () => {
    // The same schema as documents/yaml.ts, with merge keys resolved by js-yaml itself (the tree resolves them
    // in effectivePairs), so the two builds must agree value for value.
    const { merge } = (jsyaml as unknown as { types: { merge: jsyaml.Type } }).types;
    const tags = (['scalar', 'sequence', 'mapping'] as const).map(
      (kind) => new jsyaml.Type('!', { kind, multi: true, resolve: () => true, construct: (d: unknown) => d ?? null }),
    );
    const schema = jsyaml.CORE_SCHEMA.extend({ implicit: [merge], explicit: tags });
    const normal = (v: unknown) => JSON.parse(JSON.stringify(v ?? null, (_k, x) => (typeof x === 'number' && !Number.isFinite(x) ? String(x) : x)));
    fc.assert(
      fc.property(composeDocument, (doc) => {
        let expected: unknown;
        try {
          expected = jsyaml.load(doc.text, { schema });
        } catch {
          assert.ok(parseYaml(doc.text).errors.length > 0, 'js-yaml refuses the text, winnet must too');
          return;
        }
        const parsed = parseYaml(doc.text);
        assert.deepEqual(parsed.errors, []);
        assert.ok(isDeepStrictEqual(normal(treeToValue(parsed.root)), normal(expected)), JSON.stringify(doc.text));
      }),
      { seed: SEED, numRuns: 300 },
    );
  });
  it('docker commands in every kind of script, CI file and Markdown keep the invariants', () => {
    // Words of docker commands, and the characters each shell treats specially, strung together at random.
    const token = fc.constantFrom(
      'docker',
      'network',
      'create',
      'run',
      'connect',
      'service',
      '-d',
      'transparent',
      'NAT',
      '-o',
      '--opt',
      'com.docker.network.windowsshim.vlanid=5000',
      '--ipv6',
      '--ip6',
      'fd00::5',
      '--ip',
      '10.0.0.5',
      '--subnet',
      '10.0.0.0/24',
      '-p',
      '127.0.0.1:80:80',
      '--network',
      'name=lan,ip=10.0.0.9',
      '--isolation',
      'hyper-v',
      'mcr.microsoft.com/windows/nanoserver:ltsc2022',
      ' ',
      ' ',
      '\n',
      '\r\n',
      '`\n',
      '^\n',
      '\\\n',
      '"',
      "'",
      '`',
      '^',
      '$x',
      '${X}',
      '%X%',
      '$(',
      ')',
      '@"\n',
      '\n"@',
      '<<EOF\n',
      '\nEOF\n',
      '#',
      '<#',
      '#>',
      'REM ',
      '::',
      ';',
      '&&',
      '|',
      '=',
      '```powershell\n',
      '\n```\n',
      'PS C:\\> ',
      '$ ',
    );
    const path = fc.constantFrom(
      '/p/a.ps1',
      '/p/a.cmd',
      '/p/a.sh',
      '/p/README.md',
      '/p/.github/workflows/ci.yml',
      '/p/azure-pipelines.yml',
      '/p/.gitlab-ci.yml',
    );
    const script = fc.record({ path, text: fc.array(token, { maxLength: 60 }).map((t) => t.join(' ')) });
    fc.assert(property(script), { seed: SEED, numRuns: 400 });
  });
});

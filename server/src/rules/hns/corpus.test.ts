/**
 * The real-world corpus (shared/corpus/real-world: cni/, hns-v1/, hcn-v2/), read from where it lives and never
 * copied here: every file goes through every HNS rule on every Windows version, and through hover and completion
 * at many offsets, without a rule error or a throw. The few findings the corpus does deserve are pinned.
 * Skipped when the corpus folder is absent.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from '../../documents/document';
import { checkDocument } from '../../engine/check';
import { hnsCompletions } from '../../service/hns-complete';
import { hnsHover } from '../../service/hns-hover';
import { WINDOWS_VERSIONS } from '../../knowledge/versions';
import { HNS_RULES } from './index';

const CORPUS = join(__dirname, '..', '..', '..', '..', '..', 'shared', 'corpus', 'real-world');
const FOLDERS = ['cni', 'hns-v1', 'hcn-v2'];

/** Corpus names are `<owner>__<repo>__<path>`; kind detection reads the file's own name. */
const ownName = (file: string) => file.split('__').pop()!;

/** Findings (non-syntax) the corpus deserves, by file, on the default Windows version. */
const EXPECTED: Record<string, string[]> = {
  'microsoft__windows-container-networking__example__flannel_overlay.conf': [
    '42:43 hns-ip-address error `ip of host` is not an IP address: HNS refuses it (HCN_E_INVALID_IP).',
  ],
  'Azure__azure-container-networking__examples__cns__create-hns-network.json': [
    '2:5 hns-schema warning `NetworkName` is not an HNS field here; HNS does not read it.',
    '3:5 hns-schema warning `NetworkType` is not an HNS field here; HNS does not read it.',
  ],
};

describe('real-world HNS and CNI corpus', { skip: !existsSync(CORPUS) && 'shared/corpus/real-world is absent' }, () => {
  const files = existsSync(CORPUS) ? FOLDERS.flatMap((dir) => readdirSync(join(CORPUS, dir)).map((f) => ({ dir, f }))) : [];

  it('holds the folders this test reads', () => assert.ok(files.length >= 20, `${files.length} files`));

  for (const { dir, f } of files) {
    it(`${dir}/${f}`, () => {
      const text = readFileSync(join(CORPUS, dir, f), 'utf8');
      const doc = parseDocument(ownName(f), text);
      for (const v of WINDOWS_VERSIONS) {
        const result = checkDocument(doc, { ruleSet: HNS_RULES, windowsVersion: v.id });
        assert.deepEqual(result.ruleErrors, [], `${v.id}: ${result.ruleErrors.map((e) => `${e.rule}: ${String(e.error)}`).join('; ')}`);
        for (const finding of result.findings) assert.ok(finding.span.start >= 0 && finding.span.end <= text.length && finding.span.start <= finding.span.end);
      }
      const findings = checkDocument(doc, { ruleSet: HNS_RULES })
        .findings.filter((x) => x.rule !== 'syntax')
        .map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${x.rule} ${x.severity} ${x.message}`);
      assert.deepEqual(findings, EXPECTED[f] ?? []);
      // Editing help never throws, wherever the cursor is (every 5th offset keeps the run short).
      for (let offset = 0; offset <= text.length; offset += 5) {
        hnsHover(doc, offset);
        hnsCompletions(doc, offset);
      }
    });
  }
});

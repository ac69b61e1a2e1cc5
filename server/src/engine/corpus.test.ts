/**
 * Every rule over the labelled public corpus (shared/corpus/real-world, read where it lives, never copied): no
 * rule throws, and every error is one this table expects, with why it is true. A new error on a real file is a
 * false finding until someone argues it here. Skipped when the corpus is absent.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { decode } from '../cli/files';
import { parseDocument } from '../documents/document';
import { checkDocument } from './check';

const CORPUS = join(__dirname, '..', '..', '..', '..', 'shared', 'corpus', 'real-world');
const FOLDERS = ['compose-windows', 'compose-linux', 'cni', 'hns-v1', 'hcn-v2'];

/** The errors real files deserve, as `line:column rule`, with the reason each is true. */
const EXPECTED_ERRORS: Record<string, { errors: string[]; why: string }> = {
  'compose-linux/DeviaVir__zenbot__docker-compose-windows.yml': {
    errors: ['1:1 compose-schema', '11:1 compose-schema', '17:1 compose-schema'],
    why: 'Compose file format 1 (services at the top level), which compose no longer reads.',
  },
  'compose-linux/ICIJ__datashare-installer__windows__docker-compose.yml': {
    errors: ['7:24 syntax'],
    why: '`"\\${APPDATA}"` is not a valid escape in a double-quoted YAML scalar: SOURCES.md says the file does not parse.',
  },
  'compose-linux/compose-spec__compose-go__loader__full-example.yml': {
    errors: ['247:7 undefined-network'],
    why: "Service `foo` joins `other-other-network`, which the file never declares: compose-go's checkConsistency refuses it (its own tests load this fixture without the consistency check).",
  },
  'cni/microsoft__windows-container-networking__example__flannel_overlay.conf': {
    errors: ['2:1 syntax', '42:43 hns-ip-address'],
    why: 'Indented with U+00A0, which strict JSON parsers refuse (SOURCES.md); its ProviderAddress is the placeholder `ip of host`.',
  },
  'cni/projectcalico__calico__node__windows-packaging__CalicoWindows__cni.conf.template': {
    errors: ['10:16 syntax', '10:23 syntax', '18:27 syntax', '18:42 syntax', '23:22 syntax'],
    why: 'A template with unquoted `__VNI__`/`__DSR_SUPPORT__` placeholders: not JSON until rendered (SOURCES.md).',
  },
};

function check(dir: string, file: string) {
  const { text } = decode(readFileSync(join(CORPUS, dir, file)));
  // `owner__repo__path__to__file` → `owner/repo/path/to/file`, as a checkout holds it.
  const doc = parseDocument(`/checkout/${file.split('__').join('/')}`, text);
  return checkDocument(doc);
}

describe('every rule over the public corpus', { skip: !existsSync(CORPUS) && 'shared/corpus/real-world is absent' }, () => {
  const files = existsSync(CORPUS)
    ? FOLDERS.flatMap((dir) =>
        readdirSync(join(CORPUS, dir))
          .sort()
          .map((f) => ({ dir, f })),
      )
    : [];

  it('holds the 66 files SOURCES.md lists', () => assert.equal(files.length, 66));

  for (const { dir, f } of files) {
    it(`${dir}/${f}: no rule throws, and only the errors it deserves`, () => {
      const result = check(dir, f);
      assert.deepEqual(result.ruleErrors, []);
      const errors = result.findings.filter((x) => x.severity === 'error').map((x) => `${x.range.start.line + 1}:${x.range.start.character + 1} ${x.rule}`);
      assert.deepEqual(errors, EXPECTED_ERRORS[`${dir}/${f}`]?.errors ?? []);
    });
  }

  it('every expected error is still there (none of the table is stale)', () => {
    for (const key of Object.keys(EXPECTED_ERRORS))
      assert.ok(
        files.some(({ dir, f }) => `${dir}/${f}` === key),
        key,
      );
  });
});

/**
 * What the fast parsing paths (yaml-fast.ts, json-fast.ts) are held to, shared by their tests and the fuzzer's
 * invariants: a text the fast path accepts must be one the general path reads without an error, into the same
 * tree (compared by treePicture). Test support only; nothing in the engine imports it.
 */
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { JSON_MAX_DEPTH, parseJsonGeneral } from '../documents/json';
import { parseJsonFast } from '../documents/json-fast';
import type { Node } from '../documents/tree';
import { treePicture } from './tree-picture';
import { parseYamlGeneral } from '../documents/yaml';
import { parseYamlFast } from '../documents/yaml-fast';

interface GeneralParse {
  root: Node | undefined;
  errors: readonly { message: string }[];
}

/**
 * Undefined when the fast path refused (`fast` is undefined); otherwise '' when it agrees with the general path,
 * or why not: the general path's first error, or an excerpt of both trees where they first differ.
 */
function fastPathDisagreement(fast: Node | undefined, general: () => GeneralParse): string | undefined {
  if (!fast) return undefined;
  const parsed = general();
  if (parsed.errors.length) return `the general path reports ${parsed.errors[0]!.message}`;
  const a = JSON.stringify(treePicture(fast));
  const b = JSON.stringify(treePicture(parsed.root));
  if (a === b) return '';
  let i = 0;
  while (a[i] === b[i]) i++;
  return `trees differ at …${a.slice(Math.max(0, i - 120), i + 60)}… vs …${b.slice(Math.max(0, i - 120), i + 60)}…`;
}

/** fastPathDisagreement of the YAML fast path (offsets shifted by `base`, as for an incremental re-parse). */
export function yamlFastPathDisagreement(text: string, base = 0): string | undefined {
  return fastPathDisagreement(parseYamlFast(text, base), () => parseYamlGeneral(text, base));
}

/** fastPathDisagreement of the strict-JSON fast path, with the nesting limit parseJson gives it. */
export function jsonFastPathDisagreement(text: string): string | undefined {
  return fastPathDisagreement(parseJsonFast(text, JSON_MAX_DEPTH), () => parseJsonGeneral(text));
}

/** Up to four edits of a text: at a position, remove up to three characters and insert up to three pieces of `alphabet`. */
function textEdits(alphabet: fc.Arbitrary<string>): fc.Arbitrary<[at: number, remove: number, insert: string[]][]> {
  return fc.array(fc.tuple(fc.nat(), fc.nat(3), fc.array(alphabet, { maxLength: 3 })), { minLength: 1, maxLength: 4 });
}

function applyEdits(seed: string, edits: readonly [at: number, remove: number, insert: string[]][]): string {
  let text = seed;
  for (const [at, remove, insert] of edits) {
    const i = at % (text.length + 1);
    text = text.slice(0, i) + insert.join('') + text.slice(i + remove);
  }
  return text;
}

/**
 * The property both fast paths are held to: any few edits (pieces of `alphabet`) of any seed document give a text
 * the fast path either refuses or reads as the general path does. `disagreement` is fastPathDisagreement bound to
 * one path.
 */
export function assertAgreesUnderEdits(
  seeds: readonly string[],
  alphabet: fc.Arbitrary<string>,
  disagreement: (text: string) => string | undefined,
  numRuns: number,
): void {
  fc.assert(
    fc.property(fc.constantFrom(...seeds), textEdits(alphabet), (seed, edits) => {
      const text = applyEdits(seed, edits);
      const problem = disagreement(text);
      assert.ok(problem === undefined || problem === '', `${JSON.stringify(text)}: ${problem}`);
    }),
    { numRuns },
  );
}

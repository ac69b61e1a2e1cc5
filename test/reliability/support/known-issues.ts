/**
 * Bugs the fuzzing found that are recorded as `todo` regression tests (test/reliability/regressions.test.ts)
 * until their fixes land in server/src. The fixed-seed fuzz sample and the fix-safety tests set violations of
 * these exact kinds aside, so they stay green while every other violation fails them; scripts/fuzz.ts counts
 * them separately. When a fix lands, delete its entry here: the sample then guards against its return.
 */
import type { ParsedDocument } from '../../../server/src/documents/document';
import type { Finding, Fix } from '../../../server/src/engine/check';

export interface KnownIssue {
  id: string;
  todo: string;
}

/**
 * The known issue an invariant violation belongs to, if any. None is open at the moment: syntax findings that
 * split a CRLF or a surrogate pair are fixed and guarded by regressions.test.ts and the fuzz sample.
 */
export function knownViolation(_violation: string, _text: string): KnownIssue | undefined {
  return undefined;
}

/**
 * The known issue an unsafe fix belongs to, if any (judged from the fix and the document, not the symptom).
 * None is open at the moment: the anchor, port-host-ip, windowsshim rename and external.name fix bugs are fixed
 * and guarded by regressions.test.ts and the fix-safety sample.
 */
export function knownFixIssue(_doc: ParsedDocument, _finding: Finding, _fix: Fix): KnownIssue | undefined {
  return undefined;
}

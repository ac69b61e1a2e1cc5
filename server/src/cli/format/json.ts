/**
 * `--format json`: one object, `{"files":[{"path","kind","target","windowsVersion","findings":[...]}]}`, ranges 0-based in UTF-16
 * code units exactly as LSP has them, so editors and scripts can use them unchanged.
 */
import type { FileResult } from '../run';
import { summarize } from './summary';

export function formatJson(results: readonly FileResult[], version: string): string {
  return JSON.stringify(
    {
      version,
      files: results.map((r) => ({
        path: r.path,
        kind: r.kind,
        ...(r.target ? { target: r.target } : {}),
        ...(r.host
          ? {
              windowsVersion: {
                release: r.host.release.id,
                build: r.host.release.build,
                facts: r.host.version,
                decidedBy: r.host.origin,
                ...(r.host.reason ? { reason: r.host.reason } : {}),
              },
            }
          : {}),
        ...(r.error ? { error: r.error } : {}),
        ...(r.ruleErrors?.length ? { ruleErrors: r.ruleErrors } : {}),
        ...(r.fix ? { fixed: r.fix.written, ...(r.fix.note ? { fixNote: r.fix.note } : {}) } : {}),
        findings: r.findings.map((f) => ({
          rule: f.rule,
          severity: f.severity,
          message: f.message,
          range: f.range,
          ...(f.docsUrl ? { docsUrl: f.docsUrl } : {}),
          ...(f.tags.length ? { tags: f.tags } : {}),
          // A finding on a substituted value: each `${...}`, the value compose substitutes, and where it came from.
          ...(f.substitutions?.length ? { substitutions: f.substitutions } : {}),
          ...(f.related.length
            ? { related: f.related.map((x) => ({ message: x.message, ...(x.range ? { range: x.range } : {}), ...(x.path ? { path: x.path } : {}) })) }
            : {}),
          fixes: f.fixes.map((x) => ({ title: x.title, preferred: x.preferred, edits: x.edits.map((e) => ({ range: e.range, newText: e.newText })) })),
        })),
      })),
      summary: summarize(results),
    },
    null,
    2,
  );
}

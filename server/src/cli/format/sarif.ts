/**
 * `--format sarif`: SARIF 2.1.0 with full rule metadata (help text and markdown from the rule docs), UTF-16
 * columns (what our ranges count), artifact URIs relative to %SRCROOT%, and fixes as SARIF replacements.
 * Checked with Microsoft's SARIF multitool in the tests.
 */
import { isAbsolute, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { renderRuleDoc, ruleHelpText } from '../../docs/rule-doc';
import type { Range } from '../../documents/text';
import { ALL_RULE_META } from '../../rules/registry';
import type { Severity } from '../../rules/types';
import type { FileResult } from '../run';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', information: 'note', hint: 'note' };

function region(range: Range) {
  return { startLine: range.start.line + 1, startColumn: range.start.character + 1, endLine: range.end.line + 1, endColumn: range.end.character + 1 };
}

function artifactUri(path: string): string {
  return path.split(/[\\/]/).map(encodeURIComponent).join('/');
}

export function formatSarif(results: readonly FileResult[], version: string, cwd: string, docsBaseUrl: string): string {
  const ruleIndex = new Map(ALL_RULE_META.map((m, i) => [m.id, i]));
  const root = pathToFileURL(cwd.endsWith('/') ? cwd : `${cwd}/`).href;
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'winnet',
            fullName: 'winnet: Windows container networking checker',
            version,
            semanticVersion: version,
            informationUri: `${docsBaseUrl}README.md`,
            rules: ALL_RULE_META.map((meta) => ({
              id: meta.id,
              // SARIF wants `name` to differ from the opaque id; one-word ids get none.
              ...(meta.id.includes('-') ? { name: meta.id.replace(/(^|-)([a-z0-9])/g, (_, __, c: string) => c.toUpperCase()) } : {}),
              shortDescription: { text: meta.title.replace(/`/g, '') },
              fullDescription: { text: meta.description.replace(/`/g, '') },
              helpUri: `${docsBaseUrl}${meta.id}.md`,
              help: { text: ruleHelpText(meta).replace(/`/g, ''), markdown: renderRuleDoc(meta) },
              defaultConfiguration: { level: LEVEL[meta.defaultSeverity], ...(meta.offByDefault ? { enabled: false } : {}) },
              properties: { tags: ['windows-containers', 'networking', ...(meta.tags ?? [])], 'problem.severity': meta.defaultSeverity },
            })),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { uri: root } },
        columnKind: 'utf16CodeUnits',
        invocations: [
          {
            executionSuccessful: results.every((r) => !r.error && !r.ruleErrors?.length),
            toolExecutionNotifications: [
              ...results.filter((r) => r.error).map((r) => ({ level: 'error', message: { text: `${r.path}: ${r.error}` } })),
              // A rule that threw: its findings for the file may be missing.
              ...results.flatMap((r) =>
                (r.ruleErrors ?? []).map((e) => ({
                  level: 'error',
                  message: { text: `${r.path}: rule ${e.rule} failed (${e.message}); its findings for this file may be missing` },
                  associatedRule: { id: e.rule },
                })),
              ),
            ],
          },
        ],
        results: results.flatMap((r) =>
          r.findings.map((f) => {
            const artifactLocation = { uri: artifactUri(r.path), uriBaseId: '%SRCROOT%' };
            return {
              ruleId: f.rule,
              ruleIndex: ruleIndex.get(f.rule) ?? -1,
              level: LEVEL[f.severity],
              message: { text: f.message },
              locations: [{ physicalLocation: { artifactLocation, region: region(f.range) } }],
              ...(f.related.some((x) => x.range)
                ? {
                    relatedLocations: f.related
                      .filter((x) => x.range)
                      .map((x, id) => ({
                        id,
                        message: { text: x.message },
                        // Another file (the .env line a value came from, a file of the set): its own artifact.
                        physicalLocation: {
                          artifactLocation: x.path
                            ? { uri: artifactUri(isAbsolute(x.path) ? relative(cwd, x.path) : x.path), uriBaseId: '%SRCROOT%' }
                            : artifactLocation,
                          region: region(x.range!),
                        },
                      })),
                  }
                : {}),
              // What each variable of a substituted value was and where it came from (compose's `${...}`).
              ...(f.substitutions?.length ? { properties: { substitutions: f.substitutions } } : {}),
              ...(f.fixes.length
                ? {
                    fixes: f.fixes.map((fix) => ({
                      description: { text: fix.title.replace(/`/g, '') },
                      artifactChanges: [
                        { artifactLocation, replacements: fix.edits.map((e) => ({ deletedRegion: region(e.range), insertedContent: { text: e.newText } })) },
                      ],
                    })),
                  }
                : {}),
            };
          }),
        ),
      },
    ],
  };
  return JSON.stringify(log, null, 2);
}

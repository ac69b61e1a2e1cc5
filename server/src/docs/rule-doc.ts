/**
 * A rule's documentation page, rendered from its metadata and the knowledge it cites: docs/rules/<id>.md is
 * generated from this, and SARIF carries it as each rule's help. Nothing here restates a fact by hand.
 */
import { sourceOf } from '../knowledge/sources';
import type { RuleMeta } from '../rules/types';

const SEVERITY_TEXT = { error: 'error (the daemon or HNS rejects it)', warning: 'warning (accepted, but no effect or unsafe)', information: 'information (a platform note)', hint: 'hint' };
const TARGET_TEXT = { windows: 'compose files that target Windows', linux: 'compose files that target Linux', any: 'every file of its kind' };
const KIND_TEXT: Record<string, string> = { compose: 'compose', 'hns-v1': 'HNS v1 JSON', 'hcn-v2': 'HCN v2 JSON', cni: 'Windows CNI config' };

export function renderRuleDoc(meta: RuleMeta): string {
  const lines = [
    `# ${meta.id}`,
    '',
    `**${meta.title}**`,
    '',
    '| | |',
    '|---|---|',
    `| Default severity | ${SEVERITY_TEXT[meta.defaultSeverity]} |`,
    `| Checks | ${meta.kinds.map((k) => KIND_TEXT[k] ?? k).join(', ')}; ${TARGET_TEXT[meta.target]} |`,
    `| Fix | ${meta.fixable ? 'yes (quick fix; `--fix` applies the preferred one)' : 'no'} |`,
    ...(meta.tags?.length ? [`| Tags | ${meta.tags.join(', ')} |`] : []),
    '',
    '## What happens on Windows',
    '',
    meta.description,
    '',
    ...(meta.caveat ? ['## How sure we are', '', meta.caveat, ''] : []),
    '## What to do',
    '',
    meta.remedy,
    '',
    '## Example',
    '',
    'Reported:',
    '',
    fence(meta),
    meta.examples.bad,
    '```',
    '',
    ...(meta.examples.good ? ['Fine:', '', fence(meta), meta.examples.good, '```', ''] : []),
    '## Sources',
    '',
    ...meta.sources.map((ref) => {
      const source = sourceOf(ref);
      return `- [${source.title}](${source.url})`;
    }),
    '',
    `Silence it on one line with \`# winnet-disable-next-line ${meta.id}\`, for a file with \`# winnet-disable-file ${meta.id}\`, or everywhere with \`"rules": {"${meta.id}": "off"}\` in \`.winnetrc.json\` (\`winnet.rules\` in VS Code).`,
    '',
  ];
  return lines.join('\n');
}

function fence(meta: RuleMeta): string {
  return meta.kinds.includes('compose') ? '```yaml' : '```json';
}

/** Plain text for tools that show no markdown (SARIF `help.text`). */
export function ruleHelpText(meta: RuleMeta): string {
  return `${meta.description}\n\nWhat to do: ${meta.remedy}${meta.caveat ? `\n\nHow sure we are: ${meta.caveat}` : ''}`;
}

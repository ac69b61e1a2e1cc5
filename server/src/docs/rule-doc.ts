/**
 * A rule's documentation page, rendered from its metadata and the knowledge it cites: docs/rules/<id>.md is
 * generated from this, and SARIF carries it as each rule's help. Nothing here restates a fact by hand.
 */
import type { DocumentKind, Language } from '../documents/kind';
import { sourceOf } from '../knowledge/sources';
import type { RuleMeta } from '../rules/types';

const SEVERITY_TEXT = {
  error: 'error (the daemon or HNS rejects it)',
  warning: 'warning (accepted, but no effect or unsafe)',
  information: 'information (a platform note)',
  hint: 'hint',
};
const TARGET_TEXT = { windows: 'compose files that target Windows', linux: 'compose files that target Linux', any: 'every file of its kind' };
const KIND_TEXT: Record<string, string> = {
  compose: 'compose',
  'hns-v1': 'HNS v1 JSON',
  'hcn-v2': 'HCN v2 JSON',
  cni: 'Windows CNI config',
  dotenv: '`.env` files',
  script: 'docker commands in scripts, CI files and Markdown',
};

export function renderRuleDoc(meta: RuleMeta): string {
  const lines = [
    `# ${meta.id}`,
    '',
    `**${meta.title}**`,
    '',
    '| | |',
    '|---|---|',
    meta.offByDefault
      ? `| Default severity | off: turn it on with \`--rule ${meta.id}=${meta.defaultSeverity}\`, \`.winnetrc.json\` or the \`winnet.rules\` setting (${SEVERITY_TEXT[meta.defaultSeverity]}) |`
      : `| Default severity | ${SEVERITY_TEXT[meta.defaultSeverity]} |`,
    `| Checks | ${meta.kinds.map((k) => KIND_TEXT[k] ?? k).join(', ')}; ${TARGET_TEXT[meta.target]} |`,
    `| Fix | ${meta.fixable ? 'yes (quick fix; `--fix` applies the preferred one)' : 'no'} |`,
    ...(meta.tags?.length ? [`| Tags | ${meta.tags.join(', ')} |`] : []),
    '',
    '## What happens on Windows',
    '',
    meta.description,
    '',
    ...seenText(meta),
    ...(meta.caveat ? ['## How sure we are', '', meta.caveat, ''] : []),
    '## What to do',
    '',
    meta.remedy,
    '',
    '## Example',
    '',
    `Reported${exampleSettings(meta)}:`,
    '',
    fence(meta),
    meta.examples.bad.replace(/\n$/, ''),
    '```',
    '',
    ...(meta.examples.env !== undefined ? ['With this `.env` beside it:', '', '```sh', meta.examples.env.replace(/\n$/, ''), '```', ''] : []),
    ...(meta.examples.good ? ['Fine:', '', fence(meta), meta.examples.good.replace(/\n$/, ''), '```', ''] : []),
    ...(meta.examples.command
      ? [
          'The same as a command (in a script, a CI step or a Markdown block), reported on the flag:',
          '',
          '```powershell',
          meta.examples.command.replace(/\n$/, ''),
          '```',
          '',
        ]
      : []),
    '## Sources',
    '',
    ...meta.sources.map((ref) => {
      const source = sourceOf(ref);
      return `- [${source.title}](${source.url})`;
    }),
    '',
    silenceText(meta),
    '',
  ];
  return lines.join('\n');
}

/**
 * The errors and symptoms that lead here, as users see them: the same texts `winnet explain` matches, so a page
 * found by searching for an error names it.
 */
function seenText(meta: RuleMeta): string[] {
  const lines: string[] = [];
  if (meta.errors?.length) lines.push('## The error you see', '', ...meta.errors.map((e) => `- \`${e.replace(/`/g, "'")}\``), '');
  if (meta.symptoms?.length) lines.push('## What you notice', '', ...meta.symptoms.map((s) => `- ${s}`), '');
  if (lines.length) lines.push('`winnet explain "<the message>"` finds this rule from any of these.', '');
  return lines;
}

/** The language of each kind's documents: compose files are YAML; `.env` files share its `#` comments; HNS, HCN and CNI documents are JSON. */
const KIND_LANGUAGE: Record<DocumentKind, Language | undefined> = {
  compose: 'yaml',
  dotenv: 'yaml',
  script: 'yaml',
  'hns-v1': 'json',
  'hcn-v2': 'json',
  cni: 'json',
  none: undefined,
};

/** The languages of the documents a rule checks, YAML first. */
function ruleLanguages(meta: RuleMeta): Language[] {
  const languages = new Set(meta.kinds.map((k) => KIND_LANGUAGE[k]));
  return (['yaml', 'json'] as const).filter((l) => languages.has(l));
}

/**
 * How to silence the rule, with the comment syntax of the documents it checks: a directive counts only inside
 * a real comment (`#` in YAML, `//` or `/* *\/` in JSON), so a `#` line in JSON would silence nothing.
 */
function silenceText(meta: RuleMeta): string {
  const languages = ruleLanguages(meta);
  const marker = { yaml: '#', json: '//' };
  const directive = (scope: 'next-line' | 'file') =>
    languages.length === 1
      ? `\`${marker[languages[0]]} winnet-disable-${scope} ${meta.id}\``
      : languages.map((l) => `\`${marker[l]} winnet-disable-${scope} ${meta.id}\` (${l === 'yaml' ? 'YAML' : 'JSON'})`).join(' or ');
  // JSON has two comment forms and a `#` that is no comment at all: say which count.
  // Comments are not JSON: a file that goes on to a strict JSON reader (HNS, or a script that feeds it) may be
  // refused with one, so JSON rules point at the setting too.
  const comments = languages.includes('json')
    ? ` The directive counts only in a comment (${languages.includes('yaml') ? '`#` in YAML, ' : ''}\`//\` or \`/* */\` in JSON), not inside a string value. Comments are not JSON: where the file is also read by a tool that takes strict JSON, turn the rule off in \`.winnetrc.json\` instead.`
    : '';
  return `Silence it on one line with ${directive('next-line')}, for a file with ${directive('file')}, or everywhere with \`"rules": {"${meta.id}": "off"}\` in \`.winnetrc.json\` (\`winnet.rules\` in VS Code).${comments}`;
}

/** The settings the examples need, as CLI flags: `(in docker-stack.yml, with --windows-version ltsc2016)`. */
function exampleSettings(meta: RuleMeta): string {
  const { path, windowsVersion, target } = meta.examples;
  const parts = [
    path ? `in \`${path}\`` : '',
    windowsVersion ? `with \`--windows-version ${windowsVersion}\`` : '',
    target ? `with \`--target ${target}\`` : '',
  ].filter(Boolean);
  return parts.length ? ` (${parts.join(', ')})` : '';
}

function fence(meta: RuleMeta): string {
  if (meta.kinds.includes('compose')) return '```yaml';
  return meta.kinds.includes('dotenv') ? '```sh' : '```json';
}

/** Plain text for tools that show no markdown (SARIF `help.text`). */
export function ruleHelpText(meta: RuleMeta): string {
  return `${meta.description}\n\nWhat to do: ${meta.remedy}${meta.caveat ? `\n\nHow sure we are: ${meta.caveat}` : ''}`;
}

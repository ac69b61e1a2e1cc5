/**
 * `npm run new-rule <id>`: scaffolds a compose rule: `server/src/rules/compose/<id>.ts` (metadata and an empty
 * check), `server/src/rules/compose/<id>.test.ts` (a firing case, a near miss), its entry in
 * `server/src/rules/registry.ts`, and its docs page (`npm run docs`). The new rule's tests fail until its check
 * reports what its first case expects: write the knowledge fact it cites, the check, the cases, then `npm test`.
 * CONTRIBUTING.md walks through it.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = join(__dirname, '..');
const RULES = join(ROOT, 'server', 'src', 'rules');

/** `transparent-ports` → `transparentPortsRule`. */
export function ruleConst(id: string): string {
  return `${id.replace(/-([a-z0-9])/g, (_, c: string) => c.toUpperCase())}Rule`;
}

export function validId(id: string): string | undefined {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(id)) return `a rule id is lower-case words joined by hyphens (\`transparent-ports\`); got '${id}'`;
  if (id.startsWith('hns-')) return 'HNS rules live in server/src/rules/hns/ and are not scaffolded by this script';
  return undefined;
}

export function ruleSource(id: string): string {
  return `import type { Rule } from '../types';

/**
 * The primary source of the behaviour this rule reports (a moby / compose-go file and function, a Microsoft Learn
 * page, an issue URL), in one or two lines.
 */
export const ${ruleConst(id)}: Rule = {
  meta: {
    id: '${id}',
    title: 'What is wrong, in a few words',
    defaultSeverity: 'warning',
    kinds: ['compose'],
    target: 'windows',
    fixable: false,
    description: 'What happens on Windows, and why (the facts, with the error text users see).',
    remedy: 'What to do instead.',
    caveat: 'Where the evidence is thin or sources disagree, said plainly (the severity is then the lower one).',
    examples: {
      bad: 'services:\\n  web:\\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\\n',
      good: 'services:\\n  web:\\n    image: mcr.microsoft.com/windows/servercore/iis:windowsservercore-ltsc2022\\n',
    },
    sources: ['MSD-ARCH'],
  },
  check(ctx) {
    for (const service of ctx.compose.services) {
      void service; // ctx.report({ span, message }) for what this rule finds
    }
  },
};
`;
}

export function testSource(id: string): string {
  return `/** \`${id}\`: its cases, near misses and fixes. */
import { describeRule, WIN, type FixCase, type RuleCase } from '../../testing/rule-tests';

const cases: RuleCase[] = [
  {
    name: 'what it reports, and where',
    rule: '${id}',
    yaml: \`\${WIN}    ports:\\n      - "8080:80"\\n\`,
    expect: [{ rule: '${id}', severity: 'warning', range: '3:4-3:9', message: ['the fact the message states', 'what to do'] }],
  },
  {
    name: 'near misses: what it must not report',
    rule: '${id}',
    yaml: WIN,
    expect: [],
  },
];

const fixes: FixCase[] = [];

describeRule('${id}', cases, fixes);
`;
}

/** The registry with the rule imported (in order) and appended to COMPOSE_RULES. */
export function registerRule(registry: string, id: string): string {
  const name = ruleConst(id);
  const line = `import { ${name} } from './compose/${id}';`;
  const lines = registry.split('\n');
  const imports = lines.map((l, i) => [l, i] as const).filter(([l]) => l.startsWith('import { ') && l.includes("from './compose/"));
  const after = imports.filter(([l]) => l.localeCompare(line) < 0).pop() ?? imports[0];
  lines.splice(after ? after[1] + (after[0].localeCompare(line) < 0 ? 1 : 0) : 1, 0, line);
  const text = lines.join('\n');
  const end = text.indexOf('];', text.indexOf('export const COMPOSE_RULES'));
  if (end === -1) throw new Error('COMPOSE_RULES not found in the registry');
  return `${text.slice(0, end)}  ${name},\n${text.slice(end)}`;
}

function main(): void {
  const id = process.argv[2] ?? '';
  const problem = validId(id);
  if (problem) {
    console.error(`new-rule: ${problem}`);
    process.exit(2);
  }
  const rule = join(RULES, 'compose', `${id}.ts`);
  const test = join(RULES, 'compose', `${id}.test.ts`);
  if (existsSync(rule) || existsSync(test)) {
    console.error(`new-rule: ${id} exists already`);
    process.exit(2);
  }
  writeFileSync(rule, ruleSource(id));
  writeFileSync(test, testSource(id));
  const registry = join(RULES, 'registry.ts');
  writeFileSync(registry, registerRule(readFileSync(registry, 'utf8'), id));
  execFileSync(process.execPath, ['--import', 'tsx', join(ROOT, 'scripts', 'generate-rule-docs.ts')], { cwd: ROOT, stdio: 'inherit' });
  console.log(`new-rule: wrote ${[rule, test].map((p) => p.slice(ROOT.length + 1)).join(' and ')}, registered it, and generated docs/rules/${id}.md.
Next: the fact it cites (server/src/knowledge/), the check and its metadata, the cases; then \`npm run docs\` and \`npm test\`.`);
}

if (require.main === module) main();

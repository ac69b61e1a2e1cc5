/** Every generated docs file, as path → content; the script writes them and a test checks they are current. */
import { ALL_RULE_META } from '../rules/registry';
import { renderCapabilityDoc } from './capability-doc';
import { renderDriverOptionsDoc } from './driver-options-doc';
import { renderErrorsDoc } from './errors-doc';
import { renderHnsDoc } from './hns-doc';
import { renderKnowledgeIndex } from './knowledge-index';
import { renderRuleDoc } from './rule-doc';
import { renderSourcesDoc } from './sources-doc';
import { renderWindowsVersionsDoc } from './windows-versions-doc';

export function generatedDocs(): Map<string, string> {
  const files = new Map<string, string>();
  for (const meta of ALL_RULE_META) files.set(`docs/rules/${meta.id}.md`, renderRuleDoc(meta));
  const index = [
    '# winnet rules',
    '',
    'Generated from the rule metadata (`npm run docs`). Severity is the default; change it per rule with `--rule <id>=<severity>`, `.winnetrc.json` or the `winnet.rules` setting.',
    '',
    // compose/interpolation.ts: one policy for every compose rule, so it is stated once here.
    'Values with compose variables (`${VAR}`, `$VAR`, `${VAR:-default}`, ...) are substituted by compose from the shell and the `.env` file, which winnet does not read: such a value is unknown, and no rule judges it (`isolation: ${ISOLATION}`, `driver: ${DRIVER}`, the parts of `"${HOST_IP}:80:80"` that hold a variable). Keys that fail whatever their value (`extra_hosts`, `ipv6_address`, `ip_range`) are still reported, and so are the parts of a value written literally. `$$` is a literal `$`.',
    '',
    '| Rule | Severity | Fix | What it reports |',
    '|---|---|---|---|',
    ...ALL_RULE_META.map(
      (m) => `| [${m.id}](${m.id}.md) | ${m.offByDefault ? `off (${m.defaultSeverity})` : m.defaultSeverity} | ${m.fixable ? 'yes' : ''} | ${m.title} |`,
    ),
    '',
  ].join('\n');
  files.set('docs/rules/README.md', index);
  files.set('docs/drivers.md', renderCapabilityDoc());
  files.set('docs/errors.md', renderErrorsDoc());
  // The knowledge reference: its index, a page per table, and the sources with what cites them (read from the
  // rendered pages, so it lists what a reader sees).
  const knowledge = new Map([
    ['docs/knowledge/driver-options.md', renderDriverOptionsDoc()],
    ['docs/knowledge/hns.md', renderHnsDoc()],
    ['docs/knowledge/windows-versions.md', renderWindowsVersionsDoc()],
  ]);
  files.set('docs/knowledge/README.md', renderKnowledgeIndex());
  for (const [path, content] of knowledge) files.set(path, content);
  files.set('docs/knowledge/sources.md', renderSourcesDoc(new Map([['docs/drivers.md', files.get('docs/drivers.md')!], ...knowledge])));
  return files;
}

/**
 * The driver capability matrix (docs/drivers.md), rendered from knowledge/drivers.ts for every Windows version:
 * the same table the hovers show, so the docs can never disagree with the editor.
 */
import { FEATURES, LEVEL_MARK, LINUX_DRIVERS, supportOf, WINDOWS_DRIVERS, type FeatureId } from '../knowledge/drivers';
import { UNSUPPORTED_FEATURE_HISTORY, UNSUPPORTED_OPTIONS } from '../knowledge/unsupported';
import { WINDOWS_VERSIONS, type WindowsVersion } from '../knowledge/versions';
import { link } from './markdown';

const DOCUMENTED_DRIVERS = ['nat', 'transparent', 'overlay', 'l2bridge', 'l2tunnel'];

export function renderCapabilityDoc(): string {
  const out: string[] = [
    '# Windows network drivers: what each supports',
    '',
    'Generated from `server/src/knowledge/drivers.ts` (`npm run docs`); every cell links its sources below the table.',
    '',
  ];
  for (const version of WINDOWS_VERSIONS) out.push(...matrix(version.id, version.name), '');
  out.push('## Drivers', '');
  for (const driver of Object.values(WINDOWS_DRIVERS)) {
    out.push(`### \`${driver.name}\`${driver.documented ? '' : ' (undocumented)'}`, '', driver.summary, '');
    for (const note of driver.notes) out.push(`- ${note}`);
    if (driver.notes.length) out.push('');
    const features = Object.entries(driver.features) as [FeatureId, NonNullable<(typeof driver.features)[FeatureId]>][];
    for (const [id, support] of features) {
      if (support.byVersion) {
        const steps = WINDOWS_VERSIONS.map((v) => ({ id: v.id, ...support.byVersion!(v.id) }));
        out.push(
          `- **${FEATURES[id].label}**: ${steps.map((s) => `${s.id} ${LEVEL_MARK[s.level]}`).join(', ')}. ${[...new Set(steps.map((s) => s.note))].join(' ')} ${support.sources.map(link).join(' ')}`,
        );
        continue;
      }
      const since = support.since ? ` (from ${support.since}; before: ${support.before ?? 'no'})` : '';
      out.push(`- **${FEATURES[id].label}**: ${LEVEL_MARK[support.level]}${since}. ${support.note} ${support.sources.map(link).join(' ')}`);
    }
    out.push('', `Sources: ${driver.sources.map(link).join(' ')}`, '');
  }
  out.push('## Linux drivers on a Windows host', '');
  for (const driver of Object.values(LINUX_DRIVERS)) {
    out.push(
      `- \`${driver.name}\`: ${driver.onWindows} Closest on Windows: ${driver.equivalents.map((e) => `\`${e}\``).join(', ')}. ${driver.sources.map(link).join(' ')}`,
    );
  }
  out.push(
    '',
    "## Microsoft's unsupported options, and what the daemon really does",
    '',
    '| Option | Compose key | Outcome | What happens | Rule |',
    '|---|---|---|---|---|',
  );
  for (const o of UNSUPPORTED_OPTIONS)
    out.push(`| \`${o.command} ${o.flag}\` | \`${o.composePath}\` | ${o.outcome} | ${o.behaviour} | [${o.rule}](rules/${o.rule}.md) |`);
  out.push('', '## History of the unsupported-features list', '', '| Feature | History |', '|---|---|');
  for (const h of UNSUPPORTED_FEATURE_HISTORY) out.push(`| ${h.feature} | ${h.history} |`);
  out.push('');
  return out.join('\n');
}

function matrix(version: WindowsVersion, name: string): string[] {
  const drivers = DOCUMENTED_DRIVERS.map((d) => WINDOWS_DRIVERS[d]);
  const rows = [
    `## ${name} (\`${version}\`)`,
    '',
    `| Feature | ${drivers.map((d) => `\`${d.name}\``).join(' | ')} |`,
    `|---|${drivers.map(() => '---').join('|')}|`,
  ];
  for (const id of Object.keys(FEATURES) as FeatureId[]) {
    rows.push(
      `| ${FEATURES[id].label} | ${drivers
        .map((d) => {
          const s = supportOf(d, id, version);
          return s ? LEVEL_MARK[s.level] : 'n/a';
        })
        .join(' | ')} |`,
    );
  }
  return rows;
}

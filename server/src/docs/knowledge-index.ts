/**
 * docs/knowledge/README.md: the index of the knowledge pages. Says what the knowledge tables are, how sure a fact
 * can be (the support levels of knowledge/drivers.ts, LEVEL_MARK) and what a rule does when the sources disagree
 * (the rules with a caveat, from ALL_RULE_META), and links every page.
 */
import { LEVEL_MARK, type SupportLevel } from '../knowledge/drivers';
import { ALL_RULE_META } from '../rules/registry';
import { table } from './markdown';

const LEVEL_MEANING: Record<SupportLevel, string> = {
  yes: 'The sources agree that it works.',
  no: 'The sources agree that it does not: Docker or HNS refuses it, or it has no effect.',
  partial: 'It works with limits, which the note beside it states.',
  disputed: 'The sources disagree; the note names both sides.',
  unknown: 'No source says either way.',
};

const PAGES: { link: string; title: string; what: string }[] = [
  {
    link: '../drivers.md',
    title: 'Windows network drivers',
    what: 'what `nat`, `transparent`, `overlay`, `l2bridge` and `l2tunnel` support on each Windows version, the Linux drivers on a Windows host, and the options Microsoft lists as unsupported (`drivers.ts`, `unsupported.ts`).',
  },
  {
    link: 'driver-options.md',
    title: 'Driver options',
    what: 'every `driver_opts` key the Windows driver reads, ignores or sets itself, and the Linux-only ones (`windowsshim.ts`).',
  },
  {
    link: 'hns.md',
    title: 'HNS and HCN',
    what: 'HNS network types, feature versions and the HNS version of each Windows version, enumerations, flags and policy types (`hns-*.ts`).',
  },
  {
    link: 'windows-versions.md',
    title: 'Windows versions',
    what: 'the versions winnet checks against, the releases it recognises in image tags, and how `auto` picks one (`versions.ts`, `windows-releases.ts`).',
  },
  { link: 'sources.md', title: 'Sources', what: 'every source by key, with the rules and pages that cite it (`sources.ts`).' },
  { link: '../rules/README.md', title: 'Rules', what: 'what each rule reports, how sure it is, what to do, and its sources.' },
];

export function renderKnowledgeIndex(): string {
  const caveats = ALL_RULE_META.filter((m) => m.caveat)
    .map((m) => m.id)
    .sort();
  return [
    '# What winnet knows',
    '',
    'Generated (`npm run docs`) from the knowledge tables in `server/src/knowledge/`. The checks, hovers, completions, quick fixes, the HNS JSON schemas and these pages all read those tables, so each fact is stated once, with the sources it comes from: Microsoft Learn, the moby (Docker Engine) source, hcsshim and the HNS tooling, the compose specification, and public issues. To change a fact, change its table and run `npm run docs`.',
    '',
    '## Pages',
    '',
    ...PAGES.map((p) => `- [${p.title}](${p.link}): ${p.what}`),
    '- The JSON schemas winnet checks HNS documents against, with every field of every object: [HNS v1](../../schemas/hns-v1.schema.json), [HCN v2](../../schemas/hcn-v2.schema.json).',
    '',
    '## How sure the facts are',
    '',
    'Each fact has a support level, shown as a mark:',
    '',
    ...table(
      ['Mark', 'Meaning'],
      (Object.keys(LEVEL_MARK) as SupportLevel[]).map((level) => [LEVEL_MARK[level], LEVEL_MEANING[level]]),
    ),
    '',
    `Where the sources disagree or are unsure, a rule built on the fact says so on its page, under "How sure we are", and uses the lower severity: a warning or information rather than an error. ${caveats.length} of the ${ALL_RULE_META.length} rules have such a section: ${caveats.map((id) => `[${id}](../rules/${id}.md)`).join(', ')}.`,
    '',
  ].join('\n');
}

/**
 * docs/knowledge/hns.md: what winnet knows about HNS and HCN, rendered from knowledge/hns-network-types.ts (network
 * types), hns-versions.ts (feature gates, HNS and schema versions per Windows version), hns-enums.ts (enums and
 * flags), hns-v1-objects.ts (V1_POLICIES) and hns-v2-policies.ts (v2 policies per location). Object fields are left
 * to the JSON schemas generated from the same tables.
 */
import { LEVEL_MARK } from '../knowledge/drivers';
import { HNS_ENUMS, HNS_FLAGS } from '../knowledge/hns-enums';
import type { EnumSpec, FlagSetSpec, HnsFeatureId, PolicyLocation, PolicySpec, SchemaVersion } from '../knowledge/hns-model';
import { HNS_NETWORK_TYPES, type HnsNetworkType } from '../knowledge/hns-network-types';
import { V1_POLICIES } from '../knowledge/hns-v1-objects';
import { v2PoliciesAt } from '../knowledge/hns-v2-policies';
import {
  describeRanges,
  featureAvailability,
  formatHnsVersion,
  HNS_FEATURES,
  HNS_VERSION_OF,
  SCHEMA_VERSION_OF,
  type HnsVersionRange,
} from '../knowledge/hns-versions';
import { WINDOWS_VERSIONS } from '../knowledge/versions';
import { anchor, citations, sentence, table } from './markdown';

const V1_SCHEMA = '../../schemas/hns-v1.schema.json';
const V2_SCHEMA = '../../schemas/hcn-v2.schema.json';

/** The policy lists, each with its heading: the enums whose values are exactly these types link here. */
const POLICY_LISTS: { heading: string; text: string; policies: PolicySpec[]; v1: boolean; location?: PolicyLocation }[] = [
  {
    heading: 'HNS v1 policies',
    text: 'A v1 policy is a flat object: its settings sit beside `Type` (`{"Type": "VLAN", "VLAN": 11}`).',
    policies: V1_POLICIES,
    v1: true,
  },
  {
    heading: 'HCN v2 network policies',
    text: 'In a network\'s `Policies`, as `{"Type": ..., "Settings": {...}}`.',
    policies: v2PoliciesAt('network'),
    v1: false,
    location: 'network',
  },
  {
    heading: 'HCN v2 endpoint policies',
    text: 'In an endpoint\'s `Policies`, as `{"Type": ..., "Settings": {...}}`.',
    policies: v2PoliciesAt('endpoint'),
    v1: false,
    location: 'endpoint',
  },
  {
    heading: 'HCN v2 subnet policies',
    text: 'In the `Policies` of a subnet of a network\'s `Ipams`, as `{"Type": ..., "Settings": {...}}`.',
    policies: v2PoliciesAt('subnet'),
    v1: false,
    location: 'subnet',
  },
];

const LOCATION_TEXT: Record<PolicyLocation, string> = { network: 'network', endpoint: 'endpoint', subnet: 'subnet', policylist: 'policy list' };

export function renderHnsDoc(): string {
  return [
    '# HNS and HCN',
    '',
    'Generated from the HNS tables in `server/src/knowledge/` (`npm run docs`): what the Host Network Service (HNS) accepts in the JSON that Docker, Kubernetes CNI plugins and scripts send it, in the v1 (`HNSCall`, `Get-HnsNetwork`) and the HCN v2 form.',
    '',
    `Every field of every object is in the JSON schemas winnet generates from the same tables and checks documents against: [HNS v1](${V1_SCHEMA}) and [HCN v2](${V2_SCHEMA}). This page covers the network types, the version gates, the enumerations and flags, and the policy types.`,
    '',
    ...networkTypes(),
    ...features(),
    ...versions(),
    ...enums(),
    ...flags(),
    ...policies(),
  ].join('\n');
}

function networkTypes(): string[] {
  const types = Object.entries(HNS_NETWORK_TYPES);
  const out = [
    '## Network types',
    '',
    'From `server/src/knowledge/hns-network-types.ts`. `Type` is written in any case (Docker sends `nat`, HNS answers `NAT`). *External adapter*: the network binds an external vSwitch to a host adapter, which `NetworkAdapterName` names (without it HNS picks an unbound one). *Load balancers*: whether HNS takes load balancers (ELB policies) on it. *VSID per subnet*: every subnet needs a VSID. IPv6 is per Windows version; the marks are explained in [the knowledge index](README.md#how-sure-the-facts-are).',
    '',
    ...table(
      ['Type', 'External adapter', 'Load balancers', 'VSID per subnet', ...WINDOWS_VERSIONS.map((v) => `IPv6 on \`${v.id}\``)],
      types.map(([, t]) => [
        `[${t.name}](#${anchor(t.name)})`,
        t.externalAdapter ? 'yes' : 'no',
        LEVEL_MARK[t.loadBalancers],
        t.needsVsid ? 'yes' : 'no',
        ...WINDOWS_VERSIONS.map((v) => LEVEL_MARK[t.ipv6(v.id).level]),
      ]),
    ),
    '',
  ];
  for (const [, type] of types) out.push(`### ${type.name}`, '', type.summary, '', ...typeDetails(type), '');
  return out;
}

function typeDetails(type: HnsNetworkType): string[] {
  const lines = type.notes.map((n) => `- ${n}`);
  // One line per distinct IPv6 verdict, naming the versions it holds for.
  const verdicts = new Map<string, { versions: string[]; line: string }>();
  for (const v of WINDOWS_VERSIONS) {
    const verdict = type.ipv6(v.id);
    const line = verdict.level === 'yes' ? `${LEVEL_MARK.yes}.` : `${LEVEL_MARK[verdict.level]}. ${verdict.message} ${citations(verdict.sources)}`;
    const entry = verdicts.get(line) ?? { versions: [], line };
    entry.versions.push(`\`${v.id}\``);
    verdicts.set(line, entry);
  }
  for (const { versions, line } of verdicts.values()) lines.push(`- IPv6 on ${versions.join(', ')}: ${line}`);
  lines.push(`- Sources: ${citations(type.sources)}`);
  return lines;
}

function features(): string[] {
  const ids = Object.keys(HNS_FEATURES) as HnsFeatureId[];
  return [
    '## HNS features and the HNS versions that have them',
    '',
    'From `server/src/knowledge/hns-versions.ts`. Clients such as hcsshim read the HNS service version (`GET /globals/version`) and use a feature only when that version has it.',
    '',
    ...table(
      ['Feature', 'Id', 'HNS versions', 'Note', 'Sources'],
      ids.map((id) => {
        const f = HNS_FEATURES[id];
        return [sentence(f.label), `\`${f.id}\``, describeRanges(id), f.note ?? '—', citations(f.sources)];
      }),
    ),
    '',
    '### Which Windows version has which feature',
    '',
    'Computed from the ranges above and the HNS versions of each Windows version (next section, which is inferred): ◐ partly means some HNS versions that release runs have it and others do not (servicing updates decide), – unknown that its HNS version has no known upper bound and only part of that open range qualifies.',
    '',
    ...table(
      ['Feature', ...WINDOWS_VERSIONS.map((v) => `\`${v.id}\``)],
      ids.map((id) => [sentence(HNS_FEATURES[id].label), ...WINDOWS_VERSIONS.map((v) => LEVEL_MARK[featureAvailability(id, v.id)])]),
    ),
    '',
  ];
}

function hnsRange(r: HnsVersionRange): string {
  if (r.min && r.max) return `${formatHnsVersion(r.min)}–${formatHnsVersion(r.max)}`;
  if (r.min) return `≥ ${formatHnsVersion(r.min)}`;
  if (r.max) return `≤ ${formatHnsVersion(r.max)}`;
  return 'unknown';
}

function schemaRange(s: { max?: SchemaVersion; knownMax?: SchemaVersion }): string {
  if (s.knownMax && s.max) return s.knownMax === s.max ? s.max : `${s.knownMax} for certain, at most ${s.max}`;
  if (s.knownMax) return `${s.knownMax} or later`;
  if (s.max) return `at most ${s.max}`;
  return 'none';
}

function versions(): string[] {
  return [
    '## HNS and HCN schema versions per Windows version',
    '',
    'Microsoft publishes no table of HNS versions per Windows release: **the HNS versions below are inferred** from a few anchors, each with its basis. The rules built on these tables, [hns-version-gate](../rules/hns-version-gate.md) and [hns-schema-version](../rules/hns-schema-version.md), lower their severity for it; their pages say how.',
    '',
    ...table(
      ['Windows', 'HNS version', 'Basis', 'Sources'],
      WINDOWS_VERSIONS.map((v) => {
        const r = HNS_VERSION_OF[v.id];
        return [`${v.name} (\`${v.id}\`)`, hnsRange(r), `${sentence(r.basis)}.`, citations(r.sources)];
      }),
    ),
    '',
    "The HCN schema version each field or policy was new in comes from Microsoft's HNS schema, which maps some schema versions to Windows releases:",
    '',
    ...table(
      ['Windows', 'HCN schema', 'Basis'],
      WINDOWS_VERSIONS.map((v) => {
        const s = SCHEMA_VERSION_OF[v.id];
        return [`${v.name} (\`${v.id}\`)`, schemaRange(s), `${sentence(s.basis)}.`];
      }),
    ),
    '',
  ];
}

/** "HCN schema 2.4; HNS ≥ 15.0", or "" when nothing gates it. */
function needs(x: { since?: SchemaVersion; gate?: HnsFeatureId }): string {
  return [x.since ? `HCN schema ${x.since}` : '', x.gate ? `HNS ${describeRanges(x.gate)}` : ''].filter(Boolean).join('; ');
}

function enums(): string[] {
  const out = [
    '## Enumerations',
    '',
    'From `server/src/knowledge/hns-enums.ts`. A value is written as its name, in any case, or as an integer; the integer column gives the value where a source publishes it.',
    '',
  ];
  for (const spec of Object.values(HNS_ENUMS))
    out.push(`### \`${spec.id}\``, '', spec.description, '', ...enumValues(spec), '', `Sources: ${citations(spec.sources)}`, '');
  return out;
}

function enumValues(spec: EnumSpec): string[] {
  const names = spec.values.map((v) => v.name).join('\n');
  const list = POLICY_LISTS.find((l) => l.policies.map((p) => p.type).join('\n') === names);
  if (list) return [`Values: the types under [${list.heading}](#${anchor(list.heading)}).`];
  const integers = `winnet accepts an integer from 0 to ${spec.maxInteger} in place of a name.`;
  const hasValue = spec.values.some((v) => v.value !== undefined);
  const hasNeeds = spec.values.some((v) => needs(v));
  const hasDescription = spec.values.some((v) => v.description);
  if (!hasValue && !hasNeeds && !hasDescription) return [`Values: ${spec.values.map((v) => `\`${v.name}\``).join(', ')}. ${integers}`];
  return [
    ...table(
      ['Value', ...(hasValue ? ['Integer'] : []), ...(hasNeeds ? ['Needs'] : []), ...(hasDescription ? ['Meaning'] : [])],
      spec.values.map((v) => [
        `\`${v.name}\``,
        ...(hasValue ? [v.value === undefined ? 'not published' : String(v.value)] : []),
        ...(hasNeeds ? [needs(v) || '—'] : []),
        ...(hasDescription ? [v.description ?? ''] : []),
      ]),
    ),
    '',
    integers,
  ];
}

function flags(): string[] {
  const out = ['## Flags', '', 'From `server/src/knowledge/hns-enums.ts`. Flags travel as an integer bit mask; some sources write them as names.', ''];
  for (const spec of Object.values(HNS_FLAGS))
    out.push(`### \`${spec.id}\``, '', spec.description, '', ...flagBits(spec), '', `Sources: ${citations(spec.sources)}`, '');
  return out;
}

function flagBits(spec: FlagSetSpec): string[] {
  const hasNeeds = spec.bits.some((b) => needs(b));
  return [
    ...table(
      ['Flag', 'Bit value', ...(hasNeeds ? ['Needs'] : []), 'Meaning'],
      spec.bits.map((b) => [`\`${b.name}\``, b.value === undefined ? 'not published' : String(b.value), ...(hasNeeds ? [needs(b) || '—'] : []), b.description]),
    ),
    ...(spec.unpublishedNames ? ['', 'Some flags have a name but no published value, so a bit not listed here may be one of them.'] : []),
  ];
}

function policies(): string[] {
  const out = [
    '## Policies',
    '',
    `From \`server/src/knowledge/hns-v1-objects.ts\` and \`server/src/knowledge/hns-v2-policies.ts\`: each policy type, where HNS takes it and the names of its settings (**bold**: required). The settings' types and descriptions are in the [HNS v1](${V1_SCHEMA}) and [HCN v2](${V2_SCHEMA}) schemas.`,
    '',
  ];
  for (const list of POLICY_LISTS) {
    out.push(`### ${list.heading}`, '', list.text, '');
    out.push(
      ...table(
        ['Type', ...(list.v1 ? ['Where'] : []), 'Settings', 'Needs', 'Limit', 'What it does', 'Sources'],
        list.policies.map((p) => [
          `\`${p.type}\``,
          ...(list.v1 ? [p.locations.map((l) => LOCATION_TEXT[l]).join(', ')] : []),
          settings(p),
          needs(p) || '—',
          limit(p, list.location),
          p.description,
          citations(p.sources),
        ]),
      ),
      '',
    );
    if (list.v1) {
      const output = outputFields(list.policies);
      if (output.length)
        out.push(
          `HNS also reports ${output.map((f) => `\`${f}\``).join(', ')} on every v1 policy it prints; they are ignored on input and left out above.`,
          '',
        );
    }
  }
  return out;
}

function settings(p: PolicySpec): string {
  const names = Object.entries(p.settings)
    .filter(([, f]) => !f.readOnly)
    .map(([name]) => (p.required?.includes(name) ? `**\`${name}\`**` : `\`${name}\``));
  if (names.length) return `${names.join(', ')}${p.open ? ', and others' : ''}`;
  return p.open ? 'none documented (any accepted)' : 'none';
}

/** At most one per object (`location`: the object a v2 list is on; v1 lists span several) or per IP family. */
function limit(p: PolicySpec, location?: PolicyLocation): string {
  if (!p.singleton) return '—';
  const what = p.singleton.per === 'family' ? 'one per IP family' : `one per ${location ? LOCATION_TEXT[location] : 'object'}`;
  return p.singleton.refused ? `${what}; HNS refuses a second` : what;
}

/** The read-only settings every v1 policy carries: what HNS prints on each, not part of any one type. */
function outputFields(list: PolicySpec[]): string[] {
  const readOnly = (p: PolicySpec) => Object.keys(p.settings).filter((k) => p.settings[k].readOnly);
  return readOnly(list[0]).filter((name) => list.every((p) => p.settings[name]?.readOnly));
}

import { asScalar, getPair, pairs, type Node } from '../../documents/tree';
import { hnsModel } from '../../hns/model';
import { hasRange } from '../../hns/values';
import { walkFields, type FieldUse } from '../../hns/walk';
import { HNS_ENUMS, HNS_FLAGS } from '../../knowledge/hns-enums';
import type { HnsFeatureId } from '../../knowledge/hns-model';
import { describeRanges, featureAvailability, formatHnsVersion, HNS_FEATURES, HNS_VERSION_OF } from '../../knowledge/hns-versions';
import { versionName, type WindowsVersion } from '../../knowledge/versions';
import type { Report, Rule, RuleContext } from '../types';

/** Policy types are gated through their policy, not as enum values. */
const POLICY_TYPE_ENUMS = new Set(['V1PolicyType', 'NetworkPolicyType', 'EndpointPolicyType', 'SubnetPolicyType']);
import { integerValue, spanOf } from './helpers';

function runs(version: WindowsVersion): string {
  const { min, max } = HNS_VERSION_OF[version];
  if (min && max) return `HNS ${formatHnsVersion(min)}–${formatHnsVersion(max)}`;
  if (max) return `HNS below ${formatHnsVersion([max[0], max[1] + 1])}`;
  return `HNS ${formatHnsVersion(min!)} or later (exactly which is not published)`;
}

/** Reports `what` when the target Windows version lacks (or may lack) the HNS feature. */
function gate(ctx: RuleContext, feature: HnsFeatureId, node: Node, what: string): void {
  const availability = featureAvailability(feature, ctx.windowsVersion);
  if (availability === 'yes') return;
  const f = HNS_FEATURES[feature];
  const where = versionName(ctx.windowsVersion);
  const need = `${what} needs HNS ${describeRanges(feature)} (hcsshim feature \`${f.id}\`)`;
  const report: Report = { span: spanOf(node), message: '' };
  if (availability === 'no') {
    report.severity = feature === 'ApiV2' ? 'error' : 'warning';
    report.message = `${need}; ${where} runs ${runs(ctx.windowsVersion)} (${HNS_VERSION_OF[ctx.windowsVersion].basis}).${f.note ? ` ${f.note}` : ''}`;
  } else if (availability === 'partial') {
    report.severity = 'information';
    report.message = `${need}; ${where} runs ${runs(ctx.windowsVersion)}, so it depends on the updates installed.${f.note ? ` ${f.note}` : ''}`;
  } else {
    report.severity = 'hint';
    report.message = `${need}; ${where} runs ${runs(ctx.windowsVersion)}.`;
  }
  ctx.report(report);
}

/** Gated enum values and flag bits, wherever the walker finds them. */
function gatedValue(ctx: RuleContext, use: FieldUse): void {
  if (use.type.kind === 'enum') {
    const s = asScalar(use.node);
    if (typeof s?.value !== 'string') return;
    const lower = s.value.toLowerCase();
    const value = HNS_ENUMS[use.type.enum].values.find((v) => v.name.toLowerCase() === lower);
    // Policy types are gated through their policy (below), not here.
    if (value?.gate && !POLICY_TYPE_ENUMS.has(use.type.enum)) gate(ctx, value.gate, use.node, `\`${value.name}\``);
    if (use.type.enum === 'LoadBalancerDistribution' && lower !== 'none') gate(ctx, 'SessionAffinity', use.node, `Distribution \`${s.value}\``);
    return;
  }
  if (use.type.kind === 'flags') {
    const n = integerValue(use.node);
    if (n === undefined) return;
    for (const bit of HNS_FLAGS[use.type.flags].bits)
      if (bit.gate && bit.value && (n & bit.value) === bit.value) gate(ctx, bit.gate, use.node, `${use.type.flags} ${bit.name} (${bit.value})`);
    return;
  }
  if (use.type.kind === 'int' && use.type.format === 'prefixLength' && use.name === 'PrefixLength' && use.schema === 'v2' && integerValue(use.node) === 32) {
    gate(ctx, 'Slash32EndpointPrefixes', use.node, 'A /32 endpoint prefix');
  }
  if (use.type.kind !== 'string' || use.schema !== 'v1' || use.policy?.type?.toLowerCase() !== 'acl') return;
  const text = asScalar(use.node)?.value;
  if (typeof text !== 'string') return;
  if ((use.type.format === 'addressList' && text.includes(',')) || (use.type.format === 'portList' && (text.includes(',') || hasRange(text)))) {
    gate(ctx, 'AclFeatures', use.node, `ACL \`${use.name}\` with a list or range`);
  }
  if (use.type.format === 'protocolList' && text.split(',').some((p) => p.trim() === '252'))
    gate(ctx, 'AclSupportForProtocol252', use.node, 'An ACL on protocol 252');
}

/** The feature gates of hcsshim / hnslib `hcn/hcnglobals.go`. */
export const hnsVersionGateRule: Rule = {
  meta: {
    id: 'hns-version-gate',
    title: 'HNS feature newer than the target Windows version',
    defaultSeverity: 'warning',
    kinds: ['hns-v1', 'hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description:
      "Clients check the HNS service version (`GET /globals/version`) before they use newer features; hcsshim's gates are: HCN v2 API ≥ 9.2, RemoteSubnetRoute and HostRoute ≥ 9.2, DSR 9.3–9.x or ≥ 10.2, /32 endpoint prefixes 9.3–9.x or ≥ 10.4, VxlanPort ≥ 10.3, protocol-252 ACLs ≥ 11.0, session affinity ≥ 12.0, SetPolicy ≥ 13.0, L4WFPPROXY ≥ 13.2, TierAcl ≥ 14.0, NetworkACL and NESTEDIPSET ≥ 15.0, DisableHostPort ≥ 15.1; v1 ACL lists, ranges, IDs and priorities need 7.2 (1803). winnet compares them with the HNS version `winnet.windowsVersion` runs.",
    remedy: 'Target a newer Windows version (`winnet.windowsVersion`), or leave the feature out for hosts that lack it.',
    caveat:
      'Microsoft publishes no HNS-version table per Windows release. winnet uses anchors: Windows Server 2016 predates 7.2; Windows Server 2019 reports 9.x (9.3 with its 2020 updates); Windows Server 2022 ships 13.2 (L4WFPPROXY); nothing pins Windows Server 2025 beyond that. Hence warnings, not errors (except the HCN v2 API on Windows Server 2016, which the HCN documentation rules out), information where servicing decides, and hints where the version is not published.',
    examples: {
      bad: '{ "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Policies": [{ "Type": "L4WFPPROXY", "Settings": { "InboundProxyPort": "15001" } }] }',
    },
    errors: ['platform does not support feature <feature>'],
    sources: [
      'HCN-GLOBALS',
      'HNSLIB',
      'HCN-API',
      'https://github.com/kubernetes/kubernetes/issues/93304',
      'https://github.com/microsoft/hcsshim/pull/1003',
      'HCNPROXYCTRL',
    ],
  },
  check(ctx) {
    const model = hnsModel(ctx.doc);
    if (ctx.doc.kind === 'hcn-v2' && model.objects.length) {
      const first = model.objects[0].node;
      const anchor = getPair(first, 'SchemaVersion')?.key ?? pairs(first)[0]?.key ?? first;
      gate(ctx, 'ApiV2', anchor, 'An HCN v2 document');
    }
    for (const p of model.policies) {
      if (p.spec?.gate && p.typePair) gate(ctx, p.spec.gate, p.typePair.value, `\`${p.spec.type}\``);
      if (p.schema === 'v1' && p.spec?.type === 'ELB' && asScalar(getPair(p.node, 'IsDSR')?.value)?.value === true)
        gate(ctx, 'DSR', getPair(p.node, 'IsDSR')!.key, 'Direct Server Return (`IsDSR`)');
    }
    walkFields(model, (use) => gatedValue(ctx, use));
  },
};

import { asScalar, type Node } from '../../documents/tree';
import { hnsModel } from '../../hns/model';
import { walkFields } from '../../hns/walk';
import { HNS_ENUMS, HNS_FLAGS } from '../../knowledge/hns-enums';
import type { SchemaVersion } from '../../knowledge/hns-model';
import { schemaAvailability, schemaVersionNumber, SCHEMA_VERSION_OF } from '../../knowledge/hns-versions';
import { versionName } from '../../knowledge/versions';
import type { Rule, RuleContext } from '../types';

/** Policy types are versioned through their policy, not as enum values. */
const POLICY_TYPE_ENUMS = new Set(['V1PolicyType', 'NetworkPolicyType', 'EndpointPolicyType', 'SubnetPolicyType']);
import { integerValue, spanOf } from './helpers';

/** One finding per element: the Windows version lacking it first, then a document declaring an older schema. */
function check(ctx: RuleContext, since: SchemaVersion, node: Node, what: string, declared: { major: number; minor: number } | undefined): boolean {
  const where = versionName(ctx.windowsVersion);
  const availability = schemaAvailability(since, ctx.windowsVersion);
  const basis = SCHEMA_VERSION_OF[ctx.windowsVersion].basis;
  if (availability === 'no') {
    ctx.report({ span: spanOf(node), message: `${what} is new in HCN schema ${since}; ${where} has an older schema (${basis}).` });
    return true;
  }
  if (declared && schemaVersionNumber(since) > schemaVersionNumber(`2.${declared.minor}`) && declared.major === 2) {
    ctx.report({
      span: spanOf(node),
      severity: 'information',
      message: `${what} is new in HCN schema ${since}, above the document's \`SchemaVersion\` ${declared.major}.${declared.minor}. HNS does not appear to enforce it (hcsshim sends 2.0 with every request), but a matching SchemaVersion says what the file needs.`,
    });
    return true;
  }
  if (availability === 'partial') {
    ctx.report({
      span: spanOf(node),
      severity: 'information',
      message: `${what} is new in HCN schema ${since}; whether ${where} has it depends on its updates (${basis}).`,
    });
    return true;
  }
  return false;
}

/** HNS-SCHEMA "NewInVersion" per field and its schema-version map. */
export const hnsSchemaVersionRule: Rule = {
  meta: {
    id: 'hns-schema-version',
    title: 'HCN field or value newer than the schema version in use',
    defaultSeverity: 'warning',
    kinds: ['hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description:
      'The HCN schema grew over Windows releases: HNS-SCHEMA marks each field, policy type, enum value and flag with the schema version it was new in (e.g. IpSubnets 2.3, VLAN endpoint policies and InterfaceParameters 2.4, L4WFPPROXY 2.5, TierAcl 2.10, L4WFPPROXY ports 2.11, proxy exceptions 2.14), and maps 2.0 to Windows Server 2019, 2.11 to Windows Server 2022 and 2.14 to the Windows 11 era. winnet reports what is newer than the schema of `winnet.windowsVersion`, or newer than the `SchemaVersion` the document itself declares.',
    remedy: "Target a newer Windows version, raise the document's `SchemaVersion`, or leave the newer field out.",
    caveat:
      'The map has three rows (and the 2.14 row is garbled in the source), so versions between them are inferred; features that hcsshim gates by HNS version are left to hns-version-gate. A document declaring an older `SchemaVersion` than its fields need is only information: hcsshim sends `{"Major": 2, "Minor": 0}` with every request, newer policies included, so HNS does not appear to enforce it.',
    examples: {
      bad: '{ "SchemaVersion": { "Major": 2, "Minor": 0 }, "HostComputeNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Policies": [{ "Type": "InterfaceParameters", "Settings": { "Mtu": 1450 } }] }',
    },
    sources: ['HNS-SCHEMA', 'HCSSHIM'],
  },
  check(ctx) {
    if (!SCHEMA_VERSION_OF[ctx.windowsVersion].max && !SCHEMA_VERSION_OF[ctx.windowsVersion].knownMax) return; // no HCN v2 at all: hns-version-gate
    const model = hnsModel(ctx.doc);
    // Each object of an array document declares its own SchemaVersion.
    const declaredAt = (pointer: string) =>
      model.objects.find((o) => o.pointer === '' || pointer === o.pointer || pointer.startsWith(`${o.pointer}/`))?.schemaVersion;
    // A field inside a newer field (IpSubnets[].Flags inside IpSubnets) is covered by the outer finding.
    const reported: string[] = [];
    const covered = (pointer: string) => reported.some((r) => pointer.startsWith(`${r}/`));
    for (const p of model.policies) {
      if (p.schema === 'v2' && p.spec?.since && !p.spec.gate && p.typePair)
        check(ctx, p.spec.since, p.typePair.value, `\`${p.spec.type}\``, declaredAt(p.pointer));
    }
    walkFields(model, (use) => {
      if (use.schema !== 'v2') return;
      if (covered(use.pointer)) return;
      if (
        use.field.since &&
        use.type === use.field.type &&
        !use.policy?.spec?.gate &&
        check(ctx, use.field.since, use.pair.key, `\`${use.name}\``, declaredAt(use.pointer))
      )
        reported.push(use.pointer);
      if (use.type.kind === 'enum' && !POLICY_TYPE_ENUMS.has(use.type.enum)) {
        const s = asScalar(use.node);
        const lower = typeof s?.value === 'string' ? s.value.toLowerCase() : undefined;
        const value = HNS_ENUMS[use.type.enum].values.find((v) => v.name.toLowerCase() === lower);
        if (value?.since && !value.gate) check(ctx, value.since, use.node, `\`${value.name}\``, declaredAt(use.pointer));
      }
      if (use.type.kind === 'flags') {
        const n = integerValue(use.node);
        if (n === undefined) return;
        for (const bit of HNS_FLAGS[use.type.flags].bits) {
          if (bit.since && !bit.gate && bit.value && (n & bit.value) === bit.value)
            check(ctx, bit.since, use.node, `${use.type.flags} ${bit.name} (${bit.value})`, declaredAt(use.pointer));
        }
      }
    });
  },
};

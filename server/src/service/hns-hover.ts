/**
 * Hovers in HNS v1 / HCN v2 documents and in the HNS policies of CNI configs, from the schemas: a key shows its
 * description, type and allowed values; a value shows what it means (an enum value, the bits of a flag mask); a
 * network `Type` or a policy `Type` shows the capability facts for the target Windows version. No LSP types.
 */
import type { ParsedDocument } from '../documents/document';
import type { Span } from '../documents/text';
import { asScalar, type Node } from '../documents/tree';
import { canonicalEnumName, HNS_ENUMS } from '../knowledge/hns-enums';
import { v1Policy } from '../knowledge/hns-v1-objects';
import { v2Policy } from '../knowledge/hns-v2-policies';
import { DEFAULT_WINDOWS_VERSION, type WindowsVersion } from '../knowledge/versions';
import { enumOf, enumValuesMarkdown, flagBitsMarkdown, flagsOf, networkTypeFacts, policyFacts, typeSummary } from './hns-describe';
import { schemaStart } from './hns-editing-context';
import { keyPath, nodePath } from '../documents/node-path';
import { cniPluginNetworkType } from '../hns/model-cni';
import { first, schemasAt, type Schema } from './hns-schema-nav';

export interface HnsHover {
  markdown: string;
  span: Span;
}

export interface HnsEditingOptions {
  windowsVersion?: WindowsVersion;
}

const POLICY_LOCATION: Record<string, 'network' | 'endpoint' | 'subnet'> = { NetworkPolicy: 'network', EndpointPolicy: 'endpoint', SubnetPolicy: 'subnet' };

export function hnsHover(doc: ParsedDocument, offset: number, options: HnsEditingOptions = {}): HnsHover | undefined {
  try {
    return hover(doc, offset, options.windowsVersion ?? DEFAULT_WINDOWS_VERSION);
  } catch {
    return undefined; // a hover is never worth an error
  }
}

/** What is under the offset: the keys down to it, the innermost node, the pair of the last key, whether on a key. */
function pathAt(root: Node | undefined, offset: number) {
  const located = nodePath(root, offset);
  const last = located.steps[located.steps.length - 1];
  return { path: keyPath(located), node: last ? last.node : root, pair: last?.pair, onKey: located.onKey };
}

function hover(doc: ParsedDocument, offset: number, version: WindowsVersion): HnsHover | undefined {
  const at = pathAt(doc.root, offset);
  if (!at.path.length) return undefined;
  const plugin = doc.kind === 'cni' ? cniPluginHover(at, version) : undefined;
  if (plugin) return plugin;
  const start = schemaStart(doc, at.path);
  if (!start) return undefined;
  const schemas = schemasAt(start.start, start.root, start.node, start.rest);
  if (!schemas.length) return undefined;
  const key = at.path[at.path.length - 1];
  const span: Span =
    at.onKey && at.pair
      ? { start: at.pair.key.start, end: at.pair.key.end }
      : at.node
        ? { start: at.node.start, end: at.node.end }
        : { start: offset, end: offset };
  const sections: string[] = [];

  // A policy Type: the policy's facts. A network Type: the network type's facts.
  const owner = ownerKind(start.kind, start.rest);
  if (key === 'Type' && !at.onKey && owner) {
    const value = asScalar(at.node)?.value;
    if (typeof value === 'string') {
      const spec = owner === 'v1' ? v1Policy(value) : v2Policy(owner, value);
      if (spec) return { span, markdown: `**\`${spec.type}\` policy**\n\n${policyFacts(spec, version)}` };
    }
  }
  if (key === 'Type' && !at.onKey && (start.kind === 'Network' || start.kind === 'HostComputeNetwork') && start.rest.length === 1) {
    const value = asScalar(at.node)?.value;
    const facts = typeof value === 'string' || typeof value === 'number' ? networkTypeFacts(value, version) : undefined;
    if (facts) return { span, markdown: facts };
  }

  const description = first(schemas, 'description');
  sections.push(`**\`${String(key)}\`**${typeof key === 'number' ? '' : ` — ${typeSummary(schemas)}`}`);
  if (description) sections.push(description);
  const enumId = enumOf(schemas);
  const flagsId = flagsOf(schemas);
  if (enumId && !at.onKey) {
    const value = asScalar(at.node)?.value;
    const name = typeof value === 'string' ? canonicalEnumName(enumId, value) : HNS_ENUMS[enumId].values.find((v) => v.value === value)?.name;
    const entry = HNS_ENUMS[enumId].values.find((v) => v.name === name);
    if (entry) sections.push(`\`${entry.name}\`${entry.value !== undefined ? ` = ${entry.value}` : ''}${entry.description ? `: ${entry.description}` : ''}`);
  } else if (enumId) {
    sections.push(`Allowed values:\n${enumValuesMarkdown(enumId)}`);
  }
  if (flagsId) {
    const value = asScalar(at.node)?.value;
    sections.push(`Bits:\n${flagBitsMarkdown(flagsId, !at.onKey && typeof value === 'number' ? value : undefined)}`);
  }
  if (readOnly(schemas) && !description?.includes('read-only')) sections.push('_Read-only: HNS reports it and ignores it on input._');
  return { span, markdown: sections.join('\n\n') };
}

/** A CNI plugin `type` (sdnbridge, win-overlay, nat, ...): the HNS network it makes, with that type's facts. */
function cniPluginHover(at: ReturnType<typeof pathAt>, version: WindowsVersion): HnsHover | undefined {
  const last = at.path[at.path.length - 1];
  if (at.onKey || typeof last !== 'string' || last.toLowerCase() !== 'type' || !at.node) return undefined;
  const value = asScalar(at.node)?.value;
  const network = typeof value === 'string' ? cniPluginNetworkType(value) : undefined;
  const facts = network ? networkTypeFacts(network, version) : undefined;
  if (!facts) return undefined;
  return {
    span: { start: at.node.start, end: at.node.end },
    markdown: `CNI plugin \`${String(value)}\` puts containers on an HNS network of this type.\n\n${facts}`,
  };
}

function readOnly(schemas: Schema[]): boolean {
  return schemas.some((s) => s.readOnly === true);
}

/** For a path inside a policy: which policy list it is (v1, or a v2 location), judged from the path's shape. */
function ownerKind(kind: string, rest: (string | number)[]): 'v1' | 'network' | 'endpoint' | 'subnet' | undefined {
  if (kind === 'V1Policy' && rest.length === 1) return 'v1';
  if (POLICY_LOCATION[kind] && rest.length === 1) return POLICY_LOCATION[kind];
  const n = rest.length;
  if (n < 3 || rest[n - 3] !== 'Policies' || typeof rest[n - 2] !== 'number') return undefined;
  if (kind === 'Network' || kind === 'Endpoint' || kind === 'PolicyList') return 'v1';
  if (kind === 'HostComputeEndpoint') return 'endpoint';
  if (kind === 'HostComputeNetwork') return rest.includes('Ipams') ? 'subnet' : 'network';
  return undefined;
}

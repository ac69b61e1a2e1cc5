import type { Node, ScalarNode } from '../../documents/tree';
import { hnsModel, type PolicyUse } from '../../hns/model';
import { isPlaceholder, isTemplatePath } from '../../hns/placeholder';
import type { Rule } from '../types';
import { spanOf } from './helpers';

interface Found {
  node: ScalarNode;
  /** The key the value is written under (for an array item, the array's key). */
  key?: string;
}

/** Every placeholder string value of the document, in text order, with the key it sits under. */
function placeholders(root: Node | undefined): Found[] {
  const found: Found[] = [];
  const visit = (node: Node | undefined, key: string | undefined, depth: number) => {
    if (!node || depth > 64) return;
    if (node.kind === 'scalar') {
      if (isPlaceholder(node.value)) found.push({ node, key });
    } else if (node.kind === 'map') {
      for (const pair of node.pairs) visit(pair.value, String(pair.key.value), depth + 1);
    } else if (node.kind === 'seq') {
      for (const item of node.items) visit(item, key, depth + 1);
    }
  };
  visit(root, undefined, 0);
  return found;
}

const within = (node: Node, outer: Node) => outer.start <= node.start && node.end <= outer.end;

/**
 * containerd/containerd#5729 (and projectcalico/calico#5189): Calico's config.ps1 defaults K8S_SERVICE_CIDR to
 * `<your service cidr>`; the rendered cni.conf carried it into an OutBoundNAT exception list and an SDNRoute, HNS
 * created the endpoint degraded (HNS trace: "Endpoint is in invalid state", 0x803b0017 HCN_E_DEGRADED_OPERATION),
 * and every container failed with "The requested operation for attach namespace failed".
 */
export const hnsPlaceholderRule: Rule = {
  meta: {
    id: 'hns-placeholder',
    title: 'Template placeholder left in a value',
    defaultSeverity: 'warning',
    kinds: ['hns-v1', 'hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description:
      'CNI configs and HNS documents are often written from templates: `__K8S_SERVICE_CIDR__`, `{{HOST_IP}}`, `<your service cidr>`, `${DNS_SERVER}`. Nothing expands them when the file is read: a placeholder left in place reaches the plugin and HNS as that text. In an endpoint policy HNS cannot apply it, and the endpoint can be left degraded: Calico\'s installer wrote `<your service cidr>` (the default of `K8S_SERVICE_CIDR` in config.ps1) into the OutBoundNAT exception list and an SDNRoute, and pods on the node then failed to start with "hcsshim::CreateComputeSystem ...: The requested operation for attach namespace failed" (HNS: "There was an operation attempted on a degraded object", HCN_E_DEGRADED_OPERATION). The other rules do not check placeholders as values; this rule names each one.',
    remedy:
      'Render the template (or set the variable the installer reads, e.g. `K8S_SERVICE_CIDR` for Calico) and use the rendered file, or write the value in place of the placeholder.',
    caveat:
      'Files that say they are templates (`cni.conf.template`, `*.tmpl`, `*.j2`, `*.in`, `template` in the name, or a `templates` folder) are left alone: they hold placeholders on purpose and are rendered before use. HNS does not refuse every placeholder (a network name is any text), so this is a warning, not an error.',
    examples: {
      bad: '{\n  "cniVersion": "0.3.1",\n  "name": "Calico",\n  "type": "calico",\n  "mode": "vxlan",\n  "policies": [\n    { "Name": "EndpointPolicy", "Value": { "Type": "OutBoundNAT", "ExceptionList": ["<your service cidr>"] } }\n  ]\n}',
      good: '{\n  "cniVersion": "0.3.1",\n  "name": "Calico",\n  "type": "calico",\n  "mode": "vxlan",\n  "policies": [\n    { "Name": "EndpointPolicy", "Value": { "Type": "OutBoundNAT", "ExceptionList": ["10.96.0.0/12"] } }\n  ]\n}',
      path: '10-calico.conf',
    },
    errors: [
      'The requested operation for attach namespace failed',
      'There was an operation attempted on a degraded object. (0x803b0017)',
      'Endpoint is in invalid state',
    ],
    sources: [
      'https://github.com/containerd/containerd/issues/5729',
      'https://github.com/projectcalico/calico/issues/5189',
      'https://github.com/projectcalico/calico/blob/master/node/windows-packaging/CalicoWindows/config.ps1',
      'HCN-HR',
    ],
  },
  check(ctx) {
    if (isTemplatePath(ctx.doc.path)) return;
    const found = placeholders(ctx.doc.root);
    if (!found.length) return;
    const model = hnsModel(ctx.doc);
    const cni = ctx.doc.kind === 'cni';
    for (const { node, key } of found) {
      const policy: PolicyUse | undefined = model.policies.find((p) => within(node, p.node));
      const toHns = !cni || policy !== undefined;
      const where = key ? ` in \`${key}\`` : '';
      const text = String(node.value);
      const shown = text.length > 60 ? `${text.slice(0, 57)}...` : text;
      const degraded =
        policy?.location === 'endpoint'
          ? ' HNS cannot apply an endpoint policy with it: the endpoint can be left degraded, and its container then fails to start.'
          : '';
      ctx.report({
        span: spanOf(node),
        message: `\`${shown}\`${where} is a template placeholder: used as it is, ${toHns ? 'HNS' : 'the CNI plugin'} gets this text, not a value.${degraded} Render the template, or write the value.`,
      });
    }
  },
};

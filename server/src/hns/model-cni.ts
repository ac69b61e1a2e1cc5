/**
 * Windows CNI configs (`.conf` / `.conflist`; plugins sdnbridge, sdnoverlay, nat, win-bridge, win-overlay,
 * azure-vnet, calico, flannel delegates) → the HNS parts: the network each plugin creates or joins, and the HNS
 * policies embedded as `{"name": "EndpointPolicy", "value": {...}}` (containernetworking plugins, Calico) or
 * `{"Name": ..., "Value": ...}` under `AdditionalArgs` (microsoft/windows-container-networking, Azure CNI).
 * The plugins read their config with Go's encoding/json, which matches keys case-insensitively, so CNI keys are
 * matched that way here; the embedded HNS objects keep HNS's exact keys.
 */
import { asMap, asScalar, items, pairs, type MapNode, type Node, type Pair } from '../documents/tree';
import { hnsNetworkType } from '../knowledge/hns-network-types';
import { v1Policy } from '../knowledge/hns-v1-objects';
import { v2Policy } from '../knowledge/hns-v2-policies';
import { childPointer } from '../documents/pointer';
import { isPlaceholder } from './placeholder';
import { familyOf, integerOf, policyUse } from './model-common';
import type { AddressUse, HnsModel, NetworkModel, PolicyUse, SubnetModel } from './model-types';

/** Plugin binary → the HNS network type it creates or joins (undefined: not known). */
const PLUGIN_NETWORK: Record<string, string> = {
  sdnbridge: 'l2bridge',
  'win-bridge': 'l2bridge',
  sdnoverlay: 'overlay',
  'win-overlay': 'overlay',
  nat: 'nat',
  l2tunnel: 'l2tunnel',
  // Azure CNI on Windows: `hnsL2bridge` (v1) and `hcn.L2Bridge` (v2) in network/network_windows.go; Transparent only
  // for a frontend NIC that CNS hands out, which the config does not say.
  'azure-vnet': 'l2bridge',
};

/**
 * Calico's network by its `mode`: cni-plugin/pkg/dataplane/windows/dataplane_windows.go creates an Overlay network
 * (SetupVxlanNetwork) for `"mode": "vxlan"` and an L2Bridge network (SetupL2bridgeNetwork) for anything else; the
 * installer (calico.psm1 Install-CNIPlugin) writes `vxlan` or an empty string. A placeholder mode is not known yet.
 */
function calicoNetworkType(plugin: MapNode): string | undefined {
  const mode = ciText(plugin, 'mode') ?? '';
  if (isPlaceholder(mode)) return undefined;
  return mode.toLowerCase() === 'vxlan' ? 'overlay' : 'l2bridge';
}
/** The HNS network type a CNI plugin binary creates or joins (`sdnbridge` → l2bridge), if known. */
export function cniPluginNetworkType(plugin: string): string | undefined {
  return PLUGIN_NETWORK[plugin.toLowerCase()];
}

/** Plugins built on the hcn (v2) package: their policies must carry `Settings`. */
const V2_PLUGINS = new Set(['sdnbridge', 'sdnoverlay', 'nat', 'l2tunnel']);

/**
 * Plugins that read every policy flat, `{"Type": ..., <fields>}`, and build the v2 form themselves. Calico
 * (cni-plugin/internal/pkg/utils/winpol/windows_policy.go CalculateEndpointPolicies) sends the flat policy to HNS v1
 * and, for HCN, moves the fields under `Settings` (renaming OutBoundNAT `ExceptionList` to `Exceptions`); its
 * installer writes `ROUTE` for Docker (v1) and `SDNROUTE` for containerd (v2) in the same flat shape.
 */
const FLAT_PLUGINS = new Set(['calico']);

function ciPair(node: Node | undefined, key: string): Pair | undefined {
  const lower = key.toLowerCase();
  const all = pairs(node);
  for (let i = all.length - 1; i >= 0; i--) if (String(all[i].key.value).toLowerCase() === lower) return all[i];
  return undefined;
}

const ciText = (node: Node | undefined, key: string) => {
  const s = asScalar(ciPair(node, key)?.value);
  return s && s.value !== null ? String(s.value) : undefined;
};

interface Plugin {
  node: MapNode;
  pointer: string;
}

/** The plugin configs of a document: the root, each `plugins[i]`, and their `delegate`s. */
function pluginsOf(root: Node | undefined): Plugin[] {
  const result: Plugin[] = [];
  const visit = (node: Node | undefined, pointer: string, depth: number) => {
    const map = asMap(node);
    if (!map || depth > 4) return;
    if (ciPair(map, 'type')) result.push({ node: map, pointer });
    const list = ciPair(map, 'plugins');
    if (list) {
      for (const [i, p] of items(list.value).entries()) visit(p, childPointer(childPointer(pointer, String(list.key.value)), i), depth + 1);
    }
    const delegate = ciPair(map, 'delegate');
    if (delegate) visit(delegate.value, childPointer(pointer, String(delegate.key.value)), depth + 1);
  };
  visit(root, '', 0);
  return result;
}

export function buildCniModel(root: Node | undefined): HnsModel {
  const model: HnsModel = { schema: 'cni', objects: [], networks: [], endpoints: [], loadBalancers: [], policies: [] };
  for (const plugin of pluginsOf(root)) {
    const typePair = ciPair(plugin.node, 'type')!;
    const pluginType = ciText(plugin.node, 'type')?.toLowerCase() ?? '';
    const apiVersion = integerOf(ciPair(plugin.node, 'apiVersion')?.value);
    const expects: 'v1' | 'v2' | undefined = FLAT_PLUGINS.has(pluginType)
      ? 'v1'
      : V2_PLUGINS.has(pluginType) || apiVersion === 2
        ? 'v2'
        : /^win-(bridge|overlay)$/.test(pluginType)
          ? 'v1'
          : undefined;
    const policies = embeddedPolicies(plugin, pluginType, expects);
    model.policies.push(...policies);
    const networkType = pluginType === 'calico' ? calicoNetworkType(plugin.node) : PLUGIN_NETWORK[pluginType];
    if (!networkType) continue;
    const network: NetworkModel = {
      anchor: typePair.key,
      name: ciText(plugin.node, 'name'),
      typeValue: networkType,
      type: hnsNetworkType(networkType),
      adapter: ciPair(plugin.node, 'master')?.value,
      subnets: cniSubnets(plugin),
      policies: policies.filter((p) => p.location === 'network'),
      source: 'cni',
    };
    model.networks.push(network);
  }
  return model;
}

function embeddedPolicies(plugin: Plugin, pluginType: string, expects: 'v1' | 'v2' | undefined): PolicyUse[] {
  const result: PolicyUse[] = [];
  for (const pair of pairs(plugin.node)) {
    if (!/^(policies|additionalargs)$/i.test(String(pair.key.value))) continue;
    const listPointer = childPointer(plugin.pointer, String(pair.key.value));
    items(pair.value).forEach((entry, i) => {
      const entryMap = asMap(entry);
      const valuePair = ciPair(entryMap, 'value');
      const value = asMap(valuePair?.value);
      if (!entryMap || !value || !valuePair) return;
      const name = ciText(entryMap, 'name');
      // windows-container-networking takes any entry whose name contains "Policy"; network vs endpoint by name.
      const location = /networkpolicy/i.test(name ?? '') ? 'network' : 'endpoint';
      if (name !== undefined && !/policy/i.test(name)) return;
      const shape = pairs(value).some((p) => p.key.value === 'Settings') ? 'v2' : 'v1';
      const pointer = childPointer(childPointer(listPointer, i), String(valuePair.key.value));
      const cni = { entry: entryMap, name, shape, expects, plugin: pluginType } as const;
      const type = asScalar(ciPair(value, 'type')?.value)?.value;
      if (shape === 'v1' && FLAT_PLUGINS.has(pluginType) && typeof type === 'string' && !v1Policy(type) && v2Policy(location, type)) {
        // A v2 policy type written flat (Calico's `SDNROUTE`): its fields are the v2 settings, beside `Type`.
        result.push({ ...policyUse(value, pointer, location, 'v2'), settings: value, settingsPointer: pointer, cni: { ...cni, flat: true } });
        return;
      }
      result.push({ ...policyUse(value, pointer, location, shape), cni });
    });
  }
  return result;
}

/** ipam.subnet, ipam.ranges[][].subnet (host-local), and the historical ipamv6.subnet. */
function cniSubnets(plugin: Plugin): SubnetModel[] {
  const result: SubnetModel[] = [];
  for (const key of ['ipam', 'ipamv6']) {
    const ipamPair = ciPair(plugin.node, key);
    const ipam = asMap(ipamPair?.value);
    if (!ipam || !ipamPair) continue;
    const ipamPointer = childPointer(plugin.pointer, String(ipamPair.key.value));
    const add = (owner: MapNode, pointer: string) => {
      const subnetPair = ciPair(owner, 'subnet');
      const s = asScalar(subnetPair?.value);
      if (!s || typeof s.value !== 'string') return;
      const prefix: AddressUse = { node: s, value: s.value, family: familyOf(s.value) };
      result.push({ node: owner, pointer, prefix, policies: [] });
    };
    add(ipam, ipamPointer);
    const ranges = ciPair(ipam, 'ranges');
    if (ranges) {
      for (const [i, set] of items(ranges.value).entries()) {
        for (const [j, range] of items(set).entries()) {
          const r = asMap(range);
          if (r) add(r, childPointer(childPointer(childPointer(ipamPointer, String(ranges.key.value)), i), j));
        }
      }
    }
  }
  return result;
}

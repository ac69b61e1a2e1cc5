/** HCN v2 documents → model: networks (Ipams → subnets, policies), endpoints, namespaces, load balancers, routes, bare policies. */
import { asMap, asScalar, getPair, items, pairs, scalarText, type Node } from '../documents/tree';
import { hnsNetworkType } from '../knowledge/hns-network-types';
import { childPointer } from '../documents/pointer';
import { classifyV2 } from './classify';
import { addressAt, integerOf, policiesIn, policyUse, stringAt } from './model-common';
import type { EndpointModel, HnsModel, HnsObject, NetworkModel, SubnetModel } from './model-types';
import { rootObjects } from './model-v1';

export function buildV2Model(root: Node | undefined): HnsModel {
  const model: HnsModel = { schema: 'v2', objects: [], networks: [], endpoints: [], loadBalancers: [], policies: [] };
  for (const { node, pointer } of rootObjects(root)) {
    if (!node) continue;
    const object: HnsObject = { kind: classifyV2(node), schema: 'v2', node, pointer, schemaVersion: schemaVersionOf(node) };
    model.objects.push(object);
    switch (object.kind) {
      case 'HostComputeNetwork':
        model.networks.push(v2Network(object, model));
        break;
      case 'HostComputeEndpoint':
        model.endpoints.push(v2Endpoint(object, model));
        break;
      case 'HostComputeLoadBalancer':
        model.loadBalancers.push({
          object,
          networkId: stringAt(node, 'HostComputeNetwork'),
          endpointIds: items(getPair(node, 'HostComputeEndpoints')?.value)
            .map((n) => scalarText(n) ?? '')
            .filter(Boolean),
          anchor: node,
        });
        break;
      case 'NetworkPolicy':
        model.policies.push(policyUse(node, pointer, 'network', 'v2'));
        break;
      case 'EndpointPolicy':
        model.policies.push(policyUse(node, pointer, 'endpoint', 'v2'));
        break;
      default:
        break;
    }
  }
  return model;
}

function schemaVersionOf(node: Node): HnsObject['schemaVersion'] {
  const pair = getPair(node, 'SchemaVersion');
  const major = integerOf(getPair(pair?.value, 'Major')?.value);
  const minor = integerOf(getPair(pair?.value, 'Minor')?.value);
  return pair && major !== undefined ? { major, minor: minor ?? 0, node: pair.value } : undefined;
}

function v2Network(object: HnsObject, model: HnsModel): NetworkModel {
  const { node, pointer } = object;
  const typePair = getPair(node, 'Type');
  const typeScalar = asScalar(typePair?.value);
  const typeValue = typeof typeScalar?.value === 'string' || typeof typeScalar?.value === 'number' ? typeScalar.value : undefined;
  const subnets: SubnetModel[] = [];
  items(getPair(node, 'Ipams')?.value).forEach((ipam, i) => {
    const ipamPointer = childPointer(childPointer(pointer, 'Ipams'), i);
    items(getPair(ipam, 'Subnets')?.value).forEach((item, j) => {
      const subnet = asMap(item);
      if (!subnet) return;
      const subnetPointer = childPointer(childPointer(ipamPointer, 'Subnets'), j);
      const defaultRoute = items(getPair(subnet, 'Routes')?.value).find((r) =>
        /^(0\.0\.0\.0\/0|::\/0)$/.test(scalarText(getPair(r, 'DestinationPrefix')?.value) ?? ''),
      );
      subnets.push({
        node: subnet,
        pointer: subnetPointer,
        prefix: addressAt(subnet, 'IpAddressPrefix'),
        gateway: addressAt(defaultRoute, 'NextHop'),
        policies: policiesIn(subnet, subnetPointer, 'Policies', 'subnet', 'v2'),
      });
    });
  });
  const policies = policiesIn(node, pointer, 'Policies', 'network', 'v2');
  model.policies.push(...policies, ...subnets.flatMap((s) => s.policies));
  const adapterPolicy = policies.find((p) => /^(netadaptername|interfaceconstraint)$/i.test(p.type ?? ''));
  return {
    object,
    anchor: typePair?.key ?? node,
    id: stringAt(node, 'ID'),
    name: stringAt(node, 'Name'),
    typeValue,
    typePair,
    // No source says what HNS makes of a network without `Type` (hcsshim sends it as an omitempty string), so an
    // absent Type is unknown: no rule judges the network by its type.
    type: typeValue === undefined ? undefined : hnsNetworkType(typeValue),
    adapter: adapterPolicy ? (pairs(adapterPolicy.settings).length ? adapterPolicy.node : undefined) : undefined,
    subnets,
    policies,
    ipv6Flag: getPair(node, 'IPv6'),
    source: 'v2',
  };
}

function v2Endpoint(object: HnsObject, model: HnsModel): EndpointModel {
  const { node, pointer } = object;
  const policies = policiesIn(node, pointer, 'Policies', 'endpoint', 'v2');
  model.policies.push(...policies);
  const flags = getPair(node, 'Flags');
  const flagValue = integerOf(flags?.value);
  return {
    object,
    anchor: node,
    id: stringAt(node, 'ID'),
    networkId: stringAt(node, 'HostComputeNetwork'),
    addresses: items(getPair(node, 'IpConfigurations')?.value)
      .map((c) => addressAt(c, 'IpAddress'))
      .filter((a) => a !== undefined),
    // EndpointFlags.RemoteEndpoint = 1 (or the flag name, as HNS-SCHEMA writes it).
    remote: (flagValue !== undefined && (flagValue & 1) === 1) || /^remoteendpoint$/i.test(scalarText(flags?.value) ?? '') ? flags!.key : undefined,
    policies,
  };
}

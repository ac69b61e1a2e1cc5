/** HNS v1 documents → model: networks (subnets, network and subnet policies), endpoints, policy lists, bare policies. */
import { asMap, asScalar, getPair, items, scalarText, type Node } from '../documents/tree';
import { hnsNetworkType } from '../knowledge/hns-network-types';
import { childPointer } from '../documents/pointer';
import { classifyV1 } from './classify';
import { addressAt, policiesIn, policyUse, stringAt } from './model-common';
import type { EndpointModel, HnsModel, HnsObject, LoadBalancerModel, NetworkModel, SubnetModel } from './model-types';

/** The objects of a document: the root object, or each object of a root array. */
export function rootObjects(root: Node | undefined): { node: ReturnType<typeof asMap>; pointer: string }[] {
  const map = asMap(root);
  if (map) return [{ node: map, pointer: '' }];
  return items(root).map((item, i) => ({ node: asMap(item), pointer: `/${i}` }));
}

export function buildV1Model(root: Node | undefined): HnsModel {
  const model: HnsModel = { schema: 'v1', objects: [], networks: [], endpoints: [], loadBalancers: [], policies: [] };
  for (const { node, pointer } of rootObjects(root)) {
    if (!node) continue;
    const object: HnsObject = { kind: classifyV1(node), schema: 'v1', node, pointer };
    model.objects.push(object);
    if (object.kind === 'Network') model.networks.push(v1Network(object, model));
    else if (object.kind === 'Endpoint') model.endpoints.push(v1Endpoint(object, model));
    else if (object.kind === 'PolicyList') {
      const policies = policiesIn(node, pointer, 'Policies', 'policylist', 'v1');
      model.policies.push(...policies);
      // A policy list with an ELB policy is v1's load balancer (Get-HnsPolicyList; kube-proxy's hnsV1 loadbalancers).
      if (policies.some((p) => p.type?.toLowerCase() === 'elb')) model.loadBalancers.push(v1LoadBalancer(object));
    } else model.policies.push(policyUse(node, pointer, 'endpoint', 'v1'));
  }
  return model;
}

function v1Network(object: HnsObject, model: HnsModel): NetworkModel {
  const { node, pointer } = object;
  const typePair = getPair(node, 'Type');
  const typeScalar = asScalar(typePair?.value);
  const typeValue = typeof typeScalar?.value === 'string' || typeof typeScalar?.value === 'number' ? typeScalar.value : undefined;
  const subnets: SubnetModel[] = items(getPair(node, 'Subnets')?.value).flatMap((item, i) => {
    const subnet = asMap(item);
    if (!subnet) return [];
    const subnetPointer = childPointer(childPointer(pointer, 'Subnets'), i);
    return [
      {
        node: subnet,
        pointer: subnetPointer,
        prefix: addressAt(subnet, 'AddressPrefix'),
        gateway: addressAt(subnet, 'GatewayAddress'),
        policies: policiesIn(subnet, subnetPointer, 'Policies', 'subnet', 'v1'),
      },
    ];
  });
  const policies = policiesIn(node, pointer, 'Policies', 'network', 'v1');
  model.policies.push(...policies, ...subnets.flatMap((s) => s.policies));
  return {
    object,
    anchor: typePair?.key ?? node,
    id: stringAt(node, 'ID'),
    name: stringAt(node, 'Name'),
    typeValue,
    typePair,
    type: typeValue === undefined ? undefined : hnsNetworkType(typeValue),
    adapter: getPair(node, 'NetworkAdapterName')?.value,
    subnets,
    policies,
    ipv6Flag: getPair(node, 'IPv6'),
    source: 'v1',
  };
}

/** `References` hold `/endpoints/<GUID>` paths; HNS output names the network as `HostComputeNetwork`. */
function v1LoadBalancer(object: HnsObject): LoadBalancerModel {
  const { node } = object;
  return {
    object,
    networkId: stringAt(node, 'HostComputeNetwork'),
    endpointIds: items(getPair(node, 'References')?.value)
      .map((n) => (scalarText(n) ?? '').replace(/^\/?endpoints\//i, ''))
      .filter(Boolean),
    anchor: node,
  };
}

function v1Endpoint(object: HnsObject, model: HnsModel): EndpointModel {
  const { node, pointer } = object;
  const policies = policiesIn(node, pointer, 'Policies', 'endpoint', 'v1');
  model.policies.push(...policies);
  const remote = getPair(node, 'IsRemoteEndpoint');
  return {
    object,
    anchor: node,
    id: stringAt(node, 'ID'),
    networkId: stringAt(node, 'VirtualNetwork'),
    networkTypeValue: scalarText(getPair(node, 'Type')?.value),
    addresses: [addressAt(node, 'IPAddress'), addressAt(node, 'IPv6Address')].filter((a) => a !== undefined),
    remote: asScalar(remote?.value)?.value === true ? remote!.key : undefined,
    policies,
  };
}

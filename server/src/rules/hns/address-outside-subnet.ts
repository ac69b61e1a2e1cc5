import { hnsModel, type SubnetModel } from '../../hns/model';
import { cidrContains } from '../../knowledge/addresses';
import type { Rule } from '../types';
import { networkById, spanOf } from './helpers';

/** Subnets HNS fills itself (Docker sends 0.0.0.0/0 to let HNS choose) say nothing about addresses. */
const chosenByHns = (s: SubnetModel) => /^(0\.0\.0\.0\/0|::\/0)$/.test(s.prefix?.value.trim() ?? '');

/** HCN_E_INVALID_IP, HCN_E_SUBNET_NOT_FOUND ("The network does not have a subnet for this endpoint"). */
export const hnsAddressOutsideSubnetRule: Rule = {
  meta: {
    id: 'hns-address-outside-subnet',
    title: 'Endpoint address or gateway outside its subnet',
    defaultSeverity: 'error',
    kinds: ['hns-v1', 'hcn-v2', 'cni'],
    target: 'any',
    fixable: false,
    description:
      'An endpoint address must fall inside a subnet of its network of the same IP family: HNS refuses it otherwise (HCN_E_INVALID_IP, HCN_E_SUBNET_NOT_FOUND; "The network does not have a subnet for this endpoint"). winnet checks this when the document holds the endpoint and its network. A subnet gateway (v1 `GatewayAddress`, v2 default-route `NextHop`, CNI `gateway`) outside its subnet cannot be reached on the link.',
    remedy: 'Pick an address inside one of the network subnets (or add the subnet); put the gateway inside its subnet.',
    caveat: 'HNS is not documented to refuse a gateway outside its subnet, so that part is a warning.',
    examples: {
      bad: '[{ "ID": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Type": "Transparent", "Subnets": [{ "AddressPrefix": "10.0.0.0/24", "GatewayAddress": "10.0.1.1" }] }, { "VirtualNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "IPAddress": "10.0.5.5" }]',
      good: '[{ "ID": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "Type": "Transparent", "Subnets": [{ "AddressPrefix": "10.0.0.0/24", "GatewayAddress": "10.0.0.1" }] }, { "VirtualNetwork": "7B2D3C4E-6666-4F70-8B9C-1D2E3F4A5B6C", "IPAddress": "10.0.0.5" }]',
    },
    errors: ['The network does not have a subnet for this endpoint (0x803b0005)'],
    sources: ['HCN-HR', 'https://github.com/microsoft/Windows-Containers/issues/82', 'HCSSHIM'],
  },
  check(ctx) {
    const model = hnsModel(ctx.doc);
    for (const network of model.networks) {
      for (const subnet of network.subnets) {
        if (!subnet.prefix || !subnet.gateway || chosenByHns(subnet)) continue;
        if (cidrContains(subnet.prefix.value, subnet.gateway.value) === false) {
          ctx.report({
            span: spanOf(subnet.gateway.node),
            severity: 'warning',
            message: `Gateway ${subnet.gateway.value} is outside its subnet ${subnet.prefix.value}: it cannot be reached on the link.`,
            related: [{ span: spanOf(subnet.prefix.node), message: 'the subnet' }],
          });
        }
      }
    }
    for (const endpoint of model.endpoints) {
      // A remote endpoint's address is in a subnet on another host (RemoteSubnetRoute), not in the local one.
      if (endpoint.remote) continue;
      const network = networkById(model, endpoint.networkId);
      if (!network?.subnets.length || network.subnets.some(chosenByHns)) continue;
      for (const address of endpoint.addresses) {
        if (!address.family) continue;
        const sameFamily = network.subnets.filter((s) => s.prefix?.family === address.family);
        if (sameFamily.some((s) => cidrContains(s.prefix!.value, address.value) !== false)) continue;
        const subnets = sameFamily.map((s) => s.prefix!.value).join(', ');
        ctx.report({
          span: spanOf(address.node),
          message: sameFamily.length
            ? `${address.value} is outside the network's IPv${address.family} subnet${sameFamily.length > 1 ? 's' : ''} (${subnets}): HNS refuses the endpoint (HCN_E_INVALID_IP).`
            : `The network has no IPv${address.family} subnet for ${address.value}: HNS refuses the endpoint (HCN_E_SUBNET_NOT_FOUND).`,
          related: [{ span: spanOf(network.typePair?.value ?? network.anchor), message: 'the network' }],
        });
      }
    }
  },
};

import { hnsModel } from '../../hns/model';
import type { Rule } from '../types';
import { spanOf } from './helpers';

/** Transparent, L2Bridge and L2Tunnel networks bind to an external adapter (HNS-SCHEMA, Microsoft network drivers page). */
export const hnsAdapterNameRule: Rule = {
  meta: {
    id: 'hns-adapter-name',
    title: 'External network without a host adapter',
    defaultSeverity: 'warning',
    kinds: ['hns-v1', 'hcn-v2'],
    target: 'any',
    fixable: false,
    description:
      'Transparent, L2Bridge and L2Tunnel networks sit on an external vSwitch bound to a host adapter. Without one named (v1 `NetworkAdapterName`, v2 a `NetAdapterName` or `InterfaceConstraint` policy), HNS binds the first adapter that is not already bound: on a host with several adapters that is not necessarily the one you meant, and once every adapter carries an external network, creation fails. Each external network needs its own adapter.',
    remedy:
      'Name the adapter: `"NetworkAdapterName": "Ethernet 2"` (v1), or `{"Type": "NetAdapterName", "Settings": {"NetworkAdapterName": "Ethernet 2"}}` in the network `Policies` (v2).',
    caveat: 'HNS accepts the network without an adapter name (it picks one), so this is a warning.',
    examples: { bad: '{ "Name": "lan", "Type": "Transparent" }', good: '{ "Name": "lan", "Type": "Transparent", "NetworkAdapterName": "Ethernet 2" }' },
    errors: ['An adapter was not found. (0x803b0006)'],
    sources: ['MSD-ADV', 'https://github.com/MicrosoftDocs/Virtualization-Documentation/pull/595', 'HCSSHIM'],
  },
  check(ctx) {
    for (const network of hnsModel(ctx.doc).networks) {
      if (network.source === 'cni' || !network.type?.externalAdapter || network.adapter) continue;
      const field = network.source === 'v1' ? '`NetworkAdapterName`' : 'a `NetAdapterName` policy';
      ctx.report({
        span: spanOf(network.typePair?.value ?? network.anchor),
        message: `${network.type.name} networks bind an external vSwitch to a host adapter; without ${field} HNS binds the first unbound adapter, which may not be the one you mean. Name the adapter.`,
      });
    }
  },
};

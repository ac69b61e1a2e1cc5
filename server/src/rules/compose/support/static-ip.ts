/** Static IPv4 addresses and the subnets they must fall in: shared by the two static-ip rules. */
import { ipamConfigs, type NetworkModel } from '../../../compose/model';
import { asScalar, get, type ScalarNode } from '../../../documents/tree';
import { parseCidr } from '../../../knowledge/addresses';
import type { ComposeModel } from '../../../compose/model';
import { oncePer } from '../../../util/once-per';
import { isInterpolated } from '../../../compose/interpolation';
import { attachments, type AttachmentUse } from './helpers';

export interface StaticIp extends AttachmentUse {
  address: ScalarNode;
  /** IPv4 subnets configured on the network (`ipam.config[].subnet`). */
  subnets: { cidr: string; node: ScalarNode }[];
  /** True when a subnet is written with a variable: the network has a subnet, but which one is unknown. */
  subnetByVariable: boolean;
}

/** Computed once per model: both static-ip rules read it. */
export const staticIps = oncePer((model: ComposeModel): StaticIp[] => {
  const result: StaticIp[] = [];
  const subnetsOf = new Map<NetworkModel | undefined, Pick<StaticIp, 'subnets' | 'subnetByVariable'>>();
  for (const use of attachments(model)) {
    const address = asScalar(get(use.attachment.config, 'ipv4_address'));
    if (!address || typeof address.value !== 'string') continue;
    let subnets = subnetsOf.get(use.network);
    if (!subnets) subnetsOf.set(use.network, (subnets = ipv4Subnets(use.network)));
    result.push({ ...use, address, ...subnets });
  }
  return result;
});

function ipv4Subnets(network: NetworkModel | undefined): Pick<StaticIp, 'subnets' | 'subnetByVariable'> {
  const subnets: StaticIp['subnets'] = [];
  let subnetByVariable = false;
  for (const config of ipamConfigs(network)) {
    const node = asScalar(get(config, 'subnet'));
    if (!node || typeof node.value !== 'string') continue;
    if (isInterpolated(node.value)) subnetByVariable = true;
    else if (parseCidr(node.value)?.family === 4) subnets.push({ cidr: node.value, node });
  }
  return { subnets, subnetByVariable };
}

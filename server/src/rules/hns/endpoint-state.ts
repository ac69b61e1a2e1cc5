import { asScalar, getPair, scalarText } from '../../documents/tree';
import { hnsModel } from '../../hns/model';
import { HNS_ENUMS } from '../../knowledge/hns-enums';
import type { Rule } from '../types';
import { spanOf } from './helpers';

const NETWORK_HEALTH = 'https://github.com/microsoft/SDN/blob/master/Kubernetes/windows/debug/networkmonitor/networkhealth.ps1';
const FELIX = 'https://github.com/projectcalico/calico/blob/master/felix/dataplane/windows/endpoint_mgr.go';

/**
 * hcsshim internal/hns/hnsendpoint.go EndpointState: 2 Attached and 3 AttachedSharing are the states of a working
 * endpoint. 1 Created is not judged: the lifecycle runs created → attached → detached, so an endpoint that is never
 * attached to a container stays Created by design (kube-proxy's source-VIP endpoint on Overlay networks, an
 * endpoint a CNI plugin made for a container still starting), and a dump cannot tell those from a stale one.
 */
const NOT_JUDGED = new Set([1, 2, 3]);
const DEGRADED = 5;

/** `State` as a number: HNS writes the integer; a name (any case) is read through the V1EndpointState table. */
function stateOf(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isInteger(value)) return value;
  if (typeof value !== 'string') return undefined;
  const lower = value.trim().toLowerCase();
  return HNS_ENUMS.V1EndpointState.values.find((v) => v.name.toLowerCase() === lower)?.value;
}

function consequence(state: number): string {
  switch (state) {
    case 4:
      return 'Its container has left it: normal once a container stops, but an endpoint left behind still holds its IP address.';
    case 0:
      return 'HNS never finished creating it.';
    case 6:
      return 'HNS is deleting it.';
    default:
      return 'No container is attached to it.';
  }
}

/**
 * microsoft/SDN networkhealth.ps1 EndpointStateTest ("Endpoint state for the POD with IP address ... is in invalid
 * state", "Delete and recreate the POD") and Calico Felix (endpoint_mgr.go: an endpoint "is considered to be active
 * if its state is Attached or AttachedSharing", any other is "a stale endpoint with no container attached"), read
 * with hcsshim's EndpointState enum (internal/hns/hnsendpoint.go). HCN_E_DEGRADED_OPERATION (HCN-HR).
 */
export const hnsEndpointStateRule: Rule = {
  meta: {
    id: 'hns-endpoint-state',
    title: 'Endpoint detached or degraded',
    defaultSeverity: 'information',
    kinds: ['hns-v1'],
    target: 'any',
    fixable: false,
    description:
      '`Get-HnsEndpoint` reports each endpoint\'s `State` (hcsshim EndpointState: 0 Uninitialized, 1 Created, 2 Attached, 3 AttachedSharing, 4 Detached, 5 Degraded, 6 Destroyed). A container\'s endpoint in use is Attached, or AttachedSharing when the containers of a pod share it; one its container has left is Detached, and keeps its IP address until it is deleted. Microsoft\'s `networkhealth.ps1` reports any other state of a local endpoint ("Endpoint state for the POD with IP address ... is in invalid state", resolution "Delete and recreate the POD"), and Calico treats such endpoints as stale. A Degraded endpoint is one HNS could not fully configure: operations on it fail with HCN_E_DEGRADED_OPERATION, "There was an operation attempted on a degraded object", and a container attaching to it fails to start ("The requested operation for attach namespace failed"). winnet reads this in v1 dumps of local endpoints; remote endpoints are never attached to a container and are not judged.',
    remedy:
      'For a Degraded endpoint: find the value HNS could not apply (a placeholder or a bad prefix in its policies, or in the CNI config that created it), fix it, delete the endpoint (`Remove-HnsEndpoint`, `hnsdiag delete endpoints <id>`) and recreate the container or pod. A Detached endpoint whose container is gone can be deleted.',
    caveat:
      "A dump is one moment: an endpoint is Detached after its container stops, so that is information, not a fault. Created (1) is not reported at all, although `networkhealth.ps1` reports it: an endpoint never attached to a container stays Created by design (kube-proxy's source-VIP endpoint on Overlay networks, an endpoint made for a container still starting), and deleting one of those breaks the node. `networkhealth.ps1`, written for AKS pods, expects AttachedSharing (3) of every local endpoint; a standalone container's endpoint is Attached (2), so both are accepted. Degraded is a warning: the dump shows HNS kept the endpoint, not what the container saw.",
    examples: {
      bad: '[\n  { "ID": "2B3C4D5E-AAAA-4F60-9B0C-1D2E3F4A5B6C", "VirtualNetwork": "B1F2C3D4-1111-4A2B-8C3D-5E6F7A8B9C0D", "IPAddress": "10.244.1.20", "State": 5 }\n]',
      good: '[\n  { "ID": "2B3C4D5E-AAAA-4F60-9B0C-1D2E3F4A5B6C", "VirtualNetwork": "B1F2C3D4-1111-4A2B-8C3D-5E6F7A8B9C0D", "IPAddress": "10.244.1.20", "State": 3 },\n  { "ID": "3C4D5E6F-BBBB-4071-8C1D-2E3F4A5B6C7D", "VirtualNetwork": "B1F2C3D4-1111-4A2B-8C3D-5E6F7A8B9C0D", "IPAddress": "10.244.2.7", "IsRemoteEndpoint": true, "State": 1 }\n]',
    },
    errors: [
      'There was an operation attempted on a degraded object. (0x803b0017)',
      'The requested operation for attach namespace failed',
      'Endpoint state for the POD with IP address <ip> is in invalid state',
    ],
    sources: [
      'HNS-V1-CLIENT',
      NETWORK_HEALTH,
      FELIX,
      'HCN-HR',
      'https://github.com/microsoft/SDN/issues/417',
      'https://github.com/containerd/containerd/issues/5729',
    ],
  },
  check(ctx) {
    for (const endpoint of hnsModel(ctx.doc).endpoints) {
      if (endpoint.remote || endpoint.object.schema !== 'v1') continue;
      const node = endpoint.object.node;
      // `IsRemoteEndpoint: false` is written by HNS; only `true` makes a remote endpoint (model: endpoint.remote).
      const statePair = getPair(node, 'State');
      const scalar = asScalar(statePair?.value);
      const state = stateOf(scalar?.value);
      if (!scalar || state === undefined || NOT_JUDGED.has(state)) continue;
      const name = HNS_ENUMS.V1EndpointState.values.find((v) => v.value === state)?.name;
      if (!name) continue; // an integer outside the enum is hns-schema's finding
      const who = endpoint.addresses[0]?.value ?? scalarText(getPair(node, 'Name')?.value) ?? endpoint.id;
      const label = who ? `Endpoint ${who}` : 'This endpoint';
      if (state === DEGRADED) {
        ctx.report({
          span: spanOf(scalar),
          severity: 'warning',
          message: `${label} is Degraded (State 5): HNS could not apply its configuration, operations on it fail ("There was an operation attempted on a degraded object") and a container attaching to it does not start. Fix what HNS refused (often a policy value), then delete the endpoint and recreate the container or pod.`,
        });
      } else {
        ctx.report({
          span: spanOf(scalar),
          message: `${label} is ${name} (State ${state}), not Attached. ${consequence(state)} networkhealth.ps1 reports such an endpoint, and Calico ignores it as stale: delete it if its container is gone.`,
        });
      }
    }
  },
};

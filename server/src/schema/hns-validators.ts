/** The precompiled HNS validators, by the object kind (hns/classify.ts) they check. */
import type * as V1Validators from '../generated/hns-v1-validators';
import type * as V2Validators from '../generated/hcn-v2-validators';
import hcnV2Schema from '../../../schemas/hcn-v2.schema.json';
import hnsV1Schema from '../../../schemas/hns-v1.schema.json';
import type { ObjectKind } from '../hns/classify';
import type { ValidatorFn } from './validate';

export const HNS_V1_SCHEMA = hnsV1Schema as Record<string, unknown>;
export const HCN_V2_SCHEMA = hcnV2Schema as Record<string, unknown>;

// The generated validators (860 KB together) are loaded on first use, and esbuild.js keeps them out of the
// server and CLI bundles (dist/validators/): start-up compiles none of them, a compose-only session never does.
let byKind: Record<ObjectKind, ValidatorFn> | undefined;

function loadValidators(): Record<ObjectKind, ValidatorFn> {
  const v1 = require('../generated/hns-v1-validators') as typeof V1Validators;
  const v2 = require('../generated/hcn-v2-validators') as typeof V2Validators;
  return {
    Network: v1.Network,
    Endpoint: v1.Endpoint,
    PolicyList: v1.PolicyList,
    V1Policy: v1.V1Policy,
    HostComputeNetwork: v2.HostComputeNetwork,
    HostComputeEndpoint: v2.HostComputeEndpoint,
    HostComputeNamespace: v2.HostComputeNamespace,
    HostComputeLoadBalancer: v2.HostComputeLoadBalancer,
    HostComputeRoute: v2.HostComputeRoute,
    NetworkPolicy: v2.NetworkPolicy,
    EndpointPolicy: v2.EndpointPolicy,
  };
}

export function validatorFor(kind: ObjectKind): ValidatorFn {
  return (byKind ??= loadValidators())[kind];
}

export function schemaFor(schema: 'v1' | 'v2'): Record<string, unknown> {
  return schema === 'v1' ? HNS_V1_SCHEMA : HCN_V2_SCHEMA;
}

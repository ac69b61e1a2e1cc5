import { hnsModel } from '../../hns/model';
import type { Rule } from '../types';
import { spanOf } from './helpers';

/** v1 flat policies vs v2 Type/Settings; the win-bridge v1 and v2 samples and sdnbridge examples show both. */
export const hnsCniPolicyShapeRule: Rule = {
  meta: {
    id: 'hns-cni-policy-shape',
    title: 'CNI policy written in the other HNS schema',
    defaultSeverity: 'warning',
    kinds: ['cni'],
    target: 'any',
    fixable: false,
    description:
      'Windows CNI plugins pass their `policies` / `AdditionalArgs` entries to HNS in one schema. `sdnbridge`, `sdnoverlay`, `nat` (microsoft/windows-container-networking) and `win-bridge` / `win-overlay` with `"apiVersion": 2` build HCN v2 policies, `{"Type": ..., "Settings": {...}}`: a flat v1 policy loses its fields there (an OutBoundNAT without its exceptions). `win-bridge` / `win-overlay` without `apiVersion` 2 send v1 policies, where `Settings` means nothing. Calico reads every policy flat and moves the fields under `Settings` itself when it talks to HCN, so a policy written with `Settings` reaches HNS nested one level too deep.',
    remedy:
      'Write the policy in the schema the plugin uses: `{"Type": "OutBoundNAT", "Settings": {"Exceptions": [...]}}` for v2, `{"Type": "OutBoundNAT", "ExceptionList": [...]}` for v1 (ROUTE becomes SDNRoute in v2).',
    examples: {
      bad: '{ "cniVersion": "0.2.0", "name": "l2bridge", "type": "sdnbridge", "AdditionalArgs": [{ "Name": "EndpointPolicy", "Value": { "Type": "OutBoundNAT", "ExceptionList": ["10.0.0.0/8"] } }] }',
      good: '{ "cniVersion": "0.2.0", "name": "l2bridge", "type": "sdnbridge", "AdditionalArgs": [{ "Name": "EndpointPolicy", "Value": { "Type": "OutBoundNAT", "Settings": { "Exceptions": ["10.0.0.0/8"] } } }] }',
    },
    errors: ['The provided policy configuration is invalid or missing parameters (0x803b000d)'],
    sources: [
      'WCN',
      'https://github.com/containernetworking/plugins/tree/main/plugins/main/windows',
      'https://github.com/projectcalico/calico/blob/master/cni-plugin/internal/pkg/utils/winpol/windows_policy.go',
      'HCSSHIM',
    ],
  },
  check(ctx) {
    for (const p of hnsModel(ctx.doc).policies) {
      const cni = p.cni;
      if (!cni?.expects || cni.shape === cni.expects || !p.typePair) continue;
      ctx.report({
        span: spanOf(p.typePair.key),
        message:
          cni.expects === 'v2'
            ? `This plugin reads HCN v2 policies (\`{"Type", "Settings"}\`): the fields of this flat v1 \`${p.type}\` policy are not passed to HNS. Move them into \`Settings\`.`
            : cni.plugin === 'calico'
              ? `Calico reads policies flat and builds the HCN form itself: it sends this \`${p.type}\` policy to HNS v1 with a \`Settings\` HNS does not read, and to HCN with \`Settings\` nested inside \`Settings\`. Write its fields beside \`Type\`.`
              : `This plugin sends HNS v1 policies (set \`"apiVersion": 2\` for v2): HNS v1 does not read \`Settings\`, so this \`${p.type}\` policy has no effect. Write its fields beside \`Type\`.`,
      });
    }
  },
};

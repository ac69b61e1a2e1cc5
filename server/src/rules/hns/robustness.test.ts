/**
 * Bad input never throws: arbitrary JSON built from HNS and CNI vocabulary (right keys, wrong shapes, wrong
 * types, odd values) goes through every HNS rule, compose-schema, hover and completion. Seeded, so a failure
 * reproduces.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { parseDocument } from '../../documents/document';
import { checkDocument } from '../../engine/check';
import { hnsCompletions } from '../../service/hns-complete';
import { hnsHover } from '../../service/hns-hover';
import { composeSchemaRule } from '../compose-schema';
import { HNS_RULES } from './index';

const KEYS = [
  'Type',
  'Settings',
  'Policies',
  'Name',
  'ID',
  'Flags',
  'SchemaVersion',
  'Major',
  'Minor',
  'Ipams',
  'Subnets',
  'IpAddressPrefix',
  'AddressPrefix',
  'GatewayAddress',
  'Routes',
  'NextHop',
  'DestinationPrefix',
  'HostComputeNetwork',
  'HostComputeEndpoints',
  'IpConfigurations',
  'IpAddress',
  'VirtualNetwork',
  'IPAddress',
  'IPv6Address',
  'MacAddress',
  'IsolationId',
  'VLAN',
  'VSID',
  'InternalPort',
  'ExternalPort',
  'Exceptions',
  'ExceptionList',
  'FrontendVIPs',
  'PortMappings',
  'MacPool',
  'Ranges',
  'StartMacAddress',
  'EndMacAddress',
  'IsRemoteEndpoint',
  'References',
  'IPv6',
  'NetworkAdapterName',
  'Protocol',
  'LocalPorts',
  'RemoteAddresses',
  'cniVersion',
  'type',
  'plugins',
  'delegate',
  'AdditionalArgs',
  'policies',
  'name',
  'value',
  'Value',
  'ipam',
  'subnet',
  'ranges',
  'apiVersion',
  '__proto__',
  '',
];
const STRINGS = [
  'NAT',
  'l2bridge',
  'Overlay',
  'Transparent',
  'VLAN',
  'VSID',
  'PortMapping',
  'OutBoundNAT',
  'sdnbridge',
  'win-bridge',
  '10.0.0.0/24',
  'fd00::/64',
  '10.0.0.1',
  '00-15-5D-00-00-01',
  '80-90',
  '__X__',
  '{{Y}}',
  'EndpointPolicy',
  'NetworkPolicy',
  '',
];

const json = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...STRINGS),
    fc.integer({ min: -5, max: 70000 }),
    fc.constantFrom(0, 1, 2, 8, 32, 4095, 4096, 16777216, 2 ** 40, -1, 1.5),
    fc.boolean(),
    fc.constant(null),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('value'), { maxKeys: 6 }),
  ),
})).value;

const FILES = ['doc.json', 'x.conf', 'x.conflist'];

describe('robustness: arbitrary HNS-shaped JSON', () => {
  it('never makes a rule, hover or completion throw', () => {
    fc.assert(
      fc.property(json, fc.constantFrom(...FILES), fc.nat(), (value, file, cursor) => {
        const text = JSON.stringify(value, null, 1) ?? 'null';
        const parsed = parseDocument(file, text);
        // Every kind, whatever detection says, so every rule sees every shape.
        for (const kind of ['hns-v1', 'hcn-v2', 'cni'] as const) {
          const doc = { ...parsed, kind };
          const result = checkDocument(doc, {
            ruleSet: [composeSchemaRule, ...HNS_RULES],
            windowsVersion: (['ltsc2016', 'ltsc2019', 'ltsc2022', 'ltsc2025'] as const)[cursor % 4],
          });
          assert.deepEqual(result.ruleErrors, []);
          const offset = cursor % (text.length + 1);
          hnsHover(doc, offset);
          hnsCompletions(doc, offset);
        }
      }),
      { seed: 20261128, numRuns: 400 },
    );
  });

  it('compose-schema never throws on compose-shaped YAML (flow style, anchors, merge keys, tags)', () => {
    const composeKeys = fc.constantFrom('services', 'networks', 'web', 'image', 'ports', 'driver', 'driver_opts', 'ipam', 'config', 'healthcheck', 'x-a', '<<');
    const yamlValue = fc.letrec((tie) => ({
      v: fc.oneof(
        { depthSize: 'small' },
        fc.constantFrom('nat', '80:80', 'true', '${X}'),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.array(tie('v'), { maxLength: 3 }),
        fc.dictionary(composeKeys, tie('v'), { maxKeys: 4 }),
      ),
    })).v;
    fc.assert(
      fc.property(yamlValue, fc.constantFrom('', '!reset ', '!override ', '&a ', '*a '), (value, prefix) => {
        const text = `x-a: &a {image: web}\nservices:\n  web: ${prefix}${JSON.stringify(value) ?? 'null'}\n  db:\n    <<: *a\n`;
        const doc = parseDocument('compose.yaml', text);
        assert.deepEqual(checkDocument(doc, { ruleSet: [composeSchemaRule] }).ruleErrors, []);
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it('never throws on truncated or broken JSON either', () => {
    const base = JSON.stringify({
      SchemaVersion: { Major: 2, Minor: 0 },
      Type: 'Overlay',
      Policies: [{ Type: 'VxlanPort', Settings: { Port: 4789 } }],
      Ipams: [{ Subnets: [{ IpAddressPrefix: '10.0.0.0/24' }] }],
    });
    for (let cut = 0; cut <= base.length; cut += 3) {
      const doc = parseDocument('doc.json', base.slice(0, cut));
      assert.deepEqual(checkDocument(doc, { ruleSet: HNS_RULES }).ruleErrors, []);
      hnsHover(doc, cut);
      hnsCompletions(doc, cut);
    }
  });
});

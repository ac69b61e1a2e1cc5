/**
 * What a document is, by name first and content second. Anything not ours is `none` and gets no findings, so
 * winnet stays silent in every other YAML and JSON file.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { checkDocument } from '../engine/check';
import { parseDocument } from './document';
import { isComposeName, languageOf, type DocumentKind } from './kind';

describe('compose file names', () => {
  const compose = [
    'compose.yaml',
    'compose.yml',
    'docker-compose.yml',
    'docker-compose.yaml',
    'docker-compose.override.yml',
    'compose.override.yaml',
    'compose.windows.yaml',
    'docker-compose.prod.yml',
    'docker-compose-dev.yml',
    'Docker-Compose.YML',
    '/home/me/app/compose.yaml',
    'C:\\src\\app\\docker-compose.yml',
    'file:///c%3A/src/app/docker-compose.override.yml',
    'docker-stack.yml',
    'docker-stack-windows-1809.yml',
  ];
  const other = [
    'mycompose.yml',
    'composer.yaml',
    'compose.json',
    'compose.yaml.bak',
    'docker-compose.yml/notes.txt',
    'compose/app.yml',
    'kustomization.yaml',
    'docker-compose.txt',
    'stack.yml',
    'my-docker-stack.yml',
  ];
  for (const name of compose) it(`${name} is a compose file name`, () => assert.equal(isComposeName(name), true));
  for (const name of other) it(`${name} is not`, () => assert.equal(isComposeName(name), false));
});

describe('document language', () => {
  const cases: [path: string, text: string, language: 'yaml' | 'json'][] = [
    ['a.yml', '{"a": 1}', 'yaml'],
    ['a.YAML', '', 'yaml'],
    ['a.json', 'a: 1', 'json'],
    ['a.jsonc', '', 'json'],
    ['10-nat.conf', '', 'json'],
    ['k.conflist', '', 'json'],
    ['untitled:1', '  {"Type": "NAT"}', 'json'],
    ['untitled:2', '\n[1]', 'json'],
    ['untitled:3', 'services: {}', 'yaml'],
  ];
  for (const [path, text, language] of cases) it(`${path} ${JSON.stringify(text)} → ${language}`, () => assert.equal(languageOf(path, text), language));
});

/** Short hand-written configs in the shapes the real ones have (Calico, Azure CNI, flannel, windows-container-networking). */
const WINDOWS_CNI: [name: string, text: string][] = [
  [
    'Calico for Windows, rendered by its installer (flat policies under `policies`)',
    '{"cniVersion": "0.3.1", "name": "Calico", "type": "calico", "mode": "vxlan", "windows_use_single_network": true, "ipam": {"type": "calico-ipam", "subnet": "usePodCidr"}, "policies": [{"Name": "EndpointPolicy", "Value": {"Type": "OutBoundNAT", "ExceptionList": ["10.96.0.0/12"]}}, {"Name": "EndpointPolicy", "Value": {"Type": "SDNROUTE", "DestinationPrefix": "10.96.0.0/12", "NeedEncap": true}}]}',
  ],
  [
    'Azure CNI on Windows (azure-vnet with HNS policies under AdditionalArgs)',
    '{"cniVersion": "0.3.0", "name": "azure", "plugins": [{"type": "azure-vnet", "mode": "bridge", "bridge": "azure0", "ipam": {"type": "azure-cns"}, "AdditionalArgs": [{"Name": "EndpointPolicy", "Value": {"Type": "OutBoundNAT", "ExceptionList": ["10.240.0.0/16"]}}], "windowsSettings": {"enableLoopbackDSR": true}}]}',
  ],
  [
    'flannel delegating to win-overlay',
    '{"cniVersion": "0.2.0", "name": "vxlan0", "type": "flannel", "delegate": {"type": "win-overlay", "dns": {"Nameservers": ["10.96.0.10"]}}}',
  ],
  [
    'flannel whose delegate names no type (win-bridge on Windows) but carries policies',
    '{"name": "cbr0", "type": "flannel", "cniVersion": "0.2.0", "delegate": {"policies": [{"name": "EndpointPolicy", "value": {"Type": "OutBoundNAT", "ExceptionList": ["10.244.0.0/16"]}}]}}',
  ],
  ['wincni.exe (microsoft/SDN), no policies', '{"cniVersion": "0.2.0", "name": "transparent", "type": "wincni.exe", "master": "Ethernet"}'],
  [
    'keys and plugin name in another case (Go matches keys in any case; Windows finds SDNBridge.exe as sdnbridge.exe)',
    '{"cniVersion": "0.2.0", "name": "n", "Type": "SDNBridge"}',
  ],
];
const LINUX_CNI: [name: string, text: string][] = [
  [
    'Calico on Linux (`policy` is Kubernetes network policy, not HNS)',
    '{"name": "k8s-pod-network", "cniVersion": "0.3.1", "plugins": [{"type": "calico", "datastore_type": "kubernetes", "ipam": {"type": "calico-ipam"}, "policy": {"type": "k8s"}}, {"type": "portmap", "snat": true, "capabilities": {"portMappings": true}}]}',
  ],
  [
    'Azure CNI on Linux',
    '{"cniVersion": "0.3.0", "name": "azure", "plugins": [{"type": "azure-vnet", "mode": "transparent", "ipam": {"type": "azure-vnet-ipam"}}, {"type": "portmap", "capabilities": {"portMappings": true}}]}',
  ],
  [
    'flannel on Linux',
    '{"name": "cbr0", "cniVersion": "0.3.1", "plugins": [{"type": "flannel", "delegate": {"hairpinMode": true, "isDefaultGateway": true}}, {"type": "portmap", "capabilities": {"portMappings": true}}]}',
  ],
  ['a bridge plugin', '{"cniVersion": "1.0.0", "name": "mynet", "type": "bridge", "bridge": "cni0", "ipam": {"type": "host-local", "subnet": "10.22.0.0/16"}}'],
  ['an empty conflist (nothing says Windows)', '{"name": "k8s", "plugins": []}'],
  [
    'AdditionalArgs whose names are not policies',
    '{"cniVersion": "0.3.0", "name": "n", "type": "azure-vnet", "AdditionalArgs": [{"Name": "Other", "Value": {"Type": "X"}}]}',
  ],
  [
    'an EndpointPolicy entry whose value has no Type',
    '{"cniVersion": "0.3.0", "name": "n", "type": "calico", "policies": [{"name": "EndpointPolicy", "value": {"ExceptionList": []}}]}',
  ],
];

describe('document kind', () => {
  const cases: { name: string; path: string; text: string; kind: DocumentKind }[] = [
    // compose by name, whatever the content
    { name: 'compose by name, even empty', path: 'compose.yaml', text: '', kind: 'compose' },
    { name: 'compose by name, with odd content', path: 'docker-compose.override.yml', text: 'foo: bar\n', kind: 'compose' },
    { name: 'compose.windows.yaml', path: 'compose.windows.yaml', text: 'services: {}\n', kind: 'compose' },
    // compose by content
    { name: 'another name, `services:`', path: 'stack.yml', text: 'services:\n  web:\n    image: x\n', kind: 'compose' },
    { name: 'another name, `networks:`', path: 'net.yaml', text: 'networks:\n  app:\n    driver: nat\n', kind: 'compose' },
    { name: 'another name, `include:`', path: 'root.yaml', text: 'include:\n  - a.yml\n', kind: 'compose' },
    {
      name: 'with name, version, volumes, configs, secrets and x- keys',
      path: 'app.yaml',
      text: 'name: app\nversion: "3.9"\nx-common: &c {}\nservices: {}\nvolumes: {}\nconfigs: {}\nsecrets: {}\n',
      kind: 'compose',
    },
    // other YAML
    // CI files are read for the docker commands of their steps, never as compose, whatever keys they have
    {
      name: 'a GitHub workflow with services under a job',
      path: '.github/workflows/ci.yml',
      text: 'on: push\njobs:\n  t:\n    services:\n      db:\n        image: postgres\n',
      kind: 'script',
    },
    {
      name: 'a GitLab CI file with top-level services and stages',
      path: '.gitlab-ci.yml',
      text: 'services:\n  - docker:dind\nstages: [build]\n',
      kind: 'script',
    },
    { name: 'an Azure Pipelines file', path: 'azure-pipelines.yml', text: 'pool:\n  vmImage: windows-2022\nsteps:\n  - script: echo\n', kind: 'script' },
    // scripts and Markdown: their docker commands (engine/check-script.ts decides whether they hold any)
    ...['setup.ps1', 'Module.psm1', 'build.cmd', 'build.BAT', 'run.sh', 'run.bash', 'README.md', 'docs/guide.markdown'].map((path) => ({
      name: `a script or document: ${path}`,
      path,
      text: 'docker network create n\n',
      kind: 'script' as const,
    })),
    { name: 'a Kubernetes manifest', path: 'deploy.yaml', text: 'apiVersion: v1\nkind: Service\nmetadata:\n  name: web\n', kind: 'none' },
    { name: 'a YAML list', path: 'list.yml', text: '- a\n- b\n', kind: 'none' },
    { name: 'YAML that does not parse', path: 'broken.yml', text: 'a: [\n', kind: 'none' },
    // YAML that does not parse: the keys written at the start of a line decide, as a parsed file's keys do
    { name: 'a swarm stack that does not parse', path: 'docker-stack-windows.yml', text: 'version: "3.7"\nservices:\n  web:\n    image: [\n', kind: 'compose' },
    {
      name: 'a compose file with a BOM and CRLF that does not parse',
      path: 'windows.yml',
      text: '\ufeffservices:\r\n  web:\r\n    ports: [80\r\n',
      kind: 'compose',
    },
    { name: 'with x- keys, that does not parse', path: 'base.yml', text: 'x-common: &c\n  restart: always\nnetworks:\n  app: {driver: nat\n', kind: 'compose' },
    {
      name: 'a GitLab CI file with top-level services, that does not parse',
      path: '.gitlab-ci.yml',
      text: 'services:\n  - docker:dind\nstages: [build\n',
      kind: 'script',
    },
    { name: 'services only indented, that does not parse', path: 'ci.yml', text: 'jobs:\n  t:\n    services: [\n', kind: 'none' },
    // HNS, HCN and CNI JSON
    { name: 'HCN v2 network (SchemaVersion)', path: 'net.json', text: '{"SchemaVersion": {"Major": 2, "Minor": 2}, "Type": "NAT"}', kind: 'hcn-v2' },
    { name: 'HCN v2 by Ipams', path: 'net.json', text: '{"Name": "x", "Ipams": []}', kind: 'hcn-v2' },
    { name: 'HCN v2 endpoint', path: 'ep.json', text: '{"HostComputeNetwork": "GUID", "IpConfigurations": []}', kind: 'hcn-v2' },
    { name: 'a bare v2 policy', path: 'p.json', text: '{"Type": "OutBoundNAT", "Settings": {}}', kind: 'hcn-v2' },
    { name: 'HNS v1 network', path: 'hns.json', text: '{"Name": "nat", "Type": "NAT", "Subnets": [{"AddressPrefix": "172.16.0.0/20"}]}', kind: 'hns-v1' },
    { name: 'HNS v1 endpoint', path: 'ep.json', text: '{"VirtualNetwork": "GUID", "IPAddress": "10.0.0.2"}', kind: 'hns-v1' },
    { name: 'Get-HnsNetwork output: an array of v1 networks', path: 'dump.json', text: '[{"Name": "nat", "Type": "NAT"}]', kind: 'hns-v1' },
    { name: 'a v1 network with only Type and Name', path: 'n.json', text: '{"Type": "Transparent", "Name": "lan"}', kind: 'hns-v1' },
    { name: 'a CNI config (cniVersion)', path: 'net.json', text: '{"cniVersion": "0.2.0", "name": "nat", "type": "nat"}', kind: 'cni' },
    { name: 'a .conf with a Windows plugin type', path: '10-sdn.conf', text: '{"name": "x", "type": "sdnbridge"}', kind: 'cni' },
    // CNI configs are ours when they are Windows ones: a Windows-only plugin, or HNS policies, anywhere in the chain
    ...WINDOWS_CNI.map(([name, text]) => ({ name: `Windows CNI: ${name}`, path: '10-net.conflist', text, kind: 'cni' as const })),
    ...LINUX_CNI.map(([name, text]) => ({ name: `not Windows CNI: ${name}`, path: '10-net.conflist', text, kind: 'none' as const })),
    // other JSON
    { name: 'package.json', path: 'package.json', text: '{"name": "x", "version": "1.0.0"}', kind: 'none' },
    { name: 'tsconfig.json', path: 'tsconfig.json', text: '{"compilerOptions": {"strict": true}}', kind: 'none' },
    { name: 'a JSON array of numbers', path: 'a.json', text: '[1, 2]', kind: 'none' },
  ];
  for (const c of cases) it(`${c.name}: ${c.kind}`, () => assert.equal(parseDocument(c.path, c.text).kind, c.kind));

  it('documents that are not ours get no findings at all, not even syntax findings', () => {
    const notOurs = [
      [
        '.github/workflows/ci.yml',
        'on: push\njobs:\n  t:\n    runs-on: windows-latest\n    services:\n      web:\n        image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n        network_mode: host\n',
      ],
      ['deploy.yaml', 'kind: Pod\nspec:\n  hostNetwork: true\n  ports: ["127.0.0.1:80:80"]\n'],
      ['broken.yml', 'a: [\n'],
      ['package.json', '{"name": "x", "networks": {"a": {"enable_ipv6": true}}'],
      ['10-calico.conflist', '{"name": "k8s-pod-network", "cniVersion": "0.3.1", "plugins": [{"type": "calico", "mtu": 1440,, "policy": {"type": "k8s"}}]}'],
    ];
    for (const [path, text] of notOurs) {
      const result = checkDocument(parseDocument(path, text), { target: 'windows' });
      assert.equal(result.kind, 'none', path);
      assert.deepEqual(result.findings, [], path);
    }
  });

  it('a compose file found by content gets compose findings', () => {
    const text = 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    network_mode: host\n';
    assert.deepEqual(
      checkDocument(parseDocument('stack.yml', text)).findings.map((f) => f.rule),
      ['network-mode-host'],
    );
  });

  it('a compose file known by its keys that does not parse gets its syntax finding', () => {
    const [finding] = checkDocument(parseDocument('docker-stack.yml', 'services:\n  web:\n    image: [\n')).findings;
    assert.equal(finding.rule, 'syntax');
    assert.equal(finding.severity, 'error');
  });

  it('a compose-named file that does not parse gets its syntax finding', () => {
    const [finding] = checkDocument(parseDocument('compose.yaml', 'services:\n  web: [\n')).findings;
    assert.equal(finding.rule, 'syntax');
    assert.equal(finding.severity, 'error');
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayBeOurs, SNIFF_CHARS, type Sniffed } from './ours';

const K8S =
  'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n';

describe('which documents start the language server', () => {
  const cases: { name: string; doc: Sniffed; expect: boolean }[] = [
    // By name
    { name: 'compose.yaml, whatever it holds', doc: { path: '/p/compose.yaml', languageId: 'yaml', text: '' }, expect: true },
    { name: 'docker-compose.override.yml', doc: { path: 'C:\\p\\docker-compose.override.yml', languageId: 'yaml', text: '' }, expect: true },
    { name: 'docker-stack.yml', doc: { path: '/p/docker-stack.yml', languageId: 'yaml', text: 'x: 1' }, expect: true },
    { name: 'an env file', doc: { path: '/p/.env', languageId: 'plaintext', text: 'A=1' }, expect: true },
    { name: 'a named env file', doc: { path: '/p/deploy/windows.env', languageId: 'dotenv', text: '' }, expect: true },
    { name: 'an .hns.json dump', doc: { path: '/p/nat.hns.json', languageId: 'json', text: '[]' }, expect: true },
    { name: 'a file Docker DX calls compose', doc: { path: '/p/stack.yml', languageId: 'dockercompose', text: '' }, expect: true },
    // Compose by content
    { name: 'services at the top of another YAML name', doc: { path: '/p/windows.yml', languageId: 'yaml', text: 'services:\n  web: {}\n' }, expect: true },
    { name: 'networks only', doc: { path: '/p/net.yaml', languageId: 'yaml', text: '# nets\nnetworks:\n  n: {}\n' }, expect: true },
    { name: 'include', doc: { path: '/p/all.yaml', languageId: 'yaml', text: 'include:\n  - a.yml\n' }, expect: true },
    { name: 'a quoted key, a BOM', doc: { path: '/p/x.yaml', languageId: 'yaml', text: '\ufeff"services":\n  web: {}\n' }, expect: true },
    { name: 'flow style', doc: { path: '/p/x.yaml', languageId: 'yaml', text: '{services: {web: {image: x}}}' }, expect: true },
    { name: 'an untitled compose document', doc: { path: 'Untitled-1', languageId: 'yaml', text: 'services:\n  web:\n    image: x\n' }, expect: true },
    {
      name: 'compose keys after a long x- block that fills the part read',
      doc: { path: '/p/x.yaml', languageId: 'yaml', text: `x-base: &b\n${'  k: v\n'.repeat(SNIFF_CHARS / 6)}services:\n  web: {}\n` },
      expect: true,
    },
    // Not compose
    { name: 'a Kubernetes manifest', doc: { path: '/p/k8s/deployment.yaml', languageId: 'yaml', text: K8S }, expect: false },
    {
      name: 'a long Kubernetes manifest cut short',
      doc: { path: '/p/all.yaml', languageId: 'yaml', text: K8S.repeat(1000), length: K8S.length * 1000 },
      expect: false,
    },
    {
      name: 'services nested in a CI job',
      doc: { path: '/p/.gitlab-ci.yml', languageId: 'yaml', text: 'test:\n  services:\n    - postgres\n' },
      expect: false,
    },
    { name: 'an empty YAML file', doc: { path: '/p/x.yaml', languageId: 'yaml', text: '' }, expect: false },
    { name: 'an x- block alone, read whole', doc: { path: '/p/x.yaml', languageId: 'yaml', text: 'x-a: 1\n' }, expect: false },
    // Docker commands (CI files, scripts)
    {
      name: 'a workflow that creates a network',
      doc: { path: '/p/.github/workflows/ci.yml', languageId: 'yaml', text: 'jobs:\n  t:\n    steps:\n      - run: docker network create -d nat n\n' },
      expect: true,
    },
    {
      name: 'a workflow that only builds',
      doc: { path: '/p/.github/workflows/ci.yml', languageId: 'yaml', text: 'jobs:\n  t:\n    steps:\n      - run: docker build .\n' },
      expect: false,
    },
    // JSON: HNS, HCN, CNI
    { name: 'Get-HnsNetwork output', doc: { path: '/p/net.json', languageId: 'json', text: '{"Name": "nat", "Type": "NAT", "Subnets": []}' }, expect: true },
    { name: 'an HCN network', doc: { path: '/p/n.json', languageId: 'json', text: '{"SchemaVersion": {"Major": 2}, "Ipams": []}' }, expect: true },
    { name: 'a bare v2 policy', doc: { path: '/p/p.json', languageId: 'jsonc', text: '{"Type": "OutBoundNAT", "Settings": {}}' }, expect: true },
    {
      name: 'JSON by its first character, in any language',
      doc: { path: 'Untitled-2', languageId: 'plaintext', text: '  [{"VirtualNetwork": "x"}]' },
      expect: true,
    },
    {
      name: 'a Windows CNI config',
      doc: { path: '/etc/cni/net.d/cni.conf', languageId: 'plaintext', text: '{"cniVersion": "0.2.0", "name": "cbr0", "type": "sdnbridge"}' },
      expect: true,
    },
    {
      name: 'a CNI conflist that hands HNS policies on',
      doc: {
        path: '/p/10-calico.conflist',
        languageId: 'plaintext',
        text: '{"cniVersion": "0.3.1", "plugins": [{"type": "calico", "policies": [{"name": "EndpointPolicy", "value": {"Type": "OutBoundNAT"}}]}]}',
      },
      expect: true,
    },
    {
      name: 'a Linux CNI config',
      doc: { path: '/etc/cni/net.d/10-bridge.conflist', languageId: 'plaintext', text: '{"cniVersion": "1.0.0", "plugins": [{"type": "bridge"}]}' },
      expect: false,
    },
    { name: 'package.json', doc: { path: '/p/package.json', languageId: 'json', text: '{"name": "x", "type": "module", "scripts": {}}' }, expect: false },
    { name: 'VS Code settings', doc: { path: '/p/.vscode/settings.json', languageId: 'jsonc', text: '{"editor.tabSize": 2}' }, expect: false },
    { name: 'an nginx .conf', doc: { path: '/etc/nginx/nginx.conf', languageId: 'plaintext', text: 'http {\n  server { listen 80; }\n}\n' }, expect: false },
    { name: 'a compose-looking key in JSON is not HNS', doc: { path: '/p/x.json', languageId: 'json', text: '{"services": {}}' }, expect: false },
  ];
  for (const c of cases) {
    it(`${c.name}: ${c.expect ? 'start' : 'no start'}`, () => {
      assert.equal(mayBeOurs(c.doc), c.expect);
    });
  }
});

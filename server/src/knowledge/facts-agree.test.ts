/**
 * One fact, said alike everywhere it is said: the capability table (drivers.ts) is the source, and the hover on a
 * driver, docs/drivers.md and the rules that act on a capability must agree with it. Each test names the fact and
 * the places that state it; a fact restated by hand somewhere would make one of these fail when the table changes.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { renderCapabilityDoc } from '../docs/capability-doc';
import { checkDocument } from '../engine/check';
import { ruleMeta } from '../rules/registry';
import { createLanguageService } from '../service/language-service';
import { FEATURES, type FeatureId, LEVEL_MARK, supportOf, WINDOWS_DRIVERS } from './drivers';
import { HNS_NETWORK_TYPES } from './hns-network-types';
import { UNSUPPORTED_OPTIONS } from './unsupported';
import { WINDOWS_VERSIONS } from './versions';
import { NAT_DEFAULT_POOL, NAT_LOOPBACK } from './winnat';

const IMAGE = 'mcr.microsoft.com/windows/nanoserver:ltsc2022';
const DOC = renderCapabilityDoc();

function driverHover(name: string): string {
  const text = `services:\n  web:\n    image: ${IMAGE}\n    networks: [app]\nnetworks:\n  app:\n    driver: ${name}\n`;
  return createLanguageService().hover({ uri: 'file:///w/compose.yaml', version: 1, text }, text.lastIndexOf(name) + 1)?.markdown ?? '';
}

function findings(text: string, rule: string, windowsVersion = WINDOWS_VERSIONS[WINDOWS_VERSIONS.length - 1].id) {
  return checkDocument(parseDocument('compose.yaml', text), { windowsVersion }).findings.filter((f) => f.rule === rule);
}

describe('facts agree: the capability table, the hover, docs/drivers.md', () => {
  // `null` is YAML's null when written bare, so no file names it as a driver that way.
  for (const driver of Object.values(WINDOWS_DRIVERS).filter((d) => d.documented && d.scope !== 'none')) {
    it(`\`${driver.name}\`: every feature's note is on docs/drivers.md, and each feature the hover on \`driver: ${driver.name}\` shows has the table's level and note`, () => {
      const hover = driverHover(driver.name);
      assert.ok(hover.length > 0, 'a hover');
      let shown = 0;
      for (const id of Object.keys(driver.features) as FeatureId[]) {
        const support = supportOf(driver, id, WINDOWS_VERSIONS[WINDOWS_VERSIONS.length - 1].id)!;
        assert.ok(DOC.includes(support.note), `docs/drivers.md states ${driver.name}.${id}: ${support.note}`);
        const row = hover.split('\n').find((l) => l.startsWith(`| ${FEATURES[id].label} |`));
        if (!row) continue;
        shown++;
        assert.equal(row, `| ${FEATURES[id].label} | ${LEVEL_MARK[support.level]} | ${support.note.replace(/\|/g, '\\|')} |`);
      }
      assert.ok(shown >= 5, `the hover shows the main features (${shown})`);
    });
  }
});

describe('facts agree: rules that act on a capability do what the table says', () => {
  it('service-name-resolution warns exactly on the drivers whose service discovery is no or partial, on every version', () => {
    for (const version of WINDOWS_VERSIONS.map((v) => v.id)) {
      for (const driver of Object.values(WINDOWS_DRIVERS).filter((d) => d.documented && d.name !== 'overlay')) {
        const options = driver.name === 'nat' ? '' : '    driver_opts:\n      com.docker.network.windowsshim.interface: "Ethernet 2"\n';
        const text = `services:\n  web:\n    image: ${IMAGE}\n    networks: [app]\n    environment:\n      API: http://api:8080/\n  api:\n    image: ${IMAGE}\n    networks: [app]\nnetworks:\n  app:\n    driver: ${driver.name}\n${options}`;
        const level = supportOf(driver, 'serviceDiscovery', version)?.level;
        const reported = findings(text, 'service-name-resolution', version).length > 0;
        assert.equal(reported, level === 'no' || level === 'partial', `${driver.name} on ${version}: discovery ${level}, reported ${reported}`);
      }
    }
  });

  it('port-range refuses a host range onto one port exactly where the table says host-port ranges are not supported', () => {
    for (const driver of Object.values(WINDOWS_DRIVERS).filter((d) => d.documented && d.scope !== 'none' && d.name !== 'overlay')) {
      const text = `services:\n  web:\n    image: ${IMAGE}\n    networks: [app]\n    ports: ["8000-8010:80"]\nnetworks:\n  app:\n    driver: ${driver.name}\n`;
      const level = supportOf(driver, 'hostPortRange', 'ltsc2022')?.level;
      const errors = findings(text, 'port-range', 'ltsc2022').filter((f) => f.severity === 'error');
      assert.equal(errors.length > 0, level === 'no', `${driver.name}: host-port range ${level}`);
    }
  });

  it('transparent-host-requirements says what the table says about Azure', () => {
    const azure = WINDOWS_DRIVERS.transparent.features.azure!;
    assert.equal(azure.level, 'no');
    assert.ok(ruleMeta('transparent-host-requirements')!.description.includes(azure.note));
    assert.ok(azure.sources.every((s) => ruleMeta('transparent-host-requirements')!.sources.includes(s)));
  });

  it("the default nat network's pool: drivers.ts, hns-network-types.ts and subnet-overlap say the same", () => {
    assert.ok(WINDOWS_DRIVERS.nat.notes.some((n) => n.includes(NAT_DEFAULT_POOL)));
    assert.ok(HNS_NETWORK_TYPES.nat.notes.some((n) => n.includes(NAT_DEFAULT_POOL)));
    assert.ok(ruleMeta('subnet-overlap')!.description.includes(NAT_DEFAULT_POOL));
  });

  it('localhost loopback: the nat port-publishing note and nat-loopback rest on the same build and sources', () => {
    const publishing = WINDOWS_DRIVERS.nat.features.portPublishing!;
    assert.ok(publishing.note.includes(String(NAT_LOOPBACK.reliableFromBuild)));
    assert.ok(NAT_LOOPBACK.sources.every((s) => publishing.sources.includes(s)));
    assert.deepEqual(ruleMeta('nat-loopback')!.sources, NAT_LOOPBACK.sources);
  });

  it("every entry of Microsoft's unsupported-options list names a rule that exists and quotes the entry's sources", () => {
    for (const option of UNSUPPORTED_OPTIONS) {
      const meta = ruleMeta(option.rule);
      assert.ok(meta, `${option.flag} → ${option.rule}`);
      assert.ok(
        option.sources.every((s) => meta.sources.includes(s)),
        `${option.rule} cites the sources of ${option.flag}`,
      );
    }
  });
});

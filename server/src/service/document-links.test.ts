import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parseDocument } from '../documents/document';
import { WINDOWS_DRIVERS } from '../knowledge/drivers';
import { DRIVER_OPTIONS } from '../knowledge/windowsshim';
import { DRIVER_OPTIONS_PAGE, DRIVERS_PAGE, documentLinks, driverHeading, optionRow } from './document-links';

const DOCS = join(__dirname, '..', '..', '..', 'docs');

/** Each link as `text → page#anchor`, in text order. */
function links(path: string, text: string, windows = true): string[] {
  return documentLinks(parseDocument(path, text), { windows }).map(
    (l) => `${text.slice(l.span.start, l.span.end)} → ${l.page}${l.anchor ? `#${l.anchor}` : ''}`,
  );
}

const W = 'com.docker.network.windowsshim';

describe('document links to the packaged docs', () => {
  const cases: { name: string; path?: string; text: string; windows?: boolean; expect: string[] }[] = [
    {
      name: 'a Windows driver and its options, quoted or not',
      text: `networks:\n  lan:\n    driver: "transparent"\n    driver_opts:\n      ${W}.vlanid: "11"\n      "${W}.interface": "Ethernet 2"\n`,
      expect: [
        `transparent → drivers.md#${driverHeading('transparent')}`,
        `${W}.vlanid → knowledge/driver-options.md#${optionRow(`${W}.vlanid`)}`,
        `${W}.interface → knowledge/driver-options.md#${optionRow(`${W}.interface`)}`,
      ],
    },
    {
      name: "a driver in the wrong case leads to the driver's page",
      text: 'networks:\n  n:\n    driver: NAT\n',
      expect: [`NAT → drivers.md#${driverHeading('nat')}`],
    },
    {
      name: 'an endpoint option of a service network entry, and an unknown windowsshim option to the page top',
      text: `services:\n  web:\n    networks:\n      n:\n        driver_opts:\n          com.docker.endpoint.windowsshim.qospolicies: x\n          ${W}.typo: x\n`,
      expect: [
        `com.docker.endpoint.windowsshim.qospolicies → knowledge/driver-options.md#${optionRow('com.docker.endpoint.windowsshim.qospolicies')}`,
        `${W}.typo → knowledge/driver-options.md`,
      ],
    },
    {
      name: 'a driver Linux has too is linked only in a Windows file',
      text: 'networks:\n  a:\n    driver: overlay\n  b:\n    driver: nat\n',
      windows: false,
      expect: [`nat → drivers.md#${driverHeading('nat')}`],
    },
    {
      name: 'Linux drivers, options Linux drivers read, variables and other keys get no link',
      text: 'networks:\n  a:\n    driver: bridge\n    driver_opts:\n      com.docker.network.bridge.name: br0\n  b:\n    driver: ${DRIVER}\nservices:\n  web:\n    image: nat\n',
      expect: [],
    },
    {
      name: 'rule ids in suppression comments, with a reason and a list',
      text: '# winnet-disable-file dns-opt -- reviewed\nservices:\n  web:\n    # winnet-disable-next-line port-host-ip, extra-hosts\n    ports: ["127.0.0.1:80:80"]\n',
      expect: ['dns-opt → rules/dns-opt.md', 'port-host-ip → rules/port-host-ip.md', 'extra-hosts → rules/extra-hosts.md'],
    },
    {
      name: 'no link for unknown ids, the reason, or a directive that is not at the start of its comment',
      text: 'services: # winnet-disable-file no-such-rule -- dns-opt\n  # see winnet-disable-file port-host-ip\n  web: {}\n',
      expect: [],
    },
    {
      name: 'a directive inside a value is no comment',
      text: 'services:\n  web:\n    command: "echo # winnet-disable-file dns-opt"\n',
      expect: [],
    },
    {
      name: 'JSON with comments: line and block directives',
      path: 'network.hns.json',
      text: '// winnet-disable-file hns-schema\n{"Name": "x", "Type": "NAT" /* winnet-disable-next-line hns-cidr */}\n',
      expect: ['hns-schema → rules/hns-schema.md', 'hns-cidr → rules/hns-cidr.md'],
    },
    {
      name: 'an env file',
      path: '.env',
      text: '# winnet-disable-next-line env-file\nA B\n',
      expect: ['env-file → rules/env-file.md'],
    },
    {
      name: 'a file that is not ours has none',
      path: 'deployment.yaml',
      text: '# winnet-disable-file dns-opt\napiVersion: v1\nkind: Service\n',
      expect: [],
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      assert.deepEqual(links(c.path ?? 'compose.yaml', c.text, c.windows ?? true), c.expect);
    });
  }

  describe('every link lands on a line of the generated docs', { skip: !existsSync(join(DOCS, DRIVERS_PAGE)) && 'docs/ not generated' }, () => {
    const linesOf = (page: string) => readFileSync(join(DOCS, page), 'utf8').split('\n');
    it('each Windows driver has its section in drivers.md', () => {
      const lines = linesOf(DRIVERS_PAGE);
      for (const driver of Object.keys(WINDOWS_DRIVERS))
        assert.ok(
          lines.some((l) => l.startsWith(driverHeading(driver))),
          driver,
        );
    });
    it('each driver option has its row in driver-options.md', () => {
      const lines = linesOf(DRIVER_OPTIONS_PAGE);
      for (const option of DRIVER_OPTIONS)
        assert.ok(
          lines.some((l) => l.startsWith(optionRow(option.key))),
          option.key,
        );
    });
  });
});

/**
 * The hover on a network a service names says which driver Windows will use and why: written, the Windows
 * default, an existing network, or a variable compose substitutes (then nothing that depends on it is judged).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from './language-service';

const service = (network: string) => `services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    networks: [app]\nnetworks:\n  app:\n${network}`;

const cases: { name: string; network: string; says: RegExp }[] = [
  { name: 'a written driver', network: '    driver: transparent\n', says: /^Network `app` \(line 6\) uses driver `transparent`\./ },
  { name: 'no driver: the Windows default', network: '    internal: false\n', says: /uses no `driver:`, so the Windows default `nat`/ },
  { name: 'an external network', network: '    external: true\n', says: /is an existing network: its driver is whatever it was created with/ },
  { name: 'a driver from a variable', network: '    driver: ${NET_DRIVER:-transparent}\n', says: /takes its driver from a variable \(`\$\{NET_DRIVER:-transparent\}`\): compose substitutes it when it runs/ },
];

describe('hover on a network reference', () => {
  for (const c of cases) {
    it(c.name, () => {
      const text = service(c.network);
      const hover = createLanguageService().hover({ uri: 'file:///w/compose.yaml', version: 1, text }, text.indexOf('[app]') + 2);
      assert.ok(hover, 'a hover');
      assert.match(hover.markdown, c.says);
    });
  }
});

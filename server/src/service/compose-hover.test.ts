/**
 * The hover on a network a service names says which driver Windows will use and why: written, the Windows
 * default, an existing network, or a variable compose substitutes (then nothing that depends on it is judged).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLanguageService } from './language-service';

const service = (network: string) =>
  `services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    networks: [app]\nnetworks:\n  app:\n${network}`;

const cases: { name: string; network: string; says: RegExp }[] = [
  { name: 'a written driver', network: '    driver: transparent\n', says: /^Network `app` \(line 6\) uses driver `transparent`\./ },
  { name: 'no driver: the Windows default', network: '    internal: false\n', says: /uses no `driver:`, so the Windows default `nat`/ },
  { name: 'an external network', network: '    external: true\n', says: /is an existing network: its driver is whatever it was created with/ },
  {
    name: 'a driver from a variable',
    network: '    driver: ${NET_DRIVER:-transparent}\n',
    says: /takes its driver from a variable \(`\$\{NET_DRIVER:-transparent\}`\): compose substitutes it when it runs/,
  },
];

describe('hover on a network reference', () => {
  it('in a swarm stack, a network without a driver is overlay', () => {
    const text =
      'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n    networks: [app]\n    deploy:\n      placement:\n        constraints: [node.platform.os == windows]\nnetworks:\n  app:\n    internal: false\n';
    const hover = createLanguageService().hover({ uri: 'file:///w/compose.yaml', version: 1, text }, text.indexOf('[app]') + 2);
    assert.match(hover?.markdown ?? '', /^Network `app` \(line 9\) uses no `driver:`, so in a swarm stack `overlay`\./);
  });

  for (const c of cases) {
    it(c.name, () => {
      const text = service(c.network);
      const hover = createLanguageService().hover({ uri: 'file:///w/compose.yaml', version: 1, text }, text.indexOf('[app]') + 2);
      assert.ok(hover, 'a hover');
      assert.match(hover.markdown, c.says);
    });
  }
});

describe('hover on a value with a compose variable', () => {
  const hoverAt = (text: string, marker: string) =>
    createLanguageService().hover({ uri: 'file:///w/compose.yaml', version: 1, text }, text.indexOf(marker) + 1)?.markdown ?? '';
  const WIN = 'services:\n  web:\n    image: mcr.microsoft.com/windows/nanoserver:ltsc2022\n';

  it("`isolation: ${ISOLATION}`: what compose does with it, the key's own hover, and no verdict on the text", () => {
    const markdown = hoverAt(`${WIN}    isolation: \${ISOLATION}\n`, '${ISOLATION}');
    assert.match(markdown, /^\*\*`\$\{ISOLATION\}`\*\*: compose substitutes this variable when it runs, from the shell or else the project's `\.env` file/);
    assert.match(markdown, /winnet does not read that environment, so it does not judge this value/);
    assert.match(markdown, /\*\*`isolation`\*\* \(Windows containers\)/);
    assert.doesNotMatch(markdown, /refuses/);
  });

  it('a literal invalid isolation is still called out', () => {
    assert.match(hoverAt(`${WIN}    isolation: hyper-v\n`, 'hyper-v'), /`hyper-v` is not one of them: the daemon refuses it/);
  });

  it('`driver: ${NET_DRIVER:-transparent}`: the variable note only, no driver facts for the default', () => {
    const markdown = hoverAt(`${WIN}networks:\n  app:\n    driver: \${NET_DRIVER:-transparent}\n`, '${NET_DRIVER');
    assert.match(markdown, /^\*\*`\$\{NET_DRIVER:-transparent\}`\*\*: compose substitutes this variable/);
    assert.doesNotMatch(markdown, /Windows network driver/);
  });

  it('several variables in one value', () => {
    assert.match(hoverAt(`${WIN}    ports:\n      - "\${IP}:\${PORT}:80"\n`, '${IP}'), /compose substitutes these variables/);
  });

  it("values no rule judges (environment, image, labels) get no note: they are not winnet's business", () => {
    for (const [line, marker] of [
      ['    environment:\n      DB: "Server=${SQL_SERVER}"\n', '${SQL_SERVER}'],
      ['    labels:\n      - "traefik.rule=Host(`${CM_HOST}`)"\n', '${CM_HOST}'],
    ]) {
      assert.equal(hoverAt(`${WIN}${line}`, marker), '', line);
    }
    assert.doesNotMatch(hoverAt('services:\n  web:\n    image: ${REGISTRY}/web:${TAG}\n    isolation: process\n', '${REGISTRY}'), /compose substitutes/);
  });

  it('a driver option and a static address from variables get the note', () => {
    const text = `${WIN}    networks:\n      lan:\n        ipv4_address: \${IP}\nnetworks:\n  lan:\n    driver: transparent\n    driver_opts:\n      com.docker.network.windowsshim.vlanid: \${VLAN}\n`;
    assert.match(hoverAt(text, '${IP}'), /^\*\*`\$\{IP\}`\*\*: compose substitutes/);
    assert.match(hoverAt(text, '${VLAN}'), /^\*\*`\$\{VLAN\}`\*\*: compose substitutes/);
  });

  it('`$$` is no variable: no note', () => {
    assert.doesNotMatch(hoverAt(`${WIN}    isolation: $\${NOT}\n`, '$${NOT}'), /compose substitutes/);
  });
});

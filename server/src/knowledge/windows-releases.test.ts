/**
 * The Windows release an image tag pins: release names as tag tokens, glued to a Windows word, or a build
 * number; never a registry port, a repository name or a number inside a version.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { releaseOfImage, WINDOWS_RELEASES } from './windows-releases';

describe('the release an image pins', () => {
  const cases: [image: string, release: string | undefined, explicit?: boolean][] = [
    ['mcr.microsoft.com/windows/servercore:ltsc2019', 'ltsc2019', true],
    ['mcr.microsoft.com/windows/nanoserver:1809', 'ltsc2019', false],
    ['mcr.microsoft.com/dotnet/framework/aspnet:4.8-windowsservercore-ltsc2022', 'ltsc2022', true],
    ['mcr.microsoft.com/powershell:lts-nanoserver-1909', '1909', false],
    ['sixeyed/redis:nanoserver1803', '1803', true],
    ['example.azurecr.io/agent:windows1809-amd64', 'ltsc2019', true],
    ['microsoft/iis:windowsservercore-sac2016', 'ltsc2016', true],
    ['acme/app:10.0.17763.5458', 'ltsc2019', true],
    ['acme/app:1.0-10.0.20348', 'ltsc2022', true],
    ['acme/tools:windows20h2', '20H2', true],
    ['mcr.microsoft.com/windows/servercore:20H2', '20H2', true],
    ['scr.sitecore.com/sxp/sitecore-xp0-cm:10.3-ltsc2019', 'ltsc2019', true],
    ['mcr.microsoft.com/windows/servercore:ltsc2025', 'ltsc2025', true],
    ['localhost:1809/app', undefined],
    ['acme/1809:latest', undefined],
    ['nginx:1.27', undefined],
    ['acme/app:2.1809', 'ltsc2019', false],
    ['acme/app:v1809', undefined],
    ['acme/app', undefined],
    ['acme/app@sha256:1809', undefined],
  ];
  for (const [image, release, explicit] of cases) {
    it(`${image} → ${release ?? 'none'}`, () => {
      const pinned = releaseOfImage(image);
      assert.equal(pinned?.release.id, release);
      if (release) assert.equal(pinned?.explicit, explicit);
    });
  }

  it('releases are in build order and each maps to the facts of a long-term release at or before it', () => {
    const builds = WINDOWS_RELEASES.map((r) => r.build);
    assert.deepEqual(
      builds,
      [...builds].sort((a, b) => a - b),
    );
    const longTerm = WINDOWS_RELEASES.filter((r) => r.id.startsWith('ltsc'));
    for (const r of WINDOWS_RELEASES) {
      const facts = longTerm.find((l) => l.id === r.facts)!;
      assert.ok(facts.build <= r.build, `${r.id} uses the facts of ${r.facts}`);
    }
  });
});

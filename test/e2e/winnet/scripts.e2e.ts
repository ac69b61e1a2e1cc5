/// <reference types="mocha" />
/**
 * Docker commands in a PowerShell script, in a real editor: the file gets winnet's findings on the flags, a hover
 * on the driver, and a quick fix that edits the command line.
 */
import * as assert from 'node:assert/strict';
import { codeOf, hoverText, openFixture, quickFixes, waitForDiagnostics } from '../host/helpers';

describe('docker commands in a PowerShell script', function () {
  this.timeout(60_000);

  it('are checked: findings on the flags, a hover on the driver, a quick fix on the value', async () => {
    const document = await openFixture('scripts/setup.ps1');
    assert.equal(document.languageId, 'powershell');
    const diagnostics = await waitForDiagnostics(
      document.uri,
      (ds) => ds.some((d) => codeOf(d) === 'enable-ipv6') && ds.some((d) => codeOf(d) === 'isolation-value'),
    );
    const ipv6 = diagnostics.find((d) => codeOf(d) === 'enable-ipv6')!;
    assert.equal(document.getText(ipv6.range), '--ipv6');
    assert.match(ipv6.message, /`--ipv6` fails on Windows/);

    const driver = document.getText().indexOf('transparent');
    const hover = await hoverText(document.uri, document.positionAt(driver + 2));
    assert.match(hover, /transparent/i);

    const isolation = diagnostics.find((d) => codeOf(d) === 'isolation-value')!;
    const fixes = await quickFixes(document.uri, isolation.range);
    const use = fixes.find((f) => f.title.includes('hyperv'));
    assert.ok(use?.edit, `a quick fix to hyperv among ${fixes.map((f) => f.title).join(', ')}`);
    const edits = use.edit.get(document.uri);
    assert.deepEqual(
      edits.map((e) => [document.getText(e.range), e.newText]),
      [['hyper-v', 'hyperv']],
    );
  });
});

/// <reference types="mocha" />
/**
 * The walkthrough and the manifest as installed: every walkthrough page is in the package, the command links of
 * its steps name registered commands, and "Open a Rule's Page" opens a page from the shipped docs.
 */
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import * as vscode from 'vscode';
import { activateExtension } from '../host/helpers';

interface Step {
  id: string;
  description: string;
  media: { markdown?: string };
  completionEvents?: string[];
}

describe('the walkthrough', () => {
  it('is contributed with its pages packaged and its commands registered', async () => {
    const extension = await activateExtension('winnet.winnet');
    const walkthroughs = (extension.packageJSON as { contributes: { walkthroughs: { id: string; featuredFor: string[]; steps: Step[] }[] } }).contributes
      .walkthroughs;
    assert.deepEqual(
      walkthroughs.map((w) => w.id),
      ['start'],
    );
    const [start] = walkthroughs;
    assert.ok(start.featuredFor.includes('compose.yaml'));
    const commands = new Set(await vscode.commands.getCommands(true));
    for (const step of start.steps) {
      assert.ok(
        step.media.markdown && existsSync(vscode.Uri.joinPath(extension.extensionUri, step.media.markdown).fsPath),
        `${step.id}: ${step.media.markdown}`,
      );
      for (const [, command] of step.description.matchAll(/\(command:([\w.]+)/g)) assert.ok(commands.has(command), `${step.id}: ${command}`);
    }
  });

  it("opens a rule's page from the shipped docs", async () => {
    const shown = await vscode.commands.executeCommand<string | undefined>('winnet.openRulePage', 'port-host-ip');
    assert.equal(shown, 'port-host-ip');
  });

  it('declares what the Marketplace shows', async () => {
    const { packageJSON } = await activateExtension('winnet.winnet');
    const manifest = packageJSON as Record<string, unknown>;
    assert.equal(manifest.preview, true);
    assert.equal(manifest.license, 'MIT');
    assert.match(String((manifest.repository as { url?: string } | undefined)?.url), /^https:\/\/github\.com\//);
    assert.ok(manifest.galleryBanner);
  });
});

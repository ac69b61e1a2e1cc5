/**
 * On screen: winnet's language status item for compose.yaml, in the hover of the status bar's `{}` entry, says
 * what the file is checked as; its "Change…" link opens the quick pick that sets the folder's Windows version, and
 * the item then shows the new version. Then the walkthrough, opened as a user opens one, shows its steps.
 */
import { waitFor } from '../harness/checks';
import type { UiContext } from '../harness/scenario';

export async function languageStatusChecks({ wb, checks }: UiContext): Promise<void> {
  const opened = await checks.check('editor: Quick Open (Ctrl+P) opens compose.yaml for its language status', async () => {
    await wb.closeAllEditors();
    await wb.quickOpen('compose.yaml');
  });
  if (!opened) return;
  const shown = await checks.check('editor: the language status shows "winnet: compose · Windows · ltsc2022" and why', async () => {
    const text = await wb.languageStatus('winnet: compose · Windows · ltsc2022');
    if (!text.includes('uses the Windows image')) throw new Error(`the reason is missing: ${text}`);
    const shot = await wb.screenshot('language-status');
    console.log(`      hover: ${JSON.stringify(text.slice(0, 300))}; screenshot ${shot}`);
  });
  if (!shown) return;
  await checks.check('editor: "Change…" on the language status sets winnet.windowsVersion for the folder', async () => {
    await wb.clickLanguageStatusLink('Change');
    await wb.pickQuickInput('ltsc2019', 'ltsc2019');
    await wb.focusEditor();
    const text = await wb.languageStatus('winnet: compose · Windows · ltsc2019');
    const shot = await wb.screenshot('language-status-changed');
    console.log(`      hover: ${JSON.stringify(text.slice(0, 200))}; screenshot ${shot}`);
  });
}

export async function walkthroughChecks({ wb, checks }: UiContext): Promise<void> {
  await checks.check('editor: "Welcome: Open Walkthrough..." opens winnet\'s walkthrough with its steps', async () => {
    await wb.runCommand('Welcome: Open Walkthrough...');
    await wb.pickQuickInput('winnet', 'Get started with winnet');
    const steps = ['Pick the Windows version your hosts run', 'Open a compose file or an HNS dump', 'Check the whole workspace', "Read a rule's page"];
    const text = await waitFor(
      'the walkthrough lists its steps',
      async () => (await wb.page.locator('.gettingStartedContainer').first().textContent()) ?? '',
      (t) => steps.every((s) => t.includes(s)),
      steps,
    );
    const shot = await wb.screenshot('walkthrough');
    console.log(`      walkthrough: ${JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 200))}; screenshot ${shot}`);
  });
}

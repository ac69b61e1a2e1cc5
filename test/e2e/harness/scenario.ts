/**
 * A scenario is what one e2e run tests: the extension (.vsix) under test, the folder opened in the editor,
 * the in-host mocha suite, the findings a person should see on screen, and the Neovim LSP check. The flow
 * is the same for every extension, so plugging in another one is a matter of filling this in.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { NeovimCheck } from '../neovim/neovim';
import { Mismatch, waitFor, type Checks } from './checks';
import type { Workbench } from './workbench';

export interface BuildContext {
  /** The vsce entry script (node_modules/@vscode/vsce/vsce). */
  vsce: string;
  /** A fresh temporary folder for build products. */
  outDir: string;
}

/** One finding a person should see in the editor, and the quick fix that removes it. */
export interface Finding {
  /** Path inside the workspace, opened through Quick Open. */
  file: string;
  /** The text the squiggle must be under (its first occurrence in the file), e.g. the offending key. */
  key: string;
  severity?: 'error' | 'warning' | 'info';
  /** Both must appear in the finding's Problems panel row. */
  message: string;
  code: string;
  /** Must appear in the hover widget over `hoverAt` (default: over `key`, where the diagnostic shows too). */
  hover: string;
  hoverAt?: string;
  /** The quick fix to pick from the Ctrl+. menu (a part of its title), and text the file has after it. */
  fix?: { title: string; expectText: string };
}

export interface Scenario {
  name: string;
  /** The id (`publisher.name`) of the extension under test. */
  extensionId: string;
  /** Builds (or points at) the .vsix under test. `--vsix <path>` on the command line overrides it. */
  vsix: (ctx: BuildContext) => Promise<string>;
  /** Other extensions installed beside it (e.g. stand-ins for extensions it reacts to), as .vsix files. */
  extensions?: (ctx: BuildContext) => Promise<string[]>;
  /** A folder copied to a temp folder and opened in the workbench (the in-host suite sees it as workspace folder 0). */
  workspace: string;
  /** In-host mocha test files (TypeScript), bundled and run inside the extension host. */
  suite: string[];
  /** User settings for code-server, over the harness's quiet defaults. */
  settings?: Record<string, unknown>;
  /** The findings checked on screen: squiggle, Problems panel, hover, quick fix. */
  findings: Finding[];
  /** Extra on-screen checks, after the findings. */
  ui?: (ctx: UiContext) => Promise<void>;
  /** The Neovim LSP check, given a fresh workspace copy (not the one the editor changed) and a build folder. */
  neovim?: (ctx: BuildContext & { workspace: string }) => NeovimCheck | Promise<NeovimCheck>;
}

export interface UiContext {
  wb: Workbench;
  checks: Checks;
  /** The opened workspace copy. */
  workspace: string;
}

/** A scenario's `vsix` for an already built package (e.g. winnet's `npm run package` output). */
export function prebuilt(path: string): () => Promise<string> {
  return async () => {
    if (!existsSync(path)) throw new Error(`the .vsix ${path} does not exist; build it first (e.g. npm run package)`);
    return path;
  };
}

/** The standard on-screen checks for one finding, each with a screenshot of the moment. */
export async function findingChecks(finding: Finding, { wb, checks, workspace }: UiContext): Promise<void> {
  const severity = finding.severity ?? 'error';
  const tag = `${finding.file} ${finding.code}`;
  const opened = await checks.check(`editor: Quick Open (Ctrl+P) opens ${finding.file}`, async () => {
    await wb.closeAllEditors();
    await wb.quickOpen(finding.file);
    await wb.screenshot(`${finding.file}-opened`);
  });
  if (!opened) return;

  await checks.check(`editor: ${severity} squiggle under "${finding.key}" in ${finding.file}`, async () => {
    const seen = await wb.waitForSquiggleUnder(finding.key, severity);
    const shot = await wb.screenshot(`${tag}-squiggle`);
    console.log(`      squiggle ${JSON.stringify(seen.under[0])} under "${finding.key}" at ${JSON.stringify(seen.text)}; screenshot ${shot}`);
  });

  await checks.check(`editor: Problems panel lists "${finding.message}" with code ${finding.code} under ${finding.file}`, async () => {
    const row = await wb.waitForProblem(finding.file, [finding.message, finding.code]);
    const shot = await wb.screenshot(`${tag}-problems`);
    console.log(`      row: ${JSON.stringify(row)}; screenshot ${shot}`);
  });

  const hoverAt = finding.hoverAt ?? finding.key;
  await checks.check(`editor: hover over "${hoverAt}" shows "${finding.hover}"`, async () => {
    await wb.focusEditor();
    const text = await waitFor(
      `the hover over "${hoverAt}"`,
      () => wb.hover(hoverAt),
      (t) => t.includes(finding.hover),
      finding.hover,
      20_000,
      500,
    );
    const shot = await wb.screenshot(`${tag}-hover`);
    console.log(`      hover: ${JSON.stringify(text.replace(/\s+/g, ' ').slice(0, 200))}; screenshot ${shot}`);
    await wb.dismiss();
  });

  const fix = finding.fix;
  if (fix) {
    await checks.check(`editor: quick fix "${fix.title}" through the light bulb / Ctrl+. changes ${finding.file}`, async () => {
      await wb.dismiss();
      await wb.clickText(finding.key);
      await wb.waitForLightBulb();
      await wb.screenshot(`${tag}-lightbulb`);
      const listed = await wb.openQuickFixMenu();
      const menuShot = await wb.screenshot(`${tag}-quick-fix-menu`);
      if (!listed.some((t) => t.includes(fix.title))) throw new Mismatch('the Ctrl+. menu lists the fix', fix.title, listed, menuShot);
      await wb.pickQuickFix(fix.title);
      await waitFor(
        `the editor text after "${fix.title}"`,
        () => wb.editorText(),
        (t) => t.includes(fix.expectText),
        `text containing ${JSON.stringify(fix.expectText)}`,
      );
      await wb.save();
      const path = join(workspace, finding.file);
      await waitFor(
        `${finding.file} on disk after saving`,
        () => readFileSync(path, 'utf8'),
        (t) => t.includes(fix.expectText),
        `file containing ${JSON.stringify(fix.expectText)}`,
      );
      await waitFor(
        `no ${severity} squiggle left on the fixed text`,
        () => wb.squiggleUnder(fix.expectText.trim()),
        (q) => q.text !== undefined && !q.under.some((u) => u.severity === severity),
        'no squiggle',
      );
      const shot = await wb.screenshot(`${tag}-fixed`);
      console.log(`      menu: ${JSON.stringify(listed)}; screenshots ${menuShot}, ${shot}`);
    });
  }
}

/**
 * Drives the VS Code workbench that code-server serves, in Debian's headless chromium through playwright-core,
 * the way a person would: Quick Open, the mouse over a key, Ctrl+. for quick fixes, the Problems panel. Each
 * reader returns what is on screen (DOM text and positions), so checks compare against what a person sees.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { Mismatch, waitFor } from './checks';

/** The chromium flags the harness always passes (headless, no GPU, nothing phoning home). */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export interface Rect {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface Squiggle extends Rect {
  /** `error`, `warning`, `info` or `hint`. */
  severity: string;
}

export interface SquiggleUnder {
  /** Where `text` is drawn in the editor (undefined if it is not visible). */
  text?: Rect;
  /** The squiggles drawn on the same line as `text`, overlapping it horizontally. */
  under: Squiggle[];
  /** Every squiggle in the editor, for the failure message. */
  all: Squiggle[];
}

export interface WorkbenchOptions {
  chromium: string;
  /** A fresh profile folder for this run (chromium's --user-data-dir). */
  profileDir: string;
  /** Where screenshots go. */
  shotsDir: string;
  viewport?: { width: number; height: number };
  /** Called with each request the page tried to make to anything but 127.0.0.1 (they are all aborted). */
  onBlockedRequest?: (url: string) => void;
}

/** A finding row of the Problems panel and the file row it is listed under. */
export interface ProblemRow {
  file: string;
  text: string;
}

/** A line-by-line view of the active editor, as rendered. */
interface RenderedLine {
  top: number;
  text: string;
}

export class Workbench {
  private shotCount = 0;
  readonly shots: string[] = [];

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly options: WorkbenchOptions,
  ) {}

  static async launch(options: WorkbenchOptions): Promise<Workbench> {
    mkdirSync(options.shotsDir, { recursive: true });
    const context = await chromium.launchPersistentContext(options.profileDir, {
      executablePath: options.chromium,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: options.viewport ?? { width: 1400, height: 900 },
      deviceScaleFactor: 1,
      colorScheme: 'light',
    });
    // Nothing downloads at run time: every request to anything but the loopback code-server is aborted.
    await context.route(
      (url) => url.hostname !== '127.0.0.1' && url.protocol !== 'data:' && url.protocol !== 'blob:',
      async (route) => {
        options.onBlockedRequest?.(route.request().url());
        await route.abort('blockedbyclient');
      },
    );
    const page = context.pages()[0] ?? (await context.newPage());
    return new Workbench(context, page, options);
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => undefined);
  }

  /** Opens the workbench URL and waits until the explorer shows the folder and the status bar is up. */
  async open(url: string, timeoutMs = 90_000): Promise<void> {
    await this.page.goto(url, { timeout: timeoutMs });
    await this.page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
    await this.page.locator('.part.statusbar').waitFor({ timeout: timeoutMs });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: timeoutMs });
  }

  /** Saves a screenshot as `<shotsDir>/<nn>-<name>.png` and returns its path. */
  async screenshot(name: string): Promise<string> {
    const file = join(this.options.shotsDir, `${String(++this.shotCount).padStart(2, '0')}-${name.replace(/[^\w.-]+/g, '-')}.png`);
    await this.page.screenshot({ path: file });
    this.shots.push(file);
    return file;
  }

  // ---------------------------------------------------------------------------------------------------------
  // Commands, Quick Open, editors

  /** Presses Escape a few times: closes hovers, widgets and Quick Input. */
  async dismiss(): Promise<void> {
    for (let i = 0; i < 3; i++) await this.page.keyboard.press('Escape');
  }

  /** Runs a command by its label through the Command Palette (F1), as a person would. */
  async runCommand(label: string): Promise<void> {
    await this.dismiss();
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(`>${label}`);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
      const rows = await this.page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
      throw new Mismatch(`Command Palette has "${label}"`, label, rows);
    });
    await row.click();
    await input.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  }

  /** Opens a workspace file through Quick Open (Ctrl+P) and waits until it is the active editor tab. */
  async quickOpen(relativePath: string): Promise<void> {
    await this.dismiss();
    const name = relativePath.split('/').pop()!;
    await this.page.keyboard.press('Control+P');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(relativePath);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: name }).first();
    await row.waitFor({ state: 'visible', timeout: 15_000 }).catch(async () => {
      const rows = await this.page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
      throw new Mismatch(`Quick Open lists ${relativePath}`, name, rows);
    });
    // Click the matching row: Enter could pick a "recently opened" row that is still focused while the list filters.
    await row.click();
    await waitFor(
      `the active editor tab is ${name}`,
      // The tab's text is split over spans and decorations (problem count); its data-resource-name is the file name.
      async () => (await this.page.locator('.tabs-container .tab.active').first().getAttribute('data-resource-name', { timeout: 1_000 })) ?? '(no active tab)',
      (title) => title === name,
      name,
    );
    await this.editor().locator('.view-lines').waitFor({ state: 'visible' });
  }

  /** The active editor's Monaco element. */
  editor(): Locator {
    return this.page.locator('.editor-group-container.active .editor-instance .monaco-editor').first();
  }

  async closeAllEditors(): Promise<void> {
    await this.runCommand('View: Close All Editors');
  }

  /** Ctrl+S in the active editor. */
  async save(): Promise<void> {
    await this.focusEditor();
    await this.page.keyboard.press('Control+S');
  }

  async focusEditor(): Promise<void> {
    await this.dismiss();
    await this.editor()
      .locator('.view-lines')
      .click({ position: { x: 2, y: 2 } })
      .catch(() => undefined);
  }

  /** The active editor's text as rendered (every line must be on screen: keep fixtures short). */
  async editorText(): Promise<string> {
    const lines = await this.editor()
      .locator('.view-lines .view-line')
      .evaluateAll((elements) =>
        elements.map((e: any) => ({ top: parseFloat(e.style.top || '0'), text: String(e.textContent ?? '').replace(/\u00a0/g, ' ') })),
      );
    return (lines as RenderedLine[])
      .sort((a, b) => a.top - b.top)
      .map((l) => l.text)
      .join('\n');
  }

  /**
   * Where the `occurrence`-th (0-based) match of `text` is drawn in the active editor, from the glyphs' own
   * boxes (a DOM Range over the rendered line), or undefined if it is not on screen.
   */
  async textRect(text: string, occurrence = 0): Promise<Rect | undefined> {
    return this.editor().evaluate(
      // Runs in the page: the repo's tsconfig has no DOM lib, so browser objects are typed `any` here.
      (root: any, [needle, nth]) => {
        const doc = (globalThis as any).document;
        const lines = [...root.querySelectorAll('.view-lines .view-line')].sort(
          (a: any, b: any) => parseFloat(a.style.top || '0') - parseFloat(b.style.top || '0'),
        );
        let seen = 0;
        for (const line of lines) {
          const walker = doc.createTreeWalker(line, 4 /* NodeFilter.SHOW_TEXT */);
          const nodes: { node: any; start: number }[] = [];
          let full = '';
          for (let n = walker.nextNode(); n; n = walker.nextNode()) {
            nodes.push({ node: n, start: full.length });
            full += String(n.textContent ?? '').replace(/\u00a0/g, ' ');
          }
          let index = full.indexOf(needle as string);
          while (index >= 0) {
            if (seen++ === nth) {
              // No named inner functions here: tsx/esbuild would wrap them in a __name() helper the page lacks.
              const end = index + (needle as string).length;
              let startHit = nodes[nodes.length - 1];
              let endHit = nodes[nodes.length - 1];
              for (const x of nodes) {
                if (index < x.start + x.node.length) {
                  startHit = x;
                  break;
                }
              }
              for (const x of nodes) {
                if (end <= x.start + x.node.length) {
                  endHit = x;
                  break;
                }
              }
              const a = { node: startHit.node, offset: index - startHit.start };
              const b = { node: endHit.node, offset: end - endHit.start };
              const range = doc.createRange();
              range.setStart(a.node, a.offset);
              range.setEnd(b.node, b.offset);
              const r = range.getBoundingClientRect();
              return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
            }
            index = full.indexOf(needle as string, index + 1);
          }
        }
        return undefined;
      },
      [text, occurrence] as const,
    );
  }

  // ---------------------------------------------------------------------------------------------------------
  // Squiggles, Problems panel, hover, quick fixes

  /** Every squiggle the active editor draws, with its severity and box. */
  async squiggles(): Promise<Squiggle[]> {
    return this.editor()
      .locator('.view-overlays [class*="squiggly-"]')
      .evaluateAll((elements) =>
        elements.map((e: any) => {
          const r = e.getBoundingClientRect();
          const severity: string = /squiggly-(error|warning|info|hint)/.exec(String(e.className))?.[1] ?? String(e.className);
          return { severity, left: r.left, top: r.top, right: r.right, bottom: r.bottom };
        }),
      );
  }

  /** The squiggles drawn under `text` (same line, overlapping at least half of its width). */
  async squiggleUnder(text: string, occurrence = 0): Promise<SquiggleUnder> {
    const rect = await this.textRect(text, occurrence);
    const all = await this.squiggles();
    if (!rect) return { under: [], all };
    const under = all.filter((s) => {
      const sameLine = s.bottom > rect.top && s.top < rect.bottom + 4;
      const overlap = Math.min(s.right, rect.right) - Math.max(s.left, rect.left);
      return sameLine && overlap >= (rect.right - rect.left) / 2;
    });
    return { text: rect, under, all };
  }

  /** Waits until a squiggle of `severity` is drawn under `text`; throws a Mismatch with what is drawn instead. */
  async waitForSquiggleUnder(text: string, severity = 'error', timeoutMs = 20_000): Promise<SquiggleUnder> {
    return waitFor(
      `a ${severity} squiggle under "${text}"`,
      () => this.squiggleUnder(text),
      (s) => s.under.some((q) => q.severity === severity),
      { under: text, severity },
      timeoutMs,
    );
  }

  /**
   * Opens the Problems panel (Ctrl+Shift+M) and returns its finding rows, each with the file row it is under
   * (e.g. `{ file: 'compose.yaml', text: "'badKey' is not allowed here dummy(DUMMY001) [Ln 4, Col 5]" }`).
   */
  async problems(): Promise<ProblemRow[]> {
    const panel = this.page.locator('.markers-panel');
    if (!(await panel.isVisible())) {
      await this.focusEditor();
      await this.page.keyboard.press('Control+Shift+M');
      await panel.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => this.runCommand('View: Focus Problems (Errors, Warnings, Infos)'));
      await panel.waitFor({ state: 'visible', timeout: 10_000 });
    }
    return this.problemRows();
  }

  async problemRows(): Promise<ProblemRow[]> {
    const rows = await this.page
      .locator('.markers-panel .monaco-list-row')
      .evaluateAll((es) =>
        es.map((e: any) => ({ level: String(e.getAttribute('aria-level') ?? ''), top: parseFloat(e.style.top || '0'), text: String(e.innerText ?? '') })),
      );
    rows.sort((a, b) => a.top - b.top);
    const out: ProblemRow[] = [];
    let file = '';
    for (const row of rows) {
      // File rows (tree level 1) show the name, a folder hint and a count; finding rows (level 2) sit under them.
      const text = row.text.replace(/\s+/g, ' ').trim();
      if (row.level === '1') file = row.text.trim().split(/\s+/)[0];
      else out.push({ file, text });
    }
    return out;
  }

  /** Waits until a Problems row under `file` (its name) contains every one of `parts` (e.g. the message and the code). */
  async waitForProblem(file: string, parts: string[], timeoutMs = 20_000): Promise<ProblemRow> {
    await this.problems();
    const name = file.split('/').pop()!;
    const matches = (r: ProblemRow): boolean => r.file === name && parts.every((p) => r.text.includes(p));
    const rows = await waitFor(
      `a Problems panel row under ${name} with ${parts.map((p) => JSON.stringify(p)).join(' and ')}`,
      () => this.problemRows(),
      (rs) => rs.some(matches),
      { file: name, parts },
      timeoutMs,
    );
    return rows.find(matches)!;
  }

  /** Moves the mouse onto `text` in the active editor and returns the hover widget's text once it shows. */
  async hover(text: string, timeoutMs = 15_000): Promise<string> {
    await this.dismiss();
    const rect = await this.textRect(text);
    if (!rect) throw new Mismatch(`"${text}" is visible in the editor to hover`, text, await this.editorText());
    const hoverWidget = this.page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
    const deadline = Date.now() + timeoutMs;
    // Hovers need the mouse to arrive and rest; move off and back on until the widget shows.
    while (Date.now() < deadline) {
      await this.page.mouse.move(rect.left - 40, rect.top - 40);
      await this.page.mouse.move((rect.left + rect.right) / 2, (rect.top + rect.bottom) / 2, { steps: 5 });
      if (
        await hoverWidget.waitFor({ state: 'visible', timeout: 3_000 }).then(
          () => true,
          () => false,
        )
      ) {
        // The widget renders its parts (diagnostic, provider hover, actions) in turn; let it settle.
        await this.page.waitForTimeout(300);
        return (await hoverWidget.innerText()).trim();
      }
    }
    throw new Mismatch(`a hover widget over "${text}"`, 'a visible .monaco-hover', '(no hover widget)');
  }

  // ---------------------------------------------------------------------------------------------------------
  // Language status (the `{}` entry of the status bar for the active editor)

  /** The language status entry of the status bar. */
  private languageStatusEntry(): Locator {
    return this.page.locator('.part.statusbar [id="status.languageStatus"]').first();
  }

  /**
   * Moves the mouse onto the language status entry and returns its hover's text (every extension's items for the
   * active editor), once one of them contains `expect`.
   */
  async languageStatus(expect: string, timeoutMs = 20_000): Promise<string> {
    const entry = this.languageStatusEntry();
    const hover = this.page.locator('.hover-language-status, .monaco-hover:not(.hidden), .workbench-hover').filter({ visible: true }).first();
    return waitFor(
      `the language status hover shows "${expect}"`,
      async () => {
        await this.page.mouse.move(10, 10);
        await entry.waitFor({ state: 'visible', timeout: 5_000 });
        await entry.hover();
        await hover.waitFor({ state: 'visible', timeout: 3_000 });
        await this.page.waitForTimeout(300);
        return (await hover.innerText()).replace(/\s+/g, ' ').trim();
      },
      (text) => text.includes(expect),
      expect,
      timeoutMs,
      500,
    );
  }

  /** Clicks a link (an item's command) in the language status hover, which must be open. */
  async clickLanguageStatusLink(label: string): Promise<void> {
    const link = this.page.locator('.hover-language-status a, .monaco-hover a, .workbench-hover a', { hasText: label }).filter({ visible: true }).first();
    await link.waitFor({ state: 'visible', timeout: 5_000 }).catch(async () => {
      const seen = await this.page.locator('.hover-language-status a, .monaco-hover a, .workbench-hover a').allInnerTexts();
      throw new Mismatch(`the language status hover has a "${label}" link`, label, seen);
    });
    await link.click();
  }

  /** Types into the open Quick Input and picks the row that contains `label`. */
  async pickQuickInput(filter: string, label: string): Promise<void> {
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill(filter);
    const row = this.page.locator('.quick-input-widget .monaco-list-row', { hasText: label }).first();
    await row.waitFor({ state: 'visible', timeout: 10_000 }).catch(async () => {
      const rows = await this.page.locator('.quick-input-widget .monaco-list-row').allInnerTexts();
      throw new Mismatch(`the quick pick lists "${label}"`, label, rows);
    });
    await row.click();
    await input.waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
  }

  /** Clicks into `text` in the active editor (puts the cursor there). */
  async clickText(text: string): Promise<void> {
    const rect = await this.textRect(text);
    if (!rect) throw new Mismatch(`"${text}" is visible in the editor to click`, text, await this.editorText());
    await this.page.mouse.click(rect.left + 2, (rect.top + rect.bottom) / 2);
  }

  /** Waits for the light bulb that marks available code actions at the cursor line. */
  async waitForLightBulb(timeoutMs = 10_000): Promise<void> {
    const bulb = this.page.locator('.monaco-editor [class*="lightbulb" i], .monaco-editor [class*="lightBulb"]').filter({ visible: true }).first();
    await bulb.waitFor({ state: 'visible', timeout: timeoutMs }).catch(async () => {
      const seen = await this.page.locator('[class*="light" i]').evaluateAll((es) => es.map((e: any) => String(e.className)));
      throw new Mismatch('the light bulb shows next to the line', 'a visible light bulb (class *lightbulb*)', seen.length ? seen : '(no light bulb)');
    });
  }

  /** Ctrl+. at the cursor: returns the titles the quick fix menu lists. Leaves the menu open. */
  async openQuickFixMenu(timeoutMs = 10_000): Promise<string[]> {
    await this.page.keyboard.press('Control+Period');
    const rows = this.page.locator('.action-widget .monaco-list-row');
    await rows
      .first()
      .waitFor({ state: 'visible', timeout: timeoutMs })
      .catch(() => {
        throw new Mismatch('Ctrl+. opens the quick fix menu', 'a visible .action-widget', '(no quick fix menu)');
      });
    await this.page.waitForTimeout(200);
    return (await rows.allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()).filter(Boolean);
  }

  /** Picks the entry whose title contains `title` from the open quick fix menu (arrow keys + Enter). */
  async pickQuickFix(title: string): Promise<void> {
    const row = this.page.locator('.action-widget .monaco-list-row.action', { hasText: title }).first();
    if (!(await row.isVisible())) {
      const listed = await this.page.locator('.action-widget .monaco-list-row').allInnerTexts();
      throw new Mismatch('the quick fix menu lists the fix', title, listed);
    }
    await row.hover();
    await row.click();
    await this.page
      .locator('.action-widget')
      .waitFor({ state: 'hidden', timeout: 10_000 })
      .catch(() => undefined);
  }
}

/**
 * code-server on a free loopback port, with its own user-data and extensions folders: install .vsix files,
 * start it on a folder, stop it (its whole process group, by the pid this harness started).
 */
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, cpSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { Tools } from './paths';

/** User settings that keep the workbench quiet and deterministic: no welcome page, tips, telemetry or update checks. */
export const QUIET_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'git.openRepositoryInParentFolders': 'never',
  'chat.disableAIFeatures': true,
  'editor.minimap.enabled': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'editor.hover.delay': 300,
  'files.autoSave': 'off',
};

export interface CodeServerOptions {
  tools: Tools;
  /** A fresh folder for user data, extensions, config and logs. */
  home: string;
  /** Extra environment for code-server and so for its extension host (e.g. WINNET_E2E_JOB). */
  env?: Record<string, string>;
  /** User settings, merged over QUIET_SETTINGS. */
  settings?: Record<string, unknown>;
}

export class CodeServer {
  readonly userDataDir: string;
  readonly extensionsDir: string;
  readonly logFile: string;
  private readonly config: string;
  private child: ChildProcess | undefined;
  url = '';

  constructor(private readonly options: CodeServerOptions) {
    this.userDataDir = join(options.home, 'user-data');
    this.extensionsDir = join(options.home, 'extensions');
    this.config = join(options.home, 'config.yaml');
    this.logFile = join(options.home, 'code-server.log');
    mkdirSync(join(this.userDataDir, 'User'), { recursive: true });
    mkdirSync(this.extensionsDir, { recursive: true });
    // Our own config file, so code-server never writes one (with a password) into ~/.config.
    writeFileSync(this.config, 'auth: none\n');
    writeFileSync(join(this.userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...options.settings }, null, 2));
  }

  private env(): NodeJS.ProcessEnv {
    const { tools, home, env } = this.options;
    return {
      ...process.env,
      // code-server's own data (logs, state) stays under `home`, not in ~/.local/share or ~/.config.
      XDG_DATA_HOME: join(home, 'xdg-data'),
      XDG_CONFIG_HOME: join(home, 'xdg-config'),
      PATH: `${join(tools.node24, '..')}:${process.env.PATH ?? ''}`,
      // No extension gallery: nothing is looked up or downloaded from a marketplace at run time.
      EXTENSIONS_GALLERY: JSON.stringify({ serviceUrl: '' }),
      ...env,
    };
  }

  private baseArgs(): string[] {
    return [this.options.tools.codeServer, '--config', this.config, '--user-data-dir', this.userDataDir, '--extensions-dir', this.extensionsDir];
  }

  /** `code-server --install-extension` for each .vsix; returns the installed extension ids (`--list-extensions`). */
  install(...vsixFiles: string[]): string[] {
    const args = [...this.baseArgs(), ...vsixFiles.flatMap((v) => ['--install-extension', v]), '--force'];
    try {
      execFileSync(this.options.tools.node24, args, { env: this.env(), encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], timeout: 120_000 });
    } catch (error) {
      const e = error as { stdout?: string; stderr?: string };
      throw new Error(`code-server --install-extension ${vsixFiles.join(' ')} failed:\n${e.stdout ?? ''}${e.stderr ?? ''}`);
    }
    return this.listExtensions();
  }

  listExtensions(): string[] {
    const out = execFileSync(this.options.tools.node24, [...this.baseArgs(), '--list-extensions', '--show-versions'], {
      env: this.env(),
      encoding: 'utf8',
      timeout: 60_000,
    });
    return out
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^[\w-]+\.[\w-]+@/.test(l));
  }

  /** Starts code-server on 127.0.0.1 and a port the OS picks; resolves with the workbench URL for `folder`. */
  async start(folder: string, timeoutMs = 60_000): Promise<string> {
    const args = [
      ...this.baseArgs(),
      '--auth',
      'none',
      '--bind-addr',
      '127.0.0.1:0',
      '--disable-workspace-trust',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-getting-started-override',
      '--ignore-last-opened',
    ];
    const log = createWriteStream(this.logFile);
    const child = spawn(this.options.tools.node24, args, { env: this.env(), detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    this.child = child;
    let output = '';
    const base = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`code-server did not report its address within ${timeoutMs} ms; output:\n${output}`)), timeoutMs);
      const onData = (chunk: Buffer): void => {
        log.write(chunk);
        output += chunk.toString();
        const match = /HTTP server listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      };
      child.stdout!.on('data', onData);
      child.stderr!.on('data', onData);
      child.on('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`code-server exited early (code ${code}, signal ${signal}); output:\n${output}`));
      });
    });
    this.url = `${base}/?folder=${encodeURIComponent(folder)}`;
    return this.url;
  }

  /** Stops code-server and its children (extension host, language servers): SIGTERM to its group, then SIGKILL. */
  async stop(): Promise<void> {
    const child = this.child;
    this.child = undefined;
    if (!child || child.pid === undefined || child.exitCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    const signal = (sig: NodeJS.Signals): void => {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        /* already gone */
      }
    };
    signal('SIGTERM');
    const timedOut = await Promise.race([exited.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), 5_000))]);
    if (timedOut) signal('SIGKILL');
    signal('SIGKILL'); // the group's stragglers (a language server that ignored SIGTERM)
  }

  /** Copies code-server's logs (its own and the VS Code server's, extension host included) into `dest`. */
  saveLogs(dest: string): string[] {
    mkdirSync(dest, { recursive: true });
    const saved: string[] = [];
    if (existsSync(this.logFile)) {
      cpSync(this.logFile, join(dest, 'code-server.log'));
      saved.push(join(dest, 'code-server.log'));
    }
    const logs = join(this.userDataDir, 'logs');
    if (existsSync(logs)) {
      for (const file of walk(logs)) {
        const target = join(dest, 'vscode', relative(logs, file));
        cpSync(file, target);
        saved.push(target);
      }
    }
    return saved;
  }
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

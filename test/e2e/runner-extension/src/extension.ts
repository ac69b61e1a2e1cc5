/**
 * The companion "test runner" extension: code-server has no --extensionTestsPath, so on activation it runs the
 * mocha job named by $WINNET_E2E_JOB inside the extension host and writes the results file the harness
 * waits for (plus `<results>.started` as soon as it picks the job up, so a hang is told from a no-show).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as vscode from 'vscode';
import { runMochaJob, writeResults, type MochaJob, type MochaResults } from '../../host/mocha-job';

async function runJob(jobPath: string | undefined): Promise<MochaResults | undefined> {
  if (!jobPath) {
    void vscode.window.showErrorMessage('winnet e2e: WINNET_E2E_JOB is not set in the extension host environment.');
    return undefined;
  }
  const job = JSON.parse(readFileSync(jobPath, 'utf8')) as MochaJob;
  writeFileSync(`${job.results}.started`, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
  const host = { appName: vscode.env.appName, vscode: vscode.version, node: process.version, uiKind: vscode.UIKind[vscode.env.uiKind] };
  const results = await runMochaJob(job, host);
  writeResults(job.results, results);
  return results;
}

export function activate(context: vscode.ExtensionContext): void {
  context.subscriptions.push(vscode.commands.registerCommand('winnetE2e.runTests', (jobPath?: string) => runJob(jobPath ?? process.env.WINNET_E2E_JOB)));
  if (process.env.WINNET_E2E_JOB) void runJob(process.env.WINNET_E2E_JOB);
}

export function deactivate(): void {}

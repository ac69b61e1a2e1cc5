/**
 * The extensionTestsPath entry for @vscode/test-electron (`npm run test:electron`): runs the same mocha job as
 * the code-server runner extension, in desktop VS Code's extension host, and fails the run on any failure.
 */
import { runMochaJob, writeResults, type MochaJob } from './mocha-job';
import { readFileSync } from 'node:fs';

export async function run(): Promise<void> {
  // Not WINNET_E2E_JOB: the runner extension (loaded here as the development extension) would run that job too.
  const jobPath = process.env.WINNET_E2E_ELECTRON_JOB;
  if (!jobPath) throw new Error('WINNET_E2E_ELECTRON_JOB is not set: run this through `npm run test:electron`.');
  const job = JSON.parse(readFileSync(jobPath, 'utf8')) as MochaJob;
  const vscode = require('vscode') as typeof import('vscode');
  const results = await runMochaJob(job, { appName: vscode.env.appName, vscode: vscode.version, node: process.version });
  writeResults(job.results, results);
  if (results.fatal) throw new Error(`the suite did not run: ${results.fatal.message}`);
  if (results.stats.failures > 0) throw new Error(`${results.stats.failures} of ${results.stats.tests} in-host tests failed`);
}

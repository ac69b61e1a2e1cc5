/**
 * The `run:` steps of a GitHub Actions workflow. The shell of a step is its `shell:`, else `defaults.run.shell` of
 * its job, else of the workflow, else the runner's default: pwsh on Windows runners, bash elsewhere ("Workflow syntax
 * for GitHub Actions", jobs.<job_id>.steps[*].shell and defaults.run). A job runs on Windows when `runs-on` names a
 * Windows label, directly, in a list or group labels, or through a `${{ matrix.x }}` whose values include one.
 */
import { parseDocument } from '../documents/document';
import { asMap, get, getPath, items, pairs, scalarText, type Node } from '../documents/tree';
import type { ScriptBlock } from './script-block';
import { scalarRegion } from './yaml-region';
import type { Shell } from './words';

export function githubActionsBlocks(path: string, text: string): ScriptBlock[] {
  const root = asMap(parseDocument(path, text, 'yaml').root);
  if (!root) return [];
  const blocks: ScriptBlock[] = [];
  const workflowShell = scalarText(getPath(root, ['defaults', 'run', 'shell']));
  for (const { key, value: job } of pairs(get(root, 'jobs'))) {
    if (!asMap(job)) continue;
    const windows = runsOnWindows(job);
    const jobShell = scalarText(getPath(job, ['defaults', 'run', 'shell'])) ?? workflowShell;
    items(get(job, 'steps')).forEach((step, index) => {
      const region = scalarRegion(text, get(step, 'run'));
      if (!region) return;
      const written = scalarText(get(step, 'shell')) ?? jobShell ?? (windows ? 'pwsh' : 'bash');
      const program = written.trim().split(/\s+/)[0]?.toLowerCase() ?? '';
      const shell = SHELLS[program];
      if (!shell) return;
      const name = scalarText(get(step, 'name')) ?? scalarText(get(step, 'id')) ?? `${String(key.value)} #${index + 1}`;
      const block: ScriptBlock = { shell, ...region, where: `GitHub Actions step \`${name}\` (${program})` };
      // cmd and Windows PowerShell exist only on Windows runners.
      if (windows || program === 'cmd' || program === 'powershell') block.platform = 'windows';
      blocks.push(block);
    });
  }
  return blocks;
}

const SHELLS: Record<string, Shell | undefined> = { pwsh: 'powershell', powershell: 'powershell', cmd: 'cmd', bash: 'posix', sh: 'posix' };

/** Whether the job's `runs-on` names a Windows runner (GitHub's labels are `windows-latest`, `windows-2022`, ...). */
function runsOnWindows(job: Node): boolean {
  const runsOn = get(job, 'runs-on');
  const labels = [...scalarsIn(runsOn), ...scalarsIn(get(runsOn, 'labels')), ...scalarsIn(get(runsOn, 'group'))];
  return labels.some((label) => mentionsWindows(label, job));
}

function scalarsIn(node: Node | undefined): string[] {
  const single = scalarText(node);
  if (single !== undefined) return [single];
  return items(node)
    .map((item) => scalarText(item))
    .filter((label): label is string => label !== undefined);
}

/** A label, or a `${{ matrix.os }}` whose values in the job's matrix (or its `include` entries) include a Windows one. */
function mentionsWindows(label: string, job: Node): boolean {
  if (/windows/i.test(label)) return true;
  const matrix = getPath(job, ['strategy', 'matrix']);
  for (const [, name] of label.matchAll(/matrix\.([\w-]+)/g)) {
    const values = [...scalarsIn(get(matrix, name)), ...items(get(matrix, 'include')).flatMap((entry) => scalarsIn(get(entry, name)))];
    if (values.some((value) => /windows/i.test(value))) return true;
  }
  return false;
}

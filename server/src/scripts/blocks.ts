/**
 * Which parts of a file are shell scripts, in which shell, and what the file says about the platform; then the
 * commands of each part. The kind of file is decided by its path (any case, `/` or `\` separators, a URI too):
 * PowerShell and batch scripts are one Windows block each, shell scripts (or files with an sh/bash shebang) one
 * block, Markdown its fenced shell blocks (markdown.ts), CI files their steps (github-actions.ts,
 * azure-pipelines.ts, gitlab-ci.ts). Any other file has no blocks.
 */
import type { CommandLine } from './words';
import { azurePipelineBlocks, looksLikeAzurePipeline } from './azure-pipelines';
import { githubActionsBlocks } from './github-actions';
import { gitlabBlocks } from './gitlab-ci';
import { markdownBlocks } from './markdown';
import type { ScriptBlock } from './script-block';
import { commandLines as cmdCommandLines } from './shells/cmd';
import { commandLines as posixCommandLines } from './shells/posix';
import { commandLines as powershellCommandLines } from './shells/powershell';

export type { ScriptBlock } from './script-block';

export function scriptBlocks(path: string, text: string): ScriptBlock[] {
  const name = baseName(path);
  const whole = (block: Omit<ScriptBlock, 'from' | 'to'>): ScriptBlock[] => [{ ...block, from: 0, to: text.length }];
  if (/\.(ps1|psm1|psd1)$/.test(name)) return whole({ shell: 'powershell', platform: 'windows', where: 'PowerShell script' });
  if (/\.(cmd|bat)$/.test(name)) return whole({ shell: 'cmd', platform: 'windows', where: 'batch file' });
  if (/\.(sh|bash)$/.test(name)) return whole({ shell: 'posix', where: 'shell script' });
  if (/\.(md|markdown)$/.test(name)) return markdownBlocks(text);
  if (/\.ya?ml$/.test(name)) return distinct(yamlBlocks(path, name, text));
  const interpreter = shebang(text);
  if (interpreter === 'posix') return whole({ shell: 'posix', where: 'shell script' });
  if (interpreter === 'powershell') return whole({ shell: 'powershell', where: 'PowerShell script' });
  return [];
}

/** The commands of every script block of the file, each with its block. */
export function commandLinesOf(path: string, text: string): { block: ScriptBlock; line: CommandLine }[] {
  return scriptBlocks(path, text).flatMap((block) => {
    const read = block.shell === 'powershell' ? powershellCommandLines : block.shell === 'cmd' ? cmdCommandLines : posixCommandLines;
    return read(text, block.from, block.to, block.skip).map((line) => ({ block, line }));
  });
}

function yamlBlocks(path: string, name: string, text: string): ScriptBlock[] {
  const normalized = path.replace(/\\/g, '/').toLowerCase();
  if (/(^|\/)\.github\/workflows\/[^/]+$/.test(normalized)) return githubActionsBlocks(path, text);
  if (name === '.gitlab-ci.yml' || name === '.gitlab-ci.yaml' || name.endsWith('.gitlab-ci.yml')) return gitlabBlocks(path, text);
  if (name.startsWith('azure-pipelines')) return azurePipelineBlocks(path, text, true);
  if (looksLikeAzurePipeline(text)) return azurePipelineBlocks(path, text, false);
  return [];
}

/** The file name, lower case, from a path or URI with either separator. */
function baseName(path: string): string {
  const parts = path.split(/[\\/]/);
  return (parts[parts.length - 1] ?? '').toLowerCase();
}

/** `#!/bin/sh`, `#!/usr/bin/env bash`, `#!/usr/bin/env pwsh`: the script's shell, from its first line. */
function shebang(text: string): 'posix' | 'powershell' | undefined {
  const first = /^\uFEFF?#!\s*(\S+)(?:[ \t]+(\S+))?/.exec(text.slice(0, 256));
  if (!first) return undefined;
  const program = first[1].split('/').pop() === 'env' ? (first[2] ?? '') : (first[1].split('/').pop() ?? '');
  if (/^(sh|bash|dash|ash|ksh|zsh)$/.test(program)) return 'posix';
  if (/^(pwsh|powershell)(\.exe)?$/i.test(program)) return 'powershell';
  return undefined;
}

/** One block per place in the file: a YAML anchor used by several steps or jobs is one script, checked once. */
function distinct(blocks: ScriptBlock[]): ScriptBlock[] {
  const seen = new Set<string>();
  return blocks.filter((block) => {
    const key = `${block.from}:${block.to}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

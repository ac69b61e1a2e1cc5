/**
 * The shell blocks of a Markdown document: fenced code blocks (CommonMark §4.5: ``` or ~~~, at least three, an
 * info string whose first word names the language, closed by a fence of the same character at least as long, or by
 * the end of the document) whose language is a shell, or, untagged, whose lines carry shell prompts.
 *
 * Documentation shows commands with prompts (`PS C:\> docker ...`, `C:\> docker ...`, `$ docker ...`) followed by
 * their output. In such a block the prompts are skipped, and so are the lines without one (output, not commands),
 * except where the command before goes on (a continuation character, or PowerShell's `>> ` and sh's `> ` secondary
 * prompts). A PowerShell or cmd prompt says the block runs on Windows.
 */
import type { Span } from '../documents/text';
import type { ScriptBlock } from './script-block';
import type { Shell } from './words';

const POWERSHELL_TAGS = new Set(['powershell', 'pwsh', 'ps1', 'ps', 'posh']);
const CMD_TAGS = new Set(['cmd', 'bat', 'batch', 'dos']);
const POSIX_TAGS = new Set(['sh', 'bash', 'zsh']);
/** Terminal sessions: prompts and output, in any shell (the prompt tells which). */
const CONSOLE_TAGS = new Set(['console', 'shell', 'shellsession', 'shell-session', 'sh-session', 'terminal']);

type PromptKind = 'powershell' | 'cmd' | 'dollar' | 'hash';

/** `PS>`, `PS C:\>`, `PS C:\some\path>`, `PS /home/me>` at the start of a line; its length with one blank after it. */
const POWERSHELL_PROMPT = /^PS(?: [^>\r\n]*)?> ?/;
/** `C:\>`, `C:\some\path>`. */
const CMD_PROMPT = /^[A-Za-z]:\\[^>\r\n]*> ?/;

export function markdownBlocks(text: string): ScriptBlock[] {
  const blocks: ScriptBlock[] = [];
  const lines = linesOf(text);
  let k = 0;
  while (k < lines.length) {
    const open = fenceOpen(text, lines[k]);
    if (!open) {
      k++;
      continue;
    }
    let close = k + 1;
    while (close < lines.length && !fenceCloses(text, lines[close], open)) close++;
    const content = lines.slice(k + 1, close);
    const block = shellBlock(text, content, open);
    if (block) blocks.push(block);
    k = close + 1;
  }
  return blocks;
}

interface Line {
  start: number;
  end: number;
  next: number;
}

function linesOf(text: string): Line[] {
  const lines: Line[] = [];
  let at = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (at < text.length) {
    let end = text.indexOf('\n', at);
    if (end < 0) end = text.length;
    const next = Math.min(end + 1, text.length);
    lines.push({ start: at, end: end > at && text[end - 1] === '\r' ? end - 1 : end, next });
    at = next;
  }
  return lines;
}

interface Fence {
  char: '`' | '~';
  length: number;
  /** The opening fence's indentation, removed from each content line (§4.5). */
  indent: number;
  tag: string;
}

/**
 * An opening fence: any indentation (a fence in a nested list item is indented past the three spaces a top-level one
 * may have), three or more backticks or tildes, and an info string (for backticks, without backticks).
 */
function fenceOpen(text: string, line: Line): Fence | undefined {
  const match = /^([ \t]*)(`{3,}|~{3,})(.*)$/.exec(text.slice(line.start, line.end));
  if (!match) return undefined;
  const [, indent, fence, info] = match;
  if (fence[0] === '`' && info.includes('`')) return undefined;
  const tag = (/^[\s{.]*([\w+-]*)/.exec(info)?.[1] ?? '').toLowerCase();
  return { char: fence[0] as '`' | '~', length: fence.length, indent: indent.length, tag };
}

function fenceCloses(text: string, line: Line, open: Fence): boolean {
  const match = /^[ \t]*(`{3,}|~{3,})[ \t]*$/.exec(text.slice(line.start, line.end));
  return match !== null && match[1][0] === open.char && match[1].length >= open.length;
}

/** The shell and prompts of a fenced block, or undefined when it is no shell block. */
function shellBlock(text: string, content: Line[], fence: Fence): ScriptBlock | undefined {
  const { tag } = fence;
  if (content.length === 0) return undefined;
  const from = content[0].start;
  const to = content[content.length - 1].end;
  const bodyStart = (line: Line) => Math.min(line.start + leadingBlanks(text, line, fence.indent), line.end);
  const promptOf = (line: Line): PromptKind | undefined => promptKind(text.slice(bodyStart(line), line.end));
  // In an untagged block `# ` starts a comment more often than it is a root prompt.
  const firstPrompt = content.map(promptOf).find((kind) => kind !== undefined && (kind !== 'hash' || tag !== ''));

  let shell: Shell;
  let prompt: PromptKind | undefined;
  if (POWERSHELL_TAGS.has(tag)) {
    shell = 'powershell';
    prompt = content.some((line) => promptOf(line) === 'powershell') ? 'powershell' : undefined;
  } else if (CMD_TAGS.has(tag)) {
    shell = 'cmd';
    prompt = content.some((line) => promptOf(line) === 'cmd') ? 'cmd' : undefined;
  } else if (POSIX_TAGS.has(tag)) {
    shell = 'posix';
    prompt = content.some((line) => promptOf(line) === 'dollar') ? 'dollar' : undefined;
  } else if (CONSOLE_TAGS.has(tag) || tag === '' || firstPrompt === 'powershell' || firstPrompt === 'cmd') {
    // A terminal session, an untagged block that shows prompts, or any block that shows a PowerShell or cmd prompt
    // (Microsoft's docs tag `C:\> docker network create ...` sessions as `output`): the first prompt says which
    // shell. An untagged block without prompts counts when a line of it runs docker (READMEs often write
    // `docker run -d -p 80:80 iis` in a bare fence); otherwise it may be anything (output, YAML, a log).
    prompt = firstPrompt;
    if (prompt === undefined) {
      if (tag === '' && !content.some((line) => /^docker(\.exe)?\s/.test(text.slice(bodyStart(line), line.end)))) return undefined;
      shell = 'posix';
    } else {
      shell = prompt === 'powershell' ? 'powershell' : prompt === 'cmd' ? 'cmd' : 'posix';
    }
  } else {
    return undefined;
  }

  const skip: Span[] = [];
  /** The line before was part of a command: a secondary prompt goes on with it (a here-document, a string). */
  let inCommand = false;
  /** The line before ended with the shell's continuation character: this line is the command's, prompt or not. */
  let continued = false;
  const secondaryPrompt = shell === 'powershell' ? /^>>(?: |$)/ : shell === 'posix' ? /^>(?: |$)/ : undefined;
  for (const line of content) {
    const indentEnd = bodyStart(line);
    if (indentEnd > line.start) skip.push({ start: line.start, end: indentEnd });
    if (prompt === undefined) continue;
    const body = text.slice(indentEnd, line.end);
    const secondary = inCommand ? secondaryPrompt?.exec(body) : null;
    let commandStart = -1;
    if (secondary) commandStart = indentEnd + secondary[0].length;
    else if (continued) commandStart = indentEnd;
    else if (promptKind(body) === prompt) commandStart = indentEnd + promptLength(body, prompt);
    if (commandStart < 0) {
      // Output: the whole line is left out (its line break stays, so the command before it ends there).
      if (line.end > indentEnd) skip.push({ start: indentEnd, end: line.end });
      inCommand = false;
      continued = false;
      continue;
    }
    if (commandStart > indentEnd) skip.push({ start: indentEnd, end: commandStart });
    inCommand = true;
    continued = continues(text.slice(commandStart, line.end), shell);
  }
  const windows = shell !== 'posix' || prompt === 'powershell' || prompt === 'cmd';
  const block: ScriptBlock = { shell, from, to, where: `Markdown block (${tag || shell})` };
  if (windows) block.platform = 'windows';
  if (skip.length > 0) block.skip = mergeSpans(skip);
  return block;
}

function leadingBlanks(text: string, line: Line, max: number): number {
  let n = 0;
  while (n < max && line.start + n < line.end && (text[line.start + n] === ' ' || text[line.start + n] === '\t')) n++;
  return n;
}

function promptKind(body: string): PromptKind | undefined {
  if (POWERSHELL_PROMPT.test(body)) return 'powershell';
  if (CMD_PROMPT.test(body)) return 'cmd';
  if (body.startsWith('$ ') || body === '$') return 'dollar';
  if (body.startsWith('# ') || body === '#') return 'hash';
  return undefined;
}

function promptLength(body: string, kind: PromptKind): number {
  if (kind === 'powershell') return POWERSHELL_PROMPT.exec(body)?.[0].length ?? 0;
  if (kind === 'cmd') return CMD_PROMPT.exec(body)?.[0].length ?? 0;
  return Math.min(2, body.length);
}

/** Whether a command line goes on on the next line: it ends with the shell's continuation character. */
function continues(command: string, shell: Shell): boolean {
  const trimmed = shell === 'powershell' ? command.replace(/[ \t]+$/, '') : command;
  const last = trimmed[trimmed.length - 1];
  return shell === 'powershell' ? last === '`' : shell === 'cmd' ? last === '^' : last === '\\';
}

/** Sorted, with touching or overlapping spans joined. */
function mergeSpans(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const merged: Span[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) last.end = Math.max(last.end, span.end);
    else merged.push({ ...span });
  }
  return merged;
}

/**
 * The hover on a `${VAR}` in a compose file: what compose substitutes for the expression under the cursor and why
 * (".env line 3", the environment, the default written in the file, or an empty string), and which env files winnet
 * read, so a value that is "not set" says where winnet looked.
 */
import { basename } from '../compose/paths';
import { describeSource, type Environment } from '../compose/environment';
import type { Resolution } from '../compose/resolve';
import type { ParsedDocument } from '../documents/document';
import type { Hover } from './compose-hover';
import { type PlacedUse, placedUses, useAt } from './variable-uses';

/** Values longer than this are cut in a hover: a certificate in `.env` is no reading matter. */
const MAX_SHOWN = 200;

export function variableHover(doc: ParsedDocument, resolution: Resolution, offset: number): Hover | undefined {
  const use = useAt(placedUses(doc, resolution), offset);
  return use && { markdown: describeUse(use, resolution.env), span: use.span };
}

/** The markdown of one use: its value, why it has that value, and what winnet read. */
export function describeUse(use: PlacedUse, env: Environment): string {
  const expression = code(truncate(use.expression, MAX_SHOWN));
  const head =
    use.value === undefined
      ? `**${expression}**: compose stops here`
      : use.known
        ? `**${expression}** is ${shown(use.value)}`
        : `**${expression}** ${use.operator === undefined ? 'is not set' : 'has no value winnet knows of'}`;
  const lines = [head, '', why(use)];
  const whole = use.substitution;
  if (whole.value !== undefined && whole.written !== use.expression) lines.push('', `The whole value compose substitutes: ${shown(whole.value)}`);
  lines.push('', readFrom(env, !use.binding));
  return lines.join('\n');
}

/** Why the expression has its value: where the variable is set, or what its operator does when it is not. */
function why(use: PlacedUse): string {
  const name = code(use.name);
  const { binding, operator } = use;
  if (!binding) {
    switch (operator) {
      case undefined:
        return `${name} is not set: compose substitutes an empty string (and warns "The "${use.name}" variable is not set. Defaulting to a blank string.").`;
      case ':-':
      case '-':
        return `${name} is not set: ${fallback('default', use)}.`;
      case ':+':
      case '+':
        return `${name} is not set: compose substitutes an empty string (the alternate applies only when ${name} is set).`;
      default:
        return `${name} is not set: compose stops with "${use.problem ?? `required variable ${use.name} is missing a value`}".`;
    }
  }
  const where = describeSource(binding.source);
  const set = `${name} is ${binding.value === '' ? 'empty' : 'set'} in ${where}${binding.source.kind === 'file' ? ` (${code(entryText(binding.source))})` : ''}`;
  const empty = binding.value === '';
  switch (operator) {
    case ':-':
      return empty ? `${set}: ${fallback('default', use)}.` : `${set}.`;
    case ':+':
      return empty ? `${set}: the alternate applies only when it is not empty.` : `${set}: ${fallback('alternate', use)}.`;
    case '+':
      return `${set}: ${fallback('alternate', use)}.`;
    case ':?':
      return empty ? `${set}: compose stops with "${use.problem ?? `required variable ${use.name} is missing a value`}".` : `${set}.`;
    default:
      return `${set}.`;
  }
}

/** "the default `x` applies", or what it is made of when it holds a variable compose cannot give. */
function fallback(what: 'default' | 'alternate', use: PlacedUse): string {
  const value = use.value ?? '';
  if (!use.known) return `the ${what} applies, with a variable that is not set`;
  return value === '' ? `the ${what}, an empty string, applies` : `the ${what} ${shown(value)} applies`;
}

/** `NAME=value` as the env file has it, for the reader to recognise the line. */
function entryText(source: { entry: { span: { start: number; end: number } }; lines: { text: string } }): string {
  return truncate(source.lines.text.slice(source.entry.span.start, source.entry.span.end).replace(/\s+/g, ' '), 80);
}

/**
 * Where winnet looked: a value "not set" is not set in these, and the shell may still set it where compose runs. "Read
 * no `.env`" covers both a project without one and one winnet may not read (an untrusted workspace, outside its folders).
 */
function readFrom(env: Environment, unset: boolean): string {
  const files = env.files.map((f) => code(basename(f.path)));
  const read = files.length ? `winnet read ${files.join(', ')}${env.processRead ? ' and the environment' : ''}.` : undefined;
  if (env.processRead) return read ?? 'winnet read the environment, and no env file for this project.';
  const shell = unset ? " The shell's environment is not read here (`winnet.readProcessEnvironment`): where compose runs, it may set this variable." : '';
  return `${read ?? 'winnet read no `.env` for this project.'}${shell}`;
}

function shown(value: string): string {
  return value === '' ? 'an empty string' : code(truncate(value, MAX_SHOWN));
}

function truncate(value: string, max: number): string {
  return value.length > max ? `${value.slice(0, max - 1)}…` : value;
}

/** Inline code that survives any value: a fence longer than the value's longest run of backticks, one line. */
export function code(value: string): string {
  const flat = value.replace(/\r?\n|\r/g, '⏎');
  const longest = (flat.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length), 0);
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

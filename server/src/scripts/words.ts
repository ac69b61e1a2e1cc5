/**
 * What the shell tokenizers produce: the simple commands of a script, each as the words the program would receive,
 * with where every word and every character of it is written in the file. The docker-argument parser works on these
 * values and points its findings back through `span` and `offsets`, so a finding on `--ip6` inside a continued,
 * quoted, indented command still lands on the exact characters.
 */
import type { Span } from '../documents/text';

export type Shell = 'powershell' | 'cmd' | 'posix';

export interface Word {
  /** The word's value after the shell's quote removal and escapes (what the program receives), as far as it is literal. */
  value: string;
  /** The word as written in the file, quotes included (may span a continuation). */
  span: Span;
  /** False when part of the word is not known literally: a variable ($x, ${X}, %X%, !X!, $env:X), a subexpression ($(...), `...`, @(...)), a glob the shell would expand, splatting (@args). `value` then holds the text with those parts as written. */
  literal: boolean;
  /**
   * Where each character of `value` comes from in the file: `offsets[i]` is the file offset of value[i]'s first source character, and offsets[value.length] is the end of the last one.
   * For a word written plainly this is span.start + i; quotes, escapes and continuations make it jump.
   */
  offsets: number[];
}

/** One simple command: its words in order (the command name first), from one line or joined over continuations. */
export interface CommandLine {
  words: Word[];
  /** From the first word's start to the last word's end. */
  span: Span;
  shell: Shell;
}

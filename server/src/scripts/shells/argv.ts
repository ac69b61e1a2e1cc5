/**
 * A Windows command line split into arguments the way docker.exe splits it. cmd.exe (and PowerShell after `--%`)
 * hands a program one command-line string; the program splits it itself. docker is a Go program, and Go splits
 * os.Args on Windows with the Microsoft C runtime's rules (Go's `syscall`/`os` readNextArg, "Parsing C++ command-line
 * arguments" in the MSVC docs): spaces and tabs separate arguments outside double quotes; `"` toggles quoting and is
 * removed; 2n backslashes before a `"` give n backslashes and the quote toggles, 2n+1 give n backslashes and a literal
 * `"`; inside quotes `""` is a literal `"` (and ends the quoting, the pre-2008 rule Go follows); other backslashes are
 * literal.
 */
import type { Source } from './source';
import { WordBuilder } from './source';
import type { Word } from '../words';

/** The characters of one command line after the shell is done with it, each with the source characters it came from. */
export class CommandChars {
  /** One character each: an array, not a growing string, so reading the last one never flattens a long rope. */
  readonly chars: string[] = [];
  readonly from: number[] = [];
  readonly to: number[] = [];
  /** True for characters of a variable the shell expands (`%PATH%`): not known literally, and never split or unquoted. */
  readonly opaque: boolean[] = [];

  push(c: string, from: number, to: number, opaque = false): void {
    this.chars.push(c);
    this.from.push(from);
    this.to.push(to);
    this.opaque.push(opaque);
  }

  get length(): number {
    return this.chars.length;
  }

  /** Drops the last `count` characters (a handle digit that turned out to belong to a redirection). */
  pop(count = 1): void {
    const keep = Math.max(0, this.chars.length - count);
    this.chars.length = keep;
    this.from.length = keep;
    this.to.length = keep;
    this.opaque.length = keep;
  }
}

/** The arguments of `line`, by the rules above, as words of `source`. */
export function splitArgv(line: CommandChars, source: Source): Word[] {
  const words: Word[] = [];
  const { chars, from, to, opaque } = line;
  let word = new WordBuilder();
  let inQuote = false;
  let i = 0;
  const finish = () => {
    if (word.started) words.push(word.build(source));
    word = new WordBuilder();
  };
  while (i < chars.length) {
    const c = chars[i];
    if (opaque[i]) {
      word.push(c, from[i], to[i]);
      word.literal = false;
      i++;
      continue;
    }
    if ((c === ' ' || c === '\t' || c === '\n') && !inQuote) {
      finish();
      i++;
      continue;
    }
    if (c === '\\') {
      let run = i;
      while (run < chars.length && chars[run] === '\\' && !opaque[run]) run++;
      const count = run - i;
      if (run < chars.length && chars[run] === '"' && !opaque[run]) {
        // Backslashes before a quote: half of them are kept, one each from the pairs that make them.
        for (let k = 0; k + 1 < count; k += 2) word.push('\\', from[i + k], to[i + k + 1]);
        if (count % 2 === 1) {
          word.push('"', from[run - 1], to[run]);
          i = run + 1;
        } else {
          i = run;
        }
        continue;
      }
      for (let k = i; k < run; k++) word.push('\\', from[k], to[k]);
      i = run;
      continue;
    }
    if (c === '"') {
      if (inQuote && chars[i + 1] === '"' && !opaque[i + 1]) {
        word.push('"', from[i], to[i + 1]);
        i += 2;
      } else {
        word.touch(from[i], to[i]);
        i++;
      }
      inQuote = !inQuote;
      continue;
    }
    word.push(c, from[i], to[i]);
    i++;
  }
  finish();
  return words;
}

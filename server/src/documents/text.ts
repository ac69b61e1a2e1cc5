/**
 * Offsets and LSP positions. Offsets are UTF-16 code units into the JS string, which is exactly what LSP
 * positions count, so converting is a matter of finding the line: no byte arithmetic anywhere.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** An offset range [start, end) into a document's text. */
export interface Span {
  start: number;
  end: number;
}

/**
 * `text` with each span (in text order, not overlapping) filled with as many `fill` characters, so every offset
 * still points where it did: what a parser should not see is hidden without moving what it should.
 */
export function fillSpans(text: string, spans: readonly Span[], fill: string): string {
  const parts: string[] = [];
  let copied = 0;
  for (const { start, end } of spans) {
    parts.push(text.slice(copied, start), fill.repeat(end - start));
    copied = end;
  }
  parts.push(text.slice(copied));
  return parts.join('');
}

export class LineIndex {
  /**
   * Offset of the first character of each line; a line ends at \n, \r\n or a lone \r (as LSP counts them). A
   * typed array: its memory lives outside the JS heap and goes with the index in a minor collection, where a
   * number[] of a large file's lines would sit in the large-object space until a major one (one per keystroke).
   */
  private readonly lineStarts: Int32Array;

  constructor(
    readonly text: string,
    lineStarts?: Int32Array,
  ) {
    this.lineStarts = lineStarts ?? lineStartsOf(text);
  }

  /**
   * The index of `text`, which is `previous.text` with [start, oldEnd) replaced by the new text's [start, newEnd).
   * An edit that neither removes nor inserts a line break (typing on a line) moves the lines after it and adds
   * none, so their starts are shifted rather than searched for again; an edit of the same length shares them.
   */
  static afterEdit(previous: LineIndex, text: string, change: { start: number; oldEnd: number; newEnd: number }): LineIndex {
    if (hasLineBreak(previous.text, change.start - 1, change.oldEnd + 1) || hasLineBreak(text, change.start - 1, change.newEnd + 1)) return new LineIndex(text);
    const delta = change.newEnd - change.oldEnd;
    if (delta === 0) return new LineIndex(text, previous.lineStarts);
    const starts = previous.lineStarts.slice();
    for (let line = previous.lineOf(change.start) + 1; line < starts.length; line++) starts[line] += delta;
    return new LineIndex(text, starts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(clamped);
    return { line, character: clamped - this.lineStarts[line] };
  }

  /** The line holding `offset` (which must be within the text). */
  private lineOf(offset: number): number {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.lineStarts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    return low;
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const start = this.lineStarts[position.line];
    const end = this.lineEnd(position.line);
    return Math.min(start + Math.max(0, position.character), end);
  }

  lineStart(line: number): number {
    return this.lineStarts[Math.max(0, Math.min(line, this.lineStarts.length - 1))];
  }

  /** Offset of the end of the line's content, before its line break. */
  lineEnd(line: number): number {
    const next = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    let end = next;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStarts[line] && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  rangeOf(span: Span): Range {
    return { start: this.positionAt(span.start), end: this.positionAt(span.end) };
  }
}

/**
 * Whether text[from, to) holds a line break (clamped to the text). The caller widens the changed range by one
 * character each side: an edit beside a \r or \n can join or split a \r\n pair.
 */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let i = Math.max(0, from); i < Math.min(to, text.length); i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 || ch === 13) return true;
  }
  return false;
}

function lineStartsOf(text: string): Int32Array {
  // The common case, with the native search: several times faster than a charCodeAt loop on large files. Counted
  // first, so the array is allocated once at its size.
  if (!text.includes('\r')) {
    let count = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) count++;
    const starts = new Int32Array(count);
    let line = 1;
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts[line++] = i + 1;
    return starts;
  }
  const starts: number[] = [0];
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 13 /* \r */) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    } else if (ch === 10 /* \n */) {
      starts.push(i + 1);
    }
  }
  return Int32Array.from(starts);
}

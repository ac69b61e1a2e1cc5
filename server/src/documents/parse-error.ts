/** What a parser reports instead of throwing: YAML, JSON and the irregular-whitespace check share it. */
import type { Span } from './text';

export interface ParseError {
  message: string;
  offset: number;
  /** Where the error ends, when it covers more than one character (otherwise the character at `offset`). */
  end?: number;
  /** An edit that repairs it, when one is safe (documents/irregular-whitespace.ts). */
  fix?: { title: string; edits: { span: Span; newText: string }[] };
}

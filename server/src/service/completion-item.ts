/**
 * A completion as the engine offers it, before any editor protocol: compose completion (service/) and HNS
 * completion (hns/) both return these, and server.ts turns them into LSP items. Here, below both, so that hns/
 * does not reach up into service/ for a type.
 */
export interface CompletionItem {
  label: string;
  kind: 'value' | 'property' | 'enum' | 'module';
  detail?: string;
  documentation?: string;
  insertText?: string;
  isSnippet?: boolean;
  /** Replaces [start, end) of the text (the word typed so far). */
  replace: { start: number; end: number };
  sortText?: string;
  preselect?: boolean;
}

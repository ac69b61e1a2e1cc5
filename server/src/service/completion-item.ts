/**
 * A completion as the engine offers it, before any editor protocol: compose and HNS completion both return these,
 * and lsp/convert.ts turns them into LSP items.
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

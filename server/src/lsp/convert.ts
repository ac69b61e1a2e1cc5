/**
 * The engine's answers in LSP shapes: findings as diagnostics (rule code, docs link, tags, related locations in
 * other files), completion items, code actions with their edits, hovers, inlay hints. Translation only: nothing here
 * decides anything about Windows networking.
 */
import { pathToFileURL } from 'node:url';
import {
  CodeActionKind,
  CompletionItemKind,
  DiagnosticSeverity,
  DiagnosticTag,
  InlayHintKind,
  InsertTextFormat,
  MarkupKind,
  type CodeAction as LspCodeAction,
  type CompletionItem as LspCompletionItem,
  type Diagnostic,
  type Hover as LspHover,
  type InlayHint as LspInlayHint,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Finding } from '../engine/check';
import type { CodeAction } from '../service/actions';
import type { CompletionItem } from '../service/completion-item';
import type { Hover } from '../service/compose-hover';
import type { DocumentInput } from '../service/language-service';
import type { InlayHint } from '../service/variable-hints';

const SEVERITY: Record<Finding['severity'], DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** What the language service reads of an open document; the editor's language id when it says YAML or JSON. */
export function documentInput(doc: TextDocument): DocumentInput {
  const language = /yaml|compose/i.test(doc.languageId) ? 'yaml' : /json/i.test(doc.languageId) ? 'json' : undefined;
  return { uri: doc.uri, version: doc.version, text: doc.getText(), language };
}

export function toDiagnostic(uri: string, f: Finding): Diagnostic {
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    source: 'winnet',
    code: f.rule,
    ...(f.docsUrl ? { codeDescription: { href: f.docsUrl } } : {}),
    message: f.message,
    ...(f.tags.length ? { tags: f.tags.map((t) => (t === 'unnecessary' ? DiagnosticTag.Unnecessary : DiagnosticTag.Deprecated)) } : {}),
    ...(f.related.length
      ? {
          relatedInformation: f.related
            .filter((r) => r.range)
            .map((r) => ({ location: { uri: r.path ? pathToFileURL(r.path).href : uri, range: r.range! }, message: r.message })),
        }
      : {}),
    data: { rule: f.rule },
  };
}

/** The one diagnostic of a document too large to check. */
export function tooLargeDiagnostic(maxChars: number): Diagnostic {
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    source: 'winnet',
    code: 'too-large',
    message: `winnet does not check files larger than ${maxChars / 1024 / 1024} MB.`,
  };
}

export function toCompletion(item: CompletionItem, doc: TextDocument): LspCompletionItem {
  const range = { start: doc.positionAt(item.replace.start), end: doc.positionAt(item.replace.end) };
  const kind = {
    value: CompletionItemKind.Value,
    property: CompletionItemKind.Property,
    enum: CompletionItemKind.EnumMember,
    module: CompletionItemKind.Module,
  }[item.kind];
  return {
    label: item.label,
    kind,
    detail: item.detail,
    documentation: item.documentation ? { kind: MarkupKind.Markdown, value: item.documentation } : undefined,
    textEdit: { range, newText: item.insertText ?? item.label },
    insertTextFormat: item.isSnippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: item.sortText,
    preselect: item.preselect,
  };
}

export function toCodeAction(action: CodeAction, doc: TextDocument): LspCodeAction {
  return {
    title: action.title,
    kind: action.kind === 'quickfix' ? CodeActionKind.QuickFix : `${CodeActionKind.SourceFixAll}.winnet`,
    isPreferred: action.preferred,
    diagnostics: action.findings.map((f) => toDiagnostic(doc.uri, f)),
    edit: {
      changes: {
        [doc.uri]: action.edits.map((e) => ({ range: { start: doc.positionAt(e.span.start), end: doc.positionAt(e.span.end) }, newText: e.newText })),
      },
    },
  };
}

export function toHover(hover: Hover, doc: TextDocument): LspHover {
  return {
    contents: { kind: MarkupKind.Markdown, value: hover.markdown },
    range: { start: doc.positionAt(hover.span.start), end: doc.positionAt(hover.span.end) },
  };
}

export function toInlayHint(hint: InlayHint, doc: TextDocument): LspInlayHint {
  return {
    position: doc.positionAt(hint.offset),
    label: hint.label,
    // The value an expression has, shown as editors show an inferred type: after it, apart from the text.
    kind: InlayHintKind.Type,
    paddingLeft: true,
    tooltip: { kind: MarkupKind.Markdown, value: hint.tooltip },
  };
}

/** `--format github`: GitHub Actions workflow commands, one annotation per finding. */
import type { FileResult } from '../run';

const LEVEL = { error: 'error', warning: 'warning', information: 'notice', hint: 'notice' } as const;

function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function formatGithub(results: readonly FileResult[]): string {
  const lines: string[] = [];
  for (const r of results) {
    if (r.error) lines.push(`::error file=${escapeProperty(r.path)},title=winnet::${escapeData(r.error)}`);
    for (const f of r.findings) {
      const { start, end } = f.range;
      const props = [
        `file=${escapeProperty(r.path)}`,
        `line=${start.line + 1}`,
        `col=${start.character + 1}`,
        `endLine=${end.line + 1}`,
        `endColumn=${end.character + 1}`,
        `title=${escapeProperty(`winnet ${f.rule}`)}`,
      ];
      lines.push(`::${LEVEL[f.severity]} ${props.join(',')}::${escapeData(f.message)}`);
    }
  }
  return lines.join('\n') + (lines.length ? '\n' : '');
}

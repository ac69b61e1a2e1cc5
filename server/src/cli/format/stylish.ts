/** Human output, in the shape ESLint users know: a block per file, then totals. */
import type { FileResult } from '../run';
import { isNotOurs, summarize } from './summary';

const CODES = { red: 31, yellow: 33, blue: 34, gray: 90, bold: 1, underline: 4, green: 32 } as const;
type Style = keyof typeof CODES;

export function formatStylish(results: readonly FileResult[], color: boolean): string {
  const paint = (style: Style, text: string) => (color ? `\u001b[${CODES[style]}m${text}\u001b[0m` : text);
  const label = { error: paint('red', 'error'), warning: paint('yellow', 'warning'), information: paint('blue', 'info'), hint: paint('gray', 'hint') };
  const out: string[] = [];
  for (const r of results) {
    if (r.error) {
      out.push(paint('underline', r.path), `  ${paint('red', 'error')}  ${r.error}`, '');
      continue;
    }
    const notes = r.fix?.note ? [`  ${paint('yellow', 'fix')}  ${r.fix.note}`] : r.fix?.written ? [`  ${paint('green', 'fixed')}`] : [];
    if (!r.findings.length && !notes.length) continue;
    out.push(paint('underline', r.path));
    const rows = r.findings.map((f) => [`${f.range.start.line + 1}:${f.range.start.character + 1}`, f.severity, f.message, f.rule] as const);
    const posWidth = Math.max(0, ...rows.map((row) => row[0].length));
    const sevWidth = Math.max(0, ...rows.map((row) => (row[1] === 'information' ? 4 : row[1].length)));
    for (const [pos, severity, message, rule] of rows) {
      const sevText = severity === 'information' ? 'info' : severity;
      out.push(`  ${paint('gray', pos.padEnd(posWidth))}  ${label[severity]}${' '.repeat(sevWidth - sevText.length)}  ${message}  ${paint('gray', rule)}`);
    }
    out.push(...notes, '');
  }
  const s = summarize(results);
  const total = s.errors + s.warnings + s.information + s.hints;
  // A file given by name that is not ours (a stack file in the old format 1, a Kubernetes manifest) would
  // otherwise pass as "checked, no problems".
  const notOurs = results.filter(isNotOurs).map((r) => r.path);
  const notOursNote = notOurs.length
    ? `${notOurs.length} ${notOurs.length === 1 ? 'file is' : 'files are'} not a compose, HNS or CNI document and ${notOurs.length === 1 ? 'was' : 'were'} not checked: ${notOurs.slice(0, 3).join(', ')}${notOurs.length > 3 ? ` and ${notOurs.length - 3} more` : ''}`
    : '';
  if (s.files === 0) {
    // Nothing found to check (a folder whose YAML files have no compose name): say so rather than print a bare mark.
    out.push(paint('yellow', '⚠ no file to check: no compose file (by name), HNS, HCN or CNI document, env file, or script with a docker command'));
  } else if (total === 0 && s.ioErrors === 0 && notOurs.length === s.files) {
    out.push(paint('yellow', `⚠ ${notOursNote}`));
  } else if (total === 0 && s.ioErrors === 0) {
    out.push(
      paint('green', `✔ ${s.files - notOurs.length} file${s.files - notOurs.length === 1 ? '' : 's'} checked, no problems`) +
        (notOursNote ? `; ${notOursNote}` : ''),
    );
  } else {
    const parts = [`${s.errors} error${s.errors === 1 ? '' : 's'}`, `${s.warnings} warning${s.warnings === 1 ? '' : 's'}`, `${s.information} info`];
    if (s.hints) parts.push(`${s.hints} hint${s.hints === 1 ? '' : 's'}`);
    const mark = s.errors || s.ioErrors ? paint('red', '✖') : paint('yellow', '⚠');
    out.push(
      `${mark} ${total} problem${total === 1 ? '' : 's'} (${parts.join(', ')}) in ${s.files - notOurs.length} file${s.files - notOurs.length === 1 ? '' : 's'}${s.ioErrors ? `, ${s.ioErrors} not checked` : ''}`,
    );
    if (notOursNote) out.push(`  ${notOursNote}`);
    if (s.fixable) out.push(`  ${s.fixable} fixable with --fix`);
  }
  return `${out.join('\n')}\n`;
}

/**
 * Variables in compose values. Compose substitutes `$VAR` and `${VAR}` (with `:-`, `-`, `:?`, `?`, `:+`, `+`, and
 * nested expressions) in every value before it reads the file, from the shell and the `.env` file; `$$` is a
 * literal `$`; an unset variable becomes an empty string (Docker Compose reference, "Interpolation":
 * https://docs.docker.com/reference/compose-file/interpolation/).
 *
 * winnet does not know the environment compose will run in, so a value with a variable in it is unknown: rules
 * that judge a value (`isolation: ${ISOLATION}`, `driver: ${DRIVER:-transparent}`, `"${HOST_IP}:80:80"`) leave
 * it alone, as the compose-schema rule does; rules that judge that a key is written (`extra_hosts`, `ip_range`)
 * still report it.
 */
import { fillSpans } from '../documents/text';

/** Where each variable expression of `text` starts and ends (`$$` escapes are not expressions). */
export function variableSpans(text: string): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  let i = text.indexOf('$');
  while (i !== -1 && i < text.length - 1) {
    const next = text[i + 1];
    if (next === '$') {
      i = text.indexOf('$', i + 2);
      continue;
    }
    let end = -1;
    if (next === '{') {
      // Braces nest (`${A:-${B}}`); an expression that never closes runs to the end, where compose reports it.
      let depth = 0;
      end = text.length;
      for (let j = i + 1; j < text.length; j++) {
        if (text[j] === '{') depth++;
        else if (text[j] === '}' && --depth === 0) {
          end = j + 1;
          break;
        }
      }
    } else if (/[A-Za-z_]/.test(next)) {
      end = i + 2;
      while (end < text.length && /\w/.test(text[end])) end++;
    }
    if (end === -1) {
      i = text.indexOf('$', i + 1); // `$1`, `$-`: compose keeps the `$` as written
      continue;
    }
    spans.push({ start: i, end });
    i = text.indexOf('$', end);
  }
  return spans;
}

/** True for a string value compose would substitute a variable into. */
export function isInterpolated(value: unknown): boolean {
  return typeof value === 'string' && value.includes('$') && variableSpans(value).length > 0;
}

/**
 * `text` with each variable expression replaced by NUL characters of the same length, so a value can be split on
 * its separators (`:` and `/` of a port) without cutting into `${VAR:-default}`, and offsets still match the text.
 */
export function maskVariables(text: string): string {
  return fillSpans(text, variableSpans(text), '\0');
}

/**
 * What `text` reads as when no variable is set: each expression becomes its default (`${TAG:-ltsc2019}` and
 * `${TAG-ltsc2019}` give `ltsc2019`, nested defaults are followed) and any other expression becomes empty, as
 * compose substitutes an unset variable. Used where a value's literal parts and defaults are evidence (an image
 * tag that names a Windows release), never to judge a value.
 */
export function withDefaults(text: string, depth = 0): string {
  const spans = variableSpans(text);
  if (!spans.length) return text;
  let out = '';
  let copied = 0;
  for (const { start, end } of spans) {
    out += text.slice(copied, start) + defaultOf(text.slice(start, end), depth);
    copied = end;
  }
  return out + text.slice(copied);
}

/** Defaults nested deeper than this read as empty: no real file nests so deep, and a crafted one stays linear. */
const MAX_DEFAULT_DEPTH = 8;

function defaultOf(expression: string, depth: number): string {
  if (depth >= MAX_DEFAULT_DEPTH) return '';
  const m = /^\$\{[A-Za-z_]\w*(:?-)([\s\S]*)\}$/.exec(expression);
  return m ? withDefaults(m[2], depth + 1) : '';
}

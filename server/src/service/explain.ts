/**
 * `winnet explain`: from an error someone pasted (a line, or a whole `docker compose up` log) to its likely
 * causes, best first, each with what it means, the rules that catch it before `docker compose up`, and what to
 * do. The knowledge is the `errors` of every rule and the causes no rule can see (knowledge/error-causes.ts);
 * explain-match.ts scores the paste against their texts. Pure: the CLI, the language server and a browser share it.
 */
import { ERROR_CAUSES } from '../knowledge/error-causes';
import { sourceOf, type Source } from '../knowledge/sources';
import { ALL_RULE_META, ruleMeta } from '../rules/registry';
import { createMatcher, type Matcher, normalizedKey } from './explain-match';

export interface ExplainRule {
  id: string;
  title: string;
  docsUrl?: string;
}

export interface ExplainMatch {
  /** A rule (its `errors` matched), or a cause no rule can see (knowledge/error-causes.ts). */
  kind: 'rule' | 'cause';
  id: string;
  title: string;
  /** How closely the paste contains the known text, 0..1 (two decimals). */
  score: number;
  /** The known error text that matched. */
  matched: string;
  /** The part of the paste that matched, on one line. */
  excerpt: string;
  /** Markdown: what it means. */
  meaning: string;
  /** Markdown: what to do. */
  remedy: string;
  /** The rules that catch it in the files before `up`: the rule itself, or those a cause names. */
  rules: ExplainRule[];
  sources: Source[];
}

export interface ExplainResult {
  matches: ExplainMatch[];
}

export interface ExplainOptions {
  /** Where the rule pages are (`<docsBaseUrl><id>.md`), as the engine's CheckOptions have it. */
  docsBaseUrl?: string;
  /** At most this many causes (default 5). */
  limit?: number;
}

/** A paste longer than this is read from its end, where a log's error is (and the time a pathological paste takes stays under a second). */
export const MAX_EXPLAIN_CHARS = 256 * 1024;
/** Below this score a text is no match. */
const MIN_SCORE = 0.65;
/** Causes far below the best one are left out: they are not likely next to it. */
const BELOW_BEST = 0.15;
/** From this score on, a match is called close. */
const CLOSE = 0.85;
/** Scores this close are equally likely: the order between them says little. */
export const TIE = 0.05;

interface Candidate {
  kind: 'rule' | 'cause';
  id: string;
  title: string;
  texts: readonly string[];
  meaning: string;
  remedy: string;
  rules: readonly string[];
  sources: Source[];
}

let prepared: { candidates: Candidate[]; matcher: Matcher } | undefined;

/** Every rule with `errors` or `symptoms`, in registry order, then the causes without a rule. */
function knowledge(): { candidates: Candidate[]; matcher: Matcher } {
  if (prepared) return prepared;
  const candidates: Candidate[] = [
    ...ALL_RULE_META.filter((m) => m.errors?.length || m.symptoms?.length).map(
      (m): Candidate => ({
        kind: 'rule',
        id: m.id,
        title: m.title,
        texts: [...(m.errors ?? []), ...(m.symptoms ?? [])],
        meaning: m.description,
        remedy: m.remedy,
        rules: [m.id],
        sources: m.sources.map(sourceOf),
      }),
    ),
    ...ERROR_CAUSES.map(
      (c): Candidate => ({
        kind: 'cause',
        id: c.id,
        title: c.title,
        texts: c.texts,
        meaning: c.cause,
        remedy: c.remedy,
        rules: c.rules ?? [],
        sources: c.sources.map(sourceOf),
      }),
    ),
  ];
  prepared = { candidates, matcher: createMatcher(candidates.map((c) => c.texts)) };
  return prepared;
}

/** The likely causes of the error in `text`, best first; none when nothing winnet knows matches. */
export function explainError(text: string, options: ExplainOptions = {}): ExplainResult {
  const paste = text.length > MAX_EXPLAIN_CHARS ? text.slice(-MAX_EXPLAIN_CHARS) : text;
  const { candidates, matcher } = knowledge();
  const found = matcher.match(paste, MIN_SCORE);
  const best = found[0]?.score ?? 0;
  const matches = found
    .filter((m) => m.score >= best - BELOW_BEST)
    .slice(0, options.limit ?? 5)
    .map((m): ExplainMatch => {
      const c = candidates[m.owner];
      return {
        kind: c.kind,
        id: c.id,
        title: c.title,
        score: Math.round(m.score * 100) / 100,
        matched: m.text,
        excerpt: excerpt(paste, m.start, m.end),
        meaning: c.meaning,
        remedy: c.remedy,
        rules: c.rules.flatMap((id) => {
          const meta = ruleMeta(id);
          return meta ? [{ id, title: meta.title, ...(options.docsBaseUrl ? { docsUrl: `${options.docsBaseUrl}${id}.md` } : {}) }] : [];
        }),
        sources: c.sources,
      };
    });
  return { matches };
}

/**
 * What of the paste matched, for the answer: the whole lines it is on when they are short (the error as the user
 * sees it, with its HRESULT and prefix), else the matched span; on one line, at most 300 characters.
 */
function excerpt(paste: string, start: number, end: number): string {
  const lineStart = paste.lastIndexOf('\n', start - 1) + 1;
  const next = paste.indexOf('\n', end);
  const lines = paste.slice(lineStart, next < 0 ? paste.length : next);
  const text = (lines.length <= 300 ? lines : paste.slice(start, end)).replace(/\s+/g, ' ').trim();
  return text.length > 300 ? `${text.slice(0, 299)}…` : text;
}

/** What `winnet explain` says when nothing matches. */
export const NO_MATCH_MARKDOWN = [
  '# No known cause',
  '',
  'winnet knows no error like this one. It knows the errors Docker, compose and HNS give for what Windows container networking rejects, and the symptoms of a few host problems.',
  '',
  'Paste the whole error line, or the end of the `docker compose up` output, or run `winnet rules` to see what winnet checks in compose files and HNS JSON before `up` (and `winnet check` to check yours).',
  '',
].join('\n');

/** The answer as markdown: the editor shows it as a preview, the CLI prints it as text. */
export function explainMarkdown(result: ExplainResult): string {
  if (!result.matches.length) return NO_MATCH_MARKDOWN;
  const n = result.matches.length;
  const lines = ['# What this error means', '', n === 1 ? 'One likely cause.' : `${n} likely causes, the likeliest first.`, ''];
  result.matches.forEach((m, index) => {
    lines.push(`## ${n === 1 ? '' : `${index + 1}. `}${m.title}`, '');
    const close = m.score >= CLOSE;
    const known = close || normalizedKey(m.excerpt) === normalizedKey(m.matched) ? '' : `, to ${codeSpan(m.matched)}`;
    lines.push(`**Your error:** ${codeSpan(m.excerpt)} (${close ? 'close' : 'partial'} match${known})`, '');
    lines.push(m.meaning, '');
    const links = m.rules.map((r) => `${r.docsUrl ? `[\`${r.id}\`](${r.docsUrl})` : `\`${r.id}\``} (${r.title})`);
    if (m.kind === 'rule') lines.push(`**winnet catches it before \`docker compose up\`:** ${links.join(', ')}.`, '');
    else if (links.length) lines.push(`**Rules that catch a related mistake in your files:** ${links.join(', ')}.`, '');
    lines.push(`**What to do:** ${m.remedy}`, '');
    if (m.sources.length) lines.push(`Sources: ${m.sources.map((s) => `[${s.title}](${s.url})`).join(', ')}.`, '');
  });
  return lines.join('\n');
}

/** Text as inline code, whatever backticks it holds. */
function codeSpan(text: string): string {
  const longest = Math.max(0, ...[...text.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = text.startsWith('`') || text.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/**
 * The scorer behind `winnet explain`: how closely a pasted text (one error line, or a whole `docker compose up`
 * log) contains one of the error texts winnet's knowledge quotes. Pure and dependency-free, so the CLI, the
 * language server and a browser share it.
 *
 * Both sides are normalised alike: lower case; words lightly stemmed ("exists" = "exist"), contractions expanded,
 * filler words dropped; what varies between two occurrences of one error becomes a typed placeholder: GUIDs and
 * hex ids `<id>`, IPv4 `<ip4>` and IPv6 `<ip6>` addresses (with their prefix length), MAC addresses `<mac>`,
 * numbers `<n>` (ports too); quotes are dropped, so `plugin "bridge" not found` keeps its `bridge`. HRESULTs are keys of their own: `(0x803b0006)`, `0x803B0006` and
 * `(0x80070020)` = `(0x20)` (a Win32 error wrapped in an HRESULT) compare equal, and a shared code is strong
 * evidence even where the words differ (a localised Windows). In a knowledge text, a name in angle brackets
 * (`network <name> not found`) is a slot that takes any one to six tokens.
 *
 * A knowledge text is then aligned with the pasted text, in order, locally (it may sit anywhere in a long log,
 * wrapped over lines, with a log prefix or an id inside it): each of its tokens found in the paste scores its
 * weight, rarer words weighing more (inverse document frequency over all the knowledge texts), and each token of
 * the paste skipped inside the alignment costs a little. The score is the share of the text's weight found, 0..1.
 * A short paste (a sentence someone typed: "cannot reach localhost:8080 from the host") is also compared as a bag
 * of words, in any order, for a lower score.
 */

export type TokenKind = 'word' | 'value' | 'code' | 'slot';

export interface Token {
  kind: TokenKind;
  /** The normalised form: a stemmed word, a placeholder (`<ip4>`), a code (`0x1392`), or `<>` for a slot. */
  text: string;
  /** Where it came from in the text (UTF-16 offsets), for showing what matched. */
  start: number;
  end: number;
  /** A word as written, with its case: only a tie-breaker (`plugin "NAT" not found` is not `plugin "nat" not found`). */
  raw?: string;
}

/** Words that carry no meaning of their own in an error text (dropped on both sides); `not` and `no` are kept. */
const FILLER = new Set(
  'a an the of to in on at by for with from into onto is are was were be been being am it its this that these those as and or but if then so than i me my we our you your he she they them their there here when while after before during which who what do does did has have had will would should shall may might just also please try again'.split(
    ' ',
  ),
);

/** A few words users write for the same thing (before stemming). */
const SYNONYMS: Record<string, string[]> = {
  cannot: ['can', 'not'],
  unable: ['can', 'not'],
  could: ['can'],
  unreachable: ['not', 'reach'],
  reachable: ['reach'],
  inaccessible: ['not', 'access'],
  accessible: ['access'],
  lost: ['lose'],
  loses: ['lose'],
  losing: ['lose'],
  hung: ['hang'],
  resolution: ['resolve'],
  resolving: ['resolve'],
  failure: ['fail'],
};

const PATTERN = new RegExp(
  [
    // A slot in a knowledge text: `<name>`.
    '(?<slot><[a-z][a-z0-9 _.-]{0,30}>)',
    '(?<guid>\\{?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\\}?)',
    '(?<mac>(?<![0-9a-z])(?:[0-9a-f]{2}[:-]){5}[0-9a-f]{2}(?![0-9a-z]))',
    '(?<code>(?<![0-9a-z])0x[0-9a-f]{1,8}(?![0-9a-z]))',
    '(?<ip4>(?<![0-9a-z.])\\d{1,3}(?:\\.\\d{1,3}){3}(?:/\\d{1,2})?(?![0-9a-z]))',
    // IPv6: eight groups, or a `::` abbreviation (`::1`, `fd00::5/64`, the `::` of `[::]:8080`).
    '(?<ip6>(?<![0-9a-z:.])(?:(?:[0-9a-f]{1,4}:){7}[0-9a-f]{1,4}|(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?::(?:[0-9a-f]{1,4}(?::[0-9a-f]{1,4})*)?)(?:/\\d{1,3})?(?![0-9a-z:]))',
    '(?<number>(?<![0-9a-z_])\\d+(?:\\.\\d+)*(?![0-9a-z_]))',
    "(?<word>[a-z0-9_]+(?:'[a-z]+)?)",
  ].join('|'),
  'g',
);

/** Typographic quotes as ASCII (one UTF-16 unit each, so offsets stay put). */
function plainQuotes(text: string): string {
  return text.replace(/[\u201c\u201d\u201e\u00ab\u00bb]/g, '"').replace(/[\u2018\u2019\u201a]/g, "'");
}

/**
 * The tokens of a text. `slots`: read `<name>` as a slot (knowledge texts); elsewhere it is words.
 */
export function tokenize(text: string, slots = false): Token[] {
  const source = plainQuotes(text);
  const lower = source.toLowerCase();
  // toLowerCase can change the length of a few characters (İ); offsets then come from the original.
  const offsetsOk = lower.length === source.length;
  const tokens: Token[] = [];
  for (const m of lower.matchAll(PATTERN)) {
    const start = offsetsOk ? m.index : 0;
    const end = offsetsOk ? m.index + m[0].length : 0;
    const g = m.groups!;
    const push = (kind: TokenKind, t: string) => tokens.push({ kind, text: t, start, end });
    if (g.slot !== undefined) {
      if (slots) push('slot', '<>');
      else for (const w of g.slot.slice(1, -1).split(/[^a-z0-9_]+/)) pushWord(tokens, w, w, start, end);
    } else if (g.guid !== undefined) push('value', '<id>');
    else if (g.mac !== undefined) push('value', '<mac>');
    else if (g.code !== undefined) push('code', canonicalCode(g.code));
    else if (g.ip4 !== undefined) push('value', '<ip4>');
    else if (g.ip6 !== undefined) push('value', '<ip6>');
    else if (g.number !== undefined) push('value', '<n>');
    else if (/^(?=[0-9a-f]*\d)(?=[0-9a-f]*[a-f])[0-9a-f]{12,64}$/.test(g.word!)) push('value', '<id>');
    else pushWord(tokens, g.word!, offsetsOk ? source.slice(start, end) : g.word!, start, end);
  }
  return tokens;
}

function pushWord(tokens: Token[], word: string, raw: string, start: number, end: number): void {
  for (const w of expand(word)) {
    if (!w || FILLER.has(w)) continue;
    tokens.push({ kind: 'word', text: stem(w), start, end, raw });
  }
}

/** Contractions and synonyms: `doesn't` → does not, `can't` → can not, `unable` → can not. */
function expand(word: string): string[] {
  const apostrophe = word.indexOf("'");
  const w = apostrophe < 0 ? word : word.slice(0, apostrophe);
  if (apostrophe >= 0 && word.slice(apostrophe + 1) === 't' && w.endsWith('n')) {
    const base = IRREGULAR_NOT[w] ?? w.slice(0, -1);
    return [...expand(base), 'not'];
  }
  return SYNONYMS[w] ?? [w];
}

/** The words before an irregular `n't`. */
const IRREGULAR_NOT: Record<string, string> = { can: 'can', won: 'will', shan: 'shall' };

/** A light suffix stripper, the same on both sides: exists/existing → exist, addresses → address, ports → port. */
export function stem(word: string): string {
  if (word.length <= 3 || /\d/.test(word)) return word;
  let s = word;
  if (/ies$/.test(s) && s.length > 4) s = `${s.slice(0, -3)}y`;
  else if (/(ss|x|ch|sh)es$/.test(s)) s = s.slice(0, -2);
  else if (/s$/.test(s) && !/(ss|us|is)$/.test(s)) s = s.slice(0, -1);
  if (/ing$/.test(s) && s.length > 5) s = s.slice(0, -3);
  else if (/ed$/.test(s) && s.length > 4) s = s.slice(0, -2);
  if (/e$/.test(s) && s.length > 4) s = s.slice(0, -1);
  if (/([b-df-hj-km-np-rtv-z])\1$/.test(s)) s = s.slice(0, -1);
  return s;
}

/** `0x80070020` (a Win32 error as an HRESULT) → `0x20`; `0x803B0006` → `0x803b0006`. */
function canonicalCode(code: string): string {
  let n = Number.parseInt(code.slice(2), 16);
  if (n >>> 16 === 0x8007) n &= 0xffff;
  return `0x${n.toString(16)}`;
}

/** The normalised form of a text, for telling whether two texts say the same thing. */
export function normalizedKey(text: string): string {
  return tokenize(text, true)
    .map((t) => t.text)
    .join(' ');
}

/** How much a token found weighs: words by their rarity among the texts, a value as a common word, a slot less. */
const VALUE_WEIGHT = 1.5;
const SLOT_WEIGHT = 0.8;
/**
 * What one skipped token of the paste costs inside an alignment, as a share of the text's mean token weight, and
 * how many may be skipped between two matched tokens.
 */
const GAP_COST = 0.25;
const MAX_GAP = 12;
/** Tokens a slot takes for free (a name, an id, a short path). */
const SLOT_SPAN = 4;
/**
 * How much a text short on evidence loses: a text whose found words weigh less than SPECIFIC_WEIGHT (about four
 * rare words) scores up to SHORT_TEXT less, so that of two texts found whole the more specific one comes first.
 */
const SHORT_TEXT = 0.1;
const SPECIFIC_WEIGHT = 15;
/** A paste this short (in tokens) is also read as a bag of words; a log is not. */
const SHORT_PASTE = 40;
const BAG_DISCOUNT = 0.9;
/** What a value of another kind in place of the text's value (an IPv4 address for an IPv6 one) leaves of a score. */
const CONTRADICTION = 0.8;
/** A word found in another case (`NAT` for `nat`) counts for a little less. */
const CASE_MISMATCH = 0.95;
/** The weight of a pasted word no knowledge text has (a name, a word of the user's own). */
const UNKNOWN_WORD_WEIGHT = 1;

/** A knowledge text, prepared for matching. */
interface Prepared {
  owner: number;
  text: string;
  tokens: Token[];
  weights: number[];
  codes: Set<string>;
  /** Sum of the weights of its words, values and slots (codes apart). */
  total: number;
  /** What a skipped token of the paste costs inside an alignment of this text. */
  gapCost: number;
}

export interface TextMatch {
  /** The index of the entry whose text matched (as given to `createMatcher`). */
  owner: number;
  /** The knowledge text that matched best. */
  text: string;
  /** 0..1. */
  score: number;
  /** Whether an HRESULT code of the text is in the paste. */
  code: boolean;
  /** The span of the paste that matched. */
  start: number;
  end: number;
}

export interface Matcher {
  /** The best match of each entry that scores at least `min` (default 0.6), best first. */
  match(paste: string, min?: number): TextMatch[];
}

/** Prepares the knowledge texts once (each entry is a list of texts); `match` then scores pastes against them. */
export function createMatcher(entries: readonly (readonly string[])[]): Matcher {
  const raw = entries.flatMap((texts, owner) => texts.map((text) => ({ owner, text, tokens: tokenize(text, true) })));
  const documentFrequency = new Map<string, number>();
  for (const r of raw)
    for (const w of new Set(r.tokens.filter((t) => t.kind === 'word').map((t) => t.text))) documentFrequency.set(w, (documentFrequency.get(w) ?? 0) + 1);
  const n = Math.max(1, raw.length);
  const wordWeight = (word: string) => 0.5 + Math.log(1 + n / (documentFrequency.get(word) ?? 1));
  const weightOf = (t: Token) => (t.kind === 'word' ? wordWeight(t.text) : t.kind === 'slot' ? SLOT_WEIGHT : t.kind === 'value' ? VALUE_WEIGHT : 0);
  const prepared: Prepared[] = raw.map((r) => {
    const weights = r.tokens.map(weightOf);
    const total = weights.reduce((a, b) => a + b, 0);
    const counted = r.tokens.filter((t) => t.kind !== 'code').length;
    return {
      ...r,
      weights,
      codes: new Set(r.tokens.filter((t) => t.kind === 'code').map((t) => t.text)),
      total,
      gapCost: counted ? (GAP_COST * total) / counted : 0,
    };
  });

  return {
    match(paste, min = 0.6) {
      const tokens = tokenize(paste).filter((t) => t.kind !== 'slot');
      const positions = new Map<string, number[]>();
      tokens.forEach((t, j) => {
        const key = `${t.kind}:${t.text}`;
        const list = positions.get(key);
        if (list) list.push(j);
        else positions.set(key, [j]);
      });
      const pasteCodes = new Set(tokens.filter((t) => t.kind === 'code').map((t) => t.text));
      // A short paste is also read as a bag of words; its words weigh as in the knowledge texts (a word no text has,
      // a name, weighs little).
      const bag = tokens.length <= SHORT_PASTE ? pasteBag(tokens, (w) => (documentFrequency.has(w) ? wordWeight(w) : UNKNOWN_WORD_WEIGHT)) : undefined;
      const best = new Map<number, TextMatch>();
      for (const p of prepared) {
        const found = scoreText(p, tokens, positions, pasteCodes, bag);
        if (!found || found.score < min) continue;
        const previous = best.get(p.owner);
        if (!previous || found.score > previous.score) best.set(p.owner, { owner: p.owner, text: p.text, ...found });
      }
      return [...best.values()].sort((a, b) => b.score - a.score || a.owner - b.owner);
    },
  };
}

interface Found {
  score: number;
  code: boolean;
  start: number;
  end: number;
}

function scoreText(
  p: Prepared,
  paste: Token[],
  positions: Map<string, number[]>,
  pasteCodes: Set<string>,
  pasteWords: PasteBag | undefined,
): Found | undefined {
  const aligned = align(p, paste, positions);
  const bag = pasteWords ? bagOfWords(p, paste, pasteWords) : undefined;
  let words = aligned;
  if (bag && (!aligned || bag.score * BAG_DISCOUNT > aligned.score)) words = { ...bag, score: bag.score * BAG_DISCOUNT };
  // Evidence from words needs two different words of the text: one shared word is chance. A short text found
  // whole is weaker evidence than a long one (`plugin not found` in `could not find plugin ...: plugin not found`).
  const wordScore = words && words.words >= 2 ? words.score * (1 - SHORT_TEXT + SHORT_TEXT * Math.min(1, words.gain / SPECIFIC_WEIGHT)) : 0;
  const code = [...p.codes].some((c) => pasteCodes.has(c));
  let score = wordScore;
  if (code) score = 0.8 + 0.2 * wordScore;
  else if (p.codes.size && pasteCodes.size) score = wordScore * 0.75; // another code: likely another error
  if (score <= 0) return undefined;
  const where = code && !words?.words ? codeSpan(p, paste) : words;
  return { score: Math.min(1, score), code, start: where?.start ?? 0, end: where?.end ?? 0 };
}

function codeSpan(p: Prepared, paste: Token[]): { start: number; end: number } | undefined {
  const t = paste.find((x) => x.kind === 'code' && p.codes.has(x.text));
  return t && { start: t.start, end: t.end };
}

interface Alignment {
  score: number;
  /** The weight found (what the score is the share of). */
  gain: number;
  /** Distinct words of the text found. */
  words: number;
  start: number;
  end: number;
}

/**
 * The best local, in-order alignment of the knowledge text with the paste (a sparse dynamic programme over the
 * pairs of equal tokens): matched tokens score their weight; slots between two matched tokens score half their
 * weight when the paste has tokens there for them; paste tokens skipped beyond what slots take cost `gapCost` each.
 */
function align(p: Prepared, paste: Token[], positions: Map<string, number[]>): Alignment | undefined {
  const k = p.tokens;
  if (p.total <= 0) return undefined;
  // slotsBefore[i]: slots among k[0..i).
  const slotsBefore = [0];
  for (const t of k) slotsBefore.push(slotsBefore[slotsBefore.length - 1] + (t.kind === 'slot' ? 1 : 0));
  const allSlots = slotsBefore[k.length];
  // Slots at the very start or end of the text are filled by whatever the paste has before or after the match.
  const firstLiteral = k.findIndex((t) => t.kind !== 'slot' && t.kind !== 'code');
  let lastLiteral = -1;
  k.forEach((t, i) => {
    if (t.kind !== 'slot' && t.kind !== 'code') lastLiteral = i;
  });
  const pairs: { i: number; j: number; weight: number }[] = [];
  k.forEach((t, i) => {
    if (t.kind !== 'word' && t.kind !== 'value') return;
    for (const j of positions.get(`${t.kind}:${t.text}`) ?? []) {
      const u = paste[j];
      const otherCase = t.raw !== undefined && u.raw !== undefined && t.raw !== u.raw && t.raw.toLowerCase() === u.raw.toLowerCase();
      pairs.push({ i, j, weight: p.weights[i] * (otherCase ? CASE_MISMATCH : 1) });
    }
  });
  if (!pairs.length) return undefined;
  pairs.sort((a, b) => a.j - b.j || a.i - b.i);
  const slotCredit = (slots: number, room: number) => (Math.min(slots, room) * SLOT_WEIGHT) / 2;
  const score: number[] = [];
  const previous: number[] = [];
  let bestAt = -1;
  let bestScore = Number.NEGATIVE_INFINITY;
  let from = 0;
  for (let x = 0; x < pairs.length; x++) {
    const { i, j, weight: own } = pairs[x];
    // Starting here: the text's leading slots are filled if the paste has anything before it.
    let s = own + (i === firstLiteral ? slotCredit(slotsBefore[i], j) : 0);
    let prev = -1;
    while (pairs[from].j < j - MAX_GAP - SLOT_SPAN * allSlots - 1) from++;
    for (let y = from; y < x; y++) {
      const q = pairs[y];
      if (q.j >= j || q.i >= i) continue;
      const slots = slotsBefore[i] - slotsBefore[q.i + 1];
      const gap = j - q.j - 1;
      const unpaid = Math.max(0, gap - slots * SLOT_SPAN);
      if (unpaid > MAX_GAP) continue;
      const candidate = score[y] + own + slotCredit(slots, gap) - unpaid * p.gapCost;
      if (candidate > s) {
        s = candidate;
        prev = y;
      }
    }
    score[x] = s;
    previous[x] = prev;
    // Ending here: the text's trailing slots are filled if the paste goes on.
    const end = s + (i === lastLiteral ? slotCredit(allSlots - slotsBefore[i + 1], paste.length - 1 - j) : 0);
    if (end > bestScore) {
      bestScore = end;
      bestAt = x;
    }
  }
  const words = new Set<string>();
  const at = new Map<number, number>();
  let startAt = bestAt;
  for (let x = bestAt; x >= 0; x = previous[x]) {
    startAt = x;
    at.set(pairs[x].i, pairs[x].j);
    const t = k[pairs[x].i];
    if (t.kind === 'word') words.add(t.text);
  }
  // A value of the text that the paste has another kind of value in place of (an IPv4 address where the text has
  // an IPv6 one) is evidence against: each takes a fifth off the score.
  let against = 0;
  k.forEach((t, i) => {
    if (t.kind !== 'value' || at.has(i)) return;
    const before = at.get(i - 1);
    const after = at.get(i + 1);
    const there = before !== undefined ? paste[before + 1] : after !== undefined ? paste[after - 1] : undefined;
    if (there?.kind === 'value' && there.text !== t.text) against++;
  });
  return {
    score: Math.max(0, Math.min(1, bestScore / p.total)) * CONTRADICTION ** against,
    gain: bestScore,
    words: words.size,
    start: paste[pairs[startAt].j].start,
    end: paste[pairs[bestAt].j].end,
  };
}

interface PasteBag {
  /** The paste's distinct words and their weights. */
  words: Map<string, number>;
  total: number;
  /** The kinds of value it has (`<ip4>`, `<n>`, ...). */
  values: Set<string>;
}

function pasteBag(paste: Token[], weight: (word: string) => number): PasteBag {
  const words = new Map<string, number>();
  for (const t of paste) if (t.kind === 'word' && !words.has(t.text)) words.set(t.text, weight(t.text));
  let total = 0;
  for (const w of words.values()) total += w;
  return { words, total, values: new Set(paste.filter((t) => t.kind === 'value').map((t) => t.text)) };
}

/**
 * The words of the knowledge text and of a short paste compared in any order: how much of the text the paste has
 * (recall), weighed four times as much as how much of the paste the text explains (precision; the F2 measure), so
 * that neither a bare "not found" nor a long error line that merely contains it matches "network <name> not found".
 */
function bagOfWords(p: Prepared, paste: Token[], bag: PasteBag): Alignment | undefined {
  const seen = new Set<string>();
  let found = 0;
  let total = 0;
  let explained = 0;
  p.tokens.forEach((t, i) => {
    if (t.kind !== 'word' || seen.has(t.text)) return;
    seen.add(t.text);
    total += p.weights[i];
    const inPaste = bag.words.get(t.text);
    if (inPaste !== undefined) {
      found += p.weights[i];
      explained += inPaste;
    }
  });
  if (!total || !found || !bag.total) return undefined;
  const recall = found / total;
  const precision = explained / bag.total;
  const words = [...seen].filter((w) => bag.words.has(w)).length;
  const hits = paste.filter((t) => t.kind === 'word' && seen.has(t.text));
  // Values of the text's kinds missing where the paste has values of other kinds: evidence against, as in align().
  const against = p.tokens.filter((t) => t.kind === 'value' && !bag.values.has(t.text) && bag.values.size > 0).length;
  return {
    score: ((5 * recall * precision) / (4 * precision + recall)) * CONTRADICTION ** against,
    gain: found,
    words,
    start: hits[0]?.start ?? 0,
    end: hits[hits.length - 1]?.end ?? 0,
  };
}

/** Skipping JSON strings and comments in a flat scan (nesting depth, irregular whitespace), without parsing. */

/** Index of the closing quote of the JSON string opening at `i` (or the last index). */
export function skipString(text: string, i: number): number {
  for (i++; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 92 /* \ */) i++;
    else if (c === 34) return i;
  }
  return text.length;
}

export function skipLineComment(text: string, i: number): number {
  while (i < text.length && text.charCodeAt(i) !== 10) i++;
  return i;
}

export function skipBlockComment(text: string, i: number): number {
  const close = text.indexOf('*/', i + 2);
  return close === -1 ? text.length : close + 1;
}

/** The characters both YAML readers (documents/yaml.ts and yaml-fast.ts) look at, by name. */
export enum Ch {
  Tab = 9,
  LF = 10,
  CR = 13,
  Space = 32,
  Bang = 33,
  DQuote = 34,
  Hash = 35,
  Percent = 37,
  Amp = 38,
  SQuote = 39,
  Star = 42,
  Comma = 44,
  Dash = 45,
  Dot = 46,
  Colon = 58,
  Gt = 62,
  Question = 63,
  At = 64,
  LBracket = 91,
  Backslash = 92,
  RBracket = 93,
  Backtick = 96,
  LBrace = 123,
  Pipe = 124,
  RBrace = 125,
}

/** `,` `[` `]` `{` `}`: they end a plain scalar inside a flow collection. */
export function isFlowIndicator(ch: number): boolean {
  return ch === Ch.Comma || ch === Ch.LBracket || ch === Ch.RBracket || ch === Ch.LBrace || ch === Ch.RBrace;
}

/** The part of a file that holds a script, and what its container says about it (blocks.ts finds them). */
import type { Span } from '../documents/text';
import type { Shell } from './words';

export interface ScriptBlock {
  shell: Shell;
  from: number;
  to: number;
  /** What the container says about the platform: 'windows' for .ps1/.psm1/.cmd/.bat, a Windows runner, a PowerShell/cmd prompt in Markdown; undefined when the block alone says nothing. */
  platform?: 'windows';
  /** For the message/hover: "PowerShell script", "GitHub Actions step `Build` (pwsh)", "Markdown block (powershell)". */
  where: string;
  /** Spans to ignore inside [from,to) (Markdown prompts, YAML block indentation), sorted. Tokenizers must treat them as absent. */
  skip?: Span[];
}

/** A script region of a file: where it is and what to leave out of it. */
export interface Region {
  from: number;
  to: number;
  skip?: Span[];
}

/**
 * How far V8 lets the server's heap grow past what lives in it, once the first check is done.
 *
 * By default V8 grows the old generation by up to 4× the live size before it collects, and every edit of a large
 * compose file leaves its garbage: a new copy of the text and the check's temporary data (about 19 MB per edit at
 * 5,000 services, bench/RESULTS.md). So a long editing session ends with a resident size up to four times what
 * the server needs. With a growing factor of 1.5 V8 collects sooner (bench: 329 → 246 MiB whole-run peak at
 * 5,000 services, 40 edits) at no measurable cost per edit.
 *
 * It is set after the server's first check of a compose, HNS or CNI file (server.ts `afterFirstCheck`, right after
 * the code cache is written, because V8 refuses a cache made under other flags), not at start-up: while a large
 * file is read the heap grows from a few MB to its working size, and a small factor then means more full
 * collections on the way (about 7% slower to open at 5,000 services). The first check is usually of the file that
 * started the server; a large file opened after a small one pays those 7%. It is a growth pace, not a limit: the
 * heap still grows as far as the file needs.
 */
import { setFlagsFromString } from 'node:v8';

const HEAP_GROWING_PERCENT = 50;

/** Setting the same value again changes nothing; server.ts calls it once, after its first check. */
export function slowHeapGrowth(): void {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
}

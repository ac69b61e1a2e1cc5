/**
 * Reads a V8 `.cpuprofile` (from `node --cpu-prof`) and summarises it: self time per function, and inclusive
 * ("total") time per function, where a function's total counts each sample once even when it recurses. Used by
 * `bench/profile.ts`; also runnable on its own: `npx tsx bench/cpuprofile.ts <file.cpuprofile> [top]`.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  name: string;
  where: string;
  selfMs: number;
  totalMs: number;
}

export interface ProfileSummary {
  wallMs: number;
  sampledMs: number;
  idleMs: number;
  gcMs: number;
  functions: FunctionTime[];
}

export function summarize(path: string): ProfileSummary {
  const profile = JSON.parse(readFileSync(path, 'utf8')) as Profile;
  const byId = new Map<number, ProfileNode>();
  const parent = new Map<number, number>();
  for (const node of profile.nodes) {
    byId.set(node.id, node);
    for (const child of node.children ?? []) parent.set(child, node.id);
  }
  const keyOf = (n: ProfileNode) =>
    `${n.callFrame.functionName || '(anonymous)'}\t${n.callFrame.url ? `${basename(n.callFrame.url)}:${n.callFrame.lineNumber + 1}` : ''}`;
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let idle = 0;
  let gc = 0;
  let sampled = 0;
  for (let i = 0; i < profile.samples.length; i++) {
    // timeDeltas[i] is the time before sample i; attribute the following delta to sample i (the usual convention).
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    if (dt <= 0) continue;
    const node = byId.get(profile.samples[i])!;
    sampled += dt;
    const name = node.callFrame.functionName;
    if (name === '(idle)') {
      idle += dt;
      continue;
    }
    if (name === '(garbage collector)') gc += dt;
    const key = keyOf(node);
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set<string>();
    for (let id: number | undefined = node.id; id !== undefined; id = parent.get(id)) {
      const k = keyOf(byId.get(id)!);
      if (seen.has(k)) continue;
      seen.add(k);
      total.set(k, (total.get(k) ?? 0) + dt);
    }
  }
  const functions = [...total.entries()].map(([key, t]) => {
    const [name, where] = key.split('\t');
    return { name, where, selfMs: self.get(key) ?? 0, totalMs: t };
  });
  return { wallMs: (profile.endTime - profile.startTime) / 1000, sampledMs: sampled, idleMs: idle, gcMs: gc, functions };
}

export function formatTop(summary: ProfileSummary, top = 25, by: 'selfMs' | 'totalMs' = 'selfMs'): string {
  const busy = summary.sampledMs - summary.idleMs;
  const rows = [...summary.functions]
    .filter((f) => !['(root)', '(program)'].includes(f.name) || by === 'selfMs')
    .sort((a, b) => b[by] - a[by])
    .slice(0, top)
    .map((f) => `| ${f.name.replace(/\|/g, '\\|')} | ${f.where} | ${f.selfMs.toFixed(0)} | ${f.totalMs.toFixed(0)} | ${((f[by] / busy) * 100).toFixed(1)}% |`);
  return [`| function | where | self ms | total ms | % of busy (${by === 'selfMs' ? 'self' : 'total'}) |`, '|---|---|---:|---:|---:|', ...rows].join('\n');
}

if (process.argv[1] && /cpuprofile\.[cm]?[jt]s$/.test(process.argv[1]) && process.argv[2]) {
  const s = summarize(process.argv[2]);
  const top = Number(process.argv[3] ?? 30);
  console.log(`wall ${s.wallMs.toFixed(0)} ms, sampled ${s.sampledMs.toFixed(0)} ms, idle ${s.idleMs.toFixed(0)} ms, GC ${s.gcMs.toFixed(0)} ms\n`);
  console.log(`By self time:\n${formatTop(s, top, 'selfMs')}`);
  console.log(`\nBy total time:\n${formatTop(s, top, 'totalMs')}`);
}

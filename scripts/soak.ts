/**
 * `npm run soak`: drives one language server (dist/server.js) with thousands of rapid incremental edits across
 * many open documents, configuration changes, cancelled requests and documents closed and re-opened; then
 * compares every document's final diagnostics with a fresh CLI run on its final text, and reports the server's
 * memory: resident size, and the live heap after full garbage collections (sampled by a probe loaded into the
 * server). The server runs with --max-old-space-size=96, so a leak would also end it.
 *
 *   npm run soak -- [--documents 50] [--edits 10000] [--seed N] [--large 1500]
 *
 * Exit code 1 when a document's diagnostics differ from the CLI (beyond recorded bugs), the server logged an
 * error, or the live heap grew (median of the last quarter of samples > 1.5 x the first quarter's + 4 MB).
 */
import { parseArgs } from 'node:util';
import { runSoak } from '../test/reliability/support/soak';

const { values } = parseArgs({
  options: {
    documents: { type: 'string', default: '50' },
    edits: { type: 'string', default: '10000' },
    seed: { type: 'string' },
    large: { type: 'string', default: '1500' },
  },
});
const seed = values.seed !== undefined ? Number(values.seed) : Math.floor(Math.random() * 2 ** 31);
const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;
const median = (xs: number[]) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] : 0);

async function main(): Promise<number> {
  console.log(`winnet soak: ${values.documents} documents (+1 with ${values.large} services), ${values.edits} edits, seed ${seed}`);
  const r = await runSoak({
    documents: Number(values.documents),
    edits: Number(values.edits),
    seed,
    heapProbe: true,
    largeDocumentServices: Number(values.large),
    server: { nodeArgs: ['--max-old-space-size=96'] },
    log: (line) => console.log(`  ${line}`),
  });
  const quarter = Math.max(1, Math.floor(r.heap.length / 4));
  const heapStart = median(r.heap.slice(0, quarter));
  const heapEnd = median(r.heap.slice(-quarter));
  const heapGrew = r.heap.length >= 8 && heapEnd > heapStart * 1.5 + 4 * 1048576;
  const known =
    Object.entries(r.knownMismatches)
      .map(([id, n]) => `${n} × ${id}`)
      .join(', ') || 'none';
  console.log(`
documents             ${r.documents + 1}
edits                 ${r.edits} (${(r.edits / (r.elapsedMs / 1000)).toFixed(0)} per second, ${(r.elapsedMs / 1000).toFixed(1)} s in all)
configuration changes ${r.configChanges}
requests              ${r.requests.answered + r.requests.cancelled + r.requests.failed} (answered ${r.requests.answered}, cancelled ${r.requests.cancelled}, failed ${r.requests.failed})
closed and re-opened  ${r.reopened}
diagnostics published ${r.publishes}
server RSS            first ${mb(r.rss[0] ?? 0)}, max ${mb(Math.max(...r.rss))}, last ${mb(r.rss[r.rss.length - 1] ?? 0)}
live heap after GC    first quarter ${mb(heapStart)}, last quarter ${mb(heapEnd)}, max ${mb(Math.max(0, ...r.heap))} (${r.heap.length} samples)${heapGrew ? '  GREW' : ''}
server errors logged  ${r.serverErrors.length}
final diagnostics     ${r.matched.documents} documents equal to the CLI (${r.matched.findings} findings), ${r.mismatches.length} different, known bugs: ${known}
final settings        ${JSON.stringify(r.finalSettings)}`);
  for (const m of r.mismatches.slice(0, 5)) console.log(`\nMISMATCH ${m}`);
  for (const e of r.serverErrors.slice(0, 5)) console.log(`\nSERVER ERROR ${e}`);
  return r.mismatches.length || r.serverErrors.length || heapGrew ? 1 : 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error) => {
    console.error(error);
    process.exitCode = 2;
  },
);

// Loaded into the language server by the soak run (`node --expose-gc --require heap-probe.cjs`): twice a
// second, a full garbage collection and the heap size after it on stderr (`WINNET-HEAP <bytes>`), so the soak
// can tell a leak (live heap growing) from the heap merely expanding.
'use strict';
if (typeof globalThis.gc === 'function') {
  setInterval(() => {
    globalThis.gc();
    try {
      process.stderr.write(`WINNET-HEAP ${process.memoryUsage().heapUsed}\n`);
    } catch {
      // stderr closed
    }
  }, 500).unref();
}

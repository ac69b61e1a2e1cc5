// Loaded with `node --require` before the winnet server or CLI: every way to reach the network or start a
// process (net, http, https, http2, tls, dgram, dns, child_process, fetch, WebSocket) throws and is reported on
// stderr as `WINNET-IO-VIOLATION <what>`, and every load of one of those modules is reported as
// `WINNET-IO-LOAD <module>` (the server bundle loads `net` and `child_process` through vscode-languageserver
// without using them; the tests decide what loading is allowed, using is never allowed).
'use strict';
const Module = require('node:module');

function violation(what) {
  const message = `WINNET-IO-VIOLATION ${what}`;
  try {
    process.stderr.write(`${message}\n${new Error(message).stack}\n`);
  } catch {
    // stderr closed
  }
  throw new Error(`${message}: winnet must not use the network or start processes`);
}

const guarded = {
  child_process: ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork'],
  net: ['connect', 'createConnection', 'createServer'],
  tls: ['connect', 'createServer', 'createSecureContext'],
  http: ['request', 'get', 'createServer'],
  https: ['request', 'get', 'createServer'],
  http2: ['connect', 'createServer', 'createSecureServer'],
  dgram: ['createSocket'],
  dns: ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'reverse'],
};

for (const [name, methods] of Object.entries(guarded)) {
  const mod = require(name);
  for (const method of methods) {
    if (typeof mod[method] === 'function') mod[method] = () => violation(`${name}.${method}`);
  }
}
const net = require('node:net');
net.Socket.prototype.connect = () => violation('net.Socket.connect');
if (typeof globalThis.fetch === 'function') globalThis.fetch = () => violation('fetch');
if (typeof globalThis.WebSocket === 'function')
  globalThis.WebSocket = function WebSocket() {
    violation('WebSocket');
  };

const watched = new Set(Object.keys(guarded));
const originalLoad = Module._load;
const reported = new Set();
Module._load = function load(...args) {
  const name = String(args[0]).replace(/^node:/, '');
  if (watched.has(name) && !reported.has(name)) {
    reported.add(name);
    try {
      process.stderr.write(`WINNET-IO-LOAD ${name}\n`);
    } catch {
      // stderr closed
    }
  }
  return originalLoad.apply(this, args);
};

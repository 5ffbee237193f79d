// The trainer worker's bootstrap: loads trainer.wasm (the Digits run, see
// cmd/trainer) and runs it. Messages the page sends before the Go program
// has set its own handler are kept in self.digitlabInbox, which it reads
// first. A failure to start and the program's exit are reported to the
// page as {type: 'fatal', message} and {type: 'exit', code}; everything
// else the program posts is a snapshot (a Uint8Array).
'use strict';
self.digitlabInbox = [];
self.onmessage = function (e) { self.digitlabInbox.push(e.data); };

function fatal(msg) {
  self.postMessage({ type: 'fatal', message: msg });
}

try {
  importScripts('wasm_exec.js');
} catch (e) {
  fatal('wasm_exec.js could not be loaded (' + e.message + '); has ./build.sh been run?');
}

(async function () {
  if (typeof Go !== 'function') return;
  var resp;
  try {
    resp = await fetch('trainer.wasm');
  } catch (e) {
    fatal('trainer.wasm could not be downloaded (' + e.message + ')');
    return;
  }
  if (!resp.ok) {
    fatal('trainer.wasm could not be downloaded: HTTP ' + resp.status + ' ' + resp.statusText +
      (resp.status === 404 ? ' (has ./build.sh been run?)' : ''));
    return;
  }
  try {
    var bytes = await resp.arrayBuffer();
    var go = new Go();
    var exit = go.exit;
    go.exit = function (code) {
      exit.call(go, code);
      self.postMessage({ type: 'exit', code: code });
    };
    var result = await WebAssembly.instantiate(bytes, go.importObject);
    await go.run(result.instance);
  } catch (e) {
    fatal('it failed: ' + (e && e.message ? e.message : String(e)));
  }
})();

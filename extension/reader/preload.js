// Runs before the reader's modules load: asks the background for this frame's page at once and,
// only once one is confirmed (a frame the extension did not open gets none, so no work) and the
// warm core did not process it already (warm.js), starts the core's Worker compiling the wasm
// module, while the modules still load. reader.js takes
// both over (`__lecternEarly`). The message type is messages.js's MSG.PAYLOAD (a classic script
// cannot import it).
(() => {
  const ext = globalThis.browser || globalThis.chrome;
  const token = location.hash.slice(1);
  if (!ext || !document.currentScript || !/^[0-9a-f-]{36}$/.test(token)) return;
  const ran = Date.now(); // when this script ran (bench/click.mjs's phases)
  const workerUrl = new URL('worker.js', document.currentScript.src);
  Object.defineProperty(globalThis, '__lecternEarly', {
    value: ext.runtime.sendMessage({ type: 'lectern-payload', token }).catch(() => null).then((payload) => {
      const at = Date.now(); // when the page came (bench/click.mjs's phases)
      if (!payload || typeof payload.html !== 'string' || payload.article) return { payload, worker: null, at, ran };
      const worker = new Worker(workerUrl, { type: 'module' });
      worker.postMessage({ id: 0, op: 'warm', args: [] });
      return { payload, worker, at, ran };
    }),
  });
})();

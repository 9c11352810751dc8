// Starts compiling the wasm core the moment the reader page begins to load, while its modules
// are still being fetched: compiling is the longest step before the article can be shown.
// reader.js picks up the promise (or compiles itself if this failed).
globalThis.lecternModule = WebAssembly.compileStreaming(fetch(new URL('pkg/lectern_bg.wasm', document.baseURI)))
  .catch(() => null);

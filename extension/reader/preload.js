// Kept empty on purpose: the reader used to start compiling the wasm module here, as soon as the
// page loaded, which let any site make the browser compile it by framing reader.html. The core
// now starts in a Worker (core.js) only once the background has confirmed a page to show.

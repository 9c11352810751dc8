// Shows the reader over the page and takes it away again, leaving the page exactly as it was.
// Injected by the background into the page's isolated world, next to capture.js. The reader is an
// extension page in a full-viewport iframe inside a closed shadow root, so neither the page's CSS
// nor its scripts reach it; the page underneath is untouched apart from its scrollbar.
(() => {
  'use strict';
  if (globalThis.__lecternReader) return;
  const api = (globalThis.browser && globalThis.browser.runtime) ? globalThis.browser : chrome;

  let state = null; // {host, scrollX, scrollY, overflow, focus}

  function open(src) {
    if (state) return false;
    const de = document.documentElement;
    state = {
      scrollX: window.scrollX,
      scrollY: window.scrollY,
      overflow: de.style.getPropertyValue('overflow'),
      overflowPriority: de.style.getPropertyPriority('overflow'),
      focus: document.activeElement,
      host: document.createElement('lectern-reader'),
    };
    const host = state.host;
    const css = {
      position: 'fixed', inset: '0', width: '100vw', height: '100vh', margin: '0', padding: '0',
      border: '0', 'z-index': '2147483647', display: 'block', background: 'transparent',
      transform: 'none', filter: 'none', opacity: '1', visibility: 'visible', 'max-width': 'none',
      'max-height': 'none', 'pointer-events': 'auto',
    };
    for (const [k, v] of Object.entries(css)) host.style.setProperty(k, v, 'important');
    const root = host.attachShadow({ mode: 'closed' });
    const frame = document.createElement('iframe');
    frame.src = src;
    frame.title = 'Reader view';
    frame.setAttribute('allow', '');
    frame.style.cssText = 'all:initial;display:block;width:100%;height:100%;border:0;margin:0;';
    root.appendChild(frame);
    // Keep the page from scrolling under the reader; its position is restored on close.
    de.style.setProperty('overflow', 'hidden', 'important');
    de.appendChild(host);
    frame.addEventListener('load', () => frame.focus(), { once: true });
    frame.focus();
    return true;
  }

  function close() {
    if (!state) return false;
    const s = state;
    state = null;
    s.host.remove();
    const de = document.documentElement;
    if (s.overflow) de.style.setProperty('overflow', s.overflow, s.overflowPriority);
    else de.style.removeProperty('overflow');
    window.scrollTo({ left: s.scrollX, top: s.scrollY, behavior: 'instant' });
    if (s.focus && s.focus.focus && s.focus.isConnected) s.focus.focus({ preventScroll: true });
    return true;
  }

  globalThis.__lecternReader = { open, close, isOpen: () => !!state };

  // The reader asks to close (Esc, its close button) through the extension, never through the page.
  api.runtime.onMessage.addListener((msg) => {
    if (msg && msg.type === 'lectern-close') close();
  });
  // Leaving the page (Back, a link) takes the reader with it, so a page restored from the
  // back/forward cache comes back as the user left it.
  window.addEventListener('pagehide', () => close());
})();

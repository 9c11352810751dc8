// Shows the reader over the page and takes it away again, leaving the page exactly as it was.
// Injected by the background into the page's isolated world, next to capture.js. The reader is an
// extension page in a full-viewport iframe inside a closed shadow root, so neither the page's CSS
// nor its scripts reach it; the page underneath is untouched apart from its scrollbar.
//
// What a hostile (or merely unusual) page must not be able to do:
// - run code when the host is created: the host is a built-in <div>, never a custom element name
//   the page could define (its constructor would get the shadow root through attachInternals);
// - switch this script off with `<div id="__lecternReader">` (a named property on window): the
//   guard asks for an own property;
// - hide the reader: the host goes to the top layer (a manual popover), out of reach of the
//   opacity, filter, transform or clip of <html>/<body> (anti-flicker snippets set
//   `html.async-hide {opacity: 0}`), and its zoom undoes any zoom on <html>;
// - learn the reader's URL: the frame URL is made here with runtime.getURL (a per-session URL:
//   the manifest lists reader.html with use_dynamic_url).
(() => {
  'use strict';
  if (Object.hasOwn(globalThis, '__lecternReader')) return;
  const api = (globalThis.browser && globalThis.browser.runtime) ? globalThis.browser : chrome;
  const MSG_CLOSE = 'lectern-close'; // MSG.CLOSE in messages.js

  let state = null; // {host, scrollX, scrollY, overflow, focus}

  const HOST_CSS = {
    position: 'fixed', inset: '0', width: '100vw', height: '100vh', margin: '0', padding: '0',
    border: '0', 'z-index': '2147483647', display: 'block', background: 'transparent',
    transform: 'none', filter: 'none', opacity: '1', visibility: 'visible', 'max-width': 'none',
    'max-height': 'none', 'pointer-events': 'auto', overflow: 'hidden', 'clip-path': 'none',
    contain: 'none', zoom: '1', 'content-visibility': 'visible', translate: 'none', scale: 'none',
    rotate: 'none',
  };

  // `token` names the captured page the reader asks the background for. `whileLoading` (the
  // capture) runs once the frame is in place and its navigation has started, before the page's
  // scroll is locked (which would make the capture lay the whole page out again); open returns
  // what it returned, or null when no reader opened.
  function open(token, whileLoading = () => true) {
    if (state) return null;
    if (typeof token !== 'string' || !/^[0-9a-f-]{36}$/.test(token)) return null;
    const de = document.documentElement;
    const host = document.createElement('div');
    for (const [k, v] of Object.entries(HOST_CSS)) host.style.setProperty(k, v, 'important');
    // The tests (and nothing else) find the host by this attribute.
    host.setAttribute('data-lectern-reader', '');
    const root = host.attachShadow({ mode: 'closed' });
    const frame = document.createElement('iframe');
    frame.src = `${api.runtime.getURL('reader.html')}#${token}`;
    let title = '';
    try { title = api.i18n.getMessage('frameTitle'); } catch { title = ''; }
    frame.title = title || 'Reader view';
    frame.setAttribute('allow', '');
    frame.style.cssText = 'all:initial;display:block;width:100%;height:100%;border:0;margin:0;';
    root.appendChild(frame);
    const saved = {
      scrollX: window.scrollX,
      scrollY: window.scrollY,
      overflow: de.style.getPropertyValue('overflow'),
      overflowPriority: de.style.getPropertyPriority('overflow'),
      focus: document.activeElement,
      host,
    };
    de.appendChild(host);
    if (typeof host.showPopover === 'function') {
      host.setAttribute('popover', 'manual');
      try { host.showPopover(); } catch { /* not connected after all: stays a fixed box */ }
    }
    // A zoom on <html> would still scale the host (zoom multiplies down the tree): undo it.
    const zoom = host.currentCSSZoom;
    if (typeof zoom === 'number' && zoom > 0 && Math.abs(zoom - 1) > 1e-3) host.style.setProperty('zoom', String(1 / zoom), 'important');
    // Open only once the frame is in place.
    state = saved;
    frame.addEventListener('load', () => frame.focus(), { once: true });
    frame.focus();
    let result;
    try {
      result = whileLoading();
    } catch (e) {
      close();
      throw e;
    }
    // Keep the page from scrolling under the reader; its position is restored on close.
    de.style.setProperty('overflow', 'hidden', 'important');
    return result;
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

  Object.defineProperty(globalThis, '__lecternReader', { value: Object.freeze({ open, close, isOpen: () => !!state }) });

  // The reader asks to close (Esc, its close button) through the extension, never through the page.
  api.runtime.onMessage.addListener((msg) => {
    if (msg && msg.type === MSG_CLOSE) close();
  });
  // Leaving the page (Back, a link) takes the reader with it, so a page restored from the
  // back/forward cache comes back as the user left it.
  window.addEventListener('pagehide', () => close());
})();

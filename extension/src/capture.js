// Lectern's page capture: serialises the page AS THE USER SEES IT from the live DOM.
// Injected into the page (isolated world) by the extension; also timed by the benchmark, so it is
// self-contained and defines only globalThis.__lecternCapture(options) ->
//   {html, url, title, lang, selectionHtml, elements, ms}
// - leaves out what is not rendered: display:none, visibility:hidden, [hidden], aria-hidden
//   dialogs, zero-size clipped boxes (cheap attribute checks first, layout/style only if needed);
// - walks open shadow roots through their slots (the flattened tree);
// - writes resolved URLs: img.currentSrc (the image the browser loaded), absolute links;
// - one iterative pass (deep trees cannot overflow the stack), no cloning of the document.
(() => {
  'use strict';
  if (globalThis.__lecternCapture) return;

  // Never useful to the reader, or active content.
  const SKIP = new Set([
    'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED',
    'CANVAS', 'SVG', 'MATH', 'INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'OPTION', 'DATALIST',
    'BASE', 'LINK', 'DIALOG', 'PORTAL', 'AUDIO', 'VIDEO', 'MAP', 'AREA', 'APPLET',
  ]);
  const VOID = new Set([
    'AREA', 'BASE', 'BR', 'COL', 'EMBED', 'HR', 'IMG', 'INPUT', 'LINK', 'META', 'SOURCE',
    'TRACK', 'WBR',
  ]);
  // Images have no size until loaded (lazy ones below the fold): never drop them for size.
  const NO_SIZE_CHECK = new Set(['IMG', 'PICTURE', 'SOURCE', 'BR', 'WBR', 'HR']);
  // Attributes that carry nothing for the reader or that could act.
  const DROP_ATTR = /^(on|style$|srcset$|sizes$|nonce$|integrity$|ping$|formaction$|background$)/i;
  const LAZY_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-srcset'];

  const esc = (s) => s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'));
  const escAttr = (s) => s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));

  function absolute(u) {
    try { return new URL(u, document.baseURI).href; } catch { return ''; }
  }

  // The URL of the image the browser shows (or will show, for a lazy image not yet loaded).
  function imageUrl(img) {
    if (img.currentSrc && !img.currentSrc.startsWith('data:')) return img.currentSrc;
    for (const a of LAZY_ATTRS) {
      const v = img.getAttribute(a);
      if (v) return absolute(v.trim().split(/\s+/)[0]);
    }
    const srcset = img.getAttribute('srcset');
    if (srcset) {
      // The largest candidate: what a high-density screen would load.
      let best = '', bestW = -1;
      for (const part of srcset.split(',')) {
        const [u, d] = part.trim().split(/\s+/);
        const w = d ? parseFloat(d) : 1;
        if (u && w > bestW) { best = u; bestW = w; }
      }
      if (best) return absolute(best);
    }
    const src = img.getAttribute('src');
    return src && !src.startsWith('data:') ? img.src : '';
  }

  function rendered(el, tag) {
    if (el.hasAttribute('hidden') && el.getAttribute('hidden') !== 'until-found') return false;
    const ariaHidden = el.getAttribute('aria-hidden') === 'true';
    if (ariaHidden && (el.getAttribute('role') === 'dialog' || el.getAttribute('role') === 'alertdialog' ||
        el.hasAttribute('aria-modal'))) return false;
    if (el.checkVisibility) {
      if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false })) {
        // display:contents has no box but its children are shown.
        return getComputedStyle(el).display === 'contents';
      }
    } else {
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse') return false;
    }
    if (NO_SIZE_CHECK.has(tag)) return true;
    const r = el.getBoundingClientRect();
    if (r.width <= 1 && r.height <= 1) {
      // A zero-size box hides its content only when it clips it (e.g. visually-hidden text).
      const cs = getComputedStyle(el);
      if (cs.display === 'contents') return true;
      if (cs.overflow !== 'visible' || cs.clipPath !== 'none' || (cs.clip && cs.clip !== 'auto')) return false;
      if (r.width === 0 && r.height === 0 && !el.firstElementChild) return el.textContent.trim() === '' ? false : cs.display.startsWith('inline');
    }
    return true;
  }

  function openTag(out, el, tag) {
    const name = tag.toLowerCase();
    out.push('<', name);
    for (const a of el.attributes) {
      const n = a.name;
      if (DROP_ATTR.test(n) || !/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/.test(n)) continue;
      let v = a.value;
      if (n === 'src' && tag === 'IMG') continue; // written below
      if (n === 'href' && (tag === 'A' || tag === 'AREA')) v = el.href;
      else if ((n === 'src' || n === 'poster') && v) v = absolute(v);
      out.push(' ', n, '="', escAttr(v), '"');
    }
    if (tag === 'IMG') {
      const u = imageUrl(el);
      if (u) out.push(' src="', escAttr(u), '"');
      if (!el.hasAttribute('width') && el.naturalWidth) out.push(' width="', String(el.naturalWidth), '"');
      if (!el.hasAttribute('height') && el.naturalHeight) out.push(' height="', String(el.naturalHeight), '"');
    }
    out.push('>');
  }

  // The children to walk: an open shadow root replaces the light children; a slot shows what is
  // assigned to it (or its fallback content).
  function childrenOf(node) {
    if (node.shadowRoot) return node.shadowRoot.childNodes;
    if (node.tagName === 'SLOT') {
      const assigned = node.assignedNodes({ flatten: true });
      return assigned.length ? assigned : node.childNodes;
    }
    return node.childNodes;
  }

  function serializeHead(out) {
    const head = document.head;
    if (!head) return;
    out.push('<head>');
    out.push('<title>', esc(document.title || ''), '</title>');
    for (const el of head.querySelectorAll('meta, link[rel~="canonical"], script[type="application/ld+json"]')) {
      if (el.tagName === 'SCRIPT') {
        out.push('<script type="application/ld+json">', el.textContent.replace(/<\//g, '<\\/'), '</script>');
      } else {
        openTag(out, el, el.tagName === 'LINK' ? 'LINK' : 'META');
      }
    }
    out.push('</head>');
  }

  function serializeBody(out, root) {
    let elements = 0;
    // Stack of [node, closing]: closing entries emit end tags.
    const stack = [[root, false]];
    while (stack.length) {
      const [node, closing] = stack.pop();
      if (closing) { out.push('</', node, '>'); continue; }
      const type = node.nodeType;
      if (type === 3) { out.push(esc(node.data)); continue; }
      if (type !== 1) continue;
      const tag = node.tagName.toUpperCase();
      if (tag === 'SCRIPT' && node.type === 'application/ld+json') {
        out.push('<script type="application/ld+json">', node.textContent.replace(/<\//g, '<\\/'), '</script>');
        continue;
      }
      if (SKIP.has(tag)) continue;
      if (tag === 'SLOT') {
        // A slot is only a place in the shadow tree: its content stands in for it.
        const kids = childrenOf(node);
        for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], false]);
        continue;
      }
      // A broken image shows nothing (and must not be fetched again by the reader).
      if (tag === 'IMG' && node.complete && node.naturalWidth === 0 && node.currentSrc && !node.currentSrc.startsWith('data:')) continue;
      if (!rendered(node, tag)) continue;
      elements++;
      openTag(out, node, tag);
      if (VOID.has(tag)) continue;
      stack.push([tag.toLowerCase(), true]);
      const kids = childrenOf(node);
      for (let i = kids.length - 1; i >= 0; i--) stack.push([kids[i], false]);
    }
    return elements;
  }

  function selectionHtml() {
    const sel = globalThis.getSelection && getSelection();
    if (!sel || sel.isCollapsed || !sel.rangeCount) return '';
    const div = document.createElement('div');
    for (let i = 0; i < sel.rangeCount; i++) div.appendChild(sel.getRangeAt(i).cloneContents());
    for (const bad of div.querySelectorAll('script, style, iframe, object, embed')) bad.remove();
    return div.innerHTML;
  }

  globalThis.__lecternCapture = function (options = {}) {
    const t0 = performance.now();
    const out = [];
    const de = document.documentElement;
    out.push('<!DOCTYPE html><html');
    if (de.lang) out.push(' lang="', escAttr(de.lang), '"');
    if (de.dir) out.push(' dir="', escAttr(de.dir), '"');
    out.push('>');
    serializeHead(out);
    let elements = 0;
    if (!options.selectionOnly && document.body) elements = serializeBody(out, document.body);
    out.push('</html>');
    return {
      html: options.selectionOnly ? '' : out.join(''),
      url: location.href,
      title: document.title || '',
      lang: de.lang || '',
      selectionHtml: selectionHtml(),
      elements,
      ms: performance.now() - t0,
    };
  };
})();

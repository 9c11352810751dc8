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
  const PHRASING = new Set([
    'A', 'ABBR', 'B', 'BDI', 'BDO', 'CITE', 'CODE', 'DATA', 'DEL', 'DFN', 'EM', 'I', 'INS', 'KBD',
    'MARK', 'Q', 'S', 'SAMP', 'SMALL', 'SPAN', 'STRONG', 'SUB', 'SUP', 'TIME', 'U', 'VAR', 'BR', 'WBR',
  ]);
  // Attributes that carry nothing for the reader or that could act.
  const DROP_ATTR = /^(on|style$|srcset$|sizes$|nonce$|integrity$|ping$|formaction$|background$)/i;
  const LAZY_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-srcset'];

  // Whether an attribute name is written out, decided once per name.
  const attrDecision = new Map();
  function attrKept(n) {
    let ok = attrDecision.get(n);
    if (ok === undefined) {
      ok = !DROP_ATTR.test(n) && /^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/.test(n);
      attrDecision.set(n, ok);
    }
    return ok;
  }

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

  // Whether a class, id or inline style could have given the element a box of its own: a
  // zero-size clipping box (visually-hidden text) needs one of them in practice, and measuring
  // every element is the most expensive part of a capture.
  function styledBox(el) {
    return el.id !== '' || el.hasAttribute('class') || el.hasAttribute('style');
  }

  function hiddenByAttributes(el) {
    if (el.hasAttribute('hidden') && el.getAttribute('hidden') !== 'until-found') return true;
    if (el.getAttribute('aria-hidden') === 'true') {
      const role = el.getAttribute('role');
      if (role === 'dialog' || role === 'alertdialog' || el.hasAttribute('aria-modal')) return true;
    }
    return false;
  }

  function rendered(el, tag) {
    if (hiddenByAttributes(el)) return false;
    // Inside a shown parent, a phrasing element with no class, id or style of its own can only be
    // hidden by rules naming its bare tag: not worth a style query for each of them.
    if (PHRASING.has(tag) && !styledBox(el)) return true;
    if (el.checkVisibility) {
      if (!el.checkVisibility({ visibilityProperty: true, contentVisibilityAuto: false })) {
        // display:contents has no box but its children are shown.
        return getComputedStyle(el).display === 'contents';
      }
    } else {
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse') return false;
    }
    if (NO_SIZE_CHECK.has(tag) || !el.firstChild || !styledBox(el)) return true;
    // offsetWidth/Height read the box size; getBoundingClientRect also maps it to the viewport
    // through every ancestor, which costs several times more.
    let w = el.offsetWidth, h = el.offsetHeight;
    if (w === undefined) { const r = el.getBoundingClientRect(); w = r.width; h = r.height; }
    if (w <= 1 && h <= 1) {
      // A zero-size box hides its content only when it clips it (e.g. visually-hidden text).
      const cs = getComputedStyle(el);
      if (cs.display === 'contents') return true;
      if (cs.overflow !== 'visible' || cs.clipPath !== 'none' || (cs.clip && cs.clip !== 'auto')) return false;
      if (w === 0 && h === 0 && !el.firstElementChild) return el.textContent.trim() === '' ? false : cs.display.startsWith('inline');
    }
    return true;
  }

  // The fallback when an ancestor of everything (html, body, a top wrapper) is hidden until the
  // page's own scripts reveal it: no layout to ask, so only the element's own computed style
  // counts (display:none, or a visibility it sets differently from its parent's).
  function renderedLenient(el, parentVisibility) {
    if (hiddenByAttributes(el)) return null;
    const cs = getComputedStyle(el);
    if (cs.display === 'none') return null;
    const v = cs.visibility;
    if (v !== parentVisibility && v !== 'visible') return null;
    return v;
  }

  function openTag(out, el, tag) {
    const name = tag.toLowerCase();
    out.push('<', name);
    for (const a of el.attributes) {
      const n = a.name;
      if (!attrKept(n)) continue;
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

  // Pushes the children to walk, last first: an open shadow root replaces the light children;
  // a slot shows what is assigned to it (or its fallback content).
  function pushChildren(stack, node, vis, v) {
    if (node.tagName === 'SLOT') {
      const assigned = node.assignedNodes({ flatten: true });
      if (assigned.length) {
        for (let i = assigned.length - 1; i >= 0; i--) { stack.push(assigned[i]); if (vis) vis.push(v); }
        return;
      }
    }
    const parent = node.shadowRoot || node;
    for (let c = parent.lastChild; c; c = c.previousSibling) { stack.push(c); if (vis) vis.push(v); }
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

  // Walks `root` and writes what is shown. The stack holds nodes and, as strings, pending end
  // tags. `exempt` (the lenient fallback only) is the set of hidden wrappers to look through:
  // then `vis` runs beside the stack with each node's parent visibility.
  function serializeBody(out, root, exempt) {
    let elements = 0, textChars = 0;
    const lenient = !!exempt;
    const stack = [root];
    const vis = lenient ? ['visible'] : null;
    while (stack.length) {
      const node = stack.pop();
      const parentVis = lenient ? vis.pop() : '';
      if (typeof node === 'string') { out.push(node); continue; }
      const type = node.nodeType;
      if (type === 3) { textChars += node.data.length; out.push(esc(node.data)); continue; }
      if (type !== 1) continue;
      const tag = node.tagName.toUpperCase();
      if (tag === 'SCRIPT' && node.type === 'application/ld+json') {
        out.push('<script type="application/ld+json">', node.textContent.replace(/<\//g, '<\\/'), '</script>');
        continue;
      }
      if (SKIP.has(tag)) continue;
      if (tag === 'SLOT') {
        // A slot is only a place in the shadow tree: its content stands in for it.
        pushChildren(stack, node, vis, parentVis);
        continue;
      }
      // A broken image shows nothing (and must not be fetched again by the reader).
      if (tag === 'IMG' && node.complete && node.naturalWidth === 0 && node.currentSrc && !node.currentSrc.startsWith('data:')) continue;
      let v = '';
      if (!lenient) {
        if (!rendered(node, tag)) continue;
      } else if (exempt.has(node)) {
        if (hiddenByAttributes(node)) continue;
        v = getComputedStyle(node).visibility;
      } else if ((v = renderedLenient(node, parentVis)) === null) {
        continue;
      }
      elements++;
      openTag(out, node, tag);
      if (VOID.has(tag)) continue;
      stack.push(`</${tag.toLowerCase()}>`);
      if (lenient) vis.push('');
      pushChildren(stack, node, vis, v);
    }
    return { elements, textChars };
  }

  // Text the page holds outside scripts and styles (only asked when a capture came out empty).
  function pageTextChars(root) {
    let n = 0;
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT, {
      acceptNode: (t) => (SKIP.has(t.parentNode && t.parentNode.tagName) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT),
    });
    while (w.nextNode()) n += w.currentNode.data.trim().length;
    return n;
  }

  // The wrappers a page may hide until its scripts run: html, body, then down the chain of
  // elements holding most of their parent's text.
  function topWrappers(body) {
    const set = new Set([document.documentElement, body]);
    let el = body;
    for (let depth = 0; depth < 8; depth++) {
      const total = el.textContent.length;
      let best = null, bestLen = 0;
      for (const c of el.children) {
        if (SKIP.has(c.tagName)) continue;
        const l = c.textContent.length;
        if (l > bestLen) { best = c; bestLen = l; }
      }
      if (!best || bestLen < total * 0.6) break;
      set.add(best);
      el = best;
    }
    return set;
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
    let walk = { elements: 0, textChars: 0 }, fallback = false;
    const body = document.body;
    if (!options.selectionOnly && body) {
      const mark = out.length;
      walk = serializeBody(out, body, null);
      // Almost nothing shown although the page holds text: a wrapper is hidden until the page's
      // scripts run (or they never ran). Capture again, looking through that wrapper.
      let pageText = 0;
      if (walk.textChars < 2000 && (pageText = pageTextChars(body)) >= 1000 && walk.textChars < pageText / 10) {
        out.length = mark;
        walk = serializeBody(out, body, topWrappers(body));
        fallback = true;
      }
    }
    out.push('</html>');
    return {
      html: options.selectionOnly ? '' : out.join(''),
      url: location.href,
      title: document.title || '',
      lang: de.lang || '',
      selectionHtml: selectionHtml(),
      elements: walk.elements,
      fallback,
      ms: performance.now() - t0,
    };
  };
})();

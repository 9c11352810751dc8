// Lectern's page capture: serialises the page AS THE USER SEES IT from the live DOM.
// Injected into the page (isolated world) by the extension; also timed by the benchmark, so it is
// self-contained and defines only globalThis.__lecternCapture(options) ->
//   {html, url, title, lang, selectionHtml, loadedImages, elements, ms}
// - leaves out what is not rendered: display:none, visibility:hidden, [hidden], aria-hidden
//   dialogs, zero-size clipped boxes (cheap attribute checks first, layout/style only if needed);
// - walks open shadow roots through their slots (the flattened tree);
// - writes resolved URLs: img.currentSrc (the image the browser loaded), absolute links;
// - one iterative pass (deep trees cannot overflow the stack), no cloning of the document;
//   at most MAX_DEPTH levels, MAX_ATTRS attributes per element and BUDGET_MS of time, whatever
//   the page holds (a hostile page must not freeze itself or the reader).
// - images: the ones the page loaded, or lazy ones on the page's own site (the reader must not
//   fetch for the page what the browser would not let it fetch: see src/fetch_policy.rs).
(() => {
  'use strict';
  // An own property: `<div id="__lecternCapture">` makes a named property on window, which must
  // not pass for this script.
  if (Object.hasOwn(globalThis, '__lecternCapture')) return;

  const MAX_DEPTH = 400; // the core reads 512 levels; real pages use well under 100
  const MAX_ATTRS = 64; // attributes read per element
  const BUDGET_MS = 2000; // then the capture ends with what it has

  // Never useful to the reader, or active content.
  const SKIP = new Set([
    'SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'IFRAME', 'FRAME', 'FRAMESET', 'OBJECT', 'EMBED',
    'CANVAS', 'SVG', 'INPUT', 'SELECT', 'TEXTAREA', 'BUTTON', 'OPTION', 'DATALIST',
    'BASE', 'LINK', 'DIALOG', 'PORTAL', 'AUDIO', 'VIDEO', 'MAP', 'AREA', 'APPLET',
    // A formula's other encodings (TeX source) and glyph images: the core drops them too.
    'ANNOTATION', 'ANNOTATION-XML', 'MGLYPH',
  ]);
  const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
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
  // Attributes that carry nothing for the reader or that could act. Data attributes are written
  // only where the core reads them: the lazy-image ones on media elements, holding URLs the
  // image policy below allows (elsewhere they hold script state, often long).
  const DROP_ATTR = /^(on|style$|srcset$|sizes$|nonce$|integrity$|ping$|formaction$|background$)/i;
  const LAZY_ATTRS = ['data-src', 'data-lazy-src', 'data-original', 'data-url', 'data-srcset'];
  const LAZY = new Set(LAZY_ATTRS);

  // Whether an attribute name is written out (on an element of this kind), decided once per
  // name: 0 never, 1 always, 2 a lazy-image data attribute (on media elements only).
  const attrDecision = new Map();
  function attrKept(n, info) {
    let d = attrDecision.get(n);
    if (d === undefined) {
      d = DROP_ATTR.test(n) || !/^[a-zA-Z_:][-a-zA-Z0-9_:.]*$/.test(n) ? 0
        : /^data-/i.test(n) ? (LAZY.has(n) ? 2 : 0) : 1;
      attrDecision.set(n, d);
    }
    return d === 1 || (d === 2 && info.media);
  }

  // The page's site, for the image policy: a lazy image nobody loaded yet is fetched by the
  // reader only when it is on the page's own site. An IP address has no site: there only the
  // same origin counts (another port is another service). Mirrors src/fetch_policy.rs.
  let pageSite = null;
  function siteOf(u) {
    const h = u.hostname;
    if (!h) return null;
    if (/^[0-9.]+$/.test(h) || h.startsWith('[')) return u.protocol + '//' + u.host;
    const labels = h.replace(/\.$/, '').split('.').reverse();
    const keep = labels.length > 2 && labels[0].length === 2 && labels[1].length <= 3 ? 3 : 2;
    return labels.slice(0, keep).reverse().join('.');
  }
  function sameSite(abs) {
    try {
      const u = new URL(abs);
      if (u.protocol !== 'http:' && u.protocol !== 'https:') return false;
      return pageSite !== null && siteOf(u) === pageSite;
    } catch { return false; }
  }
  // The images the page loaded (their currentSrc), gathered while walking and from document.images.
  let loaded = new Set();

  // Elements that may host a shadow root (attachShadow's list, and custom elements): only they
  // are asked for one.
  const SHADOW_HOSTS = new Set([
    'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'BODY', 'DIV', 'FOOTER', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6',
    'HEADER', 'MAIN', 'NAV', 'P', 'SECTION', 'SPAN',
  ]);

  // What the walk needs to know about a tag, worked out once per tag name: every Set lookup and
  // case conversion per element adds up on pages with thousands of them.
  const tagInfo = new Map();
  function infoFor(tagName) {
    let info = tagInfo.get(tagName);
    if (info === undefined) {
      const tag = tagName.toUpperCase();
      const name = tag.toLowerCase();
      info = {
        tag,
        open: '<' + name,
        close: '</' + name + '>',
        skip: SKIP.has(tag),
        void: VOID.has(tag),
        phrasing: PHRASING.has(tag),
        media: /^(IMG|PICTURE|SOURCE|FIGURE|VIDEO|AUDIO|IFRAME|NOSCRIPT|META|LINK)$/.test(tag),
        small: PHRASING.has(tag) || /^H[1-6]$/.test(tag),
        textBlock: /^(P|LI|DD|DT|TD|TH|FIGCAPTION|BLOCKQUOTE|PRE)$/.test(tag),
        sizeCheck: !NO_SIZE_CHECK.has(tag),
        shadowHost: SHADOW_HOSTS.has(tag) || name.includes('-'),
        // Possibly an element inside a formula: only HTML elements have upper-case tagNames.
        mathPart: tagName !== tag && tag !== 'MATH',
      };
      tagInfo.set(tagName, info);
    }
    return info;
  }

  // Most text and attribute values hold nothing to escape: test before replacing.
  const TEXT_SPECIAL = /[&<>]/;
  const ATTR_SPECIAL = /[&<>"]/;
  const esc = (s) => (TEXT_SPECIAL.test(s)
    ? s.replace(/[&<>]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : '&gt;'))
    : s);
  const escAttr = (s) => (ATTR_SPECIAL.test(s)
    ? s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'))
    : s);

  function absolute(u) {
    try { return new URL(u, document.baseURI).href; } catch { return ''; }
  }

  // A link's resolved URL, as a.href gives it. That getter parses the URL again on every read
  // (up to a seventh of a capture on link-heavy pages), so links the browser would write back
  // unchanged are resolved here: an absolute http(s) URL already in canonical form, or a
  // root-relative or fragment link below an http(s) base. Only characters URL parsing leaves
  // alone qualify (no '%', backslash, quote, space, dot segment, port, IP address or punycode);
  // anything else goes to the browser. tests/e2e/capture.test.mjs checks both against a.href.
  const SAFE = "[-A-Za-z0-9._~!$&()*+,;=:@/]*";
  const SAFE_TAIL = `(?:\\?[-A-Za-z0-9._~!$&()*+,;=:@/?]*)?(?:#[-A-Za-z0-9._~!$&()*+,;=:@/?]*)?$`;
  const CANONICAL_ABSOLUTE = new RegExp(`^https?://(?:[a-z0-9-]+\\.)*[a-z][a-z0-9-]*/${SAFE}${SAFE_TAIL}`);
  const CANONICAL_ROOT = new RegExp(`^/(?!/)${SAFE}${SAFE_TAIL}`);
  const CANONICAL_FRAGMENT = /^#[-A-Za-z0-9._~!$&()*+,;=:@/?]*$/;
  let linkBase = null; // {origin: base URL up to its path, page: base URL without its fragment}
  function linkBaseFor() {
    if (linkBase === null) {
      linkBase = false;
      try {
        const b = new URL(document.baseURI);
        if (b.protocol === 'http:' || b.protocol === 'https:') {
          const href = b.href;
          const page = b.hash ? href.slice(0, href.length - b.hash.length) : href;
          linkBase = { origin: page.slice(0, page.length - b.pathname.length - b.search.length), page };
        }
      } catch { /* no usable base: the browser resolves every link */ }
    }
    return linkBase;
  }
  function linkUrl(el, v) {
    if (v.includes('/.') || v.includes('xn--')) return el.href;
    const c = v.charCodeAt(0);
    if (c === 104 /* h */) { if (CANONICAL_ABSOLUTE.test(v)) return v; }
    else if (c === 47 /* / */) { if (CANONICAL_ROOT.test(v) && linkBaseFor()) return linkBase.origin + v; }
    else if (c === 35 /* # */) { if (CANONICAL_FRAGMENT.test(v) && linkBaseFor()) return linkBase.page + v; }
    return el.href;
  }

  // The URL of the image the browser shows, or will show for a lazy image not yet loaded (then
  // only on the page's site). `current` is img.currentSrc, `attrs` its attributes by name.
  function imageUrl(img, current, attrs) {
    if (current && !current.startsWith('data:') && img.complete && img.naturalWidth > 0) {
      loaded.add(current);
      return current;
    }
    const u = lazyImageUrl(img, current, attrs);
    return u && sameSite(u) ? u : '';
  }
  // A srcset's candidates as [url, descriptor] by the HTML grammar: a URL runs to whitespace, so
  // a comma inside it ("…/fit=700,1024/a.jpg") stays (src/html.rs srcset_candidates does the same).
  function srcsetCandidates(srcset) {
    const out = [];
    let rest = srcset;
    for (;;) {
      rest = rest.replace(/^[\s,]+/, '');
      if (!rest) return out;
      const m = /^\S+/.exec(rest);
      const url = m[0];
      rest = rest.slice(url.length);
      if (url.endsWith(',')) { out.push([url.replace(/,+$/, ''), '']); continue; }
      let depth = 0, end = rest.length;
      for (let i = 0; i < rest.length; i++) {
        const c = rest[i];
        if (c === '(') depth++;
        else if (c === ')') depth = Math.max(0, depth - 1);
        else if (c === ',' && depth === 0) { end = i; break; }
      }
      out.push([url, rest.slice(0, end).trim()]);
      rest = rest.slice(end);
    }
  }

  function lazyImageUrl(img, current, attrs) {
    if (current && !current.startsWith('data:')) return current;
    for (const a of LAZY_ATTRS) {
      const v = attrs.get(a);
      if (v) return absolute(a === 'data-srcset' ? (srcsetCandidates(v)[0] || [''])[0] : v.trim().split(/\s+/)[0]);
    }
    const srcset = attrs.get('srcset');
    if (srcset) {
      // The largest candidate: what a high-density screen would load.
      let best = '', bestW = -1;
      for (const [u, d] of srcsetCandidates(srcset)) {
        const w = d ? parseFloat(d) : 1;
        if (u && w > bestW) { best = u; bestW = w; }
      }
      if (best) return absolute(best);
    }
    const src = attrs.get('src');
    return src && !src.startsWith('data:') ? img.src : '';
  }

  // The element's attributes, read once in order. Only the first MAX_ATTRS are read (a lookup by
  // name is a scan of the element's list: reading all of 40,000 attributes by name would be
  // quadratic); the few the visibility decision needs are asked by name when there are more.
  // By name and not through `el.attributes`: that makes an Attr node and its wrapper per
  // attribute, a fifth of a cold capture; only a name getAttribute cannot find again (an
  // upper-case name set by script on an HTML element) is read from the list. Fills `attrs`
  // (name -> value, first wins) and returns the flags.
  const HIDDEN = 1; // hidden by the hidden attribute or as an aria-hidden dialog
  const STYLED = 2; // a class, id or inline style could have given the element a box of its own
  function readAttrs(el, attrs) {
    const names = el.getAttributeNames();
    const n = names.length;
    const m = n < MAX_ATTRS ? n : MAX_ATTRS;
    for (let i = 0; i < m; i++) {
      const k = names[i];
      if (attrs.has(k)) continue;
      let v = el.getAttribute(k);
      if (v === null) v = el.attributes[i].value;
      attrs.set(k, v);
    }
    if (n > MAX_ATTRS) {
      for (const k of ['hidden', 'aria-hidden', 'role', 'aria-modal', 'class', 'id', 'style']) {
        if (!attrs.has(k) && el.hasAttribute(k)) attrs.set(k, el.getAttribute(k));
      }
    }
    let flags = 0;
    if (attrs.has('class') || attrs.has('style') || (attrs.has('id') && attrs.get('id') !== '')) flags |= STYLED;
    const hidden = attrs.get('hidden');
    if (hidden !== undefined && hidden !== 'until-found') flags |= HIDDEN;
    else if (attrs.get('aria-hidden') === 'true') {
      const role = attrs.get('role');
      if (role === 'dialog' || role === 'alertdialog' || attrs.has('aria-modal')) flags |= HIDDEN;
    }
    return flags;
  }

  const VISIBILITY_OPTIONS = { visibilityProperty: true, contentVisibilityAuto: false };

  // Whether an element that its attributes do not hide is rendered. A zero-size clipping box
  // (visually-hidden text) needs a class, id or inline style of its own in practice, and measuring
  // every element is the most expensive part of a capture.
  function rendered(el, info, styled) {
    // Inside a shown parent, a phrasing element with no class, id or style of its own can only be
    // hidden by rules naming its bare tag: not worth a style query for each of them.
    if (info.phrasing && !styled) return true;
    if (el.checkVisibility) {
      if (!el.checkVisibility(VISIBILITY_OPTIONS)) {
        // display:contents has no box but its children are shown.
        return getComputedStyle(el).display === 'contents';
      }
    } else {
      const cs = getComputedStyle(el);
      if (cs.display === 'none' || cs.visibility === 'hidden' || cs.visibility === 'collapse') return false;
    }
    if (!styled || !info.sizeCheck || !el.firstChild) return true;
    // Visually-hidden boxes hold text, a phrase or a heading; a paragraph or list item with
    // markup, or a box of blocks, is not one (measuring every one was a tenth of a capture).
    const first = el.firstElementChild;
    if (first && (info.textBlock || !infoFor(first.tagName).small)) return true;
    // offsetWidth/Height read the box size; getBoundingClientRect also maps it to the viewport
    // through every ancestor, which costs several times more. Each read costs more than the
    // visibility check, so the height is read only for a box at most 1px wide.
    let w = el.offsetWidth, h;
    if (w === undefined) { const r = el.getBoundingClientRect(); w = r.width; h = r.height; }
    if (w > 1) return true;
    if (h === undefined) h = el.offsetHeight;
    if (h <= 1) {
      // A zero-size box hides its content only when it clips it (e.g. visually-hidden text).
      const cs = getComputedStyle(el);
      if (cs.display === 'contents') return true;
      if (cs.overflow !== 'visible' || cs.clipPath !== 'none' || (cs.clip && cs.clip !== 'auto')) return false;
      if (w === 0 && h === 0 && !first) return el.textContent.trim() === '' ? false : cs.display.startsWith('inline');
    }
    return true;
  }

  // The fallback when an ancestor of everything (html, body, a top wrapper) is hidden until the
  // page's own scripts reveal it: no layout to ask, so only the element's own computed style
  // counts (display:none, or a visibility it sets differently from its parent's).
  function renderedLenient(el, parentVisibility) {
    const cs = getComputedStyle(el);
    if (cs.display === 'none') return null;
    const v = cs.visibility;
    if (v !== parentVisibility && v !== 'visible') return null;
    return v;
  }

  // The output, built by string concatenation: V8 keeps the pieces as a tree and copies them
  // once when the string is flattened, cheaper overall than an array of small strings and a join.
  let out = '';

  function openTag(el, info, attrs) {
    const tag = info.tag;
    let s = info.open;
    let hasWidth = false, hasHeight = false;
    for (const [n, value] of attrs) {
      if (!attrKept(n, info)) continue;
      let v = value;
      if (n === 'href' && (tag === 'A' || tag === 'AREA')) {
        v = linkUrl(el, v);
      } else if (n === 'src' || n === 'poster') {
        if (tag === 'IMG' && n === 'src') continue; // written below
        if (v) v = absolute(v);
        if (tag === 'SOURCE' && v && !sameSite(v)) continue;
      } else if (LAZY.has(n)) {
        // Only the first URL matters to the core; other sites' are not fetched (see above).
        const first = absolute(v.trim().split(/[\s,]+/)[0]);
        if (!first || !sameSite(first)) continue;
      } else if (n === 'width') hasWidth = true;
      else if (n === 'height') hasHeight = true;
      s += ' ' + n + '="' + escAttr(v) + '"';
    }
    if (tag === 'IMG') {
      const u = imageUrl(el, el.currentSrc, attrs);
      if (u) s += ' src="' + escAttr(u) + '"';
      if (!hasWidth && el.naturalWidth) s += ' width="' + el.naturalWidth + '"';
      if (!hasHeight && el.naturalHeight) s += ' height="' + el.naturalHeight + '"';
    }
    out += s + '>';
  }

  // Pushes the children to walk, last first: an open shadow root replaces the light children;
  // a slot shows what is assigned to it (or its fallback content).
  function pushChildren(stack, node, info, vis, v) {
    if (info.tag === 'SLOT') {
      const assigned = node.assignedNodes({ flatten: true });
      if (assigned.length) {
        for (let i = assigned.length - 1; i >= 0; i--) { stack.push(assigned[i]); if (vis) vis.push(v); }
        return;
      }
    }
    const parent = (info.shadowHost && node.shadowRoot) || node;
    for (let c = parent.lastChild; c; c = c.previousSibling) { stack.push(c); if (vis) vis.push(v); }
  }

  function jsonLd(el) {
    out += '<script type="application/ld+json">' + el.textContent.replace(/<\//g, '<\\/') + '</script>';
  }

  function serializeHead() {
    const head = document.head;
    if (!head) return;
    out += '<head><title>' + esc(document.title || '') + '</title>';
    for (const el of head.querySelectorAll('meta, link[rel~="canonical"], script[type="application/ld+json"]')) {
      if (el.tagName === 'SCRIPT') jsonLd(el);
      else {
        const attrs = new Map();
        readAttrs(el, attrs);
        openTag(el, infoFor(el.tagName === 'LINK' ? 'LINK' : 'META'), attrs);
      }
    }
    out += '</head>';
  }

  // Walks `root` and writes what is shown. The stack holds nodes and, as strings, pending end
  // tags. `exempt` (the lenient fallback only) is the set of hidden wrappers to look through:
  // then `vis` runs beside the stack with each node's parent visibility.
  function serializeBody(root, exempt, deadline) {
    let elements = 0, textChars = 0, depth = 0, steps = 0, truncated = false;
    const lenient = !!exempt;
    const stack = [root];
    const vis = lenient ? ['visible'] : null;
    while (stack.length) {
      const node = stack.pop();
      const parentVis = lenient ? vis.pop() : '';
      if (typeof node === 'string') { out += node; depth--; continue; }
      if ((++steps & 1023) === 0 && performance.now() > deadline) {
        // Out of time: close what is open and stop.
        truncated = true;
        for (let i = stack.length - 1; i >= 0; i--) if (typeof stack[i] === 'string') out += stack[i];
        break;
      }
      const type = node.nodeType;
      if (type === 3) {
        const d = node.data;
        textChars += d.length;
        out += esc(d);
        continue;
      }
      if (type !== 1) continue;
      const info = infoFor(node.tagName);
      if (info.skip) {
        if (info.tag === 'SCRIPT' && node.type === 'application/ld+json') jsonLd(node);
        continue;
      }
      if (info.tag === 'SLOT') {
        // A slot is only a place in the shadow tree: its content stands in for it.
        pushChildren(stack, node, info, vis, parentVis);
        continue;
      }
      if (info.tag === 'IMG') {
        // A broken image shows nothing (and must not be fetched again by the reader).
        const cur = node.currentSrc;
        if (node.complete && node.naturalWidth === 0 && cur && !cur.startsWith('data:')) continue;
      }
      // Deeper content is not read by the core either.
      if (depth >= MAX_DEPTH) continue;
      const attrs = new Map();
      const flags = readAttrs(node, attrs);
      if (flags & HIDDEN) continue;
      let v = '';
      if (!lenient) {
        // Inside a shown <math> the browser's MathML rules decide what is drawn, and MathJax and
        // KaTeX keep this copy clipped to nothing (their visual copy is aria-hidden): no checks.
        const mathPart = info.mathPart && node.namespaceURI === MATHML_NS;
        if (!mathPart && !rendered(node, info, flags & STYLED)) continue;
      } else if (exempt.has(node)) {
        v = getComputedStyle(node).visibility;
      } else if (!(flags & STYLED)) {
        // Computed style inside a display:none wrapper is worked out afresh up the whole
        // ancestor chain on every call (quadratic in depth): an element with no class, id or
        // style of its own inherits its parent's visibility, carried down the walk instead.
        v = parentVis;
      } else if ((v = renderedLenient(node, parentVis)) === null) {
        continue;
      }
      elements++;
      openTag(node, info, attrs);
      if (info.void) continue;
      depth++;
      stack.push(info.close);
      if (lenient) vis.push('');
      pushChildren(stack, node, info, vis, v);
    }
    return { elements, textChars, truncated };
  }

  // Text the page holds outside scripts and styles (only asked when a capture came out empty).
  // No filter callback: calling back into JS for every text node costs more than the test.
  function pageTextChars(root) {
    let n = 0;
    const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = w.nextNode(); t; t = w.nextNode()) {
      const p = t.parentNode;
      if (p && SKIP.has(p.tagName)) continue;
      n += t.data.trim().length;
    }
    return n;
  }

  // The wrappers a page may hide until its scripts run: html, body, then down the chain of
  // elements holding most of their parent's text.
  function topWrappers(body) {
    const set = new Set([document.documentElement, body]);
    let el = body, total = body.textContent.length;
    for (let depth = 0; depth < 8; depth++) {
      let best = null, bestLen = 0;
      for (const c of el.children) {
        if (SKIP.has(c.tagName)) continue;
        const l = c.textContent.length;
        if (l > bestLen) { best = c; bestLen = l; }
      }
      if (!best || bestLen < total * 0.6) break;
      set.add(best);
      el = best;
      total = bestLen; // its text, measured above
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

  function capture(options = {}) {
    const t0 = performance.now();
    const deadline = t0 + (options.budgetMs || BUDGET_MS);
    linkBase = null; // the base URL can change between captures (history.pushState)
    pageSite = null;
    try { pageSite = siteOf(new URL(location.href)); } catch { /* no site: only loaded images */ }
    loaded = new Set();
    for (const img of document.images) {
      if (img.complete && img.naturalWidth > 0 && img.currentSrc && !img.currentSrc.startsWith('data:')) loaded.add(img.currentSrc);
      if (loaded.size >= 1000) break;
    }
    const de = document.documentElement;
    out = '<!DOCTYPE html><html';
    if (de.lang) out += ' lang="' + escAttr(de.lang) + '"';
    if (de.dir) out += ' dir="' + escAttr(de.dir) + '"';
    out += '>';
    serializeHead();
    let walk = { elements: 0, textChars: 0, truncated: false }, fallback = false;
    const body = document.body;
    if (!options.selectionOnly && body) {
      const before = out;
      walk = serializeBody(body, null, deadline);
      // Almost nothing shown although the page holds text: a wrapper is hidden until the page's
      // scripts run (or they never ran). Capture again, looking through that wrapper.
      let pageText = 0;
      if (!walk.truncated && walk.textChars < 2000 && (pageText = pageTextChars(body)) >= 1000 && walk.textChars < pageText / 10) {
        out = before;
        walk = serializeBody(body, topWrappers(body), deadline);
        fallback = true;
      }
    }
    const html = options.selectionOnly ? '' : out + '</html>';
    out = '';
    // Flatten the joined pieces now (reading a character does), so the cost is the capture's and
    // not hidden in whatever copies the result next (the message to the extension).
    html.charCodeAt(0);
    return {
      html,
      url: location.href,
      title: document.title || '',
      lang: de.lang || '',
      selectionHtml: selectionHtml(),
      loadedImages: [...loaded].slice(0, 1000),
      elements: walk.elements,
      fallback,
      truncated: walk.truncated,
      ms: performance.now() - t0,
    };
  }

  // Own, read-only, not enumerable: found by the extension's own scripts in this world only.
  Object.defineProperty(globalThis, '__lecternCapture', { value: capture });
})();

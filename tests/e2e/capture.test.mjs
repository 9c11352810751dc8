// capture.js on its own in Chromium: what is left out, what is kept, and the fallback for pages
// that hide everything until their own scripts run.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, CHROMIUM, CHROMIUM_ARGS } from './lib.mjs';

const CAPTURE = fs.readFileSync(path.join(ROOT, 'extension', 'src', 'capture.js'), 'utf8');
let browser;

before(async () => { browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS }); });
after(async () => { if (browser) await browser.close(); });

// `url`: the page's address (served by route interception, nothing leaves the machine).
async function capture(html, url = null) {
  const page = await browser.newPage();
  try {
    if (url) {
      await page.route(url, (r) => r.fulfill({ body: html, contentType: 'text/html' }));
      await page.goto(url);
    } else {
      await page.setContent(html);
    }
    await page.evaluate(CAPTURE);
    return await page.evaluate(() => globalThis.__lecternCapture({}));
  } finally {
    await page.close();
  }
}

const PROSE = 'The ferry crossed the bay at dawn while the gulls followed it home. '.repeat(30);

test('hidden things are left out, shown things and open shadow roots kept', async () => {
  const c = await capture(`<style>.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}
    .gone{display:none} .inv{visibility:hidden}</style>
    <p>Shown <span class="sr">SR-SPAN</span> text <a href="/x">a link</a> <em>stressed</em></p>
    <div class="sr"><h2>SR-BLOCK</h2></div><div class="sr"><a href="#main">SR-SKIP-LINK</a></div>
    <p>More <span class="sr">SR-MIXED <em>markup</em></span> text</p><p class="gone">GONE</p><p class="inv">INVISIBLE <b>INV-CHILD</b></p>
    <div aria-hidden="true" role="dialog">DIALOG</div><p hidden>HIDDEN-ATTR</p><p style="width:0;height:0;overflow:hidden">ZERO-BOX</p>
    <div id="host"></div>
    <script>document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML = '<p>SHADOW-TEXT</p>';</script>`);
  for (const kept of ['Shown', 'a link', 'stressed', 'SHADOW-TEXT']) assert.ok(c.html.includes(kept), `${kept} kept`);
  for (const gone of ['SR-SPAN', 'SR-BLOCK', 'SR-SKIP-LINK', 'SR-MIXED', 'GONE', 'INVISIBLE', 'INV-CHILD', 'DIALOG', 'HIDDEN-ATTR', 'ZERO-BOX']) {
    assert.ok(!c.html.includes(gone), `${gone} left out`);
  }
  assert.equal(c.fallback, false);
});

test('maths: the MathML copies MathJax and KaTeX clip to nothing are kept, their TeX source is not', async () => {
  const c = await capture(`<style>.sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(1px,1px,1px,1px)}
    .gone{display:none}</style>
    <p>MathJax 2 <span class="MathJax"><nobr aria-hidden="true">VISUAL-COPY</nobr><span class="sr"><math><mi>x</mi><mo>=</mo><mn>1</mn></math></span></span>
    and KaTeX <span class="katex"><span class="sr"><math display="block"><semantics><mrow><mi>y</mi><mphantom><mi>z</mi></mphantom></mrow><annotation encoding="application/x-tex">TEX-SOURCE</annotation></semantics></math></span></span>
    <span class="sr">SR-SPAN</span> <span class="gone"><math><mi>HIDDEN-MATH</mi></math></span></p>`);
  assert.match(c.html, /<math><mi>x<\/mi><mo>=<\/mo><mn>1<\/mn><\/math>/);
  assert.match(c.html, /<math display="block"><semantics><mrow><mi>y<\/mi><mphantom><mi>z<\/mi><\/mphantom><\/mrow><\/semantics><\/math>/);
  for (const gone of ['TEX-SOURCE', 'SR-SPAN', 'HIDDEN-MATH']) assert.ok(!c.html.includes(gone), `${gone} left out`);
});

test('a page hiding html or body until its scripts run is captured through that wrapper', async () => {
  for (const hide of ['html{display:none}', 'body{visibility:hidden !important}']) {
    const c = await capture(`<style>${hide} .menu{display:none}</style>
      <div><article><h1>Harbour news</h1><p>${PROSE}</p></article><ul class="menu"><li>MENU-ITEM</li></ul></div>`);
    assert.equal(c.fallback, true, hide);
    assert.ok(c.html.includes('Harbour news') && c.html.includes('gulls followed'), `${hide}: article text kept`);
    assert.ok(!c.html.includes('MENU-ITEM'), `${hide}: what the page itself hides stays out`);
  }
});

test('a page with little text is not mistaken for a hidden one', async () => {
  const c = await capture('<p>Sign in to continue.</p><div style="display:none"><p>Short hidden note.</p></div>');
  assert.equal(c.fallback, false);
  assert.ok(!c.html.includes('Short hidden note'));
});

test('links are written as the browser resolves them', async () => {
  // Canonical absolute, root-relative and fragment links are resolved without a.href; everything
  // else goes through it. Both must give what the browser gives.
  const hrefs = [
    'https://example.org/a/b?c=1&d=2#e', 'https://example.org', 'HTTPS://Example.ORG/x', 'https://example.org:443/x',
    'https://example.org/a/../b', 'https://example.org/a b', 'https://example.org/%41', "https://example.org/?q='x'",
    'http://1.2.3/x', 'http://xn--nxasmq6b.com/', 'https://u:p@example.org/', '/root/path?x#y', '//cdn.example.org/z',
    '/./x', '/%2e%2e/x', '#frag', '#', '#a b', 'rel/ative', '../up', '?q', '', ' /padded ', 'javascript:void(0)',
    'mailto:someone@example.org', '/caf\u00e9', 'https://example.org/\\back',
  ];
  for (const base of ['https://u:p@base.example:8443/dir/page.html?q=1#h', 'http://base.example/']) {
    const page = await browser.newPage();
    try {
      await page.setContent(`<base href="${base}"><p>${hrefs.map((h, i) => `<a id="l${i}">link ${i}</a>`).join(' ')}</p>`);
      await page.evaluate((hrefs) => hrefs.forEach((h, i) => document.getElementById(`l${i}`).setAttribute('href', h)), hrefs);
      await page.evaluate(CAPTURE);
      const { got, want } = await page.evaluate(() => {
        const doc = new DOMParser().parseFromString(globalThis.__lecternCapture({}).html, 'text/html');
        return {
          got: [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')),
          want: [...document.querySelectorAll('a')].map((a) => a.href),
        };
      });
      assert.deepEqual(got, want, base);
    } finally {
      await page.close();
    }
  }
});

test('attributes: kept, dropped, escaped; lazy images; slots and display:contents', async () => {
  const c = await capture(`<base href="https://example.org/d/">
    <style>.c{display:contents} .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0,0,0,0)}</style>
    <p id="p" title='say "hi" & <bye>' data-x="1" onclick="x()" style="color:red" nonce="n">attrs</p>
    <img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" data-credit="Photo desk" alt="kept">
    <img data-src="lazy.png" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="lazy">
    <img data-src="https://elsewhere.net/never-loaded.png" alt="elsewhere">
    <img data-srcset="small.png 1x, big.png 2x" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="set">
    <div style="height:4000px"></div><img loading="lazy" width="10" height="10" srcset="fit=700,1024/x.png 1x, fit=1400,2048/x.png 2x" alt="commas">
    <div class="c"><p>CONTENTS-CHILD</p></div><div hidden="until-found">UNTIL-FOUND</div><div id="">EMPTY-ID</div>
    <span id="skip" class="sr">SR-WITH-ID</span>
    <div id="host"><span slot="named">SLOTTED</span><span>DEFAULT-SLOTTED</span></div>
    <script>
      document.getElementById('host').attachShadow({ mode: 'open' }).innerHTML =
        '<p><slot name="named"></slot> / <slot></slot> / <slot name="none">SLOT-FALLBACK</slot></p>';
      const p = document.getElementById('p');
      p.setAttributeNS(null, 'DATA-CAPS', 'caps');
      p.setAttributeNS(null, 'ITEM-CAPS', 'caps');
      p.appendChild(document.createProcessingInstruction('pi', 'odd node'));
      p.appendChild(document.createComment('a comment'));
    </script>`, 'https://www.example.org/d/page.html');
  // Data attributes (script state) only where the core reads them: lazy-image URLs on media.
  assert.match(c.html, /<p id="p" title="say &quot;hi&quot; &amp; &lt;bye&gt;" ITEM-CAPS="caps">attrs<\/p>/);
  assert.match(c.html, /<img alt="kept"/);
  assert.ok(!c.html.includes('elsewhere.net'), 'a lazy image on another site, never loaded, is left out');
  assert.ok(c.html.includes('src="https://example.org/d/lazy.png"'), 'lazy image URL');
  assert.ok(c.html.includes('src="https://example.org/d/small.png"'), 'lazy srcset: its first candidate');
  assert.ok(c.html.includes('src="https://example.org/d/fit=1400,2048/x.png"'), `a srcset read by its grammar (commas inside URLs): ${c.html.match(/<img[^>]*commas[^>]*>/)}`);
  assert.match(c.html, /<p><span slot="named">SLOTTED<\/span> \/ <span>DEFAULT-SLOTTED<\/span> \/ SLOT-FALLBACK<\/p>/, 'slots in place');
  for (const kept of ['CONTENTS-CHILD', 'UNTIL-FOUND', 'EMPTY-ID']) assert.ok(c.html.includes(kept), `${kept} kept`);
  assert.ok(!c.html.includes('SR-WITH-ID'), 'visually-hidden text left out');
  assert.ok(!/onclick|style=|nonce|a comment|odd node/.test(c.html), 'event, style and nonce attributes, comments and PIs left out');
});

test('attributes: read linearly, at most 64 per element, visibility still decided by all', async () => {
  const t0 = Date.now();
  const c = await capture(`<article><p id="many">MANY-ATTRS</p><p id="late">LATE-HIDDEN</p><p>${PROSE}</p></article>
    <script>
      const many = document.getElementById('many');
      for (let i = 0; i < 40000; i++) many.setAttribute('a' + i, 'v');
      const late = document.getElementById('late');
      for (let i = 0; i < 100; i++) late.setAttribute('b' + i, 'v');
      late.setAttribute('hidden', '');
    </script>`);
  const ms = Date.now() - t0;
  const tag = c.html.match(/<p id="many"[^>]*>/)[0];
  assert.ok((tag.match(/ a\d+="/g) || []).length <= 64, 'at most 64 attributes written');
  assert.ok(c.html.includes('MANY-ATTRS'));
  assert.ok(!c.html.includes('LATE-HIDDEN'), 'a hidden attribute past the cap still hides');
  assert.ok(c.ms < 500 && ms < 10000, `capture ${c.ms.toFixed(0)} ms`);
});

test('a deep subtree inside a hidden wrapper: depth cap and time budget', async () => {
  const c = await capture(`<style>body{display:none} .l{margin:0}</style><article><h1>Harbour news</h1><p>${PROSE}</p><div id="d"></div></article>
    <script>
      let el = document.getElementById('d');
      for (let i = 0; i < 10000; i++) { const x = document.createElement('div'); if (i % 2) x.className = 'l'; el.append(x); el = x; }
      el.textContent = 'DEEPEST';
    </script>`);
  assert.equal(c.fallback, true);
  assert.ok(c.html.includes('gulls followed'));
  assert.ok(!c.html.includes('DEEPEST'), 'levels past the cap are not written');
  assert.ok(c.ms < 2500, `capture ${c.ms.toFixed(0)} ms`);
  // Still well-formed: every element written is closed.
  assert.equal((c.html.match(/<div/g) || []).length, (c.html.match(/<\/div>/g) || []).length);
  // A budget ends the walk with what it has, closed.
  const page = await browser.newPage();
  try {
    await page.setContent(`<article><p>${PROSE}</p>${'<div><p>block</p></div>'.repeat(20000)}</article>`);
    await page.evaluate(CAPTURE);
    const t = await page.evaluate(() => globalThis.__lecternCapture({ budgetMs: 1 }));
    assert.equal(t.truncated, true);
    assert.equal((t.html.match(/<div/g) || []).length, (t.html.match(/<\/div>/g) || []).length);
    assert.ok(t.html.endsWith('</body></html>'));
  } finally {
    await page.close();
  }
});

test('an element id does not pass for the capture function', async () => {
  const c = await capture(`<div id="__lecternCapture">ID-TRAP</div><p>${PROSE}</p>`);
  assert.ok(c.html.includes('ID-TRAP') && c.html.includes('gulls followed'));
});

// What a hostile (or just unusual) page must not be able to do to the extension, each tried for
// real in Chromium (issue 13, part 1; issue 12, the overlay's visibility):
// - make the reader fetch what the page itself may not (the local network);
// - find or frame the reader page, or reuse a payload token;
// - stall capture or the core with 40,000 attributes or a 10,000-level hidden subtree;
// - get into the overlay through a custom element, or switch it off with an element id;
// - hide the reader with what it does to <html>/<body>;
// - run anything in the reader page (its CSP).
// The page server is marked public (--ip-address-space-overrides); a second server on another
// port of 127.0.0.1 plays a host on the local network.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  startServer, launchWithExtension, clickAction, readerFrame, readerOpen, isReaderUrl, sleep, HOST, darkPixels,
} from './lib.mjs';

let env; let server; let localNet;

before(async () => {
  localNet = await startServer({ root: '/nonexistent' });
  server = await startServer({ elsewhere: localNet.origin });
  const port = new URL(server.origin).port;
  env = await launchWithExtension(undefined, { args: [`--ip-address-space-overrides=127.0.0.1:${port}=public`] });
});

after(async () => {
  if (env) await env.close();
  if (server) await server.close();
  if (localNet) await localNet.close();
});

async function openPage(name, query = '') {
  const page = await env.ctx.newPage();
  await page.goto(`${server.origin}/${name}.html?${query}&t=${Date.now()}${Math.random().toString(36).slice(2, 6)}`);
  return page;
}

async function openReader(page, states, timeout) {
  await clickAction(env, page);
  return readerFrame(env, page, states, timeout);
}

const state = (frame) => frame.evaluate(() => document.documentElement.dataset.state);

test('the reader fetches nothing on the local network for a public page', async () => {
  const page = await openPage('private-images');
  await page.waitForFunction(() => [...document.images].some((i) => i.complete && i.naturalWidth > 0));
  const hits0 = server.hits.length;
  const frame = await openReader(page);
  assert.equal(await state(frame), 'ready');
  await frame.waitForFunction(() => [...document.querySelectorAll('.lx-article img')].every((i) => i.complete));
  await sleep(300);
  assert.deepEqual(localNet.hits.map((h) => h.path), [], 'no request to the local network');
  const srcs = await frame.evaluate(() => [...document.querySelectorAll('img')].map((i) => i.src));
  assert.ok(!srcs.some((s) => s.startsWith(localNet.origin)), `no local-network image: ${srcs}`);
  // What the page loaded itself, and a lazy image on its own site, are shown.
  assert.ok(srcs.includes(`${server.origin}/img/own-loaded.png`), `own image: ${srcs}`);
  assert.ok(srcs.includes(`${server.origin}/img/own-lazy.png`), `own lazy image: ${srcs}`);
  assert.ok(server.hits.slice(hits0).some((h) => h.path === '/img/own-lazy.png'), 'the reader loaded the lazy image');
  await page.close();
});

test('reader.html is not at a fixed URL, and a token works once, in its own tab', async () => {
  const page = await openPage('squatter');
  const fixed = `chrome-extension://${env.extId}/reader.html`;
  // The page cannot detect the extension by fetching its reader, nor frame it.
  const fetched = await page.evaluate(async (u) => { try { await fetch(u); return 'fetched'; } catch { return 'refused'; } }, fixed);
  assert.equal(fetched, 'refused');
  await page.evaluate((u) => { const f = document.createElement('iframe'); f.src = `${u}#00000000-0000-4000-8000-000000000000`; document.body.append(f); }, fixed);
  await sleep(500);
  for (const f of page.frames()) {
    const s = await f.evaluate(() => document.documentElement.dataset.state).catch(() => null);
    assert.ok(!(isReaderUrl(f.url()) && s), `a framed reader page came up: ${f.url()} ${s}`);
  }
  const frame = await openReader(page);
  assert.equal(await state(frame), 'ready');
  const url = frame.url();
  // The token is spent: the same frame asking again gets nothing...
  const token = new URL(url).hash.slice(1);
  assert.equal(await frame.evaluate((t) => chrome.runtime.sendMessage({ type: 'lectern-payload', token: t }), token), null);
  // ...and neither does a reader page opened with it in another tab, which then starts no core.
  const other = await env.ctx.newPage();
  await other.goto(`chrome-extension://${env.extId}/reader.html#${token}`);
  await other.waitForFunction(() => document.documentElement.dataset.state === 'error');
  assert.match(await other.locator('body').innerText(), /Nothing to show/);
  assert.equal(await other.evaluate(() => document.documentElement.dataset.core), undefined, 'no core without a page');
  await other.close();
  await page.close();
});

test('the warm core answers the background only, and a token\'s marks go once to its own tab', async () => {
  const page = await openPage('squatter');
  const frame = await openReader(page);
  assert.equal(await state(frame), 'ready');
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.core), 'warm');
  const token = new URL(frame.url()).hash.slice(1);
  const got = await frame.evaluate(async (t) => {
    const ask = (m) => chrome.runtime.sendMessage(m).then((r) => r ?? null, () => 'refused');
    return {
      // An extension page in a tab (as a reader frame a page managed to reach would be) asking
      // the offscreen document to run the core: nobody answers.
      core: await ask({ type: 'lectern-core', op: 'article', args: [t, '<title>x</title><p>x</p>', 'https://example.com/', {}] }),
      // The marks were handed over already.
      marks: await ask({ type: 'lectern-marks', token: t }),
    };
  }, token);
  assert.ok(got.core === null || got.core === 'refused', `the core answered: ${JSON.stringify(got.core).slice(0, 80)}`);
  assert.equal(got.marks, null);
  await page.close();
});

test('a custom element named like the host gets nothing; element ids switch nothing off', async () => {
  const page = await openPage('squatter');
  const frame = await openReader(page);
  assert.equal(await state(frame), 'ready');
  assert.match(await frame.locator('.lx-title').innerText(), /Steamers return/);
  const seen = await page.evaluate((sel) => {
    const host = document.querySelector(sel);
    return { tag: host.tagName, ctor: window.__ctor, stolen: window.__stolen === undefined ? null : String(window.__stolen), shadow: host.shadowRoot };
  }, HOST);
  assert.deepEqual(seen, { tag: 'DIV', ctor: 0, stolen: null, shadow: null });
  await page.close();
});

test('40,000 attributes on one element: capture and core stay quick', async () => {
  const page = await openPage('manyattrs');
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
  const t0 = Date.now();
  const frame = await openReader(page, ['ready'], 20000);
  const ms = Date.now() - t0;
  const d = await frame.evaluate(() => ({ ...document.documentElement.dataset }));
  assert.ok(Number(d.captureMs) < 1000, `capture took ${d.captureMs} ms`);
  assert.ok(ms < 8000, `click to ready took ${ms} ms`);
  assert.match(await frame.locator('.lx-article').innerText(), /heavy paragraph/);
  await page.close();
});

test('a 10,000-level subtree inside a hidden body: the reader still comes up', async () => {
  const page = await openPage('deephidden');
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
  const frame = await openReader(page, ['ready'], 20000);
  const d = await frame.evaluate(() => ({ ...document.documentElement.dataset }));
  assert.ok(Number(d.captureMs) < 2500, `capture took ${d.captureMs} ms`);
  assert.match(await frame.locator('.lx-article').innerText(), /northern lakes/);
  await page.close();
});

test('the reader is visible whatever the page does to <html> and <body>', async () => {
  const counts = {};
  for (const trick of ['', 'async-hide', 'filter', 'transform', 'body-none', 'zoom', 'clip']) {
    const page = await openPage('tricks', `trick=${trick}`);
    const frame = await openReader(page, ['ready']);
    await frame.evaluate(() => document.activeElement && document.activeElement.blur());
    await page.mouse.move(1090, 790);
    await sleep(100);
    counts[trick || 'none'] = darkPixels(await page.screenshot());
    await page.close();
  }
  const base = counts.none;
  assert.ok(base > 1000, `the reader shows text: ${JSON.stringify(counts)}`);
  for (const [trick, n] of Object.entries(counts)) {
    assert.ok(n > base * 0.8 && n < base * 1.25, `${trick}: ${n} dark pixels against ${base} (${JSON.stringify(counts)})`);
  }
});

test('the reader page runs none of what its CSP forbids', async () => {
  const page = await openPage('squatter');
  const frame = await openReader(page);
  const got = await frame.evaluate(async (origin) => {
    const violations = [];
    document.addEventListener('securitypolicyviolation', (e) => violations.push(e.effectiveDirective));
    const s = document.createElement('script');
    s.textContent = 'window.__inline = 1';
    document.head.append(s);
    const p = document.createElement('p');
    p.setAttribute('style', 'color: rgb(255, 0, 0)');
    document.body.append(p);
    const st = document.createElement('style');
    st.textContent = 'body { outline: 3px solid rgb(0, 255, 0) }';
    document.head.append(st);
    let fetched = 'fetched';
    try { await fetch(`${origin}/news.html`); } catch { fetched = 'refused'; }
    const f = document.createElement('iframe');
    f.src = `${origin}/news.html`;
    document.body.append(f);
    await new Promise((r) => setTimeout(r, 300));
    return {
      inline: window.__inline === undefined ? 'blocked' : 'ran',
      styleAttr: getComputedStyle(p).color,
      styleEl: getComputedStyle(document.body).outlineStyle,
      fetched,
      violations: [...new Set(violations)].sort(),
    };
  }, server.origin);
  assert.equal(got.inline, 'blocked');
  assert.notEqual(got.styleAttr, 'rgb(255, 0, 0)');
  assert.equal(got.styleEl, 'none');
  assert.equal(got.fetched, 'refused');
  for (const d of ['connect-src', 'frame-src', 'script-src-elem', 'style-src-attr', 'style-src-elem']) {
    assert.ok(got.violations.includes(d), `${d} enforced: ${got.violations}`);
  }
  await page.close();
});

test('the core runs in a worker with a time budget: a call over it fails, the next one works', async () => {
  const page = await openPage('squatter');
  const frame = await openReader(page);
  const got = await frame.evaluate(async () => {
    const { createCore } = await import(new URL('reader/core.js', location.href).href);
    const html = document.documentElement.outerHTML;
    const slow = createCore({ budgetMs: 1 });
    const timedOut = await slow.article(html, location.href, {}).then(() => 'finished', (e) => e.code);
    const ok = createCore();
    const again = await ok.article(`<html><head><title>T</title></head><body><article><h1>T</h1>${'<p>The ferry crossed the bay at dawn while gulls followed it home to the harbour.</p>'.repeat(20)}</article></body></html>`, 'https://example.com/a', { highlights: false });
    const noArticle = await ok.article('   ', 'https://example.com/', {}).then(() => 'finished', (e) => e.code);
    ok.terminate();
    return { timedOut, title: again.article.title, noArticle };
  });
  assert.deepEqual(got, { timedOut: 'timeout', title: 'T', noArticle: 'no-article' });
  // The reader itself stayed responsive.
  assert.equal(await state(frame), 'ready');
  assert.equal(await readerOpen(page), true);
  await page.close();
});

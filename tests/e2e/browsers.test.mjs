// The main reader scenarios, one list run in both browsers: Chromium (Playwright, CDP toolbar
// click) and Firefox ESR (puppeteer-core over WebDriver BiDi, the real Alt+Shift+R shortcut and a
// real toolbar click). One list, so the browsers cannot drift apart: each driver only knows how
// to launch, click, and reach the page and the reader frame (chromium.mjs, firefox.mjs).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { startServer } from './lib.mjs';
import * as chromium from './chromium.mjs';
import * as firefox from './firefox.mjs';

for (const driver of [chromium, firefox]) {
  describe(driver.name, () => {
    let env; let server; let elsewhere; let slow; let hang;

    before(async () => {
      if (!driver.available()) throw new Error(`${driver.name} is not installed: run \`make setup\``);
      elsewhere = await startServer({ root: '/nonexistent' });
      server = await startServer({ elsewhere: elsewhere.origin });
      // A server that never answers, and pages served with its address: they never finish loading.
      hang = http.createServer(() => {});
      await new Promise((r) => hang.listen(0, '127.0.0.1', r));
      slow = await startServer({ elsewhere: `http://127.0.0.1:${hang.address().port}` });
      env = await driver.launch();
    });
    after(async () => {
      if (env) await env.close();
      if (server) await server.close();
      if (elsewhere) await elsewhere.close();
      if (slow) await slow.close();
      if (hang) { hang.closeAllConnections(); hang.close(); }
    });

    // A unique URL per page, so the Chromium driver can find its tab.
    async function openPage(name) {
      const page = await driver.openPage(env, `${server.origin}/${name}.html?t=${Date.now()}${Math.random().toString(36).slice(2, 6)}`);
      if (name === 'news') {
        for (let i = 0; i < 200 && !(await driver.evalPage(env, page, () => document.documentElement.dataset.ready === '1')); i++) {
          await new Promise((r) => setTimeout(r, 25));
        }
      }
      return page;
    }
    async function openReader(page, states) {
      await driver.click(env, page);
      return driver.waitReader(env, page, states);
    }
    const reader = (page, fn, arg) => driver.evalReader(env, page, fn, arg);
    const readerShown = (page) => driver.evalPage(env, page, () => !!document.querySelector('[data-lectern-reader]'));
    async function waitClosed(page) {
      for (let i = 0; i < 200; i++) {
        if (!(await readerShown(page))) return;
        await new Promise((r) => setTimeout(r, 25));
      }
      throw new Error('the reader did not close');
    }

    test('news page: article, byline, late paragraph, image, entity marks; no clutter', async () => {
      const page = await openPage('news');
      assert.equal(await openReader(page), 'ready');
      const got = await reader(page, () => ({
        title: document.querySelector('.lx-title').textContent,
        text: document.querySelector('.lx-article').innerText,
        srcs: [...document.querySelectorAll('.lx-article img')].map((i) => i.getAttribute('src')),
        marks: [...document.querySelectorAll('mark.lx-ent')].map((m) => m.dataset.label),
      }));
      assert.match(got.title, /Lisbon harbour reopens/);
      assert.match(got.text, /Maria Santos/);
      assert.match(got.text, /Late update: the harbour master/, 'paragraph added by script after load');
      for (const clutter of ['ADVERT-SOFA-SALE', 'CONSENT-BANNER-TEXT', 'PAYWALL-NAG', 'HIDDEN-ATTRIBUTE-TEXT']) {
        assert.ok(!got.text.includes(clutter), `${clutter} must not be in the reader`);
      }
      assert.ok(got.srcs.includes(`${server.origin}/img/harbour-wall.png`), `real image URL expected, got ${got.srcs}`);
      assert.ok(got.marks.includes('PER') && got.marks.includes('LOC'), `entity marks: ${got.marks}`);
      await driver.closePage(env, page);
    });

    test('the reader\'s features: listen, text, export, credits; a watchlist term marked', async () => {
      const page = await openPage('news');
      assert.equal(await openReader(page), 'ready');
      const got = await reader(page, () => ({
        controls: ['#lx-speak', '#lx-text-btn', '#lx-letter', '#lx-word', '#lx-focus', '#lx-legible', '#lx-copy-md',
          '#lx-dl-html', '#lx-print', '#lx-ent-csv', '#lx-ent-json', '#lx-watch-term'].filter((q) => !document.querySelector(q)),
        credits: document.querySelector('#lx-credits') && document.querySelector('#lx-credits').href,
        origin: location.origin,
      }));
      assert.deepEqual(got.controls, [], 'missing controls');
      assert.equal(got.credits, `${got.origin}/credits.html`);
      // A watchlist term, added through the form, is marked in the article.
      await reader(page, () => {
        document.querySelector('#lx-watch-term').value = 'harbour';
        document.querySelector('#lx-watch-add').click();
      });
      let marks = 0;
      for (let i = 0; i < 80 && !marks; i++) {
        marks = await reader(page, () => document.querySelectorAll('.lx-article mark.lx-watch').length);
        if (!marks) await new Promise((r) => setTimeout(r, 25));
      }
      assert.ok(marks > 0, 'the watchlist term is marked');
      // Letter spacing applies to the page.
      await reader(page, () => {
        const sel = document.querySelector('#lx-letter');
        sel.value = sel.options[sel.options.length - 1].value;
        sel.dispatchEvent(new Event('change', { bubbles: true }));
      });
      const letter = await reader(page, () => document.documentElement.style.getPropertyValue('--lx-letter'));
      assert.ok(letter && letter !== '0em', `letter spacing set: ${letter}`);
      await driver.closePage(env, page);
    });

    test('a page with a strict Content-Security-Policy works', async () => {
      const page = await openPage('csp');
      assert.equal(await openReader(page), 'ready');
      assert.match(await reader(page, () => document.querySelector('.lx-title').textContent), /Mountain railway/);
      assert.match(await reader(page, () => document.querySelector('.lx-article').innerText), /narrow-gauge railway/);
      await driver.closePage(env, page);
    });

    test('a hostile page runs no script in the reader and loads only its own images', async () => {
      const page = await openPage('hostile');
      const hits0 = server.hits.length;
      assert.equal(await openReader(page), 'ready');
      await new Promise((r) => setTimeout(r, 300)); // let anything that would load, load
      const found = await reader(page, () => {
        const main = document.querySelector('.lx-article');
        const ours = (el) => el.closest('.lx-legend');
        return {
          text: main.innerText,
          active: [...main.querySelectorAll('script, style, link, iframe, frame, object, embed, svg, form, input, button, base, meta')].filter((el) => !ours(el)).length,
          handlers: [...main.querySelectorAll('*')].filter((el) => !ours(el)).flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith('on') || n === 'style'),
          jsLinks: [...main.querySelectorAll('a')].map((a) => a.getAttribute('href') || '').filter((h) => !/^https?:/.test(h)),
          globals: [window.__hostilePageScript, window.__bodyOnload].filter((x) => x !== undefined).length,
        };
      });
      assert.match(found.text, /night markets/i);
      assert.ok(!found.text.includes('CSS-HIDDEN-SECRET'), 'text hidden by CSS stays hidden');
      assert.equal(found.active, 0);
      assert.deepEqual(found.handlers, []);
      assert.deepEqual(found.jsLinks, []);
      assert.equal(found.globals, 0);
      const after = server.hits.slice(hits0).map((h) => h.path);
      assert.ok(!after.some((p) => p.includes('pwned')), `requests after the click: ${after}`);
      for (const p of after) assert.match(p, /^\/img\//);
      await driver.closePage(env, page);
    });

    test('a page that is not an article gets a plain message and its text on request', async () => {
      const page = await openPage('notarticle');
      assert.equal(await openReader(page), 'no-article');
      assert.match(await reader(page, () => document.querySelector('.lx-status').innerText), /doesn.t look like an article/);
      await reader(page, () => [...document.querySelectorAll('button')].find((b) => /text anyway/.test(b.textContent)).click());
      assert.equal(await driver.waitReader(env, page, ['ready']), 'ready');
      assert.match(await reader(page, () => document.querySelector('.lx-article').innerText), /Forgot your password/);
      await driver.closePage(env, page);
    });

    test('close and restore: Esc, the toolbar button and × give the page back as it was', async () => {
      const page = await openPage('news');
      await driver.evalPage(env, page, () => window.scrollTo(0, 420));
      const y0 = await driver.evalPage(env, page, () => window.scrollY);
      assert.ok(y0 > 100);
      await openReader(page);
      assert.equal(await driver.evalPage(env, page, () => document.documentElement.style.overflow), 'hidden');
      // A real Esc key press in the focused reader.
      await reader(page, () => document.querySelector('.lx-main').focus());
      await driver.press(env, page, 'Escape');
      await waitClosed(page);
      assert.equal(await driver.evalPage(env, page, () => window.scrollY), y0, 'scroll position restored');
      assert.equal(await driver.evalPage(env, page, () => document.documentElement.style.overflow), '', 'page style restored');
      // The toolbar button toggles it closed again.
      await openReader(page);
      await driver.clickToolbar(env, page);
      await waitClosed(page);
      // The × button.
      await openReader(page);
      await reader(page, () => document.getElementById('lx-close').focus());
      await driver.press(env, page, 'Enter');
      await waitClosed(page);
      assert.equal(await driver.evalPage(env, page, () => window.scrollY), y0);
      await driver.closePage(env, page);
    });

    test('settings are kept across reopening', async () => {
      const page = await openPage('csp');
      await openReader(page);
      // One change at a time, each waited for: a change re-renders the toolbar.
      await reader(page, async () => {
        const api = globalThis.browser || globalThis.chrome;
        const until = async (ok) => {
          for (let i = 0; i < 100 && !ok(await api.storage.sync.get(['theme', 'fontSize'])); i++) await new Promise((r) => setTimeout(r, 20));
        };
        const sel = document.querySelector('select[aria-label="Theme"]');
        sel.value = 'dark';
        sel.dispatchEvent(new Event('change', { bubbles: true }));
        await until((s) => s.theme === 'dark');
        document.getElementById('lx-size-up').click();
        await until((s) => s.fontSize === 21);
        document.getElementById('lx-size-up').click();
      });
      // Closing may not outrun the writes (storage.sync.set is asynchronous): wait until stored.
      const stored = await reader(page, async () => {
        const api = globalThis.browser || globalThis.chrome;
        for (let i = 0; i < 100; i++) {
          const s = await api.storage.sync.get(['theme', 'fontSize']);
          if (s.theme === 'dark' && s.fontSize === 22) return s;
          await new Promise((r) => setTimeout(r, 20));
        }
        return api.storage.sync.get(['theme', 'fontSize']);
      });
      assert.deepEqual(stored, { theme: 'dark', fontSize: 22 });
      await driver.clickToolbar(env, page);
      await waitClosed(page);
      const reopened = await openPage('news');
      await openReader(reopened);
      // Settings arrive from storage after the first paint: wait for them.
      let got;
      for (let i = 0; i < 100; i++) {
        got = await reader(reopened, () => ({ theme: document.documentElement.dataset.theme, size: getComputedStyle(document.querySelector('.lx-article')).fontSize }));
        if (got.theme === 'dark' && got.size === '22px') break;
        await new Promise((r) => setTimeout(r, 25));
      }
      assert.deepEqual(got, { theme: 'dark', size: '22px' }, JSON.stringify(got));
      // Back to the defaults for the other tests.
      await reader(reopened, () => {
        const sel = document.querySelector('select[aria-label="Theme"]');
        sel.value = 'auto';
        sel.dispatchEvent(new Event('change', { bubbles: true }));
        document.getElementById('lx-size-down').click();
        document.getElementById('lx-size-down').click();
      });
      await driver.closePage(env, page);
      await driver.closePage(env, reopened);
    });

    test('the extension makes no network request', async () => {
      const page = await openPage('news');
      const mark = env.requests.length;
      const hits0 = server.hits.length;
      const elsewhere0 = elsewhere.hits.length;
      assert.equal(await openReader(page), 'ready');
      await reader(page, () => document.getElementById('lx-entities-btn').click());
      await new Promise((r) => setTimeout(r, 300));
      // The server saw only the article's images after the click, the other server nothing.
      for (const h of server.hits.slice(hits0)) assert.match(h.path, /^\/img\//);
      assert.deepEqual(elsewhere.hits.slice(elsewhere0), []);
      const fromExt = env.requests.slice(mark).filter((r) => (r.sw || r.frame.startsWith(env.extOrigin)) && !r.url.startsWith(env.extOrigin));
      for (const r of fromExt) assert.ok(r.url.startsWith(`${server.origin}/img/`), `extension requested ${r.url}`);
      await driver.closePage(env, page);
    });

    test('a page the browser keeps extensions off shows the ! badge instead of doing nothing', async () => {
      const page = await driver.openPage(env, driver.privilegedUrl);
      await driver.clickToolbar(env, page);
      let text = '';
      for (let i = 0; i < 100 && text !== '!'; i++) {
        text = await driver.badge(env);
        await new Promise((r) => setTimeout(r, 25));
      }
      assert.equal(text, '!');
      await driver.closePage(env, page);
    });

    test('a click on a page still loading opens the reader at once, not when loading ends', async () => {
      const page = await driver.openPage(env, `${slow.origin}/loading.html?t=${Date.now()}`, { wait: 'domcontentloaded' });
      assert.equal(await driver.evalPage(env, page, () => document.readyState), 'interactive');
      await driver.click(env, page);
      assert.equal(await driver.waitReader(env, page, ['ready'], 5000), 'ready');
      assert.match(await reader(page, () => document.querySelector('.lx-title').textContent), /Night ferry/);
      assert.equal(await driver.evalPage(env, page, () => document.readyState), 'interactive', 'the page is still loading');
      await driver.closePage(env, page);
    });
  });
}

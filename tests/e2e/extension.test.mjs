// End-to-end tests of the extension in Debian's Chromium: real toolbar clicks on pages served here.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { startServer, launchWithExtension, clickAction, readerFrame, readerOpen, sleep, SHOTS, HOST } from './lib.mjs';

process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

let env; let server; let elsewhere;
const requests = []; // every request the browser made: {url, frame, sw}

before(async () => {
  elsewhere = await startServer({ root: '/nonexistent' });
  server = await startServer({ elsewhere: elsewhere.origin });
  env = await launchWithExtension();
  env.ctx.on('request', (r) => {
    let frame = '';
    try { frame = r.frame().url(); } catch { frame = ''; }
    requests.push({ url: r.url(), frame, sw: !!r.serviceWorker() });
  });
});

after(async () => {
  if (env) await env.close();
  if (server) await server.close();
  if (elsewhere) await elsewhere.close();
});

// The reader's origin is a per-session one (use_dynamic_url), not the extension id's.
const isReaderFrame = (u) => u.startsWith('chrome-extension://');

async function openPage(name, { wait = true } = {}) {
  const page = await env.ctx.newPage();
  // A unique URL per page so the tab can be found for the toolbar click.
  await page.goto(`${server.origin}/${name}.html?t=${Date.now()}${Math.random().toString(36).slice(2, 6)}`);
  if (wait && name === 'news') await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
  return page;
}

async function openReader(page, states) {
  await clickAction(env, page);
  return readerFrame(env, page, states);
}

// Presses a key that closes the reader. The press can stay pending forever once the frame it
// went to is gone, so wait for the reader to close instead and give the press a moment to settle.
async function pressToClose(page, key) {
  const press = page.keyboard.press(key).catch(() => {});
  await page.waitForFunction((sel) => !document.querySelector(sel), HOST);
  await Promise.race([press, new Promise((r) => setTimeout(r, 1000))]);
}

test('news page: article, byline, late paragraph, real image; no clutter or hidden text', async () => {
  const page = await openPage('news');
  const frame = await openReader(page);
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.state), 'ready',
    await frame.evaluate(() => document.body.innerText.slice(0, 300)));
  const text = await frame.evaluate(() => document.querySelector('.lx-article').innerText);
  assert.match(await frame.locator('.lx-title').innerText(), /Lisbon harbour reopens/);
  assert.match(text, /Maria Santos/);
  assert.match(text, /Fishermen welcomed the news/);
  assert.match(text, /Late update: the harbour master/, 'paragraph added by script after load');
  assert.match(text, /Shadow fact: In its busiest year .* Records began in 1892/, 'open shadow root content');
  for (const clutter of ['ADVERT-SOFA-SALE', 'ADVERT-CAR-LOAN', 'CONSENT-BANNER-TEXT', 'PAYWALL-NAG', 'RELATED-LINK-ONE',
    'DRAFT-NOTE-HIDDEN', 'HIDDEN-ATTRIBUTE-TEXT', 'Sections', 'Privacy']) {
    assert.ok(!text.includes(clutter), `${clutter} must not be in the reader`);
  }
  const srcs = await frame.evaluate(() => [...document.querySelectorAll('.lx-article img')].map((i) => i.getAttribute('src')));
  assert.ok(srcs.includes(`${server.origin}/img/harbour-wall.png`), `real image URL expected, got ${srcs}`);
  assert.ok(!srcs.some((s) => s.startsWith('data:')), 'no placeholder image');
  // The image really loaded in the reader.
  await frame.waitForFunction(() => [...document.querySelectorAll('.lx-article img')].some((i) => i.complete && i.naturalWidth > 0));
  await page.close();
});

test('entities: typed marks, panel counts, stepping through mentions, legend toggles', async () => {
  const page = await openPage('news');
  const frame = await openReader(page);
  const marks = await frame.evaluate(() => [...document.querySelectorAll('mark.lx-ent')].map((m) => ({
    label: m.dataset.label, entity: m.dataset.entity, mention: m.dataset.mention, text: m.textContent, cls: m.className,
  })));
  assert.ok(marks.length > 5, `expected entity marks, got ${marks.length}`);
  const whole = (label) => new Set(marks.filter((m) => m.label === label).map((m) => m.text));
  const per = [...whole('PER')].join('|');
  const loc = [...whole('LOC')].join('|');
  assert.match(per, /Ferreira|Ana Ribeiro|Maria Santos|Tiago Costa/, `people: ${per}`);
  assert.match(loc, /Lisbon|Portugal|Porto|Rotterdam/, `places: ${loc}`);
  for (const m of marks) assert.ok(m.cls.includes(`lx-${m.label}`), `class matches label: ${m.cls}`);

  // The panel's counts equal the number of marked mentions of each entity.
  await frame.click('#lx-entities-btn');
  const rows = await frame.evaluate(() => [...document.querySelectorAll('.lx-entity')].map((b) => ({
    id: b.dataset.entity, label: b.dataset.label, count: Number(b.querySelector('.lx-count').textContent),
  })));
  assert.ok(rows.length > 0);
  for (const r of rows) {
    const mentions = new Set(marks.filter((m) => m.entity === r.id).map((m) => m.mention));
    assert.equal(mentions.size, r.count, `entity ${r.id} count`);
    assert.ok(marks.filter((m) => m.entity === r.id).every((m) => m.label === r.label));
  }

  // Choosing an entity highlights all its mentions; choosing it again steps to the next one.
  const many = rows.find((r) => r.count >= 2) || rows[0];
  const btn = frame.locator(`.lx-entity[data-entity="${many.id}"]`);
  await btn.click();
  const selected = await frame.locator(`mark.lx-selected[data-entity="${many.id}"]`).count();
  assert.ok(selected >= many.count);
  const cur1 = await frame.evaluate(() => document.querySelector('mark.lx-current').dataset.mention);
  assert.match(await frame.locator('.lx-step-info').innerText(), new RegExp(`^1 / ${many.count}$`));
  if (many.count >= 2) {
    await btn.press('Enter'); // keyboard: same entity again -> next mention
    const cur2 = await frame.evaluate(() => document.querySelector('mark.lx-current').dataset.mention);
    assert.notEqual(cur1, cur2);
    assert.match(await frame.locator('.lx-step-info').innerText(), new RegExp(`^2 / ${many.count}$`));
  }

  // Toggling a type in the legend hides its marks (no tint, no label), and back.
  const label = marks[0].label;
  const bg = () => frame.evaluate((l) => getComputedStyle(document.querySelector(`mark.lx-${l}:not(.lx-selected)`) || document.querySelector(`mark.lx-${l}`)).backgroundColor, label);
  const before = await bg();
  assert.notEqual(before, 'rgba(0, 0, 0, 0)');
  await frame.click(`.lx-legend-item[data-label="${label}"]`);
  assert.equal(await frame.getAttribute(`.lx-legend-item[data-label="${label}"]`, 'aria-pressed'), 'false');
  const hiddenBg = await frame.evaluate((l) => [...document.querySelectorAll(`mark.lx-${l}`)].map((m) => getComputedStyle(m).backgroundColor), label);
  assert.ok(hiddenBg.every((c) => c === 'rgba(0, 0, 0, 0)'), `hidden marks: ${hiddenBg}`);
  const other = marks.find((m) => m.label !== label);
  if (other) {
    const c = await frame.evaluate((l) => getComputedStyle(document.querySelector(`mark.lx-${l}`)).backgroundColor, other.label);
    assert.notEqual(c, 'rgba(0, 0, 0, 0)', 'other types stay marked');
  }
  await frame.click(`.lx-legend-item[data-label="${label}"]`);
  assert.equal(await bg(), before);
  await page.close();
});

test('settings persist across reopening; Esc restores the page and its scroll position', async () => {
  const page = await openPage('news');
  await page.evaluate(() => window.scrollTo(0, 420));
  const y0 = await page.evaluate(() => window.scrollY);
  assert.ok(y0 > 100);
  let frame = await openReader(page);
  await frame.selectOption('select[aria-label="Theme"]', 'dark');
  await frame.click('#lx-size-up');
  await frame.click('#lx-size-up');
  const size = await frame.evaluate(() => getComputedStyle(document.querySelector('.lx-article')).fontSize);
  assert.equal(size, '22px');
  fs.mkdirSync(SHOTS, { recursive: true });
  await frame.evaluate(() => document.activeElement.blur());
  await page.mouse.move(1050, 700);
  await page.screenshot({ path: path.join(SHOTS, 'reader-dark.tmp.png') });

  await frame.focus('.lx-main');
  await pressToClose(page, 'Escape');
  assert.equal(await page.evaluate(() => window.scrollY), y0, 'scroll position restored');
  assert.equal(await page.evaluate(() => document.documentElement.style.overflow), '', 'page style restored');

  frame = await openReader(page);
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.theme), 'dark');
  assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('.lx-article')).fontSize), '22px');
  assert.equal(await frame.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(22, 23, 26)');

  // The toolbar button closes it again, and the close button works too.
  await clickAction(env, page);
  await page.waitForFunction((sel) => !document.querySelector(sel), HOST);
  frame = await openReader(page);
  // Keyboard on the close button (the frame goes away during the action, so no frame.click).
  await frame.focus('#lx-close');
  await pressToClose(page, 'Enter');
  assert.equal(await page.evaluate(() => window.scrollY), y0);

  // Back to the defaults for the other tests, light theme for the screenshot.
  frame = await openReader(page);
  await frame.selectOption('select[aria-label="Theme"]', 'light');
  await frame.click('#lx-size-down');
  await frame.click('#lx-size-down');
  await frame.evaluate(() => document.activeElement.blur());
  await page.mouse.move(1050, 700);
  await page.screenshot({ path: path.join(SHOTS, 'reader-light.tmp.png') });
  await page.close();
});

test('a page with a strict Content-Security-Policy works', async () => {
  const page = await openPage('csp');
  const csp = await page.evaluate(async () => (await fetch(location.href)).headers.get('content-security-policy'));
  assert.match(csp, /script-src 'self'/);
  const frame = await openReader(page);
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.state), 'ready');
  assert.match(await frame.locator('.lx-title').innerText(), /Mountain railway/);
  assert.match(await frame.locator('.lx-article').innerText(), /narrow-gauge railway/);
  // The wasm the page's CSP forbids ran under the extension's CSP: in the warm core (the
  // offscreen document's worker), so the reader compiled nothing itself.
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.core), 'warm');
  await page.close();
});

test('a page that is not an article gets a plain message and a way out', async () => {
  const page = await openPage('notarticle');
  const frame = await openReader(page);
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.state), 'no-article');
  assert.match(await frame.locator('.lx-status').innerText(), /doesn.t look like an article/);
  await frame.getByRole('button', { name: /text anyway/ }).click();
  await frame.waitForFunction(() => document.documentElement.dataset.state === 'ready');
  assert.match(await frame.locator('.lx-article').innerText(), /Forgot your password/);
  await frame.focus('.lx-main');
  await pressToClose(page, 'Escape');
  await page.close();
});

test('a hostile page runs no script in the reader and loads only its own images', async () => {
  const page = await openPage('hostile');
  const mark = requests.length;
  const dialogs = [];
  page.on('dialog', (d) => { dialogs.push(d.message()); d.dismiss(); });
  const frame = await openReader(page);
  assert.equal(await frame.evaluate(() => document.documentElement.dataset.state), 'ready');
  await sleep(300); // let anything that would load, load
  const found = await frame.evaluate(() => {
    const main = document.querySelector('.lx-article');
    return {
      text: main.innerText,
      // The reader's own legend (buttons) aside, nothing active may be in the article.
      active: [...main.querySelectorAll('script, style, link, iframe, frame, object, embed, svg, form, input, button, base, meta')].filter((el) => !el.closest('.lx-legend')).length,
      handlers: [...main.querySelectorAll('*')].filter((el) => !el.closest('.lx-legend')).flatMap((el) => [...el.attributes].map((a) => a.name)).filter((n) => n.startsWith('on') || n === 'style'),
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
  const fromReader = requests.slice(mark).filter((r) => isReaderFrame(r.frame) && !r.url.startsWith('chrome-extension://'));
  for (const r of fromReader) assert.ok(r.url.startsWith(`${server.origin}/img/`), `reader loaded ${r.url}`);
  assert.ok(fromReader.some((r) => r.url.endsWith('/img/market-stalls.png')), 'its own image is shown');
  assert.ok(!requests.slice(mark).some((r) => r.url.includes('/pwned') && isReaderFrame(r.frame)));
  assert.deepEqual(dialogs, []);
  await page.close();
});

test('the extension itself makes no network request', async () => {
  const page = await openPage('news');
  const mark = requests.length;
  const hits0 = server.hits.length;
  const frame = await openReader(page);
  await frame.click('#lx-entities-btn');
  await sleep(300);
  const ext = requests.slice(mark).filter((r) => (r.sw || isReaderFrame(r.frame)) && !r.url.startsWith('chrome-extension://'));
  for (const r of ext) assert.ok(r.url.startsWith(`${server.origin}/img/`), `extension requested ${r.url}`);
  // The server saw only the article's images after the click.
  for (const h of server.hits.slice(hits0)) assert.match(h.path, /^\/img\//);
  const swRequests = requests.filter((r) => r.sw && !r.url.startsWith('chrome-extension://'));
  assert.deepEqual(swRequests, []);
  await page.close();
});

// Relative luminance contrast of two CSS colours (rgb()/rgba()/color(srgb ...)), after blending a
// translucent foreground over the background.
function parseColor(c) {
  let m = c.match(/rgba?\(([^)]+)\)/);
  if (m) {
    const [r, g, b, a = 1] = m[1].split(/[ ,/]+/).filter(Boolean).map(Number);
    return [r / 255, g / 255, b / 255, a];
  }
  m = c.match(/color\(srgb ([^)]+)\)/);
  if (m) {
    const [r, g, b, a = 1] = m[1].split(/[ /]+/).filter(Boolean).map(Number);
    return [r, g, b, a];
  }
  throw new Error(`unparsed colour ${c}`);
}
function over(fg, bg) { const a = fg[3]; return [0, 1, 2].map((i) => fg[i] * a + bg[i] * (1 - a)).concat(1); }
function lum([r, g, b]) {
  const f = (v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4);
  return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
}
function contrast(a, b) { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); }

test('entity marks and labels keep 4.5:1 contrast in every theme', async () => {
  const page = await openPage('news');
  const frame = await openReader(page);
  for (const theme of ['light', 'sepia', 'dark']) {
    await frame.selectOption('select[aria-label="Theme"]', theme);
    const samples = await frame.evaluate(() => [...document.querySelectorAll('mark.lx-ent.lx-last')].map((m) => ({
      label: m.dataset.label,
      page: getComputedStyle(document.body).backgroundColor,
      mark: getComputedStyle(m).backgroundColor,
      text: getComputedStyle(m).color,
      tag: getComputedStyle(m, '::after').color,
    })));
    assert.ok(samples.length > 0);
    for (const s of samples) {
      const pageBg = parseColor(s.page);
      const markBg = over(parseColor(s.mark), pageBg);
      const text = contrast(parseColor(s.text), markBg);
      const tag = contrast(over(parseColor(s.tag), markBg), markBg);
      assert.ok(text >= 4.5, `${theme} ${s.label} text ${text.toFixed(2)}`);
      assert.ok(tag >= 4.5, `${theme} ${s.label} label ${tag.toFixed(2)}`);
    }
  }
  await frame.selectOption('select[aria-label="Theme"]', 'auto');
  await page.close();
});

test('the selection can be shown on its own', async () => {
  const page = await openPage('news');
  await page.evaluate(() => {
    const p = [...document.querySelectorAll('p')].find((x) => x.textContent.startsWith('Fishermen welcomed'));
    const r = document.createRange();
    r.selectNodeContents(p);
    getSelection().removeAllRanges();
    getSelection().addRange(r);
  });
  const frame = await openReader(page);
  await frame.click('.lx-more > summary');
  await frame.getByRole('button', { name: 'Show only the selection' }).click();
  await frame.waitForFunction(() => document.documentElement.dataset.mode === 'selection' && document.documentElement.dataset.state === 'ready');
  const body = await frame.locator('.lx-body').innerText();
  assert.match(body, /Fishermen welcomed the news/);
  assert.ok(!body.includes('Mayor João Ferreira'), 'only the selection');
  await page.close();
});

test('Back leaves the page and the reader together; the page comes back without it', async () => {
  const page = await openPage('csp');
  const first = page.url();
  await page.goto(`${server.origin}/news.html?back=${Date.now()}`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === '1');
  await openReader(page);
  await page.goBack();
  assert.equal(page.url(), first);
  assert.equal(await readerOpen(page), false);
  await page.goForward();
  await page.waitForLoadState();
  assert.equal(await readerOpen(page), false, 'no stale reader after coming back');
  await page.close();
});

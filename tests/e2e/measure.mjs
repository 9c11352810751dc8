// Prints timings of the extension on the test pages: capture (in the page), core (wasm in the
// reader page: extract + entities + render), click-to-article (the reader shows the article) and
// click-to-entities (the marked article is in), median of N runs.
//   node tests/e2e/measure.mjs [runs]
import { startServer, launchWithExtension, clickAction, readerFrame } from './lib.mjs';

const runs = Number(process.argv[2] || 5);
const server = await startServer();
const env = await launchWithExtension();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
console.log('page        capture_ms  first_process_ms  click_to_article_ms  click_to_entities_ms  (median of %d)', runs);
for (const name of ['news', 'csp', 'hostile']) {
  const cap = []; const core = []; const total = []; const ents = [];
  for (let i = 0; i < runs; i++) {
    const page = await env.ctx.newPage();
    await page.goto(`${server.origin}/${name}.html?m=${i}-${Date.now()}`);
    await page.waitForLoadState('load');
    const t0 = Date.now();
    await clickAction(env, page);
    const f = await readerFrame(env, page, ['ready']);
    // The reader stamps the wall clock when the article and when its marks are shown.
    const d = await f.evaluate(() => ({ ...document.documentElement.dataset }));
    total.push(Number(d.articleAt) - t0);
    ents.push(Number(d.entitiesAt) - t0);
    if (process.env.VERBOSE) console.log(name, d);
    cap.push(Number(d.captureMs)); core.push(Number(d.processMs));
    await page.close();
  }
  console.log(`${name.padEnd(12)}${median(cap).toFixed(1).padStart(10)}${median(core).toFixed(0).padStart(18)}${String(median(total)).padStart(21)}${String(median(ents)).padStart(22)}`);
}
await env.close();
await server.close();

// Prints timings of the extension on the test pages: capture (in the page), core (wasm in the
// reader page: extract + entities + render) and click-to-reader, median of N runs.
//   node tests/e2e/measure.mjs [runs]
import { startServer, launchWithExtension, clickAction, readerFrame } from './lib.mjs';

const runs = Number(process.argv[2] || 5);
const server = await startServer();
const env = await launchWithExtension();
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
console.log('page        capture_ms  core_ms  click_to_reader_ms  (median of %d)', runs);
for (const name of ['news', 'csp', 'hostile']) {
  const cap = []; const core = []; const total = [];
  for (let i = 0; i < runs; i++) {
    const page = await env.ctx.newPage();
    await page.goto(`${server.origin}/${name}.html?m=${i}-${Date.now()}`);
    await page.waitForLoadState('load');
    const t0 = Date.now();
    await clickAction(env, page);
    const f = await readerFrame(env, page);
    total.push(Date.now() - t0);
    const d = await f.evaluate(() => ({ ...document.documentElement.dataset }));
    cap.push(Number(d.captureMs)); core.push(Number(d.processMs));
    await page.close();
  }
  console.log(`${name.padEnd(12)}${median(cap).toFixed(1).padStart(10)}${median(core).toFixed(0).padStart(9)}${String(median(total)).padStart(20)}`);
}
await env.close();
await server.close();

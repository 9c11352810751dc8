// The benchmark's SVG chart: time per page against page size, both contenders, log-log axes.
// Hand-written SVG so the benchmark needs no plotting dependency.

const W = 820;
const H = 520;
const M = { left: 70, right: 20, top: 66, bottom: 58 };

const SERIES = [
  { key: 'readability', label: 'Readability.js parse()', color: '#d95f02', shape: 'square' },
  { key: 'lectern', label: 'Lectern whole path (capture + extract + entities + render)', color: '#1b6ac9', shape: 'circle' },
];

const esc = (s) => String(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function logScale(lo, hi, a, b) {
  const l0 = Math.log10(lo);
  const l1 = Math.log10(hi);
  return (x) => a + ((Math.log10(x) - l0) / (l1 - l0)) * (b - a);
}

// Gridlines at 1, 2, 5 x 10^k inside [lo, hi].
function ticks(lo, hi) {
  const out = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) {
    for (const m of [1, 2, 5]) {
      const v = m * 10 ** e;
      if (v >= lo && v <= hi) out.push({ v, major: m === 1 });
    }
  }
  return out;
}

const fmtTick = (v) => (v >= 1 ? String(Math.round(v)) : String(Number(v.toPrecision(1))));

export function chartSvg(report) {
  const pts = report.pages.filter((p) => p.median);
  const xs = pts.map((p) => p.bytes / 1024).filter((x) => x > 0);
  const ys = pts.flatMap((p) => SERIES.map((s) => p.median[s.key])).filter((y) => y > 0);
  const out = [];
  out.push(`<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="system-ui, sans-serif" font-size="12">`);
  out.push(`<rect width="${W}" height="${H}" fill="#fff"/>`);
  const title = `Time per page against page size (${pts.length} pages, Chromium ${report.machine.chromium}, ${report.machine.date.slice(0, 10)})`;
  out.push(`<text x="${W / 2}" y="20" text-anchor="middle" font-size="14" font-weight="600">${esc(title)}</text>`);
  if (!xs.length || !ys.length) {
    out.push(`<text x="${W / 2}" y="${H / 2}" text-anchor="middle">no data</text></svg>`);
    return out.join('\n') + '\n';
  }
  const xlo = 10 ** Math.floor(Math.log10(Math.min(...xs)));
  const xhi = 10 ** Math.ceil(Math.log10(Math.max(...xs)));
  const ylo = 10 ** Math.floor(Math.log10(Math.min(...ys)));
  const yhi = 10 ** Math.ceil(Math.log10(Math.max(...ys)));
  const X = logScale(xlo, xhi, M.left, W - M.right);
  const Y = logScale(ylo, yhi, H - M.bottom, M.top);

  for (const t of ticks(xlo, xhi)) {
    const x = X(t.v).toFixed(1);
    out.push(`<line x1="${x}" x2="${x}" y1="${M.top}" y2="${H - M.bottom}" stroke="${t.major ? '#ccc' : '#eee'}"/>`);
    out.push(`<text x="${x}" y="${H - M.bottom + 16}" text-anchor="middle" fill="#444">${fmtTick(t.v)}</text>`);
  }
  for (const t of ticks(ylo, yhi)) {
    const y = Y(t.v).toFixed(1);
    out.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}" stroke="${t.major ? '#ccc' : '#eee'}"/>`);
    out.push(`<text x="${M.left - 6}" y="${(+y + 4).toFixed(1)}" text-anchor="end" fill="#444">${fmtTick(t.v)}</text>`);
  }
  out.push(`<rect x="${M.left}" y="${M.top}" width="${W - M.left - M.right}" height="${H - M.top - M.bottom}" fill="none" stroke="#888"/>`);
  out.push(`<text x="${(M.left + W - M.right) / 2}" y="${H - 18}" text-anchor="middle">page size, source.html (KB, log scale)</text>`);
  out.push(`<text transform="translate(18 ${(M.top + H - M.bottom) / 2}) rotate(-90)" text-anchor="middle">median time per page (ms, log scale)</text>`);

  for (const s of SERIES) {
    out.push(`<g fill="${s.color}" fill-opacity="0.75">`);
    for (const p of pts) {
      const y = p.median[s.key];
      if (!(y > 0) || !(p.bytes > 0)) continue;
      const cx = X(p.bytes / 1024).toFixed(1);
      const cy = Y(y).toFixed(1);
      const tip = `<title>${esc(p.name)}: ${y.toFixed(2)} ms</title>`;
      out.push(
        s.shape === 'circle'
          ? `<circle cx="${cx}" cy="${cy}" r="3.2">${tip}</circle>`
          : `<rect x="${(cx - 3).toFixed(1)}" y="${(cy - 3).toFixed(1)}" width="6" height="6">${tip}</rect>`,
      );
    }
    out.push('</g>');
  }
  // Legend, with each contender's corpus median.
  SERIES.forEach((s, i) => {
    const y = 38 + i * 15;
    const x = M.left + 10;
    const med = report.summary[s.key] && report.summary[s.key].median;
    const mark = s.shape === 'circle'
      ? `<circle cx="${x}" cy="${y - 4}" r="4" fill="${s.color}"/>`
      : `<rect x="${x - 4}" y="${y - 8}" width="8" height="8" fill="${s.color}"/>`;
    out.push(mark);
    out.push(`<text x="${x + 9}" y="${y}">${esc(s.label)}${med != null ? `: median ${med.toFixed(2)} ms` : ''}</text>`);
  });
  out.push('</svg>');
  return out.join('\n') + '\n';
}

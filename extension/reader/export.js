// The article as Markdown or as a clean HTML document, from the reader's own (already sanitised)
// article: title, byline, date and source URL first, images as links, entity marks kept or not.
// One walk over the DOM with an explicit stack (no recursion on page depth); every element's
// content is gathered in its own buffer and wrapped when the element ends.

const BLOCK = new Set(['P', 'DIV', 'SECTION', 'ARTICLE', 'FIGURE', 'FIGCAPTION', 'BLOCKQUOTE', 'PRE', 'UL', 'OL', 'LI',
  'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'TR', 'HR', 'DL', 'DT', 'DD', 'HEADER', 'ASIDE', 'DETAILS', 'SUMMARY']);
// Tags kept in the HTML export; everything else is unwrapped (its content kept).
const KEEP = new Set(['P', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'LI', 'BLOCKQUOTE', 'PRE', 'CODE', 'EM', 'STRONG', 'B', 'I',
  'A', 'FIGURE', 'FIGCAPTION', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'HR', 'BR', 'SUP', 'SUB', 'DL', 'DT', 'DD', 'S', 'Q', 'CITE', 'SMALL']);
const VOID = new Set(['HR', 'BR']);

const esc = (s) => String(s).replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const safeUrl = (u) => { try { const x = new URL(u); return ['http:', 'https:', 'mailto:'].includes(x.protocol) ? x.href : ''; } catch { return ''; } };
const mdText = (s) => s.replace(/([\\`*_[\]<>])/g, '\\$1');

// Title, byline, date, site and lead image, read from the reader's header.
export function articleMeta(main, url) {
  const q = (sel) => main.querySelector(sel);
  const text = (sel) => (q(sel) ? q(sel).textContent.trim().replace(/\s+/g, ' ') : '');
  const date = q('.lx-date');
  const lead = q('.lx-lead img');
  return {
    title: text('.lx-title') || 'Untitled',
    byline: text('.lx-byline'),
    date: date ? (date.getAttribute('datetime') || date.textContent.trim()) : '',
    dateShown: text('.lx-date'),
    site: text('.lx-site'),
    url: safeUrl(url || ''),
    lead: lead ? safeUrl(lead.getAttribute('src') || '') : '',
  };
}

function walk(root, { open, close, text }) {
  const out = [''];
  const stack = [[root, false]];
  while (stack.length) {
    const [node, done] = stack.pop();
    if (node.nodeType === 3) { out[out.length - 1] += text(node); continue; }
    if (node.nodeType !== 1) continue;
    if (done) {
      const inner = out.pop();
      out[out.length - 1] += close(node, inner);
      continue;
    }
    if (open && open(node) === false) continue; // skipped entirely
    out.push('');
    stack.push([node, true]);
    for (let c = node.lastChild; c; c = c.previousSibling) stack.push([c, false]);
  }
  return out[0];
}

const inPre = (node) => !!(node.parentElement && node.parentElement.closest('pre'));

export function toMarkdown(main, url, { marks = false } = {}) {
  const meta = articleMeta(main, url);
  const body = main.querySelector('.lx-body') || main;
  const md = walk(body, {
    text: (n) => (inPre(n) ? n.data : mdText(n.data.replace(/\s+/g, ' '))),
    close(el, inner) {
      const tag = el.tagName;
      const block = (s) => `\n\n${s.trim()}\n\n`;
      switch (tag) {
        case 'H1': case 'H2': case 'H3': case 'H4': case 'H5': case 'H6':
          return block(`${'#'.repeat(Number(tag[1]))} ${inner.trim().replace(/\n+/g, ' ')}`);
        case 'P': case 'FIGCAPTION': case 'DT': case 'DD': return block(inner);
        case 'BR': return '  \n';
        case 'HR': return block('---');
        case 'STRONG': case 'B': return inner.trim() ? `**${inner.trim()}**` : inner;
        case 'EM': case 'I': return inner.trim() ? `_${inner.trim()}_` : inner;
        case 'CODE': return inPre(el) || el.parentElement.tagName === 'PRE' ? inner : `\`${inner.replaceAll('`', '')}\``;
        case 'PRE': return block(`\`\`\`\n${el.textContent.replace(/\n$/, '')}\n\`\`\``);
        case 'A': { const href = safeUrl(el.getAttribute('href') || ''); return href ? `[${inner.trim() || href}](${href})` : inner; }
        case 'IMG': {
          const src = safeUrl(el.getAttribute('src') || '');
          return src ? `[Image${el.alt ? `: ${mdText(el.alt)}` : ''}](${src})` : '';
        }
        case 'MARK': return marks && el.dataset.label ? `<mark data-label="${esc(el.dataset.label)}">${inner}</mark>` : inner;
        case 'BLOCKQUOTE': return block(inner.trim().split('\n').map((l) => `> ${l}`.trimEnd()).join('\n'));
        case 'LI': {
          const list = el.parentElement;
          let n = 1;
          for (let s = el.previousElementSibling; s; s = s.previousElementSibling) if (s.tagName === 'LI') n++;
          const marker = list && list.tagName === 'OL' ? `${n}. ` : '- ';
          const lines = inner.trim().replace(/\n{3,}/g, '\n\n').split('\n');
          return `${marker}${lines.map((l, i) => (i ? `${' '.repeat(marker.length)}${l}`.trimEnd() : l)).join('\n')}\n`;
        }
        case 'UL': case 'OL': return block(inner.replace(/\n{2,}(?=\s*(- |\d+\. ))/g, '\n'));
        case 'TD': case 'TH': return ` ${inner.trim().replace(/\s*\n\s*/g, ' ').replaceAll('|', '\\|')} |`;
        case 'TR': {
          const row = `|${inner}`;
          const first = !el.previousElementSibling && !(el.parentElement && el.parentElement.tagName === 'TBODY' && el.parentElement.previousElementSibling);
          return first ? `${row}\n|${' --- |'.repeat(el.children.length)}\n` : `${row}\n`;
        }
        case 'TABLE': return block(inner);
        default: return BLOCK.has(tag) ? block(inner) : inner;
      }
    },
  });
  const head = [`# ${mdText(meta.title)}`];
  const line = [meta.byline && mdText(meta.byline), meta.dateShown && mdText(meta.dateShown)].filter(Boolean).join(' · ');
  if (line) head.push(`_${line}_`);
  if (meta.url) head.push(`Source: <${meta.url}>`);
  if (meta.lead) head.push(`[Image](${meta.lead})`);
  // Whitespace between blocks leaves lines of spaces: dropped before blank lines are collapsed.
  return `${head.join('\n\n')}\n\n${md.replace(/^[ \t]+$/gm, '').trim().replace(/\n{3,}/g, '\n\n')}\n`;
}

export function toHtml(main, url, { marks = false } = {}) {
  const meta = articleMeta(main, url);
  const body = main.querySelector('.lx-body') || main;
  const html = walk(body, {
    text: (n) => esc(n.data),
    close(el, inner) {
      const tag = el.tagName;
      if (el === body) return inner;
      if (tag === 'IMG') {
        const src = safeUrl(el.getAttribute('src') || '');
        return src ? `<a href="${esc(src)}">Image${el.alt ? `: ${esc(el.alt)}` : ''}</a>` : '';
      }
      if (tag === 'MARK') return marks && el.dataset.label ? `<mark data-label="${esc(el.dataset.label)}">${inner}</mark>` : inner;
      if (!KEEP.has(tag)) return BLOCK.has(tag) ? `${inner}\n` : inner;
      const t = tag.toLowerCase();
      if (VOID.has(tag)) return `<${t}>`;
      let attrs = '';
      if (tag === 'A') { const href = safeUrl(el.getAttribute('href') || ''); if (!href) return inner; attrs = ` href="${esc(href)}"`; }
      if ((tag === 'TD' || tag === 'TH') && /^\d+$/.test(el.getAttribute('colspan') || '')) attrs = ` colspan="${el.getAttribute('colspan')}"`;
      return `<${t}${attrs}>${inner}</${t}>${BLOCK.has(tag) ? '\n' : ''}`;
    },
  });
  const lang = main.querySelector('[lang]') ? main.querySelector('[lang]').getAttribute('lang') : '';
  const by = [meta.byline && esc(meta.byline), meta.date && `<time datetime="${esc(meta.date)}">${esc(meta.dateShown || meta.date)}</time>`].filter(Boolean).join(' · ');
  return `<!DOCTYPE html>
<html${lang ? ` lang="${esc(lang)}"` : ''}>
<head>
<meta charset="utf-8">
<title>${esc(meta.title)}</title>
${meta.url ? `<link rel="canonical" href="${esc(meta.url)}">\n` : ''}${marks ? '<style>mark[data-label]::after{content:" " attr(data-label);font-size:.6em}</style>\n' : ''}</head>
<body>
<article>
<header>
<h1>${esc(meta.title)}</h1>
${by ? `<p>${by}</p>\n` : ''}${meta.url ? `<p>Source: <a href="${esc(meta.url)}">${esc(meta.url)}</a></p>\n` : ''}${meta.lead ? `<p><a href="${esc(meta.lead)}">Image</a></p>\n` : ''}</header>
${html.trim()}
</article>
</body>
</html>
`;
}

// A file name from the title: letters, digits and dashes.
export function fileName(title, ext) {
  const base = String(title || 'article').normalize('NFKD').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80) || 'article';
  return `${base.toLowerCase()}.${ext}`;
}

export function download(doc, name, text, type) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = doc.createElement('a');
  a.href = url; a.download = name; a.hidden = true;
  doc.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}

// The clipboard API can be refused in a frame; a selected textarea and execCommand still work on
// a click.
export async function copyText(doc, text) {
  try { await navigator.clipboard.writeText(text); return true; } catch { /* fall through */ }
  const ta = doc.createElement('textarea');
  ta.value = text; ta.setAttribute('readonly', ''); ta.style.position = 'fixed'; ta.style.opacity = '0';
  doc.body.append(ta);
  ta.select();
  let ok = false;
  try { ok = doc.execCommand('copy'); } catch { ok = false; }
  ta.remove();
  return ok;
}

// A table of contents for articles with at least MIN headings: a side panel on wide screens, a
// menu under the toolbar's "Contents" button on narrow ones (CSS decides), the current section
// marked as the reader scrolls.
export const MIN = 3;

export function headingsOf(main) {
  return [...main.querySelectorAll('.lx-body h2, .lx-body h3, .lx-body h4')].filter((h) => h.textContent.trim());
}

// The index of the last heading above `y` (document coordinates), or -1.
export function currentIndex(tops, y) {
  let i = -1;
  for (let k = 0; k < tops.length; k++) if (tops[k] <= y) i = k; else break;
  return i;
}

export function buildToc(doc, main, nav, t) {
  const heads = headingsOf(main);
  nav.replaceChildren();
  if (heads.length < MIN) return null;
  const list = doc.createElement('ol');
  const links = heads.map((h, i) => {
    if (!h.id) h.id = `lx-h-${i + 1}`;
    const li = doc.createElement('li');
    li.className = `lx-toc-${h.tagName.toLowerCase()}`;
    const a = doc.createElement('a');
    a.href = `#${h.id}`;
    a.textContent = h.textContent.trim().replace(/\s+/g, ' ');
    a.addEventListener('click', (e) => {
      e.preventDefault();
      h.scrollIntoView({ block: 'start' });
      h.setAttribute('tabindex', '-1');
      h.focus({ preventScroll: true });
    });
    li.append(a);
    list.append(li);
    return a;
  });
  const title = doc.createElement('h2');
  title.className = 'lx-toc-title';
  title.textContent = t('contents');
  nav.append(title, list);
  return {
    update() {
      const y = (doc.scrollingElement ? doc.scrollingElement.scrollTop : 0) + 80;
      const tops = heads.map((h) => h.getBoundingClientRect().top + (doc.scrollingElement ? doc.scrollingElement.scrollTop : 0));
      const cur = currentIndex(tops, y);
      links.forEach((a, i) => { if (i === cur) a.setAttribute('aria-current', 'location'); else a.removeAttribute('aria-current'); });
      return cur;
    },
  };
}

/**
 * The drawing as a standalone SVG file: a copy of the topology <svg> whose
 * look comes from presentation attributes (fill, stroke, font-size, …) read
 * from the page's computed styles, so it renders the same in a slide deck,
 * Inkscape or an <img>, with no stylesheet. Taken in presenter styling (the
 * projector's line widths and contrast): the page flips to presenter mode
 * for the duration of the style reads, within one task, so nothing repaints.
 *
 * Attributes, not `style="…"`: the copy is built in its own XML document and
 * never enters the page, but presentation attributes also keep the page's
 * CSP (no inline styles) out of the question.
 */
const SVG_NS = 'http://www.w3.org/2000/svg';

/** CSS properties that SVG has as presentation attributes, with the value that needs no attribute. */
const PROPS: readonly (readonly [prop: string, initial: string | undefined])[] = [
  ['fill', undefined],
  ['fill-opacity', '1'],
  ['stroke', 'none'],
  ['stroke-width', undefined],
  ['stroke-opacity', '1'],
  ['stroke-dasharray', 'none'],
  ['stroke-linecap', 'butt'],
  ['stroke-linejoin', 'miter'],
  ['opacity', '1'],
  ['font-family', undefined],
  ['font-size', undefined],
  ['font-weight', undefined],
  ['font-style', 'normal'],
  ['text-anchor', 'start'],
  ['dominant-baseline', 'auto'],
  ['letter-spacing', 'normal'],
  ['paint-order', 'normal'],
  ['filter', 'none'],
];

export interface Snapshot {
  /** The SVG document's text (UTF-8, with an XML declaration). */
  text: string;
  /** Its size in CSS pixels: the drawing's size on screen. */
  width: number;
  height: number;
}

/** Runs `read` with the page in presenter styling, then restores the page's own mode. */
function inPresenterStyling<T>(read: () => T): T {
  const root = document.documentElement;
  const was = root.dataset.presenter;
  root.dataset.presenter = 'on';
  try {
    return read();
  } finally {
    if (was === undefined) delete root.dataset.presenter;
    else root.dataset.presenter = was;
  }
}

/** Copies `from`'s computed look onto `to` as attributes; false if it is not drawn at all. */
function inline(from: Element, to: Element): boolean {
  const cs = getComputedStyle(from);
  if (cs.display === 'none' || cs.visibility === 'hidden') return false;
  for (const [prop, initial] of PROPS) {
    const v = cs.getPropertyValue(prop);
    if (v && v !== initial) to.setAttribute(prop, v);
  }
  to.removeAttribute('style');
  return true;
}

/** Walks the page's element and its copy in step (same structure), inlining styles and dropping what is hidden. */
function walk(from: Element, to: Element): void {
  const src = [...from.children];
  const dst = [...to.children];
  src.forEach((child, i) => {
    const copy = dst[i];
    if (!copy) return;
    if (child.tagName.toLowerCase() === 'title' || !inline(child, copy)) copy.remove();
    else walk(child, copy);
  });
}

export function snapshotSvg(svg: SVGSVGElement, title: string): Snapshot {
  const vb = svg.viewBox.baseVal;
  const rect = svg.getBoundingClientRect();
  const scale = vb.width > 0 && vb.height > 0 ? Math.min(rect.width / vb.width, rect.height / vb.height) : 1;
  const width = Math.round((vb.width || rect.width) * scale);
  const height = Math.round((vb.height || rect.height) * scale);

  const doc = document.implementation.createDocument(SVG_NS, 'svg', null);
  const out = doc.documentElement;
  const copy = doc.importNode(svg, true);
  const bg = inPresenterStyling(() => {
    inline(svg, copy);
    walk(svg, copy);
    return getComputedStyle(document.body).backgroundColor;
  });
  for (const a of [...copy.attributes]) out.setAttribute(a.name, a.value);
  out.setAttribute('width', String(width));
  out.setAttribute('height', String(height));
  out.removeAttribute('role');
  const t = doc.createElementNS(SVG_NS, 'title');
  t.textContent = title;
  out.appendChild(t);
  // The page's background, so the file reads the same on a white slide or a dark one.
  const back = doc.createElementNS(SVG_NS, 'rect');
  for (const [k, v] of Object.entries({ x: vb.x, y: vb.y, width: vb.width || width, height: vb.height || height, fill: bg })) {
    back.setAttribute(k, String(v));
  }
  out.appendChild(back);
  while (copy.firstChild) out.appendChild(copy.firstChild);
  const text = `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}`;
  return { text, width, height };
}

/**
 * Measuring helpers for the drawing, shared by the projector spec and the
 * lesson stops: what a student at the back of the room sees is the rendered
 * size on screen, so everything here is in CSS pixels of the page.
 */
import type { Page } from '@playwright/test';

export interface Box { x: number; y: number; width: number; height: number }

/**
 * The smallest rendered font size (CSS px on screen: font-size times the
 * SVG's scale) among the visible <text> elements matched by `selector`, or
 * inside the elements it matches. `text` names the offender.
 */
export async function smallestTextPx(page: Page, selector = '.topology-svg'): Promise<{ px: number; text: string }> {
  return page.evaluate((sel) => {
    const texts = new Set<SVGTextElement>();
    for (const el of Array.from(document.querySelectorAll(sel))) {
      if (el instanceof SVGTextElement) texts.add(el);
      for (const t of Array.from(el.querySelectorAll('text'))) texts.add(t);
    }
    let best = { px: Number.POSITIVE_INFINITY, text: '' };
    for (const t of Array.from(texts)) {
      const r = t.getBoundingClientRect();
      if (!t.textContent?.trim() || r.width === 0 || r.height === 0) continue;
      const ctm = t.getScreenCTM();
      const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
      const px = parseFloat(getComputedStyle(t).fontSize) * scale;
      if (px < best.px) best = { px, text: t.textContent.trim() };
    }
    return best;
  }, selector);
}

/**
 * Overlap (px²) between the marker's callout (its words) and the label of
 * the place the current hop is at: the outlined port's name and address,
 * the pod's name and IP when the port is a pod's, or the outside world's
 * name. 0 when they do not touch. The compare view's shared drawing has two
 * markers, each with its callout: neither may touch either side's place.
 */
export async function labelOverlap(page: Page): Promise<number> {
  return page.evaluate(() => {
    const plates = Array.from(document.querySelectorAll('.topology-svg [data-testid="packet-callout"]'));
    let labels = Array.from(document.querySelectorAll('.topology-svg .port.is-current text, .topology-svg .pod.is-here .pod-name, .topology-svg .pod.is-here .pod-ip'));
    if (labels.length === 0) labels = Array.from(document.querySelectorAll('.topology-svg [data-testid="outside"] text'));
    let area = 0;
    for (const plate of plates) {
      const a = plate.getBoundingClientRect();
      for (const l of labels) {
        const b = l.getBoundingClientRect();
        const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
        const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
        if (w > 0 && h > 0) area += w * h;
      }
    }
    return area;
  });
}

/** Where the drawing is on the page and the part of it that is drawn (its viewBox): equal on every hop of a flow. */
export async function drawingBox(page: Page): Promise<Box & { viewBox: string }> {
  return page.evaluate(() => {
    const svg = document.querySelector('.topology-svg');
    if (!svg) throw new Error('no topology drawing');
    const r = svg.getBoundingClientRect();
    const round = (n: number) => Math.round(n * 10) / 10;
    return { x: round(r.x), y: round(r.y), width: round(r.width), height: round(r.height), viewBox: svg.getAttribute('viewBox') ?? '' };
  });
}

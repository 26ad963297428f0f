/**
 * A look at what this part adds, at 1280x720 and 1920x1080 in presenter mode:
 * the first-visit hint, the legend, and the export buttons, which must not
 * sit on any of the drawing's labels.
 */
import { Lab, expect, test } from './fixtures.ts';

const FLOW = '?scenario=kans-lab&from=netpod&to=webpod1&proto=tcp&port=80&presenter=1';

for (const [w, h] of [[1280, 720], [1920, 1080]] as const) {
  for (const lang of ['en', 'ko'] as const) {
    test(`presenter ${w}x${h} (${lang}): hint, legend, export buttons clear of the drawing's labels`, async ({ page }, info) => {
      await page.setViewportSize({ width: w, height: h });
      const lab = new Lab(page, { firstVisit: true });
      await lab.open(`${FLOW}&lang=${lang}`);
      await expect(page.getByTestId('key-hint')).toBeVisible();
      await page.screenshot({ path: info.outputPath(`hint-presenter-${lang}-${w}.png`) });
      const buttons = await page.locator('.export-buttons').boundingBox();
      expect(buttons).not.toBeNull();
      const overlaps = await page.evaluate((b) => {
        if (!b) return [];
        const hit = (r: DOMRect) => r.width > 0 && r.left < b.x + b.width && r.right > b.x && r.top < b.y + b.height && r.bottom > b.y;
        const legend = document.querySelector('.legend-button')?.getBoundingClientRect();
        const texts = Array.from(document.querySelectorAll('.topology[data-side="a"] svg text')).filter((t) => !t.closest('.packet'));
        return [...texts.filter((t) => hit(t.getBoundingClientRect())).map((t) => t.textContent), ...(legend && hit(legend) ? ['legend button'] : [])];
      }, buttons);
      expect(overlaps).toEqual([]);
      await page.keyboard.press('?');
      await expect(page.getByTestId('legend')).toBeVisible();
      await page.screenshot({ path: info.outputPath(`legend-presenter-${lang}-${w}.png`) });
    });
  }
}

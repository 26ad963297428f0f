/**
 * The normal (not presenter) view on a laptop: at 1280x720 the controls leave
 * the drawing a short pane, where the lab's full drawing would be a third of
 * its size (6-8 px text); the drawing then focuses on the flow so a student
 * can read it. At 1920x1080 the full lab stays (every node and pod).
 */
import { expect, test } from './fixtures.ts';
import { smallestTextPx } from './measure.ts';

const SERVICE = '?scenario=kans-lab&from=netpod&to=svc&proto=tcp&port=80&step=3';

test.describe('normal view at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test('the service flow: every text in the drawing >= 12 px, the top bar in at most four rows', async ({ lab, page }) => {
    await lab.open(SERVICE);
    await expect(page.locator('html')).toHaveAttribute('data-presenter', 'off');
    const small = await smallestTextPx(page);
    expect(small.px, `smallest text "${small.text}"`).toBeGreaterThanOrEqual(12);
    // The flow's client node is drawn full size.
    await expect(lab.node('k8s-s').locator('[data-pod="default/netpod"] [data-iface="eth0"]')).toBeVisible();
    const bar = await page.locator('.topbar').boundingBox();
    expect(bar?.height ?? 999).toBeLessThanOrEqual(4 * 36);
  });
});

test.describe('normal view at 1920x1080', () => {
  test.use({ viewport: { width: 1920, height: 1080 } });
  test('the lab draws all three nodes and its eight pods full size', async ({ lab, page }) => {
    await lab.open(SERVICE);
    await expect(page.locator('.topology-svg')).toHaveAttribute('data-focus', 'off');
    for (const n of ['k8s-s', 'k8s-w1', 'k8s-w2']) await expect(lab.node(n).locator('[data-iface="ens5"]')).toBeVisible();
    await expect(page.locator('.topology-svg [data-pod]')).toHaveCount(8);
  });
});

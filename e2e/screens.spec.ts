/**
 * Screenshots a person looks at (kept in test-results as artifacts): each
 * preset flow at 1280x720 and 1920x1080, in English, Korean and presenter
 * mode. They also assert the page stays free of console errors while the
 * flows are stepped forward to their end and back.
 */
import { expect, test } from './fixtures.ts';

const FLOWS = [
  ['same-node', 'from=netpod&to=netpod2&proto=icmp'],
  ['cross-node', 'from=netpod&to=webpod1&proto=icmp'],
  ['service', 'from=netpod&to=svc&proto=tcp&port=80'],
  ['external', 'from=netpod&to=8.8.8.8&proto=tcp&port=443'],
] as const;

for (const [name, q] of FLOWS) {
  test(`${name}: steps to the end and back, screenshots at 1280x720 and 1920x1080`, async ({ lab, page }, info) => {
    await lab.open(`?scenario=kans-lab&${q}`);
    await page.keyboard.press('End');
    const last = await lab.step();
    expect(last).toBeGreaterThan(3);
    for (let i = last; i > 0; i--) await page.keyboard.press('ArrowLeft');
    await expect.poll(() => lab.step()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => lab.step()).toBe(3);
    await page.screenshot({ path: info.outputPath(`${name}-1280.png`) });
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.screenshot({ path: info.outputPath(`${name}-1920.png`) });
    expect(lab.errors).toEqual([]);
  });
}

test('Korean and presenter mode screenshots', async ({ lab, page }, info) => {
  await lab.open('?scenario=kans-lab&from=netpod&to=svc&proto=tcp&port=80&step=5&lang=ko');
  await page.screenshot({ path: info.outputPath('service-ko-1280.png') });
  await page.keyboard.press('f');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  await page.screenshot({ path: info.outputPath('service-ko-presenter-1280.png') });
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: info.outputPath('service-ko-presenter-1920.png') });
  expect(lab.errors).toEqual([]);
});

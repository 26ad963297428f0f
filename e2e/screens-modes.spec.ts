/**
 * Screenshots of issue 4's views for a person to look at (kept in
 * test-results): compare mode, a policy drop and tunnel mode, in English
 * and Korean, at 1280x720 and 1920x1080. Each also asserts the view is
 * there and the page logged no error.
 */
import { expect, test } from './fixtures.ts';

const VIEWS = [
  ['compare', '?scenario=kans-lab&from=netpod&to=webpod1&proto=icmp&compare=tunnel-vxlan&step=9', '[data-testid="compare-summary"]'],
  ['compare-presenter', '?scenario=kans-lab&from=netpod&to=svc&proto=tcp&port=80&compare=socket-lb-off&step=5&presenter=1', '[data-testid="compare-summary"]'],
  ['compare-kube-proxy', '?scenario=kans-lab&from=netpod&to=svc&proto=tcp&port=80&compare=kube-proxy&step=12', '[data-testid="compare-summary"]'],
  ['policy-drop', '?scenario=kans-lab-policy&from=netpod2&to=webpod1&proto=tcp&port=80&step=14', '[data-testid="policy-line"]'],
  ['policy-deny-181', '?scenario=kans-lab-policy&from=netpod2&to=8.8.8.8&proto=tcp&port=443&step=6', '[data-testid="policy-line"]'],
  ['tunnel', '?scenario=kans-lab&from=netpod&to=webpod1&proto=icmp&set=routing-mode:tunnel,tunnel-protocol:vxlan&step=9', '.packet-extra'],
] as const;

for (const [name, q, ready] of VIEWS) {
  for (const lang of ['en', 'ko'] as const) {
    test(`${name} (${lang}) at 1280x720 and 1920x1080`, async ({ page, lab }, info) => {
      await page.goto(`./${q}&lang=${lang}`);
      await expect(page.locator(ready).first()).toBeVisible();
      await expect(page.locator('[data-testid="packet"][data-step]').first()).toBeVisible();
      await page.screenshot({ path: info.outputPath(`${name}-${lang}-1280.png`) });
      await page.setViewportSize({ width: 1920, height: 1080 });
      await expect(page.locator(ready).first()).toBeVisible();
      await page.screenshot({ path: info.outputPath(`${name}-${lang}-1920.png`) });
      expect(lab.errors).toEqual([]);
    });
  }
}

/**
 * Issue #10 in the browser: the Content-Security-Policy holds (no violation
 * anywhere the lab goes, and it really blocks inline script and eval), and a
 * link the page cannot follow says so instead of silently doing something else.
 */
import { expect, test } from './fixtures.ts';

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.cspViolations?.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
});

const violations = (page: import('@playwright/test').Page) => page.evaluate(() => window.cspViolations ?? []);

test('the built page ships a CSP (meta and header) and runs the lab without one violation', async ({ lab, page }) => {
  const response = await page.goto('./');
  expect(response?.headers()['content-security-policy']).toMatch(/default-src 'self'.*script-src 'self'/);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("worker-src 'self'");
  expect(meta).not.toContain('unsafe');
  await lab.open('?scenario=kans-lab&from=netpod&to=svc&proto=tcp&port=80');
  await lab.stepUntil('wire');
  await lab.open('?scenario=kans-lab&from=netpod&to=webpod1&proto=icmp&compare=tunnel-vxlan');
  await lab.open('?scenario=three-zones');
  expect(await violations(page)).toEqual([]);
  expect(lab.errors).toEqual([]);
});

test('the CSP really blocks inline script and eval (so the check above can fail)', async ({ lab, page }) => {
  await lab.open();
  const result = await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.body.append(s);
    let evaluated = 'blocked';
    try {
      // eslint-disable-next-line no-eval
      evaluated = String(eval('"ran"'));
    } catch {
      /* refused by the CSP */
    }
    return { inline: (window as unknown as { inlineRan?: boolean }).inlineRan ?? false, evaluated };
  });
  expect(result).toEqual({ inline: false, evaluated: 'blocked' });
  await expect.poll(() => violations(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/)]));
});

test('a link the page cannot follow says so', async ({ page }) => {
  await page.goto('./?scenario=nonsense&proto=sctp&lang=xx&set=garbage');
  const notice = page.getByRole('status').filter({ hasText: 'nonsense' });
  await expect(notice).toContainText('There is no built-in scenario "nonsense"; kans-lab is shown instead.');
  await expect(notice).toContainText('set=: "garbage" is not key=value');
  await expect(notice).toContainText("The link's proto=sctp is not understood");
  await expect(notice).toContainText("The link's lang=xx is not understood");
});

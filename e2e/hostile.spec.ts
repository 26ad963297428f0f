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
  // DevTools' own evaluation may eval regardless of the CSP, so the page is made to: an inline <script>, and a
  // string timer (compiled later by the page itself, under 'unsafe-eval' rules).
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.inlineRan = true';
    document.body.append(s);
    (window.setTimeout as unknown as (code: string, ms: number) => number)('window.evalRan = true', 0);
  });
  await expect.poll(() => violations(page)).toContainEqual(expect.stringMatching(/^script-src eval/));
  const ran = await page.evaluate(() => {
    const w = window as unknown as { inlineRan?: boolean; evalRan?: boolean };
    return { inline: w.inlineRan ?? false, evaluated: w.evalRan ?? false };
  });
  expect(ran).toEqual({ inline: false, evaluated: false });
  expect(await violations(page)).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src/)]));
});

test('a link the page cannot follow says so', async ({ page }) => {
  await page.goto('./?scenario=nonsense&proto=sctp&lang=xx&set=garbage');
  const notice = page.getByRole('status').filter({ hasText: 'nonsense' });
  await expect(notice).toContainText('There is no built-in scenario "nonsense"; kans-lab is shown instead.');
  await expect(notice).toContainText('set=: "garbage" is not key=value');
  await expect(notice).toContainText("The link's proto=sctp is not understood");
  await expect(notice).toContainText("The link's lang=xx is not understood");
});

/**
 * Two nodes with `perNode` running pods each, as JSON with a trailing comma (so YAML's flow style, read
 * by the yaml package in one piece): a load with no progress for long enough that the watchdog fires.
 */
function crowded(perNode: number): string {
  const items: unknown[] = [];
  for (const n of [1, 2]) {
    items.push({
      apiVersion: 'v1', kind: 'Node', metadata: { name: `n${n}` }, spec: { podCIDRs: [`10.${n}.0.0/19`] },
      status: { addresses: [{ type: 'InternalIP', address: `192.168.1.${n}` }] },
    });
    for (let i = 0; i < perNode; i++) {
      items.push({
        apiVersion: 'v1', kind: 'Pod', metadata: { name: `p${n}-${i}`, labels: { app: `a${i % 50}` } }, spec: { nodeName: `n${n}` },
        status: { phase: 'Running', podIP: `10.${n}.${Math.floor((i + 10) / 256)}.${(i + 10) % 256}` },
      });
    }
  }
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items }).replace(/\]\}$/, ',]}');
}

test('watchdog: a load past the limit is shown with Cancel, which restarts the engine with the previous scenario', async ({ lab, page }) => {
  await lab.open('?scenario=kans-lab&from=netpod&to=webpod1&proto=icmp&watchdog=150');
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog');
  // Over 1 MB: chosen as a file (the paste box holds 1 MB), read by the worker.
  await dialog.getByLabel('Choose a YAML or JSON file').setInputFiles({ name: 'crowded.yaml', mimeType: 'text/yaml', buffer: Buffer.from(crowded(4000)) });
  await dialog.getByRole('button', { name: 'Load' }).click();
  const stalled = dialog.getByTestId('stalled');
  await expect(stalled).toContainText('The engine has been working on this for');
  await expect(stalled).toContainText('loadScenario');
  await stalled.getByRole('button', { name: 'Cancel' }).click();
  await expect(stalled).toBeHidden();
  // Cancel is not a load error (#9.6): the page says "Cancelled." and the previous scenario stays.
  await expect(dialog.locator('.load-errors')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled.' })).toBeVisible();
  // The fresh worker has kans-lab again: the flow traces, and stepping works.
  await expect(lab.node('k8s-w1')).toBeVisible();
  await expect(lab.packet).toHaveAttribute('data-step', /\d+/);
  await lab.stepUntil('wire');
  expect(await violations(page)).toEqual([]);
});

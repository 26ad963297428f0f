/**
 * Offline after the first visit: the service worker (src/offline) precaches
 * the build; with the network gone, a reload still opens the lab, traces and
 * steps. The other specs block service workers (playwright.config.ts); this
 * one allows them.
 */
import { Lab, expect, test } from './fixtures.ts';

test.use({ serviceWorkers: 'allow' });

test('the lab loads and steps offline after the first visit', async ({ page, context }) => {
  const lab = new Lab(page);
  await lab.open('?scenario=kans-lab&from=netpod&to=webpod1&proto=icmp');
  // The worker controls the page once it has installed (precached everything) and claimed it.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 20_000 });
  await context.setOffline(true);
  // Another scenario than the first visit's: its YAML and summary come from the precache too.
  await lab.open('?scenario=three-zones');
  await expect(lab.topology).toBeVisible();
  const before = await lab.step();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => lab.step()).toBe(before + 1);
  // The URL is written 150 ms after the last change: reload once it holds this view (flow and step), not an older one.
  await expect.poll(() => new URL(page.url()).searchParams.get('step')).toBe(String(before + 1));
  await page.reload();
  await expect(lab.packet).toHaveAttribute('data-step', /\d+/);
  // The engine worker's chunks fetched on first use come from the precache too: `hubble observe` needs the
  // views' code (src/worker/formats.ts), and YAML with an anchor the yaml package (yaml-on-demand.ts).
  await page.keyboard.press('End');
  await page.getByRole('tab', { name: 'Hubble' }).click();
  await expect(page.getByTestId('hubble-output')).toContainText('->');
  await page.getByRole('button', { name: 'Open…' }).click();
  const anchored = 'apiVersion: v1\nkind: Pod\nmetadata: &m\n  name: bad\nspec:\n  nodeName: nowhere\nstatus:\n  podIP: 999.1.1.1\n';
  await page.getByRole('textbox', { name: 'Open a scenario' }).fill(anchored);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.locator('.load-errors')).toContainText('Pod default/bad');
  await expect(page.locator('.load-errors')).toContainText(/line \d+/);
  await page.getByRole('button', { name: 'Close' }).click();
  expect(await page.evaluate(() => navigator.onLine)).toBe(false);
  expect(lab.errors).toEqual([]);
  await context.setOffline(false);
});

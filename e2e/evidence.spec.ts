/**
 * The hop's proof on one screen (issue #7 point 3) and the virtualised map
 * panel (issue #9 point 3), in presenter mode at 1280x720: at the socket-LB
 * hop of the lab's service flow the three lookup rows with their values in
 * words, the strace line with the VIP and the tcpdump line are inside the
 * viewport and whole; the drawing's box never moves between hops; P brings
 * the hop's rows into view; a 5k-row ipcache scrolls and filters.
 */
import type { Locator, Page } from '@playwright/test';
import { generateCluster } from '../bench/generate.ts';
import { expect, test } from './fixtures.ts';

const SERVICE = '?scenario=kans-lab&from=netpod&to=svc&proto=tcp&port=80&presenter=1';
const VIP = '10.10.252.131';

/** Wholly inside the viewport, and its text not cut (nothing scrolled out of its own box). */
async function expectOnScreen(page: Page, l: Locator): Promise<void> {
  const box = await l.boundingBox();
  const vp = page.viewportSize();
  expect(box && vp).toBeTruthy();
  if (!box || !vp) return;
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(vp.width + 0.5);
  expect(box.y + box.height).toBeLessThanOrEqual(vp.height + 0.5);
  const cut = await l.evaluate((el) => el.scrollHeight > el.clientHeight + 1 || el.scrollWidth > el.clientWidth + 1);
  expect(cut, 'its text overflows its box').toBe(false);
}

test('presenter 1280x720: the socket-LB hop\'s rows decoded, strace with the VIP and tcpdump, on screen', async ({ lab, page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await lab.open(SERVICE);
  await lab.stepUntil('socket-lb-rewrite');
  const rows = page.getByTestId('evidence-row');
  const master = rows.filter({ hasText: `${VIP}:80 (0)` });
  const slot = rows.filter({ hasText: /10\.10\.252\.131:80 \([12]\)/ });
  const backend = rows.filter({ has: page.locator('.evidence-map', { hasText: /^backends_v3$/ }) });
  await expect(master.getByTestId('evidence-words')).toHaveText(`master row of ${VIP}:80: 2 backends, rev-NAT 9`);
  await expect(slot.getByTestId('evidence-words')).toHaveText(/^backend \d+, slot [12] of 2, rev-NAT 9$/);
  await expect(backend.getByTestId('evidence-words')).toHaveText(/^backend \d+ is 172\.16\.\d+\.\d+$/);
  // The raw text stays beside the words.
  await expect(master).toContainText('0 2 (9) [0x0 0x0]');
  for (const row of [master, slot, backend]) await expectOnScreen(page, row);
  // The slot names the backend the backend row describes.
  const chosen = (await slot.getByTestId('evidence-words').textContent())?.match(/^backend (\d+)/)?.[1];
  await expect(backend.getByTestId('evidence-words')).toHaveText(new RegExp(`^backend ${chosen} is `));

  const strace = page.getByTestId('evidence-strace');
  await expect(strace).toContainText(`connect(5, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr("${VIP}")}, 16)`);
  await expectOnScreen(page, strace);
  const tcpdump = page.getByTestId('evidence-tcpdump');
  await expect(tcpdump).toContainText(/^IP 172\.16\.\d+\.\d+\.\d+ > 172\.16\.\d+\.\d+\.80: Flags \[S\]/);
  await expect(tcpdump).not.toContainText(VIP);
  await expectOnScreen(page, tcpdump);
  // Side by side, not tabs: both at once, one beside the other.
  const a = await strace.boundingBox();
  const b = await tcpdump.boundingBox();
  expect(a && b && b.x >= a.x + a.width - 1 && Math.abs(a.y - b.y) < 2).toBe(true);
  expect(lab.errors).toEqual([]);
});

test('presenter 1280x720 and normal mode: the drawing\'s box is the same on every hop', async ({ lab, page }) => {
  for (const query of [SERVICE, SERVICE.replace('&presenter=1', '')]) {
    await lab.open(query);
    const pane = page.locator('.topology-pane');
    const first = await pane.boundingBox();
    expect(first && first.height > 150).toBe(true);
    for (let i = 0; i < 24; i++) {
      const before = await lab.step();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => lab.step()).toBe(before + 1);
      expect(await pane.boundingBox(), `hop ${before + 2}`).toEqual(first);
    }
  }
  expect(lab.errors).toEqual([]);
});

test('P brings the hop\'s map rows into view; an inserted row is a new row, not a miss', async ({ lab, page }) => {
  await lab.open(SERVICE.replace('&presenter=1', ''));
  await lab.stepUntil('socket-lb-rewrite');
  const body = page.getByTestId('map-body');
  // Scroll the lit rows away, then P.
  await body.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await page.getByRole('tab', { name: 'ipcache', exact: true }).click();
  await page.keyboard.press('p');
  await expect(page.getByRole('tab', { name: 'services', exact: true })).toHaveAttribute('aria-selected', 'true');
  const lit = body.locator('[aria-current="true"]').first();
  await expect(lit).toBeInViewport();
  await expect(lit).toContainText(/master row of|backend \d+, slot/);
  await expect(page.locator('.map-op[data-outcome="inserted"]')).toContainText('new row');
  await expect(page.locator('.map-op[data-outcome="inserted"] .miss')).toHaveCount(0);
  expect(lab.errors).toEqual([]);
});

test('a 5k-row ipcache scrolls, keeps few rows in the page, filters, and its rows take the keyboard', async ({ lab, page }) => {
  test.setTimeout(240_000);
  const { yaml } = generateCluster({ nodes: 24, pods: 5000, services: 10, seed: 7 });
  await lab.open('?scenario=kans-lab');
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByLabel('Choose a YAML or JSON file, or a cilium-sysdump zip').setInputFiles({ name: 'five-k.yaml', mimeType: 'text/yaml', buffer: Buffer.from(yaml) });
  await page.locator('.open-dialog button.primary').click();
  await expect(page.locator('.open-dialog')).toBeHidden({ timeout: 200_000 });
  await page.getByRole('tab', { name: 'ipcache', exact: true }).click();
  const count = page.getByTestId('map-count');
  await expect(count).toHaveText(/^(\d{4,}) of \1 rows$/);
  const total = Number((await count.textContent())?.split(' ')[0]);
  expect(total).toBeGreaterThan(5000);
  const body = page.getByTestId('map-body');
  const rendered = () => body.locator('[role="row"][data-key]').count();
  expect(await rendered()).toBeLessThan(120);
  // Scroll to the end: the last rows render, still only a screenful of them.
  await body.evaluate((el) => {
    el.scrollTop = el.scrollHeight;
  });
  await expect.poll(async () => (await body.locator('[role="row"][data-key]').last().getAttribute('data-index')) ?? '0').toBe(String(total));
  expect(await rendered()).toBeLessThan(120);
  // A filter narrows to the matching rows.
  const last = await body.locator('[role="row"][data-key]').last().getAttribute('data-key');
  await page.getByTestId('map-filter').fill(last ?? '');
  await expect(count).toHaveText(new RegExp(`^1 of ${total} rows$`));
  await expect(body.locator(`[data-key="${last}"]`)).toBeVisible();
  // Rows are one tab stop; ↓ moves focus to the next row.
  await page.getByTestId('map-filter').fill('');
  await expect(count).toHaveText(`${total} of ${total} rows`);
  await body.evaluate((el) => {
    el.scrollTop = 0;
  });
  const aRow = body.locator('[role="row"][data-key]').nth(2);
  await aRow.click();
  const at = Number(await aRow.getAttribute('data-index'));
  await expect(aRow).toHaveAttribute('tabindex', '0');
  await page.keyboard.press('ArrowDown');
  await expect(page.locator(':focus')).toHaveAttribute('data-index', String(at + 1));
  expect(lab.errors).toEqual([]);
});

/**
 * Keys wherever focus is (but a text field), every dropdown handing focus
 * back after a choice, P reaching the map panel, F presenter mode, a node
 * clicked as the flow's source, and the hop sentence announced once per hop
 * by a polite live region.
 */
import { expect, test } from './fixtures.ts';

const FLOW = '?scenario=kans-lab&from=netpod&to=webpod1&proto=icmp';

test('after a choice in any dropdown, → ← PageDown step and the dropdown keeps its value', async ({ lab, page }) => {
  await lab.open(FLOW);
  const selects = [
    page.getByLabel('Scenario', { exact: true }),
    page.locator('select[data-setting="routing-mode"]'),
    page.getByLabel('Protocol', { exact: true }),
    page.locator('.lang select'),
  ];
  for (const sel of selects) {
    // A value other than the current one, chosen as a mouse would (no key pressed).
    const other = await sel.evaluate((el: HTMLSelectElement) => Array.from(el.options).find((o) => !o.selected && !o.disabled)?.value ?? '');
    await sel.selectOption(other);
    // A scenario takes effect (and the controlled dropdown shows it) once loaded.
    await expect(sel).toHaveValue(other);
    await expect(lab.packet).toHaveAttribute('data-step', /\d+/);
    await expect(sel).not.toBeFocused();
    const value = await sel.inputValue();
    const start = await lab.step();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('PageDown');
    await expect.poll(() => lab.step()).toBe(start + 2);
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => lab.step()).toBe(start + 1);
    // Focused by the keyboard (Tab), the dropdown still does not take → either.
    await sel.focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => lab.step()).toBe(start + 2);
    expect(await sel.inputValue()).toBe(value);
  }
  expect(lab.errors).toEqual([]);
});

test('keys work from a focused button and the hop list, but not in the terminal\'s text field', async ({ lab, page }) => {
  await lab.open(FLOW);
  await page.getByRole('button', { name: 'Step forward' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => lab.step()).toBe(1);
  await page.keyboard.press('End');
  const end = await lab.step();
  expect(end).toBeGreaterThan(3);
  await page.keyboard.press('Home');
  await expect.poll(() => lab.step()).toBe(0);
  await page.getByRole('tab', { name: /Terminal/i }).click();
  const input = page.getByRole('textbox', { name: 'Command' });
  await input.focus();
  await page.keyboard.type('np');
  await page.keyboard.press('ArrowRight');
  await expect(input).toHaveValue('np');
  expect(await lab.step()).toBe(0);
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'off');
});

test('P brings the hop\'s map rows into view (evidence.spec checks which rows); F is presenter mode', async ({ lab, page }) => {
  await lab.open(FLOW);
  await lab.stepUntil('ipcache-lookup');
  await page.getByRole('tab', { name: 'services', exact: true }).click();
  await page.keyboard.press('p');
  await expect(page.getByRole('tab', { name: 'ipcache', exact: true })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.maps-pane [aria-current="true"]').first()).toBeInViewport();
  await page.keyboard.press('f');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  await page.keyboard.press('F');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'off');
});

test('clicking a node sets the source; a pod then is the destination', async ({ lab, page }) => {
  // The full lab (k8s-w2 drawn, not folded) needs a big screen: at 1280x720 the normal view focuses on the flow.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await lab.open(FLOW);
  await page.locator('[data-node="k8s-w2"] .node-name').click();
  await expect(page.getByTestId('pick-hint')).toContainText('k8s-w2');
  await page.locator('[data-pod="default/webpod1"] .pod-name').click();
  await expect(page).toHaveURL(/from=k8s-w2/);
  await expect(page).toHaveURL(/to=webpod1/);
  await expect(lab.packet).toHaveAttribute('data-node', 'k8s-w2');
  expect(lab.errors).toEqual([]);
});

test('the hop sentence is announced once per hop by a polite live region', async ({ lab, page }) => {
  await lab.open(FLOW);
  const region = page.getByTestId('hop-announcer');
  await expect(region).toHaveAttribute('aria-live', 'polite');
  await expect(region).toContainText('Hop 1 of');
  await page.evaluate(() => {
    const w = window as unknown as { said: string[] };
    w.said = [];
    const el = document.querySelector('[data-testid="hop-announcer"]');
    if (el) new MutationObserver(() => w.said.push(el.textContent ?? '')).observe(el, { childList: true, characterData: true, subtree: true });
  });
  for (let i = 0; i < 3; i++) {
    await page.keyboard.press('ArrowRight');
    await expect(region).toContainText(`Hop ${i + 2} of`);
  }
  const caption = (await page.getByTestId('hop-caption').locator('.caption-text').textContent()) ?? '';
  await expect(region).toContainText(caption);
  const said = await page.evaluate(() => (window as unknown as { said: string[] }).said);
  expect(new Set(said).size).toBe(3);
  // Play through the flow at the fastest speed: never more announcements than hops.
  await page.getByLabel('Speed').selectOption('4');
  await page.keyboard.press('Home');
  await page.keyboard.press(' ');
  const last = Number((await page.getByRole('slider').getAttribute('max')) ?? '0');
  await expect.poll(() => lab.step(), { timeout: 20_000 }).toBe(last);
  await page.waitForTimeout(400);
  const all = await page.evaluate(() => (window as unknown as { said: string[] }).said);
  expect(all.length).toBeLessThanOrEqual(3 + last + 1);
  expect(all.at(-1)).toContain(`Hop ${last + 1} of`);
});

test('in the compare view the announcement is the row and each side that moved', async ({ lab, page }) => {
  await lab.open(`${FLOW}&compare=tunnel-vxlan`);
  const region = page.getByTestId('hop-announcer');
  await expect(region).toContainText('Row 1 of');
  await page.keyboard.press('ArrowRight');
  await expect(region).toContainText('Row 2 of');
  await expect(region).toContainText(/[AB]: \S+/);
});

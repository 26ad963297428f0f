/**
 * The classroom's keyboard, clicker and pointer, and the first visit: keys
 * that a focused dropdown cannot steal, clicker keys, the roving hop list,
 * reduced motion, two clicks that trace a flow, the hint and the legend.
 * Screenshots of the hint and the legend at 1280x720 in English and Korean.
 */
import type { Page } from '@playwright/test';
import { Lab, expect, test } from './fixtures.ts';

const CROSS_NODE = '?scenario=kans-lab&from=netpod&to=webpod1&proto=icmp';

test('a dropdown chosen with the mouse does not take → : the hop advances and the dropdown stays', async ({ lab, page }) => {
  await lab.open(CROSS_NODE);
  const speed = page.locator('.speed select');
  await speed.click();
  await page.keyboard.press('Escape');
  await speed.selectOption('2');
  await expect.poll(() => lab.step()).toBe(0);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => lab.step()).toBe(1);
  await expect(speed).toHaveValue('2');
  // Even with the dropdown still focused, → is the page's: no compare opens.
  const compare = page.getByTestId('compare-select');
  await compare.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => lab.step()).toBe(3);
  await expect(compare).toHaveValue('');
  await expect(page.getByTestId('compare-stage')).toHaveCount(0);
  expect(lab.errors).toEqual([]);
});

test('a clicker\'s PageDown/PageUp and N/B step hops', async ({ lab, page }) => {
  await lab.open(CROSS_NODE);
  await page.keyboard.press('PageDown');
  await expect.poll(() => lab.step()).toBe(1);
  await page.keyboard.press('n');
  await expect.poll(() => lab.step()).toBe(2);
  await page.keyboard.press('PageUp');
  await expect.poll(() => lab.step()).toBe(1);
  await page.keyboard.press('b');
  await expect.poll(() => lab.step()).toBe(0);
});

test('the hop list is one tab stop: ↑/↓ move the hop and focus follows; panels take focus', async ({ lab, page }) => {
  await lab.open(CROSS_NODE);
  await page.locator('.event[data-index="2"]').click();
  await expect.poll(() => lab.step()).toBe(2);
  await expect(page.locator('.event[tabindex="0"]')).toHaveAttribute('data-index', '2');
  await page.locator('.event[data-index="2"]').focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(() => lab.step()).toBe(3);
  await expect(page.locator('.event[data-index="3"]')).toBeFocused();
  await expect(page.locator('.event[tabindex="0"]')).toHaveCount(1);
  for (const sel of ['.map-body', '.inspector-pane', '.caption-pane']) {
    await expect(page.locator(sel)).toHaveAttribute('tabindex', '0');
    await expect(page.locator(sel)).toHaveAttribute('aria-label', /.+/);
  }
});

test('with reduced motion the marker jumps to the hop without gliding', async ({ lab, page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await lab.open(CROSS_NODE);
  await lab.stepUntil('wire');
  // Back one (a jump), then forward into the wire hop: the one move that would glide across nodes.
  await page.keyboard.press('ArrowLeft');
  const before = await lab.packet.getAttribute('transform');
  await page.keyboard.press('ArrowRight');
  // Read in the same task as the step lands: an animation would still be at its start.
  const right = await page.evaluate(() => document.querySelector('[data-testid="packet"]')?.getAttribute('transform'));
  await page.waitForTimeout(900);
  const settled = await lab.packet.getAttribute('transform');
  expect(right).toBe(settled);
  expect(settled).not.toBe(before);
});

test('clicking a pod sets the source, a second pod the destination, and the flow is traced', async ({ lab, page }) => {
  // The full lab (k8s-w2 drawn, not folded) needs a big screen: at 1280x720 the normal view focuses on the flow.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await lab.open(CROSS_NODE);
  await page.locator('[data-pod="default/webpod2"] .pod-name').click();
  await expect(page.getByTestId('pick-hint')).toContainText('webpod2');
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('webpod2');
  await page.locator('[data-pod="default/netpod"] .pod-name').click();
  await expect(page.getByTestId('pick-hint')).toHaveCount(0);
  await expect(page).toHaveURL(/from=webpod2/);
  await expect(page).toHaveURL(/to=netpod/);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('netpod');
  await expect(lab.packet).toHaveAttribute('data-node', /k8s-w2|k8s-w1|k8s-s/);
  expect(lab.errors).toEqual([]);
});

/** Labels of what can be picked (pod and node names, folded chips) that the pick hint hides from the pointer. */
async function coveredByHint(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.topology .pod-name, .topology .node-name, .topology .fold-chip text')).flatMap((t) => {
      const r = t.getBoundingClientRect();
      const top = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return top?.closest('[data-testid="pick-hint"]') ? [t.textContent ?? ''] : [];
    }),
  );
}

test('while picking, the hint hides no pod, node or chip (normal view and presenter mode)', async ({ lab, page }) => {
  // The full lab (k8s-w2 drawn, not folded) needs a big screen: at 1280x720 the normal view focuses on the flow.
  await page.setViewportSize({ width: 1920, height: 1080 });
  await lab.open(CROSS_NODE);
  await page.locator('.node[data-node="k8s-w2"] .node-name').click();
  await expect(page.getByTestId('pick-hint')).toContainText('k8s-w2');
  expect(await coveredByHint(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('pick-hint')).toHaveCount(0);

  // Presenter mode folds k8s-w2 (no part in netpod → webpod1) into a chip: the chip picks the node.
  await lab.open(`${CROSS_NODE}&presenter=1`);
  await expect(page.locator('.node[data-node="k8s-w2"]')).toHaveCount(0);
  await page.locator('[data-fold-node="k8s-w2"]').click();
  await expect(page.getByTestId('pick-hint')).toContainText('k8s-w2');
  expect(await coveredByHint(page)).toEqual([]);
  await page.locator('[data-pod="default/netpod"] .pod-name').click();
  await expect(page.getByTestId('pick-hint')).toHaveCount(0);
  await expect(page).toHaveURL(/from=k8s-w2/);
  await expect(page).toHaveURL(/to=netpod/);
  await expect(lab.packet).toHaveAttribute('data-node', 'k8s-w2');
  // The new flow touches k8s-w2: it is drawn now, and k8s-w1 folds.
  await expect(page.locator('.node[data-node="k8s-w2"]')).toHaveCount(1);
  await expect(page.locator('[data-fold-node="k8s-w1"]')).toHaveCount(1);
  expect(lab.errors).toEqual([]);
});

for (const lang of ['en', 'ko'] as const) {
  test(`first visit (${lang}): the hint shows once and is dismissible; ? opens the legend`, async ({ page }, info) => {
    const lab = new Lab(page, { firstVisit: true });
    await lab.open(`${CROSS_NODE}&lang=${lang}`);
    const hint = page.getByTestId('key-hint');
    await expect(hint).toBeVisible();
    await expect(hint).toContainText(lang === 'en' ? 'Press →' : '→ 키로');
    await page.screenshot({ path: info.outputPath(`hint-${lang}-1280.png`) });
    // The hint does not stop the keys.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => lab.step()).toBe(1);

    await page.keyboard.press('?');
    const legend = page.getByTestId('legend');
    await expect(legend).toBeVisible();
    await expect(legend).toContainText(lang === 'en' ? 'Request: blue circle' : '요청: 파란 원');
    await expect(legend.locator('.legend-sample')).toHaveCount(16);
    await page.screenshot({ path: info.outputPath(`legend-${lang}-1280.png`) });
    await page.keyboard.press('?');
    await expect(legend).toBeHidden();
    await page.getByTestId('legend-button').click();
    await expect(legend).toBeVisible();
    await page.keyboard.press('Escape');
    await expect(legend).toBeHidden();

    await hint.getByRole('button', { name: lang === 'en' ? 'Got it' : '알겠습니다' }).click();
    await expect(hint).toHaveCount(0);
    await page.reload();
    await expect(lab.packet).toHaveAttribute('data-step', /\d+/);
    await expect(page.getByTestId('key-hint')).toHaveCount(0);
    expect(lab.errors).toEqual([]);
  });
}

test('help in the terminal lists the commands', async ({ lab, page }) => {
  await lab.open(CROSS_NODE);
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const input = page.locator('.terminal-input input');
  await input.fill('help');
  await input.press('Enter');
  await expect(page.locator('.terminal-out')).toContainText('bpf ct list global');
  await expect(page.locator('.terminal-out')).toContainText('hubble observe');
});

/**
 * Predict the next hop, keyboard only: on the lab's service flow the class
 * is asked where the packet goes (or what it looks like) before the hop is
 * shown; the choices hold the right answer and what another configuration
 * (kube-proxy, per-packet LB, a tunnel) does there; the reveal names those
 * configurations and the score counts. Screenshots at 1280x720 in presenter
 * mode (text measured: 16 px or more) and at 1920x1080.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const SERVICE = '?scenario=kans-lab&from=netpod&to=svc&proto=tcp&port=80&predict=1';
const VIP = '10.10.252.131:80';

const panel = (page: Page) => page.getByTestId('predict-panel');
const choices = (page: Page) => panel(page).locator('[data-choice]');

/** Keyboard → until a question is open (hops without one are shown and said so). */
async function nextQuestion(page: Page): Promise<void> {
  for (let i = 0; i < 10 && (await choices(page).count()) === 0; i++) await page.keyboard.press('ArrowRight');
  await expect(choices(page).first()).toBeVisible();
}

/** axe-core over the panel and the playback bar's Predict button and score: no violations. */
async function axe(page: Page): Promise<string[]> {
  const r = await new AxeBuilder({ page }).include('[data-testid="predict-panel"]').include('.predict-toggle').analyze();
  return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** The smallest font size of any text in the panel, in CSS pixels. */
const smallestText = (page: Page) =>
  panel(page).evaluate((root) => {
    let min = Infinity;
    const walk = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let n = walk.nextNode(); n; n = walk.nextNode()) {
      const el = n.parentElement;
      if (el && n.textContent?.trim() && el.getClientRects().length) min = Math.min(min, parseFloat(getComputedStyle(el).fontSize));
    }
    return min;
  });

test('predict mode on the service flow: the right answer and kube-proxy\'s among the choices, reveal and score, keyboard only', async ({ lab, page }, info) => {
  await lab.open(`${SERVICE}&theme=dark`);
  await expect(page.getByTestId('predict-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect(panel(page)).toContainText(/Press →/);
  await expect(page.getByTestId('predict-score')).toHaveText('0 of 0');

  // The first question: revealed without a pick, it is not counted.
  await page.keyboard.press('ArrowRight');
  await expect(choices(page).first()).toBeVisible();
  expect(await lab.step()).toBe(0);
  await page.keyboard.press('Enter');
  await expect(panel(page).locator('[data-right="true"]')).toHaveCount(1);
  await expect(page.getByTestId('predict-result')).toContainText('not counted');
  await page.keyboard.press('Enter');
  await expect.poll(() => lab.step()).toBe(1);
  // The ARP request is answered the same way under every configuration: no question, and the page says so.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => lab.step()).toBe(2);
  await expect(page.getByTestId('predict-skipped')).toHaveText(/No question at hop 3/);

  // On to the question whose choices tell the socket LB's backend from the ClusterIP.
  for (let i = 0; i < 6; i++) {
    await nextQuestion(page);
    if ((await panel(page).textContent())?.includes(VIP)) break;
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
  }
  const texts = await choices(page).allTextContents();
  expect(texts.some((t) => t.includes(VIP))).toBe(true);
  const backend = texts.findIndex((t) => /→ 172\.16\.\d+\.\d+:80/.test(t));
  expect(backend).toBeGreaterThanOrEqual(0);
  // The hop asked about is hidden: the hop list ends at the current hop.
  const at = await lab.step();
  await expect(page.locator('.event')).toHaveCount(at + 1);

  await page.keyboard.press(String(backend + 1));
  await expect(choices(page).nth(backend)).toHaveAttribute('aria-pressed', 'true');
  // The projector: F for presenter mode, the question stays open.
  await page.keyboard.press('f');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  expect(await smallestText(page)).toBeGreaterThanOrEqual(16);
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: info.outputPath('predict-question-presenter-1280.png') });

  await page.keyboard.press('Enter');
  await expect(choices(page).nth(backend)).toHaveAttribute('data-right', 'true');
  await expect(page.getByTestId('predict-result')).toHaveText('Right!');
  const vip = choices(page).filter({ hasText: VIP });
  await expect(vip).toHaveAttribute('data-right', 'false');
  await expect(vip.getByTestId('predict-from')).toContainText(/kube-proxy-replacement off/);
  await expect(vip.getByTestId('predict-from')).toContainText(/socket LB off/);
  await expect(page.getByTestId('predict-score')).toHaveText(/^\d+ of \d+$/);
  const score = await page.getByTestId('predict-score').textContent();
  expect(score?.startsWith('1 of') || score?.startsWith('2 of')).toBe(true);
  expect(await smallestText(page)).toBeGreaterThanOrEqual(16);
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: info.outputPath('predict-reveal-presenter-1280.png') });

  // A clicker's PageDown goes on: the hop is shown and the list grows by one.
  await page.keyboard.press('PageDown');
  await expect.poll(() => lab.step()).toBe(at + 1);
  // Out of presenter mode (F), where the hop list is on screen.
  await page.keyboard.press('f');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'off');
  await expect(page.locator('.event')).toHaveCount(at + 2);
  await expect(page).toHaveURL(/predict=1/);
  expect(lab.errors).toEqual([]);
});

test('predict mode at 1920x1080 and in Korean: a tunnel question names the configurations', async ({ lab, page }, info) => {
  await page.setViewportSize({ width: 1920, height: 1080 });
  await lab.open(`${SERVICE}&lang=ko&theme=light`);
  await expect(panel(page)).toContainText('→ 키를 누르면');
  // Walk to a question with an outer header among its choices (the tunnel's), answering with 1.
  for (let i = 0; i < 20; i++) {
    await nextQuestion(page);
    if ((await panel(page).textContent())?.includes('바깥 헤더')) break;
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
  }
  await expect(panel(page)).toContainText('바깥 헤더 VXLAN');
  await page.screenshot({ path: info.outputPath('predict-question-ko-1920.png') });
  await page.keyboard.press('Enter');
  await expect(panel(page)).toContainText('터널 라우팅 (vxlan) 설정이라면');
  await expect(page.getByTestId('predict-score')).toContainText('문제 중');
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: info.outputPath('predict-reveal-ko-1920.png') });
  expect(lab.errors).toEqual([]);
});

test('Korean presenter mode at 1280x720: the Predict button clicked, then Enter asks; every text 16 px or more', async ({ lab, page }, info) => {
  await lab.open('?scenario=kans-lab&from=netpod&to=svc&proto=tcp&port=80&lang=ko&presenter=1&theme=dark');
  await expect(panel(page)).toHaveCount(0);
  await page.getByTestId('predict-toggle').click();
  await expect(page).toHaveURL(/predict=1/);
  await expect(panel(page)).toContainText('→ 키를 누르면');
  await page.keyboard.press('Enter');
  await expect(choices(page).first()).toBeVisible();
  expect(await smallestText(page)).toBeGreaterThanOrEqual(16);
  await page.screenshot({ path: info.outputPath('predict-question-ko-presenter-1280.png') });
  await page.keyboard.press('2');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('predict-result')).toBeVisible();
  await expect(page.getByTestId('predict-score')).toHaveText(/1문제 중 [01]개 정답/);
  expect(await smallestText(page)).toBeGreaterThanOrEqual(16);
  expect(await axe(page)).toEqual([]);
  await page.screenshot({ path: info.outputPath('predict-reveal-ko-presenter-1280.png') });
  expect(lab.errors).toEqual([]);
});

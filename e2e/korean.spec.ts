/**
 * Issue 7 point 8 in the browser: the page in Korean at each view, at
 * 1280x720 in presenter mode, with screenshots to look at: the socket LB
 * hop with its proof (the rows in Korean words, strace beside tcpdump), a
 * policy drop with its rule line, the outcome, the terminal's help and the
 * compare header. Presenter mode folds the views (hop list, captures,
 * terminal) away for the room; the terminal is the desk's, so its help is
 * read after F leaves presenter mode. What stays English is Cilium's own
 * (names, CLI output) and what the person typed (selectors, commands).
 */
import { expect, test } from './fixtures.ts';

const KO = '&lang=ko&presenter=1';

test('Korean, whole: hop, policy rule line, outcome, terminal help', async ({ lab, page }, info) => {
  await lab.open(`?scenario=kans-lab&from=netpod&to=svc&proto=tcp&port=80${KO}`);
  await expect(page.getByTestId('hop-caption')).toContainText('connect()');
  // The proof the screenshot is for: the service rows said in Korean, and connect() to the VIP beside tcpdump.
  await expect(page.getByTestId('evidence-words').first()).toContainText('마스터 항목');
  await expect(page.getByTestId('evidence-words').first()).toBeInViewport();
  await expect(page.getByTestId('evidence-strace')).toContainText('connect(');
  await expect(page.getByTestId('evidence-strace')).toBeInViewport();
  await expect(page.getByTestId('evidence-tcpdump')).toBeInViewport();
  await page.screenshot({ path: info.outputPath('ko-socket-lb-1280.png') });

  await lab.open(`?scenario=kans-lab-policy&from=netpod2&to=webpod1&proto=tcp&port=80${KO}`);
  await page.keyboard.press('End');
  const line = page.getByTestId('policy-line');
  await expect(line).toContainText('거부 (133)');
  // The rule line: Korean words around the selectors as written, no English connecting words.
  await expect(line.locator('.policy-rule')).not.toContainText(/(^|\s)(from|to|on|in|anyone|nobody|pods|default deny)(\s|$)/);
  await expect(page.getByTestId('hop-caption')).toContainText('패킷');
  await page.screenshot({ path: info.outputPath('ko-policy-drop-1280.png') });

  await lab.open(`?scenario=kans-lab-policy&from=netpod&to=webpod1&proto=tcp&port=80${KO}`);
  await page.keyboard.press('End');
  await expect(page.locator('.caption-outcome')).toContainText('교환이 완료되었습니다');
  await page.keyboard.press('Home');
  // The ingress check at webpod1: the rule that allowed it, said in Korean.
  const ruleText = async () => (await page.locator('.policy-rule').allTextContents()).join(' ');
  for (let i = 0; i < 40 && !/출발지/.test(await ruleText()); i++) {
    const before = await lab.step();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => lab.step()).toBe(before + 1);
  }
  await expect(page.getByTestId('policy-line').locator('.policy-rule')).toContainText(/출발지 /);
  await page.screenshot({ path: info.outputPath('ko-policy-allow-1280.png') });

  // Presenter mode folds the views; F leaves it and the terminal's tab is there again.
  await expect(page.getByRole('tab', { name: '터미널' })).toBeHidden();
  await page.keyboard.press('f');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'off');
  await page.getByRole('tab', { name: '터미널' }).click();
  const input = page.locator('.terminal-input input');
  await input.fill('help');
  await input.press('Enter');
  await expect(page.locator('.terminal-out')).toContainText('명령:');
  await expect(page.locator('.terminal-out')).toContainText('현재 홉까지 Hubble이 본 흐름');
  await expect(page.locator('.terminal-input input')).toBeInViewport();
  await page.screenshot({ path: info.outputPath('ko-terminal-help-1280.png') });
  expect(lab.errors).toEqual([]);
});

/**
 * Issue 7 point 7 in the browser: socket LB against kube-proxy, stepped
 * row by row from the first to the last. At every row the two markers are
 * at most one packet apart (the drawing's markers by packet number, the
 * captions by aligned packet); the header says what really differs, in
 * English and in Korean. Screenshots at 1280x720 in presenter mode.
 */
import { expect, test } from './fixtures.ts';

const SERVICE = '?scenario=kans-lab&from=netpod&to=svc&proto=tcp&port=80&compare=kube-proxy';

test('compare lines up: socket LB against kube-proxy, markers never more than one packet apart', async ({ lab, page }, info) => {
  test.setTimeout(120_000);
  await lab.open(SERVICE);
  const differs = page.getByTestId('compare-differs');
  await expect(differs).toContainText('B: per-packet DNAT in bpf_lxc, kernel routing via the stack, iptables MASQUERADE');
  await expect(differs).toContainText('A: connect() rewritten to a backend by the socket LB (cil_sock4_connect), BPF host routing, bypassing the stack');
  // Each packet of the conversation has one heading: ARP, SYN, SYN|ACK, ACK, request, response.
  await expect(page.locator('.aligned-packet')).toHaveCount(6);
  await expect(page.locator('.aligned-packet').nth(1)).toHaveText('Packet 2: request TCP SYN');
  const total = await page.locator('.aligned-row').count();
  const at = async () =>
    page.evaluate(() => {
      const num = (sel: string, attr: string) => Number(document.querySelector(sel)?.getAttribute(attr) ?? NaN);
      return {
        row: num('.aligned-row[aria-current="true"]', 'data-row'),
        markerA: num('[data-side="a"] [data-testid="packet"]', 'data-packet'),
        markerB: num('[data-side="b"] [data-testid="packet"]', 'data-packet'),
        groupA: num('[data-testid="caption-a"]', 'data-packet'),
        groupB: num('[data-testid="caption-b"]', 'data-packet'),
      };
    });
  await page.keyboard.press('Home');
  await expect(page.locator('.aligned-row[aria-current="true"]')).toHaveAttribute('data-row', '0');
  let maxApart = 0;
  for (let i = 0; i < total; i++) {
    if (i > 0) {
      await page.keyboard.press('ArrowRight');
      await expect(page.locator('.aligned-row[aria-current="true"]')).toHaveAttribute('data-row', String(i));
    }
    const s = await at();
    expect(s.row).toBe(i);
    expect(Number.isNaN(s.markerA) || Number.isNaN(s.markerB)).toBe(false);
    expect(Math.abs(s.markerA - s.markerB), `row ${i}: markers on packets ${s.markerA} and ${s.markerB}`).toBeLessThanOrEqual(1);
    expect(Math.abs(s.groupA - s.groupB), `row ${i}: captions on packets ${s.groupA} and ${s.groupB}`).toBeLessThanOrEqual(1);
    maxApart = Math.max(maxApart, Math.abs(s.markerA - s.markerB));
    if (i === 8) {
      // F: presenter mode (P brings the hop's map rows into view; it leaves the mode alone).
      await page.keyboard.press('f');
      await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
      await page.screenshot({ path: info.outputPath('compare-presenter-1280.png') });
      await page.keyboard.press('f');
      await expect(page.locator('html')).toHaveAttribute('data-presenter', 'off');
    }
  }
  expect(maxApart).toBeLessThanOrEqual(1);
  expect(lab.errors).toEqual([]);
});

test('compare in Korean: the header and the pair marks from the catalog', async ({ lab, page }, info) => {
  await lab.open(`${SERVICE}&lang=ko&presenter=1&step=14`);
  const differs = page.getByTestId('compare-differs');
  await expect(differs).toContainText('B: bpf_lxc에서 패킷마다 DNAT, 커널 스택을 거치는 라우팅, iptables MASQUERADE');
  await expect(page.locator('.aligned-packet').nth(1)).toHaveText('패킷 2: 요청 TCP SYN');
  await expect(page.locator('.aligned-row.diff-pair .aligned-differs').first()).toHaveText(/목적지|단계|위치/);
  await page.screenshot({ path: info.outputPath('compare-ko-presenter-1280.png') });
  expect(lab.errors).toEqual([]);
});

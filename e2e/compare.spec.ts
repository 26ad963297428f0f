/**
 * Issue 7 point 7 in the browser: socket LB against kube-proxy, stepped
 * row by row from the first to the last. At every row the two markers are
 * at most one packet apart (the drawing's markers by packet number, the
 * captions by aligned packet); the header says what really differs, in
 * English and in Korean. Screenshots at 1280x720 in presenter mode. In
 * presenter mode both sides share one drawing: stepped row by row, it stays
 * put, its type stays >= 16 px, and the two markers never hide each other.
 */
import { expect, test } from './fixtures.ts';
import { labelOverlap, smallestTextPx } from './measure.ts';

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
  await expect(page.getByTestId('compare-evidence-b').getByTestId('evidence-strace')).toBeInViewport();
  await page.screenshot({ path: info.outputPath('compare-ko-presenter-shared-1280.png') });
  // The aligned list is the normal view's (presenter mode shows each side's hop beside the shared drawing).
  await page.keyboard.press('f');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'off');
  await expect(page.locator('.aligned-packet').nth(1)).toHaveText('패킷 2: 요청 TCP SYN');
  await expect(page.locator('.aligned-row.diff-pair .aligned-differs').first()).toHaveText(/목적지|단계|위치/);
  await page.screenshot({ path: info.outputPath('compare-ko-presenter-1280.png') });
  expect(lab.errors).toEqual([]);
});

test('presenter mode: one shared drawing for both sides, still on every row, markers apart, type >= 16 px', async ({ lab, page }, info) => {
  test.setTimeout(120_000);
  await lab.open('?scenario=kans-lab&from=netpod&to=webpod1&proto=icmp&compare=tunnel-vxlan&presenter=1');
  // One drawing, two markers with their letters; side B's tunnel device drawn and marked as B's only.
  await expect(page.locator('.topology-svg')).toHaveCount(1);
  await expect(lab.sidePacket('a')).toHaveAttribute('data-letter', 'A');
  await expect(lab.sidePacket('b')).toHaveAttribute('data-letter', 'B');
  await expect(page.locator('.topology-svg [data-iface="cilium_vxlan"][data-only="b"]').first()).toContainText('B only');
  await expect(page.locator('.topology-svg [data-iface="cilium_host"][data-only]')).toHaveCount(0);
  const box = await page.locator('.topology-pane').boundingBox();
  const total = Number(await page.locator('input.scrubber').getAttribute('max')) + 1;
  await page.keyboard.press('Home');
  let encap = false;
  for (let i = 0; i < total; i++) {
    if (i > 0) await page.keyboard.press('ArrowRight');
    await expect.poll(async () => Number(await page.locator('input.scrubber').inputValue())).toBe(i);
    await page.waitForTimeout(750); // the markers land
    expect(await page.locator('.topology-pane').boundingBox(), `row ${i}`).toEqual(box);
    const text = await smallestTextPx(page, '.topology-svg');
    expect(text.px, `row ${i}: "${text.text}"`).toBeGreaterThanOrEqual(16);
    expect(await labelOverlap(page), `row ${i}: a callout on its place's label`).toBe(0);
    // The two markers never sit on each other (side A's steps aside when both hops are at one place).
    const [a, b] = await Promise.all([lab.centre(lab.sidePacket('a')), lab.centre(lab.sidePacket('b'))]);
    expect(Math.hypot(a.x - b.x, a.y - b.y), `row ${i}: markers apart`).toBeGreaterThanOrEqual(20);
    if (!encap && (await lab.sidePacket('b').getAttribute('data-kind')) === 'tunnel-encap') {
      encap = true;
      // The request's encapsulation: side B's lit port in B's colour (its ring), B's callout names the outer header.
      await expect(page.locator('.topology-svg .port.cur-b .ring-b')).toHaveCount(1);
      await expect(page.locator('.packet-layer[data-side="b"] .packet-extra')).toContainText('192.168.10.10 → 192.168.10.101');
      await page.screenshot({ path: info.outputPath('compare-shared-tunnel-1280.png') });
    }
  }
  expect(encap).toBe(true);
  // F leaves presenter mode: two drawings again, one per side.
  await page.keyboard.press('f');
  await expect(page.locator('.topology-svg')).toHaveCount(2);
  expect(lab.errors).toEqual([]);
});

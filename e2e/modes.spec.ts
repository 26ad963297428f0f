/**
 * Issue 4 in the browser: datapath modes from the settings bar, policy
 * verdicts and drops, NodePort from outside, and the compare view stepping
 * both sides with one cursor. Waits on state, never on time.
 */
import { expect, test, type Lab } from './fixtures.ts';

const CROSS_NODE = '?scenario=kans-lab&from=netpod&to=webpod1&proto=icmp';
const SERVICE = '?scenario=kans-lab&from=netpod&to=svc&proto=tcp&port=80';

const side = (lab: Lab, s: 'a' | 'b') => lab.sidePacket(s);
const sideStep = async (lab: Lab, s: 'a' | 'b') => Number(await side(lab, s).getAttribute('data-step'));

test('compare: two paths side by side, the differing rows marked, one cursor steps both', async ({ lab, page }) => {
  await lab.open(CROSS_NODE);
  await page.getByTestId('compare-select').selectOption('tunnel-vxlan');
  await expect(page.getByTestId('compare-stage')).toBeVisible();
  await expect(page.getByTestId('compare-summary')).toContainText('A 28 hops · B 28 hops');
  await expect(page).toHaveURL(/compare=tunnel-vxlan/);
  await expect(side(lab, 'a')).toHaveAttribute('data-step', /\d+/);
  await expect(side(lab, 'b')).toHaveAttribute('data-step', /\d+/);
  // B's drawing has the tunnel device, A's has not.
  await expect(page.locator('[data-side="b"] [data-iface="cilium_vxlan"]').first()).toBeVisible();
  await expect(page.locator('[data-side="a"] [data-iface="cilium_vxlan"]')).toHaveCount(0);
  const diff = page.locator('.aligned-row[data-same="false"]');
  expect(await diff.count()).toBeGreaterThan(4);
  // bpf_lxc routes on A and encapsulates on B: one row, the same program, marked with what differs.
  const pair = page.locator('.aligned-row.diff-pair[data-diff="kind,outer"]').first();
  await pair.click();
  await expect(pair).toHaveAttribute('aria-current', 'true');
  await expect(side(lab, 'a')).toHaveAttribute('data-kind', 'native-routing');
  await expect(side(lab, 'b')).toHaveAttribute('data-kind', 'tunnel-encap');
  // The first row only A has (the far node's endpoint lookup on ens5), then B's decapsulation while A waits.
  const onlyA = page.locator('.aligned-row.diff-a').first();
  await onlyA.click();
  await expect(onlyA).toHaveAttribute('aria-current', 'true');
  await expect(side(lab, 'a')).toHaveAttribute('data-kind', 'endpoint-lookup');
  await expect(side(lab, 'b')).toHaveAttribute('data-idle', 'true');
  const a = await sideStep(lab, 'a');
  const b = await sideStep(lab, 'b');
  await page.keyboard.press('ArrowRight');
  await expect(side(lab, 'b')).toHaveAttribute('data-kind', 'tunnel-decap');
  await expect(side(lab, 'a')).toHaveAttribute('data-idle', 'true');
  expect(await sideStep(lab, 'a')).toBe(a);
  expect(await sideStep(lab, 'b')).toBe(b + 1);
  await expect(page.getByTestId('caption-b')).toContainText('cilium_vxlan');
  // Both move on a shared row.
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => sideStep(lab, 'a')).toBe(a + 1);
  expect(await sideStep(lab, 'b')).toBe(b + 2);
  // The address keeps the row (written 150 ms after the last change); a reload comes back to it.
  const row = Number(await page.locator('.aligned-row[aria-current="true"]').getAttribute('data-row'));
  await expect(page).toHaveURL(new RegExp(`step=${row}&.*compare=tunnel-vxlan|compare=tunnel-vxlan.*step=${row}(&|$)`));
  await page.reload();
  await expect(page.locator('.aligned-row[aria-current="true"]')).toHaveAttribute('data-row', String(row));
  // Presenter mode draws one shared cluster with both markers (compare.spec.ts measures it); F brings the two back.
  await page.keyboard.press('f');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  await expect(page.locator('.compare-shared svg.topology-svg')).toHaveCount(1);
  await expect(side(lab, 'a')).toHaveAttribute('data-step', String(a + 1));
  await expect(side(lab, 'b')).toHaveAttribute('data-step', String(b + 2));
  await page.keyboard.press('f');
  const boxA = await page.locator('[data-side="a"]').boundingBox();
  const boxB = await page.locator('[data-side="b"]').boundingBox();
  expect(boxA && boxB && boxB.x > boxA.x + boxA.width - 1 && Math.abs(boxB.y - boxA.y) < 2).toBe(true);
  await page.getByRole('button', { name: 'Close compare' }).click();
  await expect(page.getByTestId('compare-stage')).toHaveCount(0);
  await expect(lab.packet).toHaveCount(1);
  expect(lab.errors).toEqual([]);
});

test('compare: socket LB against kube-proxy shows the iptables hops only B has', async ({ lab, page }) => {
  await lab.open(`${SERVICE}&compare=kube-proxy`);
  await expect(page.getByTestId('compare-summary')).toContainText(/A \d+ hops · B \d+ hops/);
  const onlyB = page.locator('.aligned-row.diff-b', { hasText: 'iptables' });
  await expect(onlyB.first()).toBeVisible();
  await onlyB.first().click();
  await expect(side(lab, 'b')).toHaveAttribute('data-kind', 'iptables');
  expect(lab.errors).toEqual([]);
});

test('a policy drop names the policy and the rule, with 181 or 133, in red', async ({ lab, page }) => {
  await lab.open('?scenario=kans-lab-policy&from=netpod2&to=8.8.8.8&proto=tcp&port=443');
  await page.keyboard.press('End');
  await expect(lab.packet).toHaveAttribute('data-kind', 'policy');
  await expect(lab.packet).toHaveClass(/is-dropped/);
  await expect(page.getByTestId('policy-line')).toContainText('egress DENIED (181)');
  await expect(page.getByTestId('policy-line')).toContainText('CiliumNetworkPolicy default/netpod2-no-world');
  await expect(page.locator('.inspector')).toContainText('Policy denied by denylist (181)');
  await expect(page.locator('.inspector')).toContainText('default/netpod2-no-world');
  await expect(page.locator('.port.is-drop')).toHaveCount(1);
  await expect(page.getByRole('tab', { name: 'policy' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.locator('.map-row[data-map="cilium_policy"][aria-current="true"]').first()).toBeVisible();

  await lab.open('?scenario=kans-lab-policy&from=netpod2&to=webpod1&proto=tcp&port=80');
  await page.keyboard.press('End');
  await expect(page.getByTestId('policy-line')).toContainText('ingress DENIED (133)');
  await expect(page.locator('.inspector')).toContainText('Policy denied (133)');
  await expect(lab.packet).toHaveAttribute('data-node', 'k8s-w1');
  // The allowed client passes the same policy, which is named as the one that allowed it.
  await lab.open('?scenario=kans-lab-policy&from=netpod&to=webpod1&proto=tcp&port=80');
  await lab.stepUntil('policy');
  await lab.stepUntil('netdev-egress');
  await lab.stepUntil('policy');
  await expect(page.getByTestId('policy-line')).toContainText('ingress ALLOWED');
  await expect(page.getByTestId('policy-line')).toContainText('NetworkPolicy default/webpod-from-netpod');
  expect(lab.errors).toEqual([]);
});

test('tunnel mode from the settings bar: the overlay hop, its outer header, tcpdump on ens5', async ({ lab, page }) => {
  await lab.open(CROSS_NODE);
  await page.locator('[data-setting="mode"]').selectOption('tunnel-vxlan');
  // tunnel-protocol vxlan is what the scenario says already: the link carries only the change.
  await expect(page).toHaveURL(/set=routing-mode:tunnel&/);
  await expect(page.locator('[data-setting="mode"]')).toHaveValue('tunnel-vxlan');
  await expect(lab.node('k8s-s').locator('[data-iface="cilium_vxlan"]')).toBeVisible();
  await lab.stepUntil('tunnel-encap');
  await expect(page.locator('.caption-text')).toContainText('cilium_vxlan');
  await lab.stepUntil('netdev-egress');
  await expect(page.locator('.inspector')).toContainText('UDP/8472 (VXLAN)');
  await expect(page.getByTestId('packet-callout').locator('.packet-extra')).toContainText('UDP/8472');
  await page.getByRole('tab', { name: 'tcpdump' }).click();
  await page.getByLabel('Interface').selectOption('k8s-s/ens5');
  await expect(page.getByTestId('tcpdump-output')).toContainText('192.168.10.101.8472: OTV');
  await lab.stepUntil('tunnel-decap');
  await expect(lab.packet).toHaveAttribute('data-node', 'k8s-w1');
  expect(lab.errors).toEqual([]);
});

test('the kube-proxy mode shows iptables hops on the kernel box; a refused switch says why and keeps the trace', async ({ lab, page }) => {
  await lab.open(SERVICE);
  await page.locator('[data-setting="kube-proxy-replacement"]').click();
  await expect(page.locator('[data-setting="mode"]')).toHaveValue('kube-proxy');
  await expect(page.getByTestId('settings-error')).toHaveCount(0);
  await lab.stepUntil('iptables', 80);
  await expect(page.locator('.caption-text')).toContainText('iptables');
  await page.locator('[data-setting="mode"]').selectOption('scenario');
  await expect(page.locator('[data-setting="kube-proxy-replacement"]')).toHaveAttribute('aria-checked', 'true');

  // Only one key of the bundle: the agent would not start. The previous trace stays.
  await lab.open(`${SERVICE}&step=5&set=kube-proxy-replacement:false`);
  await expect(page.getByTestId('settings-error')).toContainText('enable-bpf-masquerade');
  await expect(page.locator('[data-setting="kube-proxy-replacement"]')).toHaveAttribute('aria-checked', 'true');
  await expect.poll(() => lab.step()).toBe(5);
  expect(lab.errors).toEqual([]);
});

test('NodePort from outside starts in the outside world and comes back to it', async ({ lab, page }) => {
  await lab.open('?scenario=kans-lab&from=203.0.113.7&to=k8s-s&proto=tcp&port=32283');
  // The first hop is the wire from the client: its trail starts in the outside world box.
  await expect(lab.packet).toHaveAttribute('data-kind', 'wire');
  const rect = page.getByTestId('outside').locator('rect');
  const [x, y, w, h] = await Promise.all(['x', 'y', 'width', 'height'].map(async (a) => Number(await rect.getAttribute(a))));
  const first = (await page.locator('.packet-trail').getAttribute('points'))?.split(' ')[0]?.split(',').map(Number) ?? [];
  expect(first[0]).toBeGreaterThanOrEqual(x!);
  expect(first[0]).toBeLessThanOrEqual(x! + w!);
  expect(first[1]).toBeGreaterThanOrEqual(y!);
  expect(first[1]).toBeLessThanOrEqual(y! + h!);
  await lab.stepUntil('service-lb');
  await expect(lab.packet).toHaveAttribute('data-node', 'k8s-s');
  // The reply leaves for the client: its last hop is on the wire towards the world.
  await page.keyboard.press('End');
  await expect(lab.packet).toHaveAttribute('data-direction', 'reply');
  await expect(lab.packet).toHaveAttribute('data-node', 'world');
  expect(lab.errors).toEqual([]);
});

test('monitor-aggregation changes what Hubble shows, not the hop list', async ({ lab, page }) => {
  await lab.open(`${CROSS_NODE}&step=27`);
  await page.getByRole('tab', { name: 'Hubble' }).click();
  const out = page.getByTestId('hubble-output');
  const lines = async () => (await out.textContent())?.trim().split('\n').filter(Boolean).length ?? 0;
  await expect.poll(lines).toBe(4);
  const hops = await lab.page.locator('input[type="range"]').getAttribute('max');
  await page.getByText('Hubble, policy').click();
  await page.locator('[data-setting="monitor-aggregation"]').selectOption('none');
  await expect(page).toHaveURL(/set=monitor-aggregation:none/);
  await expect.poll(lines).toBe(8);
  expect(await lab.page.locator('input[type="range"]').getAttribute('max')).toBe(hops);
  expect(lab.errors).toEqual([]);
});

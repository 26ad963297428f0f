import { expect, test } from './fixtures.ts';

const CROSS_NODE = '?scenario=kans-lab&from=netpod&to=webpod1&proto=icmp';
const SERVICE = '?scenario=kans-lab&from=netpod&to=svc&proto=tcp&port=80';

test('loads the lab with its three nodes and no console errors', async ({ lab, page }) => {
  // Every node full size needs a big screen: at 1280x720 the normal view focuses on the flow (e2e/normal-view.spec.ts).
  await page.setViewportSize({ width: 1920, height: 1080 });
  await lab.open();
  await expect(lab.topology).toBeVisible();
  await expect(page.locator('.caption-text')).toBeVisible();
  for (const n of ['k8s-s', 'k8s-w1', 'k8s-w2']) await expect(lab.node(n)).toBeVisible();
  await expect(lab.node('k8s-s').locator('[data-iface="ens5"]')).toContainText('192.168.10.10');
  await expect(lab.node('k8s-s').locator('[data-iface="cilium_host"]')).toBeVisible();
  await expect(lab.node('k8s-s').locator('[data-pod="default/netpod"] [data-iface="eth0"]')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
  expect(lab.errors).toEqual([]);
});

test('stepping moves the marker from the client node to the server node', async ({ lab }) => {
  await lab.open(CROSS_NODE);
  await expect.poll(() => lab.step()).toBe(0);
  await expect(lab.packet).toHaveAttribute('data-node', 'k8s-s');
  const target = await lab.centre(lab.node('k8s-w1'));
  const start = await lab.centre(lab.packet);
  await lab.stepUntil('wire');
  await expect(lab.packet).toHaveAttribute('data-node', 'k8s-w1');
  // Wait for the transition to land: the marker ends inside k8s-w1's box.
  const box = await lab.node('k8s-w1').locator('.node-box').boundingBox();
  if (!box) throw new Error('no node box');
  await expect
    .poll(async () => {
      const c = await lab.centre(lab.packet);
      return c.x >= box.x && c.x <= box.x + box.width && c.y >= box.y - 4 && c.y <= box.y + box.height + 4;
    })
    .toBe(true);
  const end = await lab.centre(lab.packet);
  expect(Math.abs(end.x - target.x)).toBeLessThan(Math.abs(start.x - target.x));
  expect(lab.errors).toEqual([]);
});

test('a deep link restores its flow and step, and the address follows the view', async ({ lab, page }) => {
  await lab.open(`${SERVICE}&step=7`);
  await expect.poll(() => lab.step()).toBe(7);
  await expect(page.locator('.event-list [aria-current="true"]')).toContainText('8');
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('svc');
  await expect(page.getByRole('button', { name: 'curl the Service' })).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page).toHaveURL(/step=8/);
  await expect(page).toHaveURL(/from=netpod&to=svc&proto=tcp&port=80/);
  await page.reload();
  await expect.poll(() => lab.step()).toBe(8);
});

test('a link whose set= has a pair that is not key:value says which, and opens with the scenario settings', async ({ lab, page }) => {
  await lab.open(`${SERVICE}&set=enable-ip-masq-agent:false,nocolon`);
  await expect(page.getByRole('status').filter({ hasText: 'set=' })).toContainText('"nocolon" is not key=value');
  await expect(page).not.toHaveURL(/set=/);
  expect(lab.errors).toEqual([]);
});

test('keys: Right, Left, End, Home and Space drive the player', async ({ lab, page }) => {
  await lab.open(CROSS_NODE);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => lab.step()).toBe(2);
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => lab.step()).toBe(1);
  await page.keyboard.press('End');
  const last = await lab.step();
  expect(last).toBeGreaterThan(10);
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeDisabled();
  await page.keyboard.press('Home');
  await expect.poll(() => lab.step()).toBe(0);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible();
  await expect.poll(() => lab.step()).toBeGreaterThan(0);
  await page.keyboard.press(' ');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // Typing in a field does not move the player.
  const at = await lab.step();
  await page.getByLabel('To', { exact: true }).focus();
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Home');
  expect(await lab.step()).toBe(at);
});

test('the ipcache row that names the remote node lights at the ipcache hop', async ({ lab, page }) => {
  await lab.open(CROSS_NODE);
  await lab.stepUntil('ipcache-lookup');
  const row = page.locator('.map-row[data-map="cilium_ipcache"][aria-current="true"]');
  await expect(row).toHaveCount(1);
  await expect(row).toHaveAttribute('data-key', '172.16.1.235/32');
  await expect(row).toContainText('tunnelendpoint=192.168.10.101');
  await expect(row).toBeInViewport();
  await expect(page.getByRole('tab', { name: 'ipcache' })).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowRight');
  await expect(page.locator('.map-row[data-map="cilium_ipcache"][aria-current="true"]')).toHaveCount(0);
});

test('presenter mode enlarges the hop sentence and folds the secondary panels', async ({ lab, page }) => {
  await lab.open(CROSS_NODE);
  const size = () => page.locator('.caption-text').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  const normal = await size();
  expect(normal).toBeGreaterThanOrEqual(18);
  await expect(page.locator('.views-pane')).toBeVisible();
  await page.keyboard.press('f');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'on');
  await expect.poll(size).toBeGreaterThan(normal);
  await expect(page.locator('.views-pane')).toBeHidden();
  await expect(page.getByRole('button', { name: 'Leave presenter' })).toBeVisible();
  await expect(page).toHaveURL(/presenter=1/);
  await page.keyboard.press('f');
  await expect(page.locator('html')).toHaveAttribute('data-presenter', 'off');
  expect(lab.errors).toEqual([]);
});

test('Korean: ?lang=ko translates the page and the hop sentences', async ({ lab, page }) => {
  await lab.open(`${CROSS_NODE}&lang=ko`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.getByRole('button', { name: '재생' })).toBeVisible();
  await expect(page.getByRole('group', { name: '클러스터 토폴로지' })).toBeVisible();
  await lab.stepUntil('ipcache-lookup');
  await expect(page.locator('.caption-text')).toContainText(/[가-힣]/);
  await expect(page.locator('.caption-text')).toContainText('172.16.1.235');
  await page.getByLabel('언어').selectOption('en');
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.locator('.caption-text')).toContainText('The ipcache (longest-prefix match) says 172.16.1.235');
  await expect(page).toHaveURL(/lang=en/);
});

test('English to Korean with the language menu: the Korean catalogs are fetched on that choice', async ({ lab, page }) => {
  const fetched: string[] = [];
  page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
  await lab.open(CROSS_NODE);
  await lab.stepUntil('ipcache-lookup');
  // An English page has not fetched them (src/i18n/ko-on-demand.ts).
  expect(fetched.filter((p) => /\/(ko|messages-ko)-[\w-]+\.js$/.test(p))).toEqual([]);
  await page.getByLabel('Language').selectOption('ko');
  await expect(page.getByRole('button', { name: '재생' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
  await expect(page.locator('.caption-text')).toContainText(/[가-힣]/);
  await expect(page).toHaveURL(/lang=ko/);
  expect(fetched.filter((p) => /\/(ko|messages-ko)-[\w-]+\.js$/.test(p))).toHaveLength(2);
  expect(lab.errors).toEqual([]);
});

test('a broken scenario shows located errors and keeps the current one', async ({ lab, page }) => {
  await lab.open(CROSS_NODE);
  const broken = 'apiVersion: v1\nkind: Pod\nmetadata:\n  name: bad\nspec:\n  nodeName: nowhere\nstatus:\n  podIP: 999.1.1.1\n';
  await page.getByRole('button', { name: 'Open…' }).click();
  const box = page.getByRole('textbox', { name: 'Open a scenario' });
  await box.fill(broken);
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  const errors = page.locator('.load-errors');
  await expect(errors).toBeVisible();
  await expect(errors).toContainText(/line \d+/);
  await expect(errors).toContainText('Pod default/bad');
  await expect(box).toHaveValue(broken);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue('kans-lab');
  await expect(lab.node('k8s-w1')).toBeVisible();
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => lab.step()).toBe(1);
  expect(lab.errors).toEqual([]);
});

test('turning ip-masq-agent off re-traces the same flow at the same hop, now masqueraded', async ({ lab, page }) => {
  await lab.open(`${CROSS_NODE}&step=10`);
  await expect.poll(() => lab.step()).toBe(10);
  const masq = page.locator('[data-setting="enable-ip-masq-agent"]');
  await expect(masq).toHaveAttribute('aria-checked', 'true');
  await masq.click();
  await expect(masq).toHaveAttribute('aria-checked', 'false');
  await expect(page).toHaveURL(/set=enable-ip-masq-agent:false/);
  expect(await lab.step()).toBe(10);
  await lab.stepUntil('snat');
  await expect(page.locator('.caption-text')).toContainText('192.168.10.10');
  await page.reload();
  await expect(page.locator('[data-setting="enable-ip-masq-agent"]')).toHaveAttribute('aria-checked', 'false');
  expect(lab.errors).toEqual([]);
});

test('an unknown destination says what went wrong and which names would work', async ({ lab, page }) => {
  await lab.open(CROSS_NODE);
  await page.getByLabel('To', { exact: true }).fill('nosuchpod');
  await page.getByRole('button', { name: 'Trace' }).click();
  const caption = page.locator('.caption.is-error');
  await expect(caption).toContainText('cannot be traced');
  // The engine's FlowError crosses the worker as a message id and is rendered here, in the page's language.
  await expect(caption).toContainText('unknown destination "nosuchpod"');
  await expect(caption).toContainText('webpod1');
  await expect(page.getByRole('button', { name: 'Play' })).toBeDisabled();
  await page.getByRole('button', { name: 'curl the Service' }).click();
  await expect(page.locator('.caption.is-error')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Play' })).toBeEnabled();
});

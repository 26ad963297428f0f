/**
 * Stepping is a cursor move over a recorded trace (DESIGN §8 "Replay"): the
 * page replays the map operations itself, so the arrow keys send the engine
 * worker nothing, on the services tab with a cilium view open and the Hubble
 * view showing. The page's messages to the worker are counted by wrapping
 * Worker.prototype.postMessage from the test; the product has no test hooks.
 */
import { expect, test } from './fixtures.ts';

const SERVICE = '?scenario=kans-lab&from=netpod&to=svc&proto=tcp&port=80';

declare global {
  interface Window {
    __worker: { sent: string[]; answered: number };
  }
}

test.beforeEach(async ({ page }) => {
  await page.addInitScript(() => {
    window.__worker = { sent: [], answered: 0 };
    const post = Worker.prototype.postMessage;
    const counted = new WeakSet<Worker>();
    Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: never[]) {
      if (!counted.has(this)) {
        counted.add(this);
        this.addEventListener('message', (ev: MessageEvent) => {
          if (ev.data && typeof ev.data === 'object' && 'requestId' in ev.data) window.__worker.answered++;
        });
      }
      window.__worker.sent.push((message as { type?: string }).type ?? '?');
      return post.call(this, message, ...rest);
    } as typeof Worker.prototype.postMessage;
  });
});

test('stepping through the hops with the arrow keys sends the worker no request', async ({ lab, page }) => {
  await lab.open(SERVICE);
  const worker = () => page.evaluate(() => ({ sent: [...window.__worker.sent], answered: window.__worker.answered }));
  await page.getByRole('tab', { name: 'Hubble' }).click();
  await page.getByRole('tab', { name: 'services' }).click();
  await page.locator('.cli-block summary', { hasText: 'service list' }).click();
  await expect(page.locator('.cli-block[open] pre')).toContainText('ClusterIP');
  // Everything asked so far is answered: what is counted from here is what stepping sends.
  await expect.poll(async () => {
    const w = await worker();
    return w.sent.length === w.answered;
  }).toBe(true);
  const before = (await worker()).sent;
  expect(before).toContain('tables');

  const start = await lab.step();
  let lit = 0;
  for (let i = 1; i <= 12; i++) {
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => lab.step()).toBe(start + i);
    lit += await page.locator('.map-body .map-row[aria-current="true"]').count();
  }
  await page.keyboard.press('ArrowLeft');
  await expect.poll(() => lab.step()).toBe(start + 11);
  // The panel followed the hops and lit the rows they touched, from replayed tables;
  // Hubble's lines came with the trace's first answer and follow the cursor.
  expect(lit).toBeGreaterThan(0);
  await expect(page.getByTestId('hubble-output')).toContainText('netpod');
  // Effects of the last render have run: wait two frames, then count.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  expect((await worker()).sent).toEqual(before);
  expect(lab.errors).toEqual([]);
});

test('the terminal sends a typed request once per command, and its output follows the player', async ({ lab, page }) => {
  await lab.open(SERVICE);
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const input = page.getByLabel('Command');
  const out = page.getByTestId('terminal-output');
  // At the first hop (connect(), before any packet) no conntrack entry exists on k8s-s (c0) yet.
  await input.fill('c0 map get cilium_ct4_global');
  await input.press('Enter');
  await expect(out).toContainText('Cache is empty');
  const sent = () => page.evaluate(() => [...window.__worker.sent]);
  const cilium = (await sent()).filter((t) => t === 'cilium').length;
  expect(cilium).toBe(1);
  // bpf_lxc's ct_create4 writes the OUT entry to the backend: the output changes without asking again.
  await input.evaluate((el) => el.blur());
  await page.keyboard.press('End');
  await expect(out).toContainText('172.16.2.253:80');
  await expect(out).not.toContainText('Cache is empty');
  await input.fill('hubble observe --pod netpod | grep to-endpoint');
  await input.press('Enter');
  await expect(out).toContainText('to-endpoint');
  await expect(out).not.toContainText('to-network');
  const types = await sent();
  expect(types.filter((t) => t === 'cilium').length).toBe(1);
  expect(types.filter((t) => t === 'hubble').length).toBe(1);
  expect(lab.errors).toEqual([]);
});

test("the write-up's node and pod commands: one typed exec request, output at the player's step", async ({ lab, page }) => {
  await lab.open(SERVICE);
  await page.getByRole('tab', { name: 'Terminal' }).click();
  const input = page.getByLabel('Command');
  const out = page.getByTestId('terminal-output');
  await input.fill('kubectl exec -it netpod -- ip -c neigh');
  await input.press('Enter');
  // At the last hop the pod has resolved its gateway (the cilium_host IP) to its lxc's MAC.
  await input.evaluate((el) => el.blur());
  await page.keyboard.press('End');
  await expect(out).toContainText('172.16.0.189 dev eth0 lladdr 3e:6a:d8:a6:93:05 REACHABLE');
  // Before the first hop it has asked nobody.
  await page.keyboard.press('Home');
  await expect(out).not.toContainText('lladdr');
  await input.fill('ssh k8s-s bpftool net show | grep lxce880e1eecb7a');
  await input.press('Enter');
  await expect(out).toContainText('lxce880e1eecb7a(10) tcx/ingress cil_from_container');
  const types = await page.evaluate(() => [...window.__worker.sent]);
  expect(types.filter((t) => t === 'exec').length).toBe(2);
  expect(lab.errors).toEqual([]);
});

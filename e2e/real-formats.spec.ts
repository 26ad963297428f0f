/**
 * Real formats in the page (issue #9 points 4-6): a sysdump-shaped zip loads
 * as the scenario and shows its report and the agents' differences; a file
 * of `hubble observe -o jsonpb` lines lists its flows, and choosing one shows
 * where the real flow and the model agree and differ, marking the node where
 * Hubble saw it. The zip is a chosen file like any other: the worker unzips
 * it behind the same progress bar. A truncated zip leaves the current scenario.
 */
import { expect, test } from './fixtures.ts';
import { hubbleObserve, traceFlow } from '../src/engine/index.ts';
import { scenarioDatapath, sysdumpZip, TS } from '../test/sysdump/make-sysdump.ts';

const ZIP = `cilium-sysdump-${TS}.zip`;

function jsonpbLines(): string[] {
  const dp = scenarioDatapath('kans-lab');
  return hubbleObserve(dp, traceFlow(dp, { from: 'netpod', to: 'webpod1', proto: 'icmp' }), { output: 'json' }).trim().split('\n');
}

function zip(): Buffer {
  const bytes = sysdumpZip('kans-lab', {
    bugtool: (node, table, text) => (node === 'k8s-w1' && table === 'ipcache' ? text.replace(/identity=\d+/, 'identity=99999') : text),
    extra: { [`hubble-flows-cilium-hvqzt-${TS}.json`]: `${jsonpbLines().join('\n')}\nlevel=warning msg="not a flow"\n` },
  });
  return Buffer.from(bytes);
}

test('a sysdump zip loads, reports what it held and the differences, and replays its Hubble flows', async ({ lab, page }) => {
  await lab.open('');
  await page.getByRole('button', { name: 'Open…' }).click();
  const bytes = zip();
  await page.getByLabel('Choose a YAML or JSON file, or a cilium-sysdump zip').setInputFiles({ name: ZIP, mimeType: 'application/zip', buffer: bytes });
  // Its name and size, as any chosen file: the page does not open it, the worker does.
  await expect(page.getByTestId('chosen-file')).toContainText(ZIP);
  await page.evaluate(() => {
    const w = window as unknown as { bars: string[] };
    w.bars = [];
    new MutationObserver(() => {
      const label = document.querySelector('[role="progressbar"]')?.getAttribute('aria-label');
      if (label && w.bars[w.bars.length - 1] !== label) w.bars.push(label);
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  const panel = page.getByTestId('reality-panel');
  await expect(panel).toBeVisible();
  const report = page.getByTestId('sysdump-report');
  await expect(report).toContainText(`k8s-nodes-${TS}.yaml Node: 3`);
  await expect(report).toContainText('k8s-networkpolicies-<ts>.yaml (NetworkPolicy)');
  await expect(report).toContainText(/ipcache: \S+ has identity 99999 in the cluster but \d+ in the model/);
  await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue(`cilium-sysdump-${TS}`);
  const bars = await page.evaluate(() => (window as unknown as { bars: string[] }).bars);
  expect(bars.length).toBeGreaterThan(0);
  expect(bars.every((b) => /^Loading progress: (Reading the file|Parsing|Checking the objects|Deriving the datapath)$/.test(b))).toBe(true);
  const flows = page.getByTestId('hubble-flows');
  const n = jsonpbLines().length;
  await expect(flows.locator('tbody tr')).toHaveCount(n);
  await expect(panel.locator('.reality-issues')).toContainText(`line ${n + 1}: not JSON`);
  await page.getByRole('button', { name: 'Replay the flow on line 1', exact: true }).click();
  const result = page.getByTestId('replay-result');
  await expect(result).toContainText('same node: k8s-s');
  await expect(result.locator('li.differ')).toHaveCount(0);
  await expect(page.locator('.node.is-observed')).toHaveAttribute('data-node', 'k8s-s');
  await expect(lab.packet).toHaveAttribute('data-step', /\d+/);
  await page.screenshot({ path: 'test-results/real-formats-sysdump-1280.png' });
  expect(lab.errors).toEqual([]);
});

test('a Hubble drop the model does not predict is shown as a difference', async ({ lab, page }) => {
  await lab.open('');
  const [first = '', ...rest] = jsonpbLines();
  const o = JSON.parse(first) as { flow: Record<string, unknown> };
  const dropped = JSON.stringify({ ...o, flow: { ...o.flow, verdict: 'DROPPED', drop_reason_desc: 'POLICY_DENIED' } });
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByTestId('hubble-file').setInputFiles({ name: 'flows.json', mimeType: 'application/json', buffer: Buffer.from([dropped, ...rest].join('\n')) });
  await expect(page.getByTestId('hubble-flows').locator('tbody tr').first()).toContainText('DROPPED');
  await page.getByRole('button', { name: 'Replay the flow on line 1', exact: true }).click();
  await expect(page.getByTestId('replay-result').locator('li.differ')).toContainText('Hubble saw a drop (POLICY_DENIED) on k8s-s that the model does not predict');
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.screenshot({ path: 'test-results/real-formats-replay-1920.png' });
  // Presenter mode (#5): the panel's text grows with the page's.
  await page.getByRole('button', { name: 'Presenter' }).click();
  await expect(page.getByTestId('replay-result')).toBeVisible();
  await page.screenshot({ path: 'test-results/real-formats-replay-1920-presenter.png' });
  expect(lab.errors).toEqual([]);
});

test('a truncated zip is one located message and the current scenario stays', async ({ lab, page }) => {
  await lab.open('');
  const whole = zip();
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByLabel('Choose a YAML or JSON file, or a cilium-sysdump zip').setInputFiles({ name: 'cut.zip', mimeType: 'application/zip', buffer: whole.subarray(0, 3000) });
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(page.locator('.load-errors')).toContainText(/cut\.zip: not a readable zip \(.+\); is the file complete\?/);
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue('kans-lab');
  expect(lab.errors).toEqual([]);
});

/**
 * Issue #9.1 and #9.6 in the browser: a chosen file is loaded by the worker
 * with a progress bar (phase, bytes, objects) and Cancel; Cancel leaves the
 * scenario that was loaded before; a JSON file (kubectl get -o json) loads
 * through the file input; pasted text stops at 1 MB. A modest generated
 * cluster (40 nodes); the 1,000-node one is the bench's.
 */
import type { Page } from '@playwright/test';
import { generateCluster } from '../bench/generate.ts';
import { readFastYaml, UNSUPPORTED } from '../src/scenario/yaml-fast.ts';
import { splitYamlDocuments } from '../src/scenario/yaml-split.ts';
import { expect, test } from './fixtures.ts';

const CLUSTER = generateCluster({ nodes: 40, pods: 3000, services: 40, seed: 7 });

/** The generated objects as `kubectl get -o json` prints them: one List. */
function asJson(yaml: string): string {
  const items = (splitYamlDocuments(yaml) ?? []).map((c) => readFastYaml(c.text)).filter((o) => o !== UNSUPPORTED);
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 2);
}

/** Records every state of the progress bar the page shows (a load may be quicker than a poll). */
async function watchProgress(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { seen: { now: string | null; label: string | null; at: number }[] };
    w.seen = [];
    new MutationObserver(() => {
      const bar = document.querySelector('[role="progressbar"]');
      const last = w.seen[w.seen.length - 1];
      const now = bar?.getAttribute('aria-valuenow') ?? null;
      if (bar && (last?.now !== now || last?.label !== bar.getAttribute('aria-label'))) {
        w.seen.push({ now, label: bar.getAttribute('aria-label'), at: performance.now() });
      }
    }).observe(document.body, { subtree: true, childList: true, attributes: true });
  });
}

const seenProgress = (page: Page) => page.evaluate(() => (window as unknown as { seen: { now: string | null; label: string | null }[] }).seen);

test('a JSON file loads through the file input: its name and size shown, a progress bar while it loads', async ({ lab, page }) => {
  await lab.open('?scenario=kans-lab');
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog');
  const json = asJson(CLUSTER.yaml);
  await dialog.getByLabel('Choose a YAML or JSON file').setInputFiles({ name: 'cluster-40.json', mimeType: 'application/json', buffer: Buffer.from(json) });
  await expect(dialog.getByTestId('chosen-file')).toContainText(`cluster-40.json, ${(json.length / 1e6).toFixed(1)} MB`);
  // The file's text never comes into the page: no textarea while a file is chosen.
  await expect(dialog.getByRole('textbox')).toHaveCount(0);
  await watchProgress(page);
  await dialog.getByRole('button', { name: 'Load' }).click();
  await expect(dialog).toBeHidden({ timeout: 20_000 });
  await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue('cluster-40');
  await expect(lab.packet).toHaveAttribute('data-step', /\d+/);
  const seen = await seenProgress(page);
  expect(seen.length).toBeGreaterThan(0);
  expect(seen.every((s) => /^Loading progress: (Reading the file|Parsing|Checking the objects|Deriving the datapath)$/.test(s.label ?? ''))).toBe(true);
  expect(lab.errors).toEqual([]);
});

test('Cancel during a load leaves the previous scenario, its flow and step', async ({ lab, page }) => {
  await lab.open('?scenario=kans-lab&from=netpod&to=webpod1&proto=icmp&step=3');
  const step = await lab.step();
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog');
  // A tag on every document sends each to the yaml package (not the fast reader): a load long enough to cancel.
  const slow = CLUSTER.yaml.replaceAll('\n---\n', '\n--- !!map\n');
  await dialog.getByLabel('Choose a YAML or JSON file').setInputFiles({ name: 'slow.yaml', mimeType: 'text/yaml', buffer: Buffer.from(slow) });
  await watchProgress(page);
  await dialog.getByRole('button', { name: 'Load' }).click();
  const bar = dialog.getByRole('progressbar');
  await expect(bar).toHaveAttribute('aria-label', 'Loading progress: Parsing');
  // The bar moves while the worker parses (reported every 100 ms).
  await expect.poll(async () => new Set((await seenProgress(page)).map((s) => s.now)).size, { timeout: 15_000 }).toBeGreaterThan(2);
  await dialog.locator('.load-progress').getByRole('button', { name: 'Cancel' }).click();
  await expect(bar).toBeHidden();
  await expect(dialog.locator('.load-errors')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Cancelled.' })).toBeVisible();
  await expect(page.getByLabel('Scenario', { exact: true })).toHaveValue('kans-lab');
  await expect(lab.node('k8s-w1')).toBeVisible();
  await expect.poll(() => lab.step()).toBe(step);
  await lab.stepUntil('wire');
  expect(lab.errors).toEqual([]);
});

test('pasted text stops at 1 MB: the box keeps what it had and says to choose a file', async ({ lab, page }) => {
  await lab.open('?scenario=kans-lab');
  await page.getByRole('button', { name: 'Open…' }).click();
  const dialog = page.getByRole('dialog');
  const box = dialog.getByRole('textbox');
  await box.fill('kind: Node\n');
  await box.fill(`# ${'x'.repeat(1024 * 1024)}`);
  await expect(dialog.getByRole('status')).toContainText('Pasted text is limited to 1 MB');
  await expect(box).toHaveValue('kind: Node\n');
});

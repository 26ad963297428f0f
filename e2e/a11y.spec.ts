/**
 * axe-core on the main views, in both themes and in presenter mode: no
 * violations (WCAG 2.1 A/AA rules and axe's best practices that apply to a
 * single-page app). Each view is checked at a hop where the current-hop
 * highlights (hop row, lit map rows, request chip) are on screen, since
 * those are where contrast failed.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { Lab, expect, test } from './fixtures.ts';

const FLOW = '?scenario=kans-lab&from=netpod&to=webpod1&proto=tcp&port=80&step=3';
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];

async function violations(page: Page, include?: string): Promise<string[]> {
  let b = new AxeBuilder({ page }).withTags(TAGS);
  if (include) b = b.include(include);
  const r = await b.analyze();
  return r.violations.flatMap((v) => v.nodes.map((n) => `${v.id}: ${n.target.join(' ')} — ${n.failureSummary?.split('\n')[1]?.trim() ?? ''}`));
}

for (const theme of ['dark', 'light'] as const) {
  for (const presenter of [false, true]) {
    const mode = `${theme}${presenter ? ', presenter' : ''}`;
    const q = `&theme=${theme}${presenter ? '&presenter=1' : ''}`;

    test(`single flow, hop list (${mode})`, async ({ lab, page }) => {
      await lab.open(FLOW + q);
      expect(await violations(page)).toEqual([]);
      // A map's cilium CLI output, opened (it scrolls sideways).
      const cli = page.locator('.cli-block summary').first();
      if (await cli.isVisible()) {
        await cli.click();
        await expect(page.locator('.cli-block pre').first()).not.toBeEmpty();
        expect(await violations(page)).toEqual([]);
      }
      expect(lab.errors).toEqual([]);
    });

    test(`each view tab: Hubble, tcpdump, strace, terminal (${mode})`, async ({ lab, page }) => {
      test.setTimeout(90_000); // four axe runs
      await lab.open(FLOW + q);
      for (const tab of ['Hubble', 'tcpdump', 'strace', 'Terminal']) {
        // Presenter mode may fold the views pane: what is on screen is checked.
        const t = page.getByRole('tab', { name: new RegExp(tab, 'i') });
        if (!(await t.isVisible())) continue;
        await t.click();
        if (tab === 'Terminal') {
          const input = page.getByRole('textbox', { name: /command/i });
          await input.fill('help');
          await input.press('Enter');
          await expect(page.locator('.views-pane')).toContainText('hubble observe');
        }
        expect(await violations(page), tab).toEqual([]);
      }
    });

    test(`compare view (${mode})`, async ({ lab, page }) => {
      await lab.open(`${FLOW}&compare=tunnel-vxlan${q}`);
      expect(await violations(page)).toEqual([]);
    });

    test(`legend open (${mode})`, async ({ page }) => {
      const lab = new Lab(page, { firstVisit: true });
      await lab.open(FLOW + q);
      // The first-visit hint is on screen too.
      await expect(page.getByTestId('key-hint')).toBeVisible();
      expect(await violations(page)).toEqual([]);
      await page.keyboard.press('?');
      await expect(page.getByTestId('legend')).toBeVisible();
      expect(await violations(page)).toEqual([]);
    });
  }
}

/**
 * Export: the drawing at the current hop as SVG and PNG. The SVG parses,
 * stands alone (drawn in an <img> of an empty page: no stylesheet), names the
 * hop in its file name and holds the hop's labels (the callout's lines); the PNG is twice the
 * drawing's size. Screenshots of both results for a look.
 */
import { readFileSync } from 'node:fs';
import type { Download, Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';

const FLOW = '?scenario=kans-lab&from=netpod&to=webpod1&proto=icmp';

async function download(page: Page, id: string): Promise<{ d: Download; bytes: Buffer }> {
  const [d] = await Promise.all([page.waitForEvent('download'), page.getByTestId(id).click()]);
  const path = await d.path();
  return { d, bytes: readFileSync(path) };
}

for (const presenter of [false, true]) {
  test(`the drawing exports as SVG and PNG at the current hop${presenter ? ' (presenter mode)' : ''}`, async ({ lab, page, browser }, info) => {
    // Presenter mode in the dark theme, the other in light: both themes' colours go into the file.
    await lab.open(FLOW + (presenter ? '&presenter=1&theme=dark' : '&theme=light'));
    await lab.stepUntil('wire');
    const step = await lab.step();
    // The marker's words are in the drawing's fixed callout (not on the marker): the file carries the hop's lines.
    const callout = page.getByTestId('packet-callout');
    const label = (await callout.locator('.packet-label').textContent()) ?? '';
    const sublabel = (await callout.locator('.packet-sublabel').textContent()) ?? '';
    expect(label).not.toBe('');
    expect(sublabel).not.toBe('');

    const svg = await download(page, 'export-svg');
    expect(svg.d.suggestedFilename()).toMatch(new RegExp(`^flowlab_kans-lab_netpod-to-webpod1-icmp_hop-0?${step + 1}-of-\\d+_wire\\.svg$`));
    const text = svg.bytes.toString('utf8');
    const parsed = await page.evaluate((t) => {
      const doc = new DOMParser().parseFromString(t, 'image/svg+xml');
      const root = doc.documentElement;
      return {
        error: doc.querySelector('parsererror')?.textContent ?? null,
        root: root.localName,
        width: Number(root.getAttribute('width')),
        height: Number(root.getAttribute('height')),
        texts: Array.from(doc.querySelectorAll('text')).map((x) => x.textContent ?? ''),
        marker: doc.querySelector('[data-testid="packet"]')?.getAttribute('transform'),
        // Standalone: the look is in attributes, not in the page's classes.
        styledText: doc.querySelector('.node-name')?.getAttribute('font-size'),
        fill: doc.querySelector('.node-box')?.getAttribute('fill'),
      };
    }, text);
    expect(parsed.error).toBeNull();
    expect(parsed.root).toBe('svg');
    expect(parsed.texts).toContain(label);
    expect(parsed.texts).toContain(sublabel);
    // Taken right after the step: the file waits for the marker to reach the hop instead of catching it mid-glide.
    await page.waitForTimeout(1500);
    expect(parsed.marker).toBe(await lab.packet.getAttribute('transform'));
    expect(parsed.texts).toEqual(expect.arrayContaining(['k8s-s', 'k8s-w1']));
    expect(parsed.styledText).toMatch(/px$/);
    expect(parsed.fill).toMatch(/^rgb/);
    expect(text).not.toContain('style=');

    const png = await download(page, 'export-png');
    expect(png.d.suggestedFilename()).toMatch(/_wire\.png$/);
    expect(png.bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    expect(png.bytes.readUInt32BE(16)).toBe(parsed.width * 2);
    expect(png.bytes.readUInt32BE(20)).toBe(parsed.height * 2);
    expect(lab.errors).toEqual([]);

    // Both files as a slide would show them: in an otherwise empty page.
    const tag = presenter ? 'presenter' : 'normal';
    const blank = await browser.newPage({ viewport: { width: parsed.width, height: parsed.height * 2 + 20 } });
    await blank.setContent(
      `<body style="margin:0;background:#888">
        <img id="s" width="${parsed.width}" src="data:image/svg+xml;base64,${svg.bytes.toString('base64')}">
        <img id="p" width="${parsed.width}" src="data:image/png;base64,${png.bytes.toString('base64')}">
      </body>`,
    );
    await expect.poll(() => blank.evaluate(() => Array.from(document.images).every((i) => i.complete && i.naturalWidth > 0))).toBe(true);
    await blank.screenshot({ path: info.outputPath(`export-${tag}.png`) });
    await blank.close();
  });
}

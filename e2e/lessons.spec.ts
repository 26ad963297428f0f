/**
 * Every built-in lesson, stepped with the clicker's PageDown at 1280x720 in
 * presenter mode, in English and Korean: the URL follows the stop, the bar
 * shows the stop's caption, the marker stands on the hop the lesson's
 * selector finds (traced here with the same engine), and the evidence the
 * stop names is on screen inside the viewport. A compare stop (one shared
 * drawing for both sides in presenter mode) is measured the same way: its
 * drawing's type, both callouts clear of their places, side A's strace and
 * tcpdump claims on screen, and a drawing that stays put on the next row.
 * A screenshot of every stop goes to test-results/lessons/. Then the
 * printable handout.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkLesson } from '../src/lessons/check.ts';
import type { Lesson, LineClaim, Stop } from '../src/lessons/model.ts';
import { parseLesson } from '../src/lessons/parse.ts';
import { loadBuiltin } from '../test/engine/builtin.ts';
import type { Locator, Page } from '@playwright/test';
import { expect, test, type Lab } from './fixtures.ts';
import { labelOverlap, smallestTextPx } from './measure.ts';

const DIR = fileURLToPath(new URL('../public/lessons/', import.meta.url));
const SHOTS = fileURLToPath(new URL('../test-results/lessons/', import.meta.url));
mkdirSync(SHOTS, { recursive: true });

const lessons: { lesson: Lesson; steps: number[]; kinds: string[] }[] = readdirSync(DIR)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => {
    const r = parseLesson(readFileSync(`${DIR}${f}`, 'utf8'), f.slice(0, -5));
    if (!r.ok) throw new Error(`${f} does not parse`);
    const checks = checkLesson(r.lesson, (s, set) => loadBuiltin(s, set));
    return { lesson: r.lesson, steps: checks.map((c) => c.step ?? -1), kinds: checks.map((c) => c.hop?.kind ?? '') };
  })
  .sort((a, b) => a.lesson.order - b.lesson.order);

/** True when `text` inside `el` is rendered within el's visible (scrolled) box and the window. */
function textOnScreen(el: Element, text: string): boolean {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const at = n.textContent?.indexOf(text) ?? -1;
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(n, at);
    range.setEnd(n, at + text.length);
    const r = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return r.top >= box.top - 1 && r.bottom <= box.bottom + 1 && r.bottom <= window.innerHeight && r.right <= window.innerWidth;
  }
  return false;
}

async function checkStop(lab: Lab, lesson: Lesson, k: number, step: number, kind: string, lang: 'en' | 'ko') {
  const { page } = lab;
  const stop = lesson.stops[k] as Stop;
  await expect(page).toHaveURL(new RegExp(`[?&]lesson=${lesson.id}&stop=${k + 1}(&|$)`));
  await expect(page.getByTestId('lesson-stop')).toHaveText(lang === 'en' ? `Stop ${k + 1} of ${lesson.stops.length}` : `${lesson.stops.length}단계 중 ${k + 1}단계`);
  await expect(page.getByTestId('lesson-caption')).toHaveText(stop.caption[lang]);
  await expect(page.getByTestId('lesson-caption')).toBeInViewport();
  // The whole caption shows in the bar's fixed height: nothing to scroll.
  expect(await page.getByTestId('lesson-caption').evaluate((el) => el.scrollHeight <= el.clientHeight + 1), `${lesson.id} stop ${k + 1}: caption fits`).toBe(true);
  if (stop.compare) {
    // Side A's marker on the lesson's hop, side B traced beside it, both on the one shared drawing.
    await expect(lab.sidePacket('a')).toHaveAttribute('data-step', String(step));
    await expect(lab.sidePacket('a')).toHaveAttribute('data-kind', kind);
    await expect(lab.sidePacket('b')).toHaveAttribute('data-step', /\d+/);
    await expect(page).toHaveURL(new RegExp(`[?&]compare=${stop.compare}(&|$)`));
    await expect(page.locator('.topology-svg')).toHaveCount(1);
    // The claims are side A's (the lesson's hop is side A's): in side A's strace | tcpdump strip.
    await checkLines(page.getByTestId('compare-evidence-a'), stop, `${lesson.id} stop ${k + 1}`);
    await checkDrawing(page, `${lesson.id} stop ${k + 1}`);
    return;
  }
  await expect(lab.packet).toHaveAttribute('data-step', String(step));
  await expect(lab.packet).toHaveAttribute('data-kind', kind);
  await expect(page).toHaveURL(new RegExp(`[?&]step=${step}(&|$)`));
  // Each named map's rows are in the hop's evidence (decoded, beside the raw text) inside the viewport, the key's
  // row too; the map panel lights the same rows.
  const tables = (stop.evidence.maps?.names ?? []).filter((m) => !['fib', 'neigh', 'iptables', 'nf_conntrack'].includes(m));
  for (const [i, map] of tables.entries()) {
    const rows = page.locator(`[data-testid="evidence-row"][data-map="${map}"]`);
    await expect(rows.first(), `${lesson.id} stop ${k + 1}: a row of ${map} in the evidence`).toBeInViewport();
    // The full table below the rows keeps what room is left: its lit row is there to scroll to (P).
    if (i === 0) await expect(page.locator(`.map-row[data-map="${map}"][aria-current="true"]`).first(), `${lesson.id} stop ${k + 1}: ${map} lit`).toBeAttached();
  }
  const key = stop.evidence.maps?.key;
  if (key && tables.length) {
    const named = page.locator(tables.map((m) => `[data-testid="evidence-row"][data-map="${m}"]`).join(', ')).filter({ hasText: key });
    await expect(named.first(), `${lesson.id} stop ${k + 1}: the row of ${key}`).toBeInViewport();
  }
  await checkLines(page, stop, `${lesson.id} stop ${k + 1}`);
  if (stop.evidence.terminal) await expect(page.getByTestId('terminal-output'), `${lesson.id} stop ${k + 1}: terminal`).toBeInViewport();
  await checkDrawing(page, `${lesson.id} stop ${k + 1}`);
}

/** The stop's strace, tcpdump and Hubble claims inside `scope` (the page, or one side of a compare), on screen. */
async function checkLines(scope: Page | Locator, stop: Stop, name: string) {
  const claims: [string, LineClaim | undefined][] = [
    ['evidence-strace', stop.evidence.strace],
    ['evidence-tcpdump', stop.evidence.tcpdump],
    ['hubble-output', stop.evidence.hubble],
  ];
  for (const [id, claim] of claims) {
    if (!claim) continue;
    const out = scope.getByTestId(id);
    await expect(out, `${name}: ${id}`).toBeInViewport();
    if (claim.shows) {
      await expect(out).toContainText(claim.shows);
      // The line itself is on screen, not only its box: inside the output's visible part and the viewport.
      await expect.poll(() => out.evaluate(textOnScreen, claim.shows ?? ''), `${name}: "${claim.shows}" on screen`).toBe(true);
    }
    if (id === 'evidence-tcpdump' && claim.lacks) await expect(out).not.toContainText(claim.lacks);
  }
}

/** Issue #7 point 11: what the back of the room reads in the drawing, the markers' words clear of their places' labels. */
async function checkDrawing(page: Page, name: string) {
  const text = await smallestTextPx(page, '.topology-svg');
  expect(text.px, `${name}: "${text.text}"`).toBeGreaterThanOrEqual(16);
  const names = await smallestTextPx(page, '.topology-svg .node-name, .topology-svg .pod-name');
  expect(names.px, `${name}: "${names.text}"`).toBeGreaterThanOrEqual(18);
  expect(await labelOverlap(page), `${name}: callout on the place's label`).toBe(0);
}

/** The drawing's box on screen (not its viewBox, which is the flow's): the same at every stop and every hop. */
const paneBox = (lab: Lab) => lab.page.locator('.topology-pane').boundingBox();

/** The player's cursor from the scrubber: a hop, or in the compare view the aligned row (two markers, one cursor). */
const cursor = async (lab: Lab) => Number(await lab.page.locator('input.scrubber').inputValue());

for (const lang of ['en', 'ko'] as const) {
  for (const { lesson, steps, kinds } of lessons) {
    test(`lesson ${lesson.id} (${lang}): PageDown walks every stop with its proof on screen`, async ({ lab, page }) => {
      test.setTimeout(90_000);
      await page.goto(`./?lesson=${lesson.id}&stop=1&presenter=1&lang=${lang}`);
      let box: Awaited<ReturnType<typeof paneBox>> | undefined;
      for (let k = 0; k < lesson.stops.length; k++) {
        if (k > 0) await page.keyboard.press('PageDown');
        await checkStop(lab, lesson, k, steps[k] ?? -1, kinds[k] ?? '', lang);
        // Let the marker land before the picture.
        await page.waitForTimeout(700);
        await page.screenshot({ path: `${SHOTS}${lang}-${lesson.id}-${k + 1}.png` });
        // The drawing stays where it is: between the lesson's stops and on the next hop (a compare's shared
        // drawing is its own, so it is checked against itself on the next row).
        const compare = lesson.stops[k]?.compare !== undefined;
        const here = compare ? await paneBox(lab) : (box ??= await paneBox(lab));
        expect(await paneBox(lab), `${lesson.id} stop ${k + 1}`).toEqual(here);
        const at = await cursor(lab);
        if (at === Number(await page.locator('input.scrubber').getAttribute('max'))) continue;
        await page.keyboard.press('ArrowRight');
        await expect.poll(() => cursor(lab)).toBe(at + 1);
        expect(await paneBox(lab), `${lesson.id} stop ${k + 1}, next hop`).toEqual(here);
        if (compare) {
          // The next row's drawing is measured too: its type, and both callouts still clear of their places.
          await page.waitForTimeout(700);
          await checkDrawing(page, `${lesson.id} stop ${k + 1}, next row`);
        }
      }
      if (lesson.stops.length > 1) {
        // PageUp and N: back one stop, forward again.
        const n = lesson.stops.length;
        await page.keyboard.press('PageUp');
        await checkStop(lab, lesson, n - 2, steps[n - 2] ?? -1, kinds[n - 2] ?? '', lang);
        await page.keyboard.press('n');
        await checkStop(lab, lesson, n - 1, steps[n - 1] ?? -1, kinds[n - 1] ?? '', lang);
      }
      expect(lab.errors).toEqual([]);
    });
  }
}

test('the lesson menu lists every lesson with its length and opens the first stop', async ({ lab, page }) => {
  await lab.open('?presenter=1');
  const menu = page.getByTestId('lesson-menu');
  await expect(menu.locator('option')).toHaveCount(lessons.length + 1);
  const first = lessons[0];
  if (!first) throw new Error('no lessons');
  await expect(menu.locator('option').nth(1)).toHaveText(`${first.lesson.title.en} · ${first.lesson.stops.length} stops`);
  await menu.selectOption(first.lesson.id);
  await checkStop(lab, first.lesson, 0, first.steps[0] ?? -1, first.kinds[0] ?? '', 'en');
  // Outside a lesson PageDown steps hops again.
  await page.getByRole('button', { name: 'Leave the lesson' }).click();
  await expect(page.getByTestId('lesson-bar')).toHaveCount(0);
  const before = await lab.step();
  await page.keyboard.press('PageDown');
  await expect.poll(() => lab.step()).toBe(before + 1);
});

test('the handout prints every stop of a lesson: drawing, caption, hop and evidence', async ({ lab, page }) => {
  test.setTimeout(60_000);
  const { lesson } = lessons.find((l) => l.lesson.id === 'socket-lb') ?? { lesson: undefined };
  if (!lesson) throw new Error('no socket-lb lesson');
  await page.addInitScript(() => {
    (window as unknown as { printed: number }).printed = 0;
    window.print = () => {
      (window as unknown as { printed: number }).printed++;
    };
  });
  await page.goto(`./?lesson=${lesson.id}&handout=1`);
  const pages = page.getByTestId('handout-page');
  await expect(pages).toHaveCount(lesson.stops.length, { timeout: 30_000 });
  for (let k = 0; k < lesson.stops.length; k++) {
    const p = pages.nth(k);
    await expect(p.locator('.handout-caption')).toHaveText(lesson.stops[k]?.caption.en ?? '');
    await expect(p.locator('svg.topology-svg')).toHaveCount(1);
    await expect(p.locator('.handout-hop')).not.toBeEmpty();
    await expect(p.locator('.handout-evidence pre').first()).not.toHaveText('–');
  }
  await expect(pages.nth(2).locator('.handout-evidence')).toContainText('172.16.0.79.46731 > 172.16.2.253.80: Flags [S]');
  await expect.poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed)).toBe(1);
  // Printed: only the handout, one stop per page.
  await page.emulateMedia({ media: 'print' });
  await expect(page.locator('.app')).toBeHidden();
  expect(await pages.first().evaluate((el) => getComputedStyle(el).breakAfter)).toBe('page');
  await page.pdf({ path: `${SHOTS}handout-${lesson.id}.pdf`, format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: `${SHOTS}handout-${lesson.id}.png`, fullPage: false });
  expect(lab.errors).toEqual([]);
});

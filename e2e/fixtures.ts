/**
 * Page object for the lab (STYLE: tldraw's e2e fixtures): opens a view,
 * reads the player's state from the page, and collects console errors so
 * every test can assert there were none. Waits on state, never on time.
 */
import { test as base, expect, type Locator, type Page } from '@playwright/test';

export class Lab {
  readonly errors: string[] = [];
  /** `firstVisit`: keep the first-visit hint; otherwise it is dismissed, as for a returning visitor. */
  constructor(readonly page: Page, opts: { firstVisit?: boolean } = {}) {
    if (!opts.firstVisit) void page.addInitScript(() => localStorage.setItem('flowlab.hint.dismissed', '1'));
    page.on('console', (m) => {
      if (m.type() === 'error') this.errors.push(m.text());
    });
    page.on('pageerror', (e) => this.errors.push(e.message));
  }

  /**
   * Opens the page with a query string and waits for the view it asks for:
   * one traced marker, or with `compare=` both sides' markers traced. (The
   * page first draws side A alone, then the compare view with two markers,
   * so waiting on "the" marker in compare mode races the second trace.)
   */
  async open(query = ''): Promise<void> {
    await this.page.goto(`./${query}`);
    // A marker exists before its trace does; data-step appears with the first hop.
    if (new URLSearchParams(query).has('compare')) {
      await expect(this.page.getByTestId('compare-stage')).toBeVisible();
      await expect(this.sidePacket('a')).toHaveAttribute('data-step', /\d+/);
      await expect(this.sidePacket('b')).toHaveAttribute('data-step', /\d+/);
    } else {
      await expect(this.packet).toHaveAttribute('data-step', /\d+/);
    }
  }

  get topology(): Locator {
    return this.page.getByRole('group', { name: /Cluster topology|클러스터 토폴로지/ });
  }

  get packet(): Locator {
    return this.page.getByTestId('packet');
  }

  /** The marker of one side of the compare view. */
  sidePacket(side: 'a' | 'b'): Locator {
    return this.page.locator(`[data-side="${side}"]`).getByTestId('packet');
  }

  node(name: string): Locator {
    return this.page.locator(`[data-node="${name}"]`).first();
  }

  /** The player's cursor, as the marker reports it. */
  async step(): Promise<number> {
    return Number(await this.packet.getAttribute('data-step'));
  }

  async hopKind(): Promise<string | null> {
    return this.packet.getAttribute('data-kind');
  }

  /** Presses Right until the current hop is of `kind` (at most `max` presses). */
  async stepUntil(kind: string, max = 60): Promise<void> {
    for (let i = 0; i < max && (await this.hopKind()) !== kind; i++) {
      const before = await this.step();
      await this.page.keyboard.press('ArrowRight');
      await expect.poll(() => this.step()).toBe(before + 1);
    }
    expect(await this.hopKind()).toBe(kind);
  }

  /** Centre of an element's box in page pixels. */
  async centre(l: Locator): Promise<{ x: number; y: number }> {
    const b = await l.boundingBox();
    if (!b) throw new Error('not visible');
    return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
  }
}

export const test = base.extend<{ lab: Lab }>({
  lab: async ({ page }, use) => {
    await use(new Lab(page));
  },
});

export { expect };

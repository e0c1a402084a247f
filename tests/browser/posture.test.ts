// The posture over time, read back from what MapLibre and deck.gl draw: states tinted on the basemap (feature state
// on the countries source), contributor arcs (deck.gl picking), the summary row against counts made here from the
// fixture, legend switches and search (picking and the list), and Play under prefers-reduced-motion.
import { readFileSync } from 'node:fs';
import { describe, expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import type { EventCollection, EventFeature } from '../../src/model/index.ts';
import { appForSuite, openApp, openLegend, waitForDrawn } from './browser.ts';

const EVENTS = JSON.parse(readFileSync('tests/fixtures/fixture-events.geojson', 'utf8')) as EventCollection;
const DAY = 86_400_000;
const daysBetween = (a: string, b: string) => Math.round((Date.parse(b) - Date.parse(a)) / DAY);
const hosts = (f: EventFeature) => f.properties.place.countries?.length ? f.properties.place.countries : [f.properties.place.country!];
const heldAt = (f: EventFeature, iso: string) => f.properties.persists && f.properties.start <= iso && (f.properties.until === null || iso <= f.properties.until);

type Hook = Window['__flankline'] & {
  countryState(code: string): Record<string, number | undefined>;
  drawnArcs(): string[];
};

const url = inject('appUrl');
const suite = appForSuite(url);

const slider = (page: Page) => page.locator('[role="slider"]');

/** Moves the scrubber to `iso` with the keyboard: months while far, then days. */
async function goTo(page: Page, iso: string): Promise<void> {
  await slider(page).focus();
  for (let i = 0; i < 400; i++) {
    const now = (await slider(page).getAttribute('aria-valuetext'))!;
    const gap = daysBetween(now, iso);
    if (gap === 0) return;
    await page.keyboard.press(gap > 40 ? 'PageUp' : gap < -40 ? 'PageDown' : gap > 0 ? 'ArrowRight' : 'ArrowLeft');
  }
  throw new Error(`could not reach ${iso}`);
}

const stateOf = (page: Page, code: string) => page.evaluate((c) => (window.__flankline as Hook).countryState(c), code);

describe('states on the map', () => {
  const BATTLEGROUP_HOSTS = ['EE', 'LV', 'LT', 'PL'];

  test('the fixture holds battlegroups in Estonia, Latvia, Lithuania and Poland at 2018, none before 2017', () => {
    const deployments = EVENTS.features.filter((f) => f.properties.category === 'deployment');
    expect(new Set(deployments.filter((f) => heldAt(f, '2018-01-15')).flatMap(hosts))).toEqual(new Set(BATTLEGROUP_HOSTS));
    expect(deployments.filter((f) => f.properties.start < '2017-01-01')).toEqual([]);
    expect(EVENTS.features.some((f) => f.properties.start < '2017-01-01')).toBe(true);
  });

  test('before 2017 no battlegroup host is tinted; at 2018 all four are, easing in as the cursor passes', async () => {
    const page = suite.app.page;
    await goTo(page, '2016-12-31');
    for (const code of BATTLEGROUP_HOSTS) await expect.poll(async () => (await stateOf(page, code)).deployment ?? 0, { message: code, timeout: 20_000 }).toBe(0);
    // Record Poland's tint on every frame while the cursor jumps a month past its battlegroup's start (April 2017).
    await goTo(page, '2017-03-25');
    await page.evaluate(() => {
      const w = window as unknown as { __tints: number[] };
      w.__tints = [];
      const start = performance.now();
      const sample = () => {
        w.__tints.push((window.__flankline as Hook).countryState('PL').deployment ?? 0);
        if (performance.now() - start < 2500) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await page.keyboard.press('PageUp');
    await page.waitForTimeout(2700);
    const tints = await page.evaluate(() => (window as unknown as { __tints: number[] }).__tints);
    expect(tints.at(-1)).toBe(1);
    expect(tints.some((v) => v > 0 && v < 1)).toBe(true);
    await goTo(page, '2018-01-15');
    for (const code of BATTLEGROUP_HOSTS) await expect.poll(async () => (await stateOf(page, code)).deployment, { message: code, timeout: 20_000 }).toBe(1);
    expect((await stateOf(page, 'DE')).deployment ?? 0).toBe(0);
  });
});

describe('contributor arcs', () => {
  test('arcs from each contributor capital to an actor-bearing mission exist while it is active and not before', async () => {
    const page = suite.app.page;
    const mission = EVENTS.features.find((f) => f.properties.category === 'mission' && f.properties.actors.length > 0)!;
    const expected = [...new Set(mission.properties.actors)].sort().map((a) => `${mission.id}:${a}`);
    expect(expected.length).toBe(5);
    const missionArcs = async () => (await page.evaluate(() => (window.__flankline as Hook).drawnArcs())).filter((a) => a.startsWith(`${mission.id}:`));
    const dayBefore = new Date(Date.parse(mission.properties.start) - DAY).toISOString().slice(0, 10);
    await goTo(page, dayBefore);
    // Picking the whole viewport is slow in SwiftShader: give each poll time to answer.
    await expect.poll(missionArcs, { timeout: 30_000 }).toEqual([]);
    await goTo(page, '2025-09-20');
    await expect.poll(missionArcs, { timeout: 30_000 }).toEqual(expected);
  });
});

describe('the posture summary', () => {
  /** Each line as category:count, counted here from the fixture with the app's default 30-day window. */
  function expectedAt(iso: string, windowDays = 30): string[] {
    const out: string[] = [];
    const held = EVENTS.features.filter((f) => heldAt(f, iso));
    const deployments = held.filter((f) => f.properties.category === 'deployment');
    if (deployments.length) out.push(`deployment:${new Set(deployments.flatMap(hosts)).size}`);
    for (const m of held.filter((f) => f.properties.category === 'mission')) out.push(`mission:${new Set(m.properties.actors).size}`);
    const hq = held.filter((f) => f.properties.category === 'headquarters');
    if (hq.length) out.push(`headquarters:${hq.length}`);
    for (const c of ['incursion', 'incident', 'strike', 'advance']) {
      // An incident known only to its month or year is not recent before its interval is over (it may not have happened yet).
      const n = EVENTS.features.filter((f) => f.properties.category === c && f.properties.start <= iso
        && daysBetween(f.properties.end, iso) <= windowDays && (f.properties.precision === 'day' || f.properties.end <= iso)).length;
      if (n) out.push(`${c}:${n}`);
    }
    return out;
  }
  const shown = (page: Page) => page.locator('.posture-item').evaluateAll((items) =>
    items.map((b) => `${(b as HTMLElement).dataset.category}:${(b as HTMLElement).dataset.count}`));

  test('at several dates its lines match counts made from events.geojson', async () => {
    const page = suite.app.page;
    for (const iso of ['2018-01-15', '2022-03-10', '2025-09-20']) {
      await goTo(page, iso);
      await expect.poll(() => shown(page), { message: iso, timeout: 20_000 }).toEqual(expectedAt(iso));
    }
    expect(expectedAt('2025-09-20')).toEqual(expect.arrayContaining(['deployment:3', 'mission:5', 'headquarters:1']));
    expect(await page.locator('.posture-item').allTextContents()).toContain('Mission: Eastern Sentry (5 contributors)');
  });

  test('clicking a one-item line opens that item', async () => {
    const page = suite.app.page;
    // The full row or, where it does not fit beside the search box, its few-words form (summary-view.ts): whichever shows.
    await page.locator('.posture-summary button[data-category="mission"]:visible').click();
    const panel = page.locator('#panel');
    await panel.waitFor({ state: 'visible' });
    const mission = EVENTS.features.find((f) => f.properties.category === 'mission')!;
    expect(await panel.locator('.panel-title').textContent()).toBe(mission.properties.title);
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'hidden' });
  });
});

describe('legend switches and search', () => {
  test('switching a category off hides its markers (picked) and its list items; on again brings them back', async () => {
    const page = suite.app.page;
    await slider(page).focus();
    await page.keyboard.press('End');
    const all = EVENTS.features.map((f) => f.id).sort();
    expect(await waitForDrawn(page, all.length)).toEqual(all);
    const noDeployments = EVENTS.features.filter((f) => f.properties.category !== 'deployment').map((f) => f.id).sort();
    await openLegend(page);
    await page.locator('.legend-toggle[data-category="deployment"]').click();
    expect(await waitForDrawn(page, noDeployments.length)).toEqual(noDeployments);
    const listed = await page.locator('#list .list-item').evaluateAll((b) => b.map((x) => (x as HTMLElement).dataset.id!).sort());
    expect(listed).toEqual(noDeployments);
    await page.locator('.legend-toggle[data-category="deployment"]').click();
    expect(await waitForDrawn(page, all.length)).toEqual(all);
  });

  test('search narrows the list and the map together', async () => {
    const page = suite.app.page;
    const word = 'vaindloo';
    const matching = EVENTS.features.filter((f) => [f.properties.title, f.properties.place.name, ...f.properties.sources.map((s) => s.excerpt)]
      .join(' ').toLowerCase().includes(word)).map((f) => f.id).sort();
    expect(matching.length).toBeGreaterThan(1);
    expect(matching.length).toBeLessThan(EVENTS.features.length);
    await page.getByLabel('Search events by title, place or excerpt').fill('Vaindloo');
    expect(await waitForDrawn(page, matching.length)).toEqual(matching);
    const listed = await page.locator('#list .list-item').evaluateAll((b) => b.map((x) => (x as HTMLElement).dataset.id!).sort());
    expect(listed).toEqual(matching);
    await page.getByLabel('Search events by title, place or excerpt').fill('');
    expect(await waitForDrawn(page, EVENTS.features.length)).toHaveLength(EVENTS.features.length);
  });
});

describe('play modes', () => {
  test('the last-N-days mode draws only events active in that window', async () => {
    const page = suite.app.page;
    await goTo(page, '2025-09-20');
    await page.getByLabel('Play mode').selectOption({ label: 'Last 30 days' });
    const expected = EVENTS.features.filter((f) => {
      const p = f.properties;
      const last = p.persists ? (p.until ?? '9999-12-31') : p.end;
      return p.start <= '2025-09-20' && daysBetween(last, '2025-09-20') <= 30;
    }).map((f) => f.id).sort();
    expect(expected.length).toBeLessThan(EVENTS.features.filter((f) => f.properties.start <= '2025-09-20').length);
    expect(await waitForDrawn(page, expected.length)).toEqual(expected);
    await page.getByLabel('Play mode').selectOption({ label: 'Everything so far' });
  });

  test('with prefers-reduced-motion, Play moves time in whole steps and states switch without a tween', async () => {
    const reduced = await openApp(suite.browser, url);
    const page = reduced.page;
    await page.emulateMedia({ reducedMotion: 'reduce' });
    await slider(page).focus();
    await page.keyboard.press('Home');
    await page.getByLabel('Playback speed').selectOption({ label: '1 year / s' });
    await page.evaluate(() => {
      const w = window as unknown as { __samples: [number, number][] };
      w.__samples = [];
      const start = performance.now();
      const sample = () => {
        const h = window.__flankline as Hook;
        w.__samples.push([h.t(), h.countryState('PL').deployment ?? 0]);
        if (performance.now() - start < 4500) requestAnimationFrame(sample);
      };
      requestAnimationFrame(sample);
    });
    await page.getByRole('button', { name: 'Play' }).click();
    await page.waitForTimeout(4700);
    await page.getByRole('button', { name: 'Pause' }).click();
    const samples = await page.evaluate(() => (window as unknown as { __samples: [number, number][] }).__samples);
    const times = [...new Set(samples.map(([t]) => t))];
    expect(times.length).toBeGreaterThanOrEqual(3);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBe(365);
    const tints = samples.map(([, v]) => v);
    expect(tints.every((v) => v === 0 || v === 1)).toBe(true);
    expect(tints).toContain(1);
    expect(reduced.errors).toEqual([]);
    await page.close();
  });
});

test('the page logged no errors', () => {
  expect(suite.app.errors).toEqual([]);
});

import { describe, expect, test } from 'vitest';
import { drawPrintFrame, PRINT_DEFAULTS } from '../../../src/app/export/overlay-draw.ts';
import { creditsParts } from '../../../src/app/embed/credits.ts';
import { tableOfFeatures } from '../../../src/app/state/columnar-table.ts';
import { dayOf } from '../../../src/model/day.ts';
import { event } from '../posture/helpers.ts';

/** A 2D context that records the text it is asked to draw (a character 0.55 of the font's size wide) and ignores the rest. */
const charWidth = (font: string) => 0.55 * Number(/(\d+)px/.exec(font)?.[1] ?? 13);

function recordingContext() {
  const texts: { text: string; x: number; y: number; font: string }[] = [];
  let font = '';
  const ctx = new Proxy({}, {
    get(_, key) {
      if (key === 'fillText') return (text: string, x: number, y: number) => texts.push({ text, x, y, font });
      if (key === 'measureText') return (text: string) => ({ width: text.length * charWidth(font) });
      if (key === 'font') return font;
      return () => undefined;
    },
    set(_, key, value) {
      if (key === 'font') font = value;
      return true;
    },
  }) as unknown as CanvasRenderingContext2D;
  return { ctx, texts };
}

const table = tableOfFeatures([event({ id: 'a', start: '2025-09-10', category: 'incursion' })]);
const frame = (title?: string, width = 1200) => ({
  width, height: 800, t: dayOf('2025-09-15'), domain: [dayOf('2025-01-01'), dayOf('2025-12-31')] as [number, number], table,
  credits: creditsParts([]), title,
});

describe('the printed map says what it shows', () => {
  test('drawPrintFrame() prints the corpus title above the date, in the date box', () => {
    const { ctx, texts } = recordingContext();
    drawPrintFrame(ctx, frame("Events on NATO's eastern flank"));
    const title = texts.find((t) => t.text === "Events on NATO's eastern flank")!;
    const date = texts.find((t) => t.text === '15 September 2025')!;
    expect(title.font).toMatch(/^bold 13px/);
    expect(title.y).toBeLessThan(date.y);
    expect(title.x).toBe(date.x);
  });

  test('drawPrintFrame() cuts a title too long for a small export with …, and prints none when there is none', () => {
    const { ctx, texts } = recordingContext();
    drawPrintFrame(ctx, frame('A very long title '.repeat(10), 320));
    const cut = texts.find((t) => t.text.startsWith('A very long title'))!;
    expect(cut.text.endsWith('…')).toBe(true);
    expect(cut.text.length * 7).toBeLessThanOrEqual(320 - 20 - 24);
    const bare = recordingContext();
    drawPrintFrame(bare.ctx, frame(undefined));
    expect(bare.texts[0].text).toBe('15 September 2025');
  });
});

describe('the printed legend', () => {
  test('drawPrintFrame() puts the categories in columns below the date box when a small export has no room for a row each', () => {
    const categories = ['incursion', 'strike', 'advance', 'incident', 'deployment', 'mission', 'headquarters', 'meeting'] as const;
    const many = tableOfFeatures(categories.map((category, i) => event({ id: `e${i}`, start: '2025-09-10', category })));
    const { ctx, texts } = recordingContext();
    // 320x240 CSS pixels with the legend kept whatever it covers (by default a print that small drops it: below).
    drawPrintFrame(ctx, { ...frame("Events on NATO's eastern flank", 320), height: 240, table: many }, { ...PRINT_DEFAULTS, maxCoverShare: 1 });
    const countLine = texts.find((t) => t.text.endsWith('up to this date'))!;
    const legend = texts.filter((t) => ['Incursion', 'Strike', 'Advance', 'Incident', 'Deployment', 'Mission', 'Headquarters', 'Meeting']
      .includes(t.text));
    expect(legend, JSON.stringify(texts)).toHaveLength(8);
    // Every entry below the date box's last line, none past the right edge, in more than one column.
    for (const entry of legend) expect(entry.y - 12, entry.text).toBeGreaterThan(countLine.y);
    expect(Math.max(...legend.map((e) => e.x + e.text.length * charWidth(e.font)))).toBeLessThanOrEqual(320);
    // And on a large export, one column in the usual type.
    const large = recordingContext();
    drawPrintFrame(large.ctx, { ...frame("Events on NATO's eastern flank"), table: many });
    const one = large.texts.filter((t) => t.text === 'Incursion' || t.text === 'Meeting');
    expect(one.map((t) => t.x)).toEqual([one[0].x, one[0].x]);
    expect(one[0].font).toMatch(/^12px/);
    expect(new Set(legend.map((e) => e.x)).size).toBeGreaterThan(1);
  });
});

describe('a small print', () => {
  test('drawPrintFrame() drops the legend first, then the count and the large date, then the strip; the date and credits stay', () => {
    const categories = ['incursion', 'strike', 'advance', 'incident', 'deployment', 'mission', 'headquarters', 'meeting'] as const;
    const many = tableOfFeatures(categories.map((category, i) => event({ id: `e${i}`, start: '2025-09-10', category })));
    const printed = (width: number, height: number) => {
      const { ctx, texts } = recordingContext();
      drawPrintFrame(ctx, { ...frame("Events on NATO's eastern flank", width), height, table: many });
      const text = texts.map((t) => t.text);
      return {
        legend: text.includes('Strike'), count: text.some((t) => t.endsWith('up to this date')), strip: text.includes('2025'),
        date: texts.find((t) => t.text === '15 September 2025')?.font.match(/\d+px/)?.[0],
        credits: text.some((t) => t.includes('Natural Earth')),
      };
    };
    expect(printed(1000, 640)).toEqual({ legend: true, count: true, strip: true, date: '22px', credits: true });
    expect(printed(480, 360)).toEqual({ legend: false, count: true, strip: true, date: '22px', credits: true });
    expect(printed(400, 300)).toEqual({ legend: false, count: false, strip: true, date: '15px', credits: true });
    // 640x480 at twice the resolution: 320x240 CSS pixels, the size tests/browser/export-png.test.ts prints.
    expect(printed(320, 240)).toEqual({ legend: false, count: false, strip: false, date: '15px', credits: true });
  });
});

import { describe, expect, test } from 'vitest';
import { drawPrintFrame } from '../../../src/app/export/overlay-draw.ts';
import { creditsParts } from '../../../src/app/embed/credits.ts';
import { tableOfFeatures } from '../../../src/app/state/columnar-table.ts';
import { dayOf } from '../../../src/model/day.ts';
import { event } from '../posture/helpers.ts';

/** A 2D context that records the text it is asked to draw (7 px a character) and ignores the rest. */
function recordingContext() {
  const texts: { text: string; x: number; y: number; font: string }[] = [];
  let font = '';
  const ctx = new Proxy({}, {
    get(_, key) {
      if (key === 'fillText') return (text: string, x: number, y: number) => texts.push({ text, x, y, font });
      if (key === 'measureText') return (text: string) => ({ width: text.length * 7 });
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

import { describe, expect, test } from 'vitest';
import { isLocalLink } from '../../../src/app/embed/share-dialog.ts';

describe('the Share dialog', () => {
  test('isLocalLink() knows a link to this computer from a published one', () => {
    expect(isLocalLink('http://127.0.0.1:5173/#time=2025-09-15')).toBe(true);
    expect(isLocalLink('http://localhost:4173/index.html')).toBe(true);
    expect(isLocalLink('file:///home/me/flankline.html')).toBe(true);
    expect(isLocalLink('https://maps.example.org/flankline/#time=2025-09-15')).toBe(false);
  });
});

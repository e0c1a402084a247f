import { describe, expect, test } from 'vitest';
import { isFlanklineMessage, parseCommand } from '../../../src/app/embed/protocol.ts';

describe('parseCommand', () => {
  test.each([
    [{ flankline: 1, type: 'setTime', time: '2025-09-15' }],
    [{ flankline: 1, type: 'play' }],
    [{ flankline: 1, type: 'pause' }],
    [{ flankline: 1, type: 'select', id: 'incursion-poland-2025-09-10' }],
    [{ flankline: 1, type: 'select', id: null }],
    [{ flankline: 1, type: 'fitBounds', bbox: [14, 49, 24.5, 55] }],
    [{ flankline: 1, type: 'getState' }],
  ])('parseCommand() accepts %j', (message) => {
    expect(parseCommand(message)).toEqual({ ok: true, command: message });
  });

  test.each([
    ['another version', { flankline: 2, type: 'play' }],
    ['no version', { type: 'play' }],
    ['an unknown type', { flankline: 1, type: 'explode' }],
    ['a date that is not a day', { flankline: 1, type: 'setTime', time: '2025-02-30' }],
    ['a date in another format', { flankline: 1, type: 'setTime', time: '15/09/2025' }],
    ['extra fields', { flankline: 1, type: 'play', speed: 9 }],
    ['a numeric id', { flankline: 1, type: 'select', id: 7 }],
    ['an inside-out bbox', { flankline: 1, type: 'fitBounds', bbox: [24, 49, 14, 55] }],
    ['a bbox off the globe', { flankline: 1, type: 'fitBounds', bbox: [14, 49, 24, 95] }],
    ['a string', 'play'],
    ['null', null],
  ])('parseCommand() refuses %s', (_, message) => {
    const parsed = parseCommand(message);
    expect(parsed.ok).toBe(false);
  });

  test('isFlanklineMessage() tells our messages from other scripts\' ones', () => {
    expect(isFlanklineMessage({ flankline: 1, type: 'play' })).toBe(true);
    expect(isFlanklineMessage({ source: 'react-devtools' })).toBe(false);
    expect(isFlanklineMessage('hello')).toBe(false);
  });
});

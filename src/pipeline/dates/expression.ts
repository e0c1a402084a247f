// What a time expression says before it is placed on the calendar: the date stage's intermediate form.
import type { Span } from '../types.ts';
import type { DateInterval } from '../types.ts';

export type Modifier = 'last' | 'next' | 'this' | null;

export type Expression =
  /** Fully given by the text: "17 October 2024", "in 2017", "March 2022". */
  | { kind: 'absolute'; interval: DateInterval }
  /** Day and month, year from context: "on October 17", "16-17 February". */
  | { kind: 'monthDay'; month: number; day: number; endMonth: number; endDay: number; weekday?: number }
  /** A month, year from context: "in September", "from March to May", "last December". */
  | { kind: 'month'; month: number; endMonth: number; modifier: Modifier }
  /** "on Wednesday", "last Monday", "Monday to Wednesday" (0 = Sunday). */
  | { kind: 'weekday'; weekday: number; endWeekday: number; modifier: Modifier }
  /** An offset from the reference day: "today" (0 days), "yesterday" (-1), "last month" (-1 month). */
  | { kind: 'relative'; unit: 'day' | 'month' | 'year'; amount: number }
  /** "day two of the meeting" (2), "the final day of the summit" ('last'). */
  | { kind: 'meetingDay'; day: number | 'last' }
  /** A period relative to the reference day: "in recent weeks", "this week", "earlier this month" (periods.ts). */
  | { kind: 'period'; span: PeriodSpan }
  /** A day of the month, month from context: "on the 14th" (day-of-month.ts). */
  | { kind: 'dayOfMonth'; day: number }
  /**
   * A holiday, year from context: "on Christmas Day", "last Easter" (`holiday`: its index in holidays.ts); `days`, its
   * weekend ("over the Easter weekend"): the first day's offset from the holiday and how many days.
   */
  | { kind: 'holiday'; holiday: number; modifier: Modifier; days?: [number, number] }
  /** A part of what another expression names: "mid-March", "late last month", "early next week" (parts.ts). */
  | { kind: 'part'; part: Part; of: Expression }
  /**
   * A day that starts an event of so many days ("the three-day summit that opened Tuesday": `days` 3) or ends it
   * ("the three-day summit ends on Thursday": `days` -3) (lasting.ts).
   */
  | { kind: 'lasting'; days: number; of: Expression };

/**
 * A third of a month or a year, or of a week (Monday to Wednesday, Tuesday to Thursday, Thursday to Sunday); a half
 * of any of them; a quarter of a year.
 */
export type Part = 'early' | 'mid' | 'late' | 'half1' | 'half2' | 'q1' | 'q2' | 'q3' | 'q4';

export type PeriodSpan =
  | { kind: 'span'; from: number; to: number; precision: 'day' | 'month' | 'year' }
  | { kind: 'week'; offset: number }
  /** "earlier this week/month/year": from its start to the reference day; "later this ...": from it to the end. */
  | { kind: 'sinceStart' | 'untilEnd'; unit: 'week' | 'month' | 'year' }
  /** "last fall", "this summer", "next spring": a season (its first month) counted from the reference day's. */
  | { kind: 'season'; firstMonth: 3 | 6 | 9 | 12; offset: -1 | 0 | 1 }
  /** "the summer of 2024", "in spring 2023": a season of a year the text names. */
  | { kind: 'seasonOf'; firstMonth: 3 | 6 | 9; year: number }
  /** "the spring of next year", "the autumn of last year": a season of a year counted from the reference day's. */
  | { kind: 'seasonOfYear'; firstMonth: 3 | 6 | 9; offset: -1 | 0 | 1 }
  /**
   * "over the weekend", "last weekend", "this weekend": a Saturday and Sunday; with no pointing word ("over the
   * weekend") or "this", the tense chooses the latest or the coming one.
   */
  | { kind: 'weekend'; offset: -1 | 0 | 1 | null };

/** A time expression found in a sentence; offsets are document offsets. */
export interface RawDate extends Span {
  text: string;
  expression: Expression;
}

// Word lists shared by the date readers.

/** Words that may stand right before a weekday or an ambiguous month name when it is a date ("in May", "on Sunday"). */
export const DATE_PREPOSITION =
  /\b(on|in|since|by|until|till|from|during|of|early|late|mid|last|next|this|before|after|through|throughout|between|and|or|to|for|every|each|following|previous)\s*-?\s*$/i;

/** Month names that are also common words or names: dates only after a preposition or beside a number. */
export const AMBIGUOUS_MONTH = /^(may|march|june|august)$/i;

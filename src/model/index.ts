export * from './event.ts';
export * from './document.ts';
export * from './validate.ts';
export * from './corpus.ts';

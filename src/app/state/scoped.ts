// What lets the app build its views again on new data without a reload (the workbench): a store whose
// subscriptions can all be dropped at once, and containers emptied of the last views' nodes and listeners.
import type { Store } from '../state/store.ts';

/** `store` as views see it; dispose() ends every subscription made through it, the state itself stays. */
export function scopeStore(store: Store): { store: Store; dispose(): void } {
  const ends = new Set<() => void>();
  return {
    store: {
      get: () => store.get(),
      set: (patch) => store.set(patch),
      subscribe(listener) {
        const end = store.subscribe(listener);
        ends.add(end);
        return () => { ends.delete(end); end(); };
      },
    },
    dispose() {
      for (const end of ends) end();
      ends.clear();
    },
  };
}

/** Replaces `el` in the page by an empty copy of it (same id, classes and attributes, no children, no listeners). */
export function freshContainer(el: HTMLElement): HTMLElement {
  const fresh = el.cloneNode(false) as HTMLElement;
  el.replaceWith(fresh);
  return fresh;
}

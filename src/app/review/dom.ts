// A tiny element builder for the review UI: tag, attributes, children (text is always text, never HTML).
type Child = Node | string | null | undefined | false;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    if (name === 'class') node.className = String(value);
    else node.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) if (child !== null && child !== undefined && child !== false) node.append(child);
  return node;
}

/** A button that runs `onClick` (type=button, so it never submits a form by accident). */
export function button(text: string, onClick: (e: MouseEvent) => void, className = 'wb-button'): HTMLButtonElement {
  const b = h('button', { type: 'button', class: className }, text);
  b.addEventListener('click', onClick);
  return b;
}

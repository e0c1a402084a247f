// The banner that names what is wrong with the data, instead of a blank page.
// 'info' says how the app runs (a large dataset), not that something is wrong.
const HEADS = { error: 'The event data could not be shown. ', warning: 'Note: ', info: '' };

export function showBanner(root: HTMLElement, kind: 'error' | 'warning' | 'info', lines: readonly string[]): void {
  const box = document.createElement('div');
  box.className = `banner banner-${kind}`;
  box.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  const head = document.createElement('strong');
  head.textContent = HEADS[kind];
  box.append(head);
  const [first, ...rest] = lines;
  box.append(document.createTextNode(first ?? ''));
  if (rest.length) {
    const ul = document.createElement('ul');
    for (const line of rest) {
      const li = document.createElement('li');
      li.textContent = line;
      ul.append(li);
    }
    box.append(ul);
  }
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'banner-close';
  close.setAttribute('aria-label', 'Dismiss');
  close.textContent = '×';
  close.addEventListener('click', () => box.remove());
  box.append(close);
  root.append(box);
}

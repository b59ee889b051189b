/**
 * Copy buttons for text that is already on the page to select (the paper page's citations): each
 * `[data-copy=ID]` button copies the text of element ID. Buttons stay hidden without a clipboard.
 */
for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
  const source = document.getElementById(button.dataset['copy'] ?? '');
  if (!source || !navigator.clipboard) continue;
  const label = button.textContent ?? '';
  button.hidden = false;
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(source.textContent ?? '').then(
      () => (button.textContent = 'Copied'),
      () => (button.textContent = 'Select the text to copy it'),
    );
    setTimeout(() => (button.textContent = label), 2000);
  });
}

// Small DOM helpers. Text from the API reaches the page only through textContent and
// attributes, never as HTML.

export const $ = (id) => document.getElementById(id);

/** A deep copy of <template id=…>'s first element. */
export function cloneTemplate(id) {
  return $(id).content.firstElementChild.cloneNode(true);
}

/** Sets the text of the first element matching `selector` inside `root`. */
export function setText(root, selector, text) {
  root.querySelector(selector).textContent = text;
}

/** Says `text` to screen readers through the page's polite live region. */
export function announce(text) {
  const region = $('announcer');
  region.textContent = '';
  // A new text node, a moment later, so the same sentence twice is still read.
  setTimeout(() => { region.textContent = text; }, 50);
}

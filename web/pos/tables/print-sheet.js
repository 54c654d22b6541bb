// The A4 print sheet of every active table's QR code. GET /api/guest/tables/print needs the
// staff token, so it is fetched as text/html and read with DOMParser; its cards (an <svg> and
// the table's name) are drawn again here as images and text, nothing of it inserted as HTML,
// and tables.css lays them out six to an A4 page for window.print().

import { $, announce } from '../../shared/dom.js';
import * as api from '../lib/api.js';
import { showError } from '../lib/shell.js';
import { svgImage } from './qr.js';

const PER_PAGE = 6;

export function initPrintSheet() {
  $('print-open').addEventListener('click', open);
  $('print-close').addEventListener('click', close);
  $('print-now').addEventListener('click', () => window.print());
}

async function open() {
  const button = $('print-open');
  button.disabled = true;
  try {
    const html = await api.getText('/api/guest/tables/print', 'text/html');
    const cards = readCards(html);
    const pages = [];
    for (let start = 0; start < cards.length; start += PER_PAGE) {
      const page = document.createElement('div');
      page.className = 'print-page';
      page.append(...cards.slice(start, start + PER_PAGE).map(cardElement));
      pages.push(page);
    }
    if (pages.length === 0) {
      const none = document.createElement('p');
      none.textContent = 'There is no active table to print.';
      pages.push(none);
    }
    $('print-pages').replaceChildren(...pages);
    document.body.classList.add('printing');
    setBackgroundInert(true);
    $('print-sheet').hidden = false;
    $('print-now').focus();
    announce(`The print sheet has ${cards.length} QR code${cards.length === 1 ? '' : 's'}.`);
  } catch (error) {
    showError(error);
  } finally {
    button.disabled = false;
  }
}

function close() {
  $('print-sheet').hidden = true;
  setBackgroundInert(false);
  document.body.classList.remove('printing');
  $('print-pages').replaceChildren();
  $('print-open').focus();
}

/** While the sheet covers the screen, nothing behind it takes the focus. */
function setBackgroundInert(inert) {
  for (const element of document.body.children) {
    if (element.id !== 'print-sheet' && element.tagName !== 'TEMPLATE') element.inert = inert;
  }
}

/** `[{svg, label, hint}]` from the print page's `figure.card`s. */
function readCards(html) {
  // Its own <style> is not wanted here (and the page's CSP would report it), so it goes first.
  const doc = new DOMParser().parseFromString(html.replace(/<style[\s\S]*?<\/style>/gi, ''), 'text/html');
  return [...doc.querySelectorAll('figure.card')].map((figure) => {
    const svg = figure.querySelector('svg');
    return {
      svg: svg ? new XMLSerializer().serializeToString(svg) : '',
      label: figure.querySelector('.label')?.textContent ?? '',
      hint: figure.querySelector('.hint')?.textContent ?? '',
    };
  }).filter((card) => card.svg);
}

function cardElement(card) {
  const figure = document.createElement('figure');
  figure.className = 'print-card';
  figure.append(svgImage(card.svg, `QR code of ${card.label}`));
  const caption = document.createElement('figcaption');
  const label = document.createElement('span');
  label.className = 'print-label';
  label.textContent = card.label;
  const hint = document.createElement('span');
  hint.className = 'print-hint';
  hint.textContent = card.hint;
  caption.append(label, hint);
  figure.append(caption);
  return figure;
}

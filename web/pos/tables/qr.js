// A table's QR code as an <img>. GET /api/guest/tables/{id}/qr.svg needs the staff token, so
// the page fetches it (api.js getText) and shows it from a data: URL (the CSP allows img-src
// data:, not blob:). The text must parse as an <svg> document first; shown as an image, an SVG
// runs no script and loads nothing.

import * as api from '../lib/api.js';

/** An <img> of the QR code of table `table` (`alt` names the table). Throws an ApiError, or an
 *  Error when the answer is not an SVG. */
export async function qrImage(table) {
  const svg = await api.getText(`/api/guest/tables/${table.id}/qr.svg`, 'image/svg+xml');
  return svgImage(svg, `QR code of ${table.label}`);
}

/** An <img> showing the SVG document `text` (checked to be one), with `alt`. */
export function svgImage(text, alt) {
  const img = document.createElement('img');
  img.src = svgDataUrl(text);
  img.alt = alt;
  img.className = 'qr-image';
  return img;
}

/** `data:image/svg+xml,…` of `text` once it parses as an <svg> root without a parser error. */
export function svgDataUrl(text) {
  const doc = new DOMParser().parseFromString(text, 'image/svg+xml');
  const root = doc.documentElement;
  if (root.localName !== 'svg' || root.namespaceURI !== 'http://www.w3.org/2000/svg'
      || doc.getElementsByTagName('parsererror').length > 0) {
    throw new Error('The server’s QR code is not an SVG image.');
  }
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(new XMLSerializer().serializeToString(root))}`;
}

// A report as a CSV file: GET /api/reports/{name}?format=csv through the API client (it needs
// the Bearer token, so a plain link cannot fetch it), offered as a download from a data: URL.

import { getText } from '../lib/api.js';

/** The CSV of report `name` over `from`–`to`, downloaded as `<name>_<from>_<to>.csv`. */
export async function downloadCsv(name, { from, to }) {
  const query = new URLSearchParams({ from, to, format: 'csv' });
  const text = await getText(`/api/reports/${encodeURIComponent(name)}?${query}`, 'text/csv');
  const link = document.createElement('a');
  link.href = `data:text/csv;charset=utf-8,${encodeURIComponent(text)}`;
  link.download = `${name}_${from}_${to}.csv`;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  return link.download;
}

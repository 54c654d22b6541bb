// Each chart's numbers as a table (the accessible twin of the chart): the report rows' own
// values, money through formatMoney, text through textContent.

import { formatMoney } from '../../shared/money.js';
import { methodName } from './charts.js';

const money = (column) => ({ value: (row) => formatMoney(row[column]), amount: true });
const count = (column) => ({ value: (row) => String(row[column]), amount: true });
const text = (value) => ({ value, amount: false });

const COLUMNS = {
  'daily-sales': [
    text((row) => row.business_date), count('orders'), count('items_sold'), money('net_sales_cents'),
    money('tax_cents'), money('total_cents'), money('tips_cents'), money('refunds_cents'), money('collected_cents'),
  ],
  'hourly-sales': [
    text((row) => row.business_date), text((row) => `${String(row.hour).padStart(2, '0')}:00`),
    count('orders'), money('net_sales_cents'),
  ],
  'payment-mix': [
    text((row) => row.business_date), text((row) => methodName(row.method)), count('payments'),
    money('amount_cents'), money('tips_cents'), money('refunds_cents'),
  ],
  'top-items': [
    text((row) => row.name), text((row) => row.category ?? ''), count('quantity'), money('net_sales_cents'),
  ],
};

/** Fills `tbody` with report `name`'s rows. */
export function fillTable(name, tbody, rows) {
  const columns = COLUMNS[name];
  tbody.replaceChildren(...rows.map((row) => {
    const tr = document.createElement('tr');
    columns.forEach((column, index) => {
      const cell = document.createElement(index === 0 ? 'th' : 'td');
      if (index === 0) cell.scope = 'row';
      cell.textContent = column.value(row);
      if (column.amount) cell.className = 'amount';
      tr.append(cell);
    });
    return tr;
  }));
}

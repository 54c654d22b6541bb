// The page's state, in one place. Screens render from it (`render(state)`); events change it
// only through `update`, which schedules one render of every screen per turn of the event loop.

const state = {
  screen: 'loading',  // loading | message | menu | cart | status
  settings: null,     // GET /api/settings
  session: null,      // {tableToken, table: {id, label}, expiresAt, orderId}
  menu: null,         // GET /api/menu
  menuError: '',
  cart: [],           // [{key, itemId, name, modifiers: [{id, name}], quantity}]
  quote: { loading: false, totals: null, error: '', errorLine: null },
  note: '',
  placing: false,
  cartError: '',
  order: null,        // the last order placed, as GET /api/guest/orders/{id} returned it
  statusError: '',
  message: null,      // {title, detail, action?: {label, run}, retryAt?}
};

const renderers = [];
let scheduled = false;

export function getState() {
  return state;
}

/** Merges `changes` into the state and renders every screen once, soon. */
export function update(changes) {
  Object.assign(state, changes);
  if (scheduled) return;
  scheduled = true;
  queueMicrotask(() => {
    scheduled = false;
    for (const render of renderers) render(state);
  });
}

/** Adds a screen's `render(state)`. */
export function subscribe(render) {
  renderers.push(render);
}

// The menu screen. A manager or admin edits the whole menu (categories, items, prices, tax,
// stock, modifier groups); a barista only marks items sold out or available again
// (PATCH /api/menu/items/{id} `{available}`, the one field the API lets a barista change).

import { $, announce } from '../../shared/dom.js';
import * as api from '../lib/api.js';
import { showError, showMessage, startScreen } from '../lib/shell.js';
import { minorDigitsOf } from '../lib/money-input.js';
import { loadCatalogue } from './catalogue.js';
import { initCategoryEditor, openCategoryEditor } from './category-editor.js';
import { initItemEditor, openItemEditor } from './item-editor.js';
import { renderList } from './list.js';

const EDITOR_ROLES = ['manager', 'admin'];

const { staff, settings } = await startScreen('menu');
const canEdit = EDITOR_ROLES.includes(staff.role);
localStorage.removeItem('cafe-pos.menu.seen-item-ids'); // what this screen used to remember
let catalogue = { categories: [] };
const actions = {
  editItem: (item) => openItemEditor(item, catalogue.categories),
  editCategory: (category) => openCategoryEditor(category),
  toggleAvailable,
};

$('menu-role-note').hidden = canEdit;
$('editor-actions').hidden = !canEdit;
$('menu-reload').addEventListener('click', () => reload());
if (canEdit) {
  initItemEditor({
    settings,
    digits: minorDigitsOf(settings),
    saved(item, created) {
      showMessage(created ? `${item.name} added to the menu.` : `${item.name} saved.`, 'ok');
      reload(item.id);
    },
    deleted(item) {
      showMessage(`${item.name} deleted from the menu.`, 'ok');
      reload();
    },
  });
  initCategoryEditor({
    saved(category, created) {
      showMessage(created ? `Category ${category.name} added.` : `Category ${category.name} saved.`, 'ok');
      reload();
    },
    deleted(category) {
      showMessage(`Category ${category.name} deleted.`, 'ok');
      reload();
    },
  });
  $('new-category').addEventListener('click', () => openCategoryEditor(null));
  $('new-item').addEventListener('click', () => {
    if (catalogue.categories.length === 0) {
      showMessage('Create a category first: every item belongs to one.', 'info');
      return;
    }
    openItemEditor(null, catalogue.categories);
  });
}
await reload();

/** Loads the menu again and redraws it; `focusItemId` gets the focus back on its row. */
async function reload(focusItemId = null) {
  try {
    catalogue = await loadCatalogue();
    // A barista only switches items: a category without any is left out for them.
    const shown = canEdit ? catalogue : { categories: catalogue.categories.filter((c) => c.items.length > 0) };
    renderList(shown, { canEdit, actions });
    $('menu-loading').hidden = true;
    $('main').setAttribute('aria-busy', 'false');
    if (focusItemId) {
      document.querySelector(`tr[data-item-id="${focusItemId}"] button`)?.focus();
    }
  } catch (error) {
    $('menu-loading').textContent = 'The menu could not be loaded. Try Reload.';
    showError(error);
  }
}

/** Sold out ↔ available, with the version the row was drawn from (If-Match). */
async function toggleAvailable(item, button) {
  button.disabled = true;
  const available = !item.available;
  try {
    const updated = await api.patch(`/api/menu/items/${item.id}`, { available }, { 'If-Match': String(item.version) });
    const text = updated.available ? `${updated.name} is available again.` : `${updated.name} is marked sold out.`;
    showMessage(text, 'ok');
    announce(text);
    await reload(item.id);
  } catch (error) {
    button.disabled = false;
    if (error.status === 409 || error.status === 412) {
      showMessage(`${item.name} was changed by someone else meanwhile; the list is reloaded. Try again.`, 'error');
      await reload(item.id);
    } else {
      showError(error);
    }
  }
}

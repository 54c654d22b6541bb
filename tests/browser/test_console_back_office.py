"""The back office of the staff console in a real browser (1024 × 768): the menu editor
(a manager changes a price, a stale edit is refused with a plain sentence, a barista marks an
item sold out and available again), the staff screen (add, reset a password, deactivate, a
manager refused when adding a manager) and the tables screen (add a table, its QR code shown,
the print sheet, rename, disable); each change is cross-checked through the API.

The `test_till_*` tests check the same changes on the till (till.html:
`button.item[data-item-id]` with `.price` under its category's tab; a sold-out item has class
`sold-out` and aria-disabled="true" and a tap on it shows an error naming it and adds nothing).

Every test puts back what it changed on the demo menu (price, availability), so other tests
see the demo menu. Screenshot: console-menu-editor.png."""

import re
import secrets
import urllib.parse

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from conftest import BASE_URL, Api, ApiError, staff_password
from helpers import by_id, click, digits, shown, sign_in, wait


# --- helpers ----------------------------------------------------------------------------------

def patch(api, path, body, version=None):
    headers = {"If-Match": str(version)} if version is not None else {}
    return api.request("PATCH", path, body, headers)


def demo_item(public_api, preferred, station="bar"):
    """An item of the public menu (one the till can sell): `preferred` by name when it is
    there, else the first of a `station` category."""
    items = [(c, i) for c in public_api.get("/api/menu")["categories"] for i in c["items"]
             if i["stock"] != 0 and c["station"] == station]
    assert items, f"the menu has no {station} item"
    return next((i for _, i in items if i["name"] == preferred), items[0][1])


def money_text(cents):
    """420 → "4.20" (EUR: two decimals), as a person types it."""
    return f"{cents // 100}.{cents % 100:02d}"


def text_at(driver, selector):
    """The text of the first element matching `selector`, read at once (the screens redraw
    their lists after each change, so a found element may be gone a moment later); "" if none."""
    return driver.execute_script(
        "const e = document.querySelector(arguments[0]); return e ? e.textContent.trim() : ''", selector)


def row(driver, item_id):
    return driver.find_element(By.CSS_SELECTOR, f"tr[data-item-id='{item_id}']")


def open_menu_screen(driver, item_id):
    driver.get(f"{BASE_URL}/pos/menu.html")
    wait(driver, lambda: driver.find_elements(By.CSS_SELECTOR, f"tr[data-item-id='{item_id}']"),
         message="the item is not on the menu screen")


def type_into(driver, element_id, text):
    field = by_id(driver, element_id)
    field.send_keys(Keys.CONTROL, "a")
    field.send_keys(Keys.DELETE)
    field.send_keys(text)


def open_item_editor(driver, item_id):
    click(driver, row(driver, item_id).find_element(By.CSS_SELECTOR, ".edit-item"))
    wait(driver, lambda: shown(driver, "item-dialog"), message="the item editor did not open")


def change_price_in_editor(driver, item, new_cents, screenshot=None):
    """As a signed-in manager: the item's Edit, a new price typed, Save; waits for the dialog to
    close. `screenshot` is saved with the new price typed in."""
    open_menu_screen(driver, item["id"])
    open_item_editor(driver, item["id"])
    assert by_id(driver, "item-price").get_attribute("value") == money_text(item["price_cents"])
    type_into(driver, "item-price", money_text(new_cents))
    if screenshot:
        driver.save_screenshot(str(screenshot))
    click(driver, by_id(driver, "item-save"))
    wait(driver, lambda: not shown(driver, "item-dialog"), message="the item editor did not close")


def mark_sold_out_on_menu_screen(driver, item):
    """As a signed-in barista: the item's Mark sold out on the menu screen."""
    open_menu_screen(driver, item["id"])
    toggle = row(driver, item["id"]).find_element(By.CSS_SELECTOR, ".availability-toggle")
    assert toggle.text == "Mark sold out"
    click(driver, toggle)
    wait(driver, lambda: "Sold out" in text_at(driver, f"tr[data-item-id='{item['id']}'] .item-status"),
         message="the row does not say sold out")


def restore(manager_api, item):
    """Puts the item's price and availability back as they were."""
    now = manager_api.get(f"/api/menu/items/{item['id']}")
    changes = {k: item[k] for k in ("price_cents", "available", "description") if now[k] != item[k]}
    if changes:
        patch(manager_api, f"/api/menu/items/{item['id']}", changes, now["version"])


def switch_user(driver, username):
    driver.execute_script("sessionStorage.clear()")
    sign_in(driver, username)


def open_till(driver, item):
    """The till with `item`'s category tab chosen (the first tab may be any category: other
    test runs leave theirs on the menu)."""
    driver.get(f"{BASE_URL}/pos/till.html")
    tab = f"#category-tabs [data-category-id='{item['category_id']}']"
    wait(driver, lambda: driver.find_elements(By.CSS_SELECTOR, tab), message="the item's category has no tab")
    click(driver, driver.find_element(By.CSS_SELECTOR, tab))
    wait(driver, lambda: driver.find_elements(By.CSS_SELECTOR, f"button.item[data-item-id='{item['id']}']"),
         message="the item is not in its category on the till")


def remove_category_named(manager_api, name):
    """Deletes the category called `name`, with its items, when it is still there."""
    for category in manager_api.get("/api/menu")["categories"]:
        if category["name"] != name:
            continue
        cursor = ""
        while True:
            page = manager_api.get(f"/api/menu/items?limit=200{cursor}")
            for item in page["items"]:
                if item["category_id"] == category["id"]:
                    manager_api.delete(f"/api/menu/items/{item['id']}")
            if not page["next_cursor"]:
                break
            cursor = f"&cursor={urllib.parse.quote(str(page['next_cursor']), safe='')}"
        manager_api.delete(f"/api/menu/categories/{category['id']}")


# --- the menu editor --------------------------------------------------------------------------

def test_a_manager_changes_a_price_in_the_menu_editor(console, public_api, manager_api, screenshots):
    item = demo_item(public_api, "Cortado")
    new_cents = item["price_cents"] + 15
    try:
        sign_in(console, "manager")
        open_menu_screen(console, item["id"])
        open_item_editor(console, item["id"])

        # More decimals than the euro has: refused in the page, nothing sent.
        type_into(console, "item-price", money_text(item["price_cents"]) + "5")
        click(console, by_id(console, "item-save"))
        wait(console, lambda: shown(console, "item-form-error"))
        assert "at most 2 decimals" in by_id(console, "item-form-error").text
        assert manager_api.get(f"/api/menu/items/{item['id']}")["price_cents"] == item["price_cents"]
        click(console, by_id(console, "item-cancel"))

        change_price_in_editor(console, item, new_cents, screenshot=screenshots / "console-menu-editor.png")
        wait(console, lambda: manager_api.get(f"/api/menu/items/{item['id']}")["price_cents"] == new_cents,
             message="the API does not show the new price")
        wait(console, lambda: digits(text_at(console, f"tr[data-item-id='{item['id']}'] .item-price")) == new_cents,
             message="the menu screen does not show the new price")
        # Everything else stayed as it was (only the price was sent).
        after = manager_api.get(f"/api/menu/items/{item['id']}")
        assert after["modifier_groups"] == item["modifier_groups"]
        assert (after["name"], after["tax_rate_bp"], after["available"]) == \
            (item["name"], item["tax_rate_bp"], item["available"])
    finally:
        restore(manager_api, item)


def test_a_stale_edit_is_refused_with_a_sentence(console, public_api, manager_api):
    item = demo_item(public_api, "Flat White")
    try:
        sign_in(console, "manager")
        open_menu_screen(console, item["id"])
        open_item_editor(console, item["id"])
        # Someone else saves a change while the editor is open.
        current = manager_api.get(f"/api/menu/items/{item['id']}")
        patch(manager_api, f"/api/menu/items/{item['id']}", {"description": current["description"] + " (new)"},
              current["version"])
        type_into(console, "item-price", money_text(item["price_cents"] + 5))
        click(console, by_id(console, "item-save"))
        wait(console, lambda: shown(console, "item-stale"), message="the stale edit was not reported")
        assert "Someone else changed this item" in by_id(console, "item-stale").text
        assert manager_api.get(f"/api/menu/items/{item['id']}")["price_cents"] == item["price_cents"]
        # Loading the current item shows the other change; saving again then works.
        click(console, by_id(console, "item-reload"))
        wait(console, lambda: by_id(console, "item-description").get_attribute("value").endswith("(new)"))
        type_into(console, "item-price", money_text(item["price_cents"] + 5))
        click(console, by_id(console, "item-save"))
        wait(console, lambda: manager_api.get(f"/api/menu/items/{item['id']}")["price_cents"]
             == item["price_cents"] + 5)
    finally:
        restore(manager_api, item)


def test_a_manager_adds_and_deletes_a_category_and_an_item(console, manager_api):
    name = f"Specials {secrets.token_hex(3)}"
    try:
        sign_in(console, "manager")
        console.get(f"{BASE_URL}/pos/menu.html")
        wait(console, lambda: console.find_elements(By.CSS_SELECTOR, "section.menu-category"))
        click(console, by_id(console, "new-category"))
        wait(console, lambda: shown(console, "category-dialog"))
        by_id(console, "category-name").send_keys(name)
        by_id(console, "category-position").send_keys("90")
        by_id(console, "category-station").send_keys("kitchen")
        click(console, by_id(console, "category-save"))
        section = f"//section[contains(@class,'menu-category')][.//h2[text()='{name}']]"
        wait(console, lambda: console.find_elements(By.XPATH, section), message="the new category is not shown")
        category_id = int(console.find_element(By.XPATH, section).get_attribute("data-category-id"))
        category = next(c for c in manager_api.get("/api/menu")["categories"] if c["id"] == category_id)
        assert (category["position"], category["station"]) == (90, "kitchen")

        # An item in it, with a modifier group.
        click(console, by_id(console, "new-item"))
        wait(console, lambda: shown(console, "item-dialog"))
        by_id(console, "item-name").send_keys("Soup of the day")
        console.find_element(By.CSS_SELECTOR, f"#item-category option[value='{category_id}']").click()
        by_id(console, "item-price").send_keys("5,5")
        by_id(console, "item-tax").send_keys("13.5")
        by_id(console, "item-stock").send_keys("20")
        click(console, by_id(console, "add-group"))
        group = console.find_element(By.CSS_SELECTOR, "#groups .group")
        group.find_element(By.CSS_SELECTOR, ".group-name").send_keys("Bread")
        group.find_element(By.CSS_SELECTOR, ".option-name").send_keys("Sourdough")
        delta = group.find_element(By.CSS_SELECTOR, ".option-delta")
        delta.send_keys(Keys.CONTROL, "a")
        delta.send_keys("0.80")
        click(console, by_id(console, "item-save"))
        wait(console, lambda: not shown(console, "item-dialog"), message="the new item was not saved")
        # The list is drawn again after the save: wait for the new item in it, so the clicks
        # below find the redrawn section, not the one being replaced (a stale element).
        wait(console, lambda: console.find_elements(By.XPATH, section + "//*[contains(., 'Soup of the day')]"),
             message="the new item is not listed under its category")
        created = next(i for c in manager_api.get("/api/menu")["categories"] if c["id"] == category_id
                       for i in c["items"])
        assert (created["name"], created["price_cents"], created["tax_rate_bp"], created["stock"]) == \
            ("Soup of the day", 550, 1350, 20)
        assert [(g["name"], g["min_select"], g["max_select"], [(o["name"], o["price_delta_cents"]) for o in g["options"]])
                for g in created["modifier_groups"]] == [("Bread", 0, 1, [("Sourdough", 80)])]

        # A category with an item is not deleted; once the item is gone, it is.
        click(console, console.find_element(By.XPATH, section + "//button[contains(@class,'edit-category')]"))
        wait(console, lambda: shown(console, "category-dialog"))
        click(console, by_id(console, "category-delete"))
        wait(console, lambda: shown(console, "category-form-error"))
        assert "still has 1 item" in by_id(console, "category-form-error").text
        click(console, by_id(console, "category-cancel"))
        wait(console, lambda: console.find_elements(By.CSS_SELECTOR, f"tr[data-item-id='{created['id']}']"))
        open_item_editor(console, created["id"])
        click(console, by_id(console, "item-delete"))
        click(console, by_id(console, "item-delete"))  # the second press confirms
        wait(console, lambda: not shown(console, "item-dialog"))
        with pytest.raises(ApiError) as gone:
            manager_api.get(f"/api/menu/items/{created['id']}")
        assert gone.value.status == 404
        wait(console, lambda: console.find_elements(By.XPATH, section + "//p[contains(@class,'category-empty')]")
             and console.find_element(By.XPATH, section + "//p[contains(@class,'category-empty')]").is_displayed())
        click(console, console.find_element(By.XPATH, section + "//button[contains(@class,'edit-category')]"))
        wait(console, lambda: shown(console, "category-dialog"))
        click(console, by_id(console, "category-delete"))
        click(console, by_id(console, "category-delete"))
        wait(console, lambda: not console.find_elements(By.XPATH, section), message="the category was not deleted")
        assert all(c["id"] != category_id for c in manager_api.get("/api/menu")["categories"])
    finally:
        remove_category_named(manager_api, name)  # what a failed run would leave


def test_a_barista_marks_an_item_sold_out_on_the_menu_screen(console, public_api, manager_api):
    item = demo_item(public_api, "Sparkling Water")
    try:
        sign_in(console, "barista")
        open_menu_screen(console, item["id"])
        # A barista gets the sold-out toggle only: no editor.
        assert not console.find_elements(By.CSS_SELECTOR, ".edit-item, .edit-category")
        assert not shown(console, "new-item")
        mark_sold_out_on_menu_screen(console, item)
        wait(console, lambda: manager_api.get(f"/api/menu/items/{item['id']}")["available"] is False,
             message="the API does not show the item unavailable")
        assert all(i["id"] != item["id"] for c in public_api.get("/api/menu")["categories"] for i in c["items"])

        # Still listed on the menu screen (so it can be switched back), and switched back.
        toggle = row(console, item["id"]).find_element(By.CSS_SELECTOR, ".availability-toggle")
        assert toggle.text == "Mark available"
        click(console, toggle)
        wait(console, lambda: manager_api.get(f"/api/menu/items/{item['id']}")["available"] is True,
             message="the item did not become available again")
        wait(console, lambda: text_at(console, f"tr[data-item-id='{item['id']}'] .item-status") == "Available")
    finally:
        restore(manager_api, item)


def test_the_menu_screen_lists_every_item_and_fits_the_tablet(console, manager_api):
    """The menu screen reads every item (GET /api/menu/items), so one created unavailable (never on
    the public menu) is listed, sold out; a manager sees an empty category (to edit it), a barista
    does not; a 100-letter name wraps instead of widening the page."""
    tag = secrets.token_hex(3)
    empty = manager_api.post("/api/menu/categories", {"name": f"Menu test empty {tag}", "position": 9000})
    category = manager_api.post("/api/menu/categories", {"name": f"Menu test {tag} " + "é" * 80, "position": 9000})
    item = None
    try:
        item = manager_api.post("/api/menu/items", {"category_id": category["id"], "name": "é" * 100,
                                                    "price_cents": 100, "tax_rate_bp": 0, "available": False})
        sign_in(console, "manager")
        open_menu_screen(console, item["id"])
        assert text_at(console, f"tr[data-item-id='{item['id']}'] .item-status") == "Sold out"
        assert console.find_elements(By.CSS_SELECTOR, f"section[data-category-id='{empty['id']}']")
        width = console.execute_script("return document.documentElement.scrollWidth")
        assert width <= 1024, f"the menu screen scrolls sideways ({width} px)"

        switch_user(console, "barista")
        open_menu_screen(console, item["id"])
        assert not console.find_elements(By.CSS_SELECTOR, f"section[data-category-id='{empty['id']}']")
    finally:
        if item:
            manager_api.delete(f"/api/menu/items/{item['id']}")
        manager_api.delete(f"/api/menu/categories/{category['id']}")
        manager_api.delete(f"/api/menu/categories/{empty['id']}")


# --- the till half ----------------------------------------------------------------------------

def test_till_shows_the_price_a_manager_set(console, public_api, manager_api):
    item = demo_item(public_api, "Cortado")
    new_cents = item["price_cents"] + 25
    try:
        sign_in(console, "manager")
        change_price_in_editor(console, item, new_cents)
        wait(console, lambda: manager_api.get(f"/api/menu/items/{item['id']}")["price_cents"] == new_cents)
        switch_user(console, "cashier")
        open_till(console, item)
        button = console.find_element(By.CSS_SELECTOR, f"button.item[data-item-id='{item['id']}']")
        assert digits(button.find_element(By.CSS_SELECTOR, ".price").get_attribute("textContent")) == new_cents
    finally:
        restore(manager_api, item)


def test_till_refuses_an_item_the_barista_marked_sold_out(console, public_api, manager_api):
    item = demo_item(public_api, "Sparkling Water")
    try:
        sign_in(console, "barista")
        mark_sold_out_on_menu_screen(console, item)
        wait(console, lambda: manager_api.get(f"/api/menu/items/{item['id']}")["available"] is False)
        switch_user(console, "cashier")
        # The till reads every item (GET /api/menu/items), so the unavailable one stays in its
        # category, marked sold out, and a tap on it says so and adds nothing.
        open_till(console, item)
        button = console.find_element(By.CSS_SELECTOR, f"button.item[data-item-id='{item['id']}']")
        assert "sold-out" in button.get_attribute("class").split()
        assert button.get_attribute("aria-disabled") == "true"
        click(console, button)
        wait(console, lambda: shown(console, "message") and item["name"] in by_id(console, "message").text
             and "sold out" in by_id(console, "message").text, message="no error naming the item was shown")
        others = [e for e in console.find_elements(By.CSS_SELECTOR, f"[data-item-id='{item['id']}']")
                  if e.get_attribute("class") is None or "item" not in e.get_attribute("class").split()]
        assert not others, "the sold-out item was added"
    finally:
        restore(manager_api, item)


# --- staff ------------------------------------------------------------------------------------

def staff_row(driver, username):
    return driver.find_element(By.XPATH, f"//tr[contains(@class,'staff-row')][th[text()='{username}']]")


def test_a_manager_adds_resets_and_deactivates_a_staff_member(console, manager_api):
    username = f"test-{secrets.token_hex(3)}"
    sign_in(console, "manager")
    console.get(f"{BASE_URL}/pos/staff.html")
    wait(console, lambda: shown(console, "staff-table"))

    # A manager may not add a manager: the API's sentence is shown.
    by_id(console, "new-username").send_keys(username + "m")
    by_id(console, "new-display-name").send_keys("Would-be Manager")
    console.find_element(By.CSS_SELECTOR, "#new-role option[value='manager']").click()
    by_id(console, "new-password").send_keys("a long password 1")
    click(console, by_id(console, "create-staff"))
    wait(console, lambda: shown(console, "create-error"), message="the refusal was not shown")
    assert "Only an admin" in by_id(console, "create-error").text
    assert all(s["username"] != username + "m" for s in manager_api.get("/api/staff?limit=200")["items"])

    # A cashier is added.
    type_into(console, "new-username", username)
    type_into(console, "new-display-name", "Test Cashier")
    console.find_element(By.CSS_SELECTOR, "#new-role option[value='cashier']").click()
    type_into(console, "new-password", "first password 1")
    click(console, by_id(console, "create-staff"))
    wait(console, lambda: console.find_elements(By.XPATH, f"//th[text()='{username}']"),
         message="the new member is not listed")
    member = next(s for s in manager_api.get("/api/staff?limit=200")["items"] if s["username"] == username)
    assert (member["display_name"], member["role"], member["active"]) == ("Test Cashier", "cashier", True)
    Api.login(username, "first password 1")

    # A new password (Edit), then deactivated.
    click(console, staff_row(console, username).find_element(By.CSS_SELECTOR, ".edit-staff"))
    wait(console, lambda: shown(console, "staff-dialog"))
    by_id(console, "edit-password").send_keys("second password 2")
    click(console, by_id(console, "staff-save"))
    wait(console, lambda: not shown(console, "staff-dialog"))
    Api.login(username, "second password 2")

    click(console, staff_row(console, username).find_element(By.CSS_SELECTOR, ".toggle-active"))
    wait(console, lambda: console.execute_script(
        "return [...document.querySelectorAll('tr.staff-row')].find((r) => r.querySelector('th').textContent === "
        "arguments[0])?.querySelector('.staff-status').textContent", username) == "Deactivated",
        message="the row does not say deactivated")
    member = next(s for s in manager_api.get("/api/staff?limit=200")["items"] if s["username"] == username)
    assert member["active"] is False
    with pytest.raises(ApiError) as refused:
        Api.login(username, "second password 2")
    assert refused.value.status == 401


# --- tables -----------------------------------------------------------------------------------

def test_a_manager_adds_a_table_and_sees_its_qr_code(console, manager_api, screenshots):
    label = f"Terrace {secrets.token_hex(2)}"
    sign_in(console, "manager")
    console.get(f"{BASE_URL}/pos/tables.html")
    wait(console, lambda: console.find_elements(By.CSS_SELECTOR, "article.table-card"))
    by_id(console, "new-label").send_keys(label)
    click(console, by_id(console, "create-table"))
    card_xpath = f"//article[contains(@class,'table-card')][.//h2[text()='{label}']]"
    wait(console, lambda: console.find_elements(By.XPATH, card_xpath), message="the new table is not shown")
    table_id = int(console.find_element(By.XPATH, card_xpath).get_attribute("data-table-id"))
    table = next(t for t in manager_api.get("/api/guest/tables?limit=200")["items"] if t["id"] == table_id)
    assert table["label"] == label and table["active"]

    # Its QR code is an image that loaded (the SVG from the API, as a data: URL).
    qr = f"article[data-table-id='{table_id}'] img.qr-image"
    wait(console, lambda: console.find_elements(By.CSS_SELECTOR, qr), message="no QR code")
    image = console.find_element(By.CSS_SELECTOR, qr)
    assert image.get_attribute("src").startswith("data:image/svg+xml")
    wait(console, lambda: console.execute_script("return arguments[0].complete && arguments[0].naturalWidth", image) > 0,
         message="the QR code image is empty")
    assert label in image.get_attribute("alt")
    click(console, image)  # scrolled into view for the screenshot
    console.save_screenshot(str(screenshots / "console-tables.png"))

    # The print sheet has it.
    click(console, by_id(console, "print-open"))
    wait(console, lambda: shown(console, "print-sheet"))
    cards = console.find_elements(By.XPATH, f"//figure[contains(@class,'print-card')][.//span[text()='{label}']]")
    assert cards, "the print sheet lacks the new table"
    assert console.execute_script("return arguments[0].querySelector('img').naturalWidth", cards[0]) > 0
    click(console, by_id(console, "print-close"))
    wait(console, lambda: not shown(console, "print-sheet"))

    # Renamed, then disabled.
    renamed = label + " R"
    field = console.find_element(By.XPATH, card_xpath + "//input[contains(@class,'rename-input')]")
    field.send_keys(" R")
    click(console, console.find_element(By.XPATH, card_xpath + "//button[contains(@class,'rename')]"))
    renamed_xpath = f"//article[@data-table-id='{table_id}'][.//h2[text()='{renamed}']]"
    wait(console, lambda: console.find_elements(By.XPATH, renamed_xpath), message="the table was not renamed")
    click(console, console.find_element(By.XPATH, renamed_xpath + "//button[contains(@class,'toggle-active')]"))
    wait(console, lambda: console.execute_script(
        "return document.querySelector(arguments[0])?.dataset.active", f"article[data-table-id='{table_id}']")
        == "false", message="the table was not disabled")
    table = next(t for t in manager_api.get("/api/guest/tables?limit=200")["items"] if t["id"] == table_id)
    assert (table["label"], table["active"]) == (renamed, False)


# --- amounts typed into the editor ------------------------------------------------------------

AMOUNTS = [
    # (text, minor digits, signed, expected value or the start of the error)
    ("4.20", 2, False, 420), ("4,2", 2, False, 420), ("4", 2, False, 400), ("0.07", 2, False, 7),
    ("19.99", 2, False, 1999), ("0.29", 2, False, 29), ("1.005", 2, False, "The amount can have at most 2"),
    ("-0.50", 2, True, -50), ("+0.60", 2, True, 60), ("-0.50", 2, False, "The amount must be a number"),
    ("1,000.00", 2, False, "The amount must be a number"), ("4.5", 0, False, "The amount cannot have decimals"),
    ("450", 0, False, 450), ("1.234", 3, False, 1234), ("", 2, False, "The amount must be a number"),
]


def test_amounts_are_read_as_text_into_exact_integers(console):
    """The editor's parser (menu/amounts.js) in the page itself: no float rounding (0.29 is 29,
    19.99 is 1999), no more decimals than the currency has, tax rates in basis points."""
    sign_in(console, "manager")
    console.get(f"{BASE_URL}/pos/menu.html")
    results = console.execute_async_script("""
        const [cases, done] = arguments;
        import('./menu/amounts.js').then((m) => done({
          amounts: cases.map(([text, digits, signed]) => m.parseDecimal(text, digits, { signed })),
          rates: ['10', '13.5 %', '0', '7.25', '7.255'].map((t) => m.parseRate(t)),
          shown: [m.formatDecimal(420, 2), m.formatDecimal(-50, 2), m.formatDecimal(5, 2), m.formatDecimal(450, 0),
                  m.formatRate(1350), m.formatRate(1000)],
          stock: ['', '12', '-1', '1.5'].map((t) => m.parseStock(t)),
        }));""", [[text, d, signed] for text, d, signed, _ in AMOUNTS])
    for (text, _, _, expected), got in zip(AMOUNTS, results["amounts"]):
        if isinstance(expected, int):
            assert got == {"value": expected}, text
        else:
            assert got.get("error", "").startswith(expected), (text, got)
    assert [r.get("value") for r in results["rates"]] == [1000, 1350, 0, 725, None]
    assert results["shown"] == ["4.20", "-0.50", "0.05", "450", "13.5", "10"]
    assert [r.get("value", "error") for r in results["stock"]] == [None, 12, "error", "error"]

"""The guest ordering page in a real browser (headless Chromium at 390 × 844), against the
running stack: a table's QR link opens the menu, a drink with its options goes into the cart,
the cart's total is the quote endpoint's, the order is placed, and the page follows it as the
staff accept it (or reject it) through the API. Screenshots go to $POS_VAR_DIR/screenshots/."""

import json
import re
import secrets
import time
import urllib.parse

from selenium.webdriver.common.by import By

from conftest import BASE_URL, ApiError
from helpers import by_id, click, digits, shown, wait

STATUS_WITHIN_SECONDS = 5


# --- helpers ----------------------------------------------------------------------------------

def new_table(manager_api, what):
    label = f"{what} {secrets.token_hex(3)}"
    table = manager_api.post("/api/guest/tables", {"label": label})
    assert table["label"] == label and table["token"], table
    return table


def open_guest_page(driver, token):
    driver.get(f"{BASE_URL}/guest/?t={urllib.parse.quote(token, safe='')}")


def open_menu(driver, token):
    open_guest_page(driver, token)
    wait(driver, lambda: shown(driver, "screen-menu"), message="the menu did not show")


def pick_drink(menu):
    """A drink (a bar category) that is not sold out and has a required one-of group with a
    dearer option than the first: (category, item, that group). The demo menu's Latte when
    it is there (other suites add items of their own to the menu)."""
    candidates = []
    for category in menu["categories"]:
        if category.get("station") != "bar":
            continue
        for item in category["items"]:
            if item.get("stock") == 0:
                continue
            for group in item["modifier_groups"]:
                if (group["min_select"], group["max_select"]) == (1, 1) and \
                        any(o["price_delta_cents"] > 0 for o in group["options"][1:]):
                    candidates.append((category, item, group))
                    break
    assert candidates, "the menu has no drink with a priced required option"
    return next((c for c in candidates if c[1]["name"] == "Latte"), candidates[0])


def show_category(driver, category):
    """Taps the category's link in the bar under the header."""
    link = driver.find_element(By.CSS_SELECTOR, f".categories__link[href='#category-{category['id']}']")
    click(driver, link)
    tops = []

    def settled():  # the (smooth) scroll has stopped with the category near the top
        tops.append(driver.execute_script(
            "return document.getElementById(arguments[0]).getBoundingClientRect().top", f"category-{category['id']}"))
        return len(tops) >= 3 and tops[-1] == tops[-2] == tops[-3] and 0 <= tops[-1] < 200
    wait(driver, settled, message="the category did not scroll into view")


def choose_option(driver, option_id):
    option = driver.find_element(By.CSS_SELECTOR, f"#dialog-groups input[value='{option_id}']")
    click(driver, option.find_element(By.XPATH, "./ancestor::label"))
    assert option.is_selected()


def add_drink_with_options(driver, menu, screenshots=None):
    """Adds two of a drink: the dearest option of its required group and a priced optional
    extra where it has one. Returns the request lines the page should have quoted."""
    _, item, group = pick_drink(menu)
    click(driver, driver.find_element(By.CSS_SELECTOR, f"li[data-item-id='{item['id']}'] .item__add"))
    wait(driver, lambda: by_id(driver, "item-dialog").is_displayed(), message="the options dialog did not open")
    dearest = max(group["options"], key=lambda o: o["price_delta_cents"])
    choose_option(driver, dearest["id"])
    modifiers = [dearest["id"]]
    for other in item["modifier_groups"]:
        if other is group:
            continue
        if (other["min_select"], other["max_select"]) == (1, 1):
            modifiers.append(other["options"][0]["id"])  # the page starts a required one-of on its first
        elif other["min_select"] == 0 and len(modifiers) < 3:
            priced = [o for o in other["options"] if o["price_delta_cents"] > 0]
            if priced:
                choose_option(driver, priced[0]["id"])
                modifiers.append(priced[0]["id"])
    click(driver, by_id(driver, "dialog-plus"))
    assert by_id(driver, "dialog-quantity").text == "2"
    wait(driver, lambda: by_id(driver, "dialog-price").get_attribute("data-cents"), message="no line price in the dialog")
    if screenshots:
        driver.save_screenshot(str(screenshots / "options.png"))
    click(driver, by_id(driver, "dialog-add"))
    wait(driver, lambda: not by_id(driver, "item-dialog").is_displayed())
    return [{"item_id": item["id"], "quantity": 2, "modifiers": sorted(modifiers)}]


def open_cart_with_quote(driver):
    wait(driver, lambda: shown(driver, "cart-open"), message="the cart button did not show")
    click(driver, by_id(driver, "cart-open"))
    wait(driver, lambda: shown(driver, "screen-cart"))
    wait(driver, lambda: by_id(driver, "total-total").get_attribute("data-cents")
         and by_id(driver, "cart-quote-state").text == "", message="the cart shows no quoted total")


def place_order(driver):
    place = by_id(driver, "place-order")
    wait(driver, place.is_enabled, message="Place order stays disabled")
    click(driver, place)
    wait(driver, lambda: shown(driver, "screen-status"), message="the status view did not show")
    card = by_id(driver, "status-card")
    wait(driver, lambda: card.get_attribute("data-order-id"))
    return int(card.get_attribute("data-order-id"))


def shown_status(driver):
    return by_id(driver, "status-card").get_attribute("data-status")


def wait_for_status(driver, status):
    """Seconds until the page shows `status` (fails past STATUS_WITHIN_SECONDS)."""
    started = time.monotonic()
    wait(driver, lambda: shown_status(driver) == status, timeout=STATUS_WITHIN_SECONDS,
         message=f"the page did not show {status!r} within {STATUS_WITHIN_SECONDS} s (shows {shown_status(driver)!r})")
    return time.monotonic() - started


# --- the tests --------------------------------------------------------------------------------

def test_a_guest_orders_a_drink_and_sees_staff_accept_it(page, public_api, manager_api, cashier_api, screenshots):
    table = new_table(manager_api, "Browser")
    menu = public_api.get("/api/menu")
    settings = public_api.get("/api/settings")

    open_menu(page, table["token"])
    assert page.find_element(By.TAG_NAME, "html").get_attribute("lang") == "en"
    assert by_id(page, "cafe-name").text == settings["cafe_name"]
    assert table["label"] in by_id(page, "table-label").text
    show_category(page, pick_drink(menu)[0])
    page.save_screenshot(str(screenshots / "menu.png"))

    lines = add_drink_with_options(page, menu, screenshots)
    open_cart_with_quote(page)
    quote = public_api.post("/api/orders/quote", {"type": "dine_in", "items": lines})
    total = by_id(page, "total-total")
    assert int(total.get_attribute("data-cents")) == quote["total_cents"]
    assert digits(total.text) == quote["total_cents"], f"shown {total.text!r}, quoted {quote['total_cents']}"
    assert digits(by_id(page, "total-subtotal").text) == quote["subtotal_cents"]
    assert digits(by_id(page, "total-tax").text) == quote["tax_cents"]
    line_total = page.find_element(By.CSS_SELECTOR, "#cart-lines .line__total")
    assert digits(line_total.text) == quote["items"][0]["line_total_cents"]
    page.save_screenshot(str(screenshots / "cart.png"))

    order_id = place_order(page)
    assert shown_status(page) == "pending"
    assert "Waiting for the staff" in by_id(page, "status-headline").text
    assert digits(by_id(page, "status-total").text) == quote["total_cents"]
    page.save_screenshot(str(screenshots / "status-pending.png"))
    placed = manager_api.get(f"/api/orders/{order_id}")
    assert placed["source"] == "guest" and placed["status"] == "pending"
    assert placed["total_cents"] == quote["total_cents"]

    cashier_api.post(f"/api/orders/{order_id}/accept")
    seconds = wait_for_status(page, "submitted")
    print(f"accepted shown after {seconds:.1f} s")
    assert "Accepted" in by_id(page, "status-headline").text
    page.save_screenshot(str(screenshots / "status.png"))

    manager_api.post(f"/api/orders/{order_id}/ready")
    wait_for_status(page, "ready")
    assert "ready" in by_id(page, "status-headline").text
    page.save_screenshot(str(screenshots / "status-ready.png"))

    # Back to the menu for more: the order stays one tap away, still followed.
    click(page, by_id(page, "status-new-order"))
    wait(page, lambda: shown(page, "screen-menu"))
    back = by_id(page, "status-open")
    assert back.is_displayed() and "ready" in back.text
    page.save_screenshot(str(screenshots / "menu-with-order.png"))
    click(page, back)
    wait(page, lambda: shown(page, "screen-status"))


def test_a_rejected_order_says_so(page, public_api, manager_api, cashier_api, screenshots):
    table = new_table(manager_api, "Reject")
    open_menu(page, table["token"])
    add_drink_with_options(page, public_api.get("/api/menu"))
    open_cart_with_quote(page)
    order_id = place_order(page)

    cashier_api.post(f"/api/orders/{order_id}/reject", {"reason": "The espresso machine is being cleaned"})
    wait_for_status(page, "cancelled")
    assert "not accepted" in by_id(page, "status-headline").text
    page.save_screenshot(str(screenshots / "status-rejected.png"))

    # A reload keeps the tab's session and still knows the order.
    page.refresh()
    wait(page, lambda: shown(page, "screen-menu"))
    wait(page, lambda: shown(page, "status-open") and "not accepted" in by_id(page, "status-open").text,
         message="after a reload the order is not shown")


def test_an_unknown_table_gets_a_clear_message(page, screenshots):
    open_guest_page(page, secrets.token_urlsafe(32))
    wait(page, lambda: shown(page, "screen-message"), message="no message for an unknown table")
    assert "not taking orders" in by_id(page, "message-title").text
    assert "ask" in by_id(page, "message-detail").text
    assert not shown(page, "screen-menu")
    page.save_screenshot(str(screenshots / "unknown-table.png"))


def test_a_disabled_table_gets_the_same_clear_message(page, manager_api):
    table = new_table(manager_api, "Disabled")
    manager_api.request("PATCH", f"/api/guest/tables/{table['id']}", {"active": False})
    open_guest_page(page, table["token"])
    wait(page, lambda: shown(page, "screen-message"), message="no message for a disabled table")
    assert "not taking orders" in by_id(page, "message-title").text
    assert not shown(page, "screen-menu")


def test_a_page_without_a_table_code_says_how_to_get_one(page):
    page.get(f"{BASE_URL}/guest/")
    wait(page, lambda: shown(page, "screen-message"))
    assert "QR code" in by_id(page, "message-detail").text


def test_a_sold_out_item_cannot_be_added(page, public_api, manager_api, screenshots):
    menu = public_api.get("/api/menu")
    category = menu["categories"][0]
    item = manager_api.post("/api/menu/items", {
        "category_id": category["id"], "name": f"Aaa sold-out scone {secrets.token_hex(2)}",
        "description": "Made in the morning; gone by noon.", "price_cents": 275, "tax_rate_bp": 700, "stock": 0})
    try:
        table = new_table(manager_api, "Sold out")
        open_menu(page, table["token"])
        row = page.find_element(By.CSS_SELECTOR, f"li[data-item-id='{item['id']}']")
        page.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", row)
        badge = row.find_element(By.CSS_SELECTOR, ".item__badge")
        assert badge.is_displayed() and badge.text == "Sold out"
        button = row.find_element(By.CSS_SELECTOR, ".item__add")
        assert not button.is_enabled()
        page.execute_script("arguments[0].click()", button)  # even a forced click adds nothing
        time.sleep(0.3)
        assert not by_id(page, "item-dialog").is_displayed()
        assert not shown(page, "cart-open")
        page.save_screenshot(str(screenshots / "sold-out.png"))
    finally:
        manager_api.delete(f"/api/menu/items/{item['id']}")


def test_a_long_item_name_wraps_inside_the_phone_screen(page, public_api, manager_api):
    """A name that is one long word (a supplier's code, a typo) wraps: the page never scrolls
    sideways on a 390 px phone."""
    category = public_api.get("/api/menu")["categories"][0]
    name = "Aaa" + "Supercalifragilistic" * 4 + secrets.token_hex(2)
    item = manager_api.post("/api/menu/items", {
        "category_id": category["id"], "name": name, "price_cents": 300, "tax_rate_bp": 700})
    try:
        table = new_table(manager_api, "Long name")
        open_menu(page, table["token"])
        row = page.find_element(By.CSS_SELECTOR, f"li[data-item-id='{item['id']}']")
        assert row.find_element(By.CSS_SELECTOR, ".item__name").text.replace("\n", "") == name
        width = page.execute_script("return document.documentElement.scrollWidth")
        assert width <= 390, f"the page is {width} px wide"
    finally:
        manager_api.delete(f"/api/menu/items/{item['id']}")


def test_an_ended_session_offers_to_start_again_and_keeps_the_cart(page, public_api, manager_api, screenshots):
    table = new_table(manager_api, "Expired")
    open_menu(page, table["token"])
    lines = add_drink_with_options(page, public_api.get("/api/menu"))
    # The session ends (as when it expires): the server no longer knows its token.
    page.execute_script("""
        const key = 'cafe-pos.guest.session';
        const saved = JSON.parse(sessionStorage.getItem(key));
        saved.token = 'expired-' + saved.token.split('').reverse().join('');
        sessionStorage.setItem(key, JSON.stringify(saved));""")
    open_cart_with_quote(page)
    click(page, by_id(page, "place-order"))
    wait(page, lambda: shown(page, "screen-message"), message="no message for an ended session")
    assert "session has ended" in by_id(page, "message-title").text
    action = by_id(page, "message-action")
    assert action.text == "Start again"
    page.save_screenshot(str(screenshots / "session-ended.png"))

    click(page, action)
    wait(page, lambda: shown(page, "screen-cart"), message="Start again did not return to the cart")
    assert len(page.find_elements(By.CSS_SELECTOR, "#cart-lines .line")) == len(lines)
    order_id = place_order(page)
    assert manager_api.get(f"/api/orders/{order_id}")["status"] == "pending"


def test_the_page_is_served_with_its_security_headers(public_api):
    import urllib.request
    with urllib.request.urlopen(f"{BASE_URL}/guest/?t=x", timeout=5) as response:
        headers = response.headers
        assert headers["Content-Type"].startswith("text/html")
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "'unsafe-inline'" not in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "no-referrer"
    with urllib.request.urlopen(f"{BASE_URL}/guest/main.js", timeout=5) as response:
        assert response.headers["Content-Type"].startswith("text/javascript")
    try:
        public_api.request("GET", "/guest/no-such-file.js")
        raise AssertionError("a missing file was served")
    except ApiError as error:
        assert error.status == 404 and json.loads(error.body)["status"] == 404


def test_the_menu_and_the_options_work_with_the_keyboard(page, manager_api):
    from selenium.webdriver.common.keys import Keys
    table = new_table(manager_api, "Keyboard")
    open_menu(page, table["token"])
    body = page.find_element(By.TAG_NAME, "body")
    body.send_keys(Keys.TAB)  # the first category link
    for _ in range(40):
        focused = page.switch_to.active_element
        if "item__add" in (focused.get_attribute("class") or ""):
            break
        focused.send_keys(Keys.TAB)
    else:
        raise AssertionError("Tab never reached an item's Add button")
    assert focused.tag_name == "button"
    focused.send_keys(Keys.ENTER)
    wait(page, lambda: by_id(page, "item-dialog").is_displayed(), message="Enter did not open the options")
    inside = page.switch_to.active_element
    assert page.execute_script("return document.getElementById('item-dialog').contains(arguments[0])", inside)
    inside.send_keys(Keys.ESCAPE)
    wait(page, lambda: not by_id(page, "item-dialog").is_displayed(), message="Escape did not close the options")
    assert page.switch_to.active_element == focused

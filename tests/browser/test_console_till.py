"""The till (/pos/till.html) in a real browser against the real stack: a cashier rings up a sale
with modifiers, sees the quote's total, sends it to the kitchen and takes cash with the right
change; a payment whose answer is lost is taken exactly once; a guest order shows within 3 s
and accepting it sends it to the kitchen; a dropped network keeps the cart and sends nothing
twice; a manager discounts and voids (audited) while a cashier never sees those buttons; a
price change and a sold-out made elsewhere show within seconds, and a sold-out item is refused;
only categories with items get a tab (a sold-out-only one too) and the till fits 1024 px however
many categories other runs left; split tender; an open tab resumed. Every result is checked
through the API as well."""

import json
import threading
import time
import urllib.request
import uuid

import websocket
from selenium.webdriver.common.by import By

from conftest import BASE_URL, Api, ApiError
from helpers import by_id, click, digits, shown, sign_in, wait

TENDERED_CENTS = 2000


# --- the menu and the shift, through the API ----------------------------------------------------

def menu_item(api, name):
    for category in api.get("/api/menu")["categories"]:
        for item in category["items"]:
            if item["name"] == name:
                return item
    raise AssertionError(f"{name} is not on the demo menu")


def latte_with_two_modifiers(api):
    """The Latte, its second size (a radio) and its first priced milk (an optional checkbox)."""
    latte = menu_item(api, "Latte")
    groups = {group["name"]: group for group in latte["modifier_groups"]}
    size = groups["Size"]["options"][1]
    milk = next(option for option in groups["Milk"]["options"] if option["price_delta_cents"] > 0)
    return latte, [size["id"], milk["id"]]


def free_the_till(manager_api, cashier_api, even_own=False):
    """A shift left open on the till by someone other than the cashier (or `even_own`: by anyone)
    is closed, counted as expected, so the cashier can open or use their own."""
    cashier_id = cashier_api.get("/api/auth/me")["id"]
    try:
        shift = manager_api.get("/api/shifts/current")
    except ApiError as error:
        assert error.status == 404, error
        return
    if even_own or shift["opened_by"] != cashier_id:
        manager_api.post(f"/api/shifts/{shift['id']}/close", {"counted_cash_cents": shift["expected_cash_cents"]})


# --- what a cashier does on the till ------------------------------------------------------------

def open_till(driver, username):
    sign_in(driver, username)
    if not driver.current_url.endswith("/pos/till.html"):
        driver.get(f"{BASE_URL}/pos/till.html")
    wait(driver, lambda: driver.find_elements(By.CSS_SELECTOR, "button.item"), message="the menu did not show")


def item_button(driver, item_id):
    return driver.find_element(By.CSS_SELECTOR, f'button.item[data-item-id="{item_id}"]')


def tap_item(driver, item, option_ids=()):
    """Taps `item` in its category (choosing `option_ids` in its dialog when it has options)."""
    click(driver, driver.find_element(By.CSS_SELECTOR, f'[data-category-id="{item["category_id"]}"]'))
    click(driver, item_button(driver, item["id"]))
    if item["modifier_groups"]:
        wait(driver, lambda: shown(driver, "item-dialog"), message="the options dialog did not open")
        for option_id in option_ids:
            box = driver.find_element(By.CSS_SELECTOR, f'#item-groups input[data-option-id="{option_id}"]')
            if not box.is_selected():
                click(driver, box.find_element(By.XPATH, "./ancestor::label"))
        click(driver, by_id(driver, "item-add"))
        wait(driver, lambda: not shown(driver, "item-dialog"))


def cart_lines(driver):
    return driver.find_elements(By.CSS_SELECTOR, "#cart-lines li")


def wait_for_total(driver, cents):
    wait(driver, lambda: by_id(driver, "cart-total").get_attribute("data-cents") == str(cents)
         and by_id(driver, "quote-state").text == "",
         message=f"the cart total did not become {cents}: {by_id(driver, 'cart-total').text}")


def shown_order_id(driver):
    wait(driver, lambda: by_id(driver, "cart-heading").get_attribute("data-order-id"),
         message="no order on the right-hand side")
    return int(by_id(driver, "cart-heading").get_attribute("data-order-id"))


def wait_for_payment_dialog(driver):
    """The payment dialog; when the cashier has no shift, one is opened first with a float.
    True when a shift had to be opened."""
    wait(driver, lambda: shown(driver, "pay-dialog") or shown(driver, "shift-dialog"),
         message="neither the payment nor the shift dialog opened")
    if not shown(driver, "shift-dialog"):
        return False
    by_id(driver, "shift-float").send_keys("150.00")
    click(driver, by_id(driver, "shift-submit"))
    wait(driver, lambda: shown(driver, "pay-dialog"), message="the payment dialog did not open")
    return True


def in_stock(manager_api, item, at_least=5):
    """`item`, its counted stock topped up when earlier runs on this stack have used it up."""
    if item["stock"] is not None and item["stock"] < at_least:
        return manager_api.request("PATCH", f"/api/menu/items/{item['id']}", {"stock": item["stock"] + 20})
    return item


def type_on_keypad(driver, text):
    for key in text:
        click(driver, driver.find_element(By.CSS_SELECTOR, f'#keypad button[data-key="{key}"]'))


def pay_cash(driver, tendered_cents=None):
    """Cash on the keypad (`tendered_cents`) or exact, then Charge; waits for the change."""
    click(driver, driver.find_element(By.CSS_SELECTOR, 'input[name="pay-method"][value="cash"]'))
    if tendered_cents is not None:
        click(driver, by_id(driver, "field-tendered"))
        type_on_keypad(driver, str(tendered_cents))
    click(driver, by_id(driver, "pay-submit"))
    wait(driver, lambda: shown(driver, "change-due"), timeout=20, message="no change was shown")


def payments_of(api, order_id):
    return api.get(f"/api/payments?order_id={order_id}")["items"]


# --- the tests ----------------------------------------------------------------------------------

def test_cashier_rings_up_sends_and_takes_cash_with_change(console, screenshots, public_api, cashier_api, manager_api):
    free_the_till(manager_api, cashier_api, even_own=True)
    latte, options = latte_with_two_modifiers(public_api)
    croissant = in_stock(manager_api, menu_item(public_api, "Butter Croissant"))
    quote = public_api.post("/api/orders/quote", {"type": "takeaway", "items": [
        {"item_id": latte["id"], "quantity": 1, "modifiers": options},
        {"item_id": croissant["id"], "quantity": 1}]})

    open_till(console, "cashier")
    tap_item(console, latte, options)
    tap_item(console, croissant)
    assert len(cart_lines(console)) == 2
    line = console.find_element(By.CSS_SELECTOR, f'#cart-lines li[data-item-id="{croissant["id"]}"]')
    click(console, line.find_element(By.CSS_SELECTOR, ".note-toggle"))
    line.find_element(By.CSS_SELECTOR, ".line-note").send_keys("warmed, please\t")
    click(console, line.find_element(By.CSS_SELECTOR, ".qty-plus"))
    wait(console, lambda: line.find_element(By.CSS_SELECTOR, ".line-quantity").text == "2")
    click(console, line.find_element(By.CSS_SELECTOR, ".qty-minus"))
    wait_for_total(console, quote["total_cents"])
    assert digits(by_id(console, "cart-total").text) == quote["total_cents"]
    console.save_screenshot(str(screenshots / "console-till-cart.png"))

    click(console, by_id(console, "send-kitchen"))
    order_id = shown_order_id(console)
    assert wait_for_payment_dialog(console), "a cashier without a shift was not asked to open one"
    assert digits(by_id(console, "pay-balance").text) == quote["total_cents"]
    pay_cash(console, TENDERED_CENTS)
    change = TENDERED_CENTS - quote["total_cents"]
    assert digits(by_id(console, "change-due").text) == change
    assert "paid in full" in by_id(console, "pay-done").text
    console.save_screenshot(str(screenshots / "console-till-change.png"))

    order = cashier_api.get(f"/api/orders/{order_id}")
    assert order["status"] == "submitted"
    assert order["payment_status"] == "paid"
    assert order["total_cents"] == quote["total_cents"]
    assert sorted(line["item_id"] for line in order["items"]) == sorted([latte["id"], croissant["id"]])
    latte_line = next(line for line in order["items"] if line["item_id"] == latte["id"])
    assert sorted(m["option_id"] for m in latte_line["modifiers"]) == sorted(options)
    assert [line["note"] for line in order["items"] if line["item_id"] == croissant["id"]] == ["warmed, please"]
    [payment] = payments_of(cashier_api, order_id)
    assert (payment["method"], payment["amount_cents"], payment["tendered_cents"], payment["change_cents"]) == (
        "cash", quote["total_cents"], TENDERED_CENTS, change)
    shift = cashier_api.get("/api/shifts/current")
    assert payment["shift_id"] == shift["id"] and shift["opening_float_cents"] == 15000

    # The receipt is the API's, shown as text.
    click(console, by_id(console, "pay-receipt"))
    wait(console, lambda: shown(console, "receipt-text") and f"#{order['number']}" in by_id(console, "receipt-text").text)


class LoseFirstAnswer:
    """Chrome DevTools on the page's own target: the first POST /api/payments is let through to
    the server and its answer is then failed (Fetch.failRequest at the Response stage), so the
    browser never sees it; interception ends right after."""

    def __init__(self, driver):
        address = driver.capabilities["goog:chromeOptions"]["debuggerAddress"]
        with urllib.request.urlopen(f"http://{address}/json", timeout=5) as answer:
            targets = json.load(answer)
        page = next(t for t in targets if t["type"] == "page" and "/pos/till.html" in t["url"])
        self.socket = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30, suppress_origin=True)
        self.failed = []
        self.next_id = 0
        self.send("Fetch.enable", {"patterns": [{"urlPattern": "*/api/payments*", "requestStage": "Response"}]})
        self.thread = threading.Thread(target=self.run, daemon=True)
        self.thread.start()

    def send(self, method, params):
        self.next_id += 1
        self.socket.send(json.dumps({"id": self.next_id, "method": method, "params": params}))

    def run(self):
        while True:
            try:
                message = json.loads(self.socket.recv())
            except Exception:  # noqa: BLE001  (closed)
                return
            if message.get("method") == "Fetch.requestPaused":
                params = message["params"]
                self.failed.append((params["request"]["method"], params.get("responseStatusCode")))
                self.send("Fetch.failRequest", {"requestId": params["requestId"], "errorReason": "ConnectionReset"})
                self.send("Fetch.disable", {})

    def close(self):
        self.socket.close()
        self.thread.join(timeout=5)


def test_a_payment_whose_answer_is_lost_is_taken_once(console, public_api, cashier_api, manager_api):
    free_the_till(manager_api, cashier_api)
    lemonade = menu_item(public_api, "Homemade Lemonade")
    open_till(console, "cashier")
    tap_item(console, lemonade)
    tap_item(console, lemonade)
    wait(console, lambda: by_id(console, "quote-state").text == "" and by_id(console, "cart-total").get_attribute("data-cents"))
    click(console, by_id(console, "send-kitchen"))
    order_id = shown_order_id(console)
    wait_for_payment_dialog(console)

    interceptor = LoseFirstAnswer(console)
    try:
        pay_cash(console, 1000)
    finally:
        interceptor.close()

    # The server stored the first attempt and answered its repeat (same key) with it.
    assert interceptor.failed == [("POST", 201)]
    payments = payments_of(cashier_api, order_id)
    assert len(payments) == 1, payments
    order = cashier_api.get(f"/api/orders/{order_id}")
    assert order["payment_status"] == "paid"
    assert digits(by_id(console, "change-due").text) == 1000 - order["total_cents"] == payments[0]["change_cents"]


def kitchen_queue_ids(api):
    """Every ticket id of the kitchen queue, page by page (other runs may have left many)."""
    ids, cursor = [], None
    while True:
        page = api.get("/api/kitchen/queue?limit=200" + (f"&cursor={cursor}" if cursor else ""))
        ids += [ticket["id"] for ticket in page["items"]]
        cursor = page.get("next_cursor")
        if not cursor:
            return ids


def test_a_guest_order_shows_within_3_s_and_accepting_sends_it_to_the_kitchen(console, public_api, manager_api, barista_api):
    juice = menu_item(public_api, "Fresh Orange Juice")
    table = manager_api.post("/api/guest/tables", {"label": f"Till test {uuid.uuid4().hex[:6]}"})
    session = public_api.post("/api/guest/sessions", {"table_token": table["token"]})
    open_till(console, "cashier")
    click(console, by_id(console, "guest-orders-open"))

    guest = Api().request("POST", "/api/guest/orders", {"items": [{"item_id": juice["id"], "quantity": 2}], "note": "no ice"},
                          headers={"Authorization": f"Guest {session['session_token']}"})
    placed = time.monotonic()
    accept = f'button[data-accept-order="{guest["id"]}"]'
    wait(console, lambda: console.find_elements(By.CSS_SELECTOR, accept), timeout=3, message="the guest order did not show")
    assert time.monotonic() - placed <= 3
    assert digits(by_id(console, "guest-orders-badge").text) >= 1
    row = console.find_element(By.CSS_SELECTOR, f'#guest-list li[data-order-id="{guest["id"]}"]')
    assert "2 × Fresh Orange Juice" in row.text and table["label"] in row.text
    assert console.find_elements(By.CSS_SELECTOR, f'button[data-reject-order="{guest["id"]}"]')

    click(console, console.find_element(By.CSS_SELECTOR, accept))
    wait(console, lambda: not console.find_elements(By.CSS_SELECTOR, accept), message="the accepted order stayed listed")
    assert manager_api.get(f"/api/orders/{guest['id']}")["status"] == "submitted"
    assert guest["id"] in kitchen_queue_ids(barista_api)

    # Another one is rejected with a reason.
    second = Api().request("POST", "/api/guest/orders", {"items": [{"item_id": juice["id"], "quantity": 1}]},
                           headers={"Authorization": f"Guest {session['session_token']}"})
    reject = f'button[data-reject-order="{second["id"]}"]'
    wait(console, lambda: console.find_elements(By.CSS_SELECTOR, reject), timeout=3, message="the second order did not show")
    click(console, console.find_element(By.CSS_SELECTOR, reject))
    wait(console, lambda: shown(console, "reason-dialog"))
    by_id(console, "reason-text").send_keys("Kitchen closed")
    click(console, by_id(console, "reason-submit"))
    wait(console, lambda: not console.find_elements(By.CSS_SELECTOR, reject), message="the rejected order stayed listed")
    assert manager_api.get(f"/api/orders/{second['id']}")["status"] == "cancelled"


def submitted_ids(api):
    return {order["id"] for order in api.get("/api/orders?status=submitted&limit=200")["items"]}


def test_a_dropped_network_keeps_the_cart_and_sends_the_sale_once(console, public_api, cashier_api, manager_api):
    free_the_till(manager_api, cashier_api)
    muffin = menu_item(public_api, "Blueberry Muffin")
    water = menu_item(public_api, "Sparkling Water")
    before = submitted_ids(cashier_api)
    open_till(console, "cashier")
    tap_item(console, muffin)
    wait(console, lambda: by_id(console, "quote-state").text == "")

    console.execute_cdp_cmd("Network.enable", {})
    console.execute_cdp_cmd("Network.emulateNetworkConditions",
                            {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    try:
        tap_item(console, water)
        wait(console, lambda: shown(console, "connection"), message="the till did not say the network is gone")
        assert "No connection" in by_id(console, "connection").text
        wait(console, lambda: "connection is back" in by_id(console, "quote-state").text)
        assert len(cart_lines(console)) == 2
        assert by_id(console, "send-kitchen").get_attribute("disabled")
    finally:
        console.execute_cdp_cmd("Network.emulateNetworkConditions",
                                {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
        console.execute_cdp_cmd("Network.disable", {})

    # Back online: the cart is still there, even after a reload, and the sale goes through once.
    console.refresh()
    wait(console, lambda: len(cart_lines(console)) == 2, message="the cart was lost")
    quote = public_api.post("/api/orders/quote", {"type": "takeaway", "items": [
        {"item_id": muffin["id"], "quantity": 1}, {"item_id": water["id"], "quantity": 1}]})
    wait_for_total(console, quote["total_cents"])
    wait(console, lambda: not shown(console, "connection"))
    click(console, by_id(console, "send-kitchen"))
    order_id = shown_order_id(console)
    wait_for_payment_dialog(console)
    pay_cash(console)
    assert digits(by_id(console, "change-due").text) == 0

    assert submitted_ids(cashier_api) - before == {order_id}
    assert len(payments_of(cashier_api, order_id)) == 1
    assert cashier_api.get(f"/api/orders/{order_id}")["payment_status"] == "paid"


def audit_reasons(api, order_id):
    return {(entry["type"], entry["reason"]) for entry in api.get("/api/audit?limit=200")["items"]
            if entry["entity"] == "order" and entry["entity_id"] == order_id}


def test_a_manager_discounts_and_voids_and_a_cashier_cannot(console, public_api, manager_api):
    bun = menu_item(public_api, "Pain au Chocolat")
    open_till(console, "manager")
    tap_item(console, bun)
    wait(console, lambda: by_id(console, "quote-state").text == "")
    click(console, by_id(console, "keep-open"))
    order_id = shown_order_id(console)
    wait(console, lambda: shown(console, "discount-open"))

    click(console, by_id(console, "discount-open"))
    wait(console, lambda: shown(console, "reason-dialog"))
    by_id(console, "discount-value").send_keys("10")
    by_id(console, "reason-text").send_keys("Regular customer")
    click(console, by_id(console, "reason-submit"))
    wait(console, lambda: shown(console, "cart-discount"), message="the discount did not show")
    order = manager_api.get(f"/api/orders/{order_id}")
    assert order["discount_cents"] > 0
    assert digits(by_id(console, "cart-total").text) == order["total_cents"]

    click(console, by_id(console, "void-open"))
    wait(console, lambda: shown(console, "reason-dialog"))
    by_id(console, "reason-text").send_keys("Customer left")
    click(console, by_id(console, "reason-submit"))
    wait(console, lambda: by_id(console, "order-status").get_attribute("data-status") == "cancelled")
    assert not shown(console, "void-open") and not shown(console, "pay")
    assert manager_api.get(f"/api/orders/{order_id}")["status"] == "cancelled"
    assert {("order_discounted", "Regular customer"), ("order_cancelled", "Customer left")} <= audit_reasons(manager_api, order_id)

    # A cashier with an open tab of their own sees neither button.
    console.execute_script("sessionStorage.clear()")
    open_till(console, "cashier")
    tap_item(console, bun)
    wait(console, lambda: by_id(console, "quote-state").text == "")
    click(console, by_id(console, "keep-open"))
    tab_id = shown_order_id(console)
    assert not console.find_elements(By.CSS_SELECTOR, "#discount-open:not([hidden]), #void-open:not([hidden])")
    assert not shown(console, "discount-open") and not shown(console, "void-open")
    manager_api.post(f"/api/orders/{tab_id}/cancel", {"reason": "test tab"})


def test_a_price_change_made_elsewhere_shows_within_seconds(console, public_api, manager_api):
    mocha = menu_item(public_api, "Mocha")
    open_till(console, "cashier")
    click(console, console.find_element(By.CSS_SELECTOR, f'[data-category-id="{mocha["category_id"]}"]'))
    price = """return document.querySelector(`button.item[data-item-id="${arguments[0]}"] .price`)?.textContent ?? ''"""
    assert digits(console.execute_script(price, mocha["id"])) == mocha["price_cents"]
    manager_api.request("PATCH", f"/api/menu/items/{mocha['id']}", {"price_cents": mocha["price_cents"] + 30})
    try:
        wait(console, lambda: digits(console.execute_script(price, mocha["id"])) == mocha["price_cents"] + 30,
             timeout=8, message="the new price did not reach the till")
    finally:
        manager_api.request("PATCH", f"/api/menu/items/{mocha['id']}", {"price_cents": mocha["price_cents"]})


def test_a_sold_out_item_is_marked_and_refused(console, public_api, manager_api):
    bun = menu_item(public_api, "Cinnamon Bun")
    bun = in_stock(manager_api, bun)
    open_till(console, "cashier")
    tap_item(console, bun)
    wait(console, lambda: by_id(console, "quote-state").text == "")
    manager_api.request("PATCH", f"/api/menu/items/{bun['id']}", {"available": False})
    try:
        # Read in one go: the grid is drawn again whenever the menu changes.
        read = """const b = document.querySelector(`button.item[data-item-id="${arguments[0]}"]`);
                  return b && {cls: b.className, disabled: b.getAttribute('aria-disabled'), text: b.innerText};"""
        wait(console, lambda: "sold-out" in (console.execute_script(read, bun["id"]) or {}).get("cls", ""), timeout=8,
             message="the sold-out did not reach the till")
        button = console.execute_script(read, bun["id"])
        assert button["disabled"] == "true" and "Sold out" in button["text"]
        console.execute_script(f'document.querySelector(\'button.item[data-item-id="{bun["id"]}"]\').click()')
        wait(console, lambda: shown(console, "message") and "sold out" in by_id(console, "message").text)
        assert bun["name"] in by_id(console, "message").text
        assert len(cart_lines(console)) == 1
        # The one already in the cart: the server's refusal, readably, and nothing to send.
        wait(console, lambda: bun["name"] in by_id(console, "quote-state").text)
        assert by_id(console, "send-kitchen").get_attribute("disabled")
    finally:
        manager_api.request("PATCH", f"/api/menu/items/{bun['id']}", {"available": True})


def test_tabs_only_for_categories_with_items_and_the_menu_fits(console, manager_api, screenshots):
    """A category without items gets no tab; one whose only item is unavailable gets one, with the
    item marked sold out (GET /api/menu leaves it out; the till reads every item). The first tab
    shows items; with a dozen more categories (one named with an 80-letter word) nothing is wider
    than 1024 px and the tabs leave the grid most of the screen."""
    tag = uuid.uuid4().hex[:6]
    categories, items = [], []

    def category_with(name, *item_names):
        category = manager_api.post("/api/menu/categories", {"name": name, "position": 0})
        categories.append(category)
        for item_name in item_names:
            items.append(manager_api.post("/api/menu/items", {"category_id": category["id"], "name": item_name,
                                                              "price_cents": 100, "tax_rate_bp": 0, "available": False}))
        return category

    try:
        empty = category_with(f"Till test empty {tag}")
        hidden = category_with(f"Till test sold out {tag}", f"Till test gone {tag}")
        item = items[-1]
        for n in range(10):
            category_with(f"Till test {n} {tag}", f"Till test {n} {tag}")
        category_with(f"Till test {tag} " + "é" * 80, "é" * 100)
        open_till(console, "cashier")
        wait(console, lambda: console.find_elements(By.CSS_SELECTOR, f'#category-tabs [data-category-id="{categories[-1]["id"]}"]'),
             message="the new categories have no tabs")
        tabs = console.execute_script("""return [...document.querySelectorAll('#category-tabs [role=tab]')]
            .map((t) => ({id: Number(t.dataset.categoryId), selected: t.getAttribute('aria-selected')}));""")
        ids = [tab["id"] for tab in tabs]
        assert empty["id"] not in ids, "an empty category has a tab"
        assert hidden["id"] in ids, "a category whose only item is sold out has no tab"
        assert tabs[0]["selected"] == "true" and console.find_elements(By.CSS_SELECTOR, "#item-grid button.item")

        click(console, console.find_element(By.CSS_SELECTOR, f'#category-tabs [data-category-id="{hidden["id"]}"]'))
        wait(console, lambda: console.find_elements(By.CSS_SELECTOR, f'button.item[data-item-id="{item["id"]}"]'))
        button = item_button(console, item["id"])
        assert "sold-out" in button.get_attribute("class").split()
        assert button.get_attribute("aria-disabled") == "true"

        click(console, console.find_element(By.CSS_SELECTOR, f'#category-tabs [data-category-id="{categories[-1]["id"]}"]'))
        wait(console, lambda: console.find_elements(By.CSS_SELECTOR, f'button.item[data-item-id="{items[-1]["id"]}"]'))
        fits = """const right = document.documentElement.clientWidth;
                  return document.documentElement.scrollWidth <= right
                    && [...document.querySelectorAll('#category-tabs [role=tab], #item-grid button.item')]
                         .every((e) => e.getBoundingClientRect().right <= right);"""
        assert console.execute_script(fits), "the till is wider than the screen"
        grid_top = console.execute_script("return document.getElementById('item-grid').getBoundingClientRect().top")
        assert grid_top < 768 / 2, f"the tabs take most of the screen (the grid starts at {grid_top} px)"
        console.save_screenshot(str(screenshots / "console-till-tabs.png"))
    finally:
        for created in items:
            manager_api.delete(f"/api/menu/items/{created['id']}")
        for created in categories:
            manager_api.delete(f"/api/menu/categories/{created['id']}")


def test_split_tender_card_with_tip_then_cash(console, public_api, cashier_api, manager_api):
    free_the_till(manager_api, cashier_api)
    melt = menu_item(public_api, "Tuna Melt")
    open_till(console, "cashier")
    tap_item(console, melt)
    wait(console, lambda: by_id(console, "quote-state").text == "" and by_id(console, "cart-total").get_attribute("data-cents"))
    click(console, by_id(console, "send-kitchen"))
    order_id = shown_order_id(console)
    wait_for_payment_dialog(console)
    balance = digits(by_id(console, "pay-balance").text)

    # 5.00 by card with a 1.00 tip and the terminal's approval code...
    click(console, console.find_element(By.CSS_SELECTOR, 'input[name="pay-method"][value="card"]'))
    click(console, by_id(console, "field-amount"))
    type_on_keypad(console, "500")
    click(console, by_id(console, "field-tip"))
    type_on_keypad(console, "100")
    by_id(console, "card-reference").send_keys("AUTH-4711")
    click(console, by_id(console, "pay-submit"))
    wait(console, lambda: "Still due" in by_id(console, "pay-done").text, message="the first part was not taken")
    assert digits(by_id(console, "pay-balance").text) == balance - 500

    # ...and the rest in cash, handed over as the next note up.
    click(console, console.find_element(By.CSS_SELECTOR, 'input[name="pay-method"][value="cash"]'))
    note = int(console.find_elements(By.CSS_SELECTOR, "#quick-amounts button[data-cents]")[1].get_attribute("data-cents"))
    click(console, console.find_elements(By.CSS_SELECTOR, "#quick-amounts button[data-cents]")[1])
    click(console, by_id(console, "pay-submit"))
    wait(console, lambda: "paid in full" in by_id(console, "pay-done").text, message="the rest was not taken")
    assert digits(by_id(console, "change-due").text) == note - (balance - 500)

    payments = sorted(payments_of(cashier_api, order_id), key=lambda p: p["id"])
    assert [(p["method"], p["amount_cents"], p["tip_cents"]) for p in payments] == [
        ("card", 500, 100), ("cash", balance - 500, 0)]
    assert payments[0]["reference"] == "AUTH-4711"
    assert cashier_api.get(f"/api/orders/{order_id}")["payment_status"] == "paid"


def test_an_open_tab_is_resumed_added_to_sent_and_paid(console, public_api, cashier_api, manager_api):
    free_the_till(manager_api, cashier_api)
    tea = menu_item(public_api, "Peach Iced Tea")
    water = menu_item(public_api, "Sparkling Water")
    open_till(console, "cashier")
    tap_item(console, tea)
    wait(console, lambda: by_id(console, "quote-state").text == "")
    click(console, by_id(console, "keep-open"))
    order_id = shown_order_id(console)
    click(console, by_id(console, "new-sale"))
    wait(console, lambda: by_id(console, "cart-heading").text == "New sale")

    click(console, by_id(console, "open-orders-open"))
    resume = f'#orders-list button[data-resume-order="{order_id}"]'
    wait(console, lambda: console.find_elements(By.CSS_SELECTOR, resume), message="the tab was not listed")
    click(console, console.find_element(By.CSS_SELECTOR, resume))
    assert shown_order_id(console) == order_id
    tap_item(console, water)
    wait(console, lambda: len(cart_lines(console)) == 2, message="the item was not added to the tab")
    order = cashier_api.get(f"/api/orders/{order_id}")
    assert sorted(line["item_id"] for line in order["items"]) == sorted([tea["id"], water["id"]])
    assert digits(by_id(console, "cart-total").text) == order["total_cents"]

    click(console, by_id(console, "send-kitchen"))
    wait_for_payment_dialog(console)
    pay_cash(console)
    order = cashier_api.get(f"/api/orders/{order_id}")
    assert (order["status"], order["payment_status"]) == ("submitted", "paid")

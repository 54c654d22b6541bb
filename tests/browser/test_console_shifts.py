"""The Shifts screen (/pos/shifts.html): a cashier opens a shift with a float typed as money,
takes cash out with a reason, closes with the counted cash and sees the expected cash and the
over/short the API fixed, then the shift's Z report; a manager looks up any shift's Z report."""

import uuid

import pytest
from selenium.webdriver.common.by import By

from conftest import BASE_URL, ApiError
from helpers import by_id, click, digits, shown, sign_in, wait


def close_open_shift(manager_api):
    """Closes whatever shift is open on the main till (a test before may have left one)."""
    try:
        shift = manager_api.get("/api/shifts/current")
    except ApiError as error:
        assert error.status == 404, error
        return
    manager_api.post(f"/api/shifts/{shift['id']}/close", {"counted_cash_cents": max(0, shift["expected_cash_cents"])})


def cash_sale(api, menu):
    # An item whose stock is not counted: other suites leave items with a stock of 1 or 2.
    item = next(item for category in menu["categories"] for item in category["items"]
                if item["available"] and item.get("stock") is None)
    modifiers = [group["options"][0]["id"] for group in item["modifier_groups"] if group["min_select"] > 0]
    order = api.post("/api/orders", {"type": "takeaway", "items": [{"item_id": item["id"], "quantity": 2, "modifiers": modifiers}]})
    order = api.post(f"/api/orders/{order['id']}/submit")
    api.request("POST", "/api/payments", {"order_id": order["id"], "method": "cash", "amount_cents": order["total_cents"],
                                          "tendered_cents": order["total_cents"] + 1000, "tip_cents": 100},
                {"Idempotency-Key": uuid.uuid4().hex})
    return order


def open_shifts(console, user):
    sign_in(console, user)
    console.get(f"{BASE_URL}/pos/shifts.html")
    wait(console, lambda: console.find_element(By.ID, "main").get_attribute("data-state") == "ready",
         message="the shifts screen did not load")


@pytest.fixture
def no_open_shift(manager_api):
    close_open_shift(manager_api)
    yield
    close_open_shift(manager_api)


def test_a_cashier_opens_takes_cash_out_and_closes_a_shift(console, cashier_api, manager_api, public_api,
                                                           no_open_shift, screenshots):
    open_shifts(console, "cashier")
    assert shown(console, "no-shift")
    assert not shown(console, "lookup"), "a cashier cannot look up other shifts"

    # A float that is not money is refused with a sentence; then 150.00 opens the shift.
    by_id(console, "open-float").send_keys("12.505")
    click(console, by_id(console, "open-shift"))
    wait(console, lambda: shown(console, "open-float-error"))
    assert "decimal point" in by_id(console, "open-float-error").text
    by_id(console, "open-float").clear()
    by_id(console, "open-float").send_keys("150.00")
    click(console, by_id(console, "open-shift"))
    wait(console, lambda: shown(console, "current-shift"), message="the shift did not open")
    shift = cashier_api.get("/api/shifts/current")
    assert shift["opening_float_cents"] == 15000
    assert by_id(console, "current-id").text == str(shift["id"])
    assert digits(by_id(console, "current-float").text) == 15000

    # A cash sale joins the shift; the page shows the expected cash after the next change.
    cash_sale(cashier_api, public_api.get("/api/menu"))

    # Cash out: 20.50 for a safe drop.
    assert by_id(console, "movement-out").is_selected()
    by_id(console, "movement-amount").send_keys("20.50")
    by_id(console, "movement-reason").send_keys("Safe drop")
    click(console, by_id(console, "movement-record"))
    wait(console, lambda: shown(console, "message") and "recorded" in by_id(console, "message").text,
         message="the cash out was not recorded")
    shift = cashier_api.get(f"/api/shifts/{shift['id']}")
    movements = shift["report"]["cash_movements"]["items"]
    assert [(m["amount_cents"], m["reason"]) for m in movements] == [(-2050, "Safe drop")]
    wait(console, lambda: digits(by_id(console, "current-expected").text) == shift["expected_cash_cents"])
    console.execute_script("window.scrollTo(0, 0)")
    console.save_screenshot(str(screenshots / "console-shifts-open.png"))

    # Close with the counted cash (short by 1.00).
    counted = shift["expected_cash_cents"] - 100
    click(console, by_id(console, "close-shift"))
    wait(console, lambda: by_id(console, "close-dialog").is_displayed())
    assert console.switch_to.active_element == by_id(console, "close-counted")
    by_id(console, "close-counted").send_keys(f"{counted // 100}.{counted % 100:02d}")
    console.save_screenshot(str(screenshots / "console-shifts-close.png"))
    click(console, by_id(console, "close-confirm"))
    wait(console, lambda: shown(console, "closed-result"), message="the shift did not close")

    closed = manager_api.get(f"/api/shifts/{shift['id']}")
    assert closed["status"] == "closed"
    assert closed["counted_cash_cents"] == counted
    assert closed["over_short_cents"] == -100
    assert digits(by_id(console, "closed-expected").text) == closed["expected_cash_cents"]
    assert digits(by_id(console, "closed-counted").text) == counted
    assert digits(by_id(console, "closed-over-short").text) == 100
    assert by_id(console, "closed-over-short-label").text == "Short"
    assert by_id(console, "closed-over-short").text.startswith(("-", "−"))

    # The Z report of the closed shift.
    assert shown(console, "z-report")
    report = closed["report"]
    assert digits(by_id(console, "z-cash-sales").text) == report["sales_by_method"]["cash"]["amount_cents"]
    assert digits(by_id(console, "z-card-sales").text) == report["sales_by_method"]["card"]["amount_cents"]
    assert digits(by_id(console, "z-tips").text) == report["tips"]["total_cents"]
    assert digits(by_id(console, "z-refunds").text) == report["refunds"]["amount_cents"]
    assert digits(by_id(console, "z-discounts").text) == report["discounts"]["amount_cents"]
    assert digits(by_id(console, "z-movements").text) == 2050
    assert digits(by_id(console, "z-expected").text) == closed["expected_cash_cents"]
    assert digits(by_id(console, "z-over-short").text) == 100
    assert "Safe drop" in by_id(console, "z-report").text
    console.save_screenshot(str(screenshots / "console-shifts.png"))

    # The next shift can be opened.
    click(console, by_id(console, "closed-done"))
    wait(console, lambda: shown(console, "no-shift"))


def test_a_manager_looks_up_any_shift_by_number(console, cashier_api, manager_api, no_open_shift):
    shift = cashier_api.request("POST", "/api/shifts", {"opening_float_cents": 5000})
    cashier_api.post(f"/api/shifts/{shift['id']}/cash-movements", {"amount_cents": 1000, "reason": "Change top-up"})
    cashier_api.post(f"/api/shifts/{shift['id']}/close", {"counted_cash_cents": 6100})
    closed = manager_api.get(f"/api/shifts/{shift['id']}")

    open_shifts(console, "manager")
    assert shown(console, "lookup")
    by_id(console, "lookup-id").send_keys("999999")
    click(console, by_id(console, "lookup-show"))
    wait(console, lambda: shown(console, "lookup-id-error"))
    assert "no shift 999999" in by_id(console, "lookup-id-error").text
    by_id(console, "lookup-id").clear()
    by_id(console, "lookup-id").send_keys(str(shift["id"]))
    click(console, by_id(console, "lookup-show"))
    wait(console, lambda: shown(console, "z-report") and f"shift {shift['id']}" in by_id(console, "z-title").text)
    assert digits(by_id(console, "z-expected").text) == closed["expected_cash_cents"] == 6000
    assert digits(by_id(console, "z-counted").text) == 6100
    assert digits(by_id(console, "z-over-short").text) == closed["over_short_cents"] == 100
    assert "Change top-up" in by_id(console, "z-report").text


def test_a_cashier_sees_when_someone_else_s_shift_is_open(console, manager_api, no_open_shift):
    manager_api.request("POST", "/api/shifts", {"opening_float_cents": 2000})
    open_shifts(console, "cashier")
    assert shown(console, "shift-blocked")
    assert not shown(console, "no-shift") and not shown(console, "current-shift")
    assert "Someone else" in by_id(console, "shift-blocked").text

    # The manager sees that shift as the current one and can close it here.
    console.execute_script("sessionStorage.clear()")
    open_shifts(console, "manager")
    assert shown(console, "current-shift")
    click(console, by_id(console, "close-shift"))
    wait(console, lambda: by_id(console, "close-dialog").is_displayed())
    by_id(console, "close-counted").send_keys("20")
    click(console, by_id(console, "close-confirm"))
    wait(console, lambda: shown(console, "closed-result"))
    assert by_id(console, "closed-over-short-label").text.startswith("Exact")


MONEY_CASES = [
    # (typed, minor digits, cents or None when refused)
    ("150", 2, 15000), ("150.00", 2, 15000), ("12.5", 2, 1250), ("0.29", 2, 29), ("0.07", 2, 7),
    ("1,234.50", 2, 123450), ("1.234,50", 2, 123450), ("1 234,56", 2, 123456), ("€12.50", 2, 1250),
    ("12.50 EUR", 2, 1250), (".5", 2, 50), ("5.", 2, 500), ("  7  ", 2, 700),
    ("12.505", 2, None), ("1,234", 2, None), ("abc", 2, None), ("", 2, None), ("-5", 2, None),
    ("1,2,3", 2, None), ("99999999999999999", 2, None), ("1e3", 2, None),
    ("1500", 0, 1500), ("1,500", 0, 1500), ("1.5", 0, None), ("1.500", 3, 1500),
]


def test_typed_amounts_are_read_exactly(console):
    """lib/money-input.js parseMoney, in the browser: digits, never floating point."""
    sign_in(console, "cashier")
    answers = console.execute_async_script("""
        const [cases, done] = arguments;
        import('/pos/lib/money-input.js').then(({parseMoney}) => {
          done(cases.map(([text, digits]) => {
            try { return parseMoney(text, digits); } catch (error) { return 'refused: ' + error.message; }
          }));
        });
    """, [[text, minor] for text, minor, _ in MONEY_CASES])
    for (text, minor, cents), answer in zip(MONEY_CASES, answers):
        if cents is None:
            assert isinstance(answer, str) and answer.startswith("refused: ") and len(answer) > 20, (text, answer)
        else:
            assert answer == cents, (text, minor, answer)

"""Every console page passes axe-core (axe-selenium-python's bundled axe.min.js, offline) with
no violation of impact "serious" or "critical": the sign-in page signed out, and each screen
signed in as a role that may open it, with its content loaded; the Shifts screen also with its
close-shift dialog open, the Reports screen with its tables of numbers open."""

import time

import pytest
from axe_selenium_python import Axe
from selenium.webdriver.common.by import By

from conftest import BASE_URL, ApiError
from helpers import by_id, click, shown, sign_in, wait

BLOCKING = ("serious", "critical")

# (screen, who opens it)
SCREENS = [
    ("till", "manager"), ("till", "cashier"),
    ("kitchen", "manager"), ("kitchen", "barista"),
    ("menu", "manager"), ("shifts", "manager"), ("reports", "manager"),
    ("staff", "manager"), ("tables", "manager"), ("audit", "manager"),
]


def blocking_violations(driver):
    axe = Axe(driver)
    axe.inject()
    results = axe.run()
    return [v for v in results["violations"] if v.get("impact") in BLOCKING]


def describe(violations):
    lines = []
    for violation in violations:
        lines.append(f"{violation['id']} ({violation['impact']}): {violation['help']} — {violation['helpUrl']}")
        for node in violation["nodes"]:
            lines.append(f"    {', '.join(map(str, node['target']))}: {node.get('failureSummary', '').strip()}")
            lines.append(f"        {node.get('html', '')[:200]}")
    return "\n".join(lines)


def assert_accessible(driver, what):
    violations = blocking_violations(driver)
    assert not violations, f"{what}: axe found serious or critical violations:\n{describe(violations)}"


def wait_for_content(driver):
    """The screen's main content is in: its top bar is drawn, a screen that says when it is
    ready (data-state) says so, nothing in <main> is busy, and <main> stopped changing."""
    wait(driver, lambda: shown(driver, "signed-in-as"), message="the screen did not start")
    wait(driver, lambda: driver.execute_script("""
        const main = document.getElementById('main');
        if (!main) return false;
        if (main.hasAttribute('data-state') && main.dataset.state !== 'ready') return false;
        return !main.matches('[aria-busy="true"]') && !main.querySelector('[aria-busy="true"]');
    """), timeout=15, message="the screen's content did not load")
    last = None
    for _ in range(20):
        now = driver.execute_script("return document.getElementById('main').innerHTML.length")
        if now == last:
            return
        last = now
        time.sleep(0.3)


def open_screen(driver, screen, user):
    sign_in(driver, user)
    driver.get(f"{BASE_URL}/pos/{screen}.html")
    wait(driver, lambda: driver.current_url.endswith(f"/pos/{screen}.html"))
    wait_for_content(driver)


def test_the_sign_in_page(console):
    console.get(f"{BASE_URL}/pos/")
    wait(console, lambda: shown(console, "sign-in-form"))
    assert_accessible(console, "sign-in page")
    # With its error showing too.
    by_id(console, "username").send_keys("cashier")
    by_id(console, "password").send_keys("not the password")
    click(console, by_id(console, "sign-in"))
    wait(console, lambda: shown(console, "sign-in-error"))
    assert_accessible(console, "sign-in page with an error")


@pytest.mark.parametrize(("screen", "user"), SCREENS, ids=[f"{s}-as-{u}" for s, u in SCREENS])
def test_each_screen(console, screen, user):
    open_screen(console, screen, user)
    assert_accessible(console, f"{screen} as {user}")


def test_reports_with_their_tables_open(console):
    open_screen(console, "reports", "manager")
    for summary in console.find_elements(By.CSS_SELECTOR, "details.numbers summary"):
        click(console, summary)
    assert_accessible(console, "reports with the tables open")


def test_audit_filtered_to_nothing(console):
    open_screen(console, "audit", "manager")
    console.execute_script("arguments[0].value = '2999-01-01'", by_id(console, "audit-since"))
    click(console, by_id(console, "audit-apply"))
    wait(console, lambda: shown(console, "audit-empty"))
    assert_accessible(console, "audit with no entries")


def close_open_shift(manager_api):
    try:
        shift = manager_api.get("/api/shifts/current")
    except ApiError as error:
        assert error.status == 404, error
        return
    manager_api.post(f"/api/shifts/{shift['id']}/close", {"counted_cash_cents": max(0, shift["expected_cash_cents"])})


def test_shifts_open_closing_and_closed(console, cashier_api, manager_api):
    close_open_shift(manager_api)
    try:
        open_screen(console, "shifts", "cashier")
        assert shown(console, "no-shift")
        by_id(console, "open-float").send_keys("oops")
        click(console, by_id(console, "open-shift"))
        wait(console, lambda: shown(console, "open-float-error"))
        assert_accessible(console, "shifts: no shift, a float refused")

        by_id(console, "open-float").clear()
        by_id(console, "open-float").send_keys("100")
        click(console, by_id(console, "open-shift"))
        wait(console, lambda: shown(console, "current-shift"))
        assert_accessible(console, "shifts: a shift open")

        click(console, by_id(console, "close-shift"))
        wait(console, lambda: by_id(console, "close-dialog").is_displayed())
        click(console, by_id(console, "close-confirm"))  # nothing typed: refused in the dialog
        wait(console, lambda: shown(console, "close-counted-error"))
        assert_accessible(console, "shifts: the close-shift dialog")

        by_id(console, "close-counted").send_keys("100.00")
        click(console, by_id(console, "close-confirm"))
        wait(console, lambda: shown(console, "closed-result"))
        assert_accessible(console, "shifts: a shift closed, its Z report")
    finally:
        close_open_shift(manager_api)

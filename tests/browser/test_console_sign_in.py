"""Signing in to the staff console (/pos/) in a real browser: each role lands on its own first
screen and sees only the screens it may open; a wrong password is refused with a sentence;
signing out, or a token the server has ended, sends the tab back to the sign-in page."""

from selenium.webdriver.common.by import By

from conftest import BASE_URL
from helpers import by_id, click, shown, sign_in, wait

SCREENS_BY_ROLE = {
    "cashier": ("till", ["till", "shifts"]),
    "barista": ("kitchen", ["kitchen", "menu"]),
    "manager": ("till", ["till", "kitchen", "menu", "shifts", "reports", "staff", "tables", "audit"]),
}


def nav_screens(driver):
    return [link.get_attribute("data-screen") for link in driver.find_elements(By.CSS_SELECTOR, "#top-bar nav a")]


def current_screen(driver):
    return driver.find_element(By.CSS_SELECTOR, "#top-bar nav a[aria-current='page']").get_attribute("data-screen")


def test_each_role_lands_on_its_own_screen(console):
    for username, (home, screens) in SCREENS_BY_ROLE.items():
        console.execute_script("sessionStorage.clear()")
        sign_in(console, username)
        assert current_screen(console) == home, username
        assert nav_screens(console) == screens, username
        assert username in by_id(console, "signed-in-as").text


def test_a_screen_the_role_may_not_open_sends_it_home(console):
    sign_in(console, "barista")
    console.get(f"{BASE_URL}/pos/reports.html")
    wait(console, lambda: console.current_url.endswith("/pos/kitchen.html"), message=console.current_url)


def test_a_wrong_password_is_refused_with_a_sentence(console):
    console.get(f"{BASE_URL}/pos/")
    wait(console, lambda: shown(console, "sign-in-form"))
    by_id(console, "username").send_keys("cashier")
    by_id(console, "password").send_keys("not the password")
    click(console, by_id(console, "sign-in"))
    wait(console, lambda: shown(console, "sign-in-error"))
    assert "do not match" in by_id(console, "sign-in-error").text
    assert console.current_url.endswith("/pos/")


def test_signing_out_and_an_ended_token_go_back_to_sign_in(console, screenshots):
    sign_in(console, "cashier")
    click(console, by_id(console, "sign-out"))
    wait(console, lambda: shown(console, "sign-in-notice"))
    assert "signed out" in by_id(console, "sign-in-notice").text
    console.save_screenshot(str(screenshots / "console-sign-in.png"))

    # A token the server no longer knows (here: made up) ends the session with a sentence. It is
    # made up away from the till, whose own requests (menu, guest orders) would otherwise meet it
    # first and race the screen opened below to the sign-in page.
    sign_in(console, "cashier")
    console.get(f"{BASE_URL}/healthz")
    console.execute_script("""
        const saved = JSON.parse(sessionStorage.getItem('cafe-pos.staff.session'));
        saved.token = 'x'.repeat(43);
        sessionStorage.setItem('cafe-pos.staff.session', JSON.stringify(saved));""")
    console.get(f"{BASE_URL}/pos/shifts.html")
    wait(console, lambda: shown(console, "sign-in-notice"), message="the ended session was not noticed")
    assert "session has ended" in by_id(console, "sign-in-notice").text

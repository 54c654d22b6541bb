"""Fixtures of the browser tests: the running stack's API, staff logins, a headless Chromium
at a phone's size (390 × 844) for the guest page, and one at a counter tablet's size
(1024 × 768) for the staff console.

The stack is the one scripts/test (or scripts/up) started: POS_BASE_URL is its gateway and
POS_VAR_DIR its data folder, where the secrets are read and the screenshots go.
The browser is Debian's chromium driven by Debian's chromedriver: Selenium Manager is never
asked to find or download anything (explicit paths, SE_OFFLINE, no usage statistics).
"""

import json
import os
import pathlib
import urllib.error
import urllib.request

import pytest

os.environ["SE_AVOID_STATS"] = "true"
os.environ["SE_OFFLINE"] = "true"

from selenium import webdriver  # noqa: E402  (after the environment above)
from selenium.webdriver.chrome.service import Service  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
BASE_URL = os.environ.get("POS_BASE_URL", "http://127.0.0.1:18080").rstrip("/")
VAR_DIR = pathlib.Path(os.environ.get("POS_VAR_DIR", ROOT / "var" / "test"))
CHROMIUM = os.environ.get("POS_CHROMIUM", "/usr/bin/chromium")
CHROMEDRIVER = os.environ.get("POS_CHROMEDRIVER", "/usr/bin/chromedriver")
WIDTH, HEIGHT = 390, 844
CONSOLE_WIDTH, CONSOLE_HEIGHT = 1024, 768


class ApiError(Exception):
    def __init__(self, status, body):
        super().__init__(f"HTTP {status}: {body}")
        self.status = status
        self.body = body


class Api:
    """A small JSON client of the gateway, as one caller (a staff token or none)."""

    def __init__(self, token=None):
        self.token = token

    def request(self, method, path, body=None, headers=None):
        data = None if body is None else json.dumps(body).encode()
        request = urllib.request.Request(BASE_URL + path, data=data, method=method)
        request.add_header("Accept", "application/json")
        if data is not None:
            request.add_header("Content-Type", "application/json")
        if self.token:
            request.add_header("Authorization", f"Bearer {self.token}")
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                text = response.read().decode()
        except urllib.error.HTTPError as error:
            raise ApiError(error.code, error.read().decode()) from None
        return json.loads(text) if text else None

    def get(self, path):
        return self.request("GET", path)

    def post(self, path, body=None):
        return self.request("POST", path, {} if body is None else body)

    def delete(self, path):
        return self.request("DELETE", path)

    @classmethod
    def login(cls, username, password):
        answer = cls().post("/api/auth/login", {"username": username, "password": password})
        return cls(answer["token"])


def _secret(name):
    return (VAR_DIR / "secrets" / name).read_text().strip()


@pytest.fixture(scope="session")
def public_api():
    return Api()


@pytest.fixture(scope="session")
def manager_api():
    """Admin (manager and more), with POS_ADMIN_PASSWORD or the saved password."""
    return Api.login("admin", staff_password("admin"))


def staff_password(username):
    """The password of `admin` or of a demo login of $POS_VAR_DIR/secrets/demo-logins
    ("user password" lines: cashier, barista, manager)."""
    if username == "admin":
        return os.environ.get("POS_ADMIN_PASSWORD") or _secret("admin-password")
    logins = dict(line.split(" ", 1) for line in _secret("demo-logins").splitlines() if " " in line)
    return logins[username].strip()


@pytest.fixture(scope="session")
def cashier_api():
    """The demo cashier."""
    return Api.login("cashier", staff_password("cashier"))


@pytest.fixture(scope="session")
def barista_api():
    """The demo barista."""
    return Api.login("barista", staff_password("barista"))


@pytest.fixture(scope="session")
def screenshots():
    """Where the screenshots go: $POS_VAR_DIR/screenshots/."""
    folder = VAR_DIR / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def _chromium(width, height, mobile):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--no-first-run", "--disable-extensions", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--lang=en-GB",
                     f"--window-size={width},{height}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    set_viewport(driver, width, height, mobile)
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    return driver


def set_viewport(driver, width, height, mobile=False):
    """The viewport itself is width × height CSS pixels (no scroll bars, no window chrome)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


@pytest.fixture(scope="session")
def browser():
    """Chromium as a phone: 390 × 844, touch (the guest page)."""
    driver = _chromium(WIDTH, HEIGHT, mobile=True)
    yield driver
    driver.quit()


@pytest.fixture(scope="session")
def console_browser():
    """Chromium as the counter's tablet: 1024 × 768, touch (the staff console). A test may
    resize it with set_viewport (a kitchen screen is 1920 × 1080); each test starts at 1024 × 768."""
    driver = _chromium(CONSOLE_WIDTH, CONSOLE_HEIGHT, mobile=False)
    yield driver
    driver.quit()


@pytest.fixture
def page(browser, screenshots, request):
    """The phone browser with a fresh tab state (see _checked)."""
    yield from _checked(browser, screenshots, request, strict=False)


@pytest.fixture
def console(console_browser, screenshots, request):
    """The console browser, signed out, at 1024 × 768 (see _checked)."""
    set_viewport(console_browser, CONSOLE_WIDTH, CONSOLE_HEIGHT)
    yield from _checked(console_browser, screenshots, request, strict=True)


def _checked(driver, screenshots, request, strict):
    """`driver` with a fresh tab state; on a failure, a screenshot named after the test and the
    browser's console are kept. Any script error in the page fails the test, and with `strict`
    any console.error too."""
    driver.get(BASE_URL + "/healthz")
    driver.execute_script("sessionStorage.clear()")
    driver.get_log("browser")  # what earlier tests left
    yield driver
    browser = driver
    console = browser.get_log("browser")
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        browser.save_screenshot(str(screenshots / f"failed-{request.node.name}.png"))
        for entry in console:
            print("browser console:", entry)
    # Refused requests (404, 401) are logged by the browser and expected; a script error is not.
    errors = [entry["message"] for entry in console if entry.get("source") == "javascript"
              or (strict and entry.get("source") == "console-api" and entry.get("level") == "SEVERE")]
    assert not errors, f"script errors in the page: {errors}"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report

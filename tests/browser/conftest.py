"""Fixtures of the guest page's browser test: the running stack's API, staff logins, and a
headless Chromium at a phone's size (390 × 844).

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
    password = os.environ.get("POS_ADMIN_PASSWORD") or _secret("admin-password")
    return Api.login("admin", password)


@pytest.fixture(scope="session")
def cashier_api():
    """The demo cashier of $POS_VAR_DIR/secrets/demo-logins ("user password" lines)."""
    logins = dict(line.split(" ", 1) for line in _secret("demo-logins").splitlines() if " " in line)
    return Api.login("cashier", logins["cashier"].strip())


@pytest.fixture(scope="session")
def screenshots():
    """Where the screenshots go: $POS_VAR_DIR/screenshots/."""
    folder = VAR_DIR / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="session")
def browser():
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for argument in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                     "--no-first-run", "--disable-extensions", "--disable-background-networking",
                     "--disable-component-update", "--disable-sync", "--hide-scrollbars", "--lang=en-GB",
                     f"--window-size={WIDTH},{HEIGHT}"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    # The viewport itself is 390 × 844 CSS pixels, as on a phone (touch, no scroll bars).
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": WIDTH, "height": HEIGHT, "deviceScaleFactor": 1, "mobile": True})
    driver.execute_cdp_cmd("Emulation.setTouchEmulationEnabled", {"enabled": True})
    yield driver
    driver.quit()


@pytest.fixture
def page(browser, screenshots, request):
    """The browser with a fresh tab state; on a failure, a screenshot named after the test and
    the browser's console are kept. Any script error in the page fails the test."""
    browser.get(BASE_URL + "/healthz")
    browser.execute_script("sessionStorage.clear()")
    yield browser
    console = browser.get_log("browser")
    failed = getattr(request.node, "rep_call", None)
    if failed is not None and failed.failed:
        browser.save_screenshot(str(screenshots / f"failed-{request.node.name}.png"))
        for entry in console:
            print("browser console:", entry)
    # Refused requests (404, 401) are logged by the browser and expected; a script error is not.
    errors = [entry["message"] for entry in console if entry.get("source") == "javascript"]
    assert not errors, f"script errors in the page: {errors}"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    setattr(item, f"rep_{report.when}", report)
    return report

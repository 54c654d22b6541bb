"""What the browser tests do with a page: wait for something, find by id, click like a finger,
read an amount, and sign a staff member in to the console."""

import re

from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import WebDriverWait

from conftest import BASE_URL, staff_password


def wait(driver, condition, timeout=10, message=""):
    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(lambda d: condition(), message)


def by_id(driver, element_id):
    return driver.find_element(By.ID, element_id)


def shown(driver, element_id):
    elements = driver.find_elements(By.ID, element_id)
    return bool(elements) and elements[0].is_displayed()


def click(driver, element):
    """Clicks like a finger would: the element scrolled to the middle of the screen first, so
    sticky bars never cover it."""
    driver.execute_script("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'})", element)
    element.click()


def digits(text):
    """The digits of an amount as shown ("€4.20" → 420), -1 when there are none."""
    return int(re.sub(r"\D", "", text) or "-1")


def sign_in(driver, username, password=None):
    """Signs `username` in on the console's sign-in page and waits for the first screen."""
    driver.get(f"{BASE_URL}/pos/")
    wait(driver, lambda: shown(driver, "sign-in-form"), message="the sign-in form did not show")
    by_id(driver, "username").send_keys(username)
    by_id(driver, "password").send_keys(password or staff_password(username))
    click(driver, by_id(driver, "sign-in"))
    wait(driver, lambda: shown(driver, "signed-in-as"), message=f"{username} was not signed in")

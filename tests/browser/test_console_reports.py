"""The back office's numbers as a manager sees them. The Reports screen (/pos/reports.html):
today's figures are the API's daily-sales and z-report rows, each chart's data points are the
report rows the API gives for the same range, every chart has a table of its numbers, and a
report's CSV download is byte-for-byte the API's CSV. The Audit screen (/pos/audit.html): the
API's entries newest first, filtered by type and date, a page at a time."""

import pathlib
import tempfile
import time
import urllib.request
import uuid

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select

from conftest import BASE_URL, ApiError
from helpers import by_id, click, digits, shown, sign_in, wait

REPORTS = ("daily-sales", "hourly-sales", "payment-mix", "top-items")


def simple_line(menu, skip=0):
    """A line of an available item whose stock is not counted (other suites leave items with a
    stock of 1 or 2 on the menu), with the first option of each group that needs one."""
    items = [item for category in menu["categories"] for item in category["items"]
             if item["available"] and item.get("stock") is None]
    item = items[skip % len(items)]
    modifiers = [group["options"][0]["id"] for group in item["modifier_groups"] if group["min_select"] > 0]
    return {"item_id": item["id"], "quantity": 1 + skip % 3, "modifiers": modifiers}


def sell(api, menu, skip, method):
    """An order made, sent to the kitchen and paid in full (cash or card, with a tip)."""
    order = api.post("/api/orders", {"type": "takeaway", "items": [simple_line(menu, skip)]})
    order = api.post(f"/api/orders/{order['id']}/submit")
    payment = {"order_id": order["id"], "method": method, "amount_cents": order["total_cents"], "tip_cents": 20 * skip}
    if method == "cash":
        payment["tendered_cents"] = order["total_cents"] + 500
    else:
        payment["reference"] = f"T{skip}"
    api.request("POST", "/api/payments", payment, {"Idempotency-Key": uuid.uuid4().hex})
    return order


@pytest.fixture(scope="module")
def day_with_sales(cashier_api, public_api):
    """A few paid orders today (the demo starts without sales)."""
    menu = public_api.get("/api/menu")
    for skip in range(4):
        sell(cashier_api, menu, skip, "cash" if skip % 2 else "card")


def csv_of(manager_api, name, query):
    request = urllib.request.Request(f"{BASE_URL}/api/reports/{name}?{query}&format=csv")
    request.add_header("Authorization", f"Bearer {manager_api.token}")
    with urllib.request.urlopen(request, timeout=10) as response:
        return response.read()


def open_reports(console):
    sign_in(console, "manager")
    console.get(f"{BASE_URL}/pos/reports.html")
    wait(console, lambda: console.find_element(By.ID, "main").get_attribute("data-state") == "ready",
         message="the reports did not load")


def chart_data(console, name):
    return console.execute_script("""
        const chart = Chart.getChart(document.getElementById(arguments[0]));
        if (!chart) return null;
        return {labels: chart.data.labels,
                datasets: chart.data.datasets.map((d) => ({label: d.label, data: d.data,
                                                          date: d.businessDate ?? null, method: d.method ?? null}))};
    """, f"chart-{name}")


def test_today_at_a_glance_is_the_api_s(console, manager_api, day_with_sales):
    open_reports(console)
    daily = manager_api.get("/api/reports/daily-sales")["items"][0]
    z = manager_api.get("/api/reports/z-report")["items"][0]
    assert by_id(console, "glance-orders").text == str(daily["orders"])
    for element, column in (("glance-net", "net_sales_cents"), ("glance-total", "total_cents"),
                            ("glance-tips", "tips_cents"), ("glance-refunds", "refunds_cents"),
                            ("glance-collected", "collected_cents"), ("glance-cash", "cash_cents"),
                            ("glance-card", "card_cents")):
        row = daily if column in daily else z
        assert digits(by_id(console, element).text) == row[column], element
    assert daily["business_date"] in by_id(console, "glance-date").text or \
        by_id(console, "glance-date").text  # the date is written out long; checked by eye
    assert by_id(console, "glance-net").text.startswith("€")


def test_each_chart_shows_the_report_rows_of_the_range(console, manager_api, day_with_sales, screenshots):
    open_reports(console)
    start = by_id(console, "range-from").get_attribute("value")
    end = by_id(console, "range-to").get_attribute("value")
    query = f"from={start}&to={end}"
    rows = {name: manager_api.get(f"/api/reports/{name}?{query}")["items"] for name in REPORTS}
    assert all(rows[name] for name in REPORTS), rows

    daily = chart_data(console, "daily-sales")
    assert daily["datasets"][0]["data"] == [row["net_sales_cents"] for row in rows["daily-sales"]]
    assert daily["datasets"][1]["data"] == [row["collected_cents"] for row in rows["daily-sales"]]

    hourly = chart_data(console, "hourly-sales")
    first_hour = int(hourly["labels"][0][:2])
    points = {(dataset["date"], first_hour + index): value
              for dataset in hourly["datasets"] for index, value in enumerate(dataset["data"]) if value is not None}
    assert points == {(row["business_date"], row["hour"]): row["net_sales_cents"] for row in rows["hourly-sales"]}

    mix = chart_data(console, "payment-mix")
    dates = sorted({row["business_date"] for row in rows["payment-mix"]})
    mix_points = {(dates[index], dataset["method"]): value
                  for dataset in mix["datasets"] for index, value in enumerate(dataset["data"]) if value is not None}
    assert mix_points == {(row["business_date"], row["method"]): row["amount_cents"] for row in rows["payment-mix"]}

    top = chart_data(console, "top-items")
    assert top["labels"] == [row["name"] for row in rows["top-items"][:10]]
    assert top["datasets"][0]["data"] == [row["quantity"] for row in rows["top-items"][:10]]

    # Each chart's table has the same rows (opened with a tap on "Show the numbers").
    for name in REPORTS:
        section = by_id(console, f"report-{name}")
        click(console, section.find_element(By.CSS_SELECTOR, "summary"))
        table_rows = section.find_elements(By.CSS_SELECTOR, "tbody tr")
        assert len(table_rows) == len(rows[name]), name
    first_day = by_id(console, "report-daily-sales").find_elements(By.CSS_SELECTOR, "tbody tr")[-1]
    cells = first_day.find_elements(By.CSS_SELECTOR, "th, td")
    assert cells[0].text == rows["daily-sales"][-1]["business_date"]
    assert digits(cells[3].text) == rows["daily-sales"][-1]["net_sales_cents"]
    for name in REPORTS:  # closed again for the screenshot
        click(console, by_id(console, f"report-{name}").find_element(By.CSS_SELECTOR, "summary"))
    console.execute_script("window.scrollTo(0, 0)")
    console.save_screenshot(str(screenshots / "console-reports.png"))
    charts_top = console.execute_script(
        "return document.querySelector('.charts').getBoundingClientRect().top + window.scrollY")
    console.execute_script("window.scrollTo(0, arguments[0] - 60)", charts_top)
    console.save_screenshot(str(screenshots / "console-reports-charts.png"))


def test_a_range_is_chosen_with_the_date_inputs(console, manager_api, day_with_sales):
    open_reports(console)
    end = by_id(console, "range-to").get_attribute("value")
    # A day without sales: the charts say so instead of drawing nothing.
    console.execute_script("arguments[0].value = '2020-01-01'; arguments[1].value = '2020-01-02'",
                           by_id(console, "range-from"), by_id(console, "range-to"))
    click(console, by_id(console, "range-show"))
    wait(console, lambda: "2020-01-01" in by_id(console, "range-summary").text)
    assert chart_data(console, "daily-sales") is None
    assert by_id(console, "report-daily-sales").find_element(By.CSS_SELECTOR, ".empty").is_displayed()
    # A backwards range is refused with a sentence.
    console.execute_script("arguments[0].value = arguments[2]; arguments[1].value = '2020-01-01'",
                           by_id(console, "range-from"), by_id(console, "range-to"), end)
    click(console, by_id(console, "range-show"))
    wait(console, lambda: shown(console, "range-error"))
    assert "before" in by_id(console, "range-error").text
    # Today alone.
    console.execute_script("arguments[0].value = arguments[2]; arguments[1].value = arguments[2]",
                           by_id(console, "range-from"), by_id(console, "range-to"), end)
    click(console, by_id(console, "range-show"))
    wait(console, lambda: f"Showing {end}." in by_id(console, "range-summary").text)
    daily = manager_api.get(f"/api/reports/daily-sales?from={end}&to={end}")["items"]
    assert chart_data(console, "daily-sales")["datasets"][0]["data"] == [row["net_sales_cents"] for row in daily]


def test_the_csv_download_is_the_api_s_csv(console, manager_api, day_with_sales):
    open_reports(console)
    start = by_id(console, "range-from").get_attribute("value")
    end = by_id(console, "range-to").get_attribute("value")
    folder = pathlib.Path(tempfile.mkdtemp(prefix="pos-csv-"))
    console.execute_cdp_cmd("Browser.setDownloadBehavior",
                            {"behavior": "allow", "downloadPath": str(folder), "eventsEnabled": True})
    try:
        for name in ("daily-sales", "top-items"):
            click(console, by_id(console, f"report-{name}").find_element(By.CSS_SELECTOR, "button.csv"))
            target = folder / f"{name}_{start}_{end}.csv"
            wait(console, lambda: target.exists() and target.stat().st_size > 0, timeout=15,
                 message=f"no {target.name} in {sorted(p.name for p in folder.iterdir())}")
            time.sleep(0.3)  # the file is renamed into place when complete; let it settle
            assert target.read_bytes() == csv_of(manager_api, name, f"from={start}&to={end}"), name
        wait(console, lambda: shown(console, "message"))
        assert "Downloaded" in by_id(console, "message").text
    finally:
        console.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "default"})


def open_audit(console):
    sign_in(console, "manager")
    console.get(f"{BASE_URL}/pos/audit.html")
    wait(console, lambda: console.find_element(By.ID, "main").get_attribute("data-state") == "ready",
         message="the audit screen did not load")


def audit_ids(console):
    return [int(row.get_attribute("data-id")) for row in console.find_elements(By.CSS_SELECTOR, "#audit-rows tr")]


def test_the_audit_log_newest_first_filtered_and_paged(console, cashier_api, manager_api, screenshots):
    # 55 audited cash movements (more than a page of 50) in a shift of the cashier's.
    try:
        current = manager_api.get("/api/shifts/current")
        manager_api.post(f"/api/shifts/{current['id']}/close", {"counted_cash_cents": max(0, current["expected_cash_cents"])})
    except ApiError as error:
        assert error.status == 404
    shift = cashier_api.post("/api/shifts", {"opening_float_cents": 10000})
    for number in range(55):
        cashier_api.post(f"/api/shifts/{shift['id']}/cash-movements",
                         {"amount_cents": 100 + number, "reason": f"Top-up {number}"})
    cashier_api.post(f"/api/shifts/{shift['id']}/close", {"counted_cash_cents": 10000})

    open_audit(console)
    everything = manager_api.get("/api/audit?limit=50")
    assert audit_ids(console) == [entry["id"] for entry in everything["items"]]
    assert audit_ids(console) == sorted(audit_ids(console), reverse=True)
    newest = console.find_element(By.CSS_SELECTOR, "#audit-rows tr")
    assert newest.find_elements(By.TAG_NAME, "td")[1].get_attribute("data-type") == "shift_closed"
    assert "cashier" in newest.text
    console.save_screenshot(str(screenshots / "console-audit.png"))

    # Cash movements only, since today: a page of 50, then the rest with "Load more".
    Select(by_id(console, "audit-type")).select_by_value("cash_movement")
    today = everything["items"][0]["at"][:10]
    console.execute_script("arguments[0].value = arguments[1]", by_id(console, "audit-since"), today)
    click(console, by_id(console, "audit-apply"))
    wait(console, lambda: "type cash_movement" in by_id(console, "audit-summary").text)
    first = manager_api.get(f"/api/audit?type=cash_movement&since={today}&limit=50")
    assert audit_ids(console) == [entry["id"] for entry in first["items"]]
    assert first["next_cursor"] and shown(console, "audit-more")
    assert "Top-up 54" in console.find_element(By.CSS_SELECTOR, "#audit-rows tr").text
    assert "amount: €1.54" in console.find_element(By.CSS_SELECTOR, "#audit-rows tr").text
    click(console, by_id(console, "audit-more"))
    second = manager_api.get(f"/api/audit?type=cash_movement&since={today}&limit=50&cursor={first['next_cursor']}")
    wait(console, lambda: len(audit_ids(console)) == len(first["items"]) + len(second["items"]))
    assert audit_ids(console) == [entry["id"] for entry in first["items"] + second["items"]]
    assert {cell.get_attribute("data-type") for cell in
            console.find_elements(By.CSS_SELECTOR, "#audit-rows td[data-type]")} == {"cash_movement"}
    if not second["next_cursor"]:
        assert not shown(console, "audit-more")

    # A date in the future: nothing, said in a sentence.
    console.execute_script("arguments[0].value = '2999-01-01'", by_id(console, "audit-since"))
    click(console, by_id(console, "audit-apply"))
    wait(console, lambda: shown(console, "audit-empty"))
    assert audit_ids(console) == []

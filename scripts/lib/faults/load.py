"""The cashier flow as load for fault tests, with a ledger of what the server acknowledged.

Each flow is create (with an Idempotency-Key) -> submit -> pay cash (with an Idempotency-Key).
A request that gets no answer, a 502 or a 503 is retried as a careful client would: the same
key, after Retry-After (at most 1 s). Every order carries the run's tag in its note, so the
check afterwards finds everything the run wrote, acknowledged or not.
"""
import collections
import http.client
import json
import threading
import time
import uuid

RETRYABLE = {502, 503, 504}


class Ledger:
    """What the clients saw: every status, every acknowledged order and payment."""

    def __init__(self):
        self.lock = threading.Lock()
        self.statuses = collections.Counter()
        self.sent = 0
        self.not_problem_json = []  # (status, content type, body start) of error answers that are not problem+json
        self.orders = {}            # order id -> total cents, for 201 answers to create
        self.payments = collections.defaultdict(list)  # order id -> payment ids acknowledged
        self.flows_started = 0
        self.flows_completed = 0
        self.gave_up = 0
        self.slowest = 0.0
        self.slow_samples = []

    def record(self, status, content_type, body, seconds):
        with self.lock:
            self.sent += 1
            self.statuses[status] += 1
            self.slowest = max(self.slowest, seconds)
            if status >= 400 and not content_type.startswith("application/problem+json"):
                self.not_problem_json.append((status, content_type, body[:80]))


class Client:
    """One keep-alive connection to the gateway; answers are (status, headers, json or None)."""

    def __init__(self, base_url, ledger, timeout=30):
        host, port = base_url.removeprefix("http://").split(":")
        self.host, self.port, self.timeout = host, int(port), timeout
        self.ledger = ledger
        self.connection = None

    def send(self, method, path, body=None, headers=None):
        headers = dict(headers or {})
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        started = time.monotonic()
        try:
            if self.connection is None:
                self.connection = http.client.HTTPConnection(self.host, self.port, timeout=self.timeout)
            self.connection.request(method, path, body=data, headers=headers)
            response = self.connection.getresponse()
            raw = response.read()
        except (OSError, http.client.HTTPException):
            self.close()
            self.ledger.record(0, "", b"", time.monotonic() - started)  # 0: no answer
            return 0, {}, None
        answer_headers = {name.lower(): value for name, value in response.getheaders()}
        if answer_headers.get("connection", "").lower() == "close":
            self.close()
        self.ledger.record(response.status, answer_headers.get("content-type", ""), raw, time.monotonic() - started)
        try:
            document = json.loads(raw) if raw else None
        except ValueError:
            document = None
        return response.status, answer_headers, document

    def send_until_answered(self, method, path, body=None, headers=None, deadline_seconds=60):
        """Retries no-answer/502/503/504 with the same headers (and key) until another answer."""
        deadline = time.monotonic() + deadline_seconds
        while True:
            status, headers_in, document = self.send(method, path, body, headers)
            if status not in RETRYABLE and status != 0:
                return status, document
            if time.monotonic() > deadline:
                return status, document
            try:
                pause = min(1.0, float(headers_in.get("retry-after", "0.2")))
            except ValueError:
                pause = 0.2
            time.sleep(max(0.05, pause))

    def close(self):
        if self.connection is not None:
            self.connection.close()
            self.connection = None


def log_in(base_url, username, password, attempts=30):
    """(token, the whole login answer). Waits out the gateway's per-address login limit (429,
    Retry-After) and an unavailable service; raises RuntimeError for any other answer."""
    client = Client(base_url, Ledger())
    for _ in range(attempts):
        status, headers, document = client.send("POST", "/api/auth/login", {"username": username, "password": password})
        if status == 200:
            client.close()
            return document["token"], document
        if status not in RETRYABLE | {0, 429}:
            break
        time.sleep(min(5.0, float(headers.get("retry-after") or 1)))
    client.close()
    raise RuntimeError(f"login as {username}: HTTP {status} {document}")


def make_item(base_url, token, tag):
    """A 5.00 item with no tax and no stock count, in a category of its own."""
    client = Client(base_url, Ledger())
    auth = {"Authorization": f"Bearer {token}"}
    status, category = client.send_until_answered("POST", "/api/menu/categories", {"name": f"Chaos {tag}"}, auth)
    if status != 201:
        raise RuntimeError(f"create category: HTTP {status} {category}")
    status, item = client.send_until_answered("POST", "/api/menu/items", {
        "category_id": category["id"], "name": f"Chaos coffee {tag}", "price_cents": 500, "tax_rate_bp": 0}, auth)
    if status != 201:
        raise RuntimeError(f"create item: HTTP {status} {item}")
    client.close()
    return item["id"]


def cashier_flow(client, token, item_id, tag, ledger):
    """One create -> submit -> pay; records what was acknowledged. False if it gave up."""
    auth = {"Authorization": f"Bearer {token}"}
    with ledger.lock:
        ledger.flows_started += 1
    status, order = client.send_until_answered(
        "POST", "/api/orders", {"type": "takeaway", "note": tag, "items": [{"item_id": item_id, "quantity": 1}]},
        {**auth, "Idempotency-Key": f"{tag}-order-{uuid.uuid4()}"})
    if status != 201:
        return _gave_up(ledger)
    order_id = order["id"]
    with ledger.lock:
        ledger.orders[order_id] = order["total_cents"]

    status, _ = client.send_until_answered("POST", f"/api/orders/{order_id}/submit", {}, auth)
    if status == 409:  # a retried submit that had gone through the first time
        status, current = client.send_until_answered("GET", f"/api/orders/{order_id}", None, auth)
        status = 200 if status == 200 and current.get("status") == "submitted" else status
    if status != 200:
        return _gave_up(ledger)

    status, payment = client.send_until_answered("POST", "/api/payments", {
        "order_id": order_id, "method": "cash", "amount_cents": order["total_cents"],
        "tendered_cents": order["total_cents"]}, {**auth, "Idempotency-Key": f"{tag}-pay-{uuid.uuid4()}"})
    if status != 201:
        return _gave_up(ledger)
    with ledger.lock:
        ledger.payments[order_id].append(payment["id"])
        ledger.flows_completed += 1
    return True


def _gave_up(ledger):
    with ledger.lock:
        ledger.gave_up += 1
    return False


class Load:
    """`threads` cashiers running flows until stopped."""

    def __init__(self, base_url, token, item_id, tag, threads=6):
        self.ledger = Ledger()
        self.stopping = threading.Event()
        self.threads = [threading.Thread(target=self._run, args=(base_url, token, item_id, tag), daemon=True)
                        for _ in range(threads)]

    def _run(self, base_url, token, item_id, tag):
        client = Client(base_url, self.ledger)
        while not self.stopping.is_set():
            cashier_flow(client, token, item_id, tag, self.ledger)
        client.close()

    def __enter__(self):
        for thread in self.threads:
            thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        for thread in self.threads:
            thread.join(timeout=120)


def verify(stack, tag, ledger):
    """Compares the ledger with the database. Lost: acknowledged but not stored. Duplicated:
    more payments stored for an order than were acknowledged, or an order's money stored twice.
    Unacknowledged: stored orders of this run that no client was told about (a client gave up)."""
    stored_orders = {int(row[0]): int(row[1]) for row in stack.query(
        f"SELECT id, total_cents FROM orders WHERE note = '{tag}'")}
    stored_payments = collections.Counter(int(row[0]) for row in stack.query(
        f"SELECT p.order_id FROM payments p JOIN orders o ON o.id = p.order_id WHERE o.note = '{tag}'"))
    half_written = stack.query(
        f"SELECT o.id FROM orders o LEFT JOIN order_lines l ON l.order_id = o.id WHERE o.note = '{tag}' "
        f"GROUP BY o.id HAVING COUNT(l.id) = 0 OR SUM(l.line_total_cents) <> MAX(o.subtotal_cents)")
    lost_orders = [order for order in ledger.orders if order not in stored_orders]
    lost_payments = [order for order, ids in ledger.payments.items() if stored_payments[order] < len(ids)]
    duplicated = [order for order, count in stored_payments.items() if count > max(1, len(ledger.payments.get(order, [])))]
    return {
        "orders acknowledged": len(ledger.orders),
        "payments acknowledged": sum(len(ids) for ids in ledger.payments.values()),
        "orders stored": len(stored_orders),
        "lost": len(lost_orders) + len(lost_payments),
        "duplicated": len(duplicated),
        "half-written orders": len(half_written),
        "stored but never acknowledged": len(set(stored_orders) - set(ledger.orders)),
    }

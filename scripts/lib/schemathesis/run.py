"""Runs schemathesis against the gateway's own OpenAPI document once per staff role.

Called by scripts/schemathesis (which installs schemathesis and passes the settings in the
environment). Logs in admin, manager, cashier and barista, runs one bounded, seeded
schemathesis run per role with that role's bearer token, prints one summary line per role and
a total, and exits 1 if any run found a failure, errored, or did not finish.
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
from faults.load import log_in  # noqa: E402

BASE_URL = os.environ["POS_BASE_URL"]
SECRETS = Path(os.environ["POS_VAR_DIR"]) / "secrets"
REPORT_DIR = Path(os.environ["POS_ST_REPORT_DIR"])
ROLES = ["admin", "manager", "cashier", "barista"]


def log(message):
    print(f"schemathesis [{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def passwords():
    found = {}
    admin = os.environ.get("POS_ADMIN_PASSWORD") or (SECRETS / "admin-password").read_text().strip()
    found["admin"] = admin
    for line in (SECRETS / "demo-logins").read_text().splitlines():
        parts = line.split()
        if len(parts) == 2:
            found[parts[0]] = parts[1]
    return found


def login(username, password):
    """The staff member's token and id (the shared client waits out the login limit)."""
    try:
        token, answer = log_in(BASE_URL, username, password)
    except RuntimeError as error:
        raise SystemExit(str(error))
    return token, answer["staff"]["id"]


def run_role(role, token):
    """One schemathesis run as `role`; returns (report dict or None, exit code, seconds)."""
    report = REPORT_DIR / f"{role}.json"
    report.unlink(missing_ok=True)
    command = [
        os.environ["POS_ST_BIN"], "--config-file", os.environ["POS_ST_CONFIG"],
        "run", f"{BASE_URL}/api/openapi.json",
        "--checks", "all", *exclusions(),
        "--exclude-path", "/api/auth/logout",  # would revoke the token the run is using
        "--max-examples", os.environ["POS_ST_MAX_EXAMPLES"],
        "--seed", os.environ["POS_ST_SEED"],
        "--workers", os.environ["POS_ST_WORKERS"],
        "--generation-database", "none",
        "--request-timeout", "10",
        "--no-color",
        "-H", f"Authorization: Bearer {token}",
        "--report", "json", "--report-json-path", str(report),
    ]
    started = time.monotonic()
    with open(REPORT_DIR / f"{role}.log", "w") as output:
        try:
            # cwd: schemathesis keeps state in ./.schemathesis; that belongs in the var dir.
            code = subprocess.run(command, stdout=output, stderr=subprocess.STDOUT, cwd=REPORT_DIR,
                                  timeout=int(os.environ["POS_ST_ROLE_SECONDS"])).returncode
        except subprocess.TimeoutExpired:
            code = "timeout"
    seconds = time.monotonic() - started
    data = json.loads(report.read_text()) if report.exists() else None
    return data, code, seconds


def exclusions():
    checks = os.environ.get("POS_ST_EXCLUDE_CHECKS", "").strip()
    return ["--exclude-checks", checks] if checks else []


def main():
    REPORT_DIR.mkdir(parents=True, exist_ok=True)
    secret = passwords()
    tokens, ids = {}, []
    for role in ROLES:
        tokens[role], staff_id = login(role, secret[role])
        ids.append(str(staff_id))
    # The hooks keep the run from patching or locking out these accounts.
    os.environ["POS_ST_PROTECTED_IDS"] = " ".join(ids)
    os.environ["POS_ST_PROTECTED_NAMES"] = " ".join(ROLES)

    total_cases = total_failures = 0
    ok = True
    started = time.monotonic()
    for role in ROLES:
        data, code, seconds = run_role(role, tokens[role])
        if data is None:
            log(f"{role}: no report (exit {code}); see {REPORT_DIR / (role + '.log')}")
            ok = False
            continue
        cases = data["test_cases"]["generated"]
        failures = data["test_cases"]["unique_failures"]
        errors = len(data.get("errors") or [])
        total_cases += cases
        total_failures += failures
        log(f"{role}: {cases} cases, {failures} unique failures, {errors} errors, "
            f"{seconds:.0f} s, exit {code}")
        if code != 0 or failures or errors or not data.get("complete"):
            ok = False
            log(f"{role}: details in {REPORT_DIR / (role + '.log')}")
    log(f"total: {total_cases} cases, {total_failures} unique failures, {time.monotonic() - started:.0f} s"
        f" ({'passed' if ok else 'FAILED'})")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())

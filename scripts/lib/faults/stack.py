"""The running stack as a fault test sees it: pid files, pools and their workers, MariaDB.

Everything is found through the var dir (POS_VAR_DIR) that scripts/up or scripts/test used;
processes are found through pid files, never by name, so another stack is never touched.
"""
import os
import random
import signal
import subprocess
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))


class Stack:
    def __init__(self):
        self.var = os.path.realpath(os.environ.get("POS_VAR_DIR", os.path.join(ROOT, "var", "up")))
        self.env = self._stack_env()
        port = os.environ.get("POS_PORT") or self.env.get("POS_PORT") or "8080"
        self.base_url = f"http://127.0.0.1:{port}"
        self.db_cnf = os.path.join(self.var, "mariadb", "my.cnf")
        self.db_pid_file = os.path.join(self.var, "mariadb", "mariadbd.pid")
        self.db_data = os.path.join(self.var, "mariadb", "data")
        self.workers_per_pool = int(os.environ.get("POS_WORKERS", "2"))

    def _stack_env(self):
        values = {}
        try:
            with open(os.path.join(self.var, "stack.env")) as file:
                for line in file:
                    key, _, value = line.strip().partition("=")
                    if key and value:
                        values[key] = value
        except FileNotFoundError:
            pass
        return values

    def secret(self, name):
        with open(os.path.join(self.var, "secrets", name)) as file:
            return file.read().strip()

    def services(self):
        with open(os.path.join(ROOT, "scripts", "lib", "services")) as file:
            return [line.strip() for line in file if line.strip() and not line.startswith("#")]

    # --- processes ------------------------------------------------------------------------

    @staticmethod
    def _pid_from(path):
        try:
            with open(path) as file:
                pid = int(file.read().strip())
        except (FileNotFoundError, ValueError):
            return None
        return pid if Stack.is_running(pid) else None

    @staticmethod
    def is_running(pid):
        try:
            with open(f"/proc/{pid}/stat") as file:
                return file.read().rsplit(")", 1)[1].split()[0] != "Z"
        except (FileNotFoundError, IndexError):
            return False

    @staticmethod
    def children(pid):
        found = set()
        try:
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as file:
                    found.update(int(child) for child in file.read().split())
        except FileNotFoundError:
            pass
        return {child for child in found if Stack.is_running(child)}

    def manager_pid(self, service):
        return self._pid_from(os.path.join(self.var, "run", service, f"{service}.pid"))

    def workers(self, service):
        manager = self.manager_pid(service)
        return self.children(manager) if manager else set()

    def kill_random_worker(self, rng: random.Random):
        """SIGKILLs one worker of a random pool; returns 'service:pid' or None."""
        service = rng.choice(self.services())
        workers = sorted(self.workers(service))
        if not workers:
            return None
        victim = rng.choice(workers)
        try:
            os.kill(victim, signal.SIGKILL)
        except ProcessLookupError:
            return None
        return f"{service}:{victim}"

    def pools_full(self):
        """{service: live worker count}; full when each equals POS_WORKERS."""
        return {service: len(self.workers(service)) for service in self.services()}

    def wait_pools_full(self, seconds=15):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            counts = self.pools_full()
            if all(count == self.workers_per_pool for count in counts.values()):
                return counts
            time.sleep(0.1)
        return self.pools_full()

    def stop_pool(self, service, seconds=20):
        manager = self.manager_pid(service)
        if manager:
            os.kill(manager, signal.SIGTERM)
            deadline = time.monotonic() + seconds
            while self.is_running(manager) and time.monotonic() < deadline:
                time.sleep(0.05)

    def start_pool(self, service):
        self._script("scripts/lib/start-service", service)

    # --- MariaDB -----------------------------------------------------------------------------

    def db_pid(self):
        return self._pid_from(self.db_pid_file)

    def kill_db(self, sig=signal.SIGKILL):
        pid = self.db_pid()
        if pid:
            os.kill(pid, sig)
            if sig == signal.SIGKILL:
                while self.is_running(pid):
                    time.sleep(0.02)
        return pid

    def stop_db(self):
        pid = self.kill_db(signal.SIGTERM)
        while pid and self.is_running(pid):
            time.sleep(0.05)

    def start_db(self):
        self._script("scripts/lib/start-database")

    def query(self, sql):
        """Rows (tuples of strings) of one query, as root over the stack's socket."""
        database = self.env.get("POS_DB_NAME") or os.environ.get("POS_DB_NAME", "cafe_pos")
        out = subprocess.run(["mariadb", f"--defaults-file={self.db_cnf}", "--batch", "--skip-column-names",
                              "-e", sql, database], check=True, capture_output=True, text=True).stdout
        return [tuple(line.split("\t")) for line in out.splitlines()]

    def _script(self, path, *arguments):
        subprocess.run([os.path.join(ROOT, path), *arguments], check=True, stdin=subprocess.DEVNULL,
                       stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, close_fds=True)

#!/usr/bin/env python3
"""Soak driver for atlas-mock (issue 6): a bounded mixed load for N minutes against a started binary,
RSS and open descriptors sampled every 5 s, and a verdict. Loopback only; standard library only.

Verdict (exit 1 when any fails):
  - 0 failed requests (transport error, non-200 HTTP, or an Atlas body status other than 0);
  - RSS within 10% of its value after the first minute, at every later sample;
  - no descriptor growth: once the load stops and connections settle, open descriptors are no more
    than the most seen during the first minute;
  - the binary exits 0 on SIGTERM.
"""

import argparse
import http.client
import http.server
import json
import os
import random
import signal
import subprocess
import sys
import threading
import time

CLIENTS = [("sandbox", "sandbox-secret"), ("partner", "partner-secret")]
# Types that need no fields and leave every order fit for the next event: order.void needs voidStatus,
# airline.status its fields, and abnormal.cancelled and order.cancelled cancel the order they pick,
# after which a long soak would run out of orders and get state-conflict answers.
EVENT_TYPES = ["order.ticketed", "order.schedulechange", "email.schedulechange", "email.all"]
PAGE_FILTERS = [
    {},
    {"eventType": "order.schedulechange"},
    {"eventType": "email.all", "eventStatus": [0]},
    {"eventStatus": "1"},
    {"airline": "VJ"},
    {"airlines": ["SQ", "CX"]},
    {"startTime": "2026-01-01 00:00:00", "endTime": "2026-12-31 23:59:59"},
    {"orderNo": "", "pnr": None, "eventType": ""},
]


class Receiver(http.server.BaseHTTPRequestHandler):
    """The webhook receiver: reads the body and answers 200 at once, as a careful integrator does."""

    protocol_version = "HTTP/1.1"
    received = 0
    lock = threading.Lock()

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        body = b'{"received":true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)
        with Receiver.lock:
            Receiver.received += 1

    def log_message(self, *args):
        pass


class Tally:
    """Request counts by operation, and the first few failures verbatim."""

    def __init__(self):
        self.lock = threading.Lock()
        self.ok = {}
        self.failed = {}
        self.examples = []

    def record(self, operation, error):
        with self.lock:
            bucket = self.failed if error else self.ok
            bucket[operation] = bucket.get(operation, 0) + 1
            if error and len(self.examples) < 10:
                self.examples.append(f"{operation}: {error}")

    def totals(self):
        with self.lock:
            return sum(self.ok.values()), sum(self.failed.values())


def usage(pid):
    """(RSS in KiB, open descriptors) of pid, from /proc."""
    rss = -1
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1])
    return rss, len(os.listdir(f"/proc/{pid}/fd"))


def fetch_health(host, port):
    """GET /__admin/health as JSON, or {} when it cannot be read."""
    try:
        connection = http.client.HTTPConnection(host, port, timeout=10)
        connection.request("GET", "/__admin/health")
        return json.loads(connection.getresponse().read())
    except Exception:
        return {}


class Worker(threading.Thread):
    """One keep-alive client issuing a paced mix of operations until `stop` is set."""

    def __init__(self, host, port, receiver_url, rate, stop, tally, seed):
        super().__init__(daemon=True)
        self.host, self.port, self.receiver_url = host, port, receiver_url
        self.interval = 1.0 / rate
        self.stop, self.tally = stop, tally
        self.random = random.Random(seed)
        self.connection = None

    def call(self, method, path, body=None, headers=None):
        """One request on the kept-alive connection (reopened after any close); returns (status, bytes)."""
        if self.connection is None:
            self.connection = http.client.HTTPConnection(self.host, self.port, timeout=10)
        data = None if body is None else json.dumps(body).encode()
        try:
            self.connection.request(method, path, body=data, headers=headers or {})
            response = self.connection.getresponse()
            payload = response.read()
            if response.getheader("Connection", "").lower() == "close":
                self.connection.close()
                self.connection = None
            return response.status, payload
        except Exception:
            self.connection.close()
            self.connection = None
            raise

    def atlas(self, path, body):
        """An Atlas call as an integrator makes it: every documented header; success is body status 0."""
        client, secret = self.random.choice(CLIENTS)
        headers = {
            "Content-Type": "application/json", "Accept": "application/json", "Accept-Encoding": "gzip",
            "x-atlas-client-id": client, "x-atlas-client-secret": secret,
        }
        status, payload = self.call("POST", path, body, headers)
        if status != 200:
            return f"HTTP {status}: {payload[:200]!r}"
        answer = json.loads(payload)
        return None if answer.get("status") == 0 else f"body status {answer.get('status')}: {answer.get('msg')}"

    def admin(self, method, path, body=None):
        status, payload = self.call(method, path, body, {"Content-Type": "application/json"} if body else None)
        if status != 200:
            return f"HTTP {status}: {payload[:200]!r}"
        json.loads(payload)
        return None

    def one(self):
        """One operation, drawn with fixed weights: mostly reads, some registrations and events."""
        roll = self.random.random()
        if roll < 0.47:
            body = dict(self.random.choice(PAGE_FILTERS))
            body.update({"pageIndex": self.random.randint(1, 5), "pageSize": self.random.choice([10, 20, 50, 100])})
            return "getPageList", self.atlas("/event/getPageList.do", body)
        if roll < 0.84:
            return "health", self.admin("GET", "/__admin/health")
        if roll < 0.90:
            return "updateWebhookURL", self.atlas("/updateWebhookURL.do", {"url": self.receiver_url})
        if roll < 0.96:
            client = self.random.choice(CLIENTS)[0]
            body = {"clientId": client, "url": self.receiver_url}
            return "registration", self.admin("POST", "/__admin/registrations", body)
        client = self.random.choice(CLIENTS)[0]
        body = {"clientId": client, "type": self.random.choice(EVENT_TYPES), "wait": False}
        return "event", self.admin("POST", "/__admin/events", body)

    def run(self):
        next_at = time.monotonic()
        while not self.stop.is_set():
            try:
                operation, error = self.one()
            except Exception as exception:  # transport failure: counted, never fatal to the soak
                operation, error = "transport", f"{type(exception).__name__}: {exception}"
            self.tally.record(operation, error)
            next_at += self.interval
            delay = next_at - time.monotonic()
            if delay > 0:
                self.stop.wait(delay)
            else:
                next_at = time.monotonic()  # behind schedule: do not burst to catch up
        if self.connection:
            self.connection.close()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", required=True)
    parser.add_argument("--minutes", type=float, default=10)
    parser.add_argument("--rate", type=float, default=200, help="requests per second, all workers together")
    parser.add_argument("--workers", type=int, default=8)
    parser.add_argument("--sample-seconds", type=float, default=5)
    arguments = parser.parse_args()

    receiver = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Receiver)
    receiver.daemon_threads = True
    threading.Thread(target=receiver.serve_forever, daemon=True).start()
    receiver_url = f"http://127.0.0.1:{receiver.server_address[1]}/atlas/webhook"

    mock = subprocess.Popen(
        [arguments.binary, "serve", "--port", "0", "--quiet", "--seed", "6", "--seed-incidents", "10000",
         # Ring buffers small enough to fill within the first minute, so the RSS baseline taken then
         # is their steady state (at the defaults, 10000 entries, they fill only after minutes).
         "--journal-capacity", "1000", "--delivery-log-capacity", "400"],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    ready = mock.stdout.readline().strip()
    if not ready.startswith("atlas-mock listening on http://"):
        print(f"FAIL: no ready line: {ready!r} {mock.stderr.read()}", file=sys.stderr)
        return 1
    host, port = ready.rsplit("/", 1)[1].rsplit(":", 1)
    port = int(port)
    print(f"atlas-mock pid {mock.pid} at {host}:{port}, receiver {receiver_url}")
    print(f"load: {arguments.rate:g} req/s over {arguments.workers} keep-alive workers for {arguments.minutes:g} min")

    stop, tally = threading.Event(), Tally()
    workers = [
        Worker(host, port, receiver_url, arguments.rate / arguments.workers, stop, tally, seed)
        for seed in range(arguments.workers)
    ]
    for worker in workers:
        worker.start()

    started = time.monotonic()
    duration = arguments.minutes * 60
    warmup = min(60.0, duration / 4)  # "after the first minute", scaled down for short runs
    samples = []  # (seconds, rss KiB, fds, requests ok, requests failed)
    while True:
        elapsed = time.monotonic() - started
        rss, fds = usage(mock.pid)
        ok, failed = tally.totals()
        samples.append((elapsed, rss, fds, ok, failed))
        print(f"  t={elapsed:6.1f}s rss={rss / 1024:7.1f} MiB fds={fds:4d} ok={ok:7d} failed={failed}", flush=True)
        if elapsed >= duration:
            break
        time.sleep(min(arguments.sample_seconds, max(0.0, duration - elapsed)))
    stop.set()
    for worker in workers:
        worker.join(15)
    health = fetch_health(host, port)

    # Connections and in-flight webhooks close asynchronously: poll for the count to settle, bounded.
    warm = [sample for sample in samples if sample[0] <= warmup + 0.5]
    baseline_rss = warm[-1][1]
    baseline_fds = max(sample[2] for sample in warm)
    settle_deadline = time.monotonic() + 15
    final_rss, final_fds = usage(mock.pid)
    while final_fds > baseline_fds and time.monotonic() < settle_deadline:
        time.sleep(0.2)
        final_rss, final_fds = usage(mock.pid)

    mock.send_signal(signal.SIGTERM)
    try:
        exit_status = mock.wait(10)
    except subprocess.TimeoutExpired:
        mock.kill()
        exit_status = "did not exit within 10 s"
    receiver.shutdown()

    after = [sample for sample in samples if sample[0] > warmup + 0.5] or samples[-1:]
    rss_low, rss_high = min(s[1] for s in after), max(s[1] for s in after)
    fds_all = [s[2] for s in samples]
    ok, failed = tally.totals()
    elapsed = samples[-1][0]
    print()
    print(f"requests: {ok + failed} in {elapsed:.0f} s ({(ok + failed) / elapsed:.1f}/s), failed {failed}")
    print("  by operation: " + ", ".join(f"{name} {count}" for name, count in sorted(tally.ok.items())))
    for example in tally.examples:
        print(f"  failure: {example}")
    print(f"webhooks received by the local receiver: {Receiver.received}")
    print(f"RSS: {baseline_rss / 1024:.1f} MiB at {warmup:.0f} s; after it min {rss_low / 1024:.1f}, "
          f"max {rss_high / 1024:.1f}, final {final_rss / 1024:.1f} MiB "
          f"({(rss_high - baseline_rss) * 100 / baseline_rss:+.1f}% at most)")
    print(f"fds: max {baseline_fds} during the first {warmup:.0f} s; overall min {min(fds_all)}, max {max(fds_all)}; "
          f"after the load settled {final_fds}")
    sandbox = health.get("sandbox", {})
    print(f"retained state: incidents {sandbox.get('incidentCounts')} "
          f"(~{sandbox.get('approximateIncidentBytes', 0) / 1048576:.1f} MiB; fired incidents are kept by design), "
          f"webhooks {health.get('webhooks')}, limit hits {health.get('http', {}).get('limitHits')}")
    print(f"exit status on SIGTERM: {exit_status}")

    checks = [
        ("0 failed requests", failed == 0),
        ("RSS within 10% of its value after the first minute",
         all(abs(s[1] - baseline_rss) <= baseline_rss * 0.10 for s in after)),
        ("no descriptor growth", final_fds <= baseline_fds),
        ("exit 0 on SIGTERM", exit_status == 0),
    ]
    for name, passed in checks:
        print(f"  {'PASS' if passed else 'FAIL'}  {name}")
    verdict = all(passed for _, passed in checks)
    print(f"verdict: {'PASS' if verdict else 'FAIL'}")
    return 0 if verdict else 1


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Median time from process spawn to the ready line on stdout, over N starts of the release binary."""
import statistics
import subprocess
import sys
import time

binary, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10
samples = []
for _ in range(runs):
    start = time.perf_counter()
    proc = subprocess.Popen([binary, "serve", "--port", "0", "--quiet"], stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    line = proc.stdout.readline()
    samples.append((time.perf_counter() - start) * 1000)
    proc.terminate()
    proc.wait(timeout=10)
    if not line.startswith(b"atlas-mock listening on "):
        sys.exit(f"unexpected ready line: {line!r}")
print(f"start-to-ready: median {statistics.median(samples):.1f} ms, min {min(samples):.1f} ms, max {max(samples):.1f} ms over {runs} starts")

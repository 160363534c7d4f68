#!/usr/bin/env python3
"""First-time (uncached) getPageList latency: each query uses filter values not asked before, so the
server computes its match set from the indexes (or scans, for paxName). Prints 'airline+status' and
'paxName' medians in ms over 5 distinct queries each, on one keep-alive connection."""
import http.client
import json
import statistics
import sys
import time
from urllib.parse import urlparse

target = urlparse(sys.argv[1])
connection = http.client.HTTPConnection(target.hostname, target.port, timeout=30)
headers = {
    "Content-Type": "application/json", "Accept": "application/json", "Accept-Encoding": "gzip",
    "x-atlas-client-id": "sandbox", "x-atlas-client-secret": "sandbox-secret",
}


def timed(body):
    start = time.perf_counter()
    connection.request("POST", "/event/getPageList.do", json.dumps(body), headers)
    answer = json.loads(connection.getresponse().read())
    elapsed = (time.perf_counter() - start) * 1000
    if answer.get("status") != 0:
        sys.exit(f"unexpected answer: {answer}")
    return elapsed


shapes = {
    "airline+status": [{"airline": code, "eventStatus": [1], "pageSize": 20} for code in ["SQ", "CX", "VJ", "QZ", "AK"]],
    "paxName": [{"paxName": text, "pageSize": 20} for text in ["an", "ee", "li", "ou", "ar"]],
}
print("  ".join(f"{name} {statistics.median(timed(body) for body in bodies):.2f} ms" for name, bodies in shapes.items()))

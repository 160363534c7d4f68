#!/usr/bin/env python3
"""Holds N idle keep-alive connections open against a running server, then times a new client's
connect + GET /__admin/health + full response, several times. Prints median and max in ms."""
import socket
import statistics
import sys
import time
from urllib.parse import urlparse

url, idle_count = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 500
target = urlparse(url)
address = (target.hostname, target.port)

idle = []
for _ in range(idle_count):
    connection = socket.create_connection(address)
    idle.append(connection)  # connected, sends nothing: an idle client the server must not wait on
time.sleep(0.2)  # let the server accept every one of them before measuring

request = f"GET /__admin/health HTTP/1.1\r\nHost: {target.hostname}\r\nConnection: close\r\n\r\n".encode()
samples = []
for _ in range(20):
    start = time.perf_counter()
    with socket.create_connection(address, timeout=5) as client:
        client.sendall(request)
        answer = b""
        while chunk := client.recv(65536):
            answer += chunk
    samples.append((time.perf_counter() - start) * 1000)
    if not answer.startswith(b"HTTP/1.1 200"):
        sys.exit(f"unexpected answer with {idle_count} idle connections: {answer[:80]!r}")
for connection in idle:
    connection.close()
print(f"new client with {idle_count} idle connections open: median {statistics.median(samples):.2f} ms, "
      f"max {max(samples):.2f} ms over {len(samples)} requests")

#!/usr/bin/env python3
"""HTTP client of bench/web.sh: latency of each request over one kept-alive
connection, or a long run watching the server's memory.

  webclient.py latency HOST PORT REPS PATHS_FILE   -> one line per path:
      "median p95 p99 total" (ms, nearest rank; total: the exact number
      of reports of a search, or "cases/amount" of an answer)
  webclient.py memory HOST PORT N PID PATHS_FILE [distinct]  -> "rss_start
      rss_after_1000 rss_end rss_max" in KiB over N requests cycling
      through the paths, after one warm-up pass over them; "distinct"
      adds a parameter the server does not read (&bench=I), so that
      each request is a new one for the server's cache
"""
import http.client
import json
import sys
import time


def rss(pid):
    with open("/proc/%s/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


def get(conn, path):
    conn.request("GET", path)
    resp = conn.getresponse()
    body = resp.read()
    if resp.status != 200:
        raise SystemExit("webclient: %s: HTTP %d %s" % (path, resp.status, body[:200]))
    return body


def rank(sorted_ms, p):
    k = max(1, int(-(-len(sorted_ms) * p // 100)))
    return sorted_ms[k - 1]


def total_of(body):
    d = json.loads(body)
    if "results" in d:
        return str(d["total"])
    t = d.get("total", {})
    return "%s cases/%s" % (t.get("sanctions"), t.get("amount_vnd"))


def main():
    mode, host, port = sys.argv[1], sys.argv[2], int(sys.argv[3])
    conn = http.client.HTTPConnection(host, port, timeout=60)
    if mode == "latency":
        reps = int(sys.argv[4])
        paths = [l.rstrip("\n") for l in open(sys.argv[5]) if l.strip()]
        for path in paths:
            body = get(conn, path)          # warm-up
            ms = []
            for _ in range(reps):
                t0 = time.perf_counter()
                get(conn, path)
                ms.append((time.perf_counter() - t0) * 1e3)
            ms.sort()
            print("%.2f %.2f %.2f %s" % (rank(ms, 50), rank(ms, 95), rank(ms, 99),
                                         total_of(body).replace(" ", "_")))
    elif mode == "memory":
        n, pid = int(sys.argv[4]), sys.argv[5]
        paths = [l.rstrip("\n") for l in open(sys.argv[6]) if l.strip()]
        distinct = len(sys.argv) > 7 and sys.argv[7] == "distinct"
        for path in paths:                  # warm-up: caches filled
            get(conn, path)
        start = rss(pid)
        high = start
        at1000 = start
        for i in range(n):
            path = paths[i % len(paths)]
            if distinct:
                path += "%sbench=%d" % ("&" if "?" in path else "?", i)
            get(conn, path)
            if i % 500 == 0:
                high = max(high, rss(pid))
            if i == 999:
                at1000 = rss(pid)
        end = rss(pid)
        print("%d %d %d %d" % (start, at1000, end, max(high, end)))
    return 0


if __name__ == "__main__":
    sys.exit(main())

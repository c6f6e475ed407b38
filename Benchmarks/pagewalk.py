#!/usr/bin/env python3
"""The page walk: every console page and API list of a running ParkOS, as each role, timed.

Signs in through the console's own form as each role (and through /api/v1/auth/token for the
API), crawls the console by its links (one sample URL per route pattern, bounded), lists the API's
GET routes without path parameters from openapi.yaml, and for each route reports:

  * single-user: N sequential requests on one keep-alive connection, p50 and p99 (ms);
  * at C connections: wrk for D seconds (requests/s, p50, p99), when wrk is installed;

side by side with /healthz measured the same way in the same run. Loopback only, bounded in
pages, requests and time. With --explain-log (PostgreSQL with auto_explain, see explain.sh) it
reads the plans each request caused instead of timing, and reports sequential scans of tables
that grow with the park.

  python3 Benchmarks/pagewalk.py --base http://127.0.0.1:8097 [--roles admin,econ,firm-a]
      [--samples 20] [--connections 16] [--duration 3] [--max-routes 120] [--pid SERVER_PID]
      [--markdown FILE]
"""
import argparse
import http.client
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import time
import urllib.parse

PASSWORD = "parkos-demo"
LINK = re.compile(r'href="(/[^"#]*)"')
# Links that change state, leave the console or download files are not walked.
SKIP = re.compile(r"^/(logout|login|static/|assets/|favicon)|[?&]lang=|\.(csv|xlsx|geojson|json|pdf|png|svg)(\?|$)|/export|/download")
SEGMENT_ID = re.compile(r"^([0-9a-fA-F-]{32,36}|\d+|[0-9A-Z]{18}|\d{4}-\d{2}(-\d{2})?|[A-Z]{2,3}-\d{4}-\d{4}.*)$")


def pattern(path):
    """The route a URL belongs to: ids, numbers, credit codes, months and parcel codes as {}."""
    p = urllib.parse.urlsplit(path)
    parts = ["{}" if SEGMENT_ID.match(urllib.parse.unquote(s)) else s for s in p.path.split("/")]
    keys = sorted(k for k, _ in urllib.parse.parse_qsl(p.query, keep_blank_values=True))
    return "/".join(parts) + (("?" + "&".join(keys)) if keys else "")


class Client:
    """One keep-alive connection with a cookie and an optional bearer token."""

    def __init__(self, base):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port or 80
        self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
        self.cookies = {}
        self.token = None

    def headers(self, extra=None):
        h = {"Accept-Language": "zh-CN"}
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if self.token:
            h["Authorization"] = f"Bearer {self.token}"
        h.update(extra or {})
        return h

    def request(self, method, path, body=None, headers=None):
        for attempt in range(2):
            try:
                self.conn.request(method, path, body=body, headers=self.headers(headers))
                r = self.conn.getresponse()
                data = r.read()
                break
            except (http.client.HTTPException, ConnectionError):
                self.conn.close()
                self.conn = http.client.HTTPConnection(self.host, self.port, timeout=60)
                if attempt:
                    raise
        for k, v in r.getheaders():
            if k.lower() == "set-cookie":
                name, _, rest = v.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return r.status, r.getheader("Location"), data

    def console_login(self, who):
        _, _, html = self.request("GET", "/login")
        m = re.search(rb'name="_csrf" value="([^"]*)"', html)
        form = {"username": who, "password": PASSWORD, "_csrf": m.group(1).decode() if m else ""}
        status, location, _ = self.request("POST", "/login", urllib.parse.urlencode(form),
                                           {"Content-Type": "application/x-www-form-urlencoded"})
        if status not in (302, 303) or (location or "").startswith("/login"):
            sys.exit(f"console sign-in as {who} failed: HTTP {status} → {location}")

    def api_login(self, who):
        status, _, data = self.request("POST", "/api/v1/auth/token", json.dumps({"username": who, "password": PASSWORD}),
                                       {"Content-Type": "application/json"})
        if status != 200:
            sys.exit(f"API sign-in as {who} failed: HTTP {status} {data[:200]!r}")
        self.token = json.loads(data)["token"]


def crawl(client, max_routes):
    """One sample URL per route pattern reachable from / by links (breadth first, bounded):
    a pattern is queued at most twice (a second sample in case the first is not a page)."""
    queue, seen, queued, routes = ["/"], set(), {}, {}
    while queue and len(routes) < max_routes and len(seen) < max_routes * 4:
        path = queue.pop(0)
        key = pattern(path)
        if path in seen or key in routes or SKIP.search(path):
            continue
        seen.add(path)
        status, location, body = client.request("GET", path)
        if status in (301, 302, 303, 307) and location and location.startswith("/") and not location.startswith("//"):
            queue.insert(0, location)
            continue
        if status != 200 or b"<html" not in body[:2000].lower():
            continue
        routes[key] = path
        for link in LINK.findall(body.decode("utf-8", "replace")):
            link = link.replace("&amp;", "&")
            k = pattern(link)
            if k not in routes and queued.get(k, 0) < 2 and not SKIP.search(link):
                queued[k] = queued.get(k, 0) + 1
                queue.append(link)
    return routes


def api_lists(spec_path):
    """GET routes of openapi.yaml without path parameters, under /api/v1."""
    text = open(spec_path, encoding="utf-8").read()
    base = "/api/v1"
    m = re.search(r"^servers:\s*\n\s*-\s*url:\s*(\S+)", text, re.M)
    if m and m.group(1).startswith("/"):
        base = m.group(1).rstrip("/")
    out, current = [], None
    for line in text.splitlines():
        pm = re.match(r"^  (/\S*):\s*$", line)
        if pm:
            current = pm.group(1)
            continue
        if current and re.match(r"^    get:\s*$", line) and "{" not in current:
            out.append(base + current)
    skip = re.compile(r"/(auth|export|healthz|metrics)|\.(csv|xlsx)$|/audit/verify|/open311")
    return sorted({p for p in out if not skip.search(p)})


def query_defaults():
    """Values for query parameters a list requires: the last full month, this year."""
    t = time.gmtime()
    last = (t.tm_year, t.tm_mon - 1) if t.tm_mon > 1 else (t.tm_year - 1, 12)
    month = f"{last[0]:04d}-{last[1]:02d}"
    return {"period": month, "month": month, "from": f"{last[0]:04d}-01", "to": month, "year": str(t.tm_year)}


def with_required_query(client, path):
    """`path` with the query parameters the server says are missing, where a default is known."""
    defaults = query_defaults()
    for _ in range(4):
        status, _, body = client.request("GET", path)
        m = re.search(rb"Missing required query parameter named: (\w+)", body) if status == 400 else None
        if not m or m.group(1).decode() not in defaults:
            return path
        name = m.group(1).decode()
        path += ("&" if "?" in path else "?") + f"{name}={defaults[name]}"
    return path


def time_route(client, path, samples):
    client.request("GET", path)  # warm-up (and a session touch)
    times, status = [], None
    for _ in range(samples):
        t = time.perf_counter()
        status, _, body = client.request("GET", path)
        times.append((time.perf_counter() - t) * 1000)
    times.sort()
    p99 = times[min(len(times) - 1, int(round(0.99 * (len(times) - 1))))]
    return status, statistics.median(times), p99, len(body)


def wrk(base, path, client, connections, duration):
    if not shutil.which("wrk"):
        return None
    args = ["wrk", f"-t{min(2, connections)}", f"-c{connections}", f"-d{duration}s", "--latency"]
    for k, v in client.headers().items():
        args += ["-H", f"{k}: {v}"]
    out = subprocess.run(args + [base + path], capture_output=True, text=True, timeout=duration + 60).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", out)
    lat = dict(re.findall(r"^\s+(50|99)%\s+(\S+)", out, re.M))
    bad = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    return (float(rps.group(1)) if rps else 0.0, lat.get("50", "?"), lat.get("99", "?"), int(bad.group(1)) if bad else 0)


def plans_since(log_path, offset):
    """The auto_explain plans (JSON format) the server's log gained after `offset`."""
    with open(log_path, encoding="utf-8", errors="replace") as f:
        f.seek(offset)
        lines = f.read().splitlines()
    plans, i = [], 0
    while i < len(lines):
        if lines[i].rstrip().endswith("plan:"):
            i += 1
            body = []
            while i < len(lines) and lines[i].startswith("\t"):
                body.append(lines[i][1:])
                i += 1
            try:
                plans.append(json.loads("\n".join(body)))
            except ValueError:
                pass
        else:
            i += 1
    return plans


def seq_scans(node, big):
    """Sequential scans of big tables in a plan tree: (table, rows the planner expects)."""
    out = []
    if node.get("Node Type") == "Seq Scan" and node.get("Relation Name") in big:
        out.append((node["Relation Name"], int(node.get("Plan Rows", 0))))
    for child in node.get("Plans", []):
        out += seq_scans(child, big)
    return out


def rss_mb(pid):
    try:
        for line in open(f"/proc/{pid}/status"):
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        return None


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--base", default="http://127.0.0.1:8097")
    ap.add_argument("--roles", default="admin,econ,firm-a")
    ap.add_argument("--api-role", default="admin")
    ap.add_argument("--samples", type=int, default=20)
    ap.add_argument("--connections", type=int, default=16)
    ap.add_argument("--duration", type=int, default=3, help="seconds of wrk per route")
    ap.add_argument("--max-routes", type=int, default=120)
    ap.add_argument("--spec", default=os.path.join(os.path.dirname(__file__), "..", "Sources", "ParkAPI", "openapi.yaml"))
    ap.add_argument("--pid", type=int)
    ap.add_argument("--no-load", action="store_true", help="single-user timings only")
    ap.add_argument("--markdown")
    ap.add_argument("--explain-log", help="PostgreSQL log with auto_explain plans (JSON); report sequential scans instead of timing")
    ap.add_argument("--big-tables", default="", help="comma-separated tables whose sequential scan is reported")
    a = ap.parse_args()
    a.samples = max(1, min(a.samples, 1000)); a.duration = max(1, min(a.duration, 60))
    a.connections = max(1, min(a.connections, 256)); a.max_routes = max(1, min(a.max_routes, 1000))

    rows, scans = [], []
    big = set(t for t in a.big_tables.split(",") if t)

    def measure(who, kind, key, path, client):
        if a.explain_log:
            client.request("GET", path)  # warm-up: the session's own statements
            offset = os.path.getsize(a.explain_log)
            status, _, body = client.request("GET", path)
            time.sleep(0.05)
            plans = plans_since(a.explain_log, offset)
            found = [(t, n, p.get("Query Text", "")[:160].replace("\n", " ")) for p in plans for t, n in seq_scans(p.get("Plan", {}), big)]
            rows.append((who, kind, key, status, 0, 0, len(body), None))
            scans.extend((who, key) + f for f in found)
            print(f"{who:<8} {kind:<7} {key[:60]:<60} {status}  {len(plans):3d} statements  {len(found)} sequential scans of big tables", flush=True)
            for t, n, q in found:
                print(f"         Seq Scan on {t} (planner expects {n} rows): {q}", flush=True)
            return
        status, p50, p99, size = time_route(client, path, a.samples)
        load = None if a.no_load else wrk(a.base, path, client, a.connections, a.duration)
        rows.append((who, kind, key, status, p50, p99, size, load))
        l = f"{load[0]:8.0f} req/s  p50 {load[1]:>8}  p99 {load[2]:>8}{'  non-2xx ' + str(load[3]) if load[3] else ''}" if load else ""
        print(f"{who:<8} {kind:<7} {key[:60]:<60} {status}  p50 {p50:7.1f} ms  p99 {p99:7.1f} ms  {size / 1024:6.0f} KB  {l}", flush=True)

    anon = Client(a.base)
    measure("-", "floor", "/healthz", "/healthz", anon)
    for who in [r for r in a.roles.split(",") if r]:
        c = Client(a.base)
        c.console_login(who)
        for key, path in sorted(crawl(c, a.max_routes).items()):
            measure(who, "console", key, path, c)
    api = Client(a.base)
    api.api_login(a.api_role)
    for path in api_lists(a.spec):
        measure(a.api_role, "api", path, with_required_query(api, path), api)
    measure("-", "floor", "/healthz (again)", "/healthz", anon)

    if a.explain_log:
        print(f"\n{len(rows)} routes; sequential scans of {', '.join(sorted(big)) or 'no table named'}: {len(scans)} on {len(set((w, k) for w, k, *_ in scans))} routes")
        return 1 if any(r[3] >= 500 for r in rows) else 0
    slow = [r for r in rows if r[1] == "console" and r[5] >= 100]
    thin = [r for r in rows if r[7] and r[1] != "floor" and r[7][0] < 200]
    print(f"\n{len(rows)} routes; console pages with p99 ≥ 100 ms single-user: {len(slow)}; routes under 200 req/s at {a.connections} connections: {len(thin) if not a.no_load else 'not measured'}")
    if a.pid:
        print(f"server RSS after the walk: {rss_mb(a.pid):.0f} MB")
    if a.markdown:
        with open(a.markdown, "w", encoding="utf-8") as f:
            f.write(f"| role | kind | route | HTTP | p50 ms | p99 ms | KB | req/s @{a.connections} | p99 @{a.connections} |\n|---|---|---|---|---|---|---|---|---|\n")
            for who, kind, key, status, p50, p99, size, load in rows:
                f.write(f"| {who} | {kind} | `{key}` | {status} | {p50:.1f} | {p99:.1f} | {size / 1024:.0f} | "
                        f"{f'{load[0]:.0f}' if load else '–'} | {load[2] if load else '–'} |\n")
    bad = [r for r in rows if r[3] >= 500]
    if bad:
        print("server errors:", ", ".join(f"{r[0]} {r[2]} → {r[3]}" for r in bad))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Browser check of the ParkOS console, driven by .ci/browser.sh.

Talks to an already running headless chromium over the Chrome DevTools Protocol (websocket-client),
signs in through the console's login form, switches language with the console's own link, walks
the pages found by following links, and fails on any non-2xx page, console error, uncaught
exception, Content Security Policy violation or failed subresource load. Saves a full-page PNG of
every page.

Usage: browser_check.py BASE_URL DEVTOOLS_HTTP_URL SHOTS_DIR BUDGET_SECONDS
"""
import base64
import json
import os
import re
import sys
import time
import urllib.request

import websocket

PASSWORD = "parkos-demo"
LANGS = ("zh", "en")
VIEW_W, VIEW_H = 1280, 900  # the width officials' screens have at least
SETTLE = float(os.environ.get("PARKOS_BROWSER_SETTLE_SECONDS", "0.6"))
PAGE_TIMEOUT = 30.0
MAX_SHOT_H = 16000  # px; taller pages are shot down to here
UUID = r"[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}"

# What each user visits. A step is (name, source, pattern, required):
#   source None: pattern is a fixed path;
#   source a tuple of step names: the first link (in page order) whose path+query matches the
#   pattern on those pages, read from the rendered DOM of the first language pass; the second pass
#   reuses the same URLs so both languages show the same records.
# A step whose source pages were not visited, or that finds no link, fails when required and is
# skipped (and said so) otherwise.
PLANS = {
    "admin": [
        ("home", None, "/", True),
        ("enterprises", ("home",), r"^/enterprises$", True),
        ("enterprise", ("enterprises",), rf"^/enterprises/{UUID}$", True),
        ("enterprise-import", ("home",), r"^/enterprises/import$", False),
        ("land", ("home",), r"^/land$", True),
        ("parcel", ("land",), rf"^/parcels/{UUID}$", True),
        ("land-due", ("land",), r"^/land/due$", False),
        ("land-rulesets", ("land",), r"^/land/rulesets$", False),
        ("lease", ("parcel", "land", "land-due", "enterprise"), rf"^/leases/{UUID}$", True),
        ("lease-assessment", ("lease",), rf"^/leases/{UUID}/assessment$", False),
        ("permu", ("home",), r"^/permu$", True),
        ("permu-run", ("permu",), rf"^/permu/runs/{UUID}$", False),
        ("permu-scorecard", ("permu-run",), rf"^/permu/runs/{UUID}/enterprises/{UUID}$", False),
        ("permu-scheme", ("permu",), rf"^/permu/schemes/{UUID}$", False),
        ("policies", ("home",), r"^/policies$", True),
        ("policy", ("policies",), r"^/policies/(?!new$|me$|runs$|match$|language$)[A-Za-z0-9_.-]+$", True),
        ("policy-new", ("policies",), r"^/policies/new$", False),
        ("policy-language", ("policies",), r"^/policies/language$", True),
        # If the park has no policy run yet, the admin runs the match form on /policies (see below).
        ("policy-run", ("policies", "policy"), rf"^/policies/runs/{UUID}$", False),
        ("indicators", ("home",), r"^/indicators$", True),
        ("board-pack", ("indicators",), r"^/indicators/board-pack\?period=", True),
        ("indicators-import", ("indicators",), r"^/indicators/import$", False),
        ("indicators-drill", ("indicators",), r"^/indicators/enterprises\?", False),
        ("profile", ("enterprise",), rf"^/enterprises/{UUID}/profile$", True),
        ("investment", ("home",), r"^/investment$", True),
        ("investment-project", ("investment",), rf"^/investment/projects/{UUID}$", True),
        ("investment-new", ("investment",), r"^/investment/projects/new$", False),
        ("investment-report", ("investment",), r"^/investment/report$", True),
        ("investment-fortune500", ("investment",), r"^/investment/fortune500$", True),
        ("investment-imports", ("investment",), r"^/investment/imports$", False),
        ("investment-info-reports", ("investment",), r"^/investment/info-reports$", True),
        ("audit", ("home",), r"^/admin/audit$", True),
        ("users", ("home",), r"^/admin/users$", True),
        # Outbound investment (issue 14)
        ("outbound", ("home",), r"^/outbound$", True),
        ("outbound-project", ("outbound",), rf"^/outbound/projects/{UUID}$", True),
        ("outbound-new", ("outbound",), r"^/outbound/projects/new$", True),
        ("outbound-projects", ("outbound",), r"^/outbound/projects$", True),
        ("outbound-world", ("outbound",), r"^/outbound/countries$", True),
        ("outbound-country", ("outbound-world", "outbound-project"), r"^/outbound/countries/[A-Z]{2}$", True),
        ("outbound-alerts", ("outbound",), r"^/outbound/alerts$", True),
        ("outbound-alert", ("outbound-alerts", "outbound"), rf"^/outbound/alerts/{UUID}$", True),
        ("outbound-stats", ("outbound",), r"^/outbound/stats$", True),
        ("outbound-services", ("outbound",), r"^/outbound/services$", True),
        # Enterprise service (issue 12)
        ("service-queue", ("home",), r"^/service$", True),
        ("service-request", ("service-queue",), rf"^/service/requests/{UUID}$", True),
        ("service-board", ("service-queue",), r"^/service/board$", True),
        ("service-stats", ("service-queue",), r"^/service/stats$", True),
        ("service-new", ("service-queue",), r"^/service/new$", False),
        ("inbox", ("home",), r"^/inbox$", True),
    ],
    # An economic development officer (staff, not admin): the pages a new official reads first.
    "econ": [
        ("home", None, "/", True),
        ("enterprises", ("home",), r"^/enterprises$", True),
        ("enterprise", ("enterprises",), rf"^/enterprises/{UUID}$", True),
        ("land", ("home",), r"^/land$", False),
        ("lease", ("enterprise", "land"), rf"^/leases/{UUID}$", False),
        ("policies", ("home",), r"^/policies$", False),
        ("policy", ("policies",), r"^/policies/(?!new$|me$|runs$|match$|language$)[A-Za-z0-9_.-]+$", False),
        ("policy-run", ("policies", "policy"), rf"^/policies/runs/{UUID}$", False),
        ("indicators", ("home",), r"^/indicators$", False),
        ("indicators-drill", ("indicators",), r"^/indicators/enterprises\?", False),
        ("investment", ("home",), r"^/investment$", False),
        ("investment-report", ("investment",), r"^/investment/report$", False),
        ("outbound-stats", ("home",), r"^/outbound/stats$", False),
        ("service-queue", ("home",), r"^/service$", False),
        ("inbox", ("home",), r"^/inbox$", False),
    ],
    "firm-a": [
        ("home", None, "/", True),
        ("enterprises", ("home",), r"^/enterprises$", False),
        ("lease", ("home",), rf"^/leases/{UUID}$", True),
        ("parcel", ("lease",), rf"^/parcels/{UUID}$", False),
        ("permu-me", ("home",), r"^/permu/me$", False),
        ("policies-me", ("home",), r"^/policies/me$", True),
        ("policies-me-facts", ("policies-me",), r"^/policies/me/facts$", False),
        ("profile-me", ("home",), r"^/profile/me$", True),
        ("outbound-me", ("home",), r"^/outbound/me$", True),
        ("outbound-my-project", ("outbound-me",), rf"^/outbound/projects/{UUID}$", True),
        # Enterprise service (issue 12)
        ("service-mine", ("home",), r"^/service/mine$", True),
        ("service-request", ("service-mine",), rf"^/service/requests/{UUID}$", True),
        ("service-new", ("service-mine",), r"^/service/new$", True),
        ("inbox", ("home",), r"^/inbox$", True),
    ],
}


class CheckTimeout(Exception):
    pass


class CDPError(Exception):
    pass


class Browser:
    """One websocket to the browser; pages are attached as flattened sessions."""

    def __init__(self, devtools_http, deadline):
        self.deadline = deadline
        with urllib.request.urlopen(devtools_http + "/json/version", timeout=10) as r:
            info = json.load(r)
        self.version = info.get("Browser", "?")
        self.ws = websocket.create_connection(info["webSocketDebuggerUrl"], timeout=10, suppress_origin=True)
        self.next_id = 0
        self.events = []  # every event received, in order: dicts with method, params, sessionId

    def _recv(self, timeout):
        self.ws.settimeout(max(0.01, timeout))
        try:
            raw = self.ws.recv()
        except websocket.WebSocketTimeoutException:
            return None
        return json.loads(raw)

    def _left(self, timeout):
        left = min(timeout, self.deadline - time.monotonic())
        if left <= 0:
            raise CheckTimeout("the time budget ran out")
        return left

    def call(self, method, params=None, session=None, timeout=PAGE_TIMEOUT):
        self.next_id += 1
        mid = self.next_id
        msg = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = session
        self.ws.send(json.dumps(msg))
        end = time.monotonic() + self._left(timeout)
        while True:
            left = end - time.monotonic()
            if left <= 0:
                if time.monotonic() >= self.deadline:
                    raise CheckTimeout(f"the time budget ran out waiting for {method}")
                raise CDPError(f"{method}: no answer in {timeout:.0f} s")
            m = self._recv(left)
            if m is None:
                continue
            if m.get("id") == mid:
                if "error" in m:
                    raise CDPError(f"{method}: {m['error'].get('message')} {m['error'].get('data', '')}".strip())
                return m.get("result", {})
            if "method" in m:
                self.events.append(m)

    def wait_event(self, session, method, since, timeout=PAGE_TIMEOUT):
        """The first event `method` of `session` at index >= since, waiting for it if needed."""
        end = time.monotonic() + self._left(timeout)
        i = since
        while True:
            while i < len(self.events):
                e = self.events[i]
                i += 1
                if e.get("sessionId") == session and e["method"] == method:
                    return e
            left = end - time.monotonic()
            if left <= 0:
                return None
            m = self._recv(min(left, 0.5))
            if m is not None and "method" in m:
                self.events.append(m)

    def drain(self, quiet, maximum):
        """Receive events until none came for `quiet` seconds, or `maximum` seconds passed."""
        end = time.monotonic() + self._left(maximum)
        last = time.monotonic()
        while time.monotonic() < end and time.monotonic() - last < quiet:
            m = self._recv(min(quiet, end - time.monotonic()))
            if m is not None:
                last = time.monotonic()
                if "method" in m:
                    self.events.append(m)


class Tab:
    """A page in its own browser context (its own cookies), so each user signs in separately."""

    def __init__(self, browser, base):
        self.b = browser
        self.base = base
        self.context = browser.call("Target.createBrowserContext", {"disposeOnDetach": True})["browserContextId"]
        target = browser.call("Target.createTarget", {"url": "about:blank", "browserContextId": self.context})["targetId"]
        self.session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Log", "Network"):
            self.call(f"{domain}.enable")
        self.call("Network.setCacheDisabled", {"cacheDisabled": True})
        self.call("Emulation.setDeviceMetricsOverride",
                  {"width": VIEW_W, "height": VIEW_H, "deviceScaleFactor": 1, "mobile": False})
        self.main_frame = self.call("Page.getFrameTree")["frameTree"]["frame"]["id"]

    def call(self, method, params=None, timeout=PAGE_TIMEOUT):
        return self.b.call(method, params, session=self.session, timeout=timeout)

    def js(self, expression):
        r = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        if "exceptionDetails" in r:
            raise CDPError(f"evaluating a check script: {describe_exception(r['exceptionDetails'])}")
        return r.get("result", {}).get("value")

    def click(self, selector):
        """Click the first element matching `selector` (an action for load())."""
        found = self.js(f"(() => {{ const e = document.querySelector({json.dumps(selector)});"
                        f" if (!e) return false; e.click(); return true }})()")
        return None if found else f"nothing to click: {selector}"

    def load(self, action):
        """Run `action` (which starts a navigation and returns None, or an error text), wait for the
        load event and a settle; return where this page's events start, and the error if any."""
        since = len(self.b.events)
        nav_error = action()
        if nav_error:
            return since, nav_error
        if self.b.wait_event(self.session, "Page.loadEventFired", since) is None:
            return since, f"no load event within {PAGE_TIMEOUT:.0f} s"
        self.b.drain(quiet=SETTLE, maximum=5.0)
        return since, None

    def navigate(self, url):
        def go():
            r = self.call("Page.navigate", {"url": self.base + url if url.startswith("/") else url})
            return r.get("errorText") and f"navigation failed: {r['errorText']}"
        return self.load(go)

    def events_since(self, since):
        return [e for e in self.b.events[since:] if e.get("sessionId") == self.session]

    def screenshot(self, path):
        m = self.call("Page.getLayoutMetrics")
        size = m.get("cssContentSize") or m["contentSize"]
        w = max(VIEW_W, int(size["width"] + 0.999))
        full = max(VIEW_H, int(size["height"] + 0.999))
        h = min(full, MAX_SHOT_H)
        r = self.call("Page.captureScreenshot", {"format": "png", "captureBeyondViewport": True, "fromSurface": True,
                                                  "clip": {"x": 0, "y": 0, "width": w, "height": h, "scale": 1}})
        with open(path, "wb") as f:
            f.write(base64.b64decode(r["data"]))
        return w, h, full


def remote_text(arg):
    if "value" in arg:
        v = arg["value"]
        return v if isinstance(v, str) else json.dumps(v, ensure_ascii=False)
    return arg.get("unserializableValue") or arg.get("description") or arg.get("type", "?")


def describe_exception(d):
    """An uncaught exception: its message without the stack, and where it was thrown."""
    text = ((d.get("exception") or {}).get("description") or d.get("text") or "exception").split("\n    at ")[0]
    if d.get("url"):
        text += f" (at {d['url']}:{d.get('lineNumber', 0) + 1}:{d.get('columnNumber', 0) + 1})"
    return text


def at(url, line):
    return f"{url}:{line + 1}" if url and line is not None else (url or "")


def csp_text(text):
    """A CSP report without what differs per element (the hash Chrome proposes), to group them."""
    text = re.sub(r"a hash \('sha256-[^']*'\)", "a hash", text)
    return text.split(" Either the ")[0]


class Page:
    def __init__(self, who, lang, name, url):
        self.who, self.lang, self.name, self.url = who, lang, name, url
        self.status = None
        self.final = url
        self.messages = 0   # console and log messages of any level
        self.problems = []  # (kind, text, where)
        self.shot = None
        self.notes = []
        self.styled = None  # (count, distinct opening tags) of elements with style= when CSP blocked them

    @property
    def label(self):
        return f"{self.who}/{self.lang}/{self.name}"

    def fail(self, kind, text, where=""):
        self.problems.append((kind, text, where))


def analyse(tab, page, since, nav_error):
    """Turn the page's CDP events into status, message count and problems."""
    urls = {}
    doc_status = None
    for e in tab.events_since(since):
        m, p = e["method"], e["params"]
        if m == "Network.requestWillBeSent":
            urls[p["requestId"]] = p["request"]["url"]
        elif m == "Network.responseReceived":
            r = p["response"]
            urls.setdefault(p["requestId"], r["url"])
            if p.get("type") == "Document" and p.get("frameId") == tab.main_frame:
                doc_status = r["status"]
            elif r["status"] >= 400:
                own = " (the browser's own icon request: the console serves no /favicon.ico)" \
                    if r["url"].endswith("/favicon.ico") else ""
                page.fail("subresource", f"{p.get('type', 'resource')} {r['url']} answered {r['status']}{own}")
        elif m == "Network.loadingFailed":
            if p.get("type") == "Document" and p.get("frameId", tab.main_frame) == tab.main_frame and not p.get("blockedReason"):
                if p.get("canceled"):
                    continue  # a document load superseded by the next navigation
            what = urls.get(p["requestId"], p["requestId"])
            why = p.get("blockedReason") or p.get("corsErrorStatus", {}).get("corsError") or p.get("errorText", "")
            kind = "csp" if p.get("blockedReason") == "csp" else "subresource"
            page.fail(kind, f"{p.get('type', 'resource')} {what} failed to load: {why}")
        elif m == "Runtime.consoleAPICalled":
            page.messages += 1
            text = " ".join(remote_text(a) for a in p.get("args", []))
            frame = ((p.get("stackTrace") or {}).get("callFrames") or [{}])[0]
            where = at(frame.get("url"), frame.get("lineNumber"))
            if "Content Security Policy" in text:
                page.fail("csp", csp_text(text), where)
            elif p["type"] in ("error", "assert"):
                page.fail("console", f"console.{p['type']}: {text}", where)
            else:
                page.notes.append(f"console.{p['type']}: {text} {where}".strip())
        elif m == "Log.entryAdded":
            entry = p["entry"]
            page.messages += 1
            text = entry.get("text", "")
            where = at(entry.get("url"), entry.get("lineNumber"))
            if "Content Security Policy" in text:
                page.fail("csp", csp_text(text), where)
            elif entry.get("level") == "error":
                page.fail("console", f"{entry.get('source', 'log')} error: {text}", where)
            else:
                page.notes.append(f"{entry.get('source', 'log')} {entry.get('level')}: {text} {where}".strip())
        elif m == "Runtime.exceptionThrown":
            page.messages += 1
            page.fail("exception", describe_exception(p["exceptionDetails"]))
    if nav_error:
        page.fail("load", nav_error)
    page.status = doc_status
    if doc_status is None and not nav_error:
        page.fail("status", "no response for the page's document")
    elif doc_status is not None and not 200 <= doc_status < 300:
        page.fail("status", f"the page answered HTTP {doc_status}")


LANG_COOKIE = "parkos_lang"


def lang_cookie(tab, base):
    try:
        cookies = tab.call("Network.getCookies", {"urls": [base + "/"]}).get("cookies", [])
    except CDPError:
        return None
    return next((c["value"] for c in cookies if c["name"] == LANG_COOKIE), None)


def links_of(tab):
    # SVG anchors (the land map) have an SVGAnimatedString .href, so read the attribute.
    return tab.js("""Array.from(document.querySelectorAll('a')).flatMap(a => {
        const h = a.getAttribute('href') || a.getAttributeNS('http://www.w3.org/1999/xlink', 'href');
        if (!h) return [];
        try { const u = new URL(h, document.baseURI); return u.origin === location.origin ? [u.pathname + u.search] : [] }
        catch (e) { return [] } })""") or []


def check_page(tab, page, state, shots, action=None):
    """Load a page (navigate to page.url, or run `action`), analyse it, check its language, shoot it."""
    try:
        return check_loaded(tab, page, state, shots, action)
    except CDPError as e:
        page.fail("check", f"the check itself failed on this page: {e}")
        state["pages"].append(page)
        report_line(page)
        return []


def check_loaded(tab, page, state, shots, action):
    since, nav_error = tab.load(action) if action else tab.navigate(page.url)
    analyse(tab, page, since, nav_error)
    info = tab.js("""({href: location.pathname + location.search, lang: document.documentElement.lang,
        title: document.title, styled: Array.from(document.querySelectorAll('[style]'))
            .map(e => e.outerHTML.slice(0, e.outerHTML.indexOf('>') + 1).slice(0, 160))})""") or {}
    page.final = info.get("href", page.url)
    if not nav_error:
        if page.final.startswith("/login") and page.name != "login":
            page.fail("status", f"sent to the sign-in page ({page.final}) although signed in")
        want = "zh" if page.lang == "zh" else "en"
        if not (info.get("lang") or "").lower().startswith(want):
            page.fail("language", f"<html lang=\"{info.get('lang')}\">, expected {want} after the language switch")
    if not nav_error:
        layout_problems(tab, page)
    if any(k == "csp" and "inline style" in t for k, t, _ in page.problems) and info.get("styled"):
        distinct = sorted(set(info["styled"]))
        page.styled = (len(info["styled"]), distinct)
    links = links_of(tab) if not nav_error else []
    if shots and not nav_error:
        path = os.path.join(shots, f"{page.who}-{page.lang}-{page.name}.png")
        try:
            w, h, full = tab.screenshot(path)
            page.shot = f"{path} ({w}x{h}{f', cut from {full} px high' if full > h else ''})"
        except CDPError as e:
            page.fail("screenshot", str(e))
    state["pages"].append(page)
    report_line(page)
    return links


# What an official sees wrong without reading the source: chart text too small to read, a page
# that scrolls sideways, a table cut off by its card, a navigation entry broken over two lines.
LAYOUT_JS = r"""(() => {
  const out = {small: [], overflow: 0, cut: [], navWrapped: []};
  for (const t of document.querySelectorAll('svg text')) {
    if (!t.textContent.trim() || !t.getScreenCTM()) continue;
    const r = t.getBoundingClientRect();
    if (r.width === 0 && r.height === 0) continue;
    const m = t.getScreenCTM(), scale = Math.hypot(m.a, m.b);
    const px = parseFloat(getComputedStyle(t).fontSize) * scale;
    if (px < 10.95) out.small.push(t.textContent.trim().slice(0, 30) + ' ' + px.toFixed(1) + ' px');
  }
  out.overflow = document.documentElement.scrollWidth - window.innerWidth;
  // A table, chart or block past the right edge of the card it sits in (cut off when the card
  // clips, spilling out of it when not), unless something between them scrolls sideways.
  for (const el of document.querySelectorAll('main table, main svg, main pre')) {
    let p = el.parentElement;
    while (p && p.tagName !== 'MAIN') {
      const ox = getComputedStyle(p).overflowX;
      if (ox === 'auto' || ox === 'scroll') break;
      if (ox === 'hidden' || ox === 'clip' || p.classList.contains('card')) {
        const a = el.getBoundingClientRect(), b = p.getBoundingClientRect();
        if (a.width > 0 && a.right > b.right + 1)
          out.cut.push(el.tagName.toLowerCase() + ' ' + Math.round(a.right - b.right) + ' px past the right edge of its ' + (p.className || p.tagName).toString().split(' ')[0]);
        break;
      }
      p = p.parentElement;
    }
  }
  for (const a of document.querySelectorAll('header nav a')) {
    if (a.getClientRects().length > 1 || a.getBoundingClientRect().height > 2.2 * parseFloat(getComputedStyle(a).fontSize) + 18)
      out.navWrapped.push(a.textContent.trim());
  }
  return out;
})()"""


def layout_problems(tab, page):
    try:
        r = tab.js(LAYOUT_JS) or {}
    except CDPError as e:
        page.fail("layout", f"the layout check failed: {e}")
        return
    small = r.get("small") or []
    if small:
        page.fail("small-text", f"{len(small)} chart labels render below 11 px, e.g. " + "; ".join(sorted(set(small))[:4]))
    if (r.get("overflow") or 0) > 1:
        page.fail("overflow", f"the page scrolls sideways by {r['overflow']} px at {VIEW_W} px")
    for c in sorted(set(r.get("cut") or []))[:3]:
        page.fail("cut", c)
    if r.get("navWrapped"):
        page.fail("nav", "navigation entries broken over two lines: " + ", ".join(r["navWrapped"]))


def report_line(page):
    counts = {}
    for k, _, _ in page.problems:
        counts[k] = counts.get(k, 0) + 1
    flag = "FAIL" if page.problems else "ok  "
    extra = ", ".join(f"{k} {n}" for k, n in sorted(counts.items()))
    print(f"{flag} {page.label:<32} HTTP {page.status if page.status is not None else '---'}  "
          f"console messages {page.messages:<3} {extra:<24} {page.final}", flush=True)


def switch_language(tab, who, lang, state, shots):
    """Make the console render `lang`, by the language link in its header."""
    home = Page(who, lang, "lang-switch", "/")
    current = tab.js("document.documentElement.lang") or ""
    if current.lower().startswith(lang):
        return True
    link = tab.js("(() => { const a = document.querySelector('header a.lang') || document.querySelector('a[href*=\"lang=\"]');"
                  " return a ? a.getAttribute('href') : null })()")
    if not link:
        home.fail("language", f"no language switch link on {tab.js('location.pathname')}")
        state["pages"].append(home)
        report_line(home)
        return False
    since, err = tab.load(lambda: tab.click("header a.lang, a[href*='lang=']"))
    home.url = link
    analyse(tab, home, since, err)
    home.final = tab.js("location.pathname + location.search") or link
    now = tab.js("document.documentElement.lang") or ""
    # The page itself is checked when visited; here only whether the switch worked.
    home.problems = [x for x in home.problems if x[0] in ("status", "load")]
    if not now.lower().startswith(lang):
        home.fail("language", f"the language link {link} left the page in <html lang=\"{now}\">")
    if home.problems:
        state["pages"].append(home)
        report_line(home)
    return not home.problems


def login(tab, who, state, shots, shoot_login):
    """Sign in through the console's own form at /login; with shoot_login, check it in both languages."""
    page = Page("anon" if shoot_login else who, "zh", "login", "/login")
    fields_js = """(() => { const f = document.querySelector('form[action="/login"]'); if (!f) return null;
        const v = n => { const e = f.querySelector('[name="' + n + '"]'); return e ? (e.value || '') : null };
        return {username: v('username') !== null, password: v('password') !== null, csrf: v('_csrf')} })()"""
    if shoot_login:
        check_page(tab, page, state, shots)
        if switch_language(tab, "anon", "en", state, shots):
            check_page(tab, Page("anon", "en", "login", tab.js("location.pathname + location.search")), state, shots)
    else:
        since, err = tab.navigate(page.url)
        analyse(tab, page, since, err)
        if page.problems:
            state["pages"].append(page)
            report_line(page)
            return False
    fields = tab.js(fields_js)
    problem = None
    if not fields:
        problem = "no <form action=\"/login\"> on /login"
    elif not (fields["username"] and fields["password"]):
        problem = f"the login form lacks a username or password field: {fields}"
    elif not fields["csrf"]:
        problem = "the login form has no (or an empty) _csrf token"
    if not problem:
        tab.js(f"""(() => {{ const f = document.querySelector('form[action="/login"]');
            f.querySelector('[name="username"]').value = {json.dumps(who)};
            f.querySelector('[name="password"]').value = {json.dumps(PASSWORD)} }})()""")
        result = Page(who, "-", "sign-in", "/login")
        since, err = tab.load(lambda: tab.click('form[action="/login"] button[type="submit"], form[action="/login"] button'))
        analyse(tab, result, since, err)
        where = tab.js("location.pathname")
        # What the landing page shows is checked when it is visited as a page; here only the sign-in.
        result.problems = [x for x in result.problems if x[0] in ("status", "load")]
        if where == "/login" or err:
            problem = f"signing in as {who} through the form did not leave /login ({err or 'credentials refused?'})"
        elif result.problems:
            state["pages"].append(result)
            report_line(result)
    if problem:
        fail = Page(who, "-", "sign-in", "/login")
        fail.fail("login", problem)
        state["pages"].append(fail)
        report_line(fail)
        return False
    print(f"     signed in as {who} through /login (landed on {tab.js('location.pathname')})", flush=True)
    return True


def create_policy_run(tab, state, shots, lang):
    """No policy run is linked: run the console's match form on /policies, as an administrator would."""
    page = Page("admin", lang, "policy-run", "/policies (match form)")
    since, err = tab.navigate("/policies")
    has_form = tab.js("!!document.querySelector('form[action=\"/policies/match\"]')")
    if err or not has_form:
        print("     skip admin/policy-run: no run linked and no match form on /policies", flush=True)
        return None
    page.notes.append("no policy run was linked, so the match form on /policies was submitted to create one")
    check_page(tab, page, state, shots, action=lambda: tab.click('form[action="/policies/match"] button'))
    return page.final if page.final.startswith("/policies/runs/") else None


def walk(browser, who, state, shots):
    tab = Tab(browser, state["base"])
    if not login(tab, who, state, shots, shoot_login=(who == "admin")):
        return
    plan = PLANS[who]
    urls, links = {}, {}
    for pass_no, lang in enumerate(LANGS):
        since, err = tab.navigate("/")
        if err or not switch_language(tab, who, lang, state, shots):
            if err:
                print(f"FAIL {who}/{lang}: cannot open / to switch language: {err}", flush=True)
                p = Page(who, lang, "lang-switch", "/")
                p.fail("load", err)
                state["pages"].append(p)
            continue
        for name, source, pattern, required in plan:
            if pass_no == 0:
                if source is None:
                    urls[name] = pattern
                else:
                    url = next((l for s in source for l in links.get(s, []) if re.search(pattern, l)), None)
                    if url is None and name == "policy-run" and who == "admin":
                        final = create_policy_run(tab, state, shots, lang)
                        if final:
                            urls[name] = final
                            links[name] = []
                            continue
                    if url is None:
                        seen = [s for s in source if s in links]
                        why = (f"no link matching {pattern} on {', '.join(seen)}" if seen
                               else f"none of {', '.join(source)} was visited")
                        if required:
                            p = Page(who, lang, name, "?")
                            p.fail("link", why)
                            state["pages"].append(p)
                            report_line(p)
                        else:
                            print(f"skip {who}/{lang}/{name}: {why}", flush=True)
                        continue
                    urls[name] = url
            if name not in urls:
                continue
            page = Page(who, lang, name, urls[name])
            got = check_page(tab, page, state, shots)
            if pass_no == 0:
                links[name] = got
            # A page that answers with another language cookie changes every page after it: say which
            # one did, and switch back so that the rest of the pass is checked on its own merits.
            cookie = lang_cookie(tab, state["base"])
            if cookie is not None and cookie != lang:
                page.fail("language", f"this page set {LANG_COOKIE}={cookie}, undoing the visitor's choice of {lang}")
                print(f"     {page.label} set {LANG_COOKIE}={cookie}; switching back to {lang}", flush=True)
                tab.navigate("/")
                switch_language(tab, who, lang, state, shots)


def places(wheres, base):
    """ "url:line" locations, shortened: the path once, then its line numbers."""
    by_url = {}
    for w in wheres:
        if not w:
            continue
        url, _, line = w.rpartition(":")
        if not line.isdigit():
            url, line = w, ""
        lines = by_url.setdefault(url.replace(base, "", 1) or "/", set())
        if line:
            lines.add(int(line))
    if not by_url:
        return ""
    parts = []
    for url, lines in by_url.items():
        nums = sorted(lines)
        shown = ", ".join(map(str, nums[:12])) + (" …" if len(nums) > 12 else "")
        parts.append(f"{url} line{'s' if len(nums) > 1 else ''} {shown}" if nums else url)
    return " (at " + "; ".join(parts) + ")"


def summary(state, shots, timed_out):
    pages = state["pages"]
    failed = [p for p in pages if p.problems]
    print()
    if shots:
        print(f"== screenshots in {shots}:")
        for p in pages:
            if p.shot:
                print(f"   {p.shot}")
    notes = {}
    for p in pages:
        for n in p.notes:
            labels = notes.setdefault(n, [])
            if p.label not in labels:
                labels.append(p.label)
    if notes:
        print("== notes (messages that do not fail the check)")
        for n, labels in notes.items():
            print(f"   {n}  [{', '.join(labels[:4])}{' …' if len(labels) > 4 else ''}]")
    kinds = {}
    for p in pages:
        for k, _, _ in p.problems:
            kinds[k] = kinds.get(k, 0) + 1
    if failed:
        print("== FAILURES (each distinct message once per page, with how often it came)")
        for p in failed:
            print(f"-- {p.label}  {p.url}" + (f" -> {p.final}" if p.final != p.url else "") + f"  (HTTP {p.status})")
            seen = {}
            for k, t, where in p.problems:
                seen.setdefault((k, t), []).append(where)
            for (k, t), wheres in seen.items():
                print(f"   [{k}] {len(wheres)}x {t}{places(wheres, state['base'])}")
            if p.styled:
                n, tags = p.styled
                print(f"   {n} elements carry style= attributes ({len(tags)} distinct): " + "; ".join(tags[:8])
                      + (" …" if len(tags) > 8 else ""))
    if failed:
        print("== distinct problems, with the pages that show them (count on each page)")
        distinct = {}
        for p in failed:
            for k, t, _ in p.problems:
                pages_of = distinct.setdefault((k, t), {})
                pages_of[p.label] = pages_of.get(p.label, 0) + 1
        for (k, t), pages_of in sorted(distinct.items(), key=lambda x: (x[0][0], -len(x[1]))):
            listed = ", ".join(f"{l} ({n})" for l, n in list(pages_of.items())[:10])
            more = f", and {len(pages_of) - 10} more" if len(pages_of) > 10 else ""
            print(f"   [{k}] {t}\n       on {len(pages_of)} page(s): {listed}{more}")
    if timed_out:
        print(f"== TIMED OUT: {timed_out}")
    total = ", ".join(f"{k} {n}" for k, n in sorted(kinds.items())) or "no problems"
    verdict = "FAILED" if failed or timed_out else "passed"
    print(f"== browser check {verdict}: {len(pages)} pages checked, {len(failed)} with problems ({total})")
    return 1 if failed or timed_out else 0


def main():
    base, devtools, shots, budget = sys.argv[1], sys.argv[2], sys.argv[3], float(sys.argv[4])
    deadline = time.monotonic() + budget
    os.makedirs(shots, exist_ok=True)
    state = {"base": base.rstrip("/"), "pages": []}
    timed_out = None
    try:
        browser = Browser(devtools, deadline)
        print(f"== {browser.version}, console at {base}, viewport {VIEW_W} wide", flush=True)
        for who in PLANS:
            print(f"== as {who}", flush=True)
            walk(browser, who, state, shots)
    except CheckTimeout as e:
        timed_out = f"{e} ({budget:.0f} s); the pages not reached were not checked"
    except (CDPError, websocket.WebSocketException, OSError) as e:
        timed_out = f"the check stopped early, talking to chromium: {e}"
    return summary(state, shots, timed_out)


if __name__ == "__main__":
    sys.exit(main())

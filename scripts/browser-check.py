#!/usr/bin/env python3
"""Browser checks of a built portal (issue 18), run by .ci/run after check-site:

- on a 390 px phone, in 长辈模式 and in the standard mode, no page is wider than the screen
  and its content starts in the upper half of the first screen;
- the search reaches a ledger record by its number and the data pages by the words readers
  use (噪声 → 声环境, PM2.5 and AQI → 空气质量), writes dates as 2023年3月19日, and shows
  the words around the hit in a page's text (噪声 in the body of a result).

Usage: browser-check.py ROOT BASE — ROOT is a folder holding the built site at ROOT/BASE
(BASE is the path of base_url, e.g. hbj). Needs chromium; exits 0 with a note without it.
"""
import functools, html, http.server, os, re, shutil, socketserver, subprocess, sys, threading, urllib.parse

root, base = sys.argv[1], sys.argv[2].strip("/")
chromium = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
if not chromium:
    print("browser-check: chromium not found, skipped")
    sys.exit(0)
shutil.copy(__file__.replace("browser-check.py", "browser/phone.html"), f"{root}/phone.html")
class Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


server = socketserver.TCPServer(("127.0.0.1", 0), functools.partial(Quiet, directory=root))
threading.Thread(target=server.serve_forever, daemon=True).start()
origin = f"http://127.0.0.1:{server.server_address[1]}"


def dom(url):
    out = subprocess.run(
        [chromium, "--headless=new", "--no-sandbox", "--virtual-time-budget=20000", "--dump-dom", url],
        capture_output=True, text=True, timeout=120)
    return out.stdout


failures = []
pages = ["", "campaigns/", "ledger/", "data/air/", "data/water/", "data/noise/", "ratings/", "search/",
         "bulletins/", "press/", "dynamics/"]
for large in ("1", "0"):
    query = urllib.parse.urlencode({"large": large, "pages": ",".join(f"/{base}/{p}" for p in pages)})
    text = html.unescape(dom(f"{origin}/phone.html?{query}"))
    found = re.search(r"RESULT (.*)</pre>", text)
    if not found:
        failures.append(f"phone check (长辈模式={large}) gave no result")
        continue
    for line in found.group(1).split(" | "):
        m = re.match(r"(\S+) width=(\d+) client=(\d+) mainTop=(-?\d+)", line.strip())
        if not m:
            continue
        page, width, client, top = m.group(1), int(m.group(2)), int(m.group(3)), int(m.group(4))
        mode = "长辈模式" if large == "1" else "标准模式"
        print(f"phone {mode} {page}: width {width}, content at {top} px")
        if width > client:
            failures.append(f"{page} ({mode}) is {width} px wide on a phone {client} px wide")
        if top > 422:
            failures.append(f"{page} ({mode}) starts its content at {top} px of 844")

searches = {"GX-2023-0008": "GX-2023-0008", "噪声": "声环境", "PM2.5": "空气质量", "AQI": "空气质量"}
for q, expected in searches.items():
    text = dom(f"{origin}/{base}/search/?q={urllib.parse.quote(q)}")
    titles = [html.unescape(re.sub("<[^>]+>", "", t)) for t in re.findall(r'<a href="[^"]*"[^>]*>(.*?)</a>', text)]
    hit = any(t.startswith(expected) for t in titles)
    print(f"search {q}: {'finds' if hit else 'MISSES'} {expected}")
    if not hit:
        failures.append(f"searching {q} does not find {expected}")
    if q == "噪声" and not re.search(r'class="item-summary search-snippet">[^<]*(…)?[^<]*<mark>噪声</mark>', text):
        failures.append("search results for 噪声 show no words around the hit")
    # Reading text writes dates the one way: 2023年3月19日, not 2023-03-19.
    if re.search(r'<time datetime="[^"]*">\d{4}-\d{2}-\d{2}</time>', text):
        failures.append(f"search results for {q} show ISO dates")

server.shutdown()
os.remove(f"{root}/phone.html")  # the site's own checks (check-site) come next
for f in failures:
    print("FAIL:", f)
sys.exit(1 if failures else 0)

#!/usr/bin/env python3
"""Times search queries in headless Chromium on a built site (the 10,000-page bench output).

Usage: search-bench.py OUTPUT_DIR BASE_PATH   (e.g. bench/qingshan-10000 /hbj/)
Needs selenium and chromedriver: check-site's venv has them (~/.cache/site-qa/venv).
Each query loads /search/?q=… afresh, so the time is a cold first query on a freshly
loaded index; search.js writes the ranking-and-listing time to .search-status[data-ms]."""
import functools
import http.server
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.parse

from selenium import webdriver
from selenium.webdriver.common.by import By

QUERIES = ["环境", "噪声", "大气污染", "执法检查", "环保督察 整改", "pm2.5", "满意环保 回访 群众"]


def main():
    out, base = os.path.abspath(sys.argv[1]), sys.argv[2].strip("/")
    root = tempfile.mkdtemp()
    os.symlink(out, os.path.join(root, base))
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=root)
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    options = webdriver.ChromeOptions()
    options.binary_location = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    for arg in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"]:
        options.add_argument(arg)
    driver = webdriver.Chrome(service=webdriver.ChromeService(os.environ.get("CHROMEDRIVER", "/usr/bin/chromedriver")),
                              options=options)
    size = os.path.getsize(os.path.join(out, "search-index.json"))
    times = []
    try:
        for query in QUERIES:
            driver.get(f"http://127.0.0.1:{server.server_port}/{base}/search/?q={urllib.parse.quote(query)}")
            deadline = time.time() + 60
            status = driver.find_element(By.CSS_SELECTOR, ".search-status")
            while not status.get_attribute("data-ms") and time.time() < deadline:
                time.sleep(0.05)
            ms = int(status.get_attribute("data-ms") or -1)
            times.append(ms)
            print(f"  {query}: {ms} ms — {status.text}")
    finally:
        driver.quit()
        server.shutdown()
    print(f"search in Chromium: index {size / 1e6:.1f} MB; query median {statistics.median(times)} ms, "
          f"max {max(times)} ms over {len(times)} queries")


if __name__ == "__main__":
    main()

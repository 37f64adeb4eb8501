#!/usr/bin/env python3
"""Benchmark: qingshan build against hugo on the same generated Chinese corpus.

Usage: scripts/bench.py [--pages 1000,10000] [--runs 5] [--out bench] [--corpus generated,real]
Generates deterministic corpora of bureau pages, builds each with the release qingshan
binary and, when installed, with Debian's hugo, several runs each, and prints the median wall
time, the ratio and the peak RSS of each. Results also go to OUT/results.md.

- generated: front matter like the sample site's, ~3 KB of Markdown each with a GFM table,
  a list and links;
- real: pages of real size (~9 KB of Chinese text each: several sections, two tables, lists,
  links), with front matter carrying keys from other generators (category, id, weight,
  aliases, author) as a migrated site has. Each is built into an existing folder (the last
  run's output), into a folder that does not exist yet (a first build), and into the same
  folder right after the last output was deleted (the worst case on ext4; see measure).
"""
import argparse
import datetime
import re
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), ".."))
SECTIONS = ["news", "notices", "science", "press"]
TAGS = ["满意环保", "专项行动", "大气污染防治", "水环境", "噪声", "固体废物", "六五环境日", "科普", "月调度", "双月会",
        "问题台账", "农村污水", "无废城市", "环保管家", "服务提升", "新闻发布"]
STREETS = ["兴仁街道", "兴城街道", "张范街道"]
DEPTS = ["综合科", "执法监测科", "污染防治科", "项目管理科", "各街道环保办"]
PHRASES = [
    "深入贯彻习近平生态文明思想", "扎实推进生态环境领域热点问题充分解决", "提升生态环境领域群众满意度",
    "对重点排放单位实施专家把脉问诊", "精准减少异味影响", "开展入河排污口排查及沿线企业排污排查",
    "确保黑臭水体动态清零", "梯次完成农村生活污水治理任务", "持续推进固体废物源头减量和资源化利用",
    "开展工业企业噪声扰民排查整治", "配套安装异味净化设施", "做到达标排放", "建立发现问题、调查问题、督促整改的工作闭环",
    "对台账问题整改过程做到全程跟踪、及时反馈", "防止问题反弹", "以工作落实的成效提升环保工作的公信力",
]


def paragraph(rng, n):
    parts = []
    for _ in range(n):
        parts.append(rng.choice(PHRASES))
    text = "，".join(parts) + "。"
    if rng.random() < 0.5:
        text = "确保**“" + rng.choice(TAGS) + "”**落实，" + text
    return text


def page(rng, i):
    section = SECTIONS[i % len(SECTIONS)]
    month = 1 + (i * 7) % 12
    day = 1 + (i * 13) % 28
    tags = rng.sample(TAGS, 3)
    lines = [
        "---",
        f"title: 第{i}号 {rng.choice(STREETS)}{rng.choice(['生态环境', '专项治理', '问题整改', '宣传活动'])}工作动态",
        f"date: 2023-{month:02d}-{day:02d}",
        f"tags: [{', '.join(tags)}]",
        f"source: {rng.choice(DEPTS)}",
        "---",
        "",
    ]
    body = []
    for h in range(4):
        body.append(f"## {'一二三四'[h]}、{rng.choice(['基本情况', '主要做法', '工作成效', '下步打算'])}")
        body.append("")
        for _ in range(3):
            body.append(paragraph(rng, 6))
            body.append("")
        if h == 1:
            body.append("| 街道 | 问题数 | 已办结 | 办结率 |")
            body.append("|---|---:|---:|---:|")
            for s in STREETS:
                total = rng.randint(10, 90)
                done = rng.randint(0, total)
                body.append(f"| {s} | {total} | {done} | {done * 100 // total}% |")
            body.append("")
        if h == 2:
            for k in range(5):
                body.append(f"{k + 1}. **{rng.choice(['查源头', '查过程', '查末端', '抓整改', '抓回访'])}。**{paragraph(rng, 2)}")
            body.append("")
            body.append(f"详情请登录https://www.example.gov.cn/hbj/{section}/查询，或参阅[相关通知](/notices/)。")
            body.append("")
    return section, "\n".join(lines + body) + "\n"


def real_page(rng, i):
    """A page of real size: ~9 KB of Chinese text with tables and lists, front matter with
    keys from other generators."""
    section = SECTIONS[i % len(SECTIONS)]
    month = 1 + (i * 7) % 12
    day = 1 + (i * 13) % 28
    lines = [
        "---",
        f"title: 第{i}号 {rng.choice(STREETS)}{rng.choice(['生态环境', '专项治理', '问题整改', '宣传活动'])}工作情况通报",
        f"date: 2023-{month:02d}-{day:02d}",
        f"tags: [{', '.join(rng.sample(TAGS, 3))}]",
        f"source: {rng.choice(DEPTS)}",
        f"category: {rng.choice(['工作动态', '通知公告', '政策解读'])}",
        f"id: {100000 + i}",
        f"weight: {i % 10}",
        f"author: {rng.choice(DEPTS)}",
        f"aliases: [/old/{i}.html]",
        "---",
        "",
    ]
    body = []
    for h in range(6):
        body.append(f"## {'一二三四五六'[h]}、{rng.choice(['基本情况', '主要做法', '工作成效', '存在问题', '下步打算', '工作要求'])}")
        body.append("")
        for _ in range(3):
            body.append(paragraph(rng, 9))
            body.append("")
        if h in (1, 4):
            body.append("| 街道 | 受理 | 已办结 | 已销号 | 办结率 | 备注 |")
            body.append("|---|---:|---:|---:|---:|---|")
            for s in STREETS * 2:
                total = rng.randint(10, 90)
                done = rng.randint(0, total)
                body.append(f"| {s} | {total} | {done} | {done // 2} | {done * 100 // total}% | {rng.choice(PHRASES)} |")
            body.append("")
        if h == 2:
            for k in range(6):
                body.append(f"{k + 1}. **{rng.choice(['查源头', '查过程', '查末端', '抓整改', '抓回访'])}。**{paragraph(rng, 3)}")
            body.append("")
            for k in range(4):
                body.append(f"- {paragraph(rng, 2)}")
            body.append("")
            body.append(f"详情请登录https://www.example.gov.cn/hbj/{section}/查询，或参阅[相关通知](/notices/)。")
            body.append("")
    return section, "\n".join(lines + body) + "\n"


def generate(folder, pages, make_page=None):
    make_page = make_page or page
    if os.path.exists(folder):
        shutil.rmtree(folder)
    rng = random.Random(20230410)
    for s in SECTIONS:
        os.makedirs(os.path.join(folder, "content", s))
    for i in range(pages):
        section, text = make_page(rng, i)
        with open(os.path.join(folder, "content", section, f"p{i:05d}.md"), "w", encoding="utf-8") as f:
            f.write(text)
    with open(os.path.join(folder, "site.yaml"), "w", encoding="utf-8") as f:
        f.write("title: 基准测试站点\nbase_url: https://www.example.gov.cn/hbj/\nas_of: 2023-12-31\n"
                "footer:\n  sponsor: 基准测试\n  site_code: \"3704990001\"\n  icp: 鲁ICP备00000000号\n"
                "  police: 鲁公网安备00000000000000号\n"
                "organization:\n  departments: [综合科, 执法监测科, 污染防治科]\n  streets: [兴仁街道, 兴城街道, 张范街道]\n")
    # The same pages for hugo, with minimal layouts (single, list, taxonomy) and a feed.
    with open(os.path.join(folder, "hugo.toml"), "w", encoding="utf-8") as f:
        f.write('baseURL = "https://www.example.gov.cn/hbj/"\nlanguageCode = "zh-CN"\ntitle = "基准测试站点"\n'
                "hasCJKLanguage = true\npaginate = 20\n[markup.goldmark.renderer]\nunsafe = false\n")
    layouts = os.path.join(folder, "layouts", "_default")
    os.makedirs(layouts)
    base = ('<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>'
            '<body><nav>{{ range .Site.Sections }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>'
            '{{ block "main" . }}{{ end }}<footer>{{ .Site.Title }}</footer></body></html>')
    files = {
        "baseof.html": base,
        "single.html": '{{ define "main" }}<article><h1>{{ .Title }}</h1><time>{{ .Date.Format "2006年1月2日" }}</time>'
                       '{{ .Content }}{{ range .Params.tags }}<a href="/tags/{{ . | urlize }}/">{{ . }}</a>{{ end }}'
                       '</article>{{ end }}',
        "list.html": '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Paginator.Pages }}<li><a href="{{ .RelPermalink }}">'
                     '{{ .Title }}</a> {{ .Summary }}</li>{{ end }}</ul>{{ end }}',
    }
    for name, text in files.items():
        with open(os.path.join(layouts, name), "w", encoding="utf-8") as f:
            f.write(text)


def add_data(folder, records):
    """A ledger of `records` complaints and a year of daily air data, as the sample site has."""
    rng = random.Random(5000)
    data = os.path.join(folder, "content", "data")
    os.makedirs(data, exist_ok=True)
    lines = []
    start = datetime.date(2023, 1, 1)
    for n in range(1, records + 1):
        received = start + datetime.timedelta(days=n * 360 // records)
        closed = received + datetime.timedelta(days=rng.randint(6, 23))
        done = closed <= datetime.date(2023, 12, 31)
        lines += [f"- id: BM-2023-{n:05d}", f"  received: {received}", "  channel: 12345热线",
                  f"  category: {rng.choice(['投诉举报', '咨询', '建议'])}",
                  f"  domain: {rng.choice(['噪声', '大气', '水', '固废'])}",
                  f"  street: {rng.choice(['兴仁街道', '兴城街道', '张范街道'])}",
                  f"  summary: 示例路段第{n}号反映的环境问题", f"  department: {rng.choice(['综合科', '执法监测科', '污染防治科'])}",
                  "  owner: 王某", "  requirement: 查明情况并依法处理",
                  f"  deadline: {received + datetime.timedelta(days=15)}",
                  f"  status: {'已销号' if done else '办理中'}"]
        if done:
            # 销号 only after a satisfied callback (docs/RULES.md, Ledger): one in ten is
            # unsatisfied first and handled again.
            callback = closed - datetime.timedelta(days=1)
            lines += [f"  closed: {closed}", "  rounds:"]
            if rng.random() >= 0.9:
                lines += [f"    - handled: {received + datetime.timedelta(days=1)}", "      result: 已现场核查",
                          f"      callback: {received + datetime.timedelta(days=2)}", "      satisfied: false"]
            lines += [f"    - handled: {callback - datetime.timedelta(days=1)}",
                      "      result: 已现场核查并督促整改", f"      callback: {callback}", "      satisfied: true"]
        lines += ["  private:", f"    complainant: \"示例群众{n:05d}\"", f"    phone: \"139{n:08d}\""]
    with open(os.path.join(data, "ledger.yaml"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    air = ["date,station,so2,no2,pm10,co,o3_8h,pm25"]
    day = datetime.date(2023, 1, 1)
    while day.year == 2023:
        air.append(f"{day},高新区站,{rng.randint(4, 20)},{rng.randint(10, 50)},{rng.randint(30, 160)},"
                   f"{rng.uniform(0.3, 1.5):.1f},{rng.randint(40, 200)},{rng.randint(10, 110)}")
        day += datetime.timedelta(days=1)
    with open(os.path.join(data, "air.csv"), "w", encoding="utf-8") as f:
        f.write("\n".join(air) + "\n")


def rebuild_after_edit(qingshan, folder):
    """Starts `qingshan serve`, changes one article's title seven times (one second apart) and
    returns the rebuild times the serve log reports."""
    proc = subprocess.Popen([qingshan, "serve", "--site", folder, "--port", "18931"], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    try:
        times = []
        for line in proc.stdout:
            if "预览地址" in line:
                break
        for round in range(7):
            time.sleep(1)
            article = os.path.join(folder, "content", "news", "p00000.md")
            with open(article, encoding="utf-8") as f:
                text = f.read()
            with open(article, "w", encoding="utf-8") as f:
                f.write(text.replace("title: ", f"title: 改{round}", 1))
            for line in proc.stdout:
                found = re.search(r"用时 ([0-9.]+) 秒", line)
                if found:
                    times.append(float(found.group(1)))
                    break
        return times
    finally:
        proc.terminate()
        proc.wait()


def timed(cmd, cwd):
    """Runs cmd, returns (seconds, peak RSS in MiB). Its messages go to a file: a pipe nobody
    reads until the end stops a run that writes more than the pipe holds."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=log)
        _, status, usage = os.wait4(proc.pid, 0)
        elapsed = time.perf_counter() - start
        log.seek(0)
        err = log.read().decode("utf-8", "replace")
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed:\n{err}")
    return elapsed, usage.ru_maxrss / 1024


def report(row):
    q = row["qingshan"]
    print(f"{row['corpus']} {row['pages']} pages: qingshan {q[0]:.2f} s ({q[1]:.0f} MiB)", end="")
    if "fresh" in row:
        print(f", into a fresh folder {row['fresh'][0]:.2f} s ({row['fresh'][1]:.0f} MiB)", end="")
    if "hugo" in row:
        h = row["hugo"]
        print(f", hugo {h[0]:.2f} s ({h[1]:.0f} MiB), ratio {q[0] / h[0]:.3f}", end="")
    if "hugo fresh" in row:
        print(f", fresh ratio {row['fresh'][0] / row['hugo fresh'][0]:.3f}", end="")
    if "hugo removed" in row:
        print(f", just-deleted ratio {row['removed'][0] / row['hugo removed'][0]:.3f}", end="")
    print(flush=True)


def measure(cmd, cwd, runs, fresh=None, removed=False, leftovers=None):
    """Median time and peak RSS of `runs` runs. With `fresh` (the output option's value), each
    run writes a folder that does not exist yet (`fresh`-1, -2, …, added to `leftovers` for the
    caller to remove once nothing else is measured): a first build. With `removed` too, each run writes `fresh` itself right after
    the last run's output (and Qingshan's spare beside it) was removed: on ext4 the inodes of
    a tree deleted in the last seconds are skipped one by one when new files are created, which
    slows every tool's writing several times over."""
    made = []

    def one(n):
        run = cmd
        if fresh and removed:
            shutil.rmtree(fresh, ignore_errors=True)
            parent, name = os.path.split(fresh)
            shutil.rmtree(os.path.join(parent, "." + name + ".prev"), ignore_errors=True)
            subprocess.run(["sync"])
        elif fresh:
            target = f"{fresh}-{n}"
            shutil.rmtree(target, ignore_errors=True)
            made.append(target)
            run = [target if part == fresh else part for part in cmd]
        return timed(run, cwd)
    results = [one(n) for n in range(1, runs + 1)]
    if leftovers is not None:
        leftovers += made
    return statistics.median(r[0] for r in results), max(r[1] for r in results)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", default="1000,10000")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--out", default=os.path.join(ROOT, "bench"))
    parser.add_argument("--corpus", default="generated,real")
    args = parser.parse_args()
    qingshan = os.path.join(ROOT, ".build", "release", "qingshan")
    if not os.path.exists(qingshan):
        sys.exit("build the release binary first: make release")
    hugo = shutil.which("hugo")
    rows = []
    corpora = args.corpus.split(",")
    for pages in [int(p) for p in args.pages.split(",")]:
        if "generated" in corpora:
            folder = os.path.join(args.out, f"corpus-{pages}")
            generate(folder, pages)
            q_out = os.path.join(args.out, f"qingshan-{pages}")
            shutil.rmtree(q_out, ignore_errors=True)
            q = measure([qingshan, "build", "--site", folder, "--output", q_out], folder, args.runs)
            row = {"pages": pages, "corpus": "generated", "qingshan": q}
            if hugo:
                h_out = os.path.join(args.out, f"hugo-{pages}")
                row["hugo"] = measure([hugo, "--quiet", "-s", folder, "-d", h_out], folder, args.runs)
            if pages == max(int(p) for p in args.pages.split(",")):
                data_folder = folder + "-data"
                shutil.rmtree(data_folder, ignore_errors=True)
                shutil.copytree(folder, data_folder)
                add_data(data_folder, 5000)
                d_out = os.path.join(args.out, f"qingshan-{pages}-data")
                shutil.rmtree(d_out, ignore_errors=True)
                row["data"] = measure([qingshan, "build", "--site", data_folder, "--output", d_out], data_folder,
                                      args.runs)
                row["rebuild"] = rebuild_after_edit(qingshan, folder)
            rows.append(row)
            report(row)
        if "real" in corpora:
            folder = os.path.join(args.out, f"real-{pages}")
            generate(folder, pages, real_page)
            q_out = os.path.join(args.out, f"qingshan-real-{pages}")
            h_out = os.path.join(args.out, f"hugo-real-{pages}")
            shutil.rmtree(q_out, ignore_errors=True)
            q = measure([qingshan, "build", "--site", folder, "--output", q_out], folder, args.runs)
            q_fresh = q_out + "-fresh"
            leftovers = []
            fresh = measure([qingshan, "build", "--site", folder, "--output", q_fresh], folder, args.runs,
                            fresh=q_fresh, leftovers=leftovers)
            row = {"pages": pages, "corpus": "real", "qingshan": q, "fresh": fresh}
            if hugo:
                row["hugo"] = measure([hugo, "--quiet", "-s", folder, "-d", h_out], folder, args.runs)
                h_fresh = h_out + "-fresh"
                row["hugo fresh"] = measure([hugo, "--quiet", "-s", folder, "-d", h_fresh], folder, args.runs,
                                            fresh=h_fresh, leftovers=leftovers)
            for target in leftovers:
                shutil.rmtree(target, ignore_errors=True)
            # The same, each right after the last output was deleted (see measure).
            row["removed"] = measure([qingshan, "build", "--site", folder, "--output", q_out], folder, args.runs,
                                     fresh=q_out, removed=True)
            if hugo:
                row["hugo removed"] = measure([hugo, "--quiet", "-s", folder, "-d", h_out], folder, args.runs,
                                              fresh=h_out, removed=True)
            rows.append(row)
            report(row)
    lines = [f"Machine: {platform.machine()}, {os.cpu_count()} cores, {platform.platform()}; "
             f"{time.strftime('%Y-%m-%d')}; median of {args.runs} runs", "",
             "| corpus | pages | output | qingshan s | qingshan MiB | hugo s | hugo MiB | qingshan / hugo |",
             "|---|---:|---|---:|---:|---:|---:|---:|"]
    for row in rows:
        for label, q, h in [("existing", row["qingshan"], row.get("hugo")),
                            ("fresh", row.get("fresh"), row.get("hugo fresh")),
                            ("fresh, just deleted", row.get("removed"), row.get("hugo removed"))]:
            if q is None:
                continue
            lines.append(f"| {row['corpus']} | {row['pages']} | {label} | {q[0]:.2f} | {q[1]:.0f} | " +
                         (f"{h[0]:.2f} | {h[1]:.0f} | {q[0] / h[0]:.3f} |" if h else "— | — | — |"))
    for row in rows:
        if "data" in row:
            lines += ["", f"{row['pages']} pages plus a 5,000-record ledger and a year of daily air data: "
                      f"{row['data'][0]:.2f} s ({row['data'][1]:.0f} MiB), "
                      f"{row['data'][0] - row['qingshan'][0]:+.2f} s against the pages alone.",
                      f"`qingshan serve` on {row['pages']} pages, one article's title changed: rebuilt in "
                      f"{statistics.median(row['rebuild']):.3f} s (median of {len(row['rebuild'])} edits: "
                      + ", ".join(f"{t:.3f}" for t in row["rebuild"]) + ")."]
    # Search queries in headless Chromium on the largest build, when check-site's venv is there.
    venv_python = os.path.expanduser("~/.cache/site-qa/venv/bin/python")
    if any(row["corpus"] == "generated" for row in rows) and os.path.exists(venv_python) and shutil.which("chromedriver"):
        generated = [row for row in rows if row["corpus"] == "generated"]
        largest = os.path.join(args.out, f"qingshan-{generated[-1]['pages']}") if generated else None
        search = subprocess.run([venv_python, os.path.join(ROOT, "scripts", "search-bench.py"), largest, "/hbj/"],
                                capture_output=True, text=True)
        print(search.stdout + search.stderr, end="")
        if search.returncode == 0:
            lines += ["", f"{rows[-1]['pages']} pages, " + search.stdout.strip().splitlines()[-1] + "."]
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "results.md"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()

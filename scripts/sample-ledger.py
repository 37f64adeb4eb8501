#!/usr/bin/env python3
"""Writes the sample site's problem ledger (content/data/ledger.yaml): ~120 plausible,
fictitious records from March to December 2023 across the plan's channels, categories,
domains, streets and departments, with green/yellow/red, repeat, rebound and overdue cases.

It also exercises the plan's other ledger fields (docs/RULES.md, Ledger):
- the three ledgers (满意度调查反馈, 民意收集平台, 自由渠道): an explicit `ledger:` on a few
  records kept in another ledger than their channel's (12345热线 records from the
  satisfaction-survey follow-up, letters from the opinion-collection campaign);
- `progress` (阶段进展): 1-3 dated notes on long rectifications (issues with a 45-90 day
  time limit) and on records still open on the as-of day, dated after `received` and before
  the first round's handling (or by the as-of day when nothing was handled);
- `rechecks` (销号后回访) on several 已销号 records: most satisfied, one rebound found and fixed
  (an unsatisfied recheck, then a satisfied one), one rebound still open on the register;
- `close_reason`: two records 销号 without a satisfied callback (an inquiry answered by phone
  whose caller could not be reached again, an issue transferred to another authority).
A repeat (`repeat_of`) takes the earlier record's issue: its summary （再次反映）, category,
domain, street, department, requirement, time limit and handling results.
Every record satisfies the loader's rules (checked here before writing); nothing is dated
after the as-of day 2023-12-31.
Deterministic: rerunning gives the same file. Private values are obviously fictitious.

The quarters' spot-check samples (content/data/spotcheck/2023-Qn.yaml) are not written here:
they were drawn from this ledger with `qingshan spotcheck draw 2023-Qn` and their results
filled in as the staff would (one unsatisfied callback in Q3, Q4 half called back)."""
import datetime
import os
import random

rng = random.Random(20230410)
# Everything added on top of the base records draws from its own generator, so the base
# records (and their random draws) stay as they were.
extra = random.Random(20231231)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
AS_OF = datetime.date(2023, 12, 31)
DAY = datetime.timedelta(days=1)

CHANNELS = [("12345热线", 55), ("省环保督查热线", 10), ("全国生态环境信访投诉举报管理平台", 10), ("来信来访", 8),
            ("满意度调查反馈", 7), ("民意收集平台", 6), ("其他渠道", 4)]
STREETS = ["兴仁街道", "兴城街道", "张范街道"]
PLACES = {"兴仁街道": ["兴仁工业园", "复元三路", "兴仁社区", "光明路"], "兴城街道": ["锦水长街", "长白山路", "兴城社区", "神工路"],
          "张范街道": ["张范工业园", "蟠龙河沿线", "张范社区", "宏图路"]}
# Each issue: summary, 整改要求, handling result, the time limit in days of a long
# rectification (None: the usual 30 days), and its 阶段进展 notes in order.
ISSUES = {
    "噪声": [("{p}某机械加工企业夜间生产噪声扰民", "夜间22时后停止高噪声作业并加装隔声设施", "已责令企业调整生产时间，加装隔声罩和减振垫", 60,
              ["已现场监测，责令企业夜间22时后停止高噪声作业", "企业已订购隔声设备", "隔声罩已进场安装，减振垫同步更换"]),
             ("{p}某建筑工地夜间施工噪声扰民", "严格执行夜间施工审批，超时作业立即停止", "已联合住建部门检查，督促工地停止夜间违规施工", None,
              ["已联合住建部门夜间巡查，责令工地停止超时作业", "工地已调整混凝土浇筑时段，夜间施工须经审批"]),
             ("{p}沿街商铺高音喇叭噪声扰民", "商户停止使用室外高音喇叭", "已约谈商户，拆除室外音箱", None,
              ["已约谈商户，责令停止使用室外音箱", "沿街商户已签订文明经营承诺书"]),
             ("{p}某物流仓储企业装卸作业噪声", "优化装卸时段，设置隔声屏障", "企业已调整装卸时段，增设隔声屏障", 60,
              ["已约谈企业，夜间装卸作业暂停", "隔声屏障设计方案已确定", "隔声屏障基础施工中"])],
    "大气": [("{p}某板材企业生产异味扰民", "完善废气收集处理设施，确保达标排放", "已督促企业更换活性炭并完善集气罩", None,
              ["已现场检查，责令企业更换活性炭", "集气罩改造施工中"]),
             ("{p}某餐饮店油烟直排", "安装油烟净化设施并定期清洗", "商户已安装油烟净化器，检测达标", None,
              ["已责令商户限期安装油烟净化设施", "商户已订购油烟净化器"]),
             ("{p}某包装印刷企业有机废气异味", "配套安装异味净化设施，做到达标排放", "企业已完成废气治理设施升级改造", 90,
              ["已现场检查，责令企业制定废气治理方案", "治理方案已通过专家评审，设备订购中", "废气治理设施安装调试中"]),
             ("{p}道路施工扬尘污染", "落实围挡、覆盖、洒水等扬尘防治措施", "施工单位已落实覆盖和洒水降尘措施", None,
              ["已现场检查，责令施工单位落实扬尘防治措施", "施工单位已增设围挡和喷淋设施", "裸土覆盖基本完成，继续督促洒水降尘"]),
             ("{p}露天焚烧垃圾产生烟气", "立即制止露天焚烧并清理现场", "已现场制止并清理焚烧残留物", None,
              ["已现场制止焚烧行为", "已会同属地街道加强巡查"])],
    "水": [("{p}附近河道疑似有污水排入", "排查入河排污口，查明来源并整改", "已完成排口溯源，封堵一处私设排口", 60,
            ["已开展入河排污口溯源排查", "已锁定疑似排污单位，联合属地核查", "私设排口封堵方案已确定"]),
           ("{p}某洗车店废水直排雨水管网", "设置沉淀隔油设施，接入污水管网", "洗车店已完成污水接管", None,
            ["已责令洗车店限期整改", "沉淀隔油池施工中"]),
           ("{p}坑塘水体发黑发臭", "开展黑臭水体排查整治", "已完成清淤和截污，水体感官明显改善", 90,
            ["已完成周边排口排查，确定截污点位", "截污管道施工中", "清淤工程已完成过半"])],
    "固废": [("{p}路边堆放建筑垃圾", "限期清运并规范处置", "已协调清运建筑垃圾约30吨", None,
              ["已通知责任单位限期清运", "清运工作进行中"]),
             ("{p}某企业危险废物贮存不规范", "规范危废贮存场所，完善台账和标识", "企业已规范危废间建设和台账管理", 45,
              ["已现场检查，责令企业限期整改并立案调查", "危废间防渗改造施工中", "危废标识和管理台账已补齐"]),
             ("{p}空地非法倾倒工业固体废物", "查明倾倒来源，依法查处并清理", "已查明倾倒单位并责令清理，依法立案", 60,
              ["已固定证据，开展倾倒来源调查", "已查明倾倒单位，责令限期清理", "清理工作进行中"])],
    "生态": [("{p}绿化带树木被违规砍伐", "核实情况并移交相关部门处理", "已移交综合执法部门处理", None,
              ["已现场核实，移交综合执法部门调查"])],
    "其他": [("{p}某企业环评手续是否齐全", "核实项目环评审批情况并答复", "经核实，该项目已取得环评批复", None,
              ["已调取项目环评档案核查"]),
             ("{p}周边企业排污许可信息公开", "答复群众排污许可公开查询途径", "已电话答复查询途径", None,
              ["已核实企业排污许可信息"])],
}
DOMAINS = [("噪声", 30), ("大气", 32), ("水", 14), ("固废", 12), ("生态", 4), ("其他", 8)]
INQUIRIES = [("咨询{p}某项目环评公示情况", "答复项目环评公示情况", "已电话答复并告知公示网址", None, ["已联系来电人，正在核实公示信息"]),
             ("咨询机动车尾气检测预约方式", "答复预约方式", "已告知“线上预约、错峰办理”方式", None, ["已联系来电人，正在核实预约方式"]),
             ("咨询空气质量指数含义及查询途径", "答复查询途径", "已告知查询途径并宣传科普知识", None, ["已联系来电人，正在整理查询途径"])]
SUGGESTIONS = [("建议在{p}增设噪声监测显示屏", "研究建议并答复", "已纳入年度工作计划研究", None, ["建议已交承办科室研究", "已征求相关科室意见"]),
               ("建议加强{p}夜间环境巡查", "研究建议并答复", "已增加夜间巡查频次", None, ["建议已交承办科室研究", "已征求相关科室意见"]),
               ("建议定期公开辖区水质监测结果", "研究建议并答复", "已在门户网站按月公开水质信息", None, ["建议已交承办科室研究", "已征求相关科室意见"])]

# Repeats: a later record about an earlier record's problem (later: earlier). All but 0089 come
# after the earlier record was 销号 (rebounds); 0089 repeats a red record still under way (重复访).
REPEATS = {"GX-2023-0061": "GX-2023-0004", "GX-2023-0076": "GX-2023-0011", "GX-2023-0089": "GX-2023-0039",
           "GX-2023-0102": "GX-2023-0058", "GX-2023-0111": "GX-2023-0046"}


def pick(weighted):
    total = sum(w for _, w in weighted)
    r = rng.uniform(0, total)
    for value, weight in weighted:
        r -= weight
        if r <= 0:
            return value
    return weighted[-1][0]


def day(d):
    return d.isoformat()


records = []
by_id = {}
start = datetime.date(2023, 3, 1)
for n in range(1, 121):
    received = start + datetime.timedelta(days=int((n - 1) * 300 / 120) + rng.randint(0, 2))
    if received > datetime.date(2023, 12, 28):
        received = datetime.date(2023, 12, 28)
    channel = pick(CHANNELS)
    category = pick([("投诉举报", 70), ("咨询", 18), ("建议", 12)])
    street = rng.choice(STREETS)
    place = rng.choice(PLACES[street])
    if category == "投诉举报":
        domain = pick(DOMAINS)
        issue = rng.choice(ISSUES[domain])
        department = rng.choice(["执法监测科", "执法监测科", "污染防治科", "各街道环保办"])
        if domain == "水":
            department = rng.choice(["执法监测科", "项目管理科"])
    elif category == "咨询":
        domain = rng.choice(["大气", "其他"])
        issue = rng.choice(INQUIRIES)
        department = "综合科"
    else:
        domain = rng.choice(["噪声", "水", "大气"])
        issue = rng.choice(SUGGESTIONS)
        department = rng.choice(["综合科", "污染防治科"])
    summary, requirement, result, long_days, notes = issue
    summary = summary.format(p=place)
    rid = f"GX-2023-{n:04d}"
    repeat_of = REPEATS.get(rid)
    if repeat_of:
        # A repeat is about the earlier record's problem: its issue, requirement and results.
        earlier = by_id[repeat_of]
        assert earlier["received"] < received, (rid, repeat_of)
        category, domain, street, department = (earlier[k] for k in ["category", "domain", "street", "department"])
        summary = earlier["summary"] + "（再次反映）"
        requirement, result, long_days, notes = (earlier[k] for k in ["requirement", "result", "long_days", "notes"])
    deadline = received + datetime.timedelta(days=15 if category != "投诉举报" else 30)
    rec = {"id": rid, "received": received, "channel": channel, "ledger": None, "category": category,
           "domain": domain, "street": street, "summary": summary, "department": department,
           "owner": rng.choice(["王某", "刘某", "陈某", "孙某", "赵某"]), "requirement": requirement,
           "deadline": deadline, "rounds": [], "status": "待办", "closed": None, "close_reason": None,
           "repeat_of": repeat_of, "progress": [], "rechecks": [], "result": result, "notes": notes,
           "long_days": long_days, "long": False,
           "private": {"complainant": f"示例群众{n:03d}", "phone": f"1380000{n:04d}",
                       "address": f"{street}示例小区{n}号楼"}}
    age = (AS_OF - received).days
    roll = rng.random()
    handled1 = received + datetime.timedelta(days=rng.randint(5, 25))
    # A long rectification (most of the issues that take one): a longer time limit, and the
    # first handling reported only when the works are done.
    if long_days and age >= 12 and not (roll < 0.06 and age > 45) and extra.random() < 0.6:
        rec["long"] = True
        rec["deadline"] = received + datetime.timedelta(days=long_days)
        handled1 = received + datetime.timedelta(days=extra.randint(long_days // 2, long_days - 5))
    if age < 12:
        rec["status"] = rng.choice(["待办", "办理中"])
    elif roll < 0.06 and age > 45:
        rec["status"] = "办理中"  # overdue: still open long past the deadline
        rec["rounds"] = []
    elif roll < 0.16:
        # yellow then fixed: first callback unsatisfied, second round satisfied
        cb1 = handled1 + datetime.timedelta(days=rng.randint(2, 6))
        handled2 = cb1 + datetime.timedelta(days=rng.randint(5, 15))
        cb2 = handled2 + datetime.timedelta(days=rng.randint(2, 6))
        rec["rounds"] = [(handled1, result, cb1, False), (handled2, "复查整改到位，" + result, cb2, True)]
    elif roll < 0.22:
        # yellow: unsatisfied after one round, second round under way
        cb1 = handled1 + datetime.timedelta(days=rng.randint(2, 6))
        rec["rounds"] = [(handled1, result, cb1, False)]
        rec["status"] = "办理中"
    elif roll < 0.26:
        # red: unsatisfied twice
        cb1 = handled1 + datetime.timedelta(days=rng.randint(2, 6))
        handled2 = cb1 + datetime.timedelta(days=rng.randint(5, 15))
        cb2 = handled2 + datetime.timedelta(days=rng.randint(2, 6))
        rec["rounds"] = [(handled1, result, cb1, False), (handled2, "再次督促整改，" + result, cb2, False)]
        rec["status"] = "办理中"
    elif roll < 0.32:
        # handled, callback not yet made
        rec["rounds"] = [(handled1, result, None, None)]
        rec["status"] = "已办结"
    else:
        cb1 = handled1 + datetime.timedelta(days=rng.randint(2, 6))
        rec["rounds"] = [(handled1, result, cb1, True)]
    # 销号 only after a satisfied callback (闭环, 销号制).
    if rec["rounds"] and rec["rounds"][-1][3] is True:
        last = rec["rounds"][-1][2]
        rec["status"] = "已销号"
        # a few closed after the deadline
        rec["closed"] = last + datetime.timedelta(days=rng.randint(1, 4) if rng.random() > 0.1 else 20)
    records.append(rec)
    by_id[rid] = rec

repeated = set(REPEATS) | set(REPEATS.values())

# Nothing may be dated after the as-of day of the sample: rounds handled later did not
# happen yet, a callback after it is not known, a 销号 after it did not happen.
for rec in records:
    rec["rounds"] = [(h, res, cb, s) if cb is None or cb <= AS_OF else (h, res, None, None)
                     for h, res, cb, s in rec["rounds"] if h <= AS_OF]
    if rec["closed"] and rec["closed"] > AS_OF:
        rec["closed"] = None
        rec["status"] = "已办结"
    if not rec["rounds"] and rec["status"] in ("已办结", "已销号"):
        rec["status"] = "办理中"


def spaced_dates(first, last, count):
    """Up to `count` distinct days from first to last, roughly evenly spaced, in order."""
    span = (last - first).days
    if span < 0:
        return []
    count = min(count, span + 1)
    out = []
    for i in range(count):
        offset = round(span * (i + 1) / (count + 1)) + extra.randint(-2, 2)
        low = (out[-1] - first).days + 1 if out else 0
        high = span - (count - 1 - i)
        out.append(first + datetime.timedelta(days=min(max(offset, low), high)))
    return out


# 阶段进展: on long rectifications and on records still open on the as-of day, dated after
# receipt and before the first handling (or by the as-of day when nothing was handled yet).
for rec in records:
    if not (rec["long"] or rec["status"] == "办理中"):
        continue
    first = rec["received"] + DAY
    last = rec["rounds"][0][0] - DAY if rec["rounds"] else AS_OF
    span = (last - first).days
    if rec["rounds"] and not rec["long"]:
        count = 1  # an open record handled once or twice: the first step before the handling
    else:
        count = max(1, min(3, span // 15))
    count = min(count, len(rec["notes"]))
    rec["progress"] = [(d, text) for d, text in zip(spaced_dates(first, last, count), rec["notes"])]


# The three ledgers: a few records kept in another ledger than their channel's.
def unrelated(r):
    return r["id"] not in repeated


survey = [r for r in records if r["channel"] == "12345热线" and r["category"] == "投诉举报" and unrelated(r)]
for r in extra.sample(survey, 3):
    r["ledger"] = "满意度调查反馈"  # raised in the satisfaction survey, followed up through the hotline
letters = [r for r in records if r["channel"] == "来信来访" and unrelated(r)]
for r in extra.sample(letters, 2):
    r["ledger"] = "民意收集平台"  # letters answering the opinion-collection campaign

# 销号 without a satisfied callback, with the reason: an inquiry answered by phone whose caller
# could not be reached again, and an issue that is another authority's.
inquiries = [r for r in records if r["status"] == "已销号" and r["category"] == "咨询" and len(r["rounds"]) == 1
             and unrelated(r)]
transfers = [r for r in records if r["status"] == "已销号" and r["domain"] == "生态" and len(r["rounds"]) == 1
             and unrelated(r)]
for r, reason in [(extra.choice(inquiries), "已电话答复，回访时电话多次无人接听，按程序销号"),
                  (extra.choice(transfers), "经核实不属于本局职责，已移交区综合行政执法局处理")]:
    handled, res = r["rounds"][0][:2]
    r["rounds"] = [(handled, res, None, None)]
    r["close_reason"] = reason
    r["closed"] = handled + datetime.timedelta(days=extra.randint(1, 3))


# 销号后回访: most find the problem solved; one rebound found and fixed, one still open.
def recheck_candidates(domain, latest_close):
    return [r for r in records if r["status"] == "已销号" and r["category"] == "投诉举报" and unrelated(r)
            and not r["close_reason"] and not r["rechecks"] and r["closed"] <= latest_close
            and (domain is None or r["domain"] == domain)]


fixed = extra.choice([r for r in recheck_candidates("噪声", datetime.date(2023, 9, 30)) if "企业夜间" in r["summary"]])
first_recheck = fixed["closed"] + datetime.timedelta(days=extra.randint(25, 40))
fixed["rechecks"] = [(first_recheck, False, "夜间噪声再次出现，已责令企业再次整改"),
                     (first_recheck + datetime.timedelta(days=extra.randint(20, 30)), True, "企业再次整改后复查，未见反弹")]
still = extra.choice([r for r in recheck_candidates("大气", datetime.date(2023, 11, 15))
                      if r["closed"] >= datetime.date(2023, 9, 1) and "异味" in r["summary"]])
still["rechecks"] = [(min(AS_OF, still["closed"] + datetime.timedelta(days=extra.randint(30, 45))), False,
                      "异味再次出现，已责令企业限期整改")]
NOTES_OK = ["复查未见反弹", "回访群众表示满意", "现场复查整改措施运行正常"]
for r in extra.sample(recheck_candidates(None, datetime.date(2023, 11, 30)), 8):
    first_recheck = r["closed"] + datetime.timedelta(days=extra.randint(20, 40))
    checks = [(first_recheck, True, extra.choice(NOTES_OK))]
    # a long rectification is checked again a couple of months later
    second = first_recheck + datetime.timedelta(days=extra.randint(45, 75))
    if r["long"] and second <= AS_OF:
        checks.append((second, True, "复查未见反弹"))
    r["rechecks"] = [c for c in checks if c[0] <= AS_OF]


def validate(records):
    """The loader's rules (docs/RULES.md, Ledger), so the file written always passes them."""
    ids = set()
    for r in records:
        where = r["id"]
        assert where not in ids, where
        ids.add(where)
        assert r["deadline"] >= r["received"], where
        previous = r["received"]
        for handled, _, callback, satisfied in r["rounds"]:
            assert previous <= handled <= AS_OF, where
            assert (callback is None) == (satisfied is None), where
            assert callback is None or handled <= callback <= AS_OF, where
            previous = handled
        if r["status"] == "已销号":
            assert r["closed"] and r["received"] <= r["closed"] <= AS_OF, where
            assert not r["rounds"] or r["closed"] >= r["rounds"][-1][0], where
            called = [x for x in r["rounds"] if x[2] is not None]
            assert (called and called[-1][3] is True) or r["close_reason"], where
        else:
            assert r["closed"] is None and not r["rechecks"] and not r["close_reason"], where
        previous = r["received"]
        for d, text in r["progress"]:
            assert previous <= d <= AS_OF and text, where
            previous = d
        if r["progress"] and r["rounds"]:
            assert r["progress"][-1][0] < r["rounds"][0][0], where
        previous = r["closed"]
        for d, satisfied, note in r["rechecks"]:
            assert previous <= d <= AS_OF and satisfied in (True, False), where
            previous = d
        assert r["repeat_of"] is None or (r["repeat_of"] in ids and r["repeat_of"] != where), where


validate(records)

lines = ["# 问题台账示例数据：由 scripts/sample-ledger.py 生成，内容均为虚构。",
         "# private: 下为虚构的投诉人信息，只用于内部版，公开版构建会检查其不外泄。", ""]


def q(text):
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'


for r in records:
    lines.append(f"- id: {r['id']}")
    lines.append(f"  received: {day(r['received'])}")
    lines.append(f"  channel: {r['channel']}")
    if r["ledger"]:
        lines.append(f"  ledger: {r['ledger']}")
    for key in ["category", "domain", "street", "summary", "department", "owner", "requirement"]:
        lines.append(f"  {key}: {r[key]}")
    lines.append(f"  deadline: {day(r['deadline'])}")
    lines.append(f"  status: {r['status']}")
    if r["closed"]:
        lines.append(f"  closed: {day(r['closed'])}")
    if r["close_reason"]:
        lines.append(f"  close_reason: {r['close_reason']}")
    if r["repeat_of"]:
        lines.append(f"  repeat_of: {r['repeat_of']}")
    if r["progress"]:
        lines.append("  progress:")
        for d, text in r["progress"]:
            lines.append(f"    - date: {day(d)}")
            lines.append(f"      text: {text}")
    if r["rounds"]:
        lines.append("  rounds:")
        for handled, result, callback, satisfied in r["rounds"]:
            lines.append(f"    - handled: {day(handled)}")
            lines.append(f"      result: {result}")
            if callback:
                lines.append(f"      callback: {day(callback)}")
                lines.append(f"      satisfied: {'true' if satisfied else 'false'}")
    if r["rechecks"]:
        lines.append("  rechecks:")
        for d, satisfied, note in r["rechecks"]:
            lines.append(f"    - date: {day(d)}")
            lines.append(f"      satisfied: {'true' if satisfied else 'false'}")
            lines.append(f"      note: {note}")
    lines.append("  private:")
    for key, value in r["private"].items():
        lines.append(f"    {key}: {q(value)}")
out = os.path.join(ROOT, "content", "data", "ledger.yaml")
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print("wrote", out, len(records), "records")

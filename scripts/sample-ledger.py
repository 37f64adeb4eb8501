#!/usr/bin/env python3
"""Writes the sample site's problem ledger (content/data/ledger.yaml): ~120 plausible,
fictitious records from March to December 2023 across the plan's channels, categories,
domains, streets and departments, with green/yellow/red, repeat, rebound and overdue cases.
Deterministic: rerunning gives the same file. Private values are obviously fictitious."""
import datetime
import os
import random

rng = random.Random(20230410)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
AS_OF = datetime.date(2023, 12, 31)

CHANNELS = [("12345热线", 55), ("省环保督查热线", 10), ("全国生态环境信访投诉举报管理平台", 10), ("来信来访", 8),
            ("满意度调查反馈", 7), ("民意收集平台", 6), ("其他渠道", 4)]
STREETS = ["兴仁街道", "兴城街道", "张范街道"]
PLACES = {"兴仁街道": ["兴仁工业园", "复元三路", "兴仁社区", "光明路"], "兴城街道": ["锦水长街", "长白山路", "兴城社区", "神工路"],
          "张范街道": ["张范工业园", "蟠龙河沿线", "张范社区", "宏图路"]}
ISSUES = {
    "噪声": [("{p}某机械加工企业夜间生产噪声扰民", "夜间22时后停止高噪声作业并加装隔声设施", "已责令企业调整生产时间，加装隔声罩和减振垫"),
             ("{p}某建筑工地夜间施工噪声扰民", "严格执行夜间施工审批，超时作业立即停止", "已联合住建部门检查，督促工地停止夜间违规施工"),
             ("{p}沿街商铺高音喇叭噪声扰民", "商户停止使用室外高音喇叭", "已约谈商户，拆除室外音箱"),
             ("{p}某物流仓储企业装卸作业噪声", "优化装卸时段，设置隔声屏障", "企业已调整装卸时段，增设隔声屏障")],
    "大气": [("{p}某板材企业生产异味扰民", "完善废气收集处理设施，确保达标排放", "已督促企业更换活性炭并完善集气罩"),
             ("{p}某餐饮店油烟直排", "安装油烟净化设施并定期清洗", "商户已安装油烟净化器，检测达标"),
             ("{p}某包装印刷企业有机废气异味", "配套安装异味净化设施，做到达标排放", "企业已完成废气治理设施升级改造"),
             ("{p}道路施工扬尘污染", "落实围挡、覆盖、洒水等扬尘防治措施", "施工单位已落实覆盖和洒水降尘措施"),
             ("{p}露天焚烧垃圾产生烟气", "立即制止露天焚烧并清理现场", "已现场制止并清理焚烧残留物")],
    "水": [("{p}附近河道疑似有污水排入", "排查入河排污口，查明来源并整改", "已完成排口溯源，封堵一处私设排口"),
           ("{p}某洗车店废水直排雨水管网", "设置沉淀隔油设施，接入污水管网", "洗车店已完成污水接管"),
           ("{p}坑塘水体发黑发臭", "开展黑臭水体排查整治", "已完成清淤和截污，水体感官明显改善")],
    "固废": [("{p}路边堆放建筑垃圾", "限期清运并规范处置", "已协调清运建筑垃圾约30吨"),
             ("{p}某企业危险废物贮存不规范", "规范危废贮存场所，完善台账和标识", "企业已规范危废间建设和台账管理"),
             ("{p}空地非法倾倒工业固体废物", "查明倾倒来源，依法查处并清理", "已查明倾倒单位并责令清理，依法立案")],
    "生态": [("{p}绿化带树木被违规砍伐", "核实情况并移交相关部门处理", "已移交综合执法部门处理")],
    "其他": [("{p}某企业环评手续是否齐全", "核实项目环评审批情况并答复", "经核实，该项目已取得环评批复"),
             ("{p}周边企业排污许可信息公开", "答复群众排污许可公开查询途径", "已电话答复查询途径")],
}
DOMAINS = [("噪声", 30), ("大气", 32), ("水", 14), ("固废", 12), ("生态", 4), ("其他", 8)]
INQUIRIES = [("咨询{p}某项目环评公示情况", "答复项目环评公示情况", "已电话答复并告知公示网址"),
             ("咨询机动车尾气检测预约方式", "答复预约方式", "已告知“线上预约、错峰办理”方式"),
             ("咨询空气质量指数含义及查询途径", "答复查询途径", "已告知查询途径并宣传科普知识")]
SUGGESTIONS = [("建议在{p}增设噪声监测显示屏", "研究建议并答复", "已纳入年度工作计划研究"),
               ("建议加强{p}夜间环境巡查", "研究建议并答复", "已增加夜间巡查频次"),
               ("建议定期公开辖区水质监测结果", "研究建议并答复", "已在门户网站按月公开水质信息")]


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
        summary, requirement, result = rng.choice(ISSUES[domain])
        department = rng.choice(["执法监测科", "执法监测科", "污染防治科", "各街道环保办"])
        if domain == "水":
            department = rng.choice(["执法监测科", "项目管理科"])
    elif category == "咨询":
        domain = rng.choice(["大气", "其他"])
        summary, requirement, result = rng.choice(INQUIRIES)
        department = "综合科"
    else:
        domain = rng.choice(["噪声", "水", "大气"])
        summary, requirement, result = rng.choice(SUGGESTIONS)
        department = rng.choice(["综合科", "污染防治科"])
    summary = summary.format(p=place)
    deadline = received + datetime.timedelta(days=15 if category != "投诉举报" else 30)
    rec = {"id": f"GX-2023-{n:04d}", "received": received, "channel": channel, "category": category,
           "domain": domain, "street": street, "summary": summary, "department": department,
           "owner": rng.choice(["王某", "刘某", "陈某", "孙某", "赵某"]), "requirement": requirement,
           "deadline": deadline, "rounds": [], "status": "待办", "closed": None, "repeat_of": None,
           "private": {"complainant": f"示例群众{n:03d}", "phone": f"1380000{n:04d}",
                       "address": f"{street}示例小区{n}号楼"}}
    age = (AS_OF - received).days
    roll = rng.random()
    handled1 = received + datetime.timedelta(days=rng.randint(5, 25))
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
    if rec["rounds"] and rec["rounds"][-1][3] is True:
        last = rec["rounds"][-1][2]
        rec["status"] = "已销号"
        # a few closed after the deadline
        rec["closed"] = last + datetime.timedelta(days=rng.randint(1, 4) if rng.random() > 0.1 else 20)
    # Nothing may be dated after the as-of day of the sample.
    rec["rounds"] = [r for r in rec["rounds"] if r[0] <= AS_OF]
    if rec["closed"] and rec["closed"] > AS_OF:
        rec["closed"] = None
        rec["status"] = "已办结"
    records.append(rec)

# Repeats and rebounds: later complaints about an earlier record's problem.
closed = [r for r in records if r["status"] == "已销号"]
for later_index, earlier in [(60, closed[3]), (75, closed[10]), (88, closed[20]), (101, records[30]), (110, records[45])]:
    later = records[later_index]
    if later["received"] > earlier["received"]:
        later["repeat_of"] = earlier["id"]
        later["summary"] = earlier["summary"] + "（再次反映）"
        later["street"] = earlier["street"]
        later["domain"] = earlier["domain"]

lines = ["# 问题台账示例数据：由 scripts/sample-ledger.py 生成，内容均为虚构。",
         "# private: 下为虚构的投诉人信息，只用于内部版，公开版构建会检查其不外泄。", ""]


def q(text):
    return '"' + text.replace('\\', '\\\\').replace('"', '\\"') + '"'


for r in records:
    lines.append(f"- id: {r['id']}")
    lines.append(f"  received: {day(r['received'])}")
    for key in ["channel", "category", "domain", "street", "summary", "department", "owner", "requirement"]:
        lines.append(f"  {key}: {r[key]}")
    lines.append(f"  deadline: {day(r['deadline'])}")
    lines.append(f"  status: {r['status']}")
    if r["closed"]:
        lines.append(f"  closed: {day(r['closed'])}")
    if r["repeat_of"]:
        lines.append(f"  repeat_of: {r['repeat_of']}")
    if r["rounds"]:
        lines.append("  rounds:")
        for handled, result, callback, satisfied in r["rounds"]:
            lines.append(f"    - handled: {day(handled)}")
            lines.append(f"      result: {result}")
            if callback and callback <= AS_OF:
                lines.append(f"      callback: {day(callback)}")
                lines.append(f"      satisfied: {'true' if satisfied else 'false'}")
    lines.append("  private:")
    for key, value in r["private"].items():
        lines.append(f"    {key}: {q(value)}")
out = os.path.join(ROOT, "content", "data", "ledger.yaml")
with open(out, "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print("wrote", out, len(records), "records")

#!/usr/bin/env python3
"""Writes the sample site's monitoring data (content/data/air.csv, water.csv, noise.csv):
a year of daily air at the zone's station with a seasonal pattern, monthly water at the
plan's three sections with an improvement story, quarterly noise at several sites.
Deterministic and fictitious."""
import datetime
import math
import os
import random

rng = random.Random(2023)
ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "content", "data")

# Air: winter haze (PM), summer ozone, a few pollution episodes; one missing day.
lines = ["date,station,so2,no2,pm10,co,o3_8h,pm25,o3_1h"]
day = datetime.date(2023, 1, 1)
while day <= datetime.date(2023, 12, 31):
    t = (day.timetuple().tm_yday - 15) / 365 * 2 * math.pi
    winter = (math.cos(t) + 1) / 2          # 1 in January, 0 in July
    summer = 1 - winter
    episode = 1.0
    if day.month in (1, 2, 12) and rng.random() < 0.18:
        episode = rng.uniform(1.5, 2.6)
    pm25 = max(8, rng.gauss(22 + 42 * winter, 9) * episode)
    pm10 = max(15, pm25 * rng.uniform(1.3, 1.7) + rng.gauss(5, 5))
    so2 = max(3, rng.gauss(9 + 8 * winter, 3))
    no2 = max(8, rng.gauss(24 + 16 * winter, 7))
    co = max(0.3, rng.gauss(0.6 + 0.6 * winter, 0.15) * (1 + (episode - 1) / 2))
    o3_8h = max(20, rng.gauss(66 + 80 * summer, 22))
    o3_1h = o3_8h * rng.uniform(1.1, 1.3)
    row = [day.isoformat(), "高新区站", f"{so2:.0f}", f"{no2:.0f}", f"{pm10:.0f}", f"{co:.1f}", f"{o3_8h:.0f}",
           f"{pm25:.0f}", f"{o3_1h:.0f}"]
    if day == datetime.date(2023, 8, 14):
        row[7] = ""   # PM2.5 analyser maintenance: not measured
    lines.append(",".join(row))
    day += datetime.timedelta(days=1)
with open(os.path.join(ROOT, "air.csv"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")

# Water: three sections; 蟠龙河 improves from 劣Ⅴ/Ⅴ to Ⅳ after outfall clean-up (July on).
sections = [("蟠龙河断面", "蟠龙河", "Ⅳ", 1.0), ("宏图河断面", "宏图河", "Ⅳ", 0.8), ("凤凰台断面", "蟠龙河", "Ⅲ", 0.55)]
lines = ["month,section,river,target,ph,do,codmn,cod,bod5,nh3n,tp"]
for m in range(1, 13):
    for name, river, target, load in sections:
        improve = 1.0 if m < 7 else 0.7 - 0.02 * (m - 7)
        factor = load * improve * rng.uniform(0.9, 1.1)
        nh3n = 2.1 * factor
        tp = 0.42 * factor
        cod = 36 * factor
        codmn = 9.5 * factor
        bod5 = 6.5 * factor
        do = 4.2 / max(factor, 0.4) + rng.uniform(-0.3, 0.3)
        ph = rng.uniform(7.2, 8.1)
        lines.append(f"2023-{m:02d},{name},{river},{target},{ph:.1f},{do:.1f},{codmn:.1f},{cod:.0f},{bod5:.1f},{nh3n:.2f},{tp:.3f}")
with open(os.path.join(ROOT, "water.csv"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")

# Noise: quarterly at five sites in their functional zones.
sites = [("兴仁社区", "1", 52, 43), ("锦水长街", "2", 57, 47), ("张范工业园", "3", 62, 52),
         ("光明路", "4a", 67, 56), ("宏图路", "2", 58, 49)]
lines = ["日期,点位,功能区,昼间,夜间"]
for quarter_month in (3, 6, 9, 12):
    for name, zone, d, n in sites:
        lines.append(f"2023-{quarter_month:02d}-15,{name},{zone},{d + rng.uniform(-2.5, 2.5):.1f},{n + rng.uniform(-2.5, 2.5):.1f}")
with open(os.path.join(ROOT, "noise.csv"), "w", encoding="utf-8") as f:
    f.write("\n".join(lines) + "\n")
print("wrote air.csv, water.csv, noise.csv")

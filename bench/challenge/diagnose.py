"""For each gold item: what the extractor produced nearby. Helper for MISSES.md.

Run from the repo root: .venv/bin/python bench/challenge/diagnose.py [CORPUS_DIR]
Prints misses with every extracted observation of the same value or indicator in that file
(including port-less / company ones that eval ignores), false alarms, and attribute mismatches.
"""
import json
import subprocess
import sys
from pathlib import Path

corpus = Path(sys.argv[1] if len(sys.argv) > 1 else "bench/challenge")
gold = [json.loads(l) for l in (corpus / "gold.jsonl").open(encoding="utf-8")]
paths = sorted(str(p) for p in (corpus / "texts").glob("*.txt"))
out = subprocess.run([".venv/bin/corridor-watch", "extract", *paths], capture_output=True, text=True, check=True).stdout
obs = [json.loads(l) for l in out.splitlines() if l.strip()]
by_file = {}
for o in obs:
    by_file.setdefault(Path(o["path"]).name, []).append(o)


def close(a, b, ind):
    return abs(a - b) <= 0.05 if ind.endswith("_pct") else abs(a - b) <= 0.005 * abs(b)


def short(o):
    per = f"{o.get('period_start')}/{o.get('period_end')}" if o.get("period_start") else None
    return f"{o.get('port')} {o['indicator']} {o['value']:g} per={per} yoy={o.get('yoy_pct')} scope={o.get('scope')} dir={o.get('direction')} q=«{o['quote'][:140]}»"


for g in gold:
    f = g["file"]
    ex = [o for o in by_file.get(f, []) if o["type"] == "observation"]
    scored = [o for o in ex if o.get("port") and o.get("scope") != "company"]
    used = set()
    items = sorted(g["indicators"], key=lambda x: x["optional"])
    matched = {}
    for i, gi in enumerate(items):
        for j, o in enumerate(scored):
            if j in used:
                continue
            if o["indicator"] == gi["indicator"] and o["port"] == gi["port"] and close(o["value"], gi["value"], gi["indicator"]):
                used.add(j); matched[i] = o; break
    for i, gi in enumerate(items):
        if i in matched:
            o = matched[i]
            per = f"{o['period_start']}/{o['period_end']}" if o.get("period_start") else None
            if gi["period"] and per != gi["period"]:
                print(f"ATTR-PERIOD {f}: {gi['port']} {gi['indicator']} {gi['value']:g} gold={gi['period']} got={per} «{gi['quote'][:100]}»")
            if gi["yoy_pct"] is not None or o.get("yoy_pct") is not None:
                if gi["yoy_pct"] is None or o.get("yoy_pct") is None or abs(gi["yoy_pct"] - o["yoy_pct"]) > 0.05:
                    print(f"ATTR-YOY {f}: {gi['port']} {gi['indicator']} {gi['value']:g} gold={gi['yoy_pct']} got={o.get('yoy_pct')} «{gi['quote'][:100]}»")
        elif not gi["optional"]:
            print(f"MISS {f}: {gi['port']} {gi['indicator']} {gi['value']:g} «{gi['quote']}»")
            near = [o for o in ex if close(o["value"], gi["value"], gi["indicator"]) or o["indicator"] == gi["indicator"] and o.get("port") in (gi["port"], None)]
            for o in near:
                print("      got:", short(o))
            if not near:
                print("      got: nothing with that value/indicator")
    for j, o in enumerate(scored):
        if j not in used:
            print(f"FALSE {f}: {short(o)}")
    for e in [o for o in by_file.get(f, []) if o["type"] == "event"]:
        print(f"EVENT {f}: kind={e.get('kind')} regime={e.get('regime')} eff={e.get('effective_date')} «{e['quote'][:150]}»")

#!/usr/bin/env python3
"""Validate the planning demo seed (db/seed/planning_demo_kaltim.json).

Checks structure, codes, indicators and alignment, then computes and prints the
alignment findings the demo is meant to contain (unaligned programs, agency
objectives without a link, region objectives no program reaches, incomplete
indicators, synergy hints, weights that do not sum to 100) and verifies that the
deliberate problems are present. Exits 1 with messages on any violation.

Usage: scripts/check_planning_demo.py [JSON] [--spm CSV]
Standard library only.
"""
import csv
import json
import os
import re
import sys
from decimal import Decimal

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_JSON = os.path.join(ROOT, "db", "seed", "planning_demo_kaltim.json")
SPM_CANDIDATES = [
    os.environ.get("SPM_SERVICES_CSV", ""),
    "/work/shared/domain/reference/spm_services_province.csv",
    os.path.join(ROOT, "db", "seed", "spm_services_province.csv"),
]
URUSAN_CSV = os.path.join(ROOT, "db", "seed", "urusan_fields.csv")

AGENCIES = ["Disdikbud", "Dinkes", "PUPR-PERA", "Dinsos", "Disnakertrans", "DPMPD",
            "Disperindagkop", "Dispar", "Bapperida", "Diskominfo", "DLH"]
# Nomenclature fields (bidang urusan) each agency may program in; X.XX is the
# cross-field support program.
AGENCY_FIELDS = {
    "Disdikbud": {"1.01", "2.22"}, "Dinkes": {"1.02"}, "PUPR-PERA": {"1.03", "1.04"},
    "Dinsos": {"1.06"}, "Disnakertrans": {"2.07", "3.32"}, "DPMPD": {"2.13"},
    "Disperindagkop": {"2.17", "3.30", "3.31"}, "Dispar": {"3.26"},
    "Bapperida": {"5.01", "5.05"}, "Diskominfo": {"2.16"}, "DLH": {"2.11"},
}
SPM_AREA_FIELD = {"pendidikan": "1.01", "kesehatan": "1.02", "pekerjaan_umum": "1.03",
                  "perumahan_rakyat": "1.04", "trantibumlinmas": "1.05", "sosial": "1.06"}
AC_CODES = {f"AC-{i}" for i in range(1, 9)}
FIRST, LAST = 2025, 2029
DEC = re.compile(r"^-?\d+(\.\d+)?$")
PROG_RE = re.compile(r"^(\d\.\d{2}|X\.XX)\.\d{2}$")
ACT_SUFFIX = re.compile(r"^\.\d\.\d{2}$")
SUB_SUFFIX = re.compile(r"^\.\d{4}$")
POL_VARIANTS = {"higher_is_better": {"ratio", "binary"},
                "lower_is_better": {"mirror", "inverse", "binary"}}
AGGS = {"sum", "last", "average", "max", "min"}
SOURCE_KINDS = {"bps", "planning_agency", "sector_system", "agency"}
RATE_UNITS = {"%", "indeks", "nilai", "rasio", "tahun"}

errors = []
def err(msg):
    errors.append(msg)

def load_spm():
    for path in SPM_CANDIDATES:
        if path and os.path.exists(path):
            with open(path, newline="", encoding="utf-8") as f:
                return {r["service"]: r["area"] for r in csv.DictReader(f)}, path
    err("SPM service list not found (set SPM_SERVICES_CSV)")
    return {}, None

def is_dec(v):
    return isinstance(v, str) and bool(DEC.match(v))

def need(obj, key, where, types=str):
    if not isinstance(obj, dict) or key not in obj:
        err(f"{where}: missing key '{key}'")
        return None
    v = obj[key]
    if types is not None and not isinstance(v, types):
        err(f"{where}: '{key}' has wrong type {type(v).__name__}")
        return None
    if isinstance(v, str) and not v.strip():
        err(f"{where}: '{key}' is empty")
    return v

class Stats:
    indicators = []   # (where, level, agency, indicator)

def check_indicator(i, where, level, spm, field=None):
    Stats.indicators.append((where, level, i))
    w = f"{where} indicator {i.get('code', '?') if isinstance(i, dict) else '?'}"
    if not isinstance(i, dict):
        err(f"{where}: indicator is not an object"); return
    for k in ("code", "name", "unit", "definition", "formula_text"):
        need(i, k, w)
    pol = i.get("polarity"); var = i.get("formula_variant"); agg = i.get("aggregation")
    if pol not in POL_VARIANTS:
        err(f"{w}: polarity '{pol}' invalid")
    elif var not in POL_VARIANTS[pol]:
        err(f"{w}: formula_variant '{var}' not allowed with {pol}")
    if agg not in AGGS:
        err(f"{w}: aggregation '{agg}' invalid")
    elif i.get("unit") in RATE_UNITS and agg == "sum":
        err(f"{w}: rate/index unit '{i.get('unit')}' must not use aggregation sum")
    by, bv = i.get("baseline_year"), i.get("baseline_value")
    if bv is not None:
        if not is_dec(bv): err(f"{w}: baseline_value {bv!r} is not a decimal string")
        if not isinstance(by, int) or isinstance(by, bool): err(f"{w}: baseline_year missing with a baseline value")
        elif by >= FIRST: err(f"{w}: baseline_year {by} must be before {FIRST}")
    elif by is not None and (not isinstance(by, int) or by >= FIRST):
        err(f"{w}: baseline_year {by!r} invalid")
    tg = i.get("targets")
    if not isinstance(tg, list):
        err(f"{w}: targets must be a list")
    else:
        years = set()
        for t in tg:
            y = t.get("year") if isinstance(t, dict) else None
            if not isinstance(y, int) or not FIRST <= y <= LAST:
                err(f"{w}: target year {y!r} outside {FIRST}-{LAST}"); continue
            if y in years: err(f"{w}: duplicate target year {y}")
            years.add(y)
            has_v = "value" in t and t["value"] is not None
            has_l, has_u = t.get("lower") is not None, t.get("upper") is not None
            if has_v and (has_l or has_u):
                err(f"{w}: target {y} has both value and range")
            elif has_v:
                if not is_dec(t["value"]): err(f"{w}: target {y} value {t['value']!r} not a decimal string")
            elif has_l or has_u:
                if not (has_l and has_u): err(f"{w}: target {y} range needs both lower and upper")
                elif not (is_dec(t["lower"]) and is_dec(t["upper"])): err(f"{w}: target {y} range bounds not decimal strings")
                elif Decimal(t["lower"]) > Decimal(t["upper"]): err(f"{w}: target {y} lower > upper")
            else:
                err(f"{w}: target {y} has neither value nor range")
    ds = i.get("data_source", "MISSING")
    if ds == "MISSING":
        err(f"{w}: data_source key missing (use null when deliberately absent)")
    elif ds is not None:
        if not isinstance(ds, dict) or ds.get("kind") not in SOURCE_KINDS:
            err(f"{w}: data_source kind {ds.get('kind') if isinstance(ds, dict) else ds!r} invalid")
        elif not ds.get("name"):
            err(f"{w}: data_source name empty")
    if i.get("responsible_agency") not in AGENCIES:
        err(f"{w}: responsible_agency {i.get('responsible_agency')!r} unknown")
    ki = i.get("key_indicator")
    if not isinstance(ki, bool): err(f"{w}: key_indicator must be boolean")
    elif ki and level not in ("region_goal", "region_objective", "agency_objective"):
        err(f"{w}: key_indicator only at goal/objective level, not {level}")
    s = i.get("spm_service")
    if s is not None:
        if s not in spm:
            err(f"{w}: spm_service {s!r} is not an exact service name from the SPM list")
        elif field is None or SPM_AREA_FIELD.get(spm[s]) != field:
            err(f"{w}: spm_service area '{spm[s]}' does not match field {field}")

def aligns(node, where):
    a = node.get("aligns_to")
    if not isinstance(a, list):
        err(f"{where}: aligns_to must be a list"); return []
    out = []
    for e in a:
        if not isinstance(e, dict) or not isinstance(e.get("code"), str):
            err(f"{where}: bad aligns_to entry {e!r}"); continue
        wgt = e.get("weight")
        if wgt is not None:
            if not is_dec(wgt): err(f"{where}: weight {wgt!r} not a decimal string")
            elif not Decimal(0) < Decimal(wgt) <= Decimal(100): err(f"{where}: weight {wgt} outside (0, 100]")
        out.append((e["code"], wgt))
    return out

def tokens(s):
    return {t for t in re.findall(r"[a-z]+", s.lower()) if len(t) > 3}

def main(argv):
    path = DEFAULT_JSON
    for a in argv[1:]:
        if not a.startswith("--"): path = a
    try:
        with open(path, encoding="utf-8") as f:
            d = json.load(f)
    except (OSError, ValueError) as e:
        print(f"FAIL: cannot read {path}: {e}"); return 1
    spm, spm_path = load_spm()

    if set(d) != {"demo_notes", "plan", "missions", "agencies"}:
        err(f"top-level keys must be demo_notes, plan, missions, agencies; got {sorted(d)}")
    notes = d.get("demo_notes") or []
    if not notes or not all(isinstance(n, str) and n for n in notes):
        err("demo_notes must be a non-empty list of strings")
    notes_text = "\n".join(n for n in notes if isinstance(n, str))

    plan = d.get("plan", {})
    if plan.get("kind") != "rpjmd": err("plan.kind must be rpjmd")
    if plan.get("first_year") != FIRST or plan.get("last_year") != LAST: err("plan years must be 2025-2029")
    if plan.get("vision") != "Kaltim Sukses Menuju Generasi Emas": err("plan.vision wrong")
    for k in ("title", "regulation_number"): need(plan, k, "plan")
    if not re.match(r"^\d{4}-\d{2}-\d{2}$", str(plan.get("regulation_date", ""))): err("plan.regulation_date must be YYYY-MM-DD")

    # ---- region tree
    missions = d.get("missions") or []
    if len(missions) != 6: err(f"expected exactly 6 missions, got {len(missions)}")
    region_goals, region_objs = {}, {}
    mcodes = set()
    for mi, m in enumerate(missions, 1):
        w = f"mission {m.get('code')}"
        if m.get("code") != f"M{mi}": err(f"{w}: code should be M{mi}")
        if m.get("code") in mcodes: err(f"{w}: duplicate code")
        mcodes.add(m.get("code")); need(m, "title", w)
        ac = aligns(m, w)
        if not ac: err(f"{w}: must align to at least one Asta Cita")
        for c, _ in ac:
            if c not in AC_CODES: err(f"{w}: aligns to unknown national priority {c}")
        goals = m.get("goals") or []
        if not 1 <= len(goals) <= 3: err(f"{w}: needs 1-3 goals, has {len(goals)}")
        for gi, g in enumerate(goals, 1):
            gc = g.get("code"); wg = f"goal {gc}"
            if gc != f"T{mi}.{gi}": err(f"{wg}: code should be T{mi}.{gi}")
            if gc in region_goals: err(f"{wg}: duplicate code")
            region_goals[gc] = g; need(g, "title", wg)
            for c, _ in aligns(g, wg):
                if c not in AC_CODES: err(f"{wg}: aligns to unknown national priority {c}")
            for i in g.get("indicators", []): check_indicator(i, wg, "region_goal", spm)
            objs = g.get("objectives") or []
            if not 1 <= len(objs) <= 3: err(f"{wg}: needs 1-3 objectives, has {len(objs)}")
            for oi, o in enumerate(objs, 1):
                oc = o.get("code"); wo = f"objective {oc}"
                if oc != f"S{mi}.{gi}.{oi}": err(f"{wo}: code should be S{mi}.{gi}.{oi}")
                if oc in region_objs: err(f"{wo}: duplicate code")
                region_objs[oc] = o; need(o, "title", wo)
                inds = o.get("indicators", [])
                if not inds: err(f"{wo}: needs at least one indicator")
                if not any(i.get("key_indicator") for i in inds): err(f"{wo}: no key indicator (IKU)")
                for i in inds: check_indicator(i, wo, "region_objective", spm)

    # ---- agencies
    agencies = d.get("agencies") or []
    seen_ag = [a.get("agency") for a in agencies]
    if sorted(seen_ag) != sorted(AGENCIES): err(f"agencies must be exactly {AGENCIES}; got {seen_ag}")
    incoming = {}           # region objective -> [(agency objective, weight)]
    unaligned_aobj = []
    aobj_target = {}        # (agency, code) -> [region objective]
    programs = []           # (agency, program, [agency objective codes])
    n_act = n_sub = 0
    for a in agencies:
        ag = a.get("agency"); wa = f"agency {ag}"
        key = str(ag).upper()
        fields = AGENCY_FIELDS.get(ag, set())
        goals = a.get("goals") or []
        if not 1 <= len(goals) <= 2: err(f"{wa}: needs 1-2 goals, has {len(goals)}")
        gcodes = set()
        for g in goals:
            gc = g.get("code"); wg = f"{wa} goal {gc}"
            if not re.match(rf"^TD-{re.escape(key)}-\d+$", str(gc)): err(f"{wg}: code must look like TD-{key}-n")
            if gc in gcodes: err(f"{wg}: duplicate code")
            gcodes.add(gc); need(g, "title", wg)
            al = aligns(g, wg)
            if not al: err(f"{wg}: agency goal must align to a region goal or objective")
            for c, _ in al:
                if c not in region_goals and c not in region_objs: err(f"{wg}: aligns to unknown region goal/objective {c}")
            for i in g.get("indicators", []): check_indicator(i, wg, "agency_goal", spm)
        objs = a.get("objectives") or []
        if not 2 <= len(objs) <= 3: err(f"{wa}: needs 2-3 objectives, has {len(objs)}")
        ocodes = set()
        for o in objs:
            oc = o.get("code"); wo = f"{wa} objective {oc}"
            if not re.match(rf"^SD-{re.escape(key)}-\d+\.\d+$", str(oc)): err(f"{wo}: code must look like SD-{key}-n.m")
            if oc in ocodes: err(f"{wo}: duplicate code")
            ocodes.add(oc); need(o, "title", wo)
            if o.get("goal") not in gcodes: err(f"{wo}: goal {o.get('goal')!r} is not a goal of {ag}")
            elif not str(oc).startswith(str(o.get("goal")).replace("TD-", "SD-", 1) + "."):
                err(f"{wo}: code does not match its goal {o.get('goal')}")
            al = aligns(o, wo)
            if not al: unaligned_aobj.append((ag, oc))
            aobj_target[(ag, oc)] = []
            for c, wgt in al:
                if c not in region_objs: err(f"{wo}: aligns to unknown region objective {c}"); continue
                incoming.setdefault(c, []).append((f"{ag}:{oc}", wgt))
                aobj_target[(ag, oc)].append(c)
            for i in o.get("indicators", []): check_indicator(i, wo, "agency_objective", spm)
        progs = a.get("programs") or []
        if not 2 <= len(progs) <= 4: err(f"{wa}: needs 2-4 programs, has {len(progs)}")
        pcodes = set()
        for p in progs:
            pc = str(p.get("code")); wp = f"{wa} program {pc}"
            if not PROG_RE.match(pc): err(f"{wp}: code does not match nomenclature pattern")
            if pc in pcodes: err(f"{wp}: duplicate code")
            pcodes.add(pc)
            field = pc[:4]
            if field != "X.XX":
                if field.endswith("00"): err(f"{wp}: field digits must not be 00")
                if field not in fields: err(f"{wp}: field {field} is not a field of {ag} ({sorted(fields)})")
            else:
                field = None
            title = need(p, "title", wp) or ""
            if not title.startswith("PROGRAM ") or title != title.upper(): err(f"{wp}: title must be the capitalised nomenclature name")
            if pc.startswith("X.XX") and title != "PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI":
                err(f"{wp}: X.XX.01 must be PROGRAM PENUNJANG URUSAN PEMERINTAHAN DAERAH PROVINSI")
            al = aligns(p, wp)
            for c, _ in al:
                if c not in ocodes: err(f"{wp}: aligns to {c}, not an objective of {ag}")
            programs.append((ag, p, [c for c, _ in al]))
            if not p.get("indicators"): err(f"{wp}: needs an outcome indicator")
            for i in p.get("indicators", []): check_indicator(i, wp, "program", spm, field)
            acts = p.get("activities") or []
            if not 1 <= len(acts) <= 3: err(f"{wp}: needs 1-3 activities, has {len(acts)}")
            acodes = set()
            for ac in acts:
                acc = str(ac.get("code")); wac = f"{wa} activity {acc}"
                n_act += 1
                if not (acc.startswith(pc) and ACT_SUFFIX.match(acc[len(pc):])): err(f"{wac}: code must be {pc} + .K.NN")
                elif acc[len(pc) + 1] != "1": err(f"{wac}: province-level activity must use K = 1")
                if acc in acodes: err(f"{wac}: duplicate code")
                acodes.add(acc); need(ac, "title", wac)
                for i in ac.get("indicators", []): check_indicator(i, wac, "activity", spm, field)
                subs = ac.get("sub_activities") or []
                if not 1 <= len(subs) <= 4: err(f"{wac}: needs 1-4 sub-activities, has {len(subs)}")
                scodes = set()
                for s in subs:
                    sc = str(s.get("code")); ws = f"{wa} sub-activity {sc}"
                    n_sub += 1
                    if not (sc.startswith(acc) and SUB_SUFFIX.match(sc[len(acc):])): err(f"{ws}: code must be {acc} + .NNNN")
                    if sc in scodes: err(f"{ws}: duplicate code")
                    scodes.add(sc); need(s, "title", ws)
                    for i in s.get("indicators", []): check_indicator(i, ws, "sub_activity", spm, field)

    # ---- indicator codes unique
    seen = {}
    for where, _, i in Stats.indicators:
        c = i.get("code")
        if c in seen: err(f"indicator code {c} used at {seen[c]} and {where}")
        seen[c] = where

    # ---- findings
    unaligned_progs = [(ag, p["code"]) for ag, p, al in programs if not al]
    reached = set()
    for ag, p, al in programs:
        for oc in al:
            reached.update(aobj_target.get((ag, oc), []))
    unreached = [c for c in region_objs if c not in reached]
    miss_base = [(w, i["code"]) for w, _, i in Stats.indicators if i.get("baseline_value") is None]
    miss_tgt = [(w, i["code"]) for w, _, i in Stats.indicators if not i.get("targets")]
    miss_src = [(w, i["code"]) for w, _, i in Stats.indicators if i.get("data_source") is None]
    weight_bad, weight_ok = [], []
    for c, links in sorted(incoming.items()):
        ws = [w for _, w in links if w is not None]
        if not ws: continue
        if len(ws) != len(links):
            err(f"region objective {c}: mixes weighted and unweighted incoming links {links}")
        total = sum(Decimal(w) for w in ws)
        (weight_ok if total == 100 else weight_bad).append((c, links, total))
    synergy = []
    for x in range(len(programs)):
        for y in range(x + 1, len(programs)):
            (a1, p1, _), (a2, p2, _) = programs[x], programs[y]
            if a1 == a2 or p1["code"].startswith("X.XX") or p2["code"].startswith("X.XX"):
                continue  # same agency, or the shared support program
            for i1 in p1["indicators"]:
                for i2 in p2["indicators"]:
                    t1, t2 = tokens(i1["name"]), tokens(i2["name"])
                    if t1 and t2 and len(t1 & t2) / len(t1 | t2) >= 0.6:
                        synergy.append((f"{a1}:{p1['code']}", f"{a2}:{p2['code']}", i1["name"], i2["name"]))

    n_ind = len(Stats.indicators)
    n_prog = len(programs)
    n_aobj = sum(len(a.get("goals", [])) + len(a.get("objectives", [])) for a in agencies)
    print(f"file: {path}")
    print(f"SPM list: {spm_path}")
    print(f"counts: missions={len(missions)} goals={len(region_goals)} objectives={len(region_objs)} "
          f"agencies={len(agencies)} agency_goals+objectives={n_aobj} programs={n_prog} "
          f"activities={n_act} sub_activities={n_sub} indicators={n_ind}")
    print("findings:")
    print(f"  unaligned programs: {unaligned_progs}")
    print(f"  agency objectives without link: {unaligned_aobj}")
    print(f"  region objectives reached by no program: {unreached}")
    print(f"  indicators missing baseline: {miss_base}")
    print(f"  indicators missing targets: {miss_tgt}")
    print(f"  indicators missing data source: {miss_src}")
    for a, b, n1, n2 in synergy:
        print(f"  synergy hint: {a} ~ {b}: '{n1}' / '{n2}'")
    for c, links, total in weight_ok:
        print(f"  weights into {c}: {links} sum {total} (ok)")
    for c, links, total in weight_bad:
        print(f"  weights into {c}: {links} sum {total} (NOT 100)")

    # ---- deliberate problems present, nothing else
    def expect(cond, msg):
        if not cond: err(msg)
    expect(len(unaligned_progs) == 2, f"expected exactly 2 unaligned programs, found {unaligned_progs}")
    expect(len(unaligned_aobj) == 1, f"expected exactly 1 agency objective without link, found {unaligned_aobj}")
    expect(len(unreached) == 1, f"expected exactly 1 region objective reached by no program, found {unreached}")
    expect(len(miss_base) == 2, f"expected exactly 2 indicators missing baseline, found {miss_base}")
    expect(len(miss_tgt) == 1, f"expected exactly 1 indicator missing targets, found {miss_tgt}")
    expect(len(miss_src) == 1, f"expected exactly 1 indicator missing data source, found {miss_src}")
    expect(len(synergy) >= 1, "expected at least one synergy hint (similar programs of different agencies)")
    expect(len(weight_bad) == 1 and len(weight_bad[0][1]) == 2,
           f"expected exactly 1 region objective with two weighted links not summing to 100, found {weight_bad}")
    expect(weight_ok, "expected some region objectives whose weights sum to exactly 100")
    mentioned = [c for _, c in unaligned_progs] + [c for _, c in unaligned_aobj] + unreached \
        + [c for _, c in miss_base + miss_tgt + miss_src] + [c for c, _, _ in weight_bad]
    for c in mentioned:
        expect(c in notes_text, f"demo_notes do not mention {c}")
    for a, b, _, _ in synergy[:1]:
        expect(a.split(":")[1] in notes_text and b.split(":")[1] in notes_text, f"demo_notes do not mention synergy pair {a} / {b}")
    region_unaligned_goals = [g for g in d.get("agencies", []) for x in g.get("goals", []) if not x.get("aligns_to")]
    expect(not region_unaligned_goals, "agency goals must all be aligned")
    spm_tagged = [i for _, _, i in Stats.indicators if i.get("spm_service")]
    expect(len(spm_tagged) >= 3, f"expected a few SPM-tagged indicators, found {len(spm_tagged)}")
    ranges = [i["code"] for _, _, i in Stats.indicators
              if sum(1 for t in i.get("targets", []) if "lower" in t) >= 2 and "ertumbuhan Ekonomi" in i.get("name", "")]
    expect(ranges, "economic growth indicator needs range targets for at least two years")

    # ---- size
    for name, n, lo, hi in (("programs", n_prog, 30, 40), ("activities", n_act, 60, 90),
                            ("sub-activities", n_sub, 150, 250), ("indicators", n_ind, 120, 250)):
        expect(lo <= n <= hi, f"{name}: {n} outside expected {lo}-{hi}")

    if errors:
        print(f"\nFAIL: {len(errors)} problem(s):")
        for e in errors:
            print(f"  - {e}")
        return 1
    print("\nOK: planning demo data is valid and contains the deliberate problems")
    return 0

if __name__ == "__main__":
    sys.exit(main(sys.argv))

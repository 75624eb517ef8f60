#!/usr/bin/python3
"""Independent reference (oracle) for the benchmark counts, computed in plain
Python from the peers' facts.jsonl, or with --nogood from the nogood corpus
(DATA_DIR/corpus/facts/*.jsonl), which must give the same counts. Prints
`name count` lines in the same canonical form the harness extracts from every
engine.

  ref.py [--nogood] tc   DATA_DIR
  ref.py [--nogood] shapes DATA_DIR
  ref.py [--nogood] news DATA_DIR
"""
import datetime
import glob
import json
import os
import sys
from collections import defaultdict

EXCLUSIVE = [("informant", "isis_leader"), ("civilian", "security_officer")]
ROLES = {"civilian", "security_officer", "informant", "isis_leader", "financier"}  # the only symbols


NOGOOD = False
DAY0 = datetime.date(2015, 1, 1)  # as in gen.py


def load(d):
    return load_nogood(d) if NOGOOD else load_peers(d)


def load_nogood(d):
    """Claims and background facts of the nogood corpus, as the peers' tuples (source number first,
    dates as day numbers); the entity and source records must cover every id used."""
    facts = defaultdict(list)
    entities, sources = set(), set()
    for path in sorted(glob.glob(os.path.join(d, "corpus", "facts", "*.jsonl"))):
        with open(path) as f:
            for line in f:
                o = json.loads(line)
                if "entity" in o:
                    entities.add(o["entity"]["id"])
                    continue
                if isinstance(o.get("source"), dict):
                    sources.add(o["source"]["id"])
                    continue
                args = []
                for a in o["args"]:
                    if isinstance(a, str) and len(a) == 10 and a[4] == "-" and a[7] == "-":
                        a = (datetime.date.fromisoformat(a) - DAY0).days
                    elif isinstance(a, str) and a not in entities and a not in ROLES:
                        sys.exit("undeclared entity %s in %s" % (a, path))
                    args.append(a)
                if "source" in o:
                    if o["source"] not in sources:
                        sys.exit("claim before its source record: %s" % line)
                    args.insert(0, int(o["source"][1:]))
                facts[o["pred"]].append(tuple(args))
    return {p: set(v) for p, v in facts.items()}


def load_peers(d):
    facts = defaultdict(list)
    with open(os.path.join(d, "facts.jsonl")) as f:
        for line in f:
            o = json.loads(line)
            t = tuple(o["args"]) if o["source"] is None else (o["source"],) + tuple(o["args"])
            facts[o["pred"]].append(t)
    return {p: set(v) for p, v in facts.items()}


def tc(d):
    f = load(d)
    succ = defaultdict(list)
    for x, y in f["edge"]:
        succ[x].append(y)
    total = 0
    for x in list(succ):
        seen = set()
        stack = list(succ[x])
        while stack:
            y = stack.pop()
            if y in seen:
                continue
            seen.add(y)
            stack.extend(succ.get(y, ()))
        total += len(seen)
    return {"path": total}


def shapes(d):
    """The closure when some flag pair is symmetric (and there are edges), else the edges alone."""
    f = load(d)
    flags = f.get("flag", set())
    symmetric = any(a < b and (b, a) in flags for a, b in flags)
    return tc(d) if symmetric and f.get("edge") else {"path": len(f.get("edge", ()))}


def pairs_by_event(rel):
    by = defaultdict(list)
    for s, e, v in rel:
        by[e].append((s, v))
    return by


def news(d):
    f = load(d)
    out = {}
    # in_org: closure of member_of through org_part_of
    up = defaultdict(set)
    for a, b in f.get("org_part_of", ()):
        up[a].add(b)
    anc_cache = {}

    def anc(o):  # o and all its ancestors
        if o not in anc_cache:
            res = {o}
            for p in up.get(o, ()):
                res |= anc(p)
            anc_cache[o] = res
        return anc_cache[o]

    in_org = set()
    for s, p, o in f.get("member_of", ()):
        for a in anc(o):
            in_org.add((s, p, a))
    out["in_org"] = len(in_org)
    by_sp = defaultdict(set)
    for s, p, o in in_org:
        by_sp[(s, p)].add(o)
    enemy = f.get("enemy", set())
    out["enemy_conflict"] = sum(1 for (s, p), orgs in by_sp.items()
                                for (a, b) in enemy if a in orgs and b in orgs)
    roles = defaultdict(set)
    for s, p, r in f.get("role", ()):
        roles[(s, p)].add(r)
    out["role_conflict"] = sum(1 for rs in roles.values() for a, b in EXCLUSIVE if a in rs and b in rs)

    def cross(rel, conflict):
        n = 0
        for e, lst in pairs_by_event(f.get(rel, ())).items():
            for s1, v1 in lst:
                for s2, v2 in lst:
                    if s1 < s2 and conflict(v1, v2):
                        n += 1
        return n

    out["place_conflict"] = cross("event_place", lambda a, b: a != b)
    out["date_conflict"] = cross("event_date", lambda a, b: abs(a - b) > 1)
    out["casualty_conflict"] = cross("casualties", lambda a, b: 5 * abs(a - b) > max(a, b))
    has_member = {(s, p) for s, p, o in f.get("member_of", ())}
    out["secoff_no_org"] = sum(1 for (s, p, r) in f.get("role", ())
                               if r == "security_officer" and (s, p) not in has_member)
    return out


def main():
    global NOGOOD
    argv = sys.argv[1:]
    if argv and argv[0] == "--nogood":
        NOGOOD = True
        argv = argv[1:]
    w, d = argv
    res = {"tc": tc, "shapes": shapes, "news": news}[w](d)
    for k in sorted(res):
        print(k, res[k])


if __name__ == "__main__":
    main()

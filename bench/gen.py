#!/usr/bin/python3
"""Deterministic data generator for the benchmarks: one seed, the same facts for nogood and every peer.

The generation itself is the peers' generator unchanged (same seed, same facts, same counts as
the peers' published results); the nogood corpus is one more output format.

Workloads
  tc    : random directed graph edge(X,Y), N nodes, E distinct edges, no self loops.
  news  : synthetic multi-source news corpus (see README.md for the schema).
  shapes: the tc graph and flag(A,B) facts, only one pair of them symmetric: rules whose parts
          share no variable with the recursion (see README.md).

Output (into --out DIR; --formats picks a subset, default all):
  souffle/<pred>.facts   tab-separated, one file per predicate (Souffle -F DIR)
  facts.lp               `pred(a,b,c).` facts, grouped per predicate
                         (read by both clingo and SWI-Prolog)
  clips.facts            `(pred a b c)` one per line, for CLIPS (load-facts)
  facts.jsonl            {"source": S|null, "pred": P, "args": [...]}
                         the source id is NOT repeated inside args; global
                         facts (edge, org_part_of, enemy) have "source": null
  corpus/                the nogood corpus: rules/<workload>.rules (copied from bench/rules/) and
                         facts/<workload>.jsonl in nogood's bulk JSON Lines form: entity records,
                         background facts (no source), then each source's record followed by
                         its claims. Sources are "s<N>", dates "YYYY-MM-DD" (day 0 = DAY0).
  meta.json              parameters, per-predicate fact counts, planted-error counts

Usage
  gen.py tc   --nodes 500 --edges 1000 --seed 1 --out data/tc-small
  gen.py shapes --nodes 500 --edges 1000 --flags 3000 --seed 1 --out data/shapes-small
  gen.py news --sources 1000 --seed 1 --out data/news-1k
"""
import argparse
import datetime
import json
import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# nogood dates: generated day numbers count from here (they may be a few days negative).
DAY0 = datetime.date(2015, 1, 1)
LANGUAGES = ["en", "ar", "he"]

ROLES = ["civilian", "security_officer", "informant", "isis_leader", "financier"]
ROLE_WEIGHTS = [40, 20, 10, 10, 20]
# exclusive role pairs (declared order is the order used in conflict tuples)
EXCLUSIVE = [("informant", "isis_leader"), ("civilian", "security_officer")]
PARTNER = {}
for a, b in EXCLUSIVE:
    PARTNER[a] = b
    PARTNER[b] = a

# Predicates per workload: name -> (has_source_column, arity incl. source column)
TC_PREDS = {"edge": (False, 2)}
SHAPES_PREDS = {"edge": (False, 2), "flag": (False, 2)}
NEWS_PREDS = {
    "role": (True, 3),
    "event_place": (True, 3),
    "event_date": (True, 3),
    "casualties": (True, 3),
    "member_of": (True, 3),
    "org_part_of": (False, 2),
    "enemy": (False, 2),
}


def gen_tc(args):
    rng = random.Random(args.seed)
    n, e = args.nodes, args.edges
    if e > n * (n - 1):
        sys.exit("too many edges")
    seen = set()
    edges = []
    while len(edges) < e:
        x = rng.randrange(n)
        y = rng.randrange(n)
        if x == y or (x, y) in seen:
            continue
        seen.add((x, y))
        edges.append((x, y))
    facts = {"edge": edges}
    meta = {"workload": "tc", "nodes": n, "edges": e, "seed": args.seed}
    return facts, TC_PREDS, meta


def gen_shapes(args):
    facts, _, meta = gen_tc(args)
    # (i, i + F) for each i has no partner (F, 0), ... ; the one symmetric pair is the last.
    f = args.flags
    flags = [(i, i + f) for i in range(f)] + [(3 * f + 1, 3 * f), (3 * f, 3 * f + 1)]
    facts["flag"] = flags
    meta.update({"workload": "shapes", "flags": f})
    return facts, SHAPES_PREDS, meta


def gen_news(args):
    rng = random.Random(args.seed)
    S = args.sources
    ev_per_src, src_per_ev = args.events_per_source, args.sources_per_event
    ppl_per_src, src_per_person = args.people_per_source, args.sources_per_person
    NE = max(ev_per_src * 2, round(S * ev_per_src / src_per_ev))
    NP = max(ppl_per_src * 2, round(S * ppl_per_src / src_per_person))
    NPL = max(30, S // 20)
    NORG = 60 + S // 50
    NROOT = 12
    p_err = args.error_rate

    # ---- organisation hierarchy (a forest of NROOT trees; some DAG edges inside a tree)
    parent = {}
    depth = [0] * NORG
    root_of = list(range(NORG))
    part_of = []
    for k in range(NROOT, NORG):
        while True:
            p = rng.randrange(k)
            if depth[p] < 5:
                break
        depth[k] = depth[p] + 1
        root_of[k] = root_of[p]
        parent[k] = p
        part_of.append((k, p))
        # occasional second parent in the same tree (DAG), never an own descendant
        if rng.random() < 0.1:
            cands = [q for q in range(k) if root_of[q] == root_of[k] and q != p and depth[q] < 5]
            if cands:
                part_of.append((k, rng.choice(cands)))
    # enemies: between roots of different trees, plus some depth-1 orgs of different trees
    enemy_set = set()
    for i in range(NROOT):
        for j in range(i + 1, NROOT):
            if rng.random() < 0.3:
                enemy_set.add((i, j))
    for i in range(NROOT):
        if not any(i in pr for pr in enemy_set):
            j = (i + 1 + rng.randrange(NROOT - 1)) % NROOT
            enemy_set.add((min(i, j), max(i, j)))
    d1 = [o for o in range(NORG) if depth[o] == 1]
    for _ in range(max(1, NORG // 10)):
        a, b = rng.choice(d1), rng.choice(d1)
        if root_of[a] != root_of[b]:
            enemy_set.add((a, b))
    enemy_roots = {r: set() for r in range(NROOT)}
    for a, b in enemy_set:
        ra, rb = root_of[a], root_of[b]
        enemy_roots[ra].add(rb)
        enemy_roots[rb].add(ra)
    orgs_by_root = {r: [o for o in range(NORG) if root_of[o] == r and o >= NROOT] for r in range(NROOT)}
    non_root = list(range(NROOT, NORG))

    # ---- ground truth
    ev_place = [rng.randrange(NPL) for _ in range(NE)]
    ev_date = [rng.randrange(3650) for _ in range(NE)]
    ev_cas = [1 + int(rng.expovariate(1 / 25.0)) for _ in range(NE)]
    p_role = rng.choices(ROLES, weights=ROLE_WEIGHTS, k=NP)
    p_org = [rng.choice(non_root) for _ in range(NP)]

    role, ev_pl, ev_dt, cas, mem = [], [], [], [], []
    planted = {k: 0 for k in ["place", "date", "casualties", "role", "enemy_member", "no_member"]}
    for s in range(1, S + 1):
        for e in rng.sample(range(NE), ev_per_src):
            ename = "e%d" % e
            if rng.random() < 0.95:
                pl = ev_place[e]
                if rng.random() < p_err:
                    pl = (pl + 1 + rng.randrange(NPL - 1)) % NPL
                    planted["place"] += 1
                ev_pl.append((s, ename, "pl%d" % pl))
            if rng.random() < 0.9:
                d = ev_date[e]
                r = rng.random()
                if r < p_err:
                    d += rng.choice([-1, 1]) * rng.randint(2, 30)
                    planted["date"] += 1
                elif r < 3 * p_err:
                    d += rng.choice([-1, 1])  # benign off-by-one
                ev_dt.append((s, ename, d))
            if rng.random() < 0.8:
                t = ev_cas[e]
                if rng.random() < p_err:
                    f = rng.uniform(1.5, 3.0)
                    n = round(t * f) if rng.random() < 0.5 else int(t / f)
                    planted["casualties"] += 1
                else:
                    n = t + rng.randint(-(t // 10), t // 10)  # benign noise, never >20%
                cas.append((s, ename, n))
        for p in rng.sample(range(NP), ppl_per_src):
            pname = "p%d" % p
            r0 = p_role[p]
            role.append((s, pname, r0))
            x = rng.random()
            if x < p_err / 2 and r0 in PARTNER:
                role.append((s, pname, PARTNER[r0]))
                planted["role"] += 1
            elif x < 2 * p_err and r0 != "financier":
                role.append((s, pname, "financier"))  # benign extra role
            if rng.random() < 0.9:
                o = p_org[p]
                mem.append((s, pname, "o%d" % o))
                if rng.random() < 0.08:  # benign second membership in the same tree
                    o2 = rng.choice(orgs_by_root[root_of[o]])
                    if o2 != o:
                        mem.append((s, pname, "o%d" % o2))
                if rng.random() < p_err / 2:  # planted: membership in an enemy tree
                    er = rng.choice(sorted(enemy_roots[root_of[o]]))
                    cands = orgs_by_root[er] or [er]
                    mem.append((s, pname, "o%d" % rng.choice(cands)))
                    planted["enemy_member"] += 1
            else:
                planted["no_member"] += 1

    facts = {
        "role": role,
        "event_place": ev_pl,
        "event_date": ev_dt,
        "casualties": cas,
        "member_of": mem,
        "org_part_of": [("o%d" % a, "o%d" % b) for a, b in part_of],
        "enemy": sorted(("o%d" % a, "o%d" % b) for a, b in enemy_set),
    }
    meta = {
        "workload": "news", "sources": S, "seed": args.seed, "events": NE, "people": NP,
        "places": NPL, "orgs": NORG, "roots": NROOT, "error_rate": p_err,
        "events_per_source": ev_per_src, "people_per_source": ppl_per_src,
        "planted": planted,
    }
    return facts, NEWS_PREDS, meta


def lp_term(v):
    return str(v)  # all symbols are lower-case identifiers, all numbers ints


# Entity type of each entity argument, per predicate (the source column not counted); the other
# arguments are symbols (role), ints (casualties, edge) or dates (event_date).
ENTITY_ARGS = {
    "role": {0: "person"},
    "event_place": {0: "event", 1: "place"},
    "event_date": {0: "event"},
    "casualties": {0: "event"},
    "member_of": {0: "person", 1: "organisation"},
    "org_part_of": {0: "organisation", 1: "organisation"},
    "enemy": {0: "organisation", 1: "organisation"},
}
DATE_ARGS = {"event_date": 1}


def nogood_args(pred, args):
    i = DATE_ARGS.get(pred)
    if i is None:
        return list(args)
    args = list(args)
    args[i] = (DAY0 + datetime.timedelta(days=args[i])).isoformat()
    return args


def line(obj):
    return json.dumps(obj, separators=(",", ":")) + "\n"


def write_nogood(facts, preds, meta, out):
    """The same facts as a nogood corpus: DIR/corpus/{rules,facts}."""
    workload = meta["workload"]
    rules_dir = os.path.join(out, "corpus", "rules")
    facts_dir = os.path.join(out, "corpus", "facts")
    os.makedirs(rules_dir, exist_ok=True)
    os.makedirs(facts_dir, exist_ok=True)
    shutil.copyfile(os.path.join(HERE, "rules", workload + ".rules"), os.path.join(rules_dir, workload + ".rules"))

    # Every entity id a fact uses is declared once, before any fact.
    entities = {}
    for p in preds:
        has_src = preds[p][0]
        for i, typ in ENTITY_ARGS.get(p, {}).items():
            for t in facts[p]:
                entities.setdefault(t[i + 1 if has_src else i], typ)
    order = {"organisation": 0, "place": 1, "event": 2, "person": 3}

    def entity_key(kv):
        eid, typ = kv
        return (order[typ], int(eid.lstrip("abcdefghijklmnopqrstuvwxyz")))

    claims = {}  # source number -> its claims, in generation order
    with open(os.path.join(facts_dir, workload + ".jsonl"), "w") as f:
        f.write("".join(line({"entity": {"id": eid, "type": typ}})
                        for eid, typ in sorted(entities.items(), key=entity_key)))
        for p in preds:
            if preds[p][0]:
                for t in facts[p]:
                    claims.setdefault(t[0], []).append(
                        {"pred": p, "source": "s%d" % t[0], "args": nogood_args(p, t[1:])})
            else:
                f.write("".join(line({"pred": p, "args": nogood_args(p, t)}) for t in facts[p]))
        for s in sorted(claims):
            f.write(line({"source": {"id": "s%d" % s, "outlet": "Outlet %d" % s,
                                     "language": LANGUAGES[s % len(LANGUAGES)]}}))
            f.write("".join(line(c) for c in claims[s]))
    meta["nogood"] = {"entities": len(entities), "sources": len(claims)}


def write_all(facts, preds, meta, out, formats):
    os.makedirs(out, exist_ok=True)
    meta["fact_counts"] = {p: len(facts[p]) for p in preds}
    meta["total_facts"] = sum(meta["fact_counts"].values())
    if "souffle" in formats:
        d = os.path.join(out, "souffle")
        os.makedirs(d, exist_ok=True)
        for p in preds:
            with open(os.path.join(d, p + ".facts"), "w") as f:
                f.write("".join("\t".join(map(str, t)) + "\n" for t in facts[p]))
    if "lp" in formats:
        with open(os.path.join(out, "facts.lp"), "w") as f:
            for p in preds:
                f.write("".join("%s(%s).\n" % (p, ",".join(map(lp_term, t))) for t in facts[p]))
    if "clips" in formats:
        with open(os.path.join(out, "clips.facts"), "w") as f:
            for p in preds:
                f.write("".join("(%s %s)\n" % (p, " ".join(map(str, t))) for t in facts[p]))
    if "jsonl" in formats:
        with open(os.path.join(out, "facts.jsonl"), "w") as f:
            for p in preds:
                has_src = preds[p][0]
                for t in facts[p]:
                    if has_src:
                        obj = {"source": t[0], "pred": p, "args": list(t[1:])}
                    else:
                        obj = {"source": None, "pred": p, "args": list(t)}
                    f.write(json.dumps(obj, separators=(",", ":")) + "\n")
    if "nogood" in formats:
        write_nogood(facts, preds, meta, out)
    with open(os.path.join(out, "meta.json"), "w") as f:
        json.dump(meta, f, indent=1)
        f.write("\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="workload", required=True)
    t = sub.add_parser("tc")
    t.add_argument("--nodes", type=int, required=True)
    t.add_argument("--edges", type=int, required=True)
    g = sub.add_parser("shapes")
    g.add_argument("--nodes", type=int, required=True)
    g.add_argument("--edges", type=int, required=True)
    g.add_argument("--flags", type=int, required=True)
    n = sub.add_parser("news")
    n.add_argument("--sources", type=int, required=True)
    n.add_argument("--events-per-source", type=int, default=9)
    n.add_argument("--sources-per-event", type=int, default=12)
    n.add_argument("--people-per-source", type=int, default=12)
    n.add_argument("--sources-per-person", type=int, default=10)
    n.add_argument("--error-rate", type=float, default=0.03)
    for p in (t, g, n):
        p.add_argument("--seed", type=int, default=1)
        p.add_argument("--out", required=True)
        p.add_argument("--formats", default="souffle,lp,clips,jsonl,nogood",
                       help="comma list of souffle,lp,clips,jsonl,nogood")
    args = ap.parse_args()
    formats = set(args.formats.split(","))
    if args.workload == "tc":
        facts, preds, meta = gen_tc(args)
    elif args.workload == "shapes":
        facts, preds, meta = gen_shapes(args)
    else:
        facts, preds, meta = gen_news(args)
    write_all(facts, preds, meta, args.out, formats)
    print(json.dumps({"out": args.out, "total_facts": meta["total_facts"],
                      "fact_counts": meta["fact_counts"]}))


if __name__ == "__main__":
    main()

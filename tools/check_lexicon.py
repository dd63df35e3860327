#!/usr/bin/env python3
"""Check the mskg reference lexicon (data/lexicon/muscles.tsv, anatomy_terms.tsv).

Usage: python3 tools/check_lexicon.py [LEXICON_DIR]      (default: data/lexicon)

Errors (exit status 1):
  * wrong column count, missing/unknown header, empty name, unknown type
  * duplicate canonical name (same type)
  * an alias shared by two entities of the same type, or equal to another
    same-type entity's canonical name (compared case-insensitively)
  * muscles.tsv part_of/antagonists naming no muscle row; origin/insertion,
    actions, innervation, blood_supply naming no Structure/Action/Nerve/Vessel
Warnings: the same surface form used by entities of different types (also
against clinical_terms.tsv and the generated ontology_*.tsv when present), canonical names with upper case
letters that are not abbreviation-like, a muscle listing two opposite actions.
Python 3 standard library only.
"""
import os
import re
import sys
from collections import defaultdict

MUSCLE_COLS = ["name", "aliases", "part_of", "origin", "insertion", "actions",
               "innervation", "blood_supply", "antagonists"]
TERM_COLS = ["type", "name", "aliases"]
TERM_TYPES = {"Structure", "Action", "Condition", "Cause", "Symptom",
              "Treatment", "Test", "Nerve", "Vessel"}
REF_COLS = {"origin": "Structure", "insertion": "Structure", "actions": "Action",
            "innervation": "Nerve", "blood_supply": "Vessel"}
OPPOSITES = [("flexion", "extension"), ("abduction", "adduction"),
             ("internal rotation", "external rotation"), ("pronation", "supination"),
             ("dorsiflexion", "plantarflexion"), ("inversion", "eversion"),
             ("protraction", "retraction"), ("elevation", "depression"),
             ("upward rotation", "downward rotation"),
             ("radial deviation", "ulnar deviation"), ("intorsion", "extorsion")]

errors, warnings = [], []


def err(where, msg):
    errors.append("%s: %s" % (where, msg))


def warn(where, msg):
    warnings.append("%s: %s" % (where, msg))


def split(field):
    return [v.strip() for v in field.split("|") if v.strip()]


def read_tsv(path, expected):
    """Yield (where, dict) for each data row; report format errors."""
    rows, header = [], None
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            line = line.rstrip("\n").rstrip("\r")
            where = "%s:%d" % (os.path.basename(path), n)
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if expected and header != expected:
                    err(where, "header %r, expected %r" % (header, expected))
                continue
            if len(cells) != len(header):
                err(where, "%d columns, expected %d" % (len(cells), len(header)))
                continue
            row = dict(zip(header, cells))
            if not row.get("name", "").strip():
                err(where, "empty name")
                continue
            if row["name"] != row["name"].strip():
                err(where, "name has surrounding spaces: %r" % row["name"])
            rows.append((where, row))
    return rows


def check_case(where, name):
    # lower case unless a token looks like an abbreviation/proper noun (digit,
    # all caps, or capitalised word such as Achilles).
    for tok in re.split(r"[\s\-/]+", name):
        if tok != tok.lower() and not (tok.isupper() or any(c.isdigit() for c in tok)
                                       or tok[:1].isupper() and tok[1:].islower()):
            warn(where, "canonical name not lower case: %r" % name)
            return


def main():
    d = sys.argv[1] if len(sys.argv) > 1 else os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "data", "lexicon")
    mpath, tpath = os.path.join(d, "muscles.tsv"), os.path.join(d, "anatomy_terms.tsv")
    for p in (mpath, tpath):
        if not os.path.exists(p):
            sys.exit("check_lexicon: missing %s" % p)
    muscles = read_tsv(mpath, MUSCLE_COLS)
    terms = read_tsv(tpath, TERM_COLS)
    cpath = os.path.join(d, "clinical_terms.tsv")
    clinical = read_tsv(cpath, TERM_COLS) if os.path.exists(cpath) else []
    # Generated files (tools/import_vocabularies.py): terms schema plus an
    # ids column; they may name Muscle rows, and a row named as one of ours
    # adds aliases to it.
    generated = []
    for fname in sorted(os.listdir(d)):
        if fname.endswith(".tsv") and fname.startswith("ontology_"):
            generated += read_tsv(os.path.join(d, fname), TERM_COLS + ["ids"])

    entities = []  # (type, name, aliases, where, own)
    for where, r in muscles:
        entities.append(("Muscle", r["name"], split(r["aliases"]), where, True))
    for where, r in terms:
        if r["type"] not in TERM_TYPES:
            err(where, "unknown type %r" % r["type"])
            continue
        entities.append((r["type"], r["name"], split(r["aliases"]), where, True))
    for where, r in clinical:
        if r["type"] in TERM_TYPES:
            entities.append((r["type"], r["name"], split(r["aliases"]), where, False))
    for where, r in generated:
        if r["type"] not in TERM_TYPES | {"Muscle"}:
            err(where, "unknown type %r" % r["type"])
            continue
        entities.append((r["type"], r["name"], split(r["aliases"]), where, False))

    names = defaultdict(set)          # type -> canonical names
    forms = defaultdict(list)         # lower-case surface form -> [(type, name, where, own)]
    for typ, name, aliases, where, own in entities:
        if own:
            check_case(where, name)
            if name in names[typ]:
                err(where, "duplicate %s %r" % (typ, name))
        names[typ].add(name)
        for form in [name] + aliases:
            forms[form.lower()].append((typ, name, where, own))

    for form, uses in sorted(forms.items()):
        ents = {(t, n) for t, n, _, _ in uses}
        if len(ents) < 2:
            continue
        if not any(own for _, _, _, own in uses):
            continue
        by_type = defaultdict(set)
        for t, n in ents:
            by_type[t].add(n)
        where = ", ".join(sorted({w for _, _, w, _ in uses}))
        for t, ns in by_type.items():
            if len(ns) > 1:
                own_t = any(own for tt, _, _, own in uses if tt == t)
                (err if own_t else warn)(where, "%r names %d %s entities: %s"
                                         % (form, len(ns), t, ", ".join(sorted(ns))))
        if len(by_type) > 1:
            warn(where, "%r used across types: %s" % (form, "; ".join(
                "%s %s" % (t, "/".join(sorted(ns))) for t, ns in sorted(by_type.items()))))

    mnames = names["Muscle"]
    groups = set()                    # rows named in some part_of
    anatomy = {r["name"] for _, r in muscles if r["origin"].strip()}
    for where, r in muscles:
        for col in ("part_of", "antagonists"):
            for v in split(r[col]):
                if v not in mnames:
                    err(where, "%s %r is not a row of muscles.tsv" % (col, v))
                if col == "part_of":
                    groups.add(v)
                if v == r["name"]:
                    err(where, "%s names the muscle itself" % col)
        for col, typ in REF_COLS.items():
            for v in split(r[col]):
                if v not in names[typ]:
                    err(where, "%s %r is not a %s row of anatomy_terms.tsv" % (col, v, typ))
        acts = set(split(r["actions"]))
        for a in acts:
            for x, y in OPPOSITES:
                if a.endswith(" " + x) and a[: -len(x)] + y in acts:
                    warn(where, "%r lists opposite actions %r and %r" % (r["name"], a, a[: -len(x)] + y))

    counts = defaultdict(int)
    for where, r in terms:
        counts[r["type"]] += 1
    # a group is a row others are part_of and that has no origin of its own;
    # a muscle with parts (trapezius, erector spinae) counts as a muscle.
    real_groups = (groups & mnames) - anatomy
    print("muscles.tsv: %d rows (%d groups, %d muscles, %d of them with parts)" % (
        len(muscles), len(real_groups), len({r["name"] for _, r in muscles} - real_groups), len((groups & mnames) & anatomy)))
    print("anatomy_terms.tsv: " + ", ".join("%s %d" % (t, counts[t]) for t in sorted(counts)))
    if generated:
        print("ontology_*.tsv: %d generated rows" % len(generated))
    for w in warnings:
        print("warning: " + w)
    for e in errors:
        print("error: " + e)
    print("%d error(s), %d warning(s)" % (len(errors), len(warnings)))
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()

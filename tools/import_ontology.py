#!/usr/bin/env python3
"""Compare the mskg lexicon with the open anatomy slice (Uberon + colloquial aliases).

Usage:
  python3 tools/import_ontology.py [ONTOLOGY_DIR] [--lexicon DIR] [--merge] [--all-taxa]

ONTOLOGY_DIR (default /work/shared/ontology) must hold terms.tsv, synonyms.tsv,
relations.tsv and colloquial_aliases.tsv.  DIR defaults to data/lexicon.

Without --merge: prints, in our TSV formats, candidate rows for human (FMA
cross-referenced) Muscle/Structure/Nerve/Vessel classes that no lexicon row
names, each preceded by a comment with its Uberon id, then a list of exact
synonyms and colloquial aliases missing from rows we already have.  Candidate
muscle rows carry origin/insertion/innervation/antagonists from relations.tsv
under Uberon's names (or ours when matched); actions and groups must be filled
in by hand and the result run through tools/check_lexicon.py.  Nothing is
written.  Definition text is never copied.

With --merge: adds those missing exact synonyms (scope EXACT or the human
preferred name, not Latin) and colloquial aliases to the aliases column of the
matching rows of muscles.tsv / anatomy_terms.tsv in place, skipping any form
another entity already uses.  Files changed this way carry data from Uberon
(CC BY 3.0): keep the attribution comment in their header.
"""
import os
import sys
from collections import defaultdict

NEEDED = ("terms.tsv", "synonyms.tsv", "relations.tsv", "colloquial_aliases.tsv")
TYPES = {"Muscle", "Structure", "Nerve", "Vessel"}


def rows(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            yield dict(zip(header, line.rstrip("\n").split("\t")))


def norm(s):
    s = s.strip().lower()
    for suffix in (" muscle", " (human)"):
        if s.endswith(suffix) and len(s) > len(suffix) + 2:
            s = s[: -len(suffix)]
    return s


class Lexicon:
    """Our two files, kept as lines so --merge can rewrite them in place."""

    def __init__(self, d):
        self.files = {}     # path -> list of lines
        self.rows = {}      # (type, name) -> (path, line index, alias column)
        self.forms = defaultdict(set)   # normalised form -> {(type, name)}
        for fname, typed in (("muscles.tsv", False), ("anatomy_terms.tsv", True)):
            path = os.path.join(d, fname)
            if not os.path.exists(path):
                sys.exit("import_ontology: lexicon file %s not found" % path)
            lines = open(path, encoding="utf-8").read().split("\n")
            self.files[path] = lines
            header = None
            for i, line in enumerate(lines):
                if not line.strip() or line.startswith("#"):
                    continue
                cells = line.split("\t")
                if header is None:
                    header = cells
                    continue
                typ, name = (cells[0], cells[1]) if typed else ("Muscle", cells[0])
                col = header.index("aliases")
                key = (typ, name)
                self.rows[key] = (path, i, col)
                for form in [name] + [a for a in cells[col].split("|") if a]:
                    self.forms[norm(form)].add(key)

    def find(self, typ, forms):
        for f in forms:
            for key in self.forms.get(norm(f), ()):
                if key[0] == typ:
                    return key
        return None

    def add_alias(self, key, alias):
        path, i, col = self.rows[key]
        cells = self.files[path][i].split("\t")
        cells[col] = "|".join([a for a in cells[col].split("|") if a] + [alias])
        self.files[path][i] = "\t".join(cells)
        self.forms[norm(alias)].add(key)

    def save(self):
        for path, lines in self.files.items():
            with open(path, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))


def main():
    args = sys.argv[1:]
    merge, all_taxa = "--merge" in args, "--all-taxa" in args
    lexdir = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "data", "lexicon")
    if "--lexicon" in args:
        lexdir = args[args.index("--lexicon") + 1]
        args.remove(lexdir)
    pos = [a for a in args if not a.startswith("--")]
    odir = pos[0] if pos else "/work/shared/ontology"
    missing = [n for n in NEEDED if not os.path.exists(os.path.join(odir, n))]
    if missing:
        sys.exit("import_ontology: %s lacks %s (pass the ontology folder as first argument)"
                 % (odir, ", ".join(missing)))
    lex = Lexicon(lexdir)

    terms = {r["id"]: r for r in rows(os.path.join(odir, "terms.tsv"))
             if r.get("type") in TYPES and r.get("role") != "ancestor"
             and (all_taxa or r.get("fma"))}
    exact = defaultdict(list)   # id -> exact, non-Latin surface forms
    for r in rows(os.path.join(odir, "synonyms.tsv")):
        if r["id"] in terms and (r["scope"] in ("LABEL", "EXACT")) and r.get("synonym_type") != "LATIN":
            exact[r["id"]].append(r["synonym"])
    rels = defaultdict(lambda: defaultdict(list))
    for r in rows(os.path.join(odir, "relations.tsv")):
        rels[r["subject_id"]][r["relation"]].append(r["object_id"])

    matched = {}                 # uberon id -> our (type, name)
    for tid, t in terms.items():
        forms = [t["name"], t.get("human_name", "")] + exact[tid]
        key = lex.find(t["type"], [f for f in forms if f])
        if key:
            matched[tid] = key

    def ours(oid):
        if oid in matched:
            return matched[oid][1]
        return norm(terms[oid]["name"]) if oid in terms else None

    additions = []               # (key, alias, source)
    for tid, key in matched.items():
        for syn in exact[tid] + [terms[tid].get("human_name", "")]:
            if syn and norm(syn) not in lex.forms and norm(syn) != norm(key[1]):
                additions.append((key, syn.strip(), tid))
    for r in rows(os.path.join(odir, "colloquial_aliases.tsv")):
        typ = r.get("target_type") or "Muscle"
        key = matched.get(r.get("target_id")) or lex.find(typ, [r.get("target_name", "")])
        if key and norm(r["alias"]) not in lex.forms:
            additions.append((key, r["alias"], "colloquial_aliases.tsv"))

    if merge:
        done = 0
        for key, alias, src in additions:
            if norm(alias) in lex.forms:      # taken meanwhile (or by another entity)
                continue
            lex.add_alias(key, alias)
            done += 1
        lex.save()
        print("import_ontology: added %d aliases; run tools/check_lexicon.py" % done)
        return

    print("# candidate rows from %s (not in the lexicon); fill actions/groups by hand" % odir)
    for typ in ("Muscle", "Structure", "Nerve", "Vessel"):
        print("# ---- %s ----" % typ)
        for tid, t in sorted(terms.items(), key=lambda kv: kv[1]["name"]):
            if t["type"] != typ or tid in matched:
                continue
            name = norm(t.get("human_name") or t["name"])
            aliases = sorted({s for s in exact[tid] if norm(s) != name})
            print("# %s%s" % (tid, " (group)" if t.get("subtype") == "muscle_group" else ""))
            if typ == "Muscle":
                rel = rels[tid]
                col = lambda r: "|".join(sorted({n for n in map(ours, rel[r]) if n}))
                print("\t".join([name, "|".join(aliases), "", col("ORIGINATES_FROM"),
                                 col("INSERTS_ON"), "", col("INNERVATED_BY"),
                                 col("SUPPLIED_BY"), col("ANTAGONIST_OF")]))
            else:
                print("\t".join([typ, name, "|".join(aliases)]))
    print("# ---- aliases missing from existing rows (add with --merge) ----")
    for key, alias, src in sorted(set(additions)):
        print("# %s %r += %r  (%s)" % (key[0], key[1], alias, src))


if __name__ == "__main__":
    main()

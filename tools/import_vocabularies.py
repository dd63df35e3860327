#!/usr/bin/env python3
"""Generate the lexicon's open-vocabulary files from the shared ontology slices.

Usage:
  python3 tools/import_vocabularies.py [--ontology DIR] [--lexicon DIR] [--words FILE]

Writes, into the lexicon directory (default data/lexicon):
  ontology_clinical.tsv  Condition / Symptom / Treatment / Test names from
                         DOID, SYMP, HPO and MAxO (DIR/clinical/clinical_terms.tsv
                         and clinical_synonyms.tsv): each term's label and its
                         EXACT synonyms, typed as the slice types them.
  ontology_anatomy.tsv   Muscle / Structure / Nerve / Vessel names from Uberon
                         (DIR/terms.tsv, synonyms.tsv: human classes, i.e. with
                         an FMA cross-reference, not mere ancestors; label,
                         human-preferred name and EXACT synonyms), HRA
                         partonomy names that have no Uberon class in the
                         slice, and the hand-curated DIR/colloquial_aliases.tsv.
DIR defaults to ../shared/ontology beside the checkout.  Only names and
synonyms are read; definitions never.

Both files use the terms schema (type, name, aliases) plus an `ids` column
(the source CURIEs; the lexicon loader ignores it).  A term that an existing
hand-written row of the same type already names (by its label or an exact
synonym) is written under that row's name, so the loader merges its new
synonyms into the row; ontology_anatomy.tsv adds no new synonyms to existing
anatomy rows except the colloquial aliases.  Terms of one type that share a
surface form become one row.

Surface forms left out, so that running text does not match them by accident:
  * forms of one or two characters;
  * one-word forms that are ordinary English words -- listed in the word list
    (--words, default /usr/share/dict/words, Debian package wamerican) --
    unless they have a medical word ending (-itis, -osis, -algia, -pathy,
    -plegia, -therapy, -ectomy ...) or are in MEDICAL_WORDS below;
  * forms with a misspelt word: one not in the word list that occurs in only
    one source name and is one edit away from a word that is in the list or
    in two or more source names ("arthoplasty");
  * forms another entity of a different type uses (a hand row, or another
    ontology term), and forms a hand row of the same type already has;
  * for the clinical file, RELATED / NARROW / BROAD synonyms.
Stdout: counts per source.  Python 3 standard library only.
"""
import argparse
import os
import re
import sys
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
HAND_FILES = (("muscles.tsv", "Muscle"), ("anatomy_terms.tsv", None),
              ("clinical_terms.tsv", None))
ANATOMY_TYPES = ("Muscle", "Structure", "Nerve", "Vessel")
# Uberon synonym types that are no human-anatomy name.
SKIP_SYNONYM_TYPES = {"SENSU", "COMPARATIVE_PREFERRED", "INCONSISTENT", "HOMOLOGY"}
MEDICAL_ENDING = re.compile(
    r"(itis|osis|oses|algia|odynia|pathy|plegia|paresis|ectomy|otomy|ostomy|"
    r"plasty|scopy|graphy|therapy|esthesia|trophy|lysis|myelia|kinesia|tonia|"
    r"desis|malacia|penia)$")
# Dictionary words that are medical names with no everyday sense.
MEDICAL_WORDS = {"sciatica", "gout", "bunion", "bunions", "lupus", "rickets",
                 "clubfoot", "backache", "lockjaw", "tremor", "bursitis",
                 "tendinitis", "tendonitis"}
SHORT_OK = {"CT", "PT", "RA"}   # two-letter abbreviations the slice keeps

LICENCE_CLINICAL = """\
# mskg lexicon: clinical vocabulary from open ontologies. GENERATED -- do not edit by hand.
# Regenerate: python3 tools/import_vocabularies.py   (reads ../shared/ontology/clinical/clinical_terms.tsv
#   and clinical_synonyms.tsv; rules in the script's docstring and in data/lexicon/README.md)
# Names and synonyms only, no definitions. The selection of terms, the type column and the merging of
# rows into our own (a row named as in clinical_terms.tsv adds aliases to that row) are mskg's, not the
# sources' content. Source strings are copied verbatim (HPO labels keep their capital letter).
# Sources, by the CURIE prefix in the ids column:
#   DOID: Contains data from the Human Disease Ontology (https://disease-ontology.org,
#     https://github.com/DiseaseOntology/HumanDiseaseOntology), releases 2024-01-31 and 2026-07-31, CC0 1.0.
#     Schriml et al., Nucleic Acids Research 2022, 50(D1):D1255-D1261. doi:10.1093/nar/gkab1063
#   SYMP: Contains data from the Symptom Ontology (https://github.com/DiseaseOntology/SymptomOntology),
#     release 2026-07-30, CC0 1.0.
#   MAXO: Contains data from the Medical Action Ontology (MAxO, https://github.com/monarch-initiative/MAxO),
#     release 2024-07-29, CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/). Carmody et al., Med 2023,
#     4(12):913-927.e3. doi:10.1016/j.medj.2023.10.003. The data was subset and reformatted, and a type
#     column was added.
#   HP: This service/product is using the Human Phenotype Ontology (release 2026-06-23; hierarchy 2019-03-20;
#     synonyms 2016-04-01 and later). Find out more at https://hpo.jax.org. HPO licence:
#     https://hpo.jax.org/app/license. Gargano et al., Nucleic Acids Research 2024, 52(D1):D1333-D1346.
#     doi:10.1093/nar/gkad1005; Koehler et al., Nucleic Acids Research 2014, 42(D1):D966-D974.
#     doi:10.1093/nar/gkt1026. Per-field versions: ../shared/ontology/clinical/clinical_provenance.tsv.
"""

LICENCE_ANATOMY = """\
# mskg lexicon: anatomy vocabulary from open anatomy data. GENERATED -- do not edit by hand.
# Regenerate: python3 tools/import_vocabularies.py   (reads ../shared/ontology/terms.tsv, synonyms.tsv,
#   hra_*_partonomy.tsv and colloquial_aliases.tsv; rules in the script's docstring and data/lexicon/README.md)
# Human classes (FMA cross-reference) that no row of muscles.tsv / anatomy_terms.tsv names; names and exact
# synonyms only, no definitions. Rows named as one of our rows add the colloquial aliases to it.
# Sources:
#   Contains data from the Uberon anatomy ontology (https://github.com/obophenotype/uberon), CC BY 3.0
#     (https://creativecommons.org/licenses/by/3.0/). Mungall et al., Genome Biology 2012, 13:R5.
#     The data was reformatted and subset (2015 snapshot; see ../shared/ontology/SOURCE.md).
#   Contains data from the HuBMAP Human Reference Atlas ASCT+B tables: Muscular System v1.4
#     (doi:10.48539/HBM556.MVMS.622), Skeleton v1.3 (doi:10.48539/HBM449.KQWN.983), Musculoskeletal
#     Crosswalk v1.1 (doi:10.48539/HBM693.NGDL.755), CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/).
#     The data was reformatted and subset.
#   colloquial_aliases.tsv (ids column "colloquial"): written for mskg.
"""


COMPARATIVE_WORDS = {"stylopod", "zeugopod", "autopod", "autopodium", "autopodial",
                     "stylopodial", "zeugopodial", "forelimb", "hindlimb",
                     "acropodium", "mesopodium"}


def rows(path):
    with open(path, encoding="utf-8") as f:
        header = f.readline().rstrip("\n").split("\t")
        for line in f:
            if line.strip():
                yield dict(zip(header, line.rstrip("\n").split("\t")))


def words_of(s):
    return re.findall(r"[a-z0-9]+", s.lower().replace("\u2019", "").replace("'", ""))


def key(s):
    """Approximates ingest/tokenizer.h TokenKey: lower-case words, plural s dropped."""
    out = []
    for w in words_of(s):
        if len(w) > 3 and w.endswith("s") and not w.endswith("ss"):
            w = w[:-1]
        out.append(w)
    return " ".join(out)


def clean(s):
    return re.sub(r"\s+", " ", s.replace("|", "/")).strip()


class Hand:
    """The hand-written rows: surface key -> {(type, name)}."""

    def __init__(self, lexdir):
        self.forms = defaultdict(set)
        self.names = set()   # (type, name) of every hand row
        for fname, fixed in HAND_FILES:
            path = os.path.join(lexdir, fname)
            header = None
            with open(path, encoding="utf-8") as f:
                for line in f:
                    line = line.rstrip("\n")
                    if not line.strip() or line.startswith("#"):
                        continue
                    cells = line.split("\t")
                    if header is None:
                        header = cells
                        continue
                    r = dict(zip(header, cells))
                    typ = fixed or r["type"]
                    self.names.add((typ, r["name"]))
                    for form in [r["name"]] + r.get("aliases", "").split("|"):
                        if form.strip():
                            self.forms[key(form)].add((typ, r["name"]))

    def same_type(self, typ, k):
        return {n for t, n in self.forms.get(k, ()) if t == typ}

    def other_type(self, typ, k):
        return any(t != typ for t, _ in self.forms.get(k, ()))


class Filter:
    def __init__(self, words, vocabulary):
        self.words = words
        self.vocabulary = vocabulary   # every word of every source name
        self.dropped = defaultdict(int)

    def known(self, w):
        for v in (w, w[:-1] if w.endswith("s") else w, w[:-2] if w.endswith("es") else w):
            if v in self.words or self.vocabulary[v] >= 2:
                return True
        return False

    def misspelt(self, w):
        """A rare word one edit away from a known one ("arthoplasty")."""
        if len(w) < 6 or not w.isalpha() or self.known(w):
            return False
        letters = "abcdefghijklmnopqrstuvwxyz"
        splits = [(w[:i], w[i:]) for i in range(len(w) + 1)]
        near = {a + b[1:] for a, b in splits if b}
        near |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
        near |= {a + c + b[1:] for a, b in splits if b for c in letters}
        near |= {a + c + b for a, b in splits for c in letters}
        near.discard(w)
        return any(self.known(n) for n in near)

    def ok(self, form):
        ws = words_of(form)
        if not ws or (len(form) <= 2 and form not in SHORT_OK):
            self.dropped["short"] += 1
            return False
        if len(ws) == 1 and not form.isupper():
            w = ws[0]
            singular = w[:-1] if w.endswith("s") else w
            if ((w in self.words or singular in self.words) and w not in MEDICAL_WORDS
                    and not MEDICAL_ENDING.search(w)):
                self.dropped["common word"] += 1
                return False
        for w in ws:
            if self.misspelt(w):
                self.dropped["misspelling"] += 1
                return False
        return True


def build(terms, hand, flt, anchor_new_synonyms):
    """terms: list of (id, type, label, [surfaces]) in priority order.

    Returns {(type, name): (set of ids, [aliases])}, one entry per output row.
    """
    # Surface keys used by ontology terms of more than one type are ambiguous.
    types_of = defaultdict(set)
    for tid, typ, label, surfaces in terms:
        for s in surfaces:
            types_of[key(s)].add(typ)
    out = {}
    owner = {}      # (type, key) -> output row already holding it
    for tid, typ, label, surfaces in terms:
        kept, anchors = [], set()
        for s in surfaces:
            k = key(s)
            if not k:
                continue
            same = hand.same_type(typ, k)
            if same:
                anchors |= same
                continue
            if hand.other_type(typ, k) or len(types_of[k]) > 1:
                flt.dropped["used by another type"] += 1
                continue
            if flt.ok(s):
                kept.append(s)
        if len(anchors) > 1:
            flt.dropped["term overlapping two of our rows"] += 1
            continue
        if anchors:
            row = (typ, anchors.pop())
            if not anchor_new_synonyms:
                continue
        else:
            # A term whose label an earlier term of its type already holds
            # joins that row; a later term's other shared forms are dropped
            # (below), so that synonyms chain no two concepts together.
            label_owner = owner.get((typ, key(label)))
            if label_owner:
                row = label_owner
            elif kept:
                row = (typ, kept[0])
            else:
                continue
        ids, aliases = out.setdefault(row, (set(), []))
        ids.add(tid)
        owner.setdefault((typ, key(row[1])), row)
        for s in kept:
            if (typ, key(s)) in owner:
                continue
            owner[(typ, key(s))] = row
            aliases.append(s)
    return out


def write(path, header, out, hand):
    with open(path, "w", encoding="utf-8") as f:
        f.write(header)
        f.write("type\tname\taliases\tids\n")
        for (typ, name), (ids, aliases) in sorted(out.items(), key=lambda kv: (kv[0][0], kv[0][1].lower())):
            aliases = [a for a in aliases if key(a) != key(name)]
            hand_row = (typ, name) in hand.names
            if not aliases and (hand_row or all(i == "colloquial" for i in ids)):
                continue
            f.write("\t".join([typ, name, "|".join(aliases),
                               "|".join(sorted(ids))]) + "\n")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--ontology", default=os.path.join(HERE, "..", "..", "shared", "ontology"))
    ap.add_argument("--lexicon", default=os.path.join(HERE, "..", "data", "lexicon"))
    ap.add_argument("--words", default="/usr/share/dict/words")
    args = ap.parse_args()
    if not os.path.exists(args.words):
        sys.exit("import_vocabularies: no word list at %s (apt-get install wamerican, or pass --words)"
                 % args.words)
    odir, cdir = args.ontology, os.path.join(args.ontology, "clinical")
    for p in ("terms.tsv", "synonyms.tsv", "colloquial_aliases.tsv", "hra_muscle_partonomy.tsv",
              "hra_skeleton_partonomy.tsv", "clinical/clinical_terms.tsv", "clinical/clinical_synonyms.tsv"):
        if not os.path.exists(os.path.join(odir, p)):
            sys.exit("import_vocabularies: %s lacks %s (pass --ontology)" % (odir, p))
    words = {w.strip().lower() for w in open(args.words, encoding="utf-8", errors="replace")
             if w.strip() and "'" not in w}
    hand = Hand(args.lexicon)

    # ---- read the sources ----
    vocabulary = defaultdict(int)
    clinical = []
    syn = defaultdict(list)
    for r in rows(os.path.join(cdir, "clinical_synonyms.tsv")):
        if r["scope"] in ("LABEL", "EXACT"):
            syn[r["id"]].append(clean(r["surface"]))
    for r in rows(os.path.join(cdir, "clinical_terms.tsv")):
        surfaces = [clean(r["name"])] + [s for s in syn[r["id"]] if s != clean(r["name"])]
        clinical.append((r["id"], r["type"], clean(r["name"]), surfaces))
    for _, _, _, surfaces in clinical:
        for s in surfaces:
            for w in set(words_of(s)):
                vocabulary[w] += 1

    uberon = {r["id"]: r for r in rows(os.path.join(odir, "terms.tsv"))
              if r["type"] in ANATOMY_TYPES and r.get("fma") and r.get("role") != "ancestor"}
    usyn = defaultdict(list)
    for r in rows(os.path.join(odir, "synonyms.tsv")):
        if r["id"] in uberon and r["scope"] in ("LABEL", "EXACT") \
                and r.get("synonym_type", "") not in SKIP_SYNONYM_TYPES:
            usyn[r["id"]].append(clean(r["synonym"]))
    for fname, col in (("synonyms.tsv", "synonym"), ("hra_muscle_partonomy.tsv", "child_name"),
                       ("hra_skeleton_partonomy.tsv", "child_name")):
        for r in rows(os.path.join(odir, fname)):
            for w in set(words_of(r[col])):
                vocabulary[w] += 1
    anatomy = []
    for tid, t in sorted(uberon.items()):
        label = clean(t.get("human_name") or t["name"])
        forms = [label] + [s for s in [clean(t["name"])] + usyn[tid] if s != label]
        # Uberon names limb segments in the terms of comparative anatomy
        # ("hindlimb stylopod muscle"); articles and readers use the lay
        # synonym ("thigh muscle"), so that one names the row.
        if any(w in COMPARATIVE_WORDS for w in words_of(label)):
            lay = [s for s in forms if not any(w in COMPARATIVE_WORDS for w in words_of(s))]
            # The plainest: no "organ" or "fore"/"hind" limb, no "of", fewest words.
            lay.sort(key=lambda s: (any(w in ("organ", "fore", "hind") for w in words_of(s)),
                                    " of " in s, len(words_of(s))))
            if lay:
                label = lay[0]
                forms = [label] + [s for s in forms if s != label]
        anatomy.append((tid, t["type"], label, list(dict.fromkeys(forms))))
    for fname, typ in (("hra_muscle_partonomy.tsv", "Muscle"), ("hra_skeleton_partonomy.tsv", "Structure")):
        seen = set()
        for r in rows(os.path.join(odir, fname)):
            uid = r.get("child_uberon", "")
            name = clean(r["child_name"])
            if not name or uid in uberon or name in seen:
                continue
            seen.add(name)
            tid = r.get("child_id") or "HRA:" + fname.split("_")[1]
            forms = [name] + ([clean(r["child_ontology_label"])]
                              if r.get("child_ontology_label") and clean(r["child_ontology_label"]) != name else [])
            anatomy.append((tid, typ, name, forms))
    flt = Filter(words, vocabulary)

    # ---- clinical ----
    prio = {"DOID": 0, "SYMP": 1, "HP": 2, "MAXO": 3}
    clinical.sort(key=lambda t: prio.get(t[0].split(":")[0], 9))
    out_c = build(clinical, hand, flt, anchor_new_synonyms=True)
    # ---- anatomy: clinical forms count as another entity's ----
    for (typ, name), (ids, aliases) in out_c.items():
        for s in [name] + aliases:
            hand.forms[key(s)].add((typ, name))
    out_a = build(anatomy, hand, flt, anchor_new_synonyms=False)
    # Colloquial aliases: onto our row or the imported row of their target.
    id_row = {}
    for row, (ids, _) in out_a.items():
        for i in ids:
            id_row[i] = row
    colloquial = 0
    for r in rows(os.path.join(odir, "colloquial_aliases.tsv")):
        alias, typ = clean(r["alias"]), r.get("target_type") or "Muscle"
        k = key(alias)
        if hand.forms.get(k) or any(k == key(s) for row, (_, al) in out_a.items() for s in [row[1]] + al):
            continue
        row = id_row.get(r.get("target_id"))
        if row is None:
            ours = hand.same_type(typ, key(r.get("target_name", "")))
            if len(ours) != 1:
                continue
            row = (typ, ours.pop())
        ids, aliases = out_a.setdefault(row, (set(), []))
        ids.add("colloquial")
        aliases.append(alias)
        colloquial += 1

    write(os.path.join(args.lexicon, "ontology_clinical.tsv"), LICENCE_CLINICAL, out_c, hand)
    write(os.path.join(args.lexicon, "ontology_anatomy.tsv"), LICENCE_ANATOMY, out_a, hand)

    print("ontology_clinical.tsv: %d rows (%d merged into our rows), %d surface forms"
          % (len(out_c), sum(1 for (t, n) in out_c if (t, n) in hand.names),
             sum(len(a) + 1 for a in (v[1] for v in out_c.values()))))
    print("ontology_anatomy.tsv: %d rows, %d colloquial aliases" % (len(out_a), colloquial))
    for what, n in sorted(flt.dropped.items()):
        print("  dropped (%s): %d" % (what, n))


if __name__ == "__main__":
    main()

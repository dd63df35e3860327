#!/usr/bin/env python3
"""Audit the hand-written lexicon for vocabulary fitted to the evaluation texts.

Usage: python3 tools/audit_lexicon.py [--shared DIR] [--lexicon DIR] [--all]

Reads data/lexicon/{muscles,anatomy_terms,clinical_terms}.tsv and, from the
shared folder (default: ../shared beside the checkout), the gold files
(eval/gold/*.gold.tsv, eval/dev/gold/*.gold.tsv) and the texts they were
written from (corpus/*.txt, eval/dev/docs/*.txt).  For every lexicon row it
reports:

  GOLD-LIST  the row's aliases begin with a gold entity's alias list, in the
             gold file's order (the strongest sign of a copied list);
  GOLD-NAME  the row has a gold entity's type and canonical name (often
             legitimate: "sciatica" is a gold name and a standard term);
  GOLD-ALIAS aliases that occur in some gold alias list of the same type;
  CORPUS     multi-word aliases that occur verbatim (case-insensitively, on
             word boundaries) in a corpus or dev text.

The report is for a person to judge: a standard term ("plantar fasciitis")
is expected to occur in the texts; a phrase, a sentence fragment or a typo
is not.  Only rows with a GOLD-LIST or a flagged alias are printed (--all:
every row).  Nothing is written; the build does not use this script.
Python 3 standard library only.
"""
import argparse
import glob
import os
import re
import sys
from collections import defaultdict

FILES = ("muscles.tsv", "anatomy_terms.tsv", "clinical_terms.tsv")


def norm(s):
    """The scorer's comparison form: lower case, words only, naive singular."""
    s = s.lower().replace("\u2019", "'")
    s = re.sub(r"[^a-z0-9]+", " ", s).strip()
    return " ".join(w[:-1] if len(w) > 3 and w.endswith("s") and not w.endswith("ss")
                    else w for w in s.split())


def split(field):
    return [v.strip() for v in field.split("|") if v.strip()]


def lexicon_rows(d):
    for fname in FILES:
        path = os.path.join(d, fname)
        header = None
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                line = line.rstrip("\n")
                if not line.strip() or line.startswith("#"):
                    continue
                cells = line.split("\t")
                if header is None:
                    header = cells
                    continue
                row = dict(zip(header, cells))
                typ = row.get("type", "Muscle")
                yield "%s:%d" % (fname, n), typ, row["name"], split(row.get("aliases", ""))


def gold_entities(shared):
    """(type, [canonical, alias, ...]) for every distinct gold node."""
    seen = set()
    for path in sorted(glob.glob(os.path.join(shared, "eval", "gold", "*.gold.tsv")) +
                       glob.glob(os.path.join(shared, "eval", "dev", "gold", "*.gold.tsv"))):
        with open(path, encoding="utf-8") as f:
            for line in f:
                if not line.strip() or line.startswith("#"):
                    continue
                cells = line.rstrip("\n").split("\t")
                if len(cells) < 3:
                    continue
                for node in (cells[0], cells[2]):
                    typ, _, names = node.partition(":")
                    names = tuple(n.strip() for n in names.split("|") if n.strip())
                    if names and (typ, names) not in seen:
                        seen.add((typ, names))
                        yield typ.strip(), list(names)


def corpus_text(shared):
    parts = []
    for path in sorted(glob.glob(os.path.join(shared, "corpus", "*.txt")) +
                       glob.glob(os.path.join(shared, "eval", "dev", "docs", "*.txt"))):
        with open(path, encoding="utf-8", errors="replace") as f:
            parts.append(f.read())
    # One space-separated lower-case word string, so phrases match across
    # line breaks and punctuation.
    text = " ".join(parts).lower().replace("\u2019", "'")
    return " " + " ".join(re.findall(r"[a-z0-9']+", text)) + " "


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--shared", default=os.path.join(here, "..", "..", "shared"))
    ap.add_argument("--lexicon", default=os.path.join(here, "..", "data", "lexicon"))
    ap.add_argument("--all", action="store_true", help="print every row")
    args = ap.parse_args()
    if not os.path.isdir(os.path.join(args.shared, "eval")):
        sys.exit("audit_lexicon: %s has no eval/ folder (pass --shared)" % args.shared)

    gold_lists = defaultdict(list)     # (type, norm canonical) -> [norm aliases]
    gold_alias = defaultdict(set)      # type -> norm forms in gold lists
    for typ, names in gold_entities(args.shared):
        gold_lists[(typ, norm(names[0]))].append([norm(a) for a in names[1:]])
        for n in names:
            gold_alias[typ].add(norm(n))
    text = corpus_text(args.shared)

    def in_corpus(alias):
        words = re.findall(r"[a-z0-9']+", alias.lower().replace("\u2019", "'"))
        return len(words) > 1 and (" %s " % " ".join(words)) in text

    totals = defaultdict(int)
    for where, typ, name, aliases in lexicon_rows(args.lexicon):
        totals["rows"] += 1
        totals["aliases"] += len(aliases)
        flags = []
        key = (typ, norm(name))
        if key in gold_lists:
            totals["gold_name"] += 1
            flags.append("GOLD-NAME")
            ours = [norm(a) for a in aliases]
            for gl in gold_lists[key]:
                if gl and ours[:len(gl)] == gl:
                    totals["gold_list"] += 1
                    flags.append("GOLD-LIST(%d)" % len(gl))
                    break
        ga = [a for a in aliases if norm(a) in gold_alias[typ]]
        ca = [a for a in aliases if in_corpus(a)]
        totals["gold_alias"] += len(ga)
        totals["corpus_alias"] += len(ca)
        if not (args.all or ga or ca or any(f.startswith("GOLD-LIST") for f in flags)):
            continue
        print("%s\t%s\t%s\t%s" % (where, typ, name, " ".join(flags)))
        if ga:
            print("\tGOLD-ALIAS: " + " | ".join(ga))
        if ca:
            print("\tCORPUS: " + " | ".join(ca))
    print("# %(rows)d rows, %(aliases)d aliases; %(gold_name)d rows with a gold type+name, "
          "%(gold_list)d with a gold alias list in order; %(gold_alias)d aliases in gold lists, "
          "%(corpus_alias)d multi-word aliases verbatim in the texts" % totals)


if __name__ == "__main__":
    main()

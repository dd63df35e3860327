#!/usr/bin/env python3
"""Generate data/lexicon/wordnet_terms.tsv and wordnet_adjectives.tsv: open vocabulary from WordNet 3.0.

Usage:
  python3 tools/import_wordnet.py [--wordnet DIR] [--lexicon DIR]

Articles name sports and the people who play them as causes or risk factors
of injuries ("common in soccer and basketball"), drugs, vitamins and
exercises as treatments, injuries and pains by everyday names; the hand
lexicon cannot list them all. WordNet (Debian package wordnet-base, DIR
defaults to /usr/share/wordnet) can: this script writes every lemma under

  sport.n.01      Cause      (soccer, skiing, gymnastics, rock climbing ...)
  dancing.n.01    Cause      (ballet, tap dancing ...)
  athlete.n.01    Cause      (footballer, gymnast, sprinter ...)
  medicine.n.02   Treatment  (morphine, naproxen, muscle relaxants ...)
  vitamin.n.01    Treatment  (vitamin d, folic acid ...)
  exercise.n.01   Treatment  (pushup, calisthenics, weightlifting ...)
  injury.n.01     Condition  (bruise, laceration, dislocation ...)
  pain.n.01       Symptom    (earache, lumbago, stitch ...)
  illness.n.01    Condition  (cancer, meningitis, hypothyroidism ...)
  disorder.n.01   Condition  (dystonia, ...)
  symptom.n.01    Symptom    (fever, swelling, ...)

and, in data/lexicon/wordnet_adjectives.tsv, the adjectives WordNet
derives from the names of our Symptom rows ("numb" of numbness, "dizzy" of
dizziness), so that "my fingers went numb" names the symptom (numbness:
an adjective names no node).

as a row of that type, one row per synset, its lemmas the aliases. Only names are
read, never glosses. Left out, so that running text does not match by
accident: lemmas of one or two characters; one-word lemmas whose most
frequent sense is another, or with a sense that is a person or quantity
outside these subtrees ("pitcher", "walker"); one-word lemmas that are also
verbs or adjectives ("swim", "acoustic", "preventive") or plurals of a word with other senses
("singles"); proper names; lemmas that a hand-written lexicon row already
uses (our rows win); and lemmas with a digit.
It also writes data/words/verb_forms.txt: the forms of WordNet's verbs
that are no noun, adjective or adverb ("termed", "introducing"), which the
phrase finder does not let open a name.
Python 3 standard library only.
"""
import argparse
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# (synset offset in WordNet 3.0 data.noun, what it is)
ROOTS = (("00523513", "sport.n.01", "Cause"),
         ("00428270", "dancing.n.01", "Cause"),
         ("09820263", "athlete.n.01", "Cause"),
         ("03740161", "medicine.n.02", "Treatment"),
         ("15089258", "vitamin.n.01", "Treatment"),
         ("00624738", "exercise.n.01", "Treatment"),
         ("14285662", "injury.n.01", "Condition"),
         ("14322699", "pain.n.01", "Symptom"),
         ("14061805", "illness.n.01", "Condition"),
         ("14052403", "disorder.n.01", "Condition"),
         ("14299637", "symptom.n.01", "Symptom"))
# Left out under those roots: the roots' own names, too general to name
# anything alone ("illness", "disorder", "symptom"), and subtrees that are
# not about a person's body or that an article on muscles and joints names
# in other senses: diseases of plants and animals, inflammations (named as
# conditions by their "-itis" suffix, not symptoms), mental disorders.
LEFT_OUT = ("14061805", "14052403", "14299637", "14070360")
LEFT_OUT_SUBTREES = (("14276936", "plant_disease.n.01"),
                     ("14253124", "animal_disease.n.01"),
                     ("14336539", "inflammation.n.01"),
                     ("14083790", "mental_disorder.n.01"))
HAND_FILES = ("muscles.tsv", "anatomy_terms.tsv", "clinical_terms.tsv")


def read_nouns(wordnet_dir):
    """offset -> (lemmas as written, hyponym offsets, lexicographer file)."""
    synsets = {}
    with open(os.path.join(wordnet_dir, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):  # The licence header.
                continue
            fields = line.partition(" | ")[0].split()
            count = int(fields[3], 16)
            lemmas = [fields[4 + 2 * i] for i in range(count)]
            i = 4 + 2 * count
            pointers = int(fields[i])
            hyponyms = []
            for p in range(pointers):
                symbol, target, pos = fields[i + 1 + 4 * p: i + 4 + 4 * p]
                if symbol in ("~", "~i") and pos == "n":
                    hyponyms.append(target)
            synsets[fields[0]] = (lemmas, hyponyms, int(fields[1]))
    return synsets


def index_entries(wordnet_dir, pos):
    """The fields of each entry of index.POS: lemma, pos, synset count,
    pointer count, pointers, sense count, tagged sense count, offsets."""
    with open(os.path.join(wordnet_dir, "index." + pos), encoding="latin-1") as f:
        for line in f:
            if not line.startswith("  "):  # The licence header.
                yield line.split()


def read_senses(wordnet_dir):
    """lemma (lower case, underscores) -> its noun synset offsets, most
    frequent sense first."""
    return {fields[0]: fields[6 + int(fields[3]):]
            for fields in index_entries(wordnet_dir, "noun")}


def read_lemmas(wordnet_dir, pos):
    """The lemmas (lower case, underscores) of a part of speech."""
    return {fields[0] for fields in index_entries(wordnet_dir, pos)}


NOUN_ACT, NOUN_ARTIFACT = 4, 6


def sport_sense_first(synsets, offsets, inside, lemma):
    """Whether a one-word lemma means the sport: its most frequent sense is
    in the subtrees and any other sense is an act or a thing ("football" the
    game and the ball, "boxing", "jumping"), not a person or a quantity
    ("pitcher", "walker")."""
    if not offsets or offsets[0] not in inside:
        return False
    return all(o in inside or synsets[o][2] in (NOUN_ACT, NOUN_ARTIFACT) or
               proper_sense(synsets, o, lemma) for o in offsets[1:])


def proper_sense(synsets, offset, lemma):
    """Whether the sense is a proper name ("Cancer" the constellation), which
    an article writes capitalised, unlike the common noun ("cancer")."""
    return any(l.lower() == lemma and l[:1].isupper()
               for l in synsets[offset][0])


def subtree(synsets, root):
    seen, stack = [], [root]
    while stack:
        offset = stack.pop()
        if offset in seen:
            continue
        seen.append(offset)
        stack.extend(synsets[offset][1])
    return seen


def read_adjective_lemmas(wordnet_dir):
    """adjective synset offset -> its lemmas (lower case, markers cut)."""
    lemmas = {}
    with open(os.path.join(wordnet_dir, "data.adj"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.split()
            count = int(fields[3], 16)
            lemmas[fields[0]] = [fields[4 + 2 * i].split("(")[0].lower()
                                 for i in range(count)]
    return lemmas


def symptom_adjectives(wordnet_dir, symptoms):
    """For each one-word symptom name, the adjectives WordNet derives from
    that word ("numbness" -> "numb", "dizziness" -> "dizzy"): the words a
    text uses to say one has it ("my fingers went numb")."""
    adjectives = read_adjective_lemmas(wordnet_dir)
    wanted = {name.replace(" ", "_") for name in symptoms if " " not in name}
    found = {}
    with open(os.path.join(wordnet_dir, "data.noun"), encoding="latin-1") as f:
        for line in f:
            if line.startswith("  "):
                continue
            fields = line.partition(" | ")[0].split()
            count = int(fields[3], 16)
            words = [fields[4 + 2 * i].lower() for i in range(count)]
            if not wanted.intersection(words):
                continue
            i = 4 + 2 * count
            for p in range(int(fields[i])):
                symbol, target, pos, st = fields[i + 1 + 4 * p: i + 5 + 4 * p]
                source, dest = int(st[:2], 16), int(st[2:], 16)
                if symbol != "+" or pos not in ("a", "s") or not source or not dest:
                    continue
                noun = words[source - 1]
                if noun in wanted:
                    found.setdefault(noun, set()).add(adjectives[target][dest - 1])
    return found


def hand_rows(lexicon_dir, node_type):
    """The names of the hand-written rows of `node_type`."""
    names = []
    for name in HAND_FILES:
        with open(os.path.join(lexicon_dir, name), encoding="utf-8") as f:
            for line in f:
                cells = line.rstrip("\n").split("\t")
                if len(cells) >= 2 and cells[0] == node_type:
                    names.append(cells[1])
    return names


def hand_forms(lexicon_dir):
    forms = set()
    for name in HAND_FILES:
        with open(os.path.join(lexicon_dir, name), encoding="utf-8") as f:
            header = None
            for line in f:
                if line.startswith("#") or not line.strip():
                    continue
                cells = line.rstrip("\n").split("\t")
                if header is None:
                    header = cells
                    continue
                row = dict(zip(header, cells))
                forms.add(row.get("name", "").lower())
                forms.update(a.lower() for a in row.get("aliases", "").split("|") if a)
    return forms


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--wordnet", default="/usr/share/wordnet")
    parser.add_argument("--lexicon", default=os.path.join(HERE, "..", "data", "lexicon"))
    args = parser.parse_args()
    if not os.path.exists(os.path.join(args.wordnet, "data.noun")):
        sys.exit(f"no WordNet at {args.wordnet}: apt-get install wordnet-base")
    synsets = read_nouns(args.wordnet)
    senses = read_senses(args.wordnet)
    # Words that can be verbs or adjectives; one-word lemmas among them
    # are left out ("swim", "acoustic", "preventive").
    other_classes = read_lemmas(args.wordnet, "verb") | read_lemmas(args.wordnet, "adj")
    taken = hand_forms(args.lexicon)
    rows, used = [], set()
    left_out = set(LEFT_OUT)
    for root, _ in LEFT_OUT_SUBTREES:
        left_out.update(subtree(synsets, root))
    for root, label, node_type in ROOTS:
        inside = set(subtree(synsets, root))
        for offset in sorted(inside, key=lambda o: subtree(synsets, root).index(o)):
            if offset in left_out:
                continue
            forms = []
            for lemma in synsets[offset][0]:
                form = lemma.replace("_", " ")
                key = lemma.lower()
                if (len(form) <= 2 or form != form.lower() or
                        any(c.isdigit() for c in form) or
                        form in taken or form in used):
                    continue
                if " " not in form:
                    if not sport_sense_first(synsets, senses.get(key, []), inside, key) or key in other_classes:
                        continue
                    # "singles", "hoops": plurals of words with other senses.
                    singular = key[:-1] if key.endswith("s") else None
                    if singular in senses and not set(senses[singular]) <= inside:
                        continue
                forms.append(form)
            if not forms:
                continue
            used.update(forms)
            rows.append((node_type, forms[0], forms[1:],
                         f"wn30:{offset}-n", label))
    # Adjectives of symptoms, as aliases of our rows (the loader merges rows
    # of one type and name); those that modify muscles as states ("weak",
    # "tight", "sore": "sore muscles", "my jaw is sore") are the muscle-state
    # and phrase rules' and left out.
    states = {"weak", "tight", "tense", "short", "shortened", "sore"}
    adjective_rows = []
    for noun, adjs in sorted(symptom_adjectives(
            args.wordnet, hand_rows(args.lexicon, "Symptom")).items()):
        aliases = sorted(a for a in adjs if a not in states and a not in taken
                         and a not in used and len(a) > 2 and "_" not in a)
        if aliases:
            used.update(aliases)
            adjective_rows.append(("Symptom", noun.replace("_", " "), aliases,
                                   "wn30:derivation", "adjectives of the symptom"))
    # The adjectives go in a file of their own, in its "adjectives" column:
    # the linker matches them, but they name no node ("numb" -> numbness).
    for out, names_column, out_rows in (
            (os.path.join(args.lexicon, "wordnet_terms.tsv"), "aliases", rows),
            (os.path.join(args.lexicon, "wordnet_adjectives.tsv"), "adjectives",
             adjective_rows)):
        with open(out, "w", encoding="utf-8") as f:
            f.write("# Generated by tools/import_wordnet.py; do not edit.\n")
            f.write("# Source: WordNet 3.0 (Debian package wordnet-base), Princeton University.\n")
            f.write("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n")
            f.write("# Used under the WordNet licence (data/lexicon/WORDNET_LICENSE).\n")
            f.write(f"type\tname\t{names_column}\tids\n")
            for node_type, name, aliases, ids, label in out_rows:
                f.write(f"{node_type}\t{name}\t{'|'.join(aliases)}\t{ids} ({label})\n")
        print(f"{out}: {len(out_rows)} rows, {sum(1 + len(r[2]) for r in out_rows)} names")
    write_verb_forms(args.wordnet, args.lexicon)


def verb_forms(wordnet_dir):
    """The inflected forms of WordNet's verbs (those its sense counts show in
    use) that are no noun, adjective or adverb: "termed", "introducing",
    "avoid". A noun phrase does not begin with one ("exploring osteopathy"
    names osteopathy). Forms that are nouns too ("running", "stretching",
    "rest") are left out."""
    nouns = read_lemmas(wordnet_dir, "noun")
    others = read_lemmas(wordnet_dir, "adj") | read_lemmas(wordnet_dir, "adv")
    used = {fields[0] for fields in index_entries(wordnet_dir, "verb")
            if int(fields[5 + int(fields[3])]) > 0 and "_" not in fields[0]}
    irregular = {}
    with open(os.path.join(wordnet_dir, "verb.exc"), encoding="latin-1") as f:
        for line in f:
            form, base = line.split()[:2]
            irregular.setdefault(base, []).append(form)

    def inflections(v):
        out = {v, *irregular.get(v, [])}
        if v.endswith("e"):
            out |= {v + "s", v[:-1] + "ing", v + "d"}
        elif v.endswith(("s", "x", "z", "ch", "sh")):
            out |= {v + "es", v + "ing", v + "ed"}
        elif v.endswith("y") and len(v) > 2 and v[-2] not in "aeiou":
            out |= {v[:-1] + "ies", v + "ing", v[:-1] + "ied"}
        else:
            out |= {v + "s", v + "ing", v + "ed"}
        return out

    def nominal(w):
        return (w in nouns or w in others or (w.endswith("s") and w[:-1] in nouns)
                or (w.endswith("es") and w[:-2] in nouns))

    return sorted({w for v in used for w in inflections(v)
                   if w.isalpha() and not nominal(w)})


def write_verb_forms(wordnet_dir, lexicon_dir):
    out = os.path.join(lexicon_dir, "..", "words", "verb_forms.txt")
    forms = verb_forms(wordnet_dir)
    with open(out, "w", encoding="utf-8") as f:
        f.write("# Generated by tools/import_wordnet.py; do not edit.\n")
        f.write("# Verb forms that are no noun, adjective or adverb in WordNet 3.0\n")
        f.write("# (Debian package wordnet-base), Princeton University.\n")
        f.write("# WordNet 3.0 Copyright 2006 by Princeton University. All rights reserved.\n")
        f.write("# Used under the WordNet licence (data/lexicon/WORDNET_LICENSE).\n")
        for w in forms:
            f.write(w + "\n")
    print(f"{os.path.normpath(out)}: {len(forms)} verb forms")


if __name__ == "__main__":
    main()

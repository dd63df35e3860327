// ingest/triples_eval.cc (test only): a port of shared/eval/score.
#include "ingest/triples_eval.h"

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

#include "absl/container/flat_hash_set.h"
#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "ingest/lexicon.h"

namespace mskg::ingest {
namespace {

struct GoldNode {
  std::string canonical;
  absl::flat_hash_set<std::string> aliases;
};
struct GoldTriple {
  GoldNode subject;
  std::string relation;
  GoldNode object;
};

GoldNode ParseNode(absl::string_view text) {
  GoldNode n;
  size_t colon = text.find(':');
  absl::string_view names =
      colon == absl::string_view::npos ? text : text.substr(colon + 1);
  bool first = true;
  for (absl::string_view a : absl::StrSplit(names, '|')) {
    if (first) n.canonical = std::string(absl::StripAsciiWhitespace(a));
    first = false;
    if (absl::StripAsciiWhitespace(a).empty()) continue;
    n.aliases.insert(ScorerNorm(a));
  }
  return n;
}

std::string DocKey(absl::string_view path) {
  size_t slash = path.find_last_of('/');
  absl::string_view base =
      slash == absl::string_view::npos ? path : path.substr(slash + 1);
  base = absl::StripAsciiWhitespace(base);
  for (absl::string_view ext : {".gold.tsv", ".txt", ".md", ".html", ".htm"}) {
    if (absl::EndsWith(base, ext)) {
      base.remove_suffix(ext.size());
    }
  }
  return std::string(base);
}

}  // namespace

std::string ScorerNorm(absl::string_view name) {
  std::string s;
  // lower(), "’" -> "'", then [^a-z0-9]+ -> " ".
  std::string lower;
  for (size_t i = 0; i < name.size(); ++i) {
    if (name.substr(i, 3) == "\xE2\x80\x99") {
      lower.push_back('\'');
      i += 2;
      continue;
    }
    lower.push_back(absl::ascii_tolower(name[i]));
  }
  std::string words;
  bool space = false;
  for (char c : lower) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
      if (space && !words.empty()) words.push_back(' ');
      space = false;
      words.push_back(c);
    } else {
      space = true;
    }
  }
  std::vector<std::string> out;
  for (absl::string_view w : absl::StrSplit(words, ' ', absl::SkipEmpty())) {
    std::string word(w);
    if (word.size() > 3 && word.back() == 's' && word[word.size() - 2] != 's') {
      word.pop_back();
    }
    out.push_back(word);
  }
  std::string joined;
  for (const std::string& w : out) {
    if (!joined.empty()) joined.push_back(' ');
    joined += w;
  }
  return joined;
}

std::vector<Triple> ClaimsToTriples(const schema::DocumentClaims& claims,
                                    absl::string_view document) {
  std::vector<Triple> out;
  std::set<std::tuple<std::string, std::string, std::string>> seen;
  for (const schema::Claim& c : claims.claims()) {
    if (c.provenance().polarity() == schema::NEGATED) continue;
    Triple t;
    t.subject_type = std::string(NodeTypeLabel(c.subject().type()));
    t.subject = c.subject().name();
    t.relation = schema::Relation_Name(c.relation());
    t.object_type = std::string(NodeTypeLabel(c.object().type()));
    t.object = c.object().name();
    t.document = std::string(document);
    if (!seen.insert({t.subject, t.relation, t.object}).second) continue;
    out.push_back(std::move(t));
  }
  return out;
}

std::string TripleRow(const Triple& t) {
  return absl::StrCat(t.subject_type, "\t", t.subject, "\t", t.relation, "\t",
                      t.object_type, "\t", t.object, "\t", t.document);
}

absl::StatusOr<EvalReport> ScoreTriples(absl::string_view gold_dir,
                                        const std::vector<Triple>& triples) {
  const std::string dir(gold_dir);
  DIR* handle = opendir(dir.c_str());
  if (handle == nullptr) {
    return absl::NotFoundError(absl::StrCat(gold_dir, ": cannot read"));
  }
  std::vector<std::string> files;
  while (struct dirent* e = readdir(handle)) {
    std::string name = e->d_name;
    if (absl::EndsWith(name, ".gold.tsv")) files.push_back(name);
  }
  closedir(handle);
  std::sort(files.begin(), files.end());
  // System rows per document, as a sorted set of normalized triples.
  std::map<std::string, std::set<std::tuple<std::string, std::string,
                                            std::string>>>
      system;
  for (const Triple& t : triples) {
    system[DocKey(t.document)].insert(
        {ScorerNorm(t.subject), t.relation, ScorerNorm(t.object)});
  }
  EvalReport report;
  for (const std::string& f : files) {
    std::ifstream in(dir + "/" + f);
    std::vector<GoldTriple> gold;
    std::string line;
    while (std::getline(in, line)) {
      absl::string_view l = absl::StripAsciiWhitespace(line);
      if (l.empty() || l[0] == '#') continue;
      std::vector<std::string> parts = absl::StrSplit(line, '\t');
      if (parts.size() != 3) continue;
      gold.push_back({ParseNode(parts[0]),
                      std::string(absl::StripAsciiWhitespace(parts[1])),
                      ParseNode(parts[2])});
    }
    const std::string doc = DocKey(f);
    std::vector<bool> used(gold.size(), false);
    Counts& d = report.by_document[doc];
    for (const auto& [s, r, o] : system[doc]) {
      report.by_relation[r].system++;
      d.system++;
      for (size_t i = 0; i < gold.size(); ++i) {
        if (used[i] || gold[i].relation != r) continue;
        const bool direct = gold[i].subject.aliases.contains(s) &&
                            gold[i].object.aliases.contains(o);
        const bool reverse = r == "ANTAGONIST_OF" &&
                             gold[i].subject.aliases.contains(o) &&
                             gold[i].object.aliases.contains(s);
        if (direct || reverse) {
          used[i] = true;
          d.correct++;
          report.by_relation[r].correct++;
          break;
        }
      }
    }
    for (size_t i = 0; i < gold.size(); ++i) {
      report.by_relation[gold[i].relation].gold++;
      d.gold++;
      if (!used[i]) {
        report.misses.push_back(absl::StrCat(doc, "\t", gold[i].subject.canonical,
                                             "\t", gold[i].relation, "\t",
                                             gold[i].object.canonical));
      }
    }
    report.all.correct += d.correct;
    report.all.system += d.system;
    report.all.gold += d.gold;
  }
  return report;
}

}  // namespace mskg::ingest

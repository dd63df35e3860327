// query/ask.cc
//
// Question templates -> Cypher. Each template lists its phrasings (with {x}
// and {y} where a name goes), what kind of node each name should be, and
// the query it compiles to.
#include "query/ask.h"

#include <utility>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"
#include "absl/strings/str_join.h"
#include "absl/strings/str_replace.h"
#include "absl/strings/str_split.h"
#include "absl/strings/strip.h"
#include "graph/graph_view.h"
#include "query/expr.h"
#include "query/node_names.h"
#include "query/query_engine_access.h"
#include "util/status_macros.h"

namespace mskg::query {
namespace {

using graph::GraphView;
using graph::NodeIndex;

struct Template {
  const char* name;
  const char* form;  // As shown in help and errors.
  std::vector<const char*> patterns;
  // Node types a name should have, best first; any type is the fallback.
  std::vector<schema::NodeType> preferred;
  // Whether state words go ("a tight psoas" asks about the psoas).
  bool strip_states;
  // The query; {X} and {Y} become the names' labels (":Muscle").
  const char* cypher;
};

const std::vector<Template>& Templates() {
  using schema::CAUSE;
  using schema::CONDITION;
  using schema::MUSCLE;
  using schema::STRUCTURE;
  using schema::SYMPTOM;
  static const auto* templates = new std::vector<Template>{
      {"shared_causes",
       "causes shared by X and Y",
       {"causes shared by {x} and {y}", "what causes do {x} and {y} share",
        "which causes do {x} and {y} share",
        "what causes are shared by {x} and {y}",
        "which causes are shared by {x} and {y}",
        "common causes of {x} and {y}", "shared causes of {x} and {y}",
        "what causes both {x} and {y}", "what do {x} and {y} have in common"},
       {CONDITION, SYMPTOM},
       false,
       "MATCH (c)-[:CAUSES]->(x{X} {name: $x}), (c)-[:CAUSES]->(y{Y} {name: "
       "$y}) "
       "WHERE c <> x AND c <> y RETURN DISTINCT c.name AS cause ORDER BY "
       "cause"},
      {"antagonists",
       "muscles opposing X (also: what opposes X)",
       {"muscles opposing {x}", "which muscles oppose {x}",
        "what muscles oppose {x}", "muscles that oppose {x}",
        "what opposes {x}", "which muscles are opposing {x}",
        "what are the antagonists of {x}", "antagonists of {x}",
        "what is the antagonist of {x}", "which muscles counteract {x}"},
       {MUSCLE},
       true,
       "MATCH (x{X} {name: "
       "$x})-[:PART_OF*0..2]->(g:Muscle)-[:ANTAGONIST_OF]-(m:Muscle) "
       "WHERE m <> x RETURN DISTINCT m.name AS muscle ORDER BY muscle"},
      {"causes",
       "causes of X (also: what causes X)",
       {"causes of {x}", "what causes {x}", "what can cause {x}",
        "what could cause {x}", "what are the causes of {x}",
        "why does {x} happen", "what leads to {x}"},
       {CONDITION, SYMPTOM},
       false,
       "MATCH (c)-[:CAUSES]->(x{X} {name: $x}) RETURN DISTINCT c.name AS cause "
       "ORDER BY cause"},
      {"effects",
       "what does X lead to (also: what does X cause)",
       {"what does {x} lead to", "what does {x} cause", "what can {x} cause",
        "effects of {x}", "what are the effects of {x}"},
       {CONDITION, CAUSE},
       false,
       "MATCH (x{X} {name: $x})-[:CAUSES]->(e) RETURN DISTINCT e.name AS "
       "effect "
       "ORDER BY effect"},
      {"treatments",
       "treatments for X (also: how is X treated)",
       {"treatments for {x}", "treatment for {x}", "treatments of {x}",
        "how is {x} treated", "how are {x} treated", "how to treat {x}",
        "how do i treat {x}", "how can {x} be treated", "what treats {x}",
        "what helps {x}", "what are the treatments for {x}"},
       {CONDITION, SYMPTOM},
       false,
       "MATCH (t)-[:TREATS]->(x{X} {name: $x}) RETURN DISTINCT t.name AS "
       "treatment "
       "ORDER BY treatment"},
      {"symptoms",
       "symptoms of X",
       {"symptoms of {x}", "what are the symptoms of {x}", "signs of {x}",
        "how does {x} feel"},
       {CONDITION},
       false,
       "MATCH (x{X} {name: $x})-[:HAS_SYMPTOM]->(s) RETURN DISTINCT s.name AS "
       "symptom "
       "ORDER BY symptom"},
      {"attachments",
       "where does X attach",
       {"where does {x} attach", "where do {x} attach",
        "what does {x} attach to", "attachments of {x}",
        "origin and insertion of {x}", "where is {x} attached"},
       {MUSCLE},
       true,
       "MATCH (x{X} {name: "
       "$x})-[r:ATTACHES_TO|ORIGINATES_FROM|INSERTS_ON]->(s) "
       "RETURN DISTINCT s.name AS structure, type(r) AS how ORDER BY "
       "structure, how"},
      {"attached",
       "what attaches to X",
       {"what attaches to {x}", "which muscles attach to {x}",
        "what muscles attach to {x}", "what is attached to {x}"},
       {STRUCTURE, MUSCLE},
       false,
       "MATCH (m)-[r:ATTACHES_TO|ORIGINATES_FROM|INSERTS_ON]->(x{X} {name: "
       "$x}) "
       "RETURN DISTINCT m.name AS muscle, type(r) AS how ORDER BY muscle, how"},
      {"supply",
       "what nerve and vessel supply X",
       {"what nerve and blood vessel supply {x}",
        "what nerve and vessel supply {x}", "what nerve supplies {x}",
        "what innervates {x}", "what supplies {x}",
        "what blood vessel supplies {x}", "nerve supply of {x}",
        "blood supply of {x}"},
       {MUSCLE},
       true,
       "MATCH (x{X} {name: $x})-[r:INNERVATED_BY|SUPPLIED_BY]->(s) "
       "RETURN DISTINCT s.name AS supply, type(r) AS how ORDER BY supply, how"},
      {"function",
       "what does X do",
       {"what does {x} do", "what do {x} do", "what is the function of {x}",
        "what is the job of {x}", "what actions does {x} perform",
        "function of {x}"},
       {MUSCLE},
       true,
       "MATCH (x{X} {name: $x})-[:PERFORMS]->(a) RETURN DISTINCT a.name AS "
       "action "
       "ORDER BY action"},
      {"prevention",
       "what prevents X",
       {"what prevents {x}", "how to prevent {x}", "how is {x} prevented",
        "how can {x} be prevented", "how can i prevent {x}",
        "how do i prevent {x}", "prevention of {x}", "how to avoid {x}"},
       {CONDITION},
       false,
       "MATCH (t)-[:PREVENTS]->(x{X} {name: $x}) RETURN DISTINCT t.name AS "
       "measure "
       "ORDER BY measure"},
      {"diagnosis",
       "how is X diagnosed",
       {"how is {x} diagnosed", "how are {x} diagnosed", "how to diagnose {x}",
        "what diagnoses {x}", "tests for {x}", "which tests diagnose {x}",
        "what tests diagnose {x}", "how can {x} be diagnosed"},
       {CONDITION},
       false,
       "MATCH (t)-[:DIAGNOSES]->(x{X} {name: $x}) RETURN DISTINCT t.name AS "
       "test "
       "ORDER BY test"},
      {"stabilizers",
       "which muscles stabilize X",
       {"which muscles stabilize {x}", "what muscles stabilize {x}",
        "what stabilizes {x}", "which muscles stabilise {x}",
        "what stabilises {x}", "stabilizers of {x}",
        "which muscles support {x}"},
       {STRUCTURE, MUSCLE},
       false,
       "MATCH (m:Muscle)-[:STABILIZES]->(x{X} {name: $x}) RETURN DISTINCT "
       "m.name AS muscle "
       "ORDER BY muscle"},
      {"strengtheners",
       "what strengthens X",
       {"what strengthens {x}", "which exercises strengthen {x}",
        "what exercises strengthen {x}", "exercises for {x}",
        "how to strengthen {x}", "how do i strengthen {x}",
        "how can i strengthen {x}", "exercises that strengthen {x}"},
       {MUSCLE},
       true,
       // An exercise for a muscle group works its members, and one for a
       // member works its group.
       "MATCH (x{X} {name: $x})-[:PART_OF*0..1]-(g)<-[:STRENGTHENS]-(t) "
       "RETURN DISTINCT t.name AS exercise ORDER BY exercise"},
      {"compensators",
       "which muscles compensate for X (also: overwork when X is weak)",
       {"which muscles overwork when {x}", "what muscles overwork when {x}",
        "which muscles compensate for {x}", "what compensates for {x}",
        "what muscles compensate for {x}",
        "which muscles overcompensate for {x}",
        "which muscles overcompensate when {x}",
        "which muscles compensate when {x}"},
       {MUSCLE},
       true,
       "MATCH (m:Muscle)-[:COMPENSATES_FOR]->(x{X} {name: $x}) "
       "RETURN DISTINCT m.name AS muscle ORDER BY muscle"},
  };
  return *templates;
}

// Words for a muscle's state, dropped from names in muscle templates.
bool IsStateWord(absl::string_view w) {
  static constexpr absl::string_view kStates[] = {
      "tight",       "weak",          "sore",      "spasming", "spasmed",
      "overactive",  "short",         "shortened", "tense",    "inhibited",
      "painful",     "strained",      "injured",   "cramped",  "stiff",
      "underactive", "dysfunctional", "inflamed"};
  for (absl::string_view s : kStates) {
    if (w == s) return true;
  }
  return false;
}

// Nouns that make a muscle name a condition ("psoas spasm").
bool IsConditionNoun(absl::string_view w) {
  return w == "spasm" || w == "spasms" || w == "cramp" || w == "cramps" ||
         w == "tightness" || w == "weakness" || w == "strain";
}

std::string Trim(absl::string_view s) {
  return std::string(absl::StripAsciiWhitespace(s));
}

// Lower-cases, drops parenthesized asides and final punctuation, and joins
// runs of spaces.
std::string NormalizeQuestion(absl::string_view question) {
  std::string text = absl::StrReplaceAll(question, {{"\xE2\x80\x99", "'"}});
  std::string out;
  int depth = 0;
  for (char c : text) {
    if (c == '(') {
      ++depth;
      continue;
    }
    if (c == ')') {
      if (depth > 0) --depth;
      continue;
    }
    if (depth > 0) continue;
    if (c == '?' || c == '!') continue;
    out.push_back(absl::ascii_tolower(static_cast<unsigned char>(c)));
  }
  std::vector<absl::string_view> words =
      absl::StrSplit(out, absl::ByAnyChar(" \t\n"), absl::SkipEmpty());
  out = absl::StrJoin(words, " ");
  while (!out.empty() && (out.back() == '.' || out.back() == ' '))
    out.pop_back();
  for (absl::string_view lead : {"please ", "tell me ", "can you tell me "}) {
    if (absl::StartsWith(out, lead)) out = out.substr(lead.size());
  }
  return out;
}

// Matches the slot part `rest` against the literal `suffix` that follows the
// slot: the slot ends at the suffix's first occurrence, and what follows it
// must start a new clause or word (", and what nerve...").
bool MatchSlot(absl::string_view rest, absl::string_view suffix,
               std::string* slot) {
  if (suffix.empty()) {
    // A name ends at a comma: "what causes X, and what does it lead to".
    *slot = Trim(rest.substr(0, rest.find(',')));
    return !slot->empty();
  }
  const size_t at = rest.find(suffix);
  if (at == absl::string_view::npos || at == 0) return false;
  const absl::string_view after = rest.substr(at + suffix.size());
  if (!after.empty() && after[0] != ' ' && after[0] != ',' && after[0] != ';')
    return false;
  *slot = Trim(rest.substr(0, at));
  return !slot->empty();
}

// Returns whether `question` has the form `pattern`, and its names.
bool MatchPattern(absl::string_view pattern, absl::string_view question,
                  std::string* x, std::string* y) {
  const size_t px = pattern.find("{x}");
  if (px == absl::string_view::npos) return false;
  const absl::string_view prefix = pattern.substr(0, px);
  if (!absl::StartsWith(question, prefix)) return false;
  const absl::string_view rest = question.substr(prefix.size());
  const absl::string_view after_x = pattern.substr(px + 3);
  const size_t py = after_x.find("{y}");
  if (py == absl::string_view::npos) return MatchSlot(rest, after_x, x);
  const absl::string_view middle = after_x.substr(0, py);
  const size_t at = rest.find(middle);
  if (at == absl::string_view::npos || at == 0) return false;
  *x = Trim(rest.substr(0, at));
  return !x->empty() &&
         MatchSlot(rest.substr(at + middle.size()), after_x.substr(py + 3), y);
}

std::string StripArticles(absl::string_view phrase) {
  std::string p = Trim(phrase);
  for (bool again = true; again;) {
    again = false;
    for (absl::string_view a : {"a ", "an ", "the ", "my ", "your ", "his ",
                                "her ", "their ", "our ", "one's "}) {
      if (absl::StartsWith(p, a)) {
        p = p.substr(a.size());
        again = true;
      }
    }
  }
  return p;
}

// "tight psoas" -> "psoas"; "the glutes are weak" -> "glutes";
// "psoas spasm" -> "psoas".
std::string StripStates(absl::string_view phrase) {
  std::vector<std::string> words =
      absl::StrSplit(StripArticles(phrase), ' ', absl::SkipEmpty());
  size_t begin = 0;
  while (begin < words.size() && IsStateWord(words[begin])) ++begin;
  size_t end = words.size();
  while (end > begin &&
         (IsStateWord(words[end - 1]) || IsConditionNoun(words[end - 1]) ||
          words[end - 1] == "is" || words[end - 1] == "are" ||
          words[end - 1] == "gets" || words[end - 1] == "get")) {
    --end;
  }
  std::vector<std::string> kept(words.begin() + begin, words.begin() + end);
  return StripArticles(absl::StrJoin(kept, " "));
}

// Returns the muscles `phrase` names, through aliases.
std::vector<NodeIndex> Muscles(const GraphView& view,
                               absl::string_view phrase) {
  std::vector<NodeIndex> out;
  std::vector<std::string> tries = {std::string(phrase)};
  for (absl::string_view tail : {" muscles", " muscle"}) {
    if (absl::EndsWith(phrase, tail)) {
      tries.push_back(
          std::string(phrase.substr(0, phrase.size() - tail.size())));
    }
  }
  for (const std::string& t : tries) {
    for (NodeIndex v : view.Lookup(t)) {
      if (view.node(v).type == schema::MUSCLE) out.push_back(v);
    }
  }
  return out;
}

// Returns the names to look up for `phrase`, most literal first.
std::vector<std::string> Candidates(const GraphView& view,
                                    absl::string_view phrase,
                                    bool strip_states) {
  std::vector<std::string> out;
  for (absl::string_view alt :
       absl::StrSplit(phrase, absl::ByAnyChar("/"), absl::SkipEmpty())) {
    const std::string p = StripArticles(alt);
    if (p.empty()) continue;
    const std::string core = StripStates(p);
    if (strip_states && !core.empty()) {
      out.push_back(core);
      for (absl::string_view tail : {" muscles", " muscle"}) {
        if (absl::EndsWith(core, tail))
          out.push_back(core.substr(0, core.size() - tail.size()));
      }
    }
    out.push_back(p);
    // Composites: "<muscle> spasm", "tight <muscle>", with the muscle named
    // by any of its names.
    std::vector<absl::string_view> words = absl::StrSplit(p, ' ');
    if (words.size() >= 2) {
      std::vector<std::pair<std::string, std::string>>
          forms;  // (before, after)
      if (IsConditionNoun(words.back())) {
        const std::string head(p.substr(0, p.size() - words.back().size() - 1));
        for (NodeIndex m : Muscles(view, StripStates(head))) {
          forms.emplace_back(NodeName(view, m), std::string(words.back()));
          for (absl::string_view a : NodeAliases(view, m))
            forms.emplace_back(a, std::string(words.back()));
        }
        for (auto& [name, noun] : forms) {
          out.push_back(absl::StrCat(name, " ", noun));
          if (noun == "spasms") out.push_back(absl::StrCat(name, " spasm"));
        }
      } else if (IsStateWord(words[0])) {
        const std::string rest(p.substr(words[0].size() + 1));
        for (NodeIndex m : Muscles(view, rest)) {
          out.push_back(absl::StrCat(words[0], " ", NodeName(view, m)));
          for (absl::string_view a : NodeAliases(view, m)) {
            out.push_back(absl::StrCat(words[0], " ", a));
          }
        }
      }
    }
    if (!strip_states && !core.empty() && core != p) out.push_back(core);
  }
  return out;
}

struct Resolved {
  std::string name;
  schema::NodeType type = schema::NODE_TYPE_UNSPECIFIED;
};

absl::StatusOr<Resolved> Resolve(const GraphView& view,
                                 absl::string_view phrase, const Template& t) {
  const std::vector<std::string> candidates =
      Candidates(view, phrase, t.strip_states);
  // A node of a preferred type, best type first; else any node.
  for (schema::NodeType type : t.preferred) {
    for (const std::string& c : candidates) {
      for (NodeIndex v : view.Lookup(c)) {
        if (view.node(v).type == type) {
          return Resolved{std::string(NodeName(view, v)), type};
        }
      }
    }
  }
  for (const std::string& c : candidates) {
    for (NodeIndex v : view.Lookup(c)) {
      return Resolved{std::string(NodeName(view, v)), view.node(v).type};
    }
  }
  return absl::NotFoundError(
      absl::StrCat("no node in the graph is named '", Trim(phrase),
                   "' (tried: '", absl::StrJoin(candidates, "', '"), "')"));
}

std::string UnknownQuestion(absl::string_view question) {
  std::string out = absl::StrCat("cannot understand the question '",
                                 Trim(question), "'; questions I understand:");
  for (const std::string& form : AskTemplates())
    absl::StrAppend(&out, "\n  ", form);
  return out;
}

}  // namespace

std::vector<std::string> AskTemplates() {
  std::vector<std::string> out;
  for (const Template& t : Templates()) out.push_back(t.form);
  return out;
}

absl::StatusOr<CompiledQuestion> CompileQuestion(const graph::GraphView& view,
                                                 absl::string_view question) {
  const std::string q = NormalizeQuestion(question);
  for (const Template& t : Templates()) {
    for (const char* pattern : t.patterns) {
      std::string x, y;
      if (!MatchPattern(pattern, q, &x, &y)) continue;
      CompiledQuestion out;
      out.template_name = t.name;
      MSKG_ASSIGN_OR_RETURN(Resolved rx, Resolve(view, x, t));
      std::string label_y;
      out.params["x"] = Value(rx.name);
      if (!y.empty()) {
        MSKG_ASSIGN_OR_RETURN(Resolved ry, Resolve(view, y, t));
        out.params["y"] = Value(ry.name);
        label_y = absl::StrCat(":", LabelName(ry.type));
      }
      out.cypher = absl::StrReplaceAll(
          t.cypher,
          {{"{X}", absl::StrCat(":", LabelName(rx.type))}, {"{Y}", label_y}});
      return out;
    }
  }
  return absl::InvalidArgumentError(UnknownQuestion(question));
}

absl::StatusOr<AskResult> Ask(const QueryEngine& engine,
                              absl::string_view question,
                              const QueryOptions& options) {
  MSKG_ASSIGN_OR_RETURN(
      CompiledQuestion compiled,
      CompileQuestion(QueryEngineAccess::View(engine), question));
  QueryOptions run = options;
  for (const auto& [name, value] : compiled.params) run.params[name] = value;
  AskResult result;
  MSKG_ASSIGN_OR_RETURN(result.table, engine.Run(compiled.cypher, run));
  result.template_name = std::move(compiled.template_name);
  result.cypher = std::move(compiled.cypher);
  result.params = std::move(compiled.params);
  return result;
}

}  // namespace mskg::query

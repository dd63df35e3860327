#include "cli/cli_args.h"

#include <cstdlib>
#include <set>

#include "absl/strings/match.h"
#include "absl/strings/str_cat.h"

namespace mskg::cli {
namespace {

// Flags that take a value; every other known flag is boolean.
const std::set<std::string>& ValueFlags() {
  static const auto* flags = new std::set<std::string>{
      "db",       "format",   "param",   "o",     "output",
      "max-rows", "max-hops", "lexicon", "query", "subset", "threads",
      "timeout",  "max-intermediate-rows", "max-memory-mb", "max-document-mb",
      // mskg show
      "neighbours", "max-nodes", "max-pixels", "layout-timeout",
      // mskg serve
      "bind",     "port",     "keys",    "cors",  "rate-limit", "max-body-mb",
      "io-threads"};
  return *flags;
}

const std::set<std::string>& BoolFlags() {
  static const auto* flags = new std::set<std::string>{"why",
                                                       "help",
                                                       "quiet",
                                                       "no-reference",
                                                       "include-negated",
                                                       "include-inferred",
                                                       "public-reads",
                                                       "read-only"};
  return *flags;
}

const std::set<std::string>& Commands() {
  static const auto* commands = new std::set<std::string>{
      "ingest", "query", "ask",   "export",
      "import", "show",  "stats", "serve", "help"};
  return *commands;
}

}  // namespace

bool CliArgs::Has(absl::string_view name) const {
  return flags.find(std::string(name)) != flags.end();
}

std::string CliArgs::Get(absl::string_view name,
                         absl::string_view fallback) const {
  auto range = flags.equal_range(std::string(name));
  if (range.first == range.second) return std::string(fallback);
  return std::prev(range.second)->second;
}

std::vector<std::string> CliArgs::GetAll(absl::string_view name) const {
  std::vector<std::string> values;
  auto range = flags.equal_range(std::string(name));
  for (auto it = range.first; it != range.second; ++it) {
    values.push_back(it->second);
  }
  return values;
}

std::string DefaultStorePath() {
  if (const char* db = std::getenv("MSKG_DB"); db != nullptr && *db != '\0') {
    return db;
  }
  if (const char* xdg = std::getenv("XDG_DATA_HOME");
      xdg != nullptr && *xdg != '\0') {
    return absl::StrCat(xdg, "/mskg/store");
  }
  const char* home = std::getenv("HOME");
  return absl::StrCat(home != nullptr ? home : ".", "/.local/share/mskg/store");
}

absl::StatusOr<CliArgs> ParseArgs(const std::vector<std::string>& argv) {
  CliArgs args;
  bool only_positional = false;
  for (size_t i = 0; i < argv.size(); ++i) {
    const std::string& arg = argv[i];
    if (only_positional || arg.size() < 2 || arg[0] != '-') {
      if (args.command.empty()) {
        if (Commands().count(arg) == 0) {
          return absl::InvalidArgumentError(
              absl::StrCat("unknown command '", arg,
                           "'; commands: ingest, query, ask, export, import, "
                           "show, stats, serve, help"));
        }
        args.command = arg;
      } else {
        args.positional.push_back(arg);
      }
      continue;
    }
    if (arg == "--") {
      only_positional = true;
      continue;
    }
    std::string name = arg.substr(arg[1] == '-' ? 2 : 1);
    std::string value;
    bool has_inline_value = false;
    if (size_t eq = name.find('='); eq != std::string::npos) {
      value = name.substr(eq + 1);
      name = name.substr(0, eq);
      has_inline_value = true;
    }
    if (name == "h") name = "help";
    if (ValueFlags().count(name) > 0) {
      if (!has_inline_value) {
        if (i + 1 >= argv.size()) {
          return absl::InvalidArgumentError(
              absl::StrCat("flag --", name, " needs a value"));
        }
        value = argv[++i];
      }
    } else if (BoolFlags().count(name) > 0) {
      if (!has_inline_value) value = "true";
    } else {
      return absl::InvalidArgumentError(absl::StrCat(
          "unknown flag '", arg, "'; run 'mskg help' for the flags"));
    }
    if (name == "output") name = "o";
    args.flags.emplace(name, value);
  }
  if (args.Has("help") && args.command.empty()) args.command = "help";
  if (args.command.empty()) {
    return absl::InvalidArgumentError(
        "no command given; run 'mskg help' for the commands");
  }
  args.db = args.Get("db", "");
  if (args.db.empty()) args.db = DefaultStorePath();
  return args;
}

const char* UsageText() {
  return R"(mskg: a musculoskeletal knowledge graph.

usage: mskg [--db PATH] COMMAND [flags] [arguments]

commands:
  ingest PATH...          read .txt, .md and .html files (or folders of them)
                          into the store; shows progress on a terminal and a
                          one-line summary. A failed document leaves the store
                          as it was; the others are still read.
      --lexicon DIR       read the lexicon from DIR instead of the built-in one
      --no-reference      do not load the lexicon's reference anatomy
      --threads N         extraction threads beside the writing one
                          (default: one per core but one, at least one)
      --max-document-mb N refuse documents larger than N MB (default 16)
                          Folders are walked following symbolic links, each
                          folder once; only regular files are read.
  query 'CYPHER'          run a query (EXPLAIN / PROFILE prefixes show the plan)
      --format table|tsv|json   output format (default: table)
      --why               show, for each row, the sentences or the chain of
                          edges behind it
      --param NAME=VALUE  bind $NAME (repeatable)
      --max-rows N        truncate results after N rows (default 10000)
      --include-negated   also match edges that the sources deny
      --timeout SECONDS   stop the query after SECONDS (default 30; 0: never)
      --max-intermediate-rows N   stop after N rows of intermediate work
                          (default 20000000)
      --max-memory-mb N   stop when the query holds about N MB (default 1024)
  ask 'QUESTION'          answer a question in English from a set of
                          templates ("muscles opposing a tight psoas",
                          "causes shared by QL spasm and psoas spasm",
                          "treatments for X", "symptoms of X", ...); prints
                          the Cypher it ran; --why, --max-rows, --timeout
                          as for query
  export --format F       write the graph: triples (the scorer's TSV), jsonl,
                          graphml, dot, ntriples, turtle, neo4j-csv (a folder)
      --query 'CYPHER'    only the subgraph that the query's answer uses
      -o PATH             write to PATH instead of standard output
  import --format F FILE  read triples or jsonl (our exports, provenance kept),
                          or an OBO 1.4 ontology as reference knowledge
      --subset muscles    with obo: only muscles and what they point to
  show 'CYPHER' -o F.svg  draw the answer (needs Graphviz's dot; .png, or .dot
                          for the DOT text): the matched nodes and edges only,
                          parallel edges merged, inferred ones dashed with
                          their rule
      --neighbours N      also the N best-linked neighbours, faded (default 0)
      --max-nodes N       at most N nodes, the first by rank (default 60)
      --max-pixels N      at most N pixels on the long side (default 2000)
      --layout-timeout S  stop Graphviz after S seconds (default 10)
      --timeout S         the query's deadline, as for query (default 30)
  stats                   counts of documents, nodes and edges by type
  serve                   the HTTP/JSON API (README "Serving"): /v1/query,
                          /v1/entities/TYPE/NAME, /v1/search, /v1/ask,
                          /v1/documents/ID, /v1/health, /metrics,
                          /v1/openapi.json, and the explorer page at /
                          (README "Explorer"); stops cleanly on SIGTERM
      --bind ADDRESS      listen address (default 127.0.0.1)
      --port N            port (default 8080; 0: any free one, printed)
      --threads N         threads answering queries and writes (default 2)
      --io-threads N      threads reading and writing connections, which
                          also answer cached pages (default 2, 1 on one
                          core)
      --keys FILE         API keys, lines 'KEY read|write' (also
                          $MSKG_API_KEYS='KEY:read,KEY:write'); writes need
                          a write key; without any key reads are open and
                          writes refused
      --public-reads      reads need no key even when keys are set
      --cors ORIGIN       let browsers from ORIGIN call the API (repeatable;
                          '*' for any)
      --rate-limit N      requests per second per key or address (default: no
                          limit); past it, 429
      --read-only         open the store read-only; writes answer 503
      --max-body-mb N     largest request body (default 16); past it, 413
  help                    this text

global flags:
  --db PATH               the store (default: $MSKG_DB, else
                          $XDG_DATA_HOME/mskg/store, else
                          ~/.local/share/mskg/store); before or after COMMAND

exit codes: 0 success, 2 bad input or usage (a query past its --timeout or
budget included), 1 internal error.
)";
}

}  // namespace mskg::cli

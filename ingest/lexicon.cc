// ingest/lexicon.cc
#include "ingest/lexicon.h"

#include <dirent.h>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/ascii.h"
#include "absl/strings/match.h"
#include "absl/strings/str_format.h"
#include "absl/strings/str_split.h"
#include "absl/strings/string_view.h"
#include "absl/strings/strip.h"
#include "ingest/embedded_lexicon.h"
#include "ingest/tokenizer.h"
#include "util/status_macros.h"

namespace mskg::ingest {
namespace {

constexpr std::pair<schema::NodeType, const char*> kLabels[] = {
    {schema::MUSCLE, "Muscle"},       {schema::STRUCTURE, "Structure"},
    {schema::ACTION, "Action"},       {schema::CONDITION, "Condition"},
    {schema::CAUSE, "Cause"},         {schema::SYMPTOM, "Symptom"},
    {schema::TREATMENT, "Treatment"}, {schema::TEST, "Test"},
    {schema::NERVE, "Nerve"},         {schema::VESSEL, "Vessel"},
};

std::vector<std::string> SplitValues(absl::string_view field) {
  std::vector<std::string> out;
  for (absl::string_view v : absl::StrSplit(field, '|')) {
    v = absl::StripAsciiWhitespace(v);
    if (!v.empty()) out.emplace_back(v);
  }
  return out;
}

absl::string_view BaseName(absl::string_view path) {
  size_t slash = path.find_last_of('/');
  return slash == absl::string_view::npos ? path : path.substr(slash + 1);
}

}  // namespace

absl::string_view NodeTypeLabel(schema::NodeType type) {
  for (const auto& [t, label] : kLabels) {
    if (t == type) return label;
  }
  return "";
}

schema::NodeType NodeTypeFromLabel(absl::string_view label) {
  for (const auto& [t, l] : kLabels) {
    if (absl::EqualsIgnoreCase(label, l)) return t;
  }
  return schema::NODE_TYPE_UNSPECIFIED;
}

absl::Status Lexicon::Parse(const LexiconFile& file) {
  const bool muscles = absl::StartsWith(BaseName(file.path), "muscles");
  std::vector<std::string> header;
  int col_type = -1, col_name = -1;
  std::vector<int> alias_cols;
  int adjective_col = -1;  // "adjectives": aliases that name no node.
  struct RelCol {
    int col;
    std::vector<std::string> LexiconEntry::*field;
  };
  std::vector<RelCol> rel_cols;
  int line_no = 0;
  size_t pos = 0;
  const std::string& text = file.content;
  while (pos < text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) nl = text.size();
    absl::string_view line(text.data() + pos, nl - pos);
    const uint32_t line_begin = static_cast<uint32_t>(pos);
    pos = nl + 1;
    ++line_no;
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (line.empty() || line[0] == '#' ||
        absl::StripAsciiWhitespace(line).empty()) {
      continue;
    }
    std::vector<absl::string_view> fields = absl::StrSplit(line, '\t');
    auto error = [&](const std::string& what) {
      return absl::InvalidArgumentError(
          absl::StrFormat("%s:%d: %s", file.path, line_no, what));
    };
    if (header.empty()) {
      for (absl::string_view f : fields) {
        header.push_back(absl::AsciiStrToLower(absl::StripAsciiWhitespace(f)));
      }
      for (size_t i = 0; i < header.size(); ++i) {
        const std::string& h = header[i];
        const int c = static_cast<int>(i);
        if (h == "type") col_type = c;
        if (h == "name") col_name = c;
        if (h == "aliases" || h == "alias" || h == "lay_names" ||
            h == "lay_name" || h == "synonyms" || h == "abbreviations") {
          alias_cols.push_back(c);
        }
        if (h == "adjectives") adjective_col = c;
        if (!muscles) continue;
        if (h == "part_of" || h == "groups" || h == "group") {
          rel_cols.push_back({c, &LexiconEntry::part_of});
        } else if (h == "origin" || h == "origins") {
          rel_cols.push_back({c, &LexiconEntry::origin});
        } else if (h == "insertion" || h == "insertions") {
          rel_cols.push_back({c, &LexiconEntry::insertion});
        } else if (h == "actions" || h == "action") {
          rel_cols.push_back({c, &LexiconEntry::actions});
        } else if (h == "innervation" || h == "nerves" || h == "nerve") {
          rel_cols.push_back({c, &LexiconEntry::innervation});
        } else if (h == "blood_supply" || h == "vessels" || h == "vessel") {
          rel_cols.push_back({c, &LexiconEntry::blood_supply});
        } else if (h == "antagonists" || h == "antagonist") {
          rel_cols.push_back({c, &LexiconEntry::antagonists});
        }
      }
      if (col_name < 0) return error("header has no 'name' column");
      if (!muscles && col_type < 0) return error("header has no 'type' column");
      continue;
    }
    if (fields.size() != header.size()) {
      return error(absl::StrFormat("wrong number of columns: expected %d, found %d",
                                   header.size(), fields.size()));
    }
    LexiconEntry e;
    e.file = file.path;
    e.line = line_no;
    e.line_begin = line_begin;
    e.line_end = static_cast<uint32_t>(std::min(nl, text.size()));
    if (muscles) {
      e.type = schema::MUSCLE;
    } else {
      absl::string_view label = absl::StripAsciiWhitespace(fields[col_type]);
      e.type = NodeTypeFromLabel(label);
      if (e.type == schema::NODE_TYPE_UNSPECIFIED) {
        return error(absl::StrFormat("unknown type '%s'", label));
      }
    }
    e.name = std::string(absl::StripAsciiWhitespace(fields[col_name]));
    if (e.name.empty() || TokenKey(e.name).empty()) return error("empty name");
    for (int c : alias_cols) {
      for (std::string& a : SplitValues(fields[c])) {
        e.aliases.push_back(std::move(a));
      }
    }
    if (adjective_col >= 0) {
      e.adjectives = SplitValues(fields[adjective_col]);
      for (const std::string& a : e.adjectives) e.aliases.push_back(a);
    }
    for (const RelCol& rc : rel_cols) {
      e.*(rc.field) = SplitValues(fields[rc.col]);
    }
    // Merge with an earlier row of the same type and name.
    auto it = by_key_.find({e.type, TokenKey(e.name)});
    int index;
    if (it != by_key_.end() && entries_[it->second].name == e.name) {
      index = it->second;
      LexiconEntry& old = entries_[index];
      for (std::string& a : e.aliases) old.aliases.push_back(std::move(a));
      for (std::string& a : e.adjectives)
        old.adjectives.push_back(std::move(a));
      for (const RelCol& rc : rel_cols) {
        for (std::string& v : e.*(rc.field)) (old.*(rc.field)).push_back(v);
      }
    } else {
      index = static_cast<int>(entries_.size());
      entries_.push_back(std::move(e));
    }
    const LexiconEntry& entry = entries_[index];
    std::vector<std::string> names = entry.aliases;
    names.push_back(entry.name);
    for (const std::string& n : names) {
      std::string key = TokenKey(n);
      key_of_name_.try_emplace(n, key);
      if (key.empty()) continue;
      by_key_.try_emplace({entry.type, key}, index);
      by_any_key_.try_emplace(key, index);
    }
  }
  return absl::OkStatus();
}

absl::Status Lexicon::Resolve() {
  struct Check {
    std::vector<std::string> LexiconEntry::*field;
    schema::NodeType type;
    const char* column;
  };
  const Check checks[] = {
      {&LexiconEntry::part_of, schema::MUSCLE, "part_of"},
      {&LexiconEntry::origin, schema::STRUCTURE, "origin"},
      {&LexiconEntry::insertion, schema::STRUCTURE, "insertion"},
      {&LexiconEntry::actions, schema::ACTION, "actions"},
      {&LexiconEntry::innervation, schema::NERVE, "innervation"},
      {&LexiconEntry::blood_supply, schema::VESSEL, "blood_supply"},
      {&LexiconEntry::antagonists, schema::MUSCLE, "antagonists"},
  };
  for (const LexiconEntry& e : entries_) {
    if (e.type != schema::MUSCLE) continue;
    for (const Check& c : checks) {
      for (const std::string& v : e.*(c.field)) {
        if (Find(c.type, v) == nullptr) {
          return absl::InvalidArgumentError(absl::StrFormat(
              "%s:%d: %s names '%s', which no lexicon file defines as %s",
              e.file, e.line, c.column, v, NodeTypeLabel(c.type)));
        }
      }
    }
  }
  for (LexiconEntry& e : entries_) {
    if (e.type != schema::MUSCLE) continue;
    for (const std::string& g : e.part_of) {
      const LexiconEntry* group = Find(schema::MUSCLE, g);
      if (group != nullptr && group != &e) {
        entries_[group - entries_.data()].is_group = true;
      }
    }
  }
  return absl::OkStatus();
}

absl::StatusOr<std::unique_ptr<Lexicon>> Lexicon::Load(
    const std::vector<LexiconFile>& files) {
  std::unique_ptr<Lexicon> lexicon(new Lexicon());
  // Muscles first, so that their names win alias collisions.
  std::vector<const LexiconFile*> order;
  for (const LexiconFile& f : files) order.push_back(&f);
  std::stable_sort(order.begin(), order.end(),
                   [](const LexiconFile* a, const LexiconFile* b) {
                     return absl::StartsWith(BaseName(a->path), "muscles") &&
                            !absl::StartsWith(BaseName(b->path), "muscles");
                   });
  for (const LexiconFile* f : order) {
    MSKG_RETURN_IF_ERROR(lexicon->Parse(*f));
  }
  MSKG_RETURN_IF_ERROR(lexicon->Resolve());
  return lexicon;
}

absl::StatusOr<std::unique_ptr<Lexicon>> Lexicon::LoadDirectory(
    absl::string_view dir) {
  const std::string d(dir);
  DIR* handle = opendir(d.c_str());
  if (handle == nullptr) {
    return absl::NotFoundError(
        absl::StrFormat("%s: lexicon directory not found", dir));
  }
  std::vector<std::string> names;
  while (struct dirent* ent = readdir(handle)) {
    std::string name = ent->d_name;
    if (absl::EndsWith(name, ".tsv")) names.push_back(name);
  }
  closedir(handle);
  std::sort(names.begin(), names.end());
  std::vector<LexiconFile> files;
  for (const std::string& name : names) {
    std::string path = absl::StrFormat("%s/%s", absl::StripSuffix(dir, "/"), name);
    std::ifstream in(path, std::ios::binary);
    if (!in) {
      return absl::NotFoundError(absl::StrFormat("%s: cannot read", path));
    }
    std::stringstream ss;
    ss << in.rdbuf();
    files.push_back({path, ss.str()});
  }
  return Load(files);
}

absl::StatusOr<std::unique_ptr<Lexicon>> Lexicon::LoadEmbedded() {
  std::vector<LexiconFile> files;
  for (const EmbeddedFile* f = kEmbeddedLexicon; f->path != nullptr; ++f) {
    files.push_back({f->path, f->content});
  }
  return Load(files);
}

const LexiconEntry* Lexicon::Find(schema::NodeType type,
                                  absl::string_view name) const {
  std::string computed;
  const std::string* key_ptr;
  if (auto known = key_of_name_.find(name); known != key_of_name_.end()) {
    key_ptr = &known->second;
  } else {
    computed = TokenKey(name);
    key_ptr = &computed;
  }
  const std::string& key = *key_ptr;
  if (type == schema::NODE_TYPE_UNSPECIFIED) {
    auto it = by_any_key_.find(key);
    return it == by_any_key_.end() ? nullptr : &entries_[it->second];
  }
  auto it = by_key_.find({type, key});
  return it == by_key_.end() ? nullptr : &entries_[it->second];
}

schema::DocumentClaims Lexicon::ReferenceClaims() const {
  schema::DocumentClaims doc;
  doc.set_document_id("reference");
  struct Rel {
    std::vector<std::string> LexiconEntry::*field;
    schema::NodeType type;
    schema::Relation relation;
  };
  const Rel rels[] = {
      {&LexiconEntry::part_of, schema::MUSCLE, schema::PART_OF},
      {&LexiconEntry::origin, schema::STRUCTURE, schema::ORIGINATES_FROM},
      {&LexiconEntry::insertion, schema::STRUCTURE, schema::INSERTS_ON},
      {&LexiconEntry::actions, schema::ACTION, schema::PERFORMS},
      {&LexiconEntry::innervation, schema::NERVE, schema::INNERVATED_BY},
      {&LexiconEntry::blood_supply, schema::VESSEL, schema::SUPPLIED_BY},
      {&LexiconEntry::antagonists, schema::MUSCLE, schema::ANTAGONIST_OF},
  };
  std::string fingerprint;
  for (const LexiconEntry& e : entries_) {
    schema::NodeKey* mention = doc.add_mentions();
    mention->set_type(e.type);
    mention->set_name(e.name);
    for (const std::string& a : e.aliases) mention->add_aliases(a);
    if (e.type != schema::MUSCLE) continue;
    for (const Rel& r : rels) {
      for (const std::string& v : e.*(r.field)) {
        const LexiconEntry* target = Find(r.type, v);
        if (target == nullptr || target == &e) continue;
        schema::Claim* claim = doc.add_claims();
        claim->mutable_subject()->set_type(e.type);
        claim->mutable_subject()->set_name(e.name);
        claim->set_relation(r.relation);
        claim->mutable_object()->set_type(target->type);
        claim->mutable_object()->set_name(target->name);
        schema::Provenance* p = claim->mutable_provenance();
        p->set_document_id("reference");
        p->set_begin(e.line_begin);
        p->set_end(e.line_end);
        p->set_sentence(absl::StrFormat("%s:%d", e.file, e.line));
        p->set_rule("lexicon");
        p->set_confidence(1.0f);
        p->set_polarity(schema::AFFIRMED);
      }
    }
  }
  return doc;
}

}  // namespace mskg::ingest

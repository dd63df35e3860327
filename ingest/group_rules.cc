// ingest/group_rules.cc
//
// A muscle group named after its action ("hip flexors", "hip abductors",
// "wrist extensors"), when the text defines it by its members ("the hip
// flexors, which mainly include the psoas and the iliacus", "the hip
// abductors (gluteus medius)"), performs that action, and so does each
// member: the name is the description. The action is the one of the
// group's reference actions that the name derives from ("hip abduct-ors" ->
// "hip abduct-ion").
#include <string>
#include <vector>

#include "absl/strings/match.h"
#include "absl/strings/string_view.h"
#include "ingest/document_extractor.h"

namespace mskg::ingest::extraction {

void DocumentExtractor::GroupActions(const Mention& group,
                                     const std::vector<Ref>& members,
                                     int index) {
  if (group.entry == nullptr || members.empty()) return;
  const std::string& name = group.entry->name;
  if (!absl::EndsWith(name, "ors")) return;
  const absl::string_view stem(name.data(), name.size() - 3);
  for (const std::string& written : group.entry->actions) {
    if (!absl::StartsWith(written, stem)) continue;
    const LexiconEntry* action =
        linker_->lexicon().Find(schema::ACTION, written);
    if (action == nullptr) continue;
    const Ref a = FromEntry(*action);
    Add(FromMention(group), schema::PERFORMS, a, index, "group_action", 0.5f);
    for (const Ref& m : members) {
      Add(m, schema::PERFORMS, a, index, "group_action", 0.5f);
    }
    return;
  }
}

}  // namespace mskg::ingest::extraction

// ingest/document_naming.h (private to //ingest)
//
// How a document's clinical entities are named: as the article writes them
// (NameAsWritten, per sentence), and with one name per entity across the
// document (OneNamePerDocument, once all its sentences are linked). These
// rename mentions the linker and the phrase finder (phrase_finder.h) found;
// they find none.
//
// Thread-safety: stateless; safe from any thread.
#ifndef MSKG_INGEST_DOCUMENT_NAMING_H_
#define MSKG_INGEST_DOCUMENT_NAMING_H_

#include <string>
#include <vector>

#include "ingest/entity_linker.h"
#include "ingest/tokenizer.h"

namespace mskg::ingest {

// Names the clinical lexicon mentions of `tokens` (conditions, symptoms,
// causes, treatments, tests; not muscle states, not abbreviations the text
// defines) as the text writes them ("ice", "herniated disk"), with the
// lexicon's name ("cold therapy", "herniated disc") kept as the mention's
// alias: an article's own words are how its readers name its entities,
// and the alias lets a query find the node by either. Anatomy keeps the
// lexicon's names, which the reference anatomy uses.
// `linker` tells which spans write a name of their entry.
void NameAsWritten(const EntityLinker& linker,
                   const std::vector<Token>& tokens,
                   std::vector<Mention>* mentions);

// The name's words in the singular, for telling the number variants of one
// name apart from other names: "ACL injuries" -> "acl injury", "stretches"
// -> "stretch".
std::string SingularKey(absl::string_view name);

// Gives every clinical entity of one document one name: the mentions of a
// lexicon entry, and the open mentions whose names differ only in number
// ("ACL injury", "ACL injuries"), all take the name the document writes
// most often (the first, on a tie). An article that writes "ice" and "ice
// packs" for one treatment has one node for it, under its own word.
void OneNamePerDocument(const std::vector<std::vector<Mention>*>& sentences);

}  // namespace mskg::ingest

#endif  // MSKG_INGEST_DOCUMENT_NAMING_H_

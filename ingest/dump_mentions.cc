// ingest/dump_mentions.cc
//
// A developer's view of entity linking: prints each sentence of a document
// with the mentions found in it ([Type name], "+" marking open-vocabulary
// phrases) and the heading or list structure around it, so that extraction
// errors can be traced to the stage that made them.
//   bazel run //ingest:dump_mentions -- [--lexicon DIR] FILE...
#include <cstdio>
#include <string>

#include "absl/strings/str_cat.h"
#include "ingest/document_reader.h"
#include "ingest/dump_input.h"
#include "ingest/entity_linker.h"
#include "ingest/lexicon.h"
#include "ingest/relation_extractor.h"
#include "ingest/sentence_splitter.h"

int main(int argc, char** argv) {
  using namespace mskg::ingest;  // NOLINT: a small tool.
  int first_file = 1;
  std::string lexicon_dir;
  if (argc > 2 && std::string(argv[1]) == "--lexicon") {
    lexicon_dir = argv[2];
    first_file = 3;
  }
  auto lexicon = lexicon_dir.empty() ? Lexicon::LoadEmbedded()
                                     : Lexicon::LoadDirectory(lexicon_dir);
  if (!lexicon.ok()) {
    std::fprintf(stderr, "%s\n", lexicon.status().ToString().c_str());
    return 1;
  }
  EntityLinker linker(lexicon->get());
  for (int a = first_file; a < argc; ++a) {
    auto doc = ReadDocumentFile(argv[a]);
    if (!doc.ok()) {
      std::fprintf(stderr, "%s\n", doc.status().ToString().c_str());
      return 2;
    }
    for (const AnalyzedSentence& s :
         AnalyzeSentences(linker, *doc, SplitSentences(*doc))) {
      const Block& b = doc->blocks[s.sentence.block];
      const char* kind = b.kind == BlockKind::kHeading    ? "H"
                         : b.kind == BlockKind::kListItem ? "L"
                                                          : "P";
      std::string line =
          absl::StrCat(kind, b.level, s.sentence.is_label ? ":" : " ");
      for (const Mention& m : s.mentions) {
        absl::StrAppend(&line, " [", NodeTypeLabel(m.type), m.open ? "+" : "",
                        " ", m.name,
                        m.affects.empty() ? "" : absl::StrCat(" @", m.affects),
                        "]");
      }
      std::printf("%s\n    %s\n", s.text.c_str(), line.c_str());
    }
  }
  return 0;
}

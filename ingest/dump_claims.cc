// ingest/dump_claims.cc
//
// Every candidate claim of each document with the claim model's features,
// before the model decides: the training data of
// tools/train_claim_model.py. One line a claim:
//   document <TAB> subject <TAB> RELATION <TAB> object <TAB> features
//   bazel run //ingest:dump_claims -- FILE...
#include <cstdio>
#include <string>
#include <vector>

#include "ingest/document_extractor.h"
#include "ingest/document_reader.h"
#include "ingest/dump_input.h"
#include "ingest/entity_linker.h"
#include "ingest/lexicon.h"
#include "ingest/relation_extractor.h"
#include "ingest/sentence_splitter.h"

int main(int argc, char** argv) {
  using namespace mskg::ingest;  // NOLINT: a small tool.
  auto lexicon = Lexicon::LoadEmbedded();
  if (!lexicon.ok()) {
    std::fprintf(stderr, "%s\n", lexicon.status().ToString().c_str());
    return 1;
  }
  EntityLinker linker(lexicon->get());
  for (int a = 1; a < argc; ++a) {
    auto doc = ReadDocumentFile(argv[a]);
    if (!doc.ok()) {
      std::fprintf(stderr, "%s\n", doc.status().ToString().c_str());
      return 2;
    }
    const std::vector<AnalyzedSentence> sentences =
        AnalyzeSentences(linker, *doc, SplitSentences(*doc));
    std::vector<std::string> features;
    extraction::DocumentExtractor extractor(&linker, argv[a], *doc, sentences);
    const mskg::schema::DocumentClaims claims =
        extractor.Run(/*model=*/nullptr, &features);
    for (int c = 0; c < claims.claims_size(); ++c) {
      const mskg::schema::Claim& claim = claims.claims(c);
      std::printf("%s\t%s\t%s\t%s\t%s\n", argv[a],
                  claim.subject().name().c_str(),
                  mskg::schema::Relation_Name(claim.relation()).c_str(),
                  claim.object().name().c_str(), features[c].c_str());
    }
  }
  return 0;
}

// graph/write_paths_test.cc
//
// The format has one encoder (key_codec.h) and three writers: the
// per-document WriteBatch (PutDocument, and BulkLoad below
// bulk_sst_min_claims), the SST bulk loader (BulkLoad) and the SST triples
// loader (BulkLoadTriples). These tests write the same documents through
// each and compare the raw contents of every column family byte for byte,
// read with RocksDB directly, so that a drift between writers fails here
// even where the readers would not see it. They also check how stores of
// another format version are refused.
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "absl/strings/escaping.h"
#include "absl/strings/str_cat.h"
#include "graph/bulk_loader.h"
#include "graph/graph_store.h"
#include "graph/key_codec.h"
#include "graph/triple_batch.h"
#include "gtest/gtest.h"
#include "rocksdb/db.h"
#include "rocksdb/options.h"

namespace mskg::graph {
namespace {

// Column family name -> its rows (key, value) in key order.
using RawContents =
    std::map<std::string, std::vector<std::pair<std::string, std::string>>>;

// Returns every row of every column family of the (closed) store at `path`.
RawContents ReadRaw(const std::string& path) {
  RawContents contents;
  rocksdb::Options options;
  std::vector<std::string> names;
  rocksdb::Status s = rocksdb::DB::ListColumnFamilies(options, path, &names);
  EXPECT_TRUE(s.ok()) << s.ToString();
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  for (const std::string& name : names) {
    descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  s = rocksdb::DB::OpenForReadOnly(options, path, descriptors, &handles, &raw);
  std::unique_ptr<rocksdb::DB> db(raw);
  EXPECT_TRUE(s.ok()) << s.ToString();
  if (!s.ok()) return contents;
  for (size_t i = 0; i < handles.size(); ++i) {
    auto& rows = contents[names[i]];
    std::unique_ptr<rocksdb::Iterator> it(
        db->NewIterator(rocksdb::ReadOptions(), handles[i]));
    for (it->SeekToFirst(); it->Valid(); it->Next()) {
      rows.emplace_back(it->key().ToString(), it->value().ToString());
    }
    EXPECT_TRUE(it->status().ok()) << it->status().ToString();
  }
  for (rocksdb::ColumnFamilyHandle* handle : handles) {
    db->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
  }
  return contents;
}

// Expects `actual` to equal `expected` row for row, naming the first
// difference of each column family in hex.
void ExpectSameBytes(const RawContents& expected, const RawContents& actual,
                     absl::string_view what) {
  std::vector<std::string> expected_families;
  std::vector<std::string> actual_families;
  for (const auto& [name, rows] : expected) expected_families.push_back(name);
  for (const auto& [name, rows] : actual) actual_families.push_back(name);
  EXPECT_EQ(actual_families, expected_families) << what;
  for (const auto& [name, rows] : expected) {
    auto found = actual.find(name);
    if (found == actual.end()) continue;
    const auto& other = found->second;
    EXPECT_EQ(other.size(), rows.size()) << what << ": rows of " << name;
    for (size_t i = 0; i < std::min(rows.size(), other.size()); ++i) {
      if (rows[i] == other[i]) continue;
      ADD_FAILURE() << what << ": " << name << " row " << i << " differs:\n"
                    << "  expected " << absl::BytesToHexString(rows[i].first)
                    << " = " << absl::BytesToHexString(rows[i].second)
                    << "\n  actual   " << absl::BytesToHexString(other[i].first)
                    << " = " << absl::BytesToHexString(other[i].second);
      break;
    }
  }
}

class WritePathsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    keys::SetIngestTimeForTesting(1700000000000000);
    base_ = absl::StrCat(
        ::testing::TempDir(), "/write_paths_",
        ::testing::UnitTest::GetInstance()->current_test_info()->name());
    std::filesystem::remove_all(base_);
    std::filesystem::create_directories(base_);
  }
  void TearDown() override {
    keys::SetIngestTimeForTesting(0);
    std::filesystem::remove_all(base_);
  }

  std::unique_ptr<GraphStore> Open(const std::string& name,
                                   int64_t bulk_sst_min_claims) {
    GraphStoreOptions options;
    options.bulk_sst_min_claims = bulk_sst_min_claims;
    absl::StatusOr<std::unique_ptr<GraphStore>> store =
        GraphStore::Open(absl::StrCat(base_, "/", name), options);
    EXPECT_TRUE(store.ok()) << store.status();
    return store.ok() ? *std::move(store) : nullptr;
  }

  std::string base_;
};

// Fills `batch` with `rows` rows over documents doc<first_doc> to
// doc<first_doc + docs - 1>: names repeat in other spellings (case,
// plural), edges repeat within and across documents, and the same row twice
// in a document counts once.
void FillBatch(TripleBatch* batch, int rows, int first_doc, int docs,
               int salt) {
  std::string& text = *batch->mutable_text();
  text.clear();
  std::vector<std::pair<size_t, size_t>> spans;
  auto add = [&](const std::string& name) {
    spans.emplace_back(text.size(), name.size());
    text += name;
  };
  for (int i = 0; i < rows; ++i) {
    add(absl::StrCat(i % 2 == 0 ? "Muscle " : "muscles ", (i * 7 + salt) % 97));
    add(absl::StrCat(i % 3 == 0 ? "NERVE " : "nerve ", (i * 5) % 41));
  }
  for (int i = 0; i < rows; ++i) {
    const absl::string_view subject(text.data() + spans[2 * i].first,
                                    spans[2 * i].second);
    const absl::string_view object(text.data() + spans[2 * i + 1].first,
                                   spans[2 * i + 1].second);
    // Each document's rows together: then the row order in which the
    // triples loader numbers new nodes is the document order in which the
    // document paths number them (with rows of documents interleaved, the
    // two number new nodes differently; both are deterministic).
    const uint32_t doc =
        batch->AddDocument(absl::StrCat("doc", first_doc + i * docs / rows));
    if (i % 3 == 2) {
      batch->AddRow({object, subject, doc, schema::NERVE, schema::PART_OF,
                     schema::MUSCLE});
    } else {
      batch->AddRow({subject, object, doc, schema::MUSCLE,
                     schema::INNERVATED_BY, schema::NERVE});
    }
    if (i % 11 == 0) {  // An exact duplicate row.
      batch->AddRow(batch->rows().back());
    }
  }
}

// The same triples through PutDocument, BulkLoad (SST and WriteBatch) and
// BulkLoadTriples (SST and its small-import WriteBatch fallback), then a
// second import that replaces some documents and adds others.
TEST_F(WritePathsTest, WritePathsWriteTheSameBytes) {
  TripleBatch first;
  FillBatch(&first, 900, 0, 40, 0);
  TripleBatch second;
  // doc20..doc39 replaced, doc40..doc79 new.
  FillBatch(&second, 300, 20, 60, 5);
  const std::vector<schema::DocumentClaims> first_docs = first.ToDocuments();
  const std::vector<schema::DocumentClaims> second_docs = second.ToDocuments();

  {
    std::unique_ptr<GraphStore> store = Open("put", INT64_MAX);
    ASSERT_NE(store, nullptr);
    for (const auto& docs : {first_docs, second_docs}) {
      for (const schema::DocumentClaims& doc : docs) {
        ASSERT_TRUE(store->PutDocument(doc).ok());
      }
    }
  }
  {
    std::unique_ptr<GraphStore> store = Open("bulk_sst", 1);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(BulkLoad(store.get(), first_docs).ok());
    // Some documents are stored: the per-document path replaces them.
    ASSERT_TRUE(BulkLoad(store.get(), second_docs).ok());
  }
  {
    std::unique_ptr<GraphStore> store = Open("bulk_batch", INT64_MAX);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(BulkLoad(store.get(), first_docs).ok());
    ASSERT_TRUE(BulkLoad(store.get(), second_docs).ok());
  }
  {
    std::unique_ptr<GraphStore> store = Open("triples_sst", 1);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(BulkLoadTriples(store.get(), first).ok());
    // Replacement inside the SST triples loader (tombstones).
    ASSERT_TRUE(BulkLoadTriples(store.get(), second).ok());
  }
  {
    std::unique_ptr<GraphStore> store = Open("triples_batch", INT64_MAX);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(BulkLoadTriples(store.get(), first).ok());
    ASSERT_TRUE(BulkLoadTriples(store.get(), second).ok());
  }
  const RawContents expected = ReadRaw(base_ + "/put");
  ASSERT_EQ(expected.count(keys::kDroppedNamesCf), 0u);
  ASSERT_GT(expected.at(keys::kSupportsCf).size(), 100u);
  ASSERT_GT(expected.at(keys::kEdgesCf).size(), 100u);
  for (const char* name :
       {"bulk_sst", "bulk_batch", "triples_sst", "triples_batch"}) {
    ExpectSameBytes(expected, ReadRaw(absl::StrCat(base_, "/", name)), name);
  }
}

schema::NodeKey Key(schema::NodeType type, const std::string& name,
                    std::vector<std::string> aliases = {}) {
  schema::NodeKey key;
  key.set_type(type);
  key.set_name(name);
  for (const std::string& alias : aliases) key.add_aliases(alias);
  return key;
}

schema::Claim MakeClaim(const schema::NodeKey& subject,
                        schema::Relation relation,
                        const schema::NodeKey& object,
                        const std::string& sentence,
                        schema::Polarity polarity) {
  schema::Claim claim;
  *claim.mutable_subject() = subject;
  claim.set_relation(relation);
  *claim.mutable_object() = object;
  schema::Provenance* provenance = claim.mutable_provenance();
  provenance->set_sentence(sentence);
  provenance->set_begin(3);
  provenance->set_end(3 + sentence.size());
  provenance->set_rule("rule");
  provenance->set_confidence(0.5f);
  provenance->set_polarity(polarity);
  return claim;
}

// What only DocumentClaims carry (aliases, mentions, sentences, negation,
// content hashes, provenance naming another document, repeated
// provenance): PutDocument and the SST BulkLoad write the same bytes.
TEST_F(WritePathsTest, DocumentPathsWriteTheSameBytes) {
  std::vector<schema::DocumentClaims> docs;
  for (int d = 0; d < 12; ++d) {
    schema::DocumentClaims doc;
    doc.set_document_id(absl::StrCat("notes/", d, ".md"));
    doc.set_content_hash(absl::StrCat("hash", d));
    doc.set_size_bytes(100 + d);
    for (int i = 0; i < 30; ++i) {
      const schema::NodeKey muscle =
          Key(schema::MUSCLE, absl::StrCat("muscle ", (d * 3 + i) % 17),
              i % 4 == 0 ? std::vector<std::string>{absl::StrCat("m", i % 5)}
                         : std::vector<std::string>{});
      const schema::NodeKey condition =
          Key(schema::CONDITION, absl::StrCat("Condition ", i % 9));
      schema::Claim claim = MakeClaim(
          condition, schema::AFFECTS, muscle, absl::StrCat("sentence ", i % 6),
          i % 7 == 0 ? schema::NEGATED : schema::AFFIRMED);
      if (i % 10 == 0) claim.mutable_provenance()->set_document_id("cited");
      *doc.add_claims() = claim;
      if (i % 8 == 0) *doc.add_claims() = claim;  // Same provenance again.
    }
    *doc.add_mentions() = Key(schema::SYMPTOM, absl::StrCat("pain ", d % 4),
                              {absl::StrCat("ache ", d)});
    docs.push_back(std::move(doc));
  }
  {
    std::unique_ptr<GraphStore> store = Open("put", INT64_MAX);
    ASSERT_NE(store, nullptr);
    for (const schema::DocumentClaims& doc : docs) {
      ASSERT_TRUE(store->PutDocument(doc).ok());
    }
  }
  {
    std::unique_ptr<GraphStore> store = Open("bulk_sst", 1);
    ASSERT_NE(store, nullptr);
    ASSERT_TRUE(BulkLoad(store.get(), docs).ok());
  }
  ExpectSameBytes(ReadRaw(base_ + "/put"), ReadRaw(base_ + "/bulk_sst"),
                  "bulk_sst");
}

// Writes a bare store of format `version` (with the "names" column family
// of version 1 if `names`) at `path`.
void MakeStore(const std::string& path, const std::string& version,
               bool names) {
  rocksdb::Options options;
  options.create_if_missing = true;
  options.create_missing_column_families = true;
  std::vector<rocksdb::ColumnFamilyDescriptor> descriptors;
  descriptors.emplace_back(rocksdb::kDefaultColumnFamilyName,
                           rocksdb::ColumnFamilyOptions());
  for (const char* name :
       {keys::kNodesCf, keys::kNodeKeysCf, keys::kEdgesCf, keys::kSupportsCf,
        keys::kDocumentsCf, keys::kMetaCf}) {
    descriptors.emplace_back(name, rocksdb::ColumnFamilyOptions());
  }
  if (names) {
    descriptors.emplace_back(keys::kDroppedNamesCf,
                             rocksdb::ColumnFamilyOptions());
  }
  std::vector<rocksdb::ColumnFamilyHandle*> handles;
  rocksdb::DB* raw = nullptr;
  ASSERT_TRUE(
      rocksdb::DB::Open(options, path, descriptors, &handles, &raw).ok());
  std::unique_ptr<rocksdb::DB> db(raw);
  ASSERT_TRUE(db->Put(rocksdb::WriteOptions(), handles[6],
                      keys::kMetaFormatVersion, version)
                  .ok());
  for (rocksdb::ColumnFamilyHandle* handle : handles) {
    db->DestroyColumnFamilyHandle(handle).PermitUncheckedError();
  }
}

TEST_F(WritePathsTest, OldFormatIsRefusedWithHowToRebuild) {
  const std::string path = base_ + "/v1";
  MakeStore(path, "1", /*names=*/true);
  for (bool read_only : {false, true}) {
    GraphStoreOptions options;
    options.read_only = read_only;
    absl::StatusOr<std::unique_ptr<GraphStore>> store =
        GraphStore::Open(path, options);
    ASSERT_FALSE(store.ok());
    EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
    EXPECT_NE(store.status().message().find("format version 1"),
              std::string::npos)
        << store.status();
    EXPECT_NE(store.status().message().find("export"), std::string::npos);
    EXPECT_NE(store.status().message().find("import"), std::string::npos);
  }
  // Untouched: still version 1, with its "names" family.
  EXPECT_EQ(ReadRaw(path).count(keys::kDroppedNamesCf), 1u);

  const std::string newer = base_ + "/v3";
  MakeStore(newer, "3", /*names=*/false);
  absl::StatusOr<std::unique_ptr<GraphStore>> store = GraphStore::Open(newer);
  ASSERT_FALSE(store.ok());
  EXPECT_EQ(store.status().code(), absl::StatusCode::kFailedPrecondition);
  EXPECT_NE(store.status().message().find("format version 3"),
            std::string::npos)
      << store.status();
}

TEST_F(WritePathsTest, NewStoreHasTheCurrentFormat) {
  { ASSERT_NE(Open("new", 1), nullptr); }
  const RawContents contents = ReadRaw(base_ + "/new");
  EXPECT_EQ(contents.count(keys::kDroppedNamesCf), 0u);
  const auto& meta = contents.at(keys::kMetaCf);
  ASSERT_FALSE(meta.empty());
  EXPECT_EQ(meta[0].first, keys::kMetaFormatVersion);
  EXPECT_EQ(meta[0].second, keys::kFormatVersion);
}

}  // namespace
}  // namespace mskg::graph

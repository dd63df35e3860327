// fuzz/obo_reader_fuzzer.cc
//
// The OBO ontology reader, with and without the muscles subset (the first
// byte chooses). The rest is the file.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "interop/obo_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  std::istringstream in(
      std::string(reinterpret_cast<const char*>(data) + 1, size - 1));
  mskg::interop::OboReaderOptions options;
  options.muscles_only = (data[0] & 1) != 0;
  mskg::interop::ReadObo(&in, "fuzz.obo", options).IgnoreError();
  return 0;
}

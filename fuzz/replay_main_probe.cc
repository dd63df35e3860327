// fuzz/replay_main_probe.cc
//
// A fuzz target for replay_main_test.sh: prints each input it is given, so
// that the test sees which inputs replay_main.cc ran and in what order, and
// aborts on the input "crash", as a target with a bug would.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  if (input == "crash") std::abort();
  std::printf("input %zu: %s\n", size, input.c_str());
  std::fflush(stdout);  // Seen even if a later input aborts.
  return 0;
}

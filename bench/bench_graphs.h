// bench/bench_graphs.h
//
// The benchmark graphs both graph benchmarks load: the shared folder and
// the TSV of the N-edge graph of shared/bench/gen_graph.py (seed 42),
// generated once into /tmp and reused by later runs.
#ifndef MSKG_BENCH_BENCH_GRAPHS_H_
#define MSKG_BENCH_BENCH_GRAPHS_H_

#include <string>

#include "absl/status/statusor.h"

namespace mskg::bench {

// $MSKG_SHARED, else /work/shared.
std::string SharedDir();

// Returns the path of the `edges`-edge graph's TSV, generating it (with a
// line on stderr) if absent. Internal if the generator fails.
absl::StatusOr<std::string> GraphFile(int edges);

}  // namespace mskg::bench

#endif  // MSKG_BENCH_BENCH_GRAPHS_H_

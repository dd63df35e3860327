"""mskg_fuzz_target: one libFuzzer binary and its seed-replay test."""

def mskg_fuzz_target(name, deps):
    """Declares `<name>_fuzzer` (libFuzzer, manual) and `<name>_seeds_test`.

    Args:
      name: the target's name; its source is `<name>_fuzzer.cc`, its seeds
        `corpus/<name>/`.
      deps: what the source includes.
    """
    native.cc_binary(
        name = name + "_fuzzer",
        testonly = True,
        srcs = [name + "_fuzzer.cc"],
        linkopts = ["-fsanitize=fuzzer"],
        tags = ["manual"],
        deps = deps,
    )
    native.cc_test(
        name = name + "_seeds_test",
        size = "small",
        srcs = [name + "_fuzzer.cc"],
        args = ["fuzz/corpus/" + name],
        data = native.glob(["corpus/" + name + "/*"]),
        deps = deps + [":replay_main"],
    )

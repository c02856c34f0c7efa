//! The `newsgraph` command: all the work is in the library; see `cli`.

/// mimalloc rather than the system allocator: a build allocates and frees
/// millions of small strings and quads, and glibc's malloc spent about a
/// quarter of a build's CPU time on them (measured in BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    newsgraph::cli::main()
}

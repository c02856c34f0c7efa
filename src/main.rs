//! The `newsgraph` command: all the work is in the library; see `cli`.

fn main() -> std::process::ExitCode {
    newsgraph::cli::main()
}

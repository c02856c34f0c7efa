//! `cargo run --release --example gen_corpus -- --size 100MB --out /tmp/bench/100mb`:
//! writes a benchmark corpus of wire-style articles (see BENCHMARKS.md). The
//! generator itself is the `generator` module; this file is the command line.

mod generator;

use clap::Parser;
use std::path::PathBuf;
use std::process::ExitCode;

/// Generate a deterministic corpus of realistic news articles for benchmarks.
#[derive(Debug, Parser)]
#[command(name = "gen_corpus")]
struct Args {
    /// Total size to write: B, KB, MB or GB in powers of 1000 (e.g. 10MB, 1GB).
    #[arg(long)]
    size: String,
    /// Output folder; created, and it must be empty.
    #[arg(long)]
    out: PathBuf,
    /// Seed: the same seed and size give the same files, byte for byte.
    #[arg(long, default_value_t = 42)]
    seed: u64,
    /// Share of articles written as HTML pages (0 to 1).
    #[arg(long, default_value_t = 0.1)]
    html_share: f64,
    /// Draw people from a fixed cast of N, Zipf-distributed (the k-th with
    /// weight 1/k), as in real news; 0: every person is new.
    #[arg(long, default_value_t = 0)]
    cast: usize,
    /// Folder of sentence templates and name lists.
    #[arg(long)]
    templates: Option<PathBuf>,
    /// Folder of the lexicons names are drawn from.
    #[arg(long)]
    lexicon: Option<PathBuf>,
}

fn main() -> ExitCode {
    let args = Args::parse();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen_corpus: error: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run(args: &Args) -> Result<(), generator::GenError> {
    let size = generator::parse_size(&args.size)?;
    let (templates, lexicon) = generator::default_dirs();
    let config = generator::Config { size, seed: args.seed, html_share: args.html_share.clamp(0.0, 1.0), cast: args.cast };
    let started = std::time::Instant::now();
    let templates = args.templates.clone().unwrap_or(templates);
    let lexicon = args.lexicon.clone().unwrap_or(lexicon);
    let s = generator::generate(&templates, &lexicon, &args.out, &config)?;
    println!(
        "wrote {} files ({} HTML) in {} folders, {} bytes ({:.1} MB), to {} in {:.1} s",
        s.files,
        s.html,
        s.folders,
        s.bytes,
        s.bytes as f64 / 1e6,
        args.out.display(),
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

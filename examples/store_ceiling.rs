//! How fast oxigraph's own bulk loader writes quads that are already in
//! memory into a fresh on-disk store: the ceiling for any pipeline that
//! writes into oxigraph on this machine, whatever its extraction costs.
//!
//! ```sh
//! newsgraph build CORPUS --store /tmp/s --out /tmp/o     # any graph.nq
//! cargo run --release --example store_ceiling -- /tmp/o/graph.nq /tmp/ceiling-store [THREADS]
//! ```
//!
//! The file is parsed first (not timed); then the quads go through
//! `Store::bulk_loader()` with oxigraph's defaults (one commit; every core,
//! or THREADS loader threads) and the store is closed. `scripts/bench.sh` runs it on each corpus.

use oxigraph::io::{RdfFormat, RdfParser};
use oxigraph::model::Quad;
use oxigraph::store::Store;
use std::path::PathBuf;
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args_os().skip(1);
    let (Some(input), Some(store_dir)) = (args.next().map(PathBuf::from), args.next().map(PathBuf::from)) else {
        return Err("usage: store_ceiling GRAPH.nq NEW_STORE_DIR [THREADS]".into());
    };
    if store_dir.exists() {
        return Err(format!("{} exists: give a new folder, the load must start from an empty store", store_dir.display()).into());
    }
    let threads: Option<usize> = args.next().map(|t| t.to_string_lossy().parse()).transpose()?;
    let bytes = std::fs::read(&input).map_err(|e| format!("{}: {e}", input.display()))?;
    let quads = RdfParser::from_format(RdfFormat::NQuads).for_slice(&bytes).collect::<Result<Vec<Quad>, _>>()?;
    let count = quads.len();
    drop(bytes);

    let started = Instant::now();
    {
        let store = Store::open(&store_dir)?;
        let mut loader = store.bulk_loader();
        if let Some(threads) = threads {
            loader = loader.with_num_threads(threads);
        }
        loader.load_quads(quads)?;
        loader.commit()?;
        store.flush()?;
    }
    let seconds = started.elapsed().as_secs_f64();
    println!("quads: {count} in {seconds:.2} s ({:.0} quads/s)", count as f64 / seconds);
    Ok(())
}

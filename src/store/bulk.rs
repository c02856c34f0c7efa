//! Writing many new article graphs at once: one oxigraph bulk loader fed
//! from a background thread, committed in geometrically growing steps.
//!
//! The bulk loader turns each batch into sorted SST files, and a commit
//! ingests the files of every batch since the last one. Each commit adds
//! files that overlap everything already stored (keys start with hashes), so
//! RocksDB merges them with the whole store: committing every batch made a
//! first build quadratic (100 MB of news took 7 minutes). Committing when the
//! uncommitted part is as large as the committed store keeps the merging
//! linear, while a build that is killed still keeps everything committed
//! before (at least half of what it had loaded, and every article whole: a
//! batch holds whole articles and a commit is atomic).

use super::{GraphStore, StoreError};
use oxigraph::model::Quad;
use oxigraph::store::Store;
use std::path::{Path, PathBuf};
use std::sync::mpsc::{sync_channel, SyncSender};
use std::thread::JoinHandle;

/// The first commit waits for this many quads (about 2 MB of news, a few
/// seconds of work): merging into a small store costs little.
const FIRST_COMMIT_QUADS: usize = 200_000;

/// No commit waits for more than this many quads (about 350 MB of news), so
/// that a killed build of a large corpus loses minutes, not hours.
const MAX_COMMIT_QUADS: usize = 32_000_000;

/// Memory the loader may use for one batch. A batch of the pipeline is
/// smaller, so each one is loaded as a unit and a commit never splits one.
const LOADER_MEMORY_MB: usize = 512;

/// Loads batches of quads into a store in the background.
pub struct BulkWriter {
    path: PathBuf,
    batches: Option<SyncSender<Vec<Quad>>>,
    worker: Option<JoinHandle<Result<(), StoreError>>>,
}

impl BulkWriter {
    /// Starts the loader's thread on `store`.
    pub(super) fn start(store: &GraphStore) -> BulkWriter {
        // One batch waits while the loader works on another: that overlaps
        // loading with extraction without holding more than two batches.
        let (sender, receiver) = sync_channel::<Vec<Quad>>(1);
        let (oxigraph_store, path) = (store.store.clone(), store.path.clone());
        let worker = std::thread::spawn(move || load_all(&oxigraph_store, &path, receiver.into_iter()));
        BulkWriter { path: store.path.clone(), batches: Some(sender), worker: Some(worker) }
    }

    /// Queues a batch of whole articles. An error is the loader's, from this
    /// batch or an earlier one.
    pub fn load(&mut self, quads: Vec<Quad>) -> Result<(), StoreError> {
        let sent = self.batches.as_ref().is_some_and(|batches| batches.send(quads).is_ok());
        if sent {
            Ok(())
        } else {
            self.finish()
        }
    }

    /// Commits everything queued and waits for it.
    pub fn finish(&mut self) -> Result<(), StoreError> {
        self.batches = None;
        match self.worker.take() {
            Some(worker) => worker.join().unwrap_or_else(|_| Err(StoreError::LoaderPanicked { path: self.path.clone() })),
            None => Ok(()),
        }
    }
}

impl Drop for BulkWriter {
    /// Dropping without `finish` still commits what was queued (an error is
    /// lost then, which is why callers finish).
    fn drop(&mut self) {
        let _ = self.finish();
    }
}

/// The loader thread: loads every batch, committing in growing steps.
fn load_all(store: &Store, path: &Path, batches: impl Iterator<Item = Vec<Quad>>) -> Result<(), StoreError> {
    let failed = |cause| StoreError::Storage { path: path.to_path_buf(), cause };
    let new_loader = || store.bulk_loader().with_num_threads(1).with_max_memory_size_in_megabytes(LOADER_MEMORY_MB);
    let mut loader = new_loader();
    let (mut committed, mut loaded) = (0usize, 0usize);
    for batch in batches {
        loaded += batch.len();
        loader.load_quads(batch).map_err(failed)?;
        if loaded >= commit_threshold(committed) {
            std::mem::replace(&mut loader, new_loader()).commit().map_err(failed)?;
            committed += loaded;
            loaded = 0;
        }
    }
    loader.commit().map_err(failed)
}

/// How many loaded quads wait for a commit, given how many are committed.
fn commit_threshold(committed: usize) -> usize {
    committed.clamp(FIRST_COMMIT_QUADS, MAX_COMMIT_QUADS)
}

/// Removes the files of loads that never committed (a killed build). Called
/// with the store open for writing, so no other build is loading into it.
pub(super) fn remove_leftovers(path: &Path) {
    let Ok(entries) = std::fs::read_dir(path) else { return };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let name = name.to_string_lossy();
        if name.starts_with("bulk-") && name.ends_with(".sst") {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn commits_grow_with_the_store_between_bounds() {
        assert_eq!(commit_threshold(0), FIRST_COMMIT_QUADS);
        assert_eq!(commit_threshold(5_000_000), 5_000_000, "as large as the store");
        assert_eq!(commit_threshold(500_000_000), MAX_COMMIT_QUADS);
    }
}

//! Test harness: runs the real `newsgraph` binary in a temporary folder.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A temporary folder with helpers to run the binary in it.
pub struct Dir {
    pub root: tempfile::TempDir,
}

impl Default for Dir {
    fn default() -> Self {
        Self::new()
    }
}

impl Dir {
    pub fn new() -> Dir {
        Dir { root: tempfile::tempdir().expect("temp dir") }
    }

    pub fn path(&self, rel: &str) -> PathBuf {
        self.root.path().join(rel)
    }

    pub fn write(&self, rel: &str, bytes: &[u8]) -> PathBuf {
        let p = self.path(rel);
        if let Some(parent) = p.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        std::fs::write(&p, bytes).expect("write");
        p
    }

    pub fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_newsgraph")).args(args).current_dir(self.root.path()).output().expect("run newsgraph")
    }

    /// Copies the seed corpus into `folder` (to build it together with extra articles).
    pub fn copy_seed_corpus(&self, folder: &str) {
        for entry in std::fs::read_dir(seed_corpus()).expect("seed corpus") {
            let path = entry.expect("entry").path();
            let name = path.file_name().and_then(|n| n.to_str()).expect("name").to_string();
            self.write(&format!("{folder}/{name}"), &std::fs::read(&path).expect("read seed"));
        }
    }

    /// Builds `corpus` into `store`, returning the output.
    pub fn build(&self, corpus: &Path, store: &str) -> Output {
        let corpus = corpus.to_str().expect("utf-8 path");
        self.run(&["build", corpus, "--store", store, "--out", "out"])
    }

    /// A SPARQL SELECT through `newsgraph query --format csv`: rows without the header.
    pub fn select(&self, store: &str, sparql: &str) -> Vec<String> {
        let out = self.run(&["query", "--store", store, "--format", "csv", sparql]);
        assert!(out.status.success(), "query failed: {}", String::from_utf8_lossy(&out.stderr));
        let text = String::from_utf8(out.stdout).expect("utf-8 csv");
        text.lines().skip(1).map(str::to_string).collect()
    }
}

pub fn seed_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

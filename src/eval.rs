//! `newsgraph eval`: scores the store against a gold folder, as
//! `shared/eval/score.py` scores an exported graph file: the same
//! normalisation, matching, formulas, report lines and misses, so that
//! both tools give the same numbers for the same graph.
//!
//! [`gold`] reads the gold folder, [`graph`] reads the store, [`families`]
//! scores the five fact families, [`measure`] holds the arithmetic and
//! [`pyfmt`] prints values the way Python does.

mod families;
mod gold;
mod graph;
mod measure;
mod pyfmt;

pub use measure::Prf;

use crate::store::{GraphStore, StoreError};
use pyfmt::Py;
use std::io::Write;
use std::path::{Path, PathBuf};

/// What can go wrong in an evaluation.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// The gold folder does not exist.
    #[error("gold folder {path} not found")]
    NoGoldDir {
        /// The folder given.
        path: PathBuf,
    },
    /// The gold folder has no `entities.json`.
    #[error("{path} not found: a gold folder needs entities.json and one <article>.json per article (shared/eval/CONTRACT.md)")]
    MissingEntities {
        /// Where it was looked for.
        path: PathBuf,
    },
    /// A gold file (or the folder) could not be read.
    #[error("{path}: cannot read: {error}")]
    Read {
        /// The file or folder.
        path: PathBuf,
        /// The OS error.
        error: std::io::Error,
    },
    /// A gold file is not JSON, or not JSON of the gold format.
    #[error("{path}: {}: {error}", if error.is_data() { "not in the gold format" } else { "bad JSON" })]
    Json {
        /// The file.
        path: PathBuf,
        /// serde_json's error, with line and column.
        error: serde_json::Error,
    },
    /// An article gold lists an entity that entities.json lacks.
    #[error("{path}: unknown entity key \"{key}\" (not in entities.json)")]
    UnknownEntity {
        /// The article gold file.
        path: PathBuf,
        /// The key.
        key: String,
    },
    /// A gold item the scorer cannot use.
    #[error("{path}: {problem}")]
    Invalid {
        /// The article gold file.
        path: PathBuf,
        /// What is wrong.
        problem: String,
    },
    /// The store could not be queried.
    #[error(transparent)]
    Store(#[from] StoreError),
    /// A query failed while its results were read.
    #[error("query failed: {0}")]
    Query(String),
}

/// One line of the report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Score {
    /// Precision, recall and F1.
    Prf(Prf),
    /// `ok` right out of `of` (role organization accuracy).
    Count {
        /// Right.
        ok: usize,
        /// Out of.
        of: usize,
    },
}

/// The outcome of [`evaluate`]: the report lines in `score.py`'s order and what was missed.
#[derive(Debug, Clone, Default)]
pub struct Evaluation {
    report: Vec<(String, Score)>,
    misses: Vec<(String, Misses)>,
}

/// The misses of one family: kind ("missed", "spurious"...) -> items, in order.
type Misses = Vec<(&'static str, Vec<Py>)>;

/// How [`write_report`] prints an evaluation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ReportStyle {
    /// One line per report entry, `overall F1` last.
    Summary,
    /// The misses, one a line, then the summary.
    Verbose,
    /// `{"report": ..., "misses": ...}`, as `score.py --json` prints it.
    Json,
}

/// Scores the store against the gold folder `gold_dir`.
pub fn evaluate(store: &GraphStore, gold_dir: &Path) -> Result<Evaluation, EvalError> {
    let gold = gold::Gold::load(gold_dir)?;
    let graph = graph::SystemGraph::new(store, &gold)?;
    families::score(&gold, &graph)
}

impl Evaluation {
    /// The report lines, in order ("entities", "roles", ..., "overall").
    pub fn report(&self) -> &[(String, Score)] {
        &self.report
    }

    /// One report line by name.
    pub fn get(&self, name: &str) -> Option<Score> {
        self.report.iter().find(|(n, _)| n == name).map(|(_, s)| *s)
    }

    /// The mean over the five families.
    pub fn overall(&self) -> Prf {
        self.prf("overall").unwrap_or(Prf { p: 0.0, r: 0.0, f1: 0.0 })
    }

    /// Number of misses listed (missed, spurious, wrong organization...).
    pub fn miss_count(&self) -> usize {
        self.misses.iter().flat_map(|(_, kinds)| kinds).map(|(_, items)| items.len()).sum()
    }

    fn prf(&self, name: &str) -> Option<Prf> {
        match self.get(name)? {
            Score::Prf(p) => Some(p),
            Score::Count { .. } => None,
        }
    }

    fn set(&mut self, name: &str, score: Score) {
        self.report.push((name.to_string(), score));
    }

    fn miss(&mut self, family: &str, kinds: Misses) {
        self.misses.push((family.to_string(), kinds));
    }

    fn to_py(&self) -> Py {
        let report = self.report.iter().map(|(name, score)| (name.clone(), score_py(score))).collect();
        let misses = self
            .misses
            .iter()
            .map(|(family, kinds)| {
                (family.clone(), Py::Dict(kinds.iter().map(|(k, items)| (k.to_string(), Py::List(items.clone()))).collect()))
            })
            .collect();
        Py::Dict(vec![("report".to_string(), Py::Dict(report)), ("misses".to_string(), Py::Dict(misses))])
    }
}

fn score_py(score: &Score) -> Py {
    match score {
        Score::Prf(s) => Py::Tuple(vec![Py::Float(s.p), Py::Float(s.r), Py::Float(s.f1)]),
        Score::Count { ok, of } => Py::Tuple(vec![Py::Int(*ok as i128), Py::Int(*of as i128)]),
    }
}

/// Prints an evaluation as `score.py` prints its report.
pub fn write_report<W: Write>(evaluation: &Evaluation, style: ReportStyle, mut out: W) -> std::io::Result<()> {
    match style {
        ReportStyle::Json => return writeln!(out, "{}", evaluation.to_py().to_json()),
        ReportStyle::Verbose => write_misses(evaluation, &mut out)?,
        ReportStyle::Summary => {}
    }
    for (name, score) in evaluation.report.iter().filter(|(n, _)| n != "overall") {
        match score {
            Score::Count { ok, of } => writeln!(out, "{name:36} {ok}/{of}")?,
            Score::Prf(s) => writeln!(out, "{name:36} P {:.2}  R {:.2}  F1 {:.2}", s.p, s.r, s.f1)?,
        }
    }
    writeln!(out, "overall F1 {:.3}", evaluation.overall().f1)
}

fn write_misses<W: Write>(evaluation: &Evaluation, out: &mut W) -> std::io::Result<()> {
    for (family, kinds) in &evaluation.misses {
        for (kind, items) in kinds {
            for item in items {
                writeln!(out, "  {family} {kind}: {}", item.repr())?;
            }
        }
    }
    Ok(())
}

//! Reading a gold folder (CONTRACT.md, "Gold file format"): `entities.json`
//! and one `<article>.json` per article, in file-name order, as `score.py`'s
//! `load_gold` does.

use super::pyfmt::Py;
use super::EvalError;
use serde::de::{Deserializer, MapAccess, Visitor};
use serde::Deserialize;
use std::collections::HashMap;
use std::fmt;
use std::path::{Path, PathBuf};

/// One entity of `entities.json`.
#[derive(Debug, Clone, Deserialize)]
pub struct GoldEntity {
    /// "Person", "Organization", "Country", "Location" or "Substance".
    #[serde(rename = "type")]
    pub kind: String,
    /// The acceptable canonical labels.
    pub names: Vec<String>,
}

/// A person – role – organization fact.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldRole {
    /// The person's entity key.
    pub person: String,
    /// Acceptable role titles (the first one names the role in misses).
    pub role: Vec<String>,
    /// The organization's entity key, if any.
    #[serde(default)]
    pub org: Option<String>,
    /// Not counted against recall when missed.
    #[serde(default)]
    pub optional: Option<bool>,
}

/// A quote and its speaker.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldQuote {
    /// The speaker's entity key (`null` matches quotes with no resolved speaker).
    pub speaker: Option<String>,
    /// The quoted words.
    pub text: String,
    /// Not counted against recall when missed.
    #[serde(default)]
    pub optional: Option<bool>,
}

/// A country – exports – product – destination fact.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldExport {
    /// The exporting country's entity key.
    pub exporter: String,
    /// The product's entity key.
    #[serde(default)]
    pub product: Option<String>,
    /// The destination's entity key.
    #[serde(default)]
    pub destination: Option<String>,
    /// Not counted against recall when missed.
    #[serde(default)]
    pub optional: Option<bool>,
}

/// A statistic and its source.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct GoldStatistic {
    /// The value as written in the gold file (a number, or a numeric string).
    pub value: serde_json::Value,
    /// The source's entity key.
    #[serde(default)]
    pub source: Option<String>,
    /// The phrase the value comes from.
    #[serde(default)]
    pub text: Option<String>,
    /// Not counted against recall when missed.
    #[serde(default)]
    pub optional: Option<bool>,
}

/// The gold of one article.
#[derive(Debug, Clone, Deserialize)]
pub struct ArticleGold {
    /// The article's file name (no folder).
    pub article: String,
    /// Keys of the entities the article mentions.
    #[serde(default)]
    pub entities: Vec<String>,
    /// Its roles.
    #[serde(default)]
    pub roles: Vec<GoldRole>,
    /// Its quotes.
    #[serde(default)]
    pub quotes: Vec<GoldQuote>,
    /// Its reported-speech statements, where the gold annotates them
    /// (`None`: not annotated, so the family is not scored).
    #[serde(default)]
    pub statements: Option<Vec<GoldQuote>>,
    /// Its exports.
    #[serde(default)]
    pub exports: Vec<GoldExport>,
    /// Its statistics.
    #[serde(default)]
    pub statistics: Vec<GoldStatistic>,
}

/// A whole gold folder.
#[derive(Debug, Clone)]
pub struct Gold {
    /// `entities.json`, in file order (the first entity claiming a name wins it).
    pub entities: Vec<(String, GoldEntity)>,
    /// Entity key -> index in `entities`.
    index: HashMap<String, usize>,
    /// Article gold by file-name order of the gold files; a later file for the
    /// same article replaces the earlier one in place.
    pub articles: Vec<ArticleGold>,
}

impl Gold {
    /// Reads `dir/entities.json` and every other `dir/*.json`.
    pub fn load(dir: &Path) -> Result<Gold, EvalError> {
        if !dir.is_dir() {
            return Err(EvalError::NoGoldDir { path: dir.to_path_buf() });
        }
        let entities_file = dir.join("entities.json");
        if !entities_file.is_file() {
            return Err(EvalError::MissingEntities { path: entities_file });
        }
        let entities: Ordered<GoldEntity> = parse(&entities_file)?;
        let index = entities.0.iter().enumerate().map(|(i, (k, _))| (k.clone(), i)).collect();
        let mut gold = Gold { entities: entities.0, index, articles: Vec::new() };
        for file in article_files(dir)? {
            let doc: ArticleGold = parse(&file)?;
            gold.check(&file, &doc)?;
            match gold.articles.iter_mut().find(|a| a.article == doc.article) {
                Some(slot) => *slot = doc,
                None => gold.articles.push(doc),
            }
        }
        Ok(gold)
    }

    /// The type of an entity key, if `entities.json` has it.
    pub fn kind(&self, key: &str) -> Option<&str> {
        self.index.get(key).map(|&i| self.entities[i].1.kind.as_str())
    }

    /// True when the article is in the gold set.
    pub fn has_article(&self, name: &str) -> bool {
        self.articles.iter().any(|a| a.article == name)
    }

    /// What `score.py` would stumble on: an unknown key in `entities`, a role
    /// without titles, a statistic value that is not a number.
    fn check(&self, file: &Path, doc: &ArticleGold) -> Result<(), EvalError> {
        if let Some(key) = doc.entities.iter().find(|k| self.kind(k).is_none()) {
            return Err(EvalError::UnknownEntity { path: file.to_path_buf(), key: key.clone() });
        }
        let invalid = |problem: String| EvalError::Invalid { path: file.to_path_buf(), problem };
        if let Some(role) = doc.roles.iter().find(|r| r.role.is_empty()) {
            return Err(invalid(format!("the role of \"{}\" lists no title", role.person)));
        }
        if let Some(st) = doc.statistics.iter().find(|s| gold_value(&s.value).is_none()) {
            return Err(invalid(format!("statistic value {} is not a number", st.value)));
        }
        Ok(())
    }
}

/// True when a gold item's `optional` flag is set.
pub fn optional(flag: Option<bool>) -> bool {
    flag.unwrap_or(false)
}

/// A gold statistic's value as Python's `float()` reads it.
pub fn gold_value(v: &serde_json::Value) -> Option<f64> {
    match v {
        serde_json::Value::Number(n) => n.as_f64(),
        serde_json::Value::String(s) => py_float(s),
        _ => None,
    }
}

/// A gold statistic's value as Python prints it (an `int` stays an `int`).
pub fn gold_value_py(v: &serde_json::Value) -> Py {
    match v {
        serde_json::Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => Py::Int(i.into()),
            (None, Some(u)) => Py::Int(u.into()),
            _ => Py::Float(n.as_f64().unwrap_or(f64::NAN)),
        },
        serde_json::Value::String(s) => Py::str(s.clone()),
        other => Py::str(other.to_string()),
    }
}

/// Python's `float(text)`: surrounding white space allowed, `_` only between digits.
pub fn py_float(text: &str) -> Option<f64> {
    let t = text.trim();
    let bytes = t.as_bytes();
    let digit_at = |i: usize| bytes.get(i).is_some_and(u8::is_ascii_digit);
    let underscores_ok = bytes.iter().enumerate().all(|(i, b)| *b != b'_' || (i > 0 && digit_at(i - 1) && digit_at(i + 1)));
    if !underscores_ok {
        return None;
    }
    t.replace('_', "").parse().ok()
}

fn article_files(dir: &Path) -> Result<Vec<PathBuf>, EvalError> {
    let read_err = |error| EvalError::Read { path: dir.to_path_buf(), error };
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(read_err)? {
        let path = entry.map_err(read_err)?.path();
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.ends_with(".json") && name != "entities.json" {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

fn parse<T: for<'de> Deserialize<'de>>(path: &Path) -> Result<T, EvalError> {
    let text = std::fs::read_to_string(path).map_err(|error| EvalError::Read { path: path.to_path_buf(), error })?;
    serde_json::from_str(&text).map_err(|error| EvalError::Json { path: path.to_path_buf(), error })
}

/// A JSON object read in file order, a repeated key keeping its first place
/// and its last value (as Python's `json.loads` builds a `dict`).
struct Ordered<T>(Vec<(String, T)>);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Ordered<T> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_map(OrderedVisitor(std::marker::PhantomData))
    }
}

struct OrderedVisitor<T>(std::marker::PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for OrderedVisitor<T> {
    type Value = Ordered<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object of entities, {\"key\": {\"type\": ..., \"names\": [...]}, ...}")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut items: Vec<(String, T)> = Vec::new();
        while let Some((key, value)) = map.next_entry::<String, T>()? {
            match items.iter_mut().find(|(k, _)| *k == key) {
                Some(slot) => slot.1 = value,
                None => items.push((key, value)),
            }
        }
        Ok(Ordered(items))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in files {
            std::fs::write(dir.path().join(name), text).expect("write");
        }
        dir
    }

    /// "b" twice: the second one's value in the first one's place, as in Python.
    const ENTITIES: &str = r#"{
        "b": {"type": "Person", "names": ["Bo"]},
        "a": {"type": "Country", "names": ["A"]},
        "b": {"type": "Person", "names": ["Bob"]}
    }"#;

    #[test]
    fn entities_keep_file_order_and_articles_sort_by_file_name() {
        let dir = folder(&[
            ("entities.json", ENTITIES),
            ("2.txt.json", r#"{"article": "two.txt", "entities": ["a"]}"#),
            ("1.txt.json", r#"{"article": "one.txt", "quotes": [{"speaker": null, "text": "hi"}]}"#),
            ("3.txt.json", r#"{"article": "one.txt", "entities": ["b"]}"#),
            ("notes.txt", "ignored"),
        ]);
        let gold = Gold::load(dir.path()).expect("loads");
        let keys: Vec<&str> = gold.entities.iter().map(|(k, _)| k.as_str()).collect();
        assert_eq!(keys, ["b", "a"]);
        assert_eq!(gold.entities[0].1.names, ["Bob"]);
        let names: Vec<&str> = gold.articles.iter().map(|a| a.article.as_str()).collect();
        assert_eq!(names, ["one.txt", "two.txt"], "3.txt.json replaced 1.txt.json in place");
        assert_eq!(gold.articles[0].entities, ["b"]);
        assert_eq!(gold.kind("a"), Some("Country"));
    }

    #[test]
    fn problems_name_the_file() {
        let missing = folder(&[("a.txt.json", r#"{"article": "a.txt"}"#)]);
        let e = Gold::load(missing.path()).expect_err("no entities.json").to_string();
        assert!(e.contains("entities.json") && e.contains("not found"), "{e}");

        let bad = folder(&[("entities.json", ENTITIES), ("a.txt.json", "{\"article\": ")]);
        let e = Gold::load(bad.path()).expect_err("bad JSON").to_string();
        assert!(e.contains("a.txt.json") && e.contains("JSON"), "{e}");

        let unknown = folder(&[("entities.json", ENTITIES), ("a.txt.json", r#"{"article": "a.txt", "entities": ["zz"]}"#)]);
        let e = Gold::load(unknown.path()).expect_err("unknown key").to_string();
        assert!(e.contains("a.txt.json") && e.contains("\"zz\""), "{e}");

        let no_article = folder(&[("entities.json", ENTITIES), ("a.txt.json", r#"{"entities": []}"#)]);
        let e = Gold::load(no_article.path()).expect_err("no article field").to_string();
        assert!(e.contains("a.txt.json") && e.contains("article"), "{e}");
    }

    #[test]
    fn values_read_like_python_float() {
        assert_eq!(py_float(" 42 "), Some(42.0));
        assert_eq!(py_float("1_000"), Some(1000.0));
        assert_eq!(py_float("1e3"), Some(1000.0));
        assert_eq!(py_float("_1"), None);
        assert_eq!(py_float("1__0"), None);
        assert_eq!(py_float("abc"), None);
        assert_eq!(gold_value_py(&serde_json::json!(14)), Py::Int(14));
        assert_eq!(gold_value_py(&serde_json::json!(14.0)), Py::Float(14.0));
    }
}

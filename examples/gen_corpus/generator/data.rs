//! The generator's inputs, read at run time: the sentence templates and word
//! lists of `benches/templates/`, and the names of `ontology/lexicon/` (the
//! same files the extractor compiles in). Templates are parsed into pieces
//! once, so an unknown slot is an error naming its file and line.

use super::rng::Rng;
use super::GenError;
use std::path::{Path, PathBuf};

/// A slot of a template: what it is filled with is in `compose.rs` and
/// `benches/templates/README.md`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Slot {
    Person,
    Surname,
    Pronoun,
    PronounCap,
    Title,
    Role,
    ARole,
    Org,
    Company,
    Agency,
    AgencyShort,
    Outlet,
    Country,
    Country2,
    Country3,
    Demonym,
    Demonym2,
    Capital,
    Place,
    Good,
    Good2,
    Drug,
    Chemical,
    Num,
    Pct,
    Money,
    Tons,
    Year,
    Month,
    Day,
    Said,
    Quote,
    Headline,
    Byline,
    Credit,
}

impl Slot {
    fn from_name(name: &str) -> Option<Slot> {
        use Slot::*;
        Some(match name {
            "PERSON" => Person,
            "SURNAME" => Surname,
            "PRONOUN" => Pronoun,
            "PRONOUN_CAP" => PronounCap,
            "TITLE" => Title,
            "ROLE" => Role,
            "A_ROLE" => ARole,
            "ORG" => Org,
            "COMPANY" => Company,
            "AGENCY" => Agency,
            "AGENCY_SHORT" => AgencyShort,
            "OUTLET" => Outlet,
            "COUNTRY" => Country,
            "COUNTRY2" => Country2,
            "COUNTRY3" => Country3,
            "DEMONYM" => Demonym,
            "DEMONYM2" => Demonym2,
            "CAPITAL" => Capital,
            "PLACE" => Place,
            "GOOD" => Good,
            "GOOD2" => Good2,
            "DRUG" => Drug,
            "CHEMICAL" => Chemical,
            "NUM" => Num,
            "PCT" => Pct,
            "MONEY" => Money,
            "TONS" => Tons,
            "YEAR" => Year,
            "MONTH" => Month,
            "DAY" => Day,
            "SAID" => Said,
            "QUOTE" => Quote,
            "HEADLINE" => Headline,
            "BYLINE" => Byline,
            "CREDIT" => Credit,
            _ => return None,
        })
    }

    /// Slots that expand into other templates: not allowed inside those templates.
    fn nests(self) -> bool {
        matches!(self, Slot::Quote | Slot::Headline)
    }
}

/// A piece of a template: literal text or a slot.
#[derive(Debug, Clone, PartialEq)]
pub enum Piece {
    Text(String),
    Slot(Slot),
}

/// One parsed template line.
pub type Template = Vec<Piece>;

/// The sentence templates of `sentences.txt`, by family.
#[derive(Debug, Default)]
pub struct Sentences {
    pub lead: Vec<Template>,
    pub quote: Vec<Template>,
    pub role: Vec<Template>,
    pub export: Vec<Template>,
    pub stat: Vec<Template>,
    pub filler: Vec<Template>,
}

/// A country with what the templates say about it.
#[derive(Debug, Clone)]
pub struct Country {
    pub name: String,
    pub demonym: Option<String>,
    pub capital: Option<String>,
}

/// An agency that publishes figures, with its acronym.
#[derive(Debug, Clone)]
pub struct Agency {
    pub name: String,
    pub short: String,
}

/// Everything the generator draws from.
#[derive(Debug)]
pub struct Sources {
    pub sentences: Sentences,
    pub headlines: Vec<Template>,
    pub quotes: Vec<Template>,
    pub furniture_top: Vec<Template>,
    pub furniture_middle: Vec<Template>,
    pub furniture_bottom: Vec<Template>,
    /// First name and whether she is a woman (for he/she).
    pub first_names: Vec<(String, bool)>,
    pub last_names: Vec<String>,
    pub company_tails: Vec<String>,
    /// Past tenses of speech verbs, repeated by weight.
    pub said: Vec<String>,
    pub countries: Vec<Country>,
    pub places: Vec<String>,
    pub titles: Vec<String>,
    pub roles: Vec<String>,
    pub orgs: Vec<String>,
    pub agencies: Vec<Agency>,
    pub outlets: Vec<String>,
    pub goods: Vec<String>,
    pub drugs: Vec<String>,
    pub chemicals: Vec<String>,
    /// A fixed cast of recurring people, when asked for.
    pub cast: Option<ZipfCast>,
}

/// People who recur across articles with a heavy-tailed frequency: the k-th
/// of the cast is named with weight 1/k, as a few politicians and officials
/// dominate real news while most people appear once or twice.
#[derive(Debug, Clone)]
pub struct ZipfCast {
    /// (first name, woman, surname), most frequent first.
    people: Vec<(String, bool, String)>,
    /// Cumulative weights, ending at 1.
    cumulative: Vec<f64>,
}

impl ZipfCast {
    /// `size` people drawn from the name lists with the corpus's seed.
    pub fn new(src: &Sources, size: usize, seed: u64) -> ZipfCast {
        let mut rng = Rng::for_article(seed ^ 0x5eed_ca57, u64::MAX);
        let people: Vec<(String, bool, String)> = (0..size)
            .map(|_| {
                let (first, woman) = rng.pick(src.first_names.as_slice()).clone();
                (first, woman, rng.word(&src.last_names).to_string())
            })
            .collect();
        let weights: Vec<f64> = (1..=size).map(|k| 1.0 / k as f64).collect();
        let total: f64 = weights.iter().sum();
        let cumulative = weights
            .iter()
            .scan(0.0, |acc, w| {
                *acc += w / total;
                Some(*acc)
            })
            .collect();
        ZipfCast { people, cumulative }
    }

    /// One person of the cast, chosen by weight.
    pub fn pick(&self, rng: &mut Rng) -> &(String, bool, String) {
        let u = rng.unit();
        let i = self.cumulative.partition_point(|&c| c < u).min(self.people.len() - 1);
        &self.people[i]
    }
}

/// Titles of heads of state and royalty: a random person bearing one reads as nonsense.
const NOT_FOR_INVENTED_PEOPLE: &[&str] = &[
    "Crown Prince",
    "Emir",
    "King",
    "President-elect",
    "Prince",
    "Queen",
    "Sultan",
    "Supreme Leader",
    "Vice President-elect",
];

/// Organization kinds whose members speak in news copy.
const SPEAKING_ORG_KINDS: &[&str] =
    &["agency", "company", "department", "international", "ministry", "ngo", "thinktank", "university"];

impl Sources {
    /// Reads the templates folder and the lexicon folder.
    pub fn load(templates: &Path, lexicon: &Path) -> Result<Sources, GenError> {
        let t = |name: &str| templates.join(name);
        let l = |name: &str| lexicon.join(name);
        let (furniture_top, furniture_middle, furniture_bottom) = furniture(&t("furniture.txt"))?;
        let sources = Sources {
            sentences: sentences(&t("sentences.txt"))?,
            headlines: templates_of(&t("headlines.txt"))?,
            quotes: templates_of(&t("quotes.txt"))?,
            furniture_top,
            furniture_middle,
            furniture_bottom,
            first_names: first_names(&t("first_names.txt"))?,
            last_names: words(&t("last_names.txt"))?,
            company_tails: words(&t("company_tails.txt"))?,
            said: said(&t("speech_verbs.txt"), &l("speech_verbs.tsv"))?,
            countries: countries(&l("countries.tsv"))?,
            places: column_where(&l("locations.tsv"), 5, |_| true)?,
            titles: titles(&l("titles.tsv"), &["government", "legislature", "diplomatic"], true)?,
            roles: titles(&l("titles.tsv"), &["corporate", "academic", "generic", "media"], false)?,
            orgs: column_where(&l("organizations.tsv"), 4, |row| SPEAKING_ORG_KINDS.contains(&row[2].as_str()))?,
            agencies: agencies(&l("organizations.tsv"))?,
            outlets: column_where(&l("organizations.tsv"), 4, |row| row[2] == "media")?,
            goods: column_where(&l("substances.tsv"), 3, |row| row[2] == "commodity" || row[2] == "good")?,
            drugs: column_where(&l("substances.tsv"), 3, |row| row[2] == "drug")?,
            chemicals: column_where(&l("substances.tsv"), 3, |row| row[2] == "chemical")?,
            cast: None,
        };
        Ok(sources)
    }
}

/// A data file's lines that are not comments or blank, with their 1-based numbers.
fn data_lines(path: &Path) -> Result<Vec<(usize, String)>, GenError> {
    let text = std::fs::read_to_string(path).map_err(|source| GenError::Io { path: path.to_path_buf(), source })?;
    let lines: Vec<(usize, String)> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|(i, l)| (i + 1, l.to_string()))
        .collect();
    if lines.is_empty() {
        return Err(GenError::Empty(path.to_path_buf()));
    }
    Ok(lines)
}

fn bad(path: &Path, line: usize, problem: impl Into<String>) -> GenError {
    GenError::BadLine { path: path.to_path_buf(), line, problem: problem.into() }
}

/// Tab-separated rows with at least `columns` columns.
fn rows(path: &Path, columns: usize) -> Result<Vec<(usize, Vec<String>)>, GenError> {
    data_lines(path)?
        .into_iter()
        .map(|(n, line)| {
            let row: Vec<String> = line.split('\t').map(str::to_string).collect();
            if row.len() < columns {
                return Err(bad(path, n, format!("expected {columns} tab-separated columns, found {}", row.len())));
            }
            Ok((n, row))
        })
        .collect()
}

fn non_empty<T>(path: &Path, items: Vec<T>) -> Result<Vec<T>, GenError> {
    if items.is_empty() {
        return Err(GenError::Empty(path.to_path_buf()));
    }
    Ok(items)
}

/// The first column of the rows `keep` accepts.
fn column_where(path: &Path, columns: usize, keep: impl Fn(&[String]) -> bool) -> Result<Vec<String>, GenError> {
    let names =
        rows(path, columns)?.into_iter().filter(|(_, row)| keep(row)).map(|(_, mut row)| row.swap_remove(0)).collect();
    non_empty(path, names)
}

fn words(path: &Path) -> Result<Vec<String>, GenError> {
    Ok(data_lines(path)?.into_iter().map(|(_, l)| l.trim().to_string()).collect())
}

fn first_names(path: &Path) -> Result<Vec<(String, bool)>, GenError> {
    rows(path, 2)?
        .into_iter()
        .map(|(n, row)| match row[1].as_str() {
            "f" => Ok((row[0].clone(), true)),
            "m" => Ok((row[0].clone(), false)),
            other => Err(bad(path, n, format!("gender must be f or m, not {other:?}"))),
        })
        .collect()
}

/// Past tenses of the lemmas listed in the templates, looked up in the lexicon
/// so that every verb is one the extractor knows.
fn said(path: &Path, lexicon: &Path) -> Result<Vec<String>, GenError> {
    let verbs = rows(lexicon, 2)?;
    let mut said = Vec::new();
    for (n, row) in rows(path, 1)? {
        let weight: usize = match row.get(1) {
            Some(w) => w.trim().parse().map_err(|_| bad(path, n, format!("weight {w:?} is not a whole number")))?,
            None => 1,
        };
        let forms = verbs
            .iter()
            .find(|(_, v)| v[0] == row[0])
            .map(|(_, v)| v[1].split('|').map(str::to_string).collect::<Vec<_>>())
            .ok_or_else(|| bad(path, n, format!("{:?} is not a lemma of {}", row[0], lexicon.display())))?;
        // Forms are base|3rd person|past|...: the past is the third.
        let past =
            forms.get(2).ok_or_else(|| bad(path, n, format!("{:?} has no past tense in the lexicon", row[0])))?;
        said.extend(std::iter::repeat_n(past.clone(), weight));
    }
    non_empty(path, said)
}

fn countries(path: &Path) -> Result<Vec<Country>, GenError> {
    let first = |s: &str| s.split('|').next().filter(|x| !x.is_empty()).map(str::to_string);
    Ok(rows(path, 4)?
        .into_iter()
        .map(|(_, row)| Country { demonym: first(&row[2]), capital: first(&row[3]), name: row[0].clone() })
        .collect())
}

/// Titles of the given kinds, written capitalised (before a name: "Trade
/// Minister Ana Ruiz") or in lower case (in an apposition: "an analyst at ...").
fn titles(path: &Path, kinds: &[&str], capitalised: bool) -> Result<Vec<String>, GenError> {
    column_where(path, 4, |row| {
        let upper = row[0].starts_with(|c: char| c.is_uppercase());
        kinds.contains(&row[3].as_str()) && upper == capitalised && !NOT_FOR_INVENTED_PEOPLE.contains(&row[0].as_str())
    })
}

/// Agencies and international bodies with an acronym ("the ABS said").
fn agencies(path: &Path) -> Result<Vec<Agency>, GenError> {
    let is_acronym = |s: &&str| (2..=6).contains(&s.len()) && s.chars().all(|c| c.is_ascii_uppercase());
    let agencies = rows(path, 4)?
        .into_iter()
        .filter(|(_, row)| row[2] == "agency" || row[2] == "international")
        .filter_map(|(_, row)| {
            row[1].split('|').find(is_acronym).map(|short| Agency { name: row[0].clone(), short: short.to_string() })
        })
        .collect();
    non_empty(path, agencies)
}

fn sentences(path: &Path) -> Result<Sentences, GenError> {
    let mut s = Sentences::default();
    for (n, row) in rows(path, 2)? {
        let template = parse(path, n, &row[1], true)?;
        let family = match row[0].as_str() {
            "lead" => &mut s.lead,
            "quote" => &mut s.quote,
            "role" => &mut s.role,
            "export" => &mut s.export,
            "stat" => &mut s.stat,
            "filler" => &mut s.filler,
            other => {
                return Err(bad(path, n, format!("unknown family {other:?} (lead, quote, role, export, stat, filler)")))
            }
        };
        family.push(template);
    }
    for family in [&s.lead, &s.quote, &s.role, &s.export, &s.stat, &s.filler] {
        if family.is_empty() {
            return Err(GenError::Empty(path.to_path_buf()));
        }
    }
    Ok(s)
}

/// Templates that are expanded inside others, so they may not nest quotes or headlines.
fn templates_of(path: &Path) -> Result<Vec<Template>, GenError> {
    data_lines(path)?.into_iter().map(|(n, line)| parse(path, n, &line, false)).collect()
}

type Furniture = (Vec<Template>, Vec<Template>, Vec<Template>);

fn furniture(path: &Path) -> Result<Furniture, GenError> {
    let (mut top, mut middle, mut bottom) = (Vec::new(), Vec::new(), Vec::new());
    for (n, row) in rows(path, 2)? {
        let template = parse(path, n, &row[1], true)?;
        match row[0].as_str() {
            "top" => top.push(template),
            "middle" => middle.push(template),
            "bottom" => bottom.push(template),
            other => return Err(bad(path, n, format!("unknown position {other:?} (top, middle, bottom)"))),
        }
    }
    Ok((non_empty(path, top)?, non_empty(path, middle)?, non_empty(path, bottom)?))
}

/// Splits a template into text and `{SLOT}` pieces.
fn parse(path: &Path, line: usize, text: &str, may_nest: bool) -> Result<Template, GenError> {
    let mut pieces = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            pieces.push(Piece::Text(rest[..open].to_string()));
        }
        let close = rest[open..].find('}').ok_or_else(|| bad(path, line, "'{' without '}'"))? + open;
        let name = &rest[open + 1..close];
        let slot = Slot::from_name(name).ok_or_else(|| bad(path, line, format!("unknown slot {{{name}}}")))?;
        if slot.nests() && !may_nest {
            return Err(bad(path, line, format!("{{{name}}} cannot be used in this file")));
        }
        pieces.push(Piece::Slot(slot));
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        pieces.push(Piece::Text(rest.to_string()));
    }
    Ok(pieces)
}

/// The default templates and lexicon folders of this checkout.
pub fn default_dirs() -> (PathBuf, PathBuf) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    (root.join("benches/templates"), root.join("ontology/lexicon"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_zipf_cast_names_its_first_people_most_and_nobody_else() {
        let (templates, lexicon) = default_dirs();
        let src = Sources::load(&templates, &lexicon).expect("sources load");
        let cast = ZipfCast::new(&src, 50, 7);
        let mut rng = Rng::for_article(7, 0);
        let mut counts = vec![0usize; 50];
        for _ in 0..20_000 {
            let picked = cast.pick(&mut rng);
            let i = cast.people.iter().position(|p| p == picked).expect("a person of the cast");
            counts[i] += 1;
        }
        // Weight 1/k: the first is named about ten times as often as the tenth.
        let ratio = counts[0] as f64 / counts[9] as f64;
        assert!((7.0..14.0).contains(&ratio), "first/tenth = {ratio}: {counts:?}");
        assert!(counts[0] > counts[49] * 20, "{counts:?}");
    }

    #[test]
    fn a_template_splits_into_text_and_slots() {
        let t = parse(Path::new("t"), 1, "“{QUOTE},” {SURNAME} said.", true).map_err(|e| e.to_string());
        let want = vec![
            Piece::Text("“".into()),
            Piece::Slot(Slot::Quote),
            Piece::Text(",” ".into()),
            Piece::Slot(Slot::Surname),
            Piece::Text(" said.".into()),
        ];
        assert_eq!(t, Ok(want));
    }

    #[test]
    fn an_unknown_or_nested_slot_names_file_and_line() {
        let unknown = parse(Path::new("x.txt"), 7, "the {NOPE} went", true).map_err(|e| e.to_string());
        assert_eq!(unknown, Err("x.txt:7: unknown slot {NOPE}".to_string()));
        assert!(parse(Path::new("q.txt"), 2, "as {QUOTE} said", false).is_err());
    }
}

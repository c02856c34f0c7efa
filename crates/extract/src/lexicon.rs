//! The lexicons under `ontology/lexicon/`: well-known things as data, not code.
//!
//! The files are compiled into the binary (so the tool runs from any folder)
//! and parsed once into a [`Lexicon`]. A malformed line is an error naming the
//! file and the line. This module owns lookups only; it knows nothing about
//! sentences or extraction rules.
//!
//! Start-up and look-ups are on the hot path of every build: names are found
//! by a byte trie ([`matcher`]), substances by an Aho-Corasick DFA, both
//! leftmost-longest; word lists are [`table`]s that rule most words out
//! before hashing; furniture patterns are compiled when a line may need them.

mod matcher;
mod table;

use crate::model::EntityType;
use aho_corasick::{AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind};
use matcher::Matcher;
use table::WordTable;
use regex::{Regex, RegexSet};
use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::borrow::Cow;
use std::sync::OnceLock;

/// A lexicon file that could not be read.
#[derive(Debug, thiserror::Error)]
pub enum LexiconError {
    /// A line with the wrong number of columns or a bad value.
    #[error("ontology/lexicon/{file}:{line}: {problem}")]
    BadLine {
        /// The file name.
        file: &'static str,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        problem: String,
    },
    /// The automaton over the substances could not be built.
    #[error("lexicon automaton: {0}")]
    Automaton(String),
}

macro_rules! lexicon_file {
    ($name:literal) => {
        ($name, include_str!(concat!("../../../ontology/lexicon/", $name)))
    };
}

/// What a surface form in the gazetteer stands for.
#[derive(Debug, Clone, PartialEq)]
pub struct GazetteerEntry {
    /// The entity type.
    pub kind: EntityType,
    /// The canonical label.
    pub canonical: String,
    /// For a capital: the country it stands for when used as a metonym.
    pub metonym_of: Option<String>,
    /// For substances: drug, chemical, commodity or good.
    pub class: Option<String>,
}

/// A job title with the organization it implies on its own.
#[derive(Debug, Clone)]
pub struct Title {
    /// The label the tool outputs.
    pub label: String,
    /// The organization or country the title implies when the text names none.
    pub implied_org: Option<String>,
}

/// Where a place word stands in a place name.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct PlacePositions {
    /// It ends names ("... County").
    pub end: bool,
    /// It starts names ("Port of ...").
    pub start: bool,
}

/// Direction of a verb of trade, seen from the subject.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TradeDirection {
    /// The subject sends the goods out (ship, export, sell, supply).
    Outbound,
    /// The goods come from the country after "from" (import, buy, come from).
    Inbound,
}

/// A word of trade (`trade_verbs.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TradeWord {
    /// Which way the goods go.
    pub direction: TradeDirection,
    /// Where the word is a word of trade.
    pub scope: TradeScope,
}

/// Where a word of trade is one (`trade_verbs.tsv`, third column).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TradeScope {
    /// Wherever it stands before or after goods.
    Plain,
    /// It names a country's trade as a whole ("exports"): with
    /// no country of its own in the sentence, it is the story's country's.
    National,
    /// Only with a share of supply as its object ("provides the rest").
    Share,
}

/// All lexicons, parsed.
pub struct Lexicon {
    names: Matcher,
    name_entries: Vec<GazetteerEntry>,
    substances: AhoCorasick,
    substance_entries: Vec<GazetteerEntry>,
    titles: WordTable<Title>,
    /// Longest title, in words (bounds the title matcher).
    pub max_title_words: usize,
    /// The first word of every title (lower case): most words are not one, and
    /// need no look-up of longer phrases.
    title_first_words: WordTable<()>,
    demonyms: WordTable<String>,
    /// The first words of demonyms of several words ("South" of "South Korean").
    demonym_first_words: WordTable<()>,
    country_of_org: HashMap<String, String>,
    org_kind: HashMap<String, String>,
    honorifics: WordTable<()>,
    abbreviations: WordTable<()>,
    speech_verbs: WordTable<String>,
    /// Forms of verbs of saying (not thought), with what follows them.
    statement_verbs: WordTable<Complement>,
    not_names: WordTable<()>,
    /// Given names ("Laura"): evidence that a capitalised pair is a person.
    first_names: WordTable<()>,
    number_words: WordTable<f64>,
    org_heads: WordTable<()>,
    place_heads: WordTable<PlacePositions>,
    other_heads: WordTable<()>,
    furniture: Vec<Furniture>,
    /// The furniture patterns as one set, word boundaries dropped: one pass
    /// rules out lines no pattern can match (`None`: run them all).
    furniture_set: Option<RegexSet>,
    state_abbreviations: HashMap<String, String>,
    country_of_place: HashMap<String, String>,
    parties: HashMap<String, String>,
    trade_verbs: WordTable<TradeWord>,
}

/// A set of words, as a table.
fn word_set(words: impl Iterator<Item = String>) -> WordTable<()> {
    WordTable::exact(words.map(|w| (w, ())).collect())
}

/// The furniture patterns as one set, word boundaries dropped (see [`Lexicon::furniture`]).
fn furniture_set(furniture: &[Furniture]) -> Option<RegexSet> {
    RegexSet::new(furniture.iter().map(|f| without_word_boundaries(f.pattern))).ok()
}

/// A furniture pattern, compiled the first time a line may hold it: most
/// runs meet few of them, and compiling all at start-up delayed every build.
struct Furniture {
    pattern: &'static str,
    /// The whole line is furniture, not only the match.
    whole: bool,
    /// `None` if it does not compile (it was checked for syntax when read).
    regex: OnceLock<Option<Regex>>,
}

impl Furniture {
    /// The byte range this pattern blanks in `line`.
    fn find(&self, line: &str) -> Option<(usize, usize)> {
        let regex = self.regex.get_or_init(|| Regex::new(self.pattern).ok()).as_ref()?;
        regex.find(line).map(|m| if self.whole { (0, line.len()) } else { (m.start(), m.end()) })
    }
}

/// Rows of a TSV lexicon: (line number, columns), comments and blanks skipped.
fn rows(
    file: &'static str,
    text: &'static str,
    columns: usize,
) -> Result<Vec<(usize, Vec<&'static str>)>, LexiconError> {
    let mut out = Vec::new();
    for (i, line) in text.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < columns {
            return Err(LexiconError::BadLine {
                file,
                line: i + 1,
                problem: format!("expected {columns} tab-separated columns, found {}", cols.len()),
            });
        }
        out.push((i + 1, cols));
    }
    Ok(out)
}

/// The values of a `|`-separated column.
fn values(column: &str) -> impl Iterator<Item = &str> {
    column.split('|').map(str::trim).filter(|v| !v.is_empty())
}

/// Lines of a one-entry-per-line lexicon.
fn entries(text: &'static str) -> impl Iterator<Item = &'static str> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Curly and straight apostrophes are both used in the wild: index both.
fn apostrophe_variants(form: &str) -> Vec<String> {
    let mut v = vec![form.to_string()];
    if form.contains('\'') {
        v.push(form.replace('\'', "\u{2019}"));
    }
    if form.contains('\u{2019}') {
        v.push(form.replace('\u{2019}', "'"));
    }
    v
}

struct GazetteerBuilder {
    forms: Vec<String>,
    entries: Vec<GazetteerEntry>,
    seen: HashSet<String>,
}

impl GazetteerBuilder {
    fn new() -> Self {
        GazetteerBuilder { forms: Vec::new(), entries: Vec::new(), seen: HashSet::default() }
    }

    /// Adds a surface form unless an earlier file already claimed it
    /// (files are added most specific first).
    fn add(&mut self, form: &str, entry: &GazetteerEntry) {
        for f in apostrophe_variants(form) {
            if self.seen.insert(f.clone()) {
                self.forms.push(f);
                self.entries.push(entry.clone());
            }
        }
    }

    /// Names, matched by a trie: built in a couple of milliseconds, about as
    /// fast to search as an automaton for words that start with capitals.
    fn build_trie(self) -> (Matcher, Vec<GazetteerEntry>) {
        (Matcher::new(&self.forms), self.entries)
    }

    /// Substances, in any case, matched by an Aho-Corasick DFA: nearly every
    /// letter may start one, which a trie pays a walk for and a DFA does not.
    fn build_automaton(self) -> Result<(AhoCorasick, Vec<GazetteerEntry>), LexiconError> {
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::LeftmostLongest)
            .ascii_case_insensitive(true)
            .kind(Some(AhoCorasickKind::DFA))
            .build(&self.forms)
            .map_err(|e| LexiconError::Automaton(e.to_string()))?;
        Ok((automaton, self.entries))
    }
}

/// The names of people, organizations, countries and places, with the tables
/// read from the same files.
struct Places {
    names: GazetteerBuilder,
    demonyms: HashMap<String, String>,
    country_of_org: HashMap<String, String>,
    org_kind: HashMap<String, String>,
    state_abbreviations: HashMap<String, String>,
    country_of_place: HashMap<String, String>,
}

fn entry(kind: EntityType, canonical: &str) -> GazetteerEntry {
    GazetteerEntry { kind, canonical: canonical.to_string(), metonym_of: None, class: None }
}

/// People, organizations, countries (with demonyms and capitals) and places.
fn read_places() -> Result<Places, LexiconError> {
    let mut names = GazetteerBuilder::new();
    let mut demonyms = HashMap::default();
    let mut country_of_org = HashMap::default();
    let mut org_kind = HashMap::default();

    let (file, text) = lexicon_file!("people.tsv");
    for (_, c) in rows(file, text, 2)? {
        let e = entry(EntityType::Person, c[0]);
        names.add(c[0], &e);
        for a in values(c[1]) {
            names.add(a, &e);
        }
    }
    let (file, text) = lexicon_file!("organizations.tsv");
    for (_, c) in rows(file, text, 4)? {
        let e = entry(EntityType::Organization, c[0]);
        names.add(c[0], &e);
        for a in values(c[1]) {
            names.add(a, &e);
        }
        if !c[3].trim().is_empty() {
            country_of_org.insert(c[0].to_string(), c[3].trim().to_string());
        }
        org_kind.insert(c[0].to_string(), c[2].trim().to_string());
    }
    let (file, text) = lexicon_file!("countries.tsv");
    let country_rows = rows(file, text, 4)?;
    for (_, c) in &country_rows {
        let e = entry(EntityType::Country, c[0]);
        names.add(c[0], &e);
        for a in values(c[1]) {
            names.add(a, &e);
        }
        for d in values(c[2]) {
            demonyms.insert(d.to_string(), c[0].to_string());
        }
    }
    let (file, text) = lexicon_file!("locations.tsv");
    let mut state_abbreviations = HashMap::default();
    let mut country_of_place = HashMap::default();
    for (_, c) in rows(file, text, 5)? {
        if !c[4].trim().is_empty() {
            country_of_place.insert(c[0].to_string(), c[4].trim().to_string());
        }
        let e = entry(EntityType::Location, c[0]);
        names.add(c[0], &e);
        for a in values(c[1]) {
            names.add(a, &e);
        }
        for a in values(c[2]) {
            state_abbreviations.insert(a.to_string(), c[0].to_string());
        }
    }
    // Capitals last: a capital is a Location, and stands for its country in relations.
    for (_, c) in &country_rows {
        for capital in values(c[3]) {
            let mut e = entry(EntityType::Location, capital);
            e.metonym_of = Some(c[0].to_string());
            names.add(capital, &e);
        }
    }
    Ok(Places { names, demonyms, country_of_org, org_kind, state_abbreviations, country_of_place })
}

/// Drugs, chemicals, commodities and goods.
fn read_substances() -> Result<GazetteerBuilder, LexiconError> {
    let mut substances = GazetteerBuilder::new();
    let (file, text) = lexicon_file!("substances.tsv");
    for (_, c) in rows(file, text, 3)? {
        let mut e = entry(EntityType::Substance, c[0]);
        e.class = Some(c[2].trim().to_string());
        substances.add(c[0], &e);
        for a in values(c[1]) {
            substances.add(a, &e);
        }
    }
    Ok(substances)
}

/// Job titles (lower-case forms) and the longest, in words.
fn read_titles() -> Result<(HashMap<String, Title>, usize), LexiconError> {
    let mut titles = HashMap::default();
    let mut max_title_words = 1;
    let (file, text) = lexicon_file!("titles.tsv");
    for (_, c) in rows(file, text, 4)? {
        let implied = Some(c[2].trim()).filter(|s| !s.is_empty()).map(str::to_string);
        let title = Title { label: c[0].to_string(), implied_org: implied };
        for form in std::iter::once(c[0]).chain(values(c[1])) {
            max_title_words = max_title_words.max(form.split_whitespace().count());
            titles.entry(form.to_lowercase()).or_insert_with(|| title.clone());
        }
    }
    Ok((titles, max_title_words))
}

/// The smaller word lists, read while the automata are built.
struct Words {
    speech_verbs: SpeechVerbs,
    number_words: HashMap<String, f64>,
    parties: HashMap<String, String>,
    trade_verbs: HashMap<String, TradeWord>,
    place_heads: HashMap<String, PlacePositions>,
}

/// What follows a verb of saying when it reports speech (`speech_verbs.tsv`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Complement {
    /// What was said, with or without "that": "said (that) the talks failed".
    Direct,
    /// The person told, then what was said: "told reporters the talks failed".
    PersonTold,
}

/// The two tables read from `speech_verbs.tsv`.
struct SpeechVerbs {
    /// Every form of a verb of saying or thought → its lemma.
    lemmas: HashMap<String, String>,
    /// Every form of a verb of saying → what follows it in reported speech.
    complements: HashMap<String, Complement>,
}

fn read_speech_verbs() -> Result<SpeechVerbs, LexiconError> {
    let (file, text) = lexicon_file!("speech_verbs.tsv");
    let mut speech_verbs = HashMap::default();
    let mut statement_verbs = HashMap::default();
    for (line, c) in rows(file, text, 4)? {
        // 'none': the verb frames a quotation ("…," he continued) but what
        // follows it unquoted is not what was said ("spoke to reporters").
        let complement = match c[3].trim() {
            "direct" => Some(Complement::Direct),
            "object" => Some(Complement::PersonTold),
            "none" => None,
            other => return Err(LexiconError::BadLine { file, line, problem: format!("complement {other:?} is not 'direct', 'object' or 'none'") }),
        };
        for form in values(c[1]).chain(std::iter::once(c[0])) {
            speech_verbs.insert(form.to_lowercase(), c[0].to_string());
            if let (Some(complement), "speech") = (complement, c[2].trim()) {
                statement_verbs.insert(form.to_lowercase(), complement);
            }
        }
    }
    Ok(SpeechVerbs { lemmas: speech_verbs, complements: statement_verbs })
}

fn read_number_words() -> Result<HashMap<String, f64>, LexiconError> {
    let (file, text) = lexicon_file!("number_words.tsv");
    let mut number_words = HashMap::default();
    for (line, c) in rows(file, text, 2)? {
        let v: f64 = c[1].trim().parse().map_err(|_| LexiconError::BadLine {
            file,
            line,
            problem: format!("'{}' is not a number", c[1]),
        })?;
        number_words.insert(c[0].to_lowercase(), v);
    }
    Ok(number_words)
}

/// Furniture patterns, checked for syntax (they are compiled when first needed).
fn read_furniture() -> Result<Vec<Furniture>, LexiconError> {
    let (file, text) = lexicon_file!("furniture.tsv");
    let mut furniture = Vec::new();
    for (line, c) in rows(file, text, 2)? {
        regex_syntax::parse(c[1]).map_err(|e| LexiconError::BadLine {
            file,
            line,
            problem: format!("bad pattern: {e}"),
        })?;
        let whole = match c[0].trim() {
            "line" => true,
            "match" => false,
            other => {
                return Err(LexiconError::BadLine {
                    file,
                    line,
                    problem: format!("scope must be 'line' or 'match', not '{other}'"),
                })
            }
        };
        furniture.push(Furniture { pattern: c[1], whole, regex: OnceLock::new() });
    }
    Ok(furniture)
}

fn read_parties() -> Result<HashMap<String, String>, LexiconError> {
    let (file, text) = lexicon_file!("parties.tsv");
    let mut parties = HashMap::default();
    for (_, c) in rows(file, text, 2)? {
        for form in values(c[1]) {
            parties.insert(form.to_string(), c[0].to_string());
        }
    }
    Ok(parties)
}

fn read_trade_verbs() -> Result<HashMap<String, TradeWord>, LexiconError> {
    let (file, text) = lexicon_file!("trade_verbs.tsv");
    let mut trade_verbs = HashMap::default();
    for (line, c) in rows(file, text, 2)? {
        let dir = match c[1].trim() {
            "out" => TradeDirection::Outbound,
            "in" => TradeDirection::Inbound,
            other => {
                return Err(LexiconError::BadLine {
                    file,
                    line,
                    problem: format!("direction must be 'in' or 'out', not '{other}'"),
                })
            }
        };
        let scope = match c.get(2).map(|s| s.trim()) {
            None | Some("") => TradeScope::Plain,
            Some("national") => TradeScope::National,
            Some("share") => TradeScope::Share,
            Some(other) => {
                return Err(LexiconError::BadLine { file, line, problem: format!("scope must be 'national', 'share' or empty, not '{other}'") })
            }
        };
        for form in values(c[0]) {
            trade_verbs.insert(form.to_lowercase(), TradeWord { direction: dir, scope });
        }
    }
    Ok(trade_verbs)
}

fn read_place_heads() -> Result<HashMap<String, PlacePositions>, LexiconError> {
    let (file, text) = lexicon_file!("place_heads.tsv");
    let mut place_heads = HashMap::default();
    for (line, c) in rows(file, text, 2)? {
        let mut positions = PlacePositions::default();
        for p in values(c[1]) {
            match p {
                "end" => positions.end = true,
                "start" => positions.start = true,
                other => return Err(LexiconError::BadLine { file, line, problem: format!("position must be 'end' or 'start', not '{other}'") }),
            }
        }
        place_heads.insert(c[0].to_string(), positions);
    }
    Ok(place_heads)
}

impl Lexicon {
    /// The lexicons compiled into this binary, parsed once.
    pub fn embedded() -> Result<&'static Lexicon, &'static LexiconError> {
        static LEXICON: OnceLock<Result<Lexicon, LexiconError>> = OnceLock::new();
        LEXICON.get_or_init(Lexicon::parse).as_ref()
    }

    fn parse() -> Result<Lexicon, LexiconError> {
        let places = read_places()?;
        let substances = read_substances()?;
        let furniture = read_furniture()?;
        std::thread::scope(|scope| {
            // The substance automaton and the furniture set take longest to
            // build, and start-up is on the critical path of every build:
            // they are built on threads of their own while this one reads
            // the other files.
            let automaton = scope.spawn(move || substances.build_automaton());
            let set = scope.spawn(move || (furniture_set(&furniture), furniture));
            let (names, name_entries) = places.names.build_trie();
            let (titles, max_title_words) = read_titles()?;
            let words = Words {
                speech_verbs: read_speech_verbs()?,
                number_words: read_number_words()?,
                parties: read_parties()?,
                trade_verbs: read_trade_verbs()?,
                place_heads: read_place_heads()?,
            };
            let (furniture_set, furniture) = set.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            let (substances, substance_entries) = automaton.join().unwrap_or_else(|panic| std::panic::resume_unwind(panic))?;
            Ok(Lexicon {
                names,
                name_entries,
                substances,
                substance_entries,
                title_first_words: WordTable::lowercase(titles.keys().filter_map(|k| k.split(' ').next()).map(|w| (w.to_string(), ())).collect()),
                titles: WordTable::lowercase(titles),
                max_title_words,
                demonym_first_words: word_set(places.demonyms.keys().filter_map(|d| d.split_once(' ')).map(|(first, _)| first.to_string())),
                demonyms: WordTable::exact(places.demonyms),
                country_of_org: places.country_of_org,
                org_kind: places.org_kind,
                honorifics: word_set(entries(include_str!("../../../ontology/lexicon/honorifics.txt")).map(str::to_string)),
                abbreviations: word_set(entries(include_str!("../../../ontology/lexicon/abbreviations.txt")).map(str::to_string)),
                speech_verbs: WordTable::lowercase(words.speech_verbs.lemmas),
                statement_verbs: WordTable::lowercase(words.speech_verbs.complements),
                not_names: word_set(entries(include_str!("../../../ontology/lexicon/not_names.txt")).map(str::to_string)),
                first_names: word_set(entries(include_str!("../../../ontology/lexicon/first_names.txt")).map(str::to_string)),
                number_words: WordTable::lowercase(words.number_words),
                org_heads: word_set(entries(include_str!("../../../ontology/lexicon/org_heads.txt")).map(str::to_string)),
                place_heads: WordTable::exact(words.place_heads),
                other_heads: word_set(entries(include_str!("../../../ontology/lexicon/other_heads.txt")).map(str::to_string)),
                furniture,
                furniture_set,
                state_abbreviations: places.state_abbreviations,
                country_of_place: places.country_of_place,
                parties: words.parties,
                trade_verbs: WordTable::lowercase(words.trade_verbs),
            })
        })
    }

    /// Proper-name matches (people, organizations, countries, places) in `text`:
    /// (start, end, entry), leftmost-longest, on word boundaries.
    pub fn find_names(&self, text: &str) -> Vec<(usize, usize, &GazetteerEntry)> {
        self.names
            .find_iter(text)
            .filter(|&(start, end, _)| on_word_boundaries(text, start, end))
            .map(|(start, end, pattern)| (start, end, &self.name_entries[pattern]))
            .collect()
    }

    /// Substance matches in `text` (any case), on word boundaries. Hard-wrapped
    /// text breaks names across lines ("palm\noil"): a line break is read as
    /// the space the lexicon writes (same byte length, so offsets hold).
    pub fn find_substances(&self, text: &str) -> Vec<(usize, usize, &GazetteerEntry)> {
        let spaced: std::borrow::Cow<str> =
            // One-character searches run on memchr; a char-set search decodes every character.
            if text.contains('\n') || text.contains('\r') { text.replace(['\n', '\r'], " ").into() } else { text.into() };
        self.substances
            .find_iter(spaced.as_ref())
            .filter(|m| on_word_boundaries(text, m.start(), m.end()))
            .map(|m| (m.start(), m.end(), &self.substance_entries[m.pattern().as_usize()]))
            .collect()
    }

    /// The whole of `form` as a known name, if it is one.
    pub fn name(&self, form: &str) -> Option<&GazetteerEntry> {
        // Leftmost-longest over `form` alone finds (0, len) only for a form
        // equal to it: one walk down the trie says the same without a scan.
        self.names.exact(form).map(|i| &self.name_entries[i])
    }

    /// The title a (lower-cased) form stands for.
    pub fn title(&self, form: &str) -> Option<&Title> {
        self.titles.get(form)
    }

    /// Can a title start with this word? False for most words, which then
    /// need no look-up of the phrases they start.
    pub fn may_start_title(&self, word: &str) -> bool {
        self.title_first_words.contains(word)
    }

    /// The country a demonym ("Chinese", "Americans") points to.
    pub fn demonym(&self, word: &str) -> Option<&str> {
        self.demonyms.get(word).map(String::as_str)
    }

    /// The country a demonym of two words ("South Korean") points to; the
    /// phrase is only built when a demonym starts with `first`.
    pub fn demonym_of_pair(&self, first: &str, second: &str) -> Option<&str> {
        if !self.demonym_first_words.contains(first) {
            return None;
        }
        self.demonym(&format!("{first} {second}"))
    }

    /// The country an organization in the lexicon belongs to.
    pub fn country_of_org(&self, org: &str) -> Option<&str> {
        self.country_of_org.get(org).map(String::as_str)
    }

    /// The kind of a lexicon organization (agency, media, party, ...).
    pub fn org_kind(&self, org: &str) -> Option<&str> {
        self.org_kind.get(org).map(String::as_str)
    }

    /// "Mr.", "Sen.", "Dr." ...
    pub fn is_honorific(&self, word: &str) -> bool {
        self.honorifics.contains(word)
    }

    /// Abbreviations after which a period does not end a sentence.
    pub fn is_abbreviation(&self, word_with_period: &str) -> bool {
        self.abbreviations.contains(word_with_period)
    }

    /// The lemma of a speech verb form ("told" -> "tell").
    pub fn speech_verb(&self, word: &str) -> Option<&str> {
        self.speech_verbs.get(word).map(String::as_str)
    }

    /// A form of a verb of saying, not of thought: what reported speech hangs
    /// on ("said", "denied"; not "believes").
    pub fn statement_verb(&self, word: &str) -> bool {
        self.statement_verbs.get(word).is_some()
    }

    /// What follows a verb of saying in reported speech (`None`: not one).
    pub fn complement(&self, word: &str) -> Option<Complement> {
        self.statement_verbs.get(word).copied()
    }

    /// Capitalised words that are not names ("The", "However", "Monday").
    pub fn is_not_name(&self, word: &str) -> bool {
        self.not_names.contains(word)
    }

    /// Given names ("Laura", "Jagmeet"), as written.
    pub fn is_first_name(&self, word: &str) -> bool {
        self.first_names.contains(word)
    }

    /// The value of a number word ("eight", "million").
    pub fn number_word(&self, word: &str) -> Option<f64> {
        self.number_words.get(word).copied()
    }

    /// Words that make a capitalised sequence an organization ("Ministry", "Inc.").
    pub fn is_org_head(&self, word: &str) -> bool {
        self.org_heads.contains(word)
    }

    /// Where a word makes a capitalised sequence a place: at its end
    /// ("Franklin County") or at its start ("Port of Vancouver", "Lake Erie").
    pub fn place_head(&self, word: &str) -> Option<PlacePositions> {
        self.place_heads.get(word).copied()
    }

    /// Words that end names of laws, events and documents ("... Act", "... Week").
    pub fn is_other_head(&self, word: &str) -> bool {
        self.other_heads.contains(word)
    }

    /// The first piece of site furniture in a line, as a byte range
    /// (the whole line for line-scoped patterns), or `None` for article prose.
    /// Ranges that are already blank do not count.
    pub fn furniture(&self, line: &str) -> Option<(usize, usize)> {
        // Most lines are prose: the set rules them out in one pass, and
        // names the only patterns that can match the others.
        let candidates: Vec<usize> = match &self.furniture_set {
            Some(set) if !set.is_match(line) => return None,
            Some(set) => set.matches(line).into_iter().collect(),
            None => (0..self.furniture.len()).collect(),
        };
        candidates
            .into_iter()
            .filter_map(|i| self.furniture[i].find(line))
            .filter(|(s, e)| !line[*s..*e].trim().is_empty())
            .min()
    }

    /// "Md." or "MD" or "Ohio" in congressional shorthand -> the state.
    pub fn state_abbreviation(&self, form: &str) -> Option<&str> {
        self.state_abbreviations.get(form).map(String::as_str)
    }

    /// The country a place of the lexicon is in ("Gujarat" -> "India").
    pub fn country_of_place(&self, place: &str) -> Option<&str> {
        self.country_of_place.get(place).map(String::as_str)
    }

    /// "D", "Democrat", "Democratic" -> the party's canonical name.
    pub fn party(&self, form: &str) -> Option<&str> {
        self.parties.get(form).map(String::as_str)
    }

    /// The direction of a trade verb form ("ships" -> outbound), and whether it
    /// names a country's trade as a whole ("exports").
    pub fn trade_verb(&self, word: &str) -> Option<TradeWord> {
        self.trade_verbs.get(word).copied()
    }
}

/// A pattern without its `\b` and `\B` assertions: it matches wherever the
/// pattern does (and more), and, unlike Unicode word boundaries, lets the
/// fast automaton run over any text. Used only to rule lines out.
fn without_word_boundaries(pattern: &str) -> String {
    let mut out = String::with_capacity(pattern.len());
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('b' | 'B') => {}
            Some(escaped) => {
                out.push(c);
                out.push(escaped);
            }
            None => out.push(c),
        }
    }
    out
}

/// A word written in capitals as a name is written: "DELAET" -> "Delaet",
/// "JONG-UN" -> "Jong-Un"; generational suffixes and initials stay.
pub fn name_case(word: &str) -> String {
    // Generational suffixes and initials stay as written.
    if matches!(word, "II" | "III" | "IV") || (word.len() <= 2 && word.ends_with('.')) {
        return word.to_string();
    }
    let mut out = String::with_capacity(word.len());
    let mut capital = true;
    for c in word.chars() {
        if capital {
            out.extend(c.to_uppercase());
        } else {
            out.extend(c.to_lowercase());
        }
        capital = !c.is_alphabetic();
    }
    out
}

/// The lower-case form of `word` (as `str::to_lowercase`), borrowed when it is
/// already lower-case ASCII: look-ups with a freshly lowercased key were a
/// large share of extraction's allocations.
pub fn lowercase(word: &str) -> Cow<'_, str> {
    if !word.is_ascii() {
        return Cow::Owned(word.to_lowercase());
    }
    if word.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(word.to_ascii_lowercase())
    } else {
        Cow::Borrowed(word)
    }
}

/// True when `text[start..end]` is not glued to letters or digits on either side.
pub fn on_word_boundaries(text: &str, start: usize, end: usize) -> bool {
    let before = text[..start].chars().next_back();
    let after = text[end..].chars().next();
    let glued = |c: Option<char>| c.is_some_and(|c| c.is_alphanumeric());
    !glued(before) && !glued(after)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts to match in: the seed corpus, the dev set, and every form
    /// glued to the next, spaced, and in other case.
    fn texts(forms: &[String]) -> Vec<String> {
        let root = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../.."));
        let mut texts = Vec::new();
        for dir in ["corpus", "tests/devset/tune/articles", "tests/devset/heldout/articles"] {
            for entry in std::fs::read_dir(root.join(dir)).expect("test texts are there").flatten() {
                texts.push(std::fs::read_to_string(entry.path()).unwrap_or_default());
            }
        }
        let spaced = forms.join(" ");
        texts.extend([forms.concat(), spaced.to_uppercase(), spaced.to_lowercase(), forms.join("-s "), spaced]);
        texts
    }

    #[test]
    fn names_are_found_as_a_leftmost_longest_automaton_finds_them() {
        let forms = read_places().expect("names parse").names.forms;
        let automaton = AhoCorasickBuilder::new().match_kind(MatchKind::LeftmostLongest).build(&forms).expect("the reference automaton builds");
        let matcher = Matcher::new(&forms);
        for text in texts(&forms) {
            let expected: Vec<(usize, usize, usize)> = automaton.find_iter(&text).map(|m| (m.start(), m.end(), m.pattern().as_usize())).collect();
            assert!(!expected.is_empty());
            assert_eq!(matcher.find_iter(&text).collect::<Vec<_>>(), expected, "{}", &text[..text.len().min(80)]);
        }
        let first_equal = |s: &str| forms.iter().position(|f| f == s);
        for form in &forms {
            let half: String = form.chars().take(form.chars().count() / 2).collect();
            for probe in [form.clone(), form.to_uppercase(), format!("{form}x"), half] {
                assert_eq!(matcher.exact(&probe), first_equal(&probe), "{probe}");
            }
        }
    }


    /// What `furniture` answers, from every pattern without the prefilter set.
    fn furniture_without_set(lexicon: &Lexicon, line: &str) -> Option<(usize, usize)> {
        lexicon.furniture.iter().filter_map(|f| f.find(line)).filter(|(s, e)| !line[*s..*e].trim().is_empty()).min()
    }

    #[test]
    fn the_prefilter_set_hides_no_furniture() {
        let lexicon = Lexicon::embedded().expect("lexicons parse");
        let mut lines: Vec<String> = [
            "Skip To Content",
            "skip tomorrow's news",
            "1. Skip to main content",
            "Related: Ümit's story",
            "RELATED:",
            "Copyright © 2024 Él Diario. All rights reserved",
            "PHOTO: JANE ROE/REUTERS",
            "A caption. Photo: Jürgen Müller/AP",
            "WASHINGTON — Officials met on Monday.",
            "The views expressed do not reflect the opinions of the ÉCOLE.",
            "By Ana Ruiz and Jo Lee",
            "Officials said the talks would resume.",
        ]
        .iter()
        .map(|l| l.to_string())
        .collect();
        let corpus = std::path::Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../..")).join("corpus");
        for entry in std::fs::read_dir(corpus).expect("the seed corpus is there").flatten() {
            lines.extend(std::fs::read_to_string(entry.path()).unwrap_or_default().lines().map(str::to_string));
        }
        for line in &lines {
            assert_eq!(lexicon.furniture(line), furniture_without_set(lexicon, line), "{line}");
        }
        assert!(lines.iter().filter(|l| lexicon.furniture(l).is_some()).count() >= 6, "the examples hold furniture");
    }

    #[test]
    fn word_boundaries_are_dropped_and_other_escapes_kept() {
        assert_eq!(without_word_boundaries(r"(?i)^\s*skip to\b"), r"(?i)^\s*skip to");
        assert_eq!(without_word_boundaries(r"\bdo\B\\b\d"), r"do\\b\d");
    }
}

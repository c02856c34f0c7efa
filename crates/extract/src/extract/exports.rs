//! Country – exports – product (– destination).
//!
//! Read around the verbs and nouns of `trade_verbs.tsv`. For an outbound word
//! (ship, export, sell, supply, smuggle) the exporter is the nearest country
//! before it — named, a capital, or a demonym as in "Chinese companies ship" —
//! or the country after "from"; the product is the first substance after it
//! ("it"/"them" for the latest drug); destinations follow "to", "into" or
//! "across". For an inbound word (come from, import, buy, flow) the exporter
//! follows "from" and, for import/buy, the subject is the destination. A
//! negation or a stop just before the word ("agreed to stop exports",
//! "denies it ships", "no longer") cancels it.
//!
//! Trade statistics name their goods before the noun ("coffee exports are
//! forecast to dip", "tea and cocoa exports"), share them across a coordination
//! ("Animal fat imports rose ... and exports to 124,100 tonnes") or refer back
//! to them ("exports of the same commodities"). A word that names a country's
//! trade as a whole ("exports", marked `national` in `trade_verbs.tsv`), or a
//! trade whose subject is "the government", with no country in its sentence
//! belongs to the story's country: the one its headline names ("Dutch
//! Oilseeds Imports Rose": the Netherlands); so do goods shipped abroad by a
//! noun after them ("canola shipments to China"), never to the story's own
//! country. A supplier whose sentence names no goods ("China is the main
//! supplier, while the U.S. provides the rest") supplies the headline's goods.

use super::mentions::{Cue, Mention};
use super::tokens::Token;
use super::{relation_entity, AnalysedSentence, Analysis};
use crate::lexicon::{Lexicon, TradeDirection, TradeScope, TradeWord};
use crate::model::{EntityType, Evidence, Export, Facts};

/// Words that, shortly before a trade word, mean it does not happen.
const NEGATIONS: &[&str] = &[
    "not", "no", "never", "stop", "stopped", "stops", "stopping", "halt", "halted", "ban", "banned", "bans",
    "banning", "deny", "denies", "denied", "cease", "ceased", "suspend", "suspended", "refuse", "refused",
    "without", "nor", "prevent", "prevented", "block", "blocked", "curb", "curbing", "longer", "against",
    "restrict", "restricted", "prohibit", "prohibited", "end", "ended", "crack", "n't", "cannot",
];

/// Words that continue a list of destinations past a comma.
const LIST_WORDS: &[&str] = &["and", "or", "primarily", "mainly", "mostly", "including", "especially", "like", "such", "countries", "other", "the", "in", "of", "several", "many"];

/// Nouns that refer back to the goods of the sentence before ("exports of the same commodities").
const GOODS_NOUNS: &[&str] = &["commodities", "products", "goods", "items", "crops"];

/// Words of quantity that stand between the items of a list of figures
/// ("soybean oil 325,900 (338,800), sun oil 172,100").
const QUANTITY_WORDS: &[&str] = &["mln", "million", "bln", "billion", "tonnes", "tons", "tonne", "ton", "pct", "percent", "bags", "barrels"];

/// Objects that are a share of a supply ("provides the rest").
const SHARE_WORDS: &[&str] = &["rest", "remainder", "balance"];

/// Subjects that stand for the government of the story's country.
const GOVERNMENT_NOUNS: &[&str] = &["government", "administration"];

/// Adds the exports of every sentence.
pub fn extract(analysis: &Analysis, lexicon: &Lexicon, facts: &mut Facts) {
    let story = story_of(analysis, lexicon);
    for (si, s) in analysis.sentences.iter().enumerate() {
        if s.headline {
            continue;
        }
        for (v, t) in s.tokens.iter().enumerate() {
            // "Ministry of Supply": a capitalised word inside a sentence is no
            // verb (a cheaper test than the look-up, so it comes first), unless
            // the wire capitalised it after an abbreviation ("the U.S. Provides").
            if v > 0 && t.is_capitalised() && !s.tokens[v - 1].text.ends_with('.') {
                continue;
            }
            let Some(word) = lexicon.trade_verb(t.text) else { continue };
            let direction = word.direction;
            if word.scope == TradeScope::Share && !supplies_a_share(s, v) {
                continue;
            }
            // Nor is a word inside a name.
            if s.mentions.iter().any(|m| m.tokens.0 <= v && v < m.tokens.1) {
                continue;
            }
            if negated(s, v) || (direction == TradeDirection::Inbound && !from_follows(s, v) && !is_buyer_verb(t)) {
                continue;
            }
            read_trade(&Trade { analysis, lexicon, si, v, direction, word, story: &story }, facts);
        }
    }
}

/// One trade word in its sentence.
struct Trade<'a> {
    analysis: &'a Analysis<'a>,
    lexicon: &'a Lexicon,
    si: usize,
    v: usize,
    direction: TradeDirection,
    word: TradeWord,
    /// What the story's headline says it is about.
    story: &'a Story,
}

impl<'a> Trade<'a> {
    fn s(&self) -> &'a AnalysedSentence<'a> {
        &self.analysis.sentences[self.si]
    }
}

/// "buy", "import": the subject is the destination, and the exporter may be
/// named by a demonym on the product instead of "from".
fn is_buyer_verb(t: &Token) -> bool {
    let w = t.lower();
    w.starts_with("buy") || w.starts_with("bought") || w.starts_with("import") || w.starts_with("purchas")
}

fn negated(s: &AnalysedSentence, v: usize) -> bool {
    let from = v.saturating_sub(5);
    s.tokens[from..v].iter().any(|t| NEGATIONS.contains(&t.lower().as_ref()) || t.text.ends_with("n't"))
}

fn from_follows(s: &AnalysedSentence, v: usize) -> bool {
    s.tokens[v + 1..].iter().take(12).any(|t| t.text == "from")
}

fn is_country_like(m: &Mention) -> bool {
    m.kind == EntityType::Country || matches!(m.cue, Cue::Capital(_) | Cue::Demonym)
}

/// The country a mention stands for in trade: a country, a capital or demonym,
/// a place of the lexicon, or an organization of the lexicon with its home country.
fn country_of(m: &Mention, lexicon: &Lexicon) -> Option<String> {
    match (&m.cue, m.kind) {
        (Cue::Capital(c), _) => Some(c.clone()),
        (_, EntityType::Country) => Some(m.label.clone()),
        (_, EntityType::Location) => lexicon.country_of_place(&m.label).map(str::to_string),
        (_, EntityType::Organization) => lexicon.country_of_org(&m.label).map(str::to_string),
        _ => None,
    }
}

/// "chemicals sold through normal trade", "chemicals that are shipped into Mexico":
/// a passive, whose product stands before the verb and whose subject is not the exporter.
fn is_passive(s: &AnalysedSentence, v: usize) -> bool {
    let verb = s.tokens[v].lower();
    let participle = verb.ends_with("ed") || matches!(verb.as_ref(), "sold" | "sent" | "bought" | "brought");
    let word = |back: usize| v.checked_sub(back).map(|p| s.tokens[p].lower()).unwrap_or_default();
    let auxiliary = |w: &str| matches!(w, "is" | "are" | "was" | "were" | "be" | "been" | "being");
    let subject_before = s.mentions.iter().any(|m| m.tokens.1 == v && (is_country_like(m) || m.kind == EntityType::Organization));
    let noun_before = s.mentions.iter().any(|m| m.kind == EntityType::Substance && m.tokens.1 == v) || word(1) == "chemicals";
    participle && !subject_before && (auxiliary(&word(1)) || auxiliary(&word(2)) || noun_before)
}

/// Substances from `first` through a list ("4-AP and 1-boc-4-AP", "wheat, corn and barley"),
/// also when each item carries its figures ("soybean oil 325,900 (338,800), sun oil 172,100").
fn product_list<'s>(analysis: &Analysis, s: &'s AnalysedSentence, first: &'s Mention) -> Vec<&'s Mention> {
    let mut out = vec![first];
    let mut k = first.tokens.1;
    loop {
        k = skip_figures(s, k);
        let Some(t) = s.tokens.get(k) else { break };
        let conjunction = matches!(t.text, "and" | "or");
        let comma = k > 0 && super::gap(analysis.text, &s.tokens[k - 1], t).contains(',');
        if !conjunction && !comma {
            break;
        }
        let at = k + usize::from(conjunction);
        match s.mentions.iter().find(|m| m.kind == EntityType::Substance && m.tokens.0 == at) {
            Some(m) => {
                out.push(m);
                k = m.tokens.1;
            }
            None => break,
        }
    }
    out
}

fn find_product<'a>(t: &Trade<'a>, passive: bool) -> Option<&'a Mention> {
    let (s, v) = (t.s(), t.v);
    let substance_before = || s.mentions.iter().rfind(|m| m.kind == EntityType::Substance && m.tokens.1 <= v && v - m.tokens.1 <= 6);
    if passive {
        return substance_before();
    }
    s.mentions
        .iter()
        .find(|m| m.kind == EntityType::Substance && m.tokens.0 > v && m.tokens.0 <= v + 12 && !super::is_generic_class(m))
        .or_else(|| pronoun_product(t.analysis, t.si, v))
        // "98% of the precursor chemicals ... come from China": the product is before.
        .or_else(|| (t.direction == TradeDirection::Inbound).then(substance_before).flatten())
        .or_else(|| anaphoric_drug(t.analysis, t.si, v))
        .or_else(|| (t.direction == TradeDirection::Inbound).then(|| previous_product(t.analysis, t.si, v)).flatten())
}

/// Countries that are the subject of the trade word: the nearest before it, with
/// those coordinated with it ("Thailand and Vietnam sold ...").
fn subject_countries(t: &Trade) -> Vec<String> {
    let (s, v) = (t.s(), t.v);
    // "shipped barley to China, ... its barley exports": a destination is no subject.
    let Some(nearest) = s.mentions.iter().rfind(|m| is_country_like(m) && m.tokens.1 <= v && v - m.tokens.1 <= 14 && !is_destination(s, m)) else {
        return Vec::new();
    };
    let mut chain: Vec<&Mention> = vec![nearest];
    let mut start = nearest.tokens.0;
    while start >= 2 {
        let joiner = &s.tokens[start - 1];
        let by_and = joiner.text == "and";
        let by_comma = super::gap(t.analysis.text, joiner, &s.tokens[start]).contains(',');
        let end = if by_and { start - 1 } else { start };
        let prev = s.mentions.iter().find(|m| m.tokens.1 == end && is_country_like(m));
        match prev {
            Some(p) if by_and || by_comma => {
                chain.push(p);
                start = p.tokens.0;
            }
            _ => break,
        }
    }
    // "redirected it to Japan and Vietnam, and Australia is ...": a list that a
    // preposition opens ends before the subject.
    if chain.last().is_some_and(|first| is_destination(s, first)) {
        chain.truncate(1);
    }
    chain.iter().filter_map(|m| country_of(m, t.lexicon)).collect()
}

/// A place right after "to" or "into" ("to China", "to the United States").
fn is_destination(s: &AnalysedSentence, m: &Mention) -> bool {
    let word = |back: usize| m.tokens.0.checked_sub(back).map(|i| s.tokens[i].lower()).unwrap_or_default();
    let prep = |w: &str| matches!(w, "to" | "into" | "toward" | "towards");
    prep(&word(1)) || (word(1) == "the" && prep(&word(2)))
}

/// "X Pharma, based in Gujarat, shipped": a place or a known organization before
/// the trade word gives the exporting country.
fn place_subject(t: &Trade) -> Option<String> {
    let (s, v) = (t.s(), t.v);
    s.mentions
        .iter()
        .filter(|m| m.tokens.1 <= v && v - m.tokens.1 <= 12 && matches!(m.kind, EntityType::Location | EntityType::Organization))
        .rev()
        .find_map(|m| country_of(m, t.lexicon))
}

/// "Indian white rice", "Chinese fentanyl": a demonym on the product.
fn product_demonym(t: &Trade, product: &Mention) -> Option<String> {
    t.s()
        .mentions
        .iter()
        .find(|m| m.cue == Cue::Demonym && m.tokens.1 <= product.tokens.0 && product.tokens.0 - m.tokens.1 <= 1)
        .map(|m| m.label.clone())
}

fn read_trade(t: &Trade, facts: &mut Facts) {
    let s = t.s();
    let passive = t.direction == TradeDirection::Outbound && is_passive(s, t.v);
    let products = find_products(t, passive);
    let Some(&product) = products.first() else {
        read_story_supply(t, facts);
        return;
    };
    let in_sentence = s.span.start <= product.span.start && product.span.end <= s.span.end;
    let from: Vec<String> = countries_after_from(t.analysis, s, t.v).into_iter().filter_map(|m| country_of(m, t.lexicon)).collect();
    let subjects = subject_countries(t);
    let demonym: Vec<String> = product_demonym(t, product).into_iter().collect();
    let noun = products.last().is_some_and(|p| p.tokens.1 == t.v);
    let story = story_exporter(t, noun);
    let exporters: Vec<String> = match t.direction {
        TradeDirection::Outbound if passive => {
            first_non_empty(vec![from, pronoun_country(t).into_iter().collect(), story.clone().into_iter().collect()])
        }
        // "officials in Ottawa say nitazene shipments from China": a trade noun
        // after its goods names its country by a demonym or "from", not a subject.
        TradeDirection::Outbound if noun => first_non_empty(vec![
            located_agent(t).into_iter().collect(),
            demonym,
            from,
            subjects.clone(),
            pronoun_country(t).into_iter().collect(),
            place_subject(t).into_iter().collect(),
            story.clone().into_iter().collect(),
        ]),
        TradeDirection::Outbound => first_non_empty(vec![
            located_agent(t).into_iter().collect(),
            subjects.clone(),
            from,
            demonym,
            pronoun_country(t).into_iter().collect(),
            place_subject(t).into_iter().collect(),
            lone_country(s, t.v).and_then(|m| country_of(m, t.lexicon)).into_iter().collect(),
            story.clone().into_iter().collect(),
        ]),
        TradeDirection::Inbound => first_non_empty(vec![from, demonym]),
    };
    let after = products.iter().map(|p| p.tokens.1).filter(|_| in_sentence).max().unwrap_or(t.v + 1).max(t.v + 1);
    let mut destinations: Vec<usize> = destinations_after(t.analysis, s, after).iter().map(|d| relation_entity(d, facts)).collect();
    if t.direction == TradeDirection::Inbound && destinations.is_empty() {
        destinations = subjects.iter().map(|c| facts.entity(EntityType::Country, c)).collect();
    }
    if t.direction == TradeDirection::Outbound && destinations.is_empty() {
        destinations = recipient(t, product).map(|m| relation_entity(m, facts)).into_iter().collect();
    }
    let evidence = Evidence { span: s.span };
    // "fentanyl exports to the U.S." in a story about the U.S.: the story's
    // country receives the goods, so it cannot be their exporter.
    let from_story = story.is_some_and(|c| exporters == [c]);
    for exporter in &exporters {
        let exporter_id = facts.entity(EntityType::Country, exporter);
        if from_story && destinations.contains(&exporter_id) {
            continue;
        }
        for p in &products {
            let product_id = relation_entity(p, facts);
            let dests: Vec<usize> = destinations.iter().copied().filter(|&d| d != exporter_id).collect();
            if dests.is_empty() {
                push(facts, Export { exporter: exporter_id, product: product_id, destination: None, evidence });
            }
            for d in dests {
                push(facts, Export { exporter: exporter_id, product: product_id, destination: Some(d), evidence });
            }
        }
    }
}

fn first_non_empty(options: Vec<Vec<String>>) -> Vec<String> {
    options.into_iter().find(|o| !o.is_empty()).unwrap_or_default()
}

fn push(facts: &mut Facts, e: Export) {
    let dup = facts.exports.iter().any(|x| x.exporter == e.exporter && x.product == e.product && x.destination == e.destination);
    if !dup {
        facts.exports.push(e);
    }
}

/// The countries named after "from" ("from Mexico, Brazil and South Korea").
fn countries_after_from<'s>(analysis: &Analysis, s: &'s AnalysedSentence, v: usize) -> Vec<&'s Mention> {
    let Some(at) = s.tokens.iter().enumerate().skip(v + 1).take(12).find(|(_, t)| t.text == "from").map(|(i, _)| i) else {
        return Vec::new();
    };
    places_in_list(analysis, s, at + 1).into_iter().filter(|m| is_country_like(m)).collect()
}

/// "About 71% of that came from Brazil": "that" or "it" is the product of the sentence before.
fn previous_product<'a>(analysis: &'a Analysis, si: usize, v: usize) -> Option<&'a Mention> {
    let s = &analysis.sentences[si];
    let pronoun = s.tokens[..v].iter().rev().take(4).any(|t| matches!(t.lower().as_ref(), "that" | "it" | "this" | "those"));
    if !pronoun || si == 0 {
        return None;
    }
    analysis.sentences[si - 1].mentions.iter().rfind(|m| m.kind == EntityType::Substance)
}

/// "smuggle it", "ships them": the latest drug (else substance) before the word.
fn pronoun_product<'a>(analysis: &'a Analysis, si: usize, v: usize) -> Option<&'a Mention> {
    let s = &analysis.sentences[si];
    let next = s.tokens.get(v + 1)?.lower();
    if !matches!(next.as_ref(), "it" | "them") {
        return None;
    }
    let before = analysis.sentences[si.saturating_sub(3)..=si]
        .iter()
        .flat_map(|x| x.mentions.iter())
        .filter(|m| m.kind == EntityType::Substance && m.span.end <= s.tokens[v].start);
    let all: Vec<&Mention> = before.collect();
    all.iter().rev().find(|m| m.class.as_deref() == Some("drug")).or(all.last()).copied()
}

/// "The drug's production and export ...": "the drug" before the trade word is the latest drug.
fn anaphoric_drug<'a>(analysis: &'a Analysis, si: usize, v: usize) -> Option<&'a Mention> {
    let s = &analysis.sentences[si];
    let refers = (1..v.min(8)).any(|k| {
        let i = v - k;
        s.tokens[i].lower() == "drug" && i > 0 && matches!(s.tokens[i - 1].lower().as_ref(), "the" | "this" | "that")
    });
    if !refers {
        return None;
    }
    analysis.sentences[si.saturating_sub(3)..si]
        .iter()
        .flat_map(|x| x.mentions.iter())
        .rfind(|m| m.kind == EntityType::Substance && m.class.as_deref() == Some("drug"))
}

/// "But it's still the main source of chemicals shipped into Mexico", "It also
/// ships potash": "it" as the subject stands for what the sentence before is
/// about — its first country, or the home country of its first organization.
fn pronoun_country(t: &Trade) -> Option<String> {
    let s = t.s();
    let subject_it = s.tokens[..t.v.min(3)].iter().any(|w| w.lower() == "it");
    if !subject_it || t.si == 0 {
        return None;
    }
    // The subject of the sentence before is its first named mention.
    let subject = t.analysis.sentences[t.si - 1].mentions.iter().find(|m| m.cue == Cue::Name || matches!(m.cue, Cue::Capital(_)))?;
    matches!(subject.kind, EntityType::Country | EntityType::Organization).then(|| country_of(subject, t.lexicon)).flatten()
}

/// The only country in the sentence, when the trade word names none
/// ("the drug's production and export ... in Syria").
fn lone_country<'s>(s: &'s AnalysedSentence, v: usize) -> Option<&'s Mention> {
    let countries: Vec<&Mention> = s.mentions.iter().filter(|m| m.kind == EntityType::Country && m.cue == Cue::Name).collect();
    let in_country = |m: &Mention| (1..=3).any(|back| m.tokens.0 >= back && s.tokens[m.tokens.0 - back].lower() == "in");
    (countries.len() == 1 && countries[0].tokens.0 > v && in_country(countries[0])).then(|| countries[0])
}

/// Places after "to", "into", "across", "in" or "bound for" following the product.
fn destinations_after<'s>(analysis: &Analysis, s: &'s AnalysedSentence, after: usize) -> Vec<&'s Mention> {
    let is_prep = |i: usize| {
        let w = s.tokens[i].text;
        matches!(w, "to" | "into" | "across" | "toward" | "towards" | "in")
            || (w == "for" && i > 0 && matches!(s.tokens[i - 1].lower().as_ref(), "bound" | "destined" | "headed"))
    };
    let Some(prep) = (after..s.tokens.len().min(after + 8)).find(|&i| is_prep(i)) else {
        return Vec::new();
    };
    let across = s.tokens[prep].text == "across";
    places_in_list(analysis, s, prep + 1).into_iter().filter(|m| !across || is_country_like(m)).collect()
}

/// Countries and places from token `start` through a list ("Mexico, Brazil and
/// South Korea", "brewers in Thailand", "Central America and countries like Mexico").
/// Up to four words may come before the first place ("buyers in"); after it, the
/// list goes on only through commas, conjunctions and list words.
fn places_in_list<'s>(analysis: &Analysis, s: &'s AnalysedSentence, start: usize) -> Vec<&'s Mention> {
    let mut out: Vec<&Mention> = Vec::new();
    let mut k = start;
    while k < s.tokens.len() && k <= start + 14 {
        if k > start && super::gap(analysis.text, &s.tokens[k - 1], &s.tokens[k]).contains(['(', ';', '\u{2014}']) {
            break;
        }
        if let Some(m) = s.mentions.iter().find(|m| m.tokens.0 == k) {
            if is_country_like(m) || m.kind == EntityType::Location {
                out.push(m);
            }
            k = m.tokens.1;
            continue;
        }
        let t = &s.tokens[k];
        let word = t.lower();
        let comma_before = k > start && super::gap(analysis.text, &s.tokens[k - 1], t).contains(',');
        let such_as = word == "as" && k > 0 && s.tokens[k - 1].lower() == "such";
        let ends_list = !such_as && matches!(word.as_ref(), "where" | "which" | "who" | "that" | "while" | "but" | "to" | "into" | "via" | "through" | "as" | "after" | "before" | "because");
        let before_first_place = out.is_empty() && k < start + 4 && !t.is_capitalised();
        let continues = such_as || LIST_WORDS.contains(&word.as_ref()) || before_first_place || (comma_before && !out.is_empty());
        if ends_list || !continues {
            break;
        }
        k += 1;
    }
    out
}

/// Past the figures at token `k` ("325,900 (338,800)", "were 1.2 mln tonnes").
fn skip_figures(s: &AnalysedSentence, mut k: usize) -> usize {
    let is_figure = |t: &Token| t.text.starts_with(|c: char| c.is_ascii_digit());
    let copula = |t: &Token| matches!(t.lower().as_ref(), "was" | "were" | "is" | "are" | "at");
    if s.tokens.get(k).is_some_and(copula) && s.tokens.get(k + 1).is_some_and(is_figure) {
        k += 1;
    }
    while let Some(t) = s.tokens.get(k) {
        if !is_figure(t) && !QUANTITY_WORDS.contains(&t.lower().as_ref()) {
            break;
        }
        k += 1;
    }
    k
}

/// The products of a trade word, in the order the text lists them.
fn find_products<'a>(t: &Trade<'a>, passive: bool) -> Vec<&'a Mention> {
    let (s, v) = (t.s(), t.v);
    if !passive {
        if let Some(before) = compound_products(t.analysis, s, v) {
            return before;
        }
        if let Some(same) = same_goods(t) {
            return same;
        }
    }
    if let Some(product) = find_product(t, passive) {
        let in_sentence = s.span.start <= product.span.start && product.span.end <= s.span.end;
        return if in_sentence { product_list(t.analysis, s, product) } else { vec![product] };
    }
    if passive {
        return Vec::new();
    }
    shared_products(t)
}

/// "coffee exports", "tea and cocoa exports": goods named just before the trade
/// noun, with the list they close.
fn compound_products<'s>(analysis: &Analysis, s: &'s AnalysedSentence, v: usize) -> Option<Vec<&'s Mention>> {
    let last = s.mentions.iter().find(|m| m.kind == EntityType::Substance && m.tokens.1 == v && !super::is_generic_class(m))?;
    let adjacent = super::gap(analysis.text, s.tokens.get(v.checked_sub(1)?)?, s.tokens.get(v)?).trim().is_empty();
    adjacent.then(|| products_before(analysis, s, last))
}

/// Substances through a list that ends with `last` ("tea, rubber and cocoa").
fn products_before<'s>(analysis: &Analysis, s: &'s AnalysedSentence, last: &'s Mention) -> Vec<&'s Mention> {
    let mut out = vec![last];
    let mut k = last.tokens.0;
    while k >= 2 {
        let joiner = &s.tokens[k - 1];
        let conjunction = matches!(joiner.text, "and" | "or");
        let comma = super::gap(analysis.text, joiner, &s.tokens[k]).contains(',');
        if !conjunction && !comma {
            break;
        }
        let end = if conjunction { k - 1 } else { k };
        match s.mentions.iter().find(|m| m.kind == EntityType::Substance && m.tokens.1 == end) {
            Some(m) => {
                out.insert(0, m);
                k = m.tokens.0;
            }
            None => break,
        }
    }
    out
}

/// "Exports of the same commodities fell": the goods of the sentence before.
fn same_goods<'a>(t: &Trade<'a>) -> Option<Vec<&'a Mention>> {
    let (s, v) = (t.s(), t.v);
    let word = |k: usize| s.tokens.get(v + k).map(|w| w.lower()).unwrap_or_default();
    let referring = match word(2).as_ref() {
        "the" => word(3) == "same" && GOODS_NOUNS.contains(&word(4).as_ref()),
        "these" | "those" | "such" => GOODS_NOUNS.contains(&word(3).as_ref()),
        _ => false,
    };
    if word(1) != "of" || !referring || t.si == 0 {
        return None;
    }
    let before = &t.analysis.sentences[t.si - 1];
    let goods: Vec<&Mention> = before.mentions.iter().filter(|m| m.kind == EntityType::Substance && !super::is_generic_class(m)).collect();
    (!goods.is_empty()).then_some(goods)
}

/// "Animal fat imports rose to 371,700 tonnes and exports to 124,100": a trade
/// noun after "and" shares the goods of the trade noun it is coordinated with.
fn shared_products<'a>(t: &Trade<'a>) -> Vec<&'a Mention> {
    let (s, v) = (t.s(), t.v);
    if v == 0 || s.tokens[v - 1].text != "and" {
        return Vec::new();
    }
    (0..v - 1)
        .rev()
        .filter(|&w| t.lexicon.trade_verb(s.tokens[w].text).is_some())
        .find_map(|w| compound_products(t.analysis, s, w).or_else(|| goods_after_of(t.analysis, s, w)))
        .unwrap_or_default()
}

/// "Imports of vegetable fats, ...": the goods right after "of".
fn goods_after_of<'s>(analysis: &Analysis, s: &'s AnalysedSentence, w: usize) -> Option<Vec<&'s Mention>> {
    if s.tokens.get(w + 1)?.text != "of" {
        return None;
    }
    let first = s.mentions.iter().find(|m| m.kind == EntityType::Substance && m.tokens.0 == w + 2)?;
    Some(product_list(analysis, s, first))
}

/// "selling China wheat": a country between the verb and its goods receives them.
fn recipient<'a>(t: &Trade<'a>, product: &Mention) -> Option<&'a Mention> {
    let s = t.s();
    s.mentions.iter().find(|m| m.tokens.0 == t.v + 1 && m.tokens.1 == product.tokens.0 && is_country_like(m) && m.cue != Cue::Demonym)
}

/// What a wire story's headline says it is about: "Indonesian Soybean Imports
/// Forecast To Rise" is a story of Indonesia, of soybeans, and of imports.
#[derive(Debug, Default)]
struct Story {
    /// The country the headline names first.
    country: Option<String>,
    /// The goods the headline names first.
    goods: Option<String>,
    /// The headline reports imports ("Soybean Imports Forecast To Rise").
    imports: bool,
}

fn story_of(analysis: &Analysis, lexicon: &Lexicon) -> Story {
    let Some(first) = analysis.sentences.first().filter(|s| s.headline && s.paragraph == 0) else {
        return Story::default();
    };
    let text = &analysis.text[first.span.start..first.span.end];
    let goods = lexicon.find_substances(text).into_iter().map(|(_, _, e)| e).find(|e| e.class.as_deref() != Some("generic"));
    Story {
        country: headline_country(analysis, first, lexicon),
        goods: goods.map(|e| e.canonical.clone()),
        imports: first.tokens.iter().any(|t| lexicon.trade_verb(&t.lower()).is_some_and(|w| w.direction == TradeDirection::Inbound)),
    }
}

/// "China is the main supplier with a 79 pct share, while the U.S. provides
/// the rest": a supplier, or a share of supply, whose sentence names no goods
/// supplies the story's goods, to the story's country when the story is about
/// its imports.
fn read_story_supply(t: &Trade, facts: &mut Facts) {
    let Some(goods) = t.story.goods.as_deref() else { return };
    let s = t.s();
    let agent = is_agent_noun(t);
    if t.direction != TradeDirection::Outbound || !(agent || supplies_a_share(s, t.v)) {
        return;
    }
    let destination = t.story.country.as_deref().filter(|_| t.story.imports);
    let evidence = Evidence { span: s.span };
    let exporters = located_agent(t).map_or_else(|| subject_countries(t), |c| vec![c]);
    for exporter in exporters.iter().filter(|&c| Some(c.as_str()) != destination) {
        let exporter = facts.entity(EntityType::Country, exporter);
        let product = facts.entity(EntityType::Substance, goods);
        let destination = destination.map(|d| facts.entity(EntityType::Country, d));
        push(facts, Export { exporter, product, destination, evidence });
    }
}

/// The country the story's headline names first ("Dutch Oilseeds/Fats Imports
/// Rose": the Netherlands): wire stories name in their headline the country
/// whose trade they report.
/// Read from the words, not the mentions: a headline's capitalised words run
/// together into names ("Dutch Oilseeds/Fats Imports").
fn headline_country(analysis: &Analysis, first: &AnalysedSentence, lexicon: &Lexicon) -> Option<String> {
    let names = lexicon.find_names(&analysis.text[first.span.start..first.span.end]);
    first.tokens.iter().find_map(|t| {
        let named = names.iter().find(|(start, _, _)| first.span.start + start == t.start).and_then(|(_, _, e)| match (e.kind, &e.metonym_of) {
            (_, Some(country)) => Some(country.clone()),
            (EntityType::Country, None) => Some(e.canonical.clone()),
            _ => None,
        });
        named.or_else(|| lexicon.demonym(t.text).map(str::to_string))
    })
}

/// The story's country as the exporter of a trade whose sentence names none:
/// for a word that names a country's trade as a whole ("coffee exports are
/// forecast to dip") or whose subject is the government ("the government is
/// depending on export commodities", "the administration decided on selling"),
/// or for goods shipped abroad by a noun after them ("canola shipments to China").
fn story_exporter(t: &Trade, noun: bool) -> Option<String> {
    let s = t.s();
    let abroad = noun && !destinations_after(t.analysis, s, t.v + 1).is_empty();
    let government = (1..=t.v.min(14)).map(|k| t.v - k).any(|i| {
        i > 0 && GOVERNMENT_NOUNS.contains(&s.tokens[i].lower().as_ref()) && s.tokens[i - 1].lower() == "the"
    });
    (t.word.scope == TradeScope::National || government || abroad).then(|| t.story.country.clone()).flatten()
}

/// A word for those who trade ("suppliers", "exporters").
fn is_agent_noun(t: &Trade) -> bool {
    let word = t.s().tokens[t.v].lower();
    word.ends_with("er") || word.ends_with("ers")
}

/// "chemical suppliers in China": the country where the traders are.
fn located_agent(t: &Trade) -> Option<String> {
    let s = t.s();
    if !is_agent_noun(t) || s.tokens.get(t.v + 1)?.text != "in" {
        return None;
    }
    let place = s.mentions.iter().find(|m| m.tokens.0 == t.v + 2)?;
    country_of(place, t.lexicon)
}

/// "provides the rest": the object of the trade word is a share of a supply.
fn supplies_a_share(s: &AnalysedSentence, v: usize) -> bool {
    let word = |k: usize| s.tokens.get(v + k).map(|w| w.lower()).unwrap_or_default();
    word(1) == "the" && SHARE_WORDS.contains(&word(2).as_ref())
}

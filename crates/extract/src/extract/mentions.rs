//! Named mentions in a sentence: lexicon names, and capitalised sequences the
//! lexicons do not know, classified by their cue words.
//!
//! A capitalised run that holds an organization head ("Committee", "Ministry",
//! "Inc.") is an organization; a run the gazetteer knows as a whole is that
//! entity; otherwise titles, honorifics, demonyms and sentence openers are
//! peeled off and what is left of two to four words is a person. A lone
//! capitalised word is kept as a candidate that resolution may tie to a person
//! named in full elsewhere ("Blinken" -> "Antony Blinken").

use super::tokens::{adjacent, Token};
use crate::lexicon::{GazetteerEntry, Lexicon};
use crate::model::{EntityType, Span};

/// How a mention names its entity.
#[derive(Debug, Clone, PartialEq)]
pub enum Cue {
    /// A proper name.
    Name,
    /// A capital standing for its government ("Beijing said"): the country.
    Capital(String),
    /// A demonym ("Chinese firms"): a country cue, not an entity mention.
    Demonym,
    /// A single capitalised word that may be a surname.
    Candidate,
    /// Two to four capitalised words that nothing in their sentence shows to
    /// be a person ("Faneuil Hall", "Gun Violence"): a person only if the
    /// article shows it somewhere (see `coref::confirm_people`).
    Unconfirmed,
}

/// One mention of an entity.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    /// The words of the name (titles excluded).
    pub span: Span,
    /// Index of the first and one past the last token of the name.
    pub tokens: (usize, usize),
    /// Type of the entity.
    pub kind: EntityType,
    /// Canonical label (from the lexicon) or the surface form.
    pub label: String,
    /// How it names the entity.
    pub cue: Cue,
    /// For substances: the lexicon class (drug, chemical, commodity, good).
    pub class: Option<String>,
}

/// Words that join a name's capitalised words ("Centers for Disease Control and Prevention").
const CONNECTORS: &[&str] = &["of", "for", "and", "de", "del", "la", "van", "von", "bin", "al", "on", "the"];

/// Lower-case words that can stand inside a person's name ("Ludwig van Beethoven").
const NAME_PARTICLES: &[&str] = &["de", "del", "la", "van", "von", "bin", "al", "da", "dos", "du", "le", "der", "ter"];

/// The mentions in one sentence, in token order.
pub fn find(text: &str, tokens: &[Token], headline: bool, lexicon: &Lexicon) -> Vec<Mention> {
    let mut mentions = Vec::new();
    // "Billy Bush Joins a Parade of Political Scions": in title case every
    // word is capitalised, so capitals say nothing about names.
    let headline = headline || title_cased(tokens);
    let hits = gazetteer_hits(text, tokens, lexicon);
    let substances = substance_hits(text, tokens, lexicon);
    let mut i = 0;
    while i < tokens.len() {
        // "Rice Exporters Federation": a capitalised substance word inside a name is part of the name.
        let inside_name = || tokens[i].is_capitalised() && i > 0 && tokens.get(i + 1).is_some_and(|n| n.is_capitalised() && adjacent(text, &tokens[i], n));
        if let Some((end, entry)) = substances[i].filter(|_| hits[i].is_none() && !inside_name()) {
            let mut m = mention(tokens, i, end, EntityType::Substance, entry.canonical.clone(), Cue::Name);
            m.class = entry.class.clone();
            i = end;
            mentions.push(m);
            continue;
        }
        if !starts_run(&tokens[i], &hits[i]) {
            i += 1;
            continue;
        }
        let end = run_end(text, tokens, &hits, i, lexicon);
        classify_run(text, tokens, &hits, i, end, headline, lexicon, &mut mentions);
        i = end;
    }
    mentions.sort_by_key(|m| m.tokens.0);
    missions(text, tokens, &mut mentions);
    towns(text, tokens, &mut mentions);
    mentions
}

/// Words a headline leaves in lower case.
const HEADLINE_LOWER: &[&str] = &["a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "is", "of", "on", "or", "over", "the", "to", "up", "via", "vs", "with"];

/// A sentence in title case ("China Calls For Better Trade Deal With U.S."):
/// at least four words, three capitalised after the first, and every
/// lower-case word one that headlines keep in lower case.
fn title_cased(tokens: &[Token]) -> bool {
    let words = || tokens.iter().filter(|t| t.text.starts_with(char::is_alphabetic));
    let capitalised = words().skip(1).filter(|t| t.is_capitalised()).count();
    words().count() >= 4 && capitalised >= 3 && words().all(|t| t.is_capitalised() || HEADLINE_LOWER.contains(&t.text))
}

/// "Ames, Iowa", "Surrey, British Columbia": an unknown name before a comma and a
/// known state, province or country is a town.
fn towns(text: &str, tokens: &[Token], mentions: &mut [Mention]) {
    for k in 0..mentions.len().saturating_sub(1) {
        let (m, next) = (&mentions[k], &mentions[k + 1]);
        let short_name = m.kind == EntityType::Person && m.tokens.1 - m.tokens.0 <= 2 && !m.label.ends_with('.') && m.label.chars().count() >= 3;
        let comma_then_place = next.tokens.0 == m.tokens.1
            && text[m.span.end..next.span.start].trim() == ","
            && matches!(next.kind, EntityType::Location | EntityType::Country)
            && next.cue == Cue::Name;
        let place_ends_clause = tokens.get(next.tokens.1).is_none_or(|after| {
            let gap = &text[next.span.end..after.start];
            gap.contains([',', '.', ';', ')', '\u{2014}']) || gap.trim().is_empty() && after.lower() == "and"
        });
        if short_name && comma_then_place && place_ends_clause {
            let m = &mut mentions[k];
            m.kind = EntityType::Location;
            m.cue = Cue::Name;
        }
    }
}

/// Diplomatic missions named by their country's adjective:
/// "the Chinese embassy in Washington" is the organization "Chinese Embassy in Washington".
fn missions(text: &str, tokens: &[Token], mentions: &mut Vec<Mention>) {
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        let head = m.tokens.1;
        let is_mission = m.cue == Cue::Demonym
            && tokens.get(head).is_some_and(|t| matches!(t.lower().as_ref(), "embassy" | "consulate" | "mission") && adjacent(text, &tokens[head - 1], t));
        if !is_mission {
            k += 1;
            continue;
        }
        let noun = tokens[head].text;
        let mut label = format!("{} {}{}", surface(text, tokens, m.tokens.0, m.tokens.1), noun[..1].to_uppercase(), &noun[1..]);
        let mut end = head + 1;
        let place = mentions.get(k + 1).filter(|p| {
            p.tokens.0 == head + 2 && tokens[head + 1].text == "in" && matches!(p.kind, EntityType::Location | EntityType::Country)
        });
        if let Some(p) = place {
            label = format!("{label} in {}", surface(text, tokens, p.tokens.0, p.tokens.1));
            end = p.tokens.1;
        }
        let org = mention(tokens, m.tokens.0, end, EntityType::Organization, label, Cue::Name);
        let drop_place = place.is_some();
        mentions[k] = org;
        if drop_place {
            mentions.remove(k + 1);
        }
        k += 1;
    }
}

/// A lexicon name that starts at a token: (one past its last token, entry).
type Hit<'l> = Option<(usize, &'l GazetteerEntry)>;

fn gazetteer_hits<'l>(text: &str, tokens: &[Token], lexicon: &'l Lexicon) -> Vec<Hit<'l>> {
    let mut hits = vec![None; tokens.len()];
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else { return hits };
    let slice = &text[first.start..last.end];
    for (s, e, entry) in lexicon.find_names(slice) {
        let (s, e) = (s + first.start, e + first.start);
        let start_tok = tokens.iter().position(|t| t.start == s);
        let end_tok = tokens.iter().position(|t| t.end == e);
        if let (Some(a), Some(b)) = (start_tok, end_tok) {
            hits[a] = Some((b + 1, entry));
        }
    }
    hits
}

fn starts_run(token: &Token, hit: &Hit) -> bool {
    hit.is_some() || (token.is_capitalised() && token.text.chars().any(char::is_alphabetic))
}

/// One past the last token of the capitalised run starting at `i`.
fn run_end(text: &str, tokens: &[Token], hits: &[Hit], i: usize, lexicon: &Lexicon) -> usize {
    let mut end = hits[i].map_or(i + 1, |(e, _)| e);
    while let Some(next) = tokens.get(end) {
        if !adjacent(text, &tokens[end - 1], next) {
            if let Some(list_end) = coordinated_object(text, tokens, hits, i, end, lexicon) {
                end = list_end;
            }
            break;
        }
        // "the U.S. Provides the rest": old wire copy capitalises the word after
        // an abbreviation; a verb of saying or of trade there starts no name.
        let verb_after_abbreviation = || {
            let word = next.lower();
            tokens[end - 1].text.ends_with('.') && (lexicon.speech_verb(&word).is_some() || lexicon.trade_verb(&word).is_some())
        };
        if starts_run(next, &hits[end]) && !verb_after_abbreviation() {
            end = hits[end].map_or(end + 1, |(e, _)| e.max(end + 1));
            continue;
        }
        // A connector counts only between capitalised words; "of the" counts as one.
        // "Secretary of the Treasury", "Ministry of the Interior" — but not "Jo Tan of the University".
        let head_before = lexicon.title(tokens[end - 1].text).is_some() || lexicon.is_org_head(tokens[end - 1].text) || lexicon.place_head(tokens[end - 1].text).is_some();
        let gap_words = if next.text == "of" && head_before && tokens.get(end + 1).is_some_and(|t| t.text == "the") { 2 } else { 1 };
        let joins = CONNECTORS.contains(&next.text)
            && tokens.get(end + gap_words).is_some_and(|after| {
                adjacent(text, &tokens[end + gap_words - 1], after)
                    && starts_run(after, &hits[end + gap_words])
                    && (hits[end + gap_words].is_some() || !lexicon.is_not_name(after.text))
            });
        if !joins {
            break;
        }
        end += gap_words;
    }
    end
}

/// "Ministry of Agriculture, Forestry and Fisheries": after an organization head
/// and "of"/"for", a list of capitalised words closed by "and" is still the name.
/// One past the list's last word, when the run `start..end` is such a name and a
/// comma follows it.
fn coordinated_object(text: &str, tokens: &[Token], hits: &[Hit], start: usize, end: usize, lexicon: &Lexicon) -> Option<usize> {
    let head_with_object = (start..end.saturating_sub(1)).any(|k| lexicon.is_org_head(tokens[k].text) && matches!(tokens[k + 1].text, "of" | "for"));
    if !head_with_object || text.get(tokens[end - 1].end..tokens.get(end)?.start)? != ", " {
        return None;
    }
    let mut k = end;
    loop {
        let word = tokens.get(k)?;
        if !word.is_capitalised() || hits[k].is_some() || lexicon.is_not_name(word.text) {
            return None;
        }
        let next = tokens.get(k + 1)?;
        match text.get(word.end..next.start)? {
            ", " => k += 1,
            " " if next.text == "and" => {
                let closes = tokens.get(k + 2).is_some_and(|t| adjacent(text, next, t) && t.is_capitalised() && hits[k + 2].is_none());
                return closes.then_some(k + 3);
            }
            _ => return None,
        }
    }
}

fn mention(tokens: &[Token], a: usize, b: usize, kind: EntityType, label: String, cue: Cue) -> Mention {
    Mention { span: Span::new(tokens[a].start, tokens[b - 1].end), tokens: (a, b), kind, label, cue, class: None }
}

fn surface(text: &str, tokens: &[Token], a: usize, b: usize) -> String {
    text[tokens[a].start..tokens[b - 1].end].to_string()
}

fn from_entry(tokens: &[Token], a: usize, b: usize, entry: &GazetteerEntry) -> Mention {
    let cue = entry.metonym_of.clone().map_or(Cue::Name, Cue::Capital);
    mention(tokens, a, b, entry.kind, entry.canonical.clone(), cue)
}

#[allow(clippy::too_many_arguments)]
fn classify_run(
    text: &str,
    tokens: &[Token],
    hits: &[Hit],
    start: usize,
    end: usize,
    headline: bool,
    lexicon: &Lexicon,
    out: &mut Vec<Mention>,
) {
    let mut a = start;
    // Sentence openers and determiners are not part of names ("The", "However").
    while a < end && hits[a].is_none() && (lexicon.is_not_name(tokens[a].text) || CONNECTORS.contains(&tokens[a].text)) {
        a += 1;
    }
    if end > a && CONNECTORS.contains(&tokens[end - 1].text) {
        return classify_run(text, tokens, hits, a, end - 1, headline, lexicon, out);
    }
    if a >= end {
        return;
    }
    // "Adrian Lee/Canadian Press", "ABC News/Washington Post": a credit or two
    // names run together, neither of them one entity.
    if tokens[a..end].iter().any(|t| t.text.contains('/')) {
        return;
    }
    if let Some((e, entry)) = hits[a] {
        if e == end {
            out.push(from_entry(tokens, a, end, entry));
            return;
        }
    }
    // "X Association and Y Co.": an "and" right after an organization head joins two names.
    // Not inside a head's object: "Ministry of Mines, Energy and Water".
    let object_from = (a..end.saturating_sub(1)).find(|&k| lexicon.is_org_head(tokens[k].text) && matches!(tokens[k + 1].text, "of" | "for")).unwrap_or(end);
    if let Some(k) = (a + 1..end.saturating_sub(1)).find(|&k| k < object_from && tokens[k].text == "and" && lexicon.is_org_head(tokens[k - 1].text)) {
        classify_run(text, tokens, hits, a, k, headline, lexicon, out);
        classify_run(text, tokens, hits, k + 1, end, headline, lexicon, out);
        return;
    }
    // "Indonesian Soybean Imports Forecast To Rise": in a title-case headline a
    // word of trade is the noun, not a company's tail ("Acme Imports").
    let trade_in_headline = |k: usize| headline && lexicon.trade_verb(&tokens[k].lower()).is_some();
    if let Some(head) = (a..end).rev().find(|&k| lexicon.is_org_head(tokens[k].text) && !trade_in_headline(k)) {
        // "Ministry of Public Security", "Institute for Policy Studies": the name goes on.
        let head = if object_from < end || head + 1 < end && matches!(tokens[head + 1].text, "of" | "for" | "on") { end - 1 } else { head };
        if let Some(org_start) = org_start(tokens, hits, a, head, lexicon) {
            let label = surface(text, tokens, org_start, head + 1);
            let label = lexicon.name(&label).map_or(label, |g| g.canonical.clone());
            split_run(text, tokens, hits, a, org_start, headline, lexicon, out);
            out.push(mention(tokens, org_start, head + 1, EntityType::Organization, label, Cue::Name));
            if head + 1 < end {
                split_run(text, tokens, hits, head + 1, end, headline, lexicon, out);
            }
            return;
        }
    }
    if is_place_run(tokens, hits, a, end, lexicon) {
        out.push(mention(tokens, a, end, EntityType::Location, surface(text, tokens, a, end), Cue::Name));
        return;
    }
    // "Trade Expansion Act", "European Immunization Week": a law or an event, not an entity.
    if end - a > 1 && lexicon.is_other_head(tokens[end - 1].text) {
        return;
    }
    split_run(text, tokens, hits, a, end, headline, lexicon, out);
}

/// "Franklin County", "Port of Vancouver", "Lake Erie": a place the lexicon does not know.
fn is_place_run(tokens: &[Token], hits: &[Hit], a: usize, end: usize, lexicon: &Lexicon) -> bool {
    if end - a < 2 || hits[a].is_some_and(|(e, _)| e == end) {
        return false;
    }
    let ends_with_head = lexicon.place_head(tokens[end - 1].text).is_some_and(|p| p.end);
    let starts_with_head = lexicon.place_head(tokens[a].text).is_some_and(|p| p.start);
    let no_title = (a..end).all(|k| lexicon.title(tokens[k].text).is_none() && !lexicon.is_honorific(tokens[k].text));
    (ends_with_head || starts_with_head) && no_title
}

/// Where an organization ending at `head` starts: titles before it are not part of it
/// ("Chairman Foreign Affairs Committee"), demonyms are ("Chinese Foreign Ministry").
fn org_start(tokens: &[Token], hits: &[Hit], a: usize, head: usize, lexicon: &Lexicon) -> Option<usize> {
    let mut s = a;
    while s < head && (lexicon.is_honorific(tokens[s].text) || title_len(tokens, s, head, lexicon) > 0) && hits[s].is_none() {
        s += title_len(tokens, s, head, lexicon).max(1);
    }
    // A lone head word ("Department") is not a name.
    (head > s || tokens[head].text.ends_with('.')).then_some(s)
}

/// Tokens of the longest title starting at `k` (not reaching `limit`), or 0.
pub fn title_len(tokens: &[Token], k: usize, limit: usize, lexicon: &Lexicon) -> usize {
    let max = lexicon.max_title_words.min(limit.saturating_sub(k));
    if max == 0 || !lexicon.may_start_title(tokens[k].text) {
        return 0;
    }
    let mut phrase = String::new();
    (1..=max).rev().find(|&n| lexicon.title(joined(&mut phrase, &tokens[k..k + n])).is_some()).unwrap_or(0)
}

/// The words of `tokens` joined by single spaces, written into `buf` (reused
/// across the lengths a title matcher tries).
pub fn joined<'b>(buf: &'b mut String, tokens: &[Token]) -> &'b str {
    buf.clear();
    for (i, t) in tokens.iter().enumerate() {
        if i > 0 {
            buf.push(' ');
        }
        buf.push_str(t.text);
    }
    buf
}

/// Demonym of one or two words at `k`: (tokens, country).
pub fn demonym_at<'l>(tokens: &[Token], k: usize, limit: usize, lexicon: &'l Lexicon) -> Option<(usize, &'l str)> {
    if k + 1 < limit {
        if let Some(c) = lexicon.demonym_of_pair(tokens[k].text, tokens[k + 1].text) {
            return Some((2, c));
        }
    }
    lexicon.demonym(tokens[k].text).map(|c| (1, c))
}

/// A run without organization head: lexicon names, cue words, and people.
#[allow(clippy::too_many_arguments)]
fn split_run(
    text: &str,
    tokens: &[Token],
    hits: &[Hit],
    a: usize,
    end: usize,
    headline: bool,
    lexicon: &Lexicon,
    out: &mut Vec<Mention>,
) {
    let mut k = a;
    let mut name_start: Option<usize> = None;
    let mut after_title = false;
    let flush = |from: Option<usize>, to: usize, after_title: bool, out: &mut Vec<Mention>| {
        if let Some(s) = from {
            push_name(text, tokens, s, to, headline, after_title, lexicon, out);
        }
    };
    while k < end {
        let t = &tokens[k];
        if let Some((e, entry)) = hits[k] {
            let e = e.min(end);
            // "Jordan Hale", "Maria Austin": a one-word place next to a name is part of it.
            let single_place = e == k + 1 && matches!(entry.kind, EntityType::Country | EntityType::Location);
            let name_follows = e < end && hits[e].is_none() && is_name_word(&tokens[e], lexicon);
            // A capital letter at the start of a sentence says nothing: "Getting China ...".
            let name_before = name_start.is_some_and(|n| n > 0);
            if single_place && (name_before || name_follows) {
                name_start.get_or_insert(k);
                k += 1;
                continue;
            }
            flush(name_start.take(), k, after_title, out);
            out.push(from_entry(tokens, k, e, entry));
            k = e;
            continue;
        }
        let title = title_len(tokens, k, end, lexicon);
        let cue_len = if title > 0 {
            title
        } else if lexicon.is_honorific(t.text) || lexicon.is_not_name(t.text) || CONNECTORS.contains(&t.text) {
            1
        } else if let Some((n, _)) = demonym_at(tokens, k, end, lexicon) {
            out.push(mention(tokens, k, k + n, EntityType::Country, demonym_country(tokens, k, n, lexicon), Cue::Demonym));
            n
        } else {
            0
        };
        let particle = NAME_PARTICLES.contains(&t.text) && name_start.is_some() && k + 1 < end;
        let particle = particle || title == 0 && is_word_surname(tokens, k, end, name_start, lexicon);
        if title > 0 || lexicon.is_honorific(t.text) {
            after_title = true;
        }
        if cue_len > 0 && !particle {
            flush(name_start.take(), k, after_title, out);
            k += cue_len;
            continue;
        }
        name_start.get_or_insert(k);
        k += 1;
    }
    flush(name_start, end, after_title, out);
}

/// Words that are not names but are surnames after a given name ("Theresa May",
/// "Lisa Monday"), except the days a sentence dates by ("Sanders Tuesday").
const WEEKDAYS: &[&str] = &["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/// "Theresa May": a capitalised word that is otherwise not a name, closing a
/// run right after a given name, is the surname; not before a number ("Clinton May 5").
fn is_word_surname(tokens: &[Token], k: usize, end: usize, name_start: Option<usize>, lexicon: &Lexicon) -> bool {
    let t = &tokens[k];
    let after_given_name = k > 0 && name_start == Some(k - 1) && lexicon.is_first_name(tokens[k - 1].text);
    let closes_run = k + 1 == end && tokens.get(k + 1).is_none_or(|n| !n.text.starts_with(|c: char| c.is_ascii_digit()));
    after_given_name
        && closes_run
        && t.text.len() >= 3
        && t.text.chars().skip(1).all(char::is_lowercase)
        && lexicon.is_not_name(t.text)
        && !WEEKDAYS.contains(&t.text)
        && !CONNECTORS.contains(&t.text)
}

fn demonym_country(tokens: &[Token], k: usize, n: usize, lexicon: &Lexicon) -> String {
    demonym_at(tokens, k, k + n, lexicon).map_or_else(String::new, |(_, c)| c.to_string())
}

fn is_name_word(t: &Token, lexicon: &Lexicon) -> bool {
    t.is_capitalised()
        && !lexicon.is_not_name(t.text)
        && !lexicon.is_honorific(t.text)
        && !lexicon.is_org_head(t.text)
        && lexicon.demonym(t.text).is_none()
        && lexicon.title(t.text).is_none()
}

/// Two to four name words are a person (or, with nothing in the sentence to
/// show it, an unconfirmed one); one is a candidate surname.
#[allow(clippy::too_many_arguments)]
fn push_name(text: &str, tokens: &[Token], s: usize, e: usize, headline: bool, after_title: bool, lexicon: &Lexicon, out: &mut Vec<Mention>) {
    let words = &tokens[s..e];
    if words.iter().any(|t| t.text.chars().any(|c| c.is_ascii_digit())) || is_credit(text, &tokens[e - 1]) {
        return;
    }
    if words.iter().any(|t| is_shouted(t, lexicon)) {
        push_shouted_name(tokens, s, e, headline, lexicon, out);
        return;
    }
    // "Under Secretary for Terrorism and Financial Intelligence Marcus Delacroix Hale":
    // after a long capitalised title the name is the last words; without a
    // title they are a name only from a given name on ("... Elementary Principal
    // Dawn Hochsprung").
    let given_tail = (e.saturating_sub(3)..e.saturating_sub(1)).find(|&k| k > s && is_given_name(&tokens[k], lexicon));
    let s = match (words.len() >= 5, after_title, given_tail) {
        (false, _, _) => s,
        (true, true, _) => e - 3,
        (true, false, Some(k)) => k,
        (true, false, None) => return,
    };
    let words = &tokens[s..e];
    let label = surface(text, tokens, s, e);
    let head_word = |t: &Token| lexicon.is_org_head(t.text) || lexicon.place_head(t.text).is_some() || lexicon.is_other_head(t.text);
    let last = &words[words.len() - 1];
    if words.len() > 1 && lexicon.place_head(last.text).is_some_and(|p| p.end) {
        out.push(mention(tokens, s, e, EntityType::Location, label, Cue::Name));
        return;
    }
    if words.len() > 1 && (lexicon.is_org_head(last.text) || lexicon.is_other_head(last.text)) {
        return;
    }
    match words.len() {
        1 if head_word(&words[0]) => {}
        1 => out.push(mention(tokens, s, e, EntityType::Person, label, Cue::Candidate)),
        2..=4 if !headline && words.iter().all(|t| is_name_word(t, lexicon) || CONNECTORS.contains(&t.text) || t.text.len() <= 3) => {
            // "the Sandy Hook shooter", "The Sunshine State": a determiner before
            // a name makes it a thing's, whatever its first word.
            let determiner = s > 0 && tokens[s - 1].text.eq_ignore_ascii_case("the");
            let cue = if after_title || is_given_name(&words[0], lexicon) && !determiner && !is_team(words, lexicon) { Cue::Name } else { Cue::Unconfirmed };
            out.push(mention(tokens, s, e, EntityType::Person, label, cue))
        }
        _ => {}
    }
}

/// "Charlotte Hornets", "Afghanistan Veterans": a place and a plural are a
/// team or a group, even when the place is also a given name.
fn is_team(words: &[Token], lexicon: &Lexicon) -> bool {
    let place_first = lexicon.name(words[0].text).is_some_and(|g| matches!(g.kind, EntityType::Location | EntityType::Country));
    let last = words[words.len() - 1].text;
    place_first && last.ends_with('s') && !last.ends_with("ss")
}

/// "Marta Quell / Reuters", "(Ann Lee/Canadian Press)", "Jo Roth/HuffPost":
/// a name before a slash is a photo credit, not a mention.
fn is_credit(text: &str, last: &Token) -> bool {
    last.text.contains('/') || text[last.end..].trim_start_matches(' ').starts_with('/')
}

/// A word in capitals ("GRAHAM", "NEWS"), not a letter or initials ("P.J.").
fn is_shouted(t: &Token, lexicon: &Lexicon) -> bool {
    t.text.chars().filter(|c| c.is_alphabetic()).count() > 1 && !t.text.chars().any(char::is_lowercase) && !is_personal_initials(t.text, lexicon)
}

/// "Laura", "P.J.": a first word that says the name is a person's.
fn is_given_name(t: &Token, lexicon: &Lexicon) -> bool {
    lexicon.is_first_name(t.text) || is_personal_initials(t.text, lexicon)
}

/// Initials that are not a place's or a body's ("P.J.", not "U.S." or "D.C.").
fn is_personal_initials(word: &str, lexicon: &Lexicon) -> bool {
    is_initials(word) && !lexicon.is_abbreviation(word) && lexicon.name(word).is_none()
}

/// "P.J.", "W.C.": capital letters each followed by a period.
fn is_initials(word: &str) -> bool {
    word.len() >= 4 && word.split_terminator('.').all(|p| p.chars().count() == 1 && p.chars().all(char::is_uppercase))
}

/// "GRAHAM DELAET wins in Hawaii": a name in capitals inside a sentence that is
/// not itself in capitals is a person when it starts with a given name; its
/// label is written in title case ("Graham Delaet").
fn push_shouted_name(tokens: &[Token], s: usize, e: usize, headline: bool, lexicon: &Lexicon, out: &mut Vec<Mention>) {
    let words = &tokens[s..e];
    let given = crate::lexicon::name_case(words[0].text);
    let sentence_has_lower_case = tokens.iter().any(|t| t.text.chars().any(char::is_lowercase));
    let all_shouted = words.iter().all(|t| is_shouted(t, lexicon));
    if headline || !all_shouted || !(2..=3).contains(&words.len()) || !sentence_has_lower_case || !lexicon.is_first_name(&given) {
        return;
    }
    let label = words.iter().map(|t| crate::lexicon::name_case(t.text)).collect::<Vec<_>>().join(" ");
    out.push(mention(tokens, s, e, EntityType::Person, label, Cue::Name));
}

/// Substance names (any case), indexed by their first token: (one past
/// their last token, entry), as [`Hit`]s. Mentions are made only of those
/// used, and a vector of small hits is cheap to fill for every sentence.
fn substance_hits<'l>(text: &str, tokens: &[Token], lexicon: &'l Lexicon) -> Vec<Hit<'l>> {
    let mut hits = vec![None; tokens.len()];
    let (Some(first), Some(last)) = (tokens.first(), tokens.last()) else { return hits };
    for (s, e, entry) in lexicon.find_substances(&text[first.start..last.end]) {
        let (s, e) = (s + first.start, e + first.start);
        let a = tokens.iter().position(|t| t.start == s);
        let b = tokens.iter().position(|t| t.end == e);
        if let (Some(a), Some(b)) = (a, b) {
            hits[a] = Some((b + 1, entry));
        }
    }
    hits
}

//! Person – role – organization.
//!
//! Three constructions, all read around a person's full name:
//! - a title before the name, itself preceded by its organization or country
//!   ("Treasury spokeswoman Ana Ruiz", "Chinese leader Xi Jinping",
//!   "Secretary of State Antony Blinken" whose title implies its department);
//! - congressional shorthand after it ("Rep. X (D., Md.)", "Sen. X (R-FL)"):
//!   party membership;
//! - an apposition after it ("X, senior researcher at RAND Corporation",
//!   "X, the State Department's top official for ...", "X, former assistant
//!   secretary of state for ...").

use super::mentions::{joined, title_len, Cue, Mention};
use super::tokens::{adjacent, Token};
use super::{gap, relation_entity, AnalysedSentence, Analysis};
use crate::lexicon::Lexicon;
use crate::model::{EntityType, Evidence, Facts, Membership};

/// Words that sharpen a title and belong to it ("senior", "deputy").
const MODIFIERS: &[&str] = &[
    "senior", "chief", "deputy", "acting", "top", "interim", "associate", "principal", "executive",
    "special", "vice", "lead", "managing", "assistant", "junior", "former",
];

/// Words an apposition may open with before its role: "a", "also a", "its".
const LEAD_WORDS: &[&str] = &["the", "a", "an", "also", "now", "its", "his", "her", "their"];

/// Words that make what comes before a title no part of it: a relative clause,
/// a verb, a phrase ("who has a delegate lead", "nephew of one president").
const NOT_BEFORE_TITLE: &[&str] = &["who", "whom", "which", "that", "has", "have", "had", "is", "was", "are", "were", "been", "be", "of", "to"];

/// Past "who is/was/served as/became" at token `k`: (next token, whether the role is past).
fn past_role_clause(s: &AnalysedSentence, k: usize, end: usize) -> (usize, bool) {
    let word = |i: usize| s.tokens.get(i).filter(|_| i < end).map(|t| t.lower());
    if word(k).as_deref() != Some("who") {
        return (k, false);
    }
    let past = match word(k + 1).as_deref() {
        Some("is" | "serves") => false,
        Some("was" | "served" | "became") => true,
        _ => return (k, false),
    };
    let as_word = usize::from(word(k + 2).as_deref() == Some("as"));
    // "who is a ...", not "who is seen as ...".
    let copula = matches!(word(k + 1).as_deref(), Some("is" | "was"));
    let names_a_role = s.tokens.get(k + 2).is_some_and(|t| LEAD_WORDS.contains(&t.lower().as_ref()) || t.text.ends_with("'s") || t.text.ends_with("\u{2019}s"));
    if copula && !names_a_role {
        return (k, false);
    }
    (k + 2 + as_word, past)
}

/// Past the words an apposition opens with, from token `k`.
fn skip_lead_words(s: &AnalysedSentence, mut k: usize, end: usize) -> usize {
    while k < end && LEAD_WORDS.contains(&s.tokens[k].lower().as_ref()) {
        k += 1;
    }
    k
}

/// Words after which an apposition's role stops.
const ROLE_STOPS: &[&str] = &["during", "under", "since", "until", "who", "which", "when", "where", "said", "says", "in", "from"];

/// Adds the memberships of every person mention.
pub fn extract(analysis: &Analysis, lexicon: &Lexicon, facts: &mut Facts) {
    for s in analysis.sentences.iter().filter(|s| !s.headline) {
        for (mi, m) in s.mentions.iter().enumerate() {
            if m.kind != EntityType::Person || m.cue != Cue::Name {
                continue;
            }
            let written_in_full = m.span.of(analysis.text).contains(' ');
            if written_in_full {
                title_before(analysis, s, m, lexicon, facts);
            }
            let after = party_shorthand(analysis.text, s, m, lexicon, facts);
            apposition(analysis.text, s, mi, after, lexicon, facts);
        }
    }
}

fn evidence(s: &AnalysedSentence) -> Evidence {
    Evidence { span: s.span }
}

fn add(facts: &mut Facts, s: &AnalysedSentence, person: &Mention, role: String, org: Option<usize>, former: bool) {
    let person = facts.entity(EntityType::Person, &person.label);
    let duplicate = facts.memberships.iter().any(|x| x.person == person && x.role.eq_ignore_ascii_case(&role));
    if !duplicate && !role.is_empty() {
        facts.memberships.push(Membership { person, role, organization: org, former, evidence: evidence(s) });
    }
}

/// The longest title ending just before token `end`: (first token, title label).
fn title_ending_at(tokens: &[Token], text: &str, end: usize, lexicon: &Lexicon) -> Option<(usize, String, Option<String>)> {
    let mut phrase = String::new();
    (1..=lexicon.max_title_words.min(end)).rev().find_map(|n| {
        let start = end - n;
        if !lexicon.may_start_title(tokens[start].text) {
            return None;
        }
        let joined_by_spaces = (start + 1..end).all(|k| adjacent(text, &tokens[k - 1], &tokens[k]));
        let title = lexicon.title(joined(&mut phrase, &tokens[start..end])).filter(|_| joined_by_spaces)?;
        Some((start, title.label.clone(), title.implied_org.clone()))
    })
}

/// "Chinese Foreign Ministry spokesman Wang Wenbin".
fn title_before(analysis: &Analysis, s: &AnalysedSentence, m: &Mention, lexicon: &Lexicon, facts: &mut Facts) {
    let text = analysis.text;
    let mut first = m.tokens.0;
    if first == 0 || !adjacent(text, &s.tokens[first - 1], &s.tokens[first]) {
        return title_before_comma(analysis, s, m, lexicon, facts);
    }
    // "County Coroner Dr. Nathan Osei": an honorific between title and name.
    if first > 1 && lexicon.is_honorific(s.tokens[first - 1].text) && lexicon.title(s.tokens[first - 1].text).is_none() {
        first -= 1;
    }
    let Some((mut start, label, implied)) = title_ending_at(&s.tokens, text, first, lexicon) else { return };
    let mut role = label;
    while start > 0 && MODIFIERS.contains(&s.tokens[start - 1].lower().as_ref()) && s.tokens[start - 1].lower() != "former" {
        start -= 1;
        role = format!("{} {}", s.tokens[start].text, role);
    }
    let former = start > 0 && matches!(s.tokens[start - 1].lower().as_ref(), "former" | "then" | "ex");
    if former {
        start -= 1;
    }
    let party = start > 0 && lexicon.party(s.tokens[start - 1].text).is_some();
    if party {
        let p = lexicon.party(s.tokens[start - 1].text).unwrap_or_default().to_string();
        let org = facts.entity(EntityType::Organization, &p);
        add(facts, s, m, "member".to_string(), Some(org), false);
        start -= 1;
    }
    let cue = organization_ending_at(text, s, start);
    let org = choose_org(cue, implied, lexicon, facts);
    add(facts, s, m, role, org, former);
}

/// Words that open a role written before a name and a comma ("Its president, X").
const ROLE_OPENERS: &[&str] = &["his", "her", "its", "their", "the", "a", "an", "our"];

/// "Its president, Lauren Beaudry", "Acme's managing director, Jo Lee": a role,
/// opened by a possessive or a determiner, then a comma, then the name.
fn title_before_comma(analysis: &Analysis, s: &AnalysedSentence, m: &Mention, lexicon: &Lexicon, facts: &mut Facts) {
    let text = analysis.text;
    let first = m.tokens.0;
    if first < 2 || gap(text, &s.tokens[first - 1], &s.tokens[first]).trim() != "," {
        return;
    }
    // The role ends with a title just before the comma, or a title and its
    // complement ("director of health statistics", "lawyer for Acme Chemtech").
    let complement_end = first - 1;
    let found = (0..5).filter_map(|back| complement_end.checked_sub(back)).find_map(|end| {
        let tail_ok = (end + 1..first).all(|k| k == end + 1 && matches!(s.tokens[k].text, "of" | "for") || k > end + 1);
        let (st, label, implied) = title_ending_at(&s.tokens, text, end + 1, lexicon)?;
        (tail_ok && (end + 1 == first || matches!(s.tokens[end + 1].text, "of" | "for"))).then_some((st, label, implied))
    });
    let Some((mut start, _, implied)) = found else { return };
    // Walk back over lower-case role words ("fentanyl czar", "director of health statistics").
    let mut k = start;
    while k > 0 && k > first.saturating_sub(9) {
        let w = s.tokens[k - 1].lower();
        let joined = adjacent(text, &s.tokens[k - 1], &s.tokens[k]) || gap(text, &s.tokens[k - 1], &s.tokens[k]).trim().is_empty();
        if !joined || ROLE_OPENERS.contains(&w.as_ref()) || organization_ending_at(text, s, k).is_some() {
            break;
        }
        if s.tokens[k - 1].is_capitalised() && k - 1 != 0 {
            break;
        }
        k -= 1;
    }
    // What opens it: a possessive organization, or a possessive/determiner word.
    let cue = organization_ending_at(text, s, k);
    let opener = k.checked_sub(1).map(|o| s.tokens[o].lower());
    // "Sarvodaya's managing director, X": an unknown name in the possessive is the organization.
    let possessive_name = k.checked_sub(1).filter(|&o| s.tokens[o].is_capitalised() && text[s.tokens[o].end..s.tokens[k].start].trim_start().starts_with(['\'', '\u{2019}']));
    // "the bureau's director": a possessive noun after "the" refers to an organization named before.
    let possessive_noun = k.checked_sub(2).filter(|&o| {
        s.tokens[o].lower() == "the" && !s.tokens[o + 1].is_capitalised() && text[s.tokens[o + 1].end..s.tokens[k].start].trim_start().starts_with(['\'', '\u{2019}'])
    });
    let opened = cue.is_some() || possessive_name.is_some() || possessive_noun.is_some() || opener.as_deref().is_some_and(|w| ROLE_OPENERS.contains(&w)) || k == 0;
    if !opened {
        return;
    }
    start = k;
    let role = text[s.tokens[start].start..s.tokens[first - 1].end].trim_end_matches(',').to_string();
    let org = match (cue, opener.as_deref()) {
        (Some(c), _) => choose_org(Some(c), implied, lexicon, facts),
        (None, _) if possessive_name.is_some() => possessive_name.map(|o| facts.entity(EntityType::Organization, s.tokens[o].text)),
        (None, _) if possessive_noun.is_some() => {
            let noun = possessive_noun.map(|o| s.tokens[o + 1].lower()).unwrap_or_default();
            latest_org_named(analysis, s.tokens[start].start, &noun).map(|o| relation_entity(o, facts))
        }
        // "Its president": the organization the sentence or the one before is about.
        (None, Some("its" | "their")) => latest_org(analysis, s.tokens[start].start).map(|o| relation_entity(o, facts)).or_else(|| choose_org(None, implied, lexicon, facts)),
        _ => choose_org(None, implied, lexicon, facts),
    };
    add(facts, s, m, role, org, false);
}

/// The latest organization before byte `at` whose name holds `noun` ("bureau").
fn latest_org_named<'a>(analysis: &'a Analysis, at: usize, noun: &str) -> Option<&'a Mention> {
    analysis
        .sentences
        .iter()
        .flat_map(|x| x.mentions.iter())
        .rfind(|o| o.span.end <= at && o.kind == EntityType::Organization && o.cue == Cue::Name && o.label.to_lowercase().contains(noun))
}

/// The latest organization named before byte `at` in the article.
fn latest_org<'a>(analysis: &'a Analysis, at: usize) -> Option<&'a Mention> {
    analysis
        .sentences
        .iter()
        .flat_map(|x| x.mentions.iter())
        .rfind(|o| o.span.end <= at && o.kind == EntityType::Organization && o.cue == Cue::Name)
}

/// The organization, country or demonym mention that ends right before token `end`
/// (spaces or a possessive between).
fn organization_ending_at<'s>(text: &str, s: &'s AnalysedSentence, end: usize) -> Option<&'s Mention> {
    let before = end.checked_sub(1)?;
    let m = s.mentions.iter().find(|m| m.tokens.1 == end && m.tokens.0 <= before)?;
    let between = gap(text, &s.tokens[before], &s.tokens[end]).trim();
    let possessive = matches!(between, "" | "'s" | "’s" | "’" | "'");
    (possessive && matches!(m.kind, EntityType::Organization | EntityType::Country | EntityType::Location)).then_some(m)
}

/// The title's own organization wins over a bare country ("U.S. Secretary of State"
/// -> the State Department); otherwise the organization the text names.
fn choose_org(cue: Option<&Mention>, implied: Option<String>, lexicon: &Lexicon, facts: &mut Facts) -> Option<usize> {
    let implied_id = |facts: &mut Facts, name: &str| {
        let kind = lexicon.name(name).map_or(EntityType::Organization, |g| g.kind);
        facts.entity(kind, name)
    };
    match (cue, implied) {
        (Some(c), Some(imp)) if relation_kind(c) == EntityType::Country => {
            let country = relation_label(c);
            let same_country = lexicon.country_of_org(&imp).is_none_or(|k| k == country) || imp == country;
            Some(if same_country { implied_id(facts, &imp) } else { relation_entity(c, facts) })
        }
        (Some(c), _) => Some(relation_entity(c, facts)),
        (None, Some(imp)) => Some(implied_id(facts, &imp)),
        (None, None) => None,
    }
}

fn relation_kind(m: &Mention) -> EntityType {
    match m.cue {
        Cue::Capital(_) | Cue::Demonym => EntityType::Country,
        _ => m.kind,
    }
}

fn relation_label(m: &Mention) -> String {
    match &m.cue {
        Cue::Capital(c) => c.clone(),
        _ => m.label.clone(),
    }
}

/// "(D., Md.)", "(R-FL)", ", D-Calif.,": party membership. Returns the token
/// index after the shorthand (or after the name when there is none).
fn party_shorthand(text: &str, s: &AnalysedSentence, m: &Mention, lexicon: &Lexicon, facts: &mut Facts) -> usize {
    let next = m.tokens.1;
    let Some(party_tok) = s.tokens.get(next) else { return next };
    let opened = gap(text, &s.tokens[next - 1], party_tok).trim();
    if !(opened == "(" || opened == ",") {
        return next;
    }
    let mut parts = party_tok.text.splitn(2, ['-', '.', '–']);
    let letter = parts.next().unwrap_or("");
    let Some(party) = lexicon.party(letter).filter(|_| letter.len() == 1) else { return next };
    let mut end = next + 1;
    let closer = if opened == "(" { ')' } else { ',' };
    while end < s.tokens.len() && end <= next + 3 && !gap(text, &s.tokens[end - 1], &s.tokens[end]).contains(closer) {
        end += 1;
    }
    let org = facts.entity(EntityType::Organization, party);
    add(facts, s, m, "member".to_string(), Some(org), false);
    // The state: "D-CA" in one word, or "Md." / "Texas" after the letter.
    let glued = parts.next().filter(|p| !p.is_empty()).map(str::to_string);
    let state_word = glued.or_else(|| s.tokens.get(next + 1).filter(|_| next + 1 < end).map(|t| t.text.to_string()));
    if let Some(state) = state_word.and_then(|w| lexicon.state_abbreviation(&w).or_else(|| lexicon.state_abbreviation(w.trim_end_matches('.')))) {
        facts.entity(EntityType::Location, state);
    }
    end
}

/// An organization or country mention starts at token `k` (after an optional "the").
fn names_org_at(s: &AnalysedSentence, k: usize) -> bool {
    let k = if s.tokens.get(k).is_some_and(|t| t.lower() == "the") { k + 1 } else { k };
    s.mentions.iter().any(|m| m.tokens.0 == k && m.kind != EntityType::Person && matches!(relation_kind(m), EntityType::Organization | EntityType::Country))
}

/// "at"/"with"/"on" followed by an organization: where a role's complement ends.
fn is_org_preposition(s: &AnalysedSentence, k: usize) -> bool {
    matches!(s.tokens[k].lower().as_ref(), "at" | "with" | "on" | "of") && names_org_at(s, k + 1)
}

/// "X, the top Republican on the Senate Foreign Relations Committee, said".
fn apposition(text: &str, s: &AnalysedSentence, mi: usize, after: usize, lexicon: &Lexicon, facts: &mut Facts) {
    let m = &s.mentions[mi];
    let Some(first) = s.tokens.get(after) else { return };
    let opener = gap(text, &s.tokens[after - 1], first);
    if !opener.trim_start_matches(')').trim().starts_with(',') {
        return;
    }
    let clause_end = (after + 1..s.tokens.len())
        .find(|&k| gap(text, &s.tokens[k - 1], &s.tokens[k]).contains([',', ';', '(', ')', '\u{2014}', ':']))
        .unwrap_or(s.tokens.len());
    // "X, who served as Obama's secretary of state": a relative clause that states the role.
    let (after, served) = past_role_clause(s, after, clause_end);
    let mut k = skip_lead_words(s, after, clause_end);
    let mut former = served;
    if k < clause_end && matches!(s.tokens[k].lower().as_ref(), "former" | "then" | "ex") {
        former = true;
        k += 1;
    }
    // A possessive organization or a country before the title: "the State Department's".
    let mut cue: Option<&Mention> = None;
    if let Some(c) = s.mentions.iter().find(|c| c.tokens.0 == k && c.tokens.1 < clause_end) {
        if matches!(relation_kind(c), EntityType::Organization | EntityType::Country) && c.kind != EntityType::Person {
            cue = Some(c);
            k = c.tokens.1;
        }
    }
    // "Obama's secretary of state": a person's possessive names no organization.
    if let Some(p) = s.mentions.iter().find(|p| p.tokens.0 == k && p.tokens.1 < clause_end && p.kind == EntityType::Person) {
        if text[p.span.end..].starts_with(['\'', '\u{2019}']) {
            k = p.tokens.1;
        }
    }
    k = skip_lead_words(s, k, clause_end);
    // "the committee's ranking member": the possessive noun names the organization, not the role.
    if k + 1 < clause_end && !s.tokens[k].is_capitalised() && text[s.tokens[k].end..s.tokens[k + 1].start].trim_start().starts_with(['\'', '\u{2019}']) {
        k += 1;
    }
    let Some((title_at, n)) = (k..clause_end.min(k + 5)).find_map(|p| {
        let n = title_len(&s.tokens, p, clause_end, lexicon);
        (n > 0).then_some((p, n))
    }) else {
        return;
    };
    // Only role words before the title: no verbs or names.
    if s.tokens[k..title_at].iter().any(|t| t.is_capitalised() && lexicon.demonym(t.text).is_none() && lexicon.title(t.text).is_none()) {
        return;
    }
    // "who has a significant delegate lead", "nephew of one president": a clause or a kinship, not a role.
    if s.tokens[k..title_at].iter().any(|t| NOT_BEFORE_TITLE.contains(&t.lower().as_ref())) {
        return;
    }
    let title_words: Vec<&str> = s.tokens[title_at..title_at + n].iter().map(|t| t.text).collect();
    let implied = lexicon.title(&title_words.join(" ")).and_then(|t| t.implied_org.clone());
    let mut role_end = title_at + n;
    // "consultant epidemiologist", "trade analyst": a title may follow a title.
    while role_end < clause_end {
        let more = title_len(&s.tokens, role_end, clause_end, lexicon);
        if more == 0 || s.tokens[role_end].is_capitalised() != s.tokens[title_at].is_capitalised() {
            break;
        }
        role_end += more;
    }
    // "top official for narcotics affairs", "director of health statistics": the
    // complement belongs to the role unless it names the organization.
    let complement = s.tokens.get(role_end).is_some_and(|t| t.text == "for" || t.text == "of" && !names_org_at(s, role_end + 1));
    if complement {
        while role_end < clause_end
            && !ROLE_STOPS.contains(&s.tokens[role_end].lower().as_ref())
            && !matches!(s.tokens[role_end].text, "at" | "with")
            && !names_org_at(s, role_end)
            && !is_org_preposition(s, role_end)
        {
            role_end += 1;
        }
    }
    let role = text[s.tokens[k].start..s.tokens[role_end - 1].end].to_string();
    let org_after = s.mentions.iter().find(|c| {
        c.tokens.0 >= role_end
            && c.tokens.1 <= clause_end
            && c.kind != EntityType::Person
            && matches!(relation_kind(c), EntityType::Organization | EntityType::Country)
            && c.tokens.0 > 0
            && matches!(s.tokens[c.tokens.0 - 1].lower().as_ref(), "of" | "at" | "on" | "with" | "for" | "to" | "the")
    });
    let org = choose_org(cue.or(org_after), implied, lexicon, facts).or_else(|| unknown_org_after_at(text, s, role_end, clause_end, facts));
    add(facts, s, m, role, org, former);
}

/// "head of grain trading at Cairo-based Delta Commodities": the capitalised
/// name after "at" is the organization even when no lexicon knows it.
fn unknown_org_after_at(text: &str, s: &AnalysedSentence, from: usize, to: usize, facts: &mut Facts) -> Option<usize> {
    let at = (from..to).find(|&k| s.tokens[k].text == "at")?;
    let mut first = at + 1;
    while first < to && !s.tokens[first].is_capitalised() {
        first += 1;
    }
    let mut last = first;
    while last + 1 < to && s.tokens[last + 1].is_capitalised() && adjacent(text, &s.tokens[last], &s.tokens[last + 1]) {
        last += 1;
    }
    let name_words = last + 1 - first;
    (first < to && first <= at + 2 && (2..=6).contains(&name_words)).then(|| facts.entity(EntityType::Organization, &text[s.tokens[first].start..s.tokens[last].end]))
}

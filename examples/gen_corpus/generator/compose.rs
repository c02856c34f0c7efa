//! One article's content: its cast (countries, goods, agency, people), its
//! headline, byline and paragraphs, and the web furniture around them. The
//! result is a [`Draft`]; `render.rs` writes it as plain text or HTML.

use super::data::{Agency, Country, Piece, Slot, Sources, Template};
use super::rng::Rng;
use std::collections::HashSet;

/// A paragraph of the body: prose, or furniture between paragraphs.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    Prose(String),
    Furniture(String),
}

/// An article before it is written out.
#[derive(Debug, Clone)]
pub struct Draft {
    /// "Skip To Content" and the like, before the headline.
    pub top: Vec<String>,
    /// "June 17, 2023".
    pub date: String,
    pub headline: String,
    /// "By Ana Ruiz" (plain text shows it only sometimes).
    pub byline: Option<String>,
    /// The outlet that published it.
    pub outlet: String,
    /// A photo caption with its credit (HTML figure, or a caption line in text).
    pub caption: Option<String>,
    pub body: Vec<Block>,
    /// Copyright lines and the like, after the last paragraph.
    pub bottom: Vec<String>,
}

/// How often a body paragraph opens with each relation family (the rest is filler).
const FAMILY_WEIGHTS: [(Family, u32); 5] =
    [(Family::Quote, 30), (Family::Role, 12), (Family::Export, 18), (Family::Stat, 15), (Family::Filler, 25)];

#[derive(Debug, Clone, Copy)]
enum Family {
    Quote,
    Role,
    Export,
    Stat,
    Filler,
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const DAYS: [&str; 5] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"];

/// A person of the article.
#[derive(Debug, Clone)]
struct Person {
    surname: String,
    woman: bool,
}

/// The article's fixed choices, so that its sentences share one topic.
struct Cast<'a> {
    src: &'a Sources,
    countries: [&'a Country; 3],
    goods: [&'a str; 2],
    drug: &'a str,
    chemical: &'a str,
    agency: &'a Agency,
    outlet: &'a str,
    /// The latest person introduced: who {SURNAME} and {PRONOUN} refer to.
    current: Option<Person>,
    /// Templates already used, by address: an article does not repeat a sentence.
    used: HashSet<*const Template>,
}

/// Composes one article (its choices all drawn from `rng`), with a body of
/// about `body_bytes` bytes.
pub fn draft(src: &Sources, rng: &mut Rng, body_bytes: usize) -> Draft {
    let mut cast = Cast::new(src, rng);
    let headline = cast.headline(rng);
    let top = (0..rng.below(3)).map(|_| cast.fill(rng.pick(src.furniture_top.as_slice()), rng)).collect();
    let date = format!("{} {}, {}", *rng.pick(&MONTHS), rng.range(1, 28), rng.range(2018, 2025));
    let byline = rng.chance(0.75).then(|| format!("By {}", cast.byline(rng)));
    let caption = rng.chance(0.4).then(|| cast.caption(rng));
    let body = cast.body(rng, body_bytes);
    let bottom = (0..rng.below(3)).map(|_| cast.fill(rng.pick(src.furniture_bottom.as_slice()), rng)).collect();
    Draft { top, date, headline, byline, outlet: cast.outlet.to_string(), caption, body, bottom }
}

impl<'a> Cast<'a> {
    fn new(src: &'a Sources, rng: &mut Rng) -> Cast<'a> {
        let countries = distinct3(&src.countries, rng);
        let goods = distinct3(&src.goods, rng);
        Cast {
            src,
            countries,
            goods: [goods[0].as_str(), goods[1].as_str()],
            drug: rng.word(&src.drugs),
            chemical: rng.word(&src.chemicals),
            agency: rng.pick(src.agencies.as_slice()),
            outlet: rng.word(&src.outlets),
            current: None,
            used: HashSet::new(),
        }
    }

    /// The paragraphs: a lead, then paragraphs of one to three sentences until
    /// the body is long enough, with furniture now and then between them.
    fn body(&mut self, rng: &mut Rng, body_bytes: usize) -> Vec<Block> {
        let mut body = vec![Block::Prose(self.lead(rng))];
        let mut size = 0;
        while size < body_bytes {
            let family = pick_family(rng);
            let mut paragraph = self.sentence(family, rng);
            for _ in 0..rng.below(3) {
                let next = if rng.chance(0.5) { family } else { Family::Filler };
                paragraph.push(' ');
                paragraph.push_str(&self.sentence(next, rng));
            }
            size += paragraph.len() + 2;
            body.push(Block::Prose(paragraph));
            if rng.chance(0.08) {
                body.push(Block::Furniture(self.fill(rng.pick(self.src.furniture_middle.as_slice()), rng)));
            }
        }
        body
    }

    /// The first paragraph, often behind a dateline ("GENEVA (Reuters) — ").
    fn lead(&mut self, rng: &mut Rng) -> String {
        let src = self.src;
        let sentence = self.sentence_from(&src.sentences.lead, rng);
        if !rng.chance(0.6) {
            return sentence;
        }
        let city = self.countries[0].capital.clone().unwrap_or_else(|| self.countries[0].name.clone()).to_uppercase();
        let agency = if rng.chance(0.3) { format!(" ({})", self.outlet) } else { String::new() };
        format!("{city}{agency} — {sentence}")
    }

    fn sentence(&mut self, family: Family, rng: &mut Rng) -> String {
        let s = &self.src.sentences;
        let templates = match family {
            Family::Quote => &s.quote,
            Family::Role => &s.role,
            Family::Export => &s.export,
            Family::Stat => &s.stat,
            Family::Filler => &s.filler,
        };
        self.sentence_from(templates, rng)
    }

    fn sentence_from(&mut self, templates: &[Template], rng: &mut Rng) -> String {
        let template = self.fresh(templates, rng);
        self.fill(template, rng)
    }

    /// A template this article has not used yet, if a few draws find one.
    fn fresh<'t>(&mut self, templates: &'t [Template], rng: &mut Rng) -> &'t Template {
        for _ in 0..6 {
            let t = rng.pick(templates);
            if self.used.insert(t as *const Template) {
                return t;
            }
        }
        rng.pick(templates)
    }

    /// A headline in title case ("Canada's Canola Shipments to China Hit Record").
    fn headline(&mut self, rng: &mut Rng) -> String {
        let h = self.fill(rng.pick(self.src.headlines.as_slice()), rng);
        h.split(' ').map(title_word).collect::<Vec<_>>().join(" ")
    }

    /// A template with its slots filled; the first letter is capitalised
    /// because a slot may open a sentence ("the United States shipped").
    fn fill(&mut self, template: &Template, rng: &mut Rng) -> String {
        let mut out = String::with_capacity(160);
        for piece in template {
            match piece {
                // "Hartwell Corp." at the end of a sentence takes no second period.
                Piece::Text(t) if out.ends_with('.') && t.starts_with('.') => out.push_str(&t[1..]),
                Piece::Text(t) => out.push_str(t),
                Piece::Slot(slot) => self.slot(*slot, rng, &mut out),
            }
        }
        capitalise_first(&mut out);
        out
    }

    fn slot(&mut self, slot: Slot, rng: &mut Rng, out: &mut String) {
        let src = self.src;
        match slot {
            Slot::Person => out.push_str(&self.new_person(rng)),
            Slot::Surname => out.push_str(&self.surname(rng)),
            Slot::Pronoun | Slot::PronounCap => match &self.current {
                Some(p) if slot == Slot::Pronoun => out.push_str(if p.woman { "she" } else { "he" }),
                Some(p) => out.push_str(if p.woman { "She" } else { "He" }),
                // Nobody to refer to yet: name somebody instead.
                None => out.push_str(&self.new_person(rng)),
            },
            Slot::Title => out.push_str(rng.word(&src.titles)),
            Slot::Role => out.push_str(rng.word(&src.roles)),
            Slot::ARole => {
                let role = rng.word(&src.roles);
                out.push_str(if role.starts_with(['a', 'e', 'i', 'o', 'u']) { "an " } else { "a " });
                out.push_str(role);
            }
            Slot::Org => {
                let org = if rng.chance(0.5) { self.company(rng) } else { with_article(rng.word(&src.orgs)) };
                out.push_str(&org);
            }
            Slot::Company => out.push_str(&self.company(rng)),
            Slot::Agency => out.push_str(&self.agency.name),
            Slot::AgencyShort => out.push_str(&self.agency.short),
            Slot::Outlet => out.push_str(self.outlet),
            Slot::Country => out.push_str(&country_name(self.countries[0])),
            Slot::Country2 => out.push_str(&country_name(self.countries[1])),
            Slot::Country3 => out.push_str(&country_name(self.countries[2])),
            Slot::Demonym => out.push_str(&demonym(self.countries[0])),
            Slot::Demonym2 => out.push_str(&demonym(self.countries[1])),
            Slot::Capital => out.push_str(self.countries[0].capital.as_deref().unwrap_or(&self.countries[0].name)),
            Slot::Place => out.push_str(rng.word(&src.places)),
            Slot::Good => out.push_str(self.goods[0]),
            Slot::Good2 => out.push_str(self.goods[1]),
            Slot::Drug => out.push_str(self.drug),
            Slot::Chemical => out.push_str(self.chemical),
            Slot::Num => out.push_str(&count(rng)),
            Slot::Pct => out.push_str(&percent(rng)),
            Slot::Money => out.push_str(&money(rng)),
            Slot::Tons => out.push_str(&tons(rng)),
            Slot::Year => out.push_str(&rng.range(2018, 2025).to_string()),
            Slot::Month => {
                let month = *rng.pick(&MONTHS);
                out.push_str(month);
            }
            Slot::Day => {
                let day = *rng.pick(&DAYS);
                out.push_str(day);
            }
            Slot::Said => out.push_str(rng.word(&src.said)),
            Slot::Quote => out.push_str(&self.quote(rng)),
            Slot::Headline => {
                let h = self.headline(rng);
                out.push_str(&h);
            }
            Slot::Byline => out.push_str(&self.byline(rng)),
            Slot::Credit => out.push_str(&self.credit(rng)),
        }
    }

    /// A new person, full name, who becomes the current person.
    fn new_person(&mut self, rng: &mut Rng) -> String {
        let (first, woman, surname) = match &self.src.cast {
            Some(cast) => cast.pick(rng).clone(),
            None => {
                let (first, woman) = rng.pick(self.src.first_names.as_slice()).clone();
                (first, woman, rng.word(&self.src.last_names).to_string())
            }
        };
        let middle =
            if rng.chance(0.12) { format!(" {}.", (b'A' + rng.below(26) as u8) as char) } else { String::new() };
        let full = format!("{first}{middle} {surname}");
        self.current = Some(Person { surname, woman });
        full
    }

    /// The current person's surname; a template that needs one before anybody
    /// was named introduces somebody.
    fn surname(&mut self, rng: &mut Rng) -> String {
        match &self.current {
            Some(p) => p.surname.clone(),
            None => self.new_person(rng),
        }
    }

    /// A name that is not one of the article's people (reporters, photographers).
    fn byline(&self, rng: &mut Rng) -> String {
        format!("{} {}", rng.pick(self.src.first_names.as_slice()).0, rng.word(&self.src.last_names))
    }

    /// "ERIC LEE/THE WASHINGTON POST".
    fn credit(&self, rng: &mut Rng) -> String {
        format!("{}/{}", self.byline(rng), self.outlet).to_uppercase()
    }

    fn caption(&mut self, rng: &mut Rng) -> String {
        let place = rng.word(&self.src.places);
        format!("A port terminal in {place}. PHOTO: {}", self.credit(rng))
    }

    fn company(&self, rng: &mut Rng) -> String {
        format!("{} {}", rng.word(&self.src.last_names), rng.word(&self.src.company_tails))
    }

    /// One statement, or two as speakers often go on.
    fn quote(&mut self, rng: &mut Rng) -> String {
        let src = self.src;
        let mut q = self.sentence_from(&src.quotes, rng);
        if rng.chance(0.35) {
            q.push_str(". ");
            let more = self.sentence_from(&src.quotes, rng);
            q.push_str(&more);
        }
        q
    }
}

fn pick_family(rng: &mut Rng) -> Family {
    let total: u32 = FAMILY_WEIGHTS.iter().map(|(_, w)| w).sum();
    let mut r = rng.below(total as usize) as u32;
    for (family, weight) in FAMILY_WEIGHTS {
        if r < weight {
            return family;
        }
        r -= weight;
    }
    Family::Filler
}

/// Three different elements (the lists hold far more than three).
fn distinct3<'a, T>(items: &'a [T], rng: &mut Rng) -> [&'a T; 3] {
    let a = rng.below(items.len());
    let mut b = rng.below(items.len());
    while b == a && items.len() > 1 {
        b = rng.below(items.len());
    }
    let mut c = rng.below(items.len());
    while (c == a || c == b) && items.len() > 2 {
        c = rng.below(items.len());
    }
    [&items[a], &items[b], &items[c]]
}

/// Countries whose English name takes "the" ("exports from the Philippines").
const WITH_THE: &[&str] = &["Bahamas", "Comoros", "Gambia", "Maldives", "Netherlands", "Philippines", "Seychelles"];

/// "the United States", "the Philippines", "Brazil": names news writes with an article.
fn country_name(c: &Country) -> String {
    let n = &c.name;
    let with_the =
        WITH_THE.contains(&n.as_str()) || n.starts_with("United ") || n.contains("Republic") || n.ends_with("Islands");
    if with_the {
        format!("the {n}")
    } else {
        n.clone()
    }
}

/// "the Ministry of Health", "the Bank of Canada": names with "of" take "the".
fn with_article(org: &str) -> String {
    if org.contains(" of ") && !org.starts_with("The ") {
        format!("the {org}")
    } else {
        org.to_string()
    }
}

fn demonym(c: &Country) -> String {
    c.demonym.clone().unwrap_or_else(|| format!("{}'s", c.name))
}

/// Words a headline keeps in lower case.
const SMALL_WORDS: &[&str] = &["a", "an", "and", "as", "at", "for", "in", "of", "on", "the", "to"];

fn title_word(word: &str) -> String {
    let mut w = word.to_string();
    if !SMALL_WORDS.contains(&word) {
        capitalise_first(&mut w);
    }
    w
}

fn capitalise_first(s: &mut String) {
    if let Some(first) = s.chars().next().filter(|c| c.is_lowercase()) {
        let upper: String = first.to_uppercase().collect();
        s.replace_range(..first.len_utf8(), &upper);
    }
}

/// "3,540", "82,100", "1.2 million", "47".
fn count(rng: &mut Rng) -> String {
    match rng.below(4) {
        0 => rng.range(12, 999).to_string(),
        1 => thousands(rng.range(1_000, 250_000)),
        2 => format!("{}.{} million", rng.range(1, 99), rng.range(1, 9)),
        _ => format!("{} million", rng.range(2, 40)),
    }
}

fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

/// "4.4%", "31 percent".
fn percent(rng: &mut Rng) -> String {
    if rng.chance(0.6) {
        format!("{}.{}%", rng.range(1, 60), rng.range(0, 9))
    } else {
        format!("{} percent", rng.range(2, 75))
    }
}

/// "$12.8 billion", "€450 million", "A$62 million".
fn money(rng: &mut Rng) -> String {
    let currency = *rng.pick(&["$", "$", "€", "A$", "C$", "£"]);
    if rng.chance(0.5) {
        format!("{currency}{}.{} billion", rng.range(1, 90), rng.range(1, 9))
    } else {
        format!("{currency}{} million", rng.range(5, 950))
    }
}

/// "15.3 million metric tons", "480,000 tons".
fn tons(rng: &mut Rng) -> String {
    if rng.chance(0.5) {
        format!("{}.{} million metric tons", rng.range(1, 40), rng.range(1, 9))
    } else {
        format!("{} tons", thousands(rng.range(5, 900) * 1000))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_written_as_news_writes_them() {
        assert_eq!(thousands(82_100), "82,100");
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(999), "999");
    }

    #[test]
    fn plural_and_compound_country_names_take_the() {
        let c = |n: &str| Country { name: n.into(), demonym: None, capital: None };
        assert_eq!(country_name(&c("United States")), "the United States");
        assert_eq!(country_name(&c("Philippines")), "the Philippines");
        assert_eq!(country_name(&c("Brazil")), "Brazil");
        assert_eq!(country_name(&c("Honduras")), "Honduras");
        assert_eq!(country_name(&c("Czech Republic")), "the Czech Republic");
    }
}

//! Entities, one construction per test: invented sentences in, entities out.
//! People above all: a capitalised pair is a person only when the article
//! shows it is one.

use newsgraph_extract::extract::extract;
use newsgraph_extract::lexicon::Lexicon;
use newsgraph_extract::model::{EntityType, Facts};
use newsgraph_extract::text::{clean, Markup};

fn lexicon() -> &'static Lexicon {
    Lexicon::embedded().expect("lexicons parse")
}

/// The facts of a plain-text article, furniture blanked as a build does.
fn facts(text: &str) -> Facts {
    let cleaned = clean(text, Markup::Plain, lexicon());
    extract(&cleaned.text, lexicon())
}

fn labels(text: &str, kind: EntityType) -> Vec<String> {
    facts(text).entities.iter().filter(|e| e.kind == kind).map(|e| e.label.clone()).collect()
}

fn people(text: &str) -> Vec<String> {
    labels(text, EntityType::Person)
}

// ------------------------------------------------- evidence that a name is a person

#[test]
fn a_given_name_makes_a_pair_a_person() {
    assert_eq!(people("The plan was drawn up by Laura Pinkett and the board."), vec!["Laura Pinkett"]);
}

#[test]
fn a_pair_without_evidence_is_not_a_person() {
    let p = people("Supporters gathered at Tollard Green and marched past Wexley Mills to the river.");
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn a_verb_of_saying_confirms_an_unknown_given_name() {
    let p = people("Zorin Vaskel has run the cooperative since 2009. \"We will not sell,\" Vaskel said.");
    assert_eq!(p, vec!["Zorin Vaskel"]);
}

#[test]
fn a_title_before_a_use_confirms_the_name() {
    let p = people("The rules were written by spokesman Tavo Orlek of the port authority.");
    assert_eq!(p, vec!["Tavo Orlek"]);
}

#[test]
fn an_apposition_confirms_the_name() {
    assert_eq!(people("Ruvo Dantess, 52, runs a bakery in the town."), vec!["Ruvo Dantess"]);
    assert_eq!(people("Ruvo Dantess, who runs a bakery, left early."), vec!["Ruvo Dantess"]);
    assert_eq!(people("Ruvo Dantess, a spokesman for the bakers, left early."), vec!["Ruvo Dantess"]);
}

#[test]
fn a_shorter_form_of_a_full_name_is_that_person() {
    let p = people("Rep. Alma Ortiz Vega spoke first. Later Ortiz Vega left the room.");
    assert_eq!(p, vec!["Alma Ortiz Vega"]);
}

#[test]
fn initials_are_a_given_name() {
    assert_eq!(people("The team traded for P.J. Hollins last week."), vec!["P.J. Hollins"]);
}

#[test]
fn a_name_in_capitals_inside_a_sentence_is_a_person_in_title_case() {
    assert_eq!(people("Leading after two rounds is KEVIN TORVILLE of Canada."), vec!["Kevin Torville"]);
}

// --------------------------------------------------------------- first names alone

#[test]
fn a_given_name_alone_is_the_person_the_article_names_in_full() {
    let p = people("Harold Pemberton opened the store in 1990. Later Harold said he would sell it.");
    assert_eq!(p, vec!["Harold Pemberton"]);
}

#[test]
fn a_given_name_shared_by_two_people_names_neither() {
    let p = people("Fred Hallam and Fred Hallam Jr. ran the farm. Fred said it was hard.");
    assert!(!p.iter().any(|n| n == "Fred"), "{p:?}");
}

// ------------------------------------------------------------------- headlines

#[test]
fn title_cased_sentences_make_no_new_people() {
    let p = people("Harbor Town Joins a Parade of Rival Bidders on Coast.\nThe council met on Monday.");
    assert!(p.is_empty(), "{p:?}");
}

// ----------------------------------------------------------- credits and bylines

#[test]
fn photo_credits_with_a_slash_are_not_people() {
    let p = people("Crowds filled the square on Sunday.\nMarta Quell / Reuters.\nThe protest ended at dusk.");
    assert!(p.is_empty(), "{p:?}");
    let p = people("Crowds filled the square on Sunday (Marta Quell/Canadian Press).");
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn wire_bylines_are_not_people() {
    let p = people("Prices fell on Monday.\n(Additional reporting by Tom Veller in Lagos; Editing by Ann Sorrel)");
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn reported_from_trailers_are_not_people() {
    let p = people("Prices fell on Monday.\nVeller reported from Lagos; Sorrel, from Accra.");
    assert!(p.is_empty(), "{p:?}");
}

// ------------------------------------------------------ surnames that are words

#[test]
fn a_surname_that_is_a_common_word_stays_with_its_given_name() {
    let f = facts("Prime Minister Theresa Grove met Linda May in London. \"The talks went well,\" May said.");
    let p: Vec<&str> = f.entities.iter().filter(|e| e.kind == EntityType::Person).map(|e| e.label.as_str()).collect();
    assert!(p.contains(&"Linda May"), "{p:?}");
    assert!(f.statements.iter().any(|s| f.entities[s.speaker].label == "Linda May"), "{:?}", f.statements);
}

#[test]
fn a_month_after_a_name_is_not_a_surname() {
    let p = people("Senator Laura Pinkett will vote in Ohio on May 5.");
    assert_eq!(p, vec!["Laura Pinkett"]);
}

#[test]
fn a_capitalised_acronym_after_a_given_name_is_no_name_in_capitals() {
    let p = people("Members of the Virginia AFL-CIO met in the hall on Monday.");
    assert!(p.is_empty(), "{p:?}");
}

// -------------------------------------------------------- names inside long runs

#[test]
fn a_determiner_before_a_given_name_pair_makes_it_a_thing() {
    let p = people("Police said the Rosa Creek shooter had planned the attack.");
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn a_long_run_ends_in_the_name_that_starts_with_a_given_name() {
    let p = people("The daughter of Pine Ridge Elementary Principal Dawn Kessler spoke on Friday.");
    assert!(p.contains(&"Dawn Kessler".to_string()), "{p:?}");
}

// ------------------------------------------------------------- lone words

#[test]
fn a_lone_word_opening_its_sentence_is_no_person() {
    let p = people("Demonstrators said the march would go on. Two said they were hurt.");
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn a_lone_given_name_that_names_no_one_in_full_is_no_person() {
    let p = people("At the rally, Melinda said the crowd was bigger than ever.");
    assert!(p.is_empty(), "{p:?}");
}

#[test]
fn a_lone_surname_after_an_honorific_is_a_person() {
    assert_eq!(people("The plan, Mr. Hollis said, was sound."), vec!["Hollis"]);
}

// ------------------------------------------------------------- heads as data

#[test]
fn highways_are_places_and_tournaments_are_no_people() {
    let f = facts("The crash closed Fraser Highway on Monday. He won the Sony Open last year.");
    assert!(f.entities.iter().any(|e| e.kind == EntityType::Location && e.label == "Fraser Highway"), "{:?}", f.entities);
    assert!(f.entities.iter().all(|e| e.kind != EntityType::Person), "{:?}", f.entities);
}

#[test]
fn hyphenated_given_names_are_read_whole() {
    assert_eq!(people("Park Min-jun, 45, visited the site."), vec!["Park Min-jun"]);
}

// ------------------------------------------------------------ teams and credits

#[test]
fn a_place_and_a_plural_are_a_team() {
    let f = facts("The Charlotte Hornets beat Denver. The Hornets said the win mattered.");
    assert!(f.entities.iter().all(|e| e.kind != EntityType::Person), "{:?}", f.entities);
    assert!(f.entities.iter().any(|e| e.kind == EntityType::Organization && e.label == "Hornets"), "{:?}", f.entities);
}

#[test]
fn a_credit_glued_to_an_agency_is_no_entity() {
    let f = facts("Crowds filled the square on Sunday.\nMarta Quell/Canadian Press\nThe protest ended at dusk.");
    assert!(!f.entities.iter().any(|e| e.label.contains("Quell")), "{:?}", f.entities);
}

#[test]
fn a_name_taken_up_by_he_or_she_is_a_person() {
    let p = people("Tobin Ashgrove runs the mill and hopes his sons will take it over.");
    assert_eq!(p, vec!["Tobin Ashgrove"]);
}

#[test]
fn a_lone_word_that_opens_a_full_name_the_article_confirms_is_that_person() {
    let p = people("Tobin Ashgrove said the mill would close. Later Tobin said it might not.");
    assert_eq!(p, vec!["Tobin Ashgrove"]);
}

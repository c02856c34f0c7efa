//! Exports, one construction per test: a text in, (exporter, product,
//! destination) out. The sentences are written for these tests; none comes
//! from the seed corpus or the dev sets.

use newsgraph_extract::extract::extract;
use newsgraph_extract::lexicon::Lexicon;
use newsgraph_extract::model::Facts;

type Export = (String, String, Option<String>);

fn facts(text: &str) -> Facts {
    extract(text, Lexicon::embedded().expect("lexicons parse"))
}

fn exports(text: &str) -> Vec<Export> {
    let f = facts(text);
    let name = |id: usize| f.entities[id].label.clone();
    f.exports.iter().map(|x| (name(x.exporter), name(x.product), x.destination.map(name))).collect()
}

fn export(exporter: &str, product: &str, destination: Option<&str>) -> Export {
    (exporter.to_string(), product.to_string(), destination.map(str::to_string))
}

#[test]
fn goods_named_before_the_trade_noun() {
    let x = exports("Vietnam's rice and coffee exports rose sharply last year.");
    assert!(x.contains(&export("Vietnam", "rice", None)), "{x:?}");
    assert!(x.contains(&export("Vietnam", "coffee", None)), "{x:?}");
}

#[test]
fn the_headline_country_owns_exports_its_sentence_leaves_unnamed() {
    let x = exports("Ghanaian Cocoa Exports Seen Higher\n\nCocoa exports are forecast to climb next season, officials said.");
    assert_eq!(x, vec![export("Ghana", "cocoa", None)]);
}

#[test]
fn without_a_story_country_an_exporterless_export_is_dropped() {
    assert!(exports("Cocoa exports are forecast to climb next season, officials said.").is_empty());
}

#[test]
fn a_coordinated_trade_noun_shares_the_goods() {
    let x = exports("Danish Pork Trade Grew\n\nPork imports fell to 12,000 tonnes and exports rose to 650,000 tonnes, the board said.");
    assert_eq!(x, vec![export("Denmark", "pork", None)]);
}

#[test]
fn a_list_of_goods_with_their_figures() {
    let x = exports("Canada's exports of wheat were 20 mln tonnes (18 mln), barley 3 mln and canola 9 mln.");
    for product in ["wheat", "barley", "canola"] {
        assert!(x.contains(&export("Canada", product, None)), "{product}: {x:?}");
    }
}

#[test]
fn the_same_commodities_are_those_of_the_sentence_before() {
    let x = exports("Australian Pulse Trade Mixed\n\nImports of lentils and peas rose to 300,000 tonnes. Exports of the same commodities fell to 90,000 tonnes.");
    assert!(x.contains(&export("Australia", "lentils", None)), "{x:?}");
    assert!(x.contains(&export("Australia", "peas", None)), "{x:?}");
    assert_eq!(x.len(), 2, "{x:?}");
}

#[test]
fn a_country_between_the_verb_and_the_goods_receives_them() {
    let x = exports("U.S. Grain Offer Debated\n\nThe administration decided to sell Egypt wheat under the program.");
    assert_eq!(x, vec![export("United States", "wheat", Some("Egypt"))]);
}

#[test]
fn the_government_trades_for_the_story_country() {
    let x = exports("Malaysian Growth Slows\n\nThe government is counting on export crops such as rubber, tea and palm oil.");
    for product in ["rubber", "tea", "palm oil"] {
        assert!(x.contains(&export("Malaysia", product, None)), "{product}: {x:?}");
    }
}

#[test]
fn a_countrys_imports_are_not_its_exports() {
    assert!(exports("Dutch Soybean Imports Rose\n\nDutch imports of soybeans rose sharply in 2023.").is_empty());
}

#[test]
fn hard_wrapped_wire_copy_keeps_a_short_first_line_in_its_sentence() {
    // The dateline was cut, so the first line is short; goods break across lines.
    let text = "Kenyan Tea Exports Seen Up\n\n\
                Kenya's exports of tea and palm\n\
                oil will continue to rise this year as new estates come on stream,\n\
                the ministry said in its annual review of the farm sector.\n    \
                Production of black tea is forecast to climb to 570,000 tonnes\n\
                from 540,000 tonnes last year, according to the report, which\n\
                also sees higher output of coffee in the coming season.\n";
    let x = exports(text);
    assert!(x.contains(&export("Kenya", "tea", None)), "{x:?}");
    assert!(x.contains(&export("Kenya", "palm oil", None)), "{x:?}");
}

#[test]
fn a_supplier_without_goods_supplies_the_storys_goods_to_the_importing_country() {
    let x = exports("Philippine Corn Imports Seen Higher\n\nThailand is the main supplier with a 60 pct share, while Vietnam provides the rest, traders said.");
    assert!(x.contains(&export("Thailand", "corn", Some("Philippines"))), "{x:?}");
    assert!(x.contains(&export("Vietnam", "corn", Some("Philippines"))), "{x:?}");
    assert_eq!(x.len(), 2, "{x:?}");
}

#[test]
fn provide_is_no_trade_without_a_share_as_its_object() {
    assert!(exports("Philippine Corn Imports Seen Higher\n\nVietnam provided corn farmers with new seeds.").is_empty());
}

#[test]
fn the_wires_capital_after_an_abbreviation_starts_no_name() {
    let x = exports("Philippine Corn Imports Seen Higher\n\nBrazil is the largest supplier, while the U.S. Provides the rest.");
    assert!(x.contains(&export("United States", "corn", Some("Philippines"))), "{x:?}");
}

#[test]
fn traders_are_from_the_country_they_are_in() {
    let x = exports("Seized Opioids Traced\n\nThe brokers wired the money to fentanyl suppliers in India.");
    assert_eq!(x, vec![export("India", "fentanyl", None)]);
}

#[test]
fn a_destination_is_not_the_subject_of_a_later_trade_noun() {
    let x = exports("Farmers sent 2 mln tonnes of barley to Japan last year, half of all barley exports.");
    assert!(!x.iter().any(|(e, _, _)| e == "Japan"), "{x:?}");
}

#[test]
fn a_trade_noun_takes_its_country_from_from_before_a_subject() {
    let x = exports("Canadian officials say nitazene shipments from China are rising.");
    assert_eq!(x, vec![export("China", "nitazenes", None)]);
}

#[test]
fn the_story_country_does_not_export_to_itself() {
    assert!(exports("U.S. Drug Seizures Rise\n\nFentanyl exports to the United States doubled, officials said.").is_empty());
}

#[test]
fn goods_shipped_abroad_by_a_noun_are_the_story_countrys() {
    let x = exports("Canada Canola Trade Hit By Tariffs\n\nCanola shipments to China fell sharply in March, the council said.");
    assert_eq!(x, vec![export("Canada", "canola", Some("China"))]);
    let y = exports("U.S. Drug Seizures Rise\n\nFentanyl shipments seized at the border doubled, officials said.");
    assert!(y.is_empty(), "{y:?}");
}

#[test]
fn a_headline_trade_noun_is_no_company() {
    let f = facts("Kenyan Coffee Exports Seen Lower\n\nKenya's coffee exports will fall this season, the board said.");
    let orgs: Vec<&str> = f.entities.iter().filter(|e| e.kind == newsgraph_extract::model::EntityType::Organization).map(|e| e.label.as_str()).collect();
    assert!(!orgs.iter().any(|o| o.contains("Exports")), "{orgs:?}");
}

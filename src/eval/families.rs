//! The five fact families, scored one function each exactly as the methods
//! of `score.py`'s `Scorer` score them (`score_entities`, `score_roles`,
//! `score_quotes`, `score_exports`, `score_statistics`), in the same order,
//! under the same report names and with the same misses.

use super::gold::{gold_value, gold_value_py, optional, Gold, GoldQuote, GoldRole, GoldStatistic};
use super::graph::{number, text, Origin, SystemGraph};
use super::measure::{coverage, norm, prf, Prf};
use super::pyfmt::Py;
use super::{EvalError, Evaluation, Score};
use oxigraph::model::Term;
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// The entity types the scorer asks the graph for, in its order.
const TYPES: [&str; 5] = ["Person", "Organization", "Country", "Location", "Substance"];
/// The families whose F1 is averaged into "overall".
const FAMILIES: [&str; 5] = ["entities", "roles", "quotes", "exports", "statistics"];

/// A (type or subject, key or value) pair, the scorer's unit of comparison.
type Pair = (String, String);

/// Scores the graph against the gold, family by family (`Scorer.run`).
pub fn score(gold: &Gold, sys: &SystemGraph<'_>) -> Result<Evaluation, EvalError> {
    let scorer = Scorer { gold, sys };
    let mut out = Evaluation::default();
    scorer.entities(&mut out)?;
    scorer.roles(&mut out)?;
    scorer.quotes(&mut out)?;
    scorer.statements(&mut out)?;
    scorer.exports(&mut out)?;
    scorer.statistics(&mut out)?;
    let families: Vec<Prf> = FAMILIES.iter().filter_map(|f| out.prf(f)).collect();
    out.set("overall", Score::Prf(Prf::mean(&families)));
    Ok(out)
}

struct Scorer<'a> {
    gold: &'a Gold,
    sys: &'a SystemGraph<'a>,
}

/// A quote of the graph: its article (`None`: unknown), speaker key and words.
struct SysQuote {
    article: Option<String>,
    speaker: Option<String>,
    text: String,
}

/// A statistic of the graph: its article (`None`: unknown), value and source keys.
struct SysStat {
    article: Option<String>,
    value: f64,
    sources: BTreeSet<String>,
}

fn pair_py(p: &Pair) -> Py {
    Py::Tuple(vec![Py::str(p.0.as_str()), Py::str(p.1.as_str())])
}

/// Python's `s[:n]`: the first `n` characters.
fn head(s: &str, n: usize) -> String {
    s.chars().take(n).collect()
}

/// The value of a gold item's optional key field when it is set (Python truthiness).
fn set(field: &Option<String>) -> Option<&str> {
    field.as_deref().filter(|s| !s.is_empty())
}

/// An article known to the graph matches gold of that article; an unknown one matches any.
fn same_article(sys: Option<&str>, gold: &str) -> bool {
    sys.is_none_or(|s| s == gold)
}

impl Scorer<'_> {
    // -- entities ---------------------------------------------------------

    fn entities(&self, out: &mut Evaluation) -> Result<(), EvalError> {
        let gold = self.gold_entities();
        let acceptable = self.acceptable_entities(&gold);
        let (mut found, mut spurious) = (BTreeSet::new(), BTreeSet::new());
        for t in TYPES {
            for (node, arts) in self.typed_nodes(t)? {
                if !self.sys.in_scope(&arts) {
                    continue;
                }
                let typed = self.sys.key(&node).map(|k| (t.to_string(), k.to_string()));
                match typed {
                    Some(tk) if gold.contains(&tk) => {
                        found.insert(tk);
                    }
                    Some(tk) if acceptable.contains(&tk) => {}
                    _ => {
                        spurious.insert((t.to_string(), norm(&self.sys.label(&node))));
                    }
                }
            }
        }
        out.set("entities", Score::Prf(prf(found.len(), found.len() + spurious.len(), found.len(), gold.len())));
        let missed = gold.difference(&found).map(pair_py).collect();
        out.miss("entities", vec![("missed", missed), ("spurious", spurious.iter().map(pair_py).collect())]);
        Ok(())
    }

    /// (type, key) of every entity an article's gold lists.
    fn gold_entities(&self) -> BTreeSet<Pair> {
        let keys = self.gold.articles.iter().flat_map(|doc| &doc.entities);
        keys.filter_map(|k| self.gold.kind(k).map(|t| (t.to_string(), k.clone()))).collect()
    }

    /// The gold entities plus every entity a gold relation points to: a tool
    /// that finds those is never counted wrong.
    fn acceptable_entities(&self, gold: &BTreeSet<Pair>) -> BTreeSet<Pair> {
        let mut acceptable = gold.clone();
        for doc in &self.gold.articles {
            let roles = doc.roles.iter().flat_map(|r| [Some(&r.person), r.org.as_ref()]);
            let quotes = doc.quotes.iter().map(|q| q.speaker.as_ref());
            let exports = doc.exports.iter().flat_map(|e| [Some(&e.exporter), e.product.as_ref(), e.destination.as_ref()]);
            let statistics = doc.statistics.iter().map(|s| s.source.as_ref());
            for key in roles.chain(quotes).chain(exports).chain(statistics).flatten() {
                if let Some(t) = self.gold.kind(key) {
                    acceptable.insert((t.to_string(), key.clone()));
                }
            }
        }
        acceptable
    }

    /// Every node of type `ng:{t}` with the articles that mention it.
    fn typed_nodes(&self, t: &str) -> Result<Vec<(Term, Vec<Term>)>, EvalError> {
        let q = format!("SELECT DISTINCT ?e ?a WHERE {{ ?e a ng:{t} . OPTIONAL {{ ?e ng:mentionedIn ?a }} }}");
        let mut nodes: Vec<(Term, Vec<Term>)> = Vec::new();
        let mut index = HashMap::new();
        for [e, a] in self.sys.select(&q, ["e", "a"])? {
            let Some(e) = e else { continue };
            let i = *index.entry(e.clone()).or_insert_with(|| {
                nodes.push((e, Vec::new()));
                nodes.len() - 1
            });
            nodes[i].1.extend(a);
        }
        Ok(nodes)
    }

    // -- roles ------------------------------------------------------------

    fn roles(&self, out: &mut Evaluation) -> Result<(), EvalError> {
        let pairs = self.system_roles()?;
        let gold: Vec<RoleGold> = self.gold.articles.iter().flat_map(|d| &d.roles).map(RoleGold::new).collect();
        let matches_any = |pair: &Pair| gold.iter().any(|g| g.matches(pair));
        let tp_sys = pairs.keys().filter(|p| matches_any(p)).count();
        let required: Vec<&RoleGold> = gold.iter().filter(|g| !optional(g.item.optional)).collect();
        let (found, missed): (Vec<&RoleGold>, Vec<&RoleGold>) = required.iter().partition(|g| pairs.keys().any(|p| g.matches(p)));
        out.set("roles", Score::Prf(prf(tp_sys, pairs.len(), found.len(), required.len())));
        let wrong_org = role_organizations(&pairs, &found, out);
        let spurious = pairs.keys().filter(|p| !matches_any(p)).map(pair_py).collect();
        let missed = missed.iter().map(|g| g.miss(false)).collect();
        out.miss("roles", vec![("missed", missed), ("spurious", spurious), ("wrong organization", wrong_org)]);
        Ok(())
    }

    /// (person key or ?label, normalised role title) -> keys of the organizations given for it.
    fn system_roles(&self) -> Result<BTreeMap<Pair, BTreeSet<String>>, EvalError> {
        let q = "SELECT DISTINCT ?m ?p ?rl ?o ?a WHERE {
            ?m a org:Membership ; org:member ?p ; org:role ?r . ?r rdfs:label ?rl .
            OPTIONAL { ?m org:organization ?o } OPTIONAL { ?m prov:wasDerivedFrom ?a } }";
        let mut pairs: BTreeMap<Pair, BTreeSet<String>> = BTreeMap::new();
        for [_, p, rl, o, a] in self.sys.select(q, ["m", "p", "rl", "o", "a"])? {
            let (Some(p), Some(rl)) = (p, rl) else { continue };
            if a.is_some_and(|a| !self.sys.in_scope(&[a])) {
                continue;
            }
            let orgs = pairs.entry((self.sys.key_or_label(&p), norm(&text(&rl)))).or_default();
            if let Some(k) = o.as_ref().and_then(|o| self.sys.key(o)) {
                orgs.insert(k.to_string());
            }
        }
        Ok(pairs)
    }

    // -- quotes -----------------------------------------------------------

    fn quotes(&self, out: &mut Evaluation) -> Result<(), EvalError> {
        let sysq = self.system_quotes()?;
        let gold: Vec<(&str, &GoldQuote)> =
            self.gold.articles.iter().flat_map(|d| d.quotes.iter().map(|q| (d.article.as_str(), q))).collect();
        let (tp_sys, detect_sys) = quote_precision(&sysq, &gold);
        let required: Vec<(&str, &GoldQuote)> = gold.iter().copied().filter(|(_, g)| !optional(g.optional)).collect();
        let (found, detected, missed) = quote_recall(&sysq, &required, 0.8);
        out.set("quotes", Score::Prf(prf(tp_sys, sysq.len(), found, required.len())));
        out.set("quote detection (speaker ignored)", Score::Prf(prf(detect_sys, sysq.len(), detected, required.len())));
        out.miss("quotes", vec![("missed", missed)]);
        Ok(())
    }

    fn system_quotes(&self) -> Result<Vec<SysQuote>, EvalError> {
        self.system_statements(
            "SELECT DISTINCT ?q ?s ?t ?a WHERE { ?q a ng:Quote ; ng:text ?t .
            OPTIONAL { ?q ng:speaker ?s } OPTIONAL { ?q prov:wasDerivedFrom ?a } }",
        )
    }

    /// The statements a query selects (?q ?s ?t ?a), with article, speaker key and words.
    fn system_statements(&self, q: &str) -> Result<Vec<SysQuote>, EvalError> {
        let mut quotes = Vec::new();
        for [_, s, t, a] in self.sys.select(q, ["q", "s", "t", "a"])? {
            let Some(t) = t else { continue };
            let article = match self.sys.origin(a.as_ref()) {
                Origin::Unknown => None,
                Origin::Article(f) => Some(f),
                Origin::Elsewhere => continue,
            };
            let speaker = s.as_ref().and_then(|s| self.sys.key(s)).map(str::to_string);
            quotes.push(SysQuote { article, speaker, text: text(&t) });
        }
        // Only the first hit's speaker in a "wrong speaker" miss depends on this
        // order, which rdflib leaves to chance: sorting makes it reproducible.
        quotes.sort_by(|a, b| (&a.article, &a.text, &a.speaker).cmp(&(&b.article, &b.text, &b.speaker)));
        Ok(quotes)
    }

    // -- statements (reported speech) ---------------------------------------

    /// Reported speech against the gold's `statements`, scored only where the
    /// gold annotates them; not part of "overall" (`score_statements`).
    fn statements(&self, out: &mut Evaluation) -> Result<(), EvalError> {
        if self.gold.articles.iter().all(|d| d.statements.is_none()) {
            return Ok(());
        }
        let q = "SELECT DISTINCT ?q ?s ?t ?a WHERE {
            { ?q a ng:ReportedSpeech } UNION { ?q a ng:Statement FILTER NOT EXISTS { ?q a ng:Quote } }
            ?q ng:text ?t . OPTIONAL { ?q ng:speaker ?s } OPTIONAL { ?q prov:wasDerivedFrom ?a } }";
        let sysq = self.system_statements(q)?;
        let gold: Vec<(&str, &GoldQuote)> =
            self.gold.articles.iter().flat_map(|d| d.statements.iter().flatten().map(|q| (d.article.as_str(), q))).collect();
        let tp_sys = sysq
            .iter()
            .filter(|q| {
                let same: Vec<&str> =
                    gold.iter().filter(|(ga, g)| same_article(q.article.as_deref(), ga) && g.speaker == q.speaker).map(|(_, g)| g.text.as_str()).collect();
                let same = same.join(" ");
                !same.is_empty() && coverage(&q.text, &same) >= 0.5
            })
            .count();
        let required: Vec<(&str, &GoldQuote)> = gold.iter().copied().filter(|(_, g)| !optional(g.optional)).collect();
        let (found, _, missed) = quote_recall(&sysq, &required, 0.5);
        out.set("statements (reported speech)", Score::Prf(prf(tp_sys, sysq.len(), found, required.len())));
        out.miss("statements", vec![("missed", missed)]);
        Ok(())
    }

    // -- exports ----------------------------------------------------------

    fn exports(&self, out: &mut Evaluation) -> Result<(), EvalError> {
        let mut results = Vec::new();
        for (prop, field) in [("exports", "product"), ("exportsTo", "destination")] {
            let sys_pairs = self.system_pairs(prop)?;
            let (gpairs, gall) = self.gold_export_pairs(field);
            let tp_sys = sys_pairs.intersection(&gall).count();
            let found = gpairs.intersection(&sys_pairs).count();
            let name = format!("exports ({field})");
            let result = prf(tp_sys, sys_pairs.len(), found, gpairs.len());
            out.set(&name, Score::Prf(result));
            let missed = gpairs.difference(&sys_pairs).map(pair_py).collect();
            out.miss(&name, vec![("missed", missed), ("spurious", sys_pairs.difference(&gall).map(pair_py).collect())]);
            results.push(result);
        }
        out.set("exports", Score::Prf(Prf::mean(&results)));
        Ok(())
    }

    /// (exporter, product or destination) pairs of the gold: the required ones, and all.
    fn gold_export_pairs(&self, field: &str) -> (BTreeSet<Pair>, BTreeSet<Pair>) {
        let (mut required, mut all) = (BTreeSet::new(), BTreeSet::new());
        for g in self.gold.articles.iter().flat_map(|d| &d.exports) {
            let target = if field == "product" { &g.product } else { &g.destination };
            if let Some(t) = set(target) {
                let pair = (g.exporter.clone(), t.to_string());
                if !optional(g.optional) {
                    required.insert(pair.clone());
                }
                all.insert(pair);
            }
        }
        (required, all)
    }

    /// (subject, object) of every `ng:{prop}` triple, as keys or ?labels (all articles).
    fn system_pairs(&self, prop: &str) -> Result<BTreeSet<Pair>, EvalError> {
        let q = format!("SELECT DISTINCT ?c ?x WHERE {{ ?c ng:{prop} ?x }}");
        let rows = self.sys.select(&q, ["c", "x"])?;
        let pairs = rows.into_iter().filter_map(|[c, x]| Some((self.sys.key_or_label(&c?), self.sys.key_or_label(&x?))));
        Ok(pairs.collect())
    }

    // -- statistics -------------------------------------------------------

    fn statistics(&self, out: &mut Evaluation) -> Result<(), EvalError> {
        let sysl = self.system_statistics()?;
        let gold = self.gold_statistics();
        let required: Vec<&GoldStat> = gold.iter().filter(|g| !optional(g.item.optional)).collect();
        let by_value = count_statistics(&sysl, &gold, &required, |st, g| g.matches(st));
        let sourced = |st: &SysStat, g: &GoldStat| g.matches(st) && g.source().is_some_and(|s| st.sources.contains(s));
        let attributed: Vec<&SysStat> = sysl.iter().filter(|st| !st.sources.is_empty()).collect();
        let req_attr: Vec<&GoldStat> = required.iter().copied().filter(|g| g.source().is_some()).collect();
        let with_source = count_statistics(&attributed, &gold, &req_attr, sourced);
        // Python scans every system statistic for a gold source, attributed or
        // not; an unattributed one never matches, so the result is the same.
        out.set("statistics (value)", Score::Prf(by_value.prf));
        out.set("statistics (value + source)", Score::Prf(with_source.prf));
        out.set("statistics", Score::Prf(Prf::mean(&[by_value.prf, with_source.prf])));
        let spurious = spurious_values(sysl.iter().filter(|st| !gold.iter().any(|g| g.matches(st))));
        let missed_values = by_value.missed.iter().map(|g| g.miss(Py::str(head(g.item.text.as_deref().unwrap_or(""), 50))));
        let missed_sources = with_source.missed.iter().map(|g| g.miss(Py::opt(g.item.source.as_deref())));
        let kinds =
            vec![("missed values", missed_values.collect()), ("missed sources", missed_sources.collect()), ("spurious values", spurious)];
        out.miss("statistics", kinds);
        Ok(())
    }

    /// Every gold statistic with its article and numeric value.
    fn gold_statistics(&self) -> Vec<GoldStat<'_>> {
        let items = self.gold.articles.iter().flat_map(|d| d.statistics.iter().map(move |s| (d.article.as_str(), s)));
        items.filter_map(|(article, item)| Some(GoldStat { article, item, value: gold_value(&item.value)? })).collect()
    }

    /// One entry per statistic node; the first row seen gives its article and value.
    fn system_statistics(&self) -> Result<Vec<SysStat>, EvalError> {
        let q = "SELECT DISTINCT ?st ?v ?src ?a WHERE { ?st a ng:Statistic ; ng:value ?v .
            OPTIONAL { ?st ng:attributedTo ?src } OPTIONAL { ?st prov:wasDerivedFrom ?a } }";
        let mut stats: Vec<SysStat> = Vec::new();
        let mut index: HashMap<Term, usize> = HashMap::new();
        for [st, v, src, a] in self.sys.select(q, ["st", "v", "src", "a"])? {
            let Some(st) = st else { continue };
            let article = match self.sys.origin(a.as_ref()) {
                Origin::Unknown => None,
                Origin::Article(f) => Some(f),
                Origin::Elsewhere => continue,
            };
            let Some(value) = v.as_ref().and_then(number) else { continue };
            let i = *index.entry(st).or_insert_with(|| {
                stats.push(SysStat { article, value, sources: BTreeSet::new() });
                stats.len() - 1
            });
            if let Some(src) = src {
                stats[i].sources.insert(self.sys.key_or_label(&src));
            }
        }
        Ok(stats)
    }
}

/// A gold statistic with its article and numeric value.
struct GoldStat<'a> {
    article: &'a str,
    item: &'a GoldStatistic,
    value: f64,
}

impl GoldStat<'_> {
    /// Same value, and same article when the system statistic's article is known.
    fn matches(&self, st: &SysStat) -> bool {
        same_article(st.article.as_deref(), self.article) && same_value(st.value, self.value)
    }

    /// The gold source key, when set.
    fn source(&self) -> Option<&str> {
        set(&self.item.source)
    }

    /// (article, value as written, `last`) as the misses list it.
    fn miss(&self, last: Py) -> Py {
        Py::Tuple(vec![Py::str(self.article), gold_value_py(&self.item.value), last])
    }
}

/// One statistics score and the required gold items it missed.
struct StatCount<'g, 'a> {
    prf: Prf,
    missed: Vec<&'g GoldStat<'a>>,
}

/// Precision of `sys` against all `gold`, recall of `required`, under `hit`.
fn count_statistics<'g, 'a, S: std::borrow::Borrow<SysStat>>(
    sys: &[S],
    gold: &'g [GoldStat<'a>],
    required: &[&'g GoldStat<'a>],
    hit: impl Fn(&SysStat, &GoldStat) -> bool,
) -> StatCount<'g, 'a> {
    let tp_sys = sys.iter().filter(|st| gold.iter().any(|g| hit((*st).borrow(), g))).count();
    let (found, missed): (Vec<&GoldStat>, Vec<&GoldStat>) = required.iter().partition(|g| sys.iter().any(|st| hit(st.borrow(), g)));
    StatCount { prf: prf(tp_sys, sys.len(), found.len(), required.len()), missed }
}

/// A gold role with its titles normalised.
struct RoleGold<'a> {
    item: &'a GoldRole,
    titles: HashSet<String>,
}

impl<'a> RoleGold<'a> {
    fn new(item: &'a GoldRole) -> RoleGold<'a> {
        RoleGold { item, titles: item.role.iter().map(|r| norm(r)).collect() }
    }

    /// Same person, and one of the acceptable titles.
    fn matches(&self, pair: &Pair) -> bool {
        pair.0 == self.item.person && self.titles.contains(&pair.1)
    }

    /// The organization key, when set.
    fn org(&self) -> Option<&str> {
        set(&self.item.org)
    }

    /// (person, first title[, organization]) as the misses list it.
    fn miss(&self, with_org: bool) -> Py {
        let mut item = vec![Py::str(self.item.person.as_str()), Py::opt(self.item.role.first().map(String::as_str))];
        if with_org {
            item.push(Py::opt(self.item.org.as_deref()));
        }
        Py::Tuple(item)
    }
}

/// Sets the organization accuracy over the found roles that name an
/// organization; returns those whose organization the graph got wrong.
fn role_organizations(pairs: &BTreeMap<Pair, BTreeSet<String>>, found: &[&RoleGold], out: &mut Evaluation) -> Vec<Py> {
    let with_org: Vec<&RoleGold> = found.iter().copied().filter(|g| g.org().is_some()).collect();
    let right = |g: &RoleGold| pairs.iter().any(|(p, orgs)| g.matches(p) && g.org().is_some_and(|o| orgs.contains(o)));
    let (ok, wrong): (Vec<&RoleGold>, Vec<&RoleGold>) = with_org.iter().partition(|g| right(g));
    out.set("role organization accuracy", Score::Count { ok: ok.len(), of: with_org.len() });
    wrong.iter().map(|g| g.miss(true)).collect()
}

/// System quotes right (speaker and words), and right in words alone: a
/// quote is right when 80% of its words are in the gold quotes of its article.
fn quote_precision(sysq: &[SysQuote], gold: &[(&str, &GoldQuote)]) -> (usize, usize) {
    let (mut tp_sys, mut detect_sys) = (0, 0);
    for q in sysq {
        let cands: Vec<&GoldQuote> = gold.iter().filter(|(ga, _)| same_article(q.article.as_deref(), ga)).map(|(_, g)| *g).collect();
        let by_speaker: Vec<&str> = cands.iter().filter(|g| g.speaker == q.speaker).map(|g| g.text.as_str()).collect();
        let all: Vec<&str> = cands.iter().map(|g| g.text.as_str()).collect();
        tp_sys += usize::from(covered(&q.text, &by_speaker.join(" ")));
        detect_sys += usize::from(covered(&q.text, &all.join(" ")));
    }
    (tp_sys, detect_sys)
}

/// Gold quotes (or statements) found with their speaker, found at all, and
/// the misses: a gold one is found by a system one of its article holding
/// `share` of its words (quotes 80%, reported speech half).
fn quote_recall(sysq: &[SysQuote], required: &[(&str, &GoldQuote)], share: f64) -> (usize, usize, Vec<Py>) {
    let (mut found, mut detected, mut missed) = (0, 0, Vec::new());
    for (ga, g) in required {
        let hits: Vec<Option<&str>> = sysq
            .iter()
            .filter(|q| same_article(q.article.as_deref(), ga) && coverage(&g.text, &q.text) >= share)
            .map(|q| q.speaker.as_deref())
            .collect();
        detected += usize::from(!hits.is_empty());
        if hits.contains(&g.speaker.as_deref()) {
            found += 1;
            continue;
        }
        let why = match hits.first() {
            Some(spk) => format!("found, wrong speaker: {}", spk.unwrap_or("None")),
            None => "not found".to_string(),
        };
        missed.push(Py::Tuple(vec![Py::str(*ga), Py::opt(g.speaker.as_deref()), Py::str(head(&g.text, 60)), Py::str(why)]));
    }
    (found, detected, missed)
}

/// True when the words of `text` are 80% inside `union` (an empty union covers nothing).
fn covered(text: &str, union: &str) -> bool {
    !union.is_empty() && coverage(text, union) >= 0.8
}

/// Two values agree within 0.5% of the gold value, or 0.01.
fn same_value(v: f64, w: f64) -> bool {
    (v - w).abs() <= (0.005 * w.abs()).max(0.01)
}

/// (article or "None", value) of statistics no gold matches, sorted.
fn spurious_values<'s>(stats: impl Iterator<Item = &'s SysStat>) -> Vec<Py> {
    let mut rows: Vec<(String, f64)> = stats.map(|st| (st.article.clone().unwrap_or_else(|| "None".to_string()), st.value)).collect();
    rows.sort_by(|a, b| a.0.cmp(&b.0).then(a.1.total_cmp(&b.1)));
    rows.into_iter().map(|(a, v)| Py::Tuple(vec![Py::Str(a), Py::Float(v)])).collect()
}

//! The command line: clap records what the user typed, one function per
//! subcommand turns it into work. Errors get context here (anyhow) and
//! become a one-line message and an exit code.

use crate::build::{build, BuildConfig, BuildReport};
use crate::corpus::{self, ArticleError};
use crate::model::Article;
use newsgraph_input::JsonFields;
use crate::export::view::{ArticleFilter, View};
use crate::export::{export, export_to_path, ExportFormat, ExportOptions, ExportSummary};
use crate::lexicon::Lexicon;
use crate::query::{write_results, ResultFormat};
use crate::remote::EndpointConfig;
use crate::serve::{serve, Limits, ServeConfig, UpdateToken};
use crate::shard::Shard;
use crate::store::GraphStore;
use anyhow::{bail, Context, Result};
use clap::{Args, Parser, Subcommand};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Exit code when the run finished but some inputs were skipped.
pub const EXIT_SKIPPED: u8 = 2;

const AFTER_HELP: &str = "\
Examples:
  newsgraph build                       # corpus/ -> out/store, out/graph.nq, out/who-said-what.dot
  newsgraph export --format svg --top 10 --per-entity 3 -o speakers.svg   # the 10 most-quoted speakers
  newsgraph query 'SELECT DISTINCT ?speaker ?text WHERE { GRAPH ?g { ?q a ng:Quote ; ng:speaker ?s ; ng:text ?text . ?s rdfs:label ?speaker } }'
  newsgraph export --format turtle -o out/graph.ttl
  newsgraph export --format svg --view roles -o roles.svg
  newsgraph export --format graphml --view all --around 'Antony Blinken' --depth 2 -o blinken.graphml
  newsgraph extract corpus/000_e7ed57ed8bac4770.txt   # why is a fact found, or not?
  newsgraph eval tests/devset/tune/gold --verbose     # score the store against gold, list the misses

Prefixes ng, org, prov, rdfs, skos, xsd are predeclared in queries.
Exit codes: 0 done; 1 failed; 2 done, but some files were skipped (each is named on stderr).";

/// Turn a folder of news articles into a knowledge graph: who said what,
/// person-role-organization, country-exports-product, statistics and their
/// sources, every fact tied to the sentence it came from.
#[derive(Debug, Parser)]
#[command(name = "newsgraph", version, after_help = AFTER_HELP)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Read every .txt, .html/.htm and .md file of a folder, extract facts, and
    /// store one named graph per article (rebuilding replaces, never duplicates).
    #[command(after_help = BUILD_HELP)]
    Build(BuildArgs),
    /// Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT, DESCRIBE) on the store.
    Query(QueryArgs),
    /// Write the store as RDF (N-Quads, TriG, Turtle, N-Triples, JSON-LD, RDF/XML) or Graphviz DOT.
    Export(ExportArgs),
    /// Show the facts of one article with their evidence sentences, without a store.
    Extract(ExtractArgs),
    /// Score the store against a gold folder (entities.json + one <article>.json
    /// per article), exactly as shared/eval/score.py scores an exported graph.
    Eval(EvalArgs),
    /// Serve the store over HTTP: a SPARQL 1.1 endpoint at /query, one article's
    /// graph at /store, the web page at / (read-only unless --allow-update).
    #[command(after_help = SERVE_HELP)]
    Serve(ServeArgs),
}

#[derive(Debug, Args)]
struct BuildArgs {
    /// Folder of articles (searched recursively).
    #[arg(default_value = "corpus")]
    corpus: PathBuf,
    /// Store folder (created if missing).
    #[arg(long, default_value = "out/store")]
    store: PathBuf,
    /// Where to write graph.nq and who-said-what.dot after the build.
    #[arg(long, default_value = "out")]
    out: PathBuf,
    /// Do not write graph.nq and who-said-what.dot.
    #[arg(long)]
    no_exports: bool,
    /// Write graph.nq however large the store (by default only up to 1,000
    /// articles; `newsgraph export --format nquads` writes it at any time).
    #[arg(long, conflicts_with = "no_exports")]
    nquads: bool,
    /// Remove the graphs of articles that are no longer in the corpus folder.
    #[arg(long)]
    prune: bool,
    /// Read, extract and map to RDF, but write nothing: measures extraction alone.
    #[arg(long)]
    dry_run: bool,
    /// Skip (and name) files larger than this many megabytes: a news article is
    /// rarely over 0.2 MB, and one huge file would take the memory of the run.
    #[arg(long, default_value_t = 8, value_name = "MB")]
    max_article_mb: u64,
    /// Write each article's graph to this SPARQL 1.1 Graph Store Protocol endpoint instead
    /// of --store: one PUT per article, so a re-run replaces and never duplicates.
    /// Virtuoso: http://HOST:8890/sparql-graph-crud-auth; Fuseki: http://HOST:3030/DATASET/data;
    /// GraphDB: http://HOST:7200/repositories/REPO/rdf-graphs/service.
    #[arg(long, value_name = "URL", conflicts_with = "prune")]
    endpoint: Option<String>,
    /// The URL parameter that names the graph: `graph` (the standard) unless the URL is
    /// Virtuoso's /sparql-graph-crud[-auth], where it is `graph-uri`.
    #[arg(long, value_name = "NAME", requires = "endpoint")]
    graph_param: Option<String>,
    /// User for the endpoint's Basic or Digest authentication (whichever it asks for);
    /// the password comes from NEWSGRAPH_ENDPOINT_PASSWORD.
    #[arg(long, value_name = "USER", requires = "endpoint")]
    endpoint_user: Option<String>,
    /// The endpoint password (better: NEWSGRAPH_ENDPOINT_PASSWORD, which other users
    /// cannot see in the process list).
    #[arg(long, value_name = "PASSWORD", requires = "endpoint_user")]
    endpoint_password: Option<String>,
    /// Build only part I of N, numbered from 1 (e.g. 2/4): N machines given the same
    /// corpus folder split it exactly, every article in one part.
    #[arg(long, value_name = "I/N")]
    shard: Option<Shard>,
    /// For JSON Lines archives (one article a line): which field holds what, e.g.
    /// text=maintext,title=headline,date=published. Names: text, html, title, date, url,
    /// author. Unnamed ones are found by common names (text, body, content, html, title,
    /// headline, date, datePublished, url, author...).
    #[arg(long, value_name = "NAME=FIELD,...", value_parser = parse_json_fields, default_value = "")]
    jsonl_fields: JsonFields,
}

const BUILD_HELP: &str = "\
Examples:
  newsgraph build corpus --store out/store
  export NEWSGRAPH_ENDPOINT_PASSWORD=dba
  newsgraph build corpus --endpoint http://localhost:8890/sparql-graph-crud-auth --endpoint-user dba   # Virtuoso
  newsgraph build corpus --endpoint http://localhost:3030/news/data                                    # Fuseki, dataset news
  newsgraph build corpus --endpoint http://localhost:3030/news/data --shard 1/2    # machine 1 of 2; the other runs 2/2

With --endpoint, nothing is written locally. The password is read from NEWSGRAPH_ENDPOINT_PASSWORD;
without --endpoint-user, NEWSGRAPH_ENDPOINT_TOKEN (if set) is sent as a bearer token (QLever's access
token, a gateway's). Connection errors, 5xx and 429 are retried with backoff; a refusal stops the build
with the endpoint's answer. No secret is ever printed.";

#[derive(Debug, Args)]
#[command(group(clap::ArgGroup::new("source").required(true).args(["query", "file"])))]
struct QueryArgs {
    /// The SPARQL query text.
    query: Option<String>,
    /// Read the query from this file instead.
    #[arg(long, short)]
    file: Option<PathBuf>,
    /// Store folder.
    #[arg(long, default_value = "out/store")]
    store: PathBuf,
    /// Output for SELECT/ASK; CONSTRUCT/DESCRIBE always print Turtle.
    #[arg(long, value_enum, default_value = "table")]
    format: ResultFormat,
}

#[derive(Debug, Args)]
struct ExportArgs {
    /// Store folder.
    #[arg(long, default_value = "out/store")]
    store: PathBuf,
    /// Output format: RDF (nquads, ntriples, turtle, trig, jsonld, rdfxml), a drawing
    /// (dot, svg, png), or a graph-tool format (graphml, neo4j).
    #[arg(long, value_enum)]
    format: ExportFormat,
    /// For dot, svg, png, graphml and neo4j: which relations to show.
    #[arg(long, value_enum, default_value = "who-said-what")]
    view: View,
    /// Only the neighbourhood of this entity (its label, e.g. "Antony Blinken").
    #[arg(long, value_name = "ENTITY")]
    around: Option<String>,
    /// With --around: how many relations away to go.
    #[arg(long, default_value_t = 1)]
    depth: usize,
    /// Only these articles (file names, as in ng:fileName); repeatable.
    #[arg(long = "article", value_name = "FILE")]
    articles: Vec<String>,
    /// Only articles published on or after this date: 2023, 2023-06 or 2023-06-17
    /// (articles with no known date are left out).
    #[arg(long, value_name = "DATE", value_parser = parse_date_bound)]
    since: Option<String>,
    /// Only articles published on or before this date (2023, 2023-06 or 2023-06-30).
    #[arg(long, value_name = "DATE", value_parser = parse_date_bound)]
    until: Option<String>,
    /// For dot, svg, png, graphml and neo4j: only the N entities with the most
    /// relations (who-said-what: the most-quoted speakers); 0 for all.
    #[arg(long, default_value_t = 0, value_name = "N")]
    top: usize,
    /// With --top: at most K relations of each entity (those most articles share); 0 for all.
    #[arg(long, default_value_t = 0, value_name = "K", requires = "top")]
    per_entity: usize,
    /// Output file (a folder for neo4j); standard output when absent.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

#[derive(Debug, Args)]
struct ExtractArgs {
    /// Article files (.txt, .html, .md, each also .gz) or archives (.warc,
    /// .warc.gz, .jsonl, .jsonl.gz): every article of each.
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// Print what the extractor reads instead of what it finds: each article's
    /// metadata and clean text (the text every offset points into).
    #[arg(long)]
    text: bool,
    /// Print JSON: the facts of each article; with --text, one object a line with
    /// file, headline, datePublished, author, publisher, url, inLanguage and body.
    #[arg(long)]
    json: bool,
    /// For JSON Lines archives: which field holds what (see `build --help`).
    #[arg(long, value_name = "NAME=FIELD,...", value_parser = parse_json_fields, default_value = "")]
    jsonl_fields: JsonFields,
}

#[derive(Debug, Args)]
struct ServeArgs {
    /// Store folder (built with `newsgraph build`).
    #[arg(long, default_value = "out/store")]
    store: PathBuf,
    /// Address and port to listen on; anything but loopback is reachable from other machines.
    #[arg(long, default_value = "127.0.0.1:7878")]
    bind: std::net::SocketAddr,
    /// Time limit of one query, e.g. 30s, 1.5s, 500ms; past it the answer is 503.
    #[arg(long, default_value = "30s", value_parser = parse_duration)]
    timeout: std::time::Duration,
    /// Most rows (SELECT) or triples (CONSTRUCT) in one answer; more is a 422 asking for LIMIT.
    #[arg(long, default_value_t = 100_000)]
    max_results: usize,
    /// Queries evaluated at the same time (others wait their turn); default: twice the cores, at least 4.
    #[arg(long)]
    workers: Option<usize>,
    /// Accept SPARQL updates at /update from clients sending the token.
    #[arg(long)]
    allow_update: bool,
    /// The bearer token for /update (better: the NEWSGRAPH_TOKEN environment variable,
    /// which other users cannot see in the process list).
    #[arg(long)]
    token: Option<String>,
    /// Log one line per request to stderr.
    #[arg(long)]
    verbose: bool,
}

const SERVE_HELP: &str = "\
Examples:
  newsgraph serve                                  # http://127.0.0.1:7878/ (page) and /query (SPARQL)
  curl -H 'Accept: text/csv' --data-urlencode 'query=SELECT DISTINCT ?speaker ?text WHERE { GRAPH ?g { ?q a ng:Quote ; ng:speaker ?s ; ng:text ?text . ?s rdfs:label ?speaker } }' http://127.0.0.1:7878/query
  curl -H 'Accept: text/turtle' 'http://127.0.0.1:7878/store?article=000_e7ed57ed8bac4770.txt'
  NEWSGRAPH_TOKEN=s3cret newsgraph serve --allow-update
  curl -H 'Authorization: Bearer s3cret' --data-urlencode 'update=CLEAR GRAPH <https://w3id.org/newsgraph/article/x.txt>' http://127.0.0.1:7878/update

SELECT/ASK answer as JSON (default), XML, CSV or TSV; CONSTRUCT/DESCRIBE as Turtle (default),
N-Triples, JSON-LD, RDF/XML, N-Quads or TriG: say which with the Accept header.
Prefixes ng, org, prov, rdfs, skos, xsd are predeclared; without FROM a query sees all articles.
The store is opened read-only (other newsgraph commands still work; restart serve after a rebuild).";

/// `--timeout` values: a number of seconds, or a number with `s` or `ms`.
fn parse_duration(text: &str) -> Result<std::time::Duration, String> {
    let text = text.trim();
    let (number, scale) = match (text.strip_suffix("ms"), text.strip_suffix('s')) {
        (Some(ms), _) => (ms, 1e-3),
        (None, Some(s)) => (s, 1.0),
        (None, None) => (text, 1.0),
    };
    let value: f64 = number.trim().parse().map_err(|_| format!("{text:?} is not a duration (e.g. 30s, 1.5s, 500ms)"))?;
    if !(value > 0.0 && value * scale < 1e9) {
        return Err(format!("{text:?}: the time limit must be positive"));
    }
    Ok(std::time::Duration::from_secs_f64(value * scale))
}

#[derive(Debug, Args)]
struct EvalArgs {
    /// Store folder.
    #[arg(long, default_value = "out/store")]
    store: PathBuf,
    /// Gold folder: entities.json and one <article file name>.json per article.
    gold: PathBuf,
    /// Also list every miss (missed, spurious, wrong organization...).
    #[arg(long)]
    verbose: bool,
    /// Print {"report": ..., "misses": ...} as JSON instead.
    #[arg(long)]
    json: bool,
}

/// Parses the command line, runs it, and maps the outcome to an exit code.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let outcome = match cli.command {
        Command::Build(a) => run_build(a),
        Command::Query(a) => run_query(a).map(|()| ExitCode::SUCCESS),
        Command::Export(a) => run_export(a).map(|()| ExitCode::SUCCESS),
        Command::Extract(a) => run_extract(a).map(|()| ExitCode::SUCCESS),
        Command::Eval(a) => run_eval(a).map(|()| ExitCode::SUCCESS),
        Command::Serve(a) => run_serve(a).map(|()| ExitCode::SUCCESS),
    };
    outcome.unwrap_or_else(|e| {
        eprintln!("newsgraph: error: {e:#}");
        ExitCode::FAILURE
    })
}

fn run_build(args: BuildArgs) -> Result<ExitCode> {
    let endpoint = endpoint_config(&args)?;
    let target = endpoint.as_ref().map_or_else(|| args.store.display().to_string(), |e| e.url.clone());
    let config = BuildConfig {
        corpus: args.corpus.clone(),
        store: args.store.clone(),
        progress: std::io::stderr().is_terminal(),
        prune: args.prune,
        dry_run: args.dry_run,
        max_article_bytes: args.max_article_mb.saturating_mul(1_000_000),
        shard: args.shard,
        endpoint,
        json_fields: args.jsonl_fields.clone(),
    };
    let report = build(&config).with_context(|| format!("building {} into {target}", args.corpus.display()))?;
    for problem in &report.skipped {
        eprintln!("newsgraph: skipped {problem}");
    }
    for note in &report.notes {
        eprintln!("newsgraph: note: {note}");
    }
    let written = if !args.no_exports && !args.dry_run && config.endpoint.is_none() {
        write_build_exports(&args, &report)?
    } else {
        Vec::new()
    };
    print_summary(&report, &target, config.endpoint.is_none(), &written);
    Ok(if report.skipped.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(EXIT_SKIPPED) })
}

/// The most-quoted speakers in the drawing a build writes, and the quotes
/// shown of each: past a few dozen, a who-said-what drawing is unreadable.
const DRAWING_SPEAKERS: usize = 20;
const DRAWING_QUOTES_EACH: usize = 5;

/// Above this many articles a build does not dump graph.nq by itself: the
/// dump grows with the store (a 100 MB corpus gives a 1 GB file) and the store
/// already answers every query; `--nquads` or `newsgraph export` write it.
const NQUADS_MAX_ARTICLES: usize = 1_000;

/// One line of the summary about a file a build wrote, kept, or left out.
struct Written {
    path: PathBuf,
    what: String,
}

/// graph.nq and who-said-what.dot after a local build: rewritten only when
/// the build changed the store (or a file is missing), so that building an
/// unchanged corpus stays as fast as reading it.
fn write_build_exports(args: &BuildArgs, report: &BuildReport) -> Result<Vec<Written>> {
    std::fs::create_dir_all(&args.out).with_context(|| format!("creating {}", args.out.display()))?;
    let changed = report.articles > 0 || report.removed > 0 || report.resolved > 0;
    let total = report.articles + report.unchanged + report.stale;
    let nq = args.out.join("graph.nq");
    let dot = args.out.join("who-said-what.dot");
    let nq_wanted = args.nquads || total <= NQUADS_MAX_ARTICLES;
    let stale = |path: &Path| changed || !path.exists();
    let store = if (nq_wanted && stale(&nq)) || stale(&dot) { Some(GraphStore::open(&args.store)?) } else { None };
    let kept = "kept (nothing changed)".to_string();
    let mut written = Vec::new();
    let nq_what = match &store {
        _ if !nq_wanted => format!("not written for {total} articles (newsgraph export --format nquads -o {}, or build --nquads)", nq.display()),
        Some(s) if stale(&nq) => {
            export_to(s, &ExportOptions::all(ExportFormat::Nquads, View::WhoSaidWhat), &nq)?;
            "wrote".into()
        }
        _ => kept.clone(),
    };
    written.push(Written { path: nq, what: nq_what });
    let dot_what = match &store {
        Some(s) if stale(&dot) => {
            let options = ExportOptions { top: DRAWING_SPEAKERS, per_entity: DRAWING_QUOTES_EACH, ..ExportOptions::all(ExportFormat::Dot, View::WhoSaidWhat) };
            match export_to(s, &options, &dot)?.omitted {
                Some(o) if o.is_cut() => format!(
                    "wrote the {} most-quoted of {} speakers, {} of {} statements (the rest: newsgraph export --format dot --around NAME)",
                    o.entities, o.entities_total, o.edges, o.edges_total
                ),
                _ => "wrote".into(),
            }
        }
        _ => kept,
    };
    written.push(Written { path: dot, what: dot_what });
    Ok(written)
}

/// The remote endpoint of `--endpoint`, with its secrets from the environment.
fn endpoint_config(args: &BuildArgs) -> Result<Option<EndpointConfig>> {
    let Some(url) = &args.endpoint else { return Ok(None) };
    let mut config = EndpointConfig::new(url.clone());
    config.graph_param = args.graph_param.clone();
    config.user = args.endpoint_user.clone();
    if config.user.is_some() {
        let password = args.endpoint_password.clone().or_else(|| std::env::var("NEWSGRAPH_ENDPOINT_PASSWORD").ok());
        let Some(password) = password else {
            bail!("--endpoint-user needs a password: set NEWSGRAPH_ENDPOINT_PASSWORD");
        };
        config.password = Some(password);
    } else {
        config.token = std::env::var("NEWSGRAPH_ENDPOINT_TOKEN").ok().filter(|t| !t.is_empty());
    }
    Ok(Some(config))
}

fn print_summary(r: &BuildReport, target: &str, local: bool, written: &[Written]) {
    let entities: usize = r.entities.iter().map(|(_, n)| n).sum();
    let by_type: Vec<String> = r.entities.iter().map(|(k, n)| format!("{n} {}", k.name().to_lowercase())).collect();
    let megabytes = r.bytes as f64 / 1e6;
    let rate = |n: f64| n / r.seconds.max(1e-3);
    let plural = if r.articles == 1 { "" } else { "s" };
    if r.dry_run {
        println!("Extracted {} article{plural} (dry run, nothing written) in {:.1} s", r.articles, r.seconds);
    } else {
        println!("Built {} article{plural} into {target} in {:.1} s", r.articles, r.seconds);
    }
    let size = if r.bytes < 1_000_000 { format!("{:.0} kB", r.bytes as f64 / 1e3) } else { format!("{megabytes:.1} MB") };
    println!("  read:       {size} at {:.1} MB/s", rate(megabytes));
    println!("  articles:   {} new, {} changed, {} unchanged (skipped)", r.articles - r.changed, r.changed, r.unchanged);
    if r.removed > 0 || r.stale > 0 {
        println!("  gone:       {} removed, {} no longer in the corpus but kept (use --prune)", r.removed, r.stale);
    }
    if r.resolved > 0 {
        println!("  resolved:   {} article(s) rewritten with fuller names from other articles, in {:.1} s", r.resolved, r.resolve_seconds);
    }
    if !r.skipped.is_empty() {
        println!("  skipped:    {} file(s), named above", r.skipped.len());
    }
    println!("  entities:   {entities} ({})", by_type.join(", "));
    println!("  roles:      {} person-role-organization", r.roles);
    println!("  quotes:     {} who said what, verbatim", r.quotes);
    println!("  reported:   {} who said what, in reported speech", r.reported);
    println!("  exports:    {} country-product(-destination)", r.exports);
    println!("  statistics: {} with value and source", r.statistics);
    println!("  quads:      {} ({:.0} quads/s)", r.quads, rate(r.quads as f64));
    for w in written {
        println!("  {:<11} {}", format!("{}:", file_name(&w.path)), w.what);
    }
    if !r.samples.is_empty() {
        println!("Who said what (a sample):");
        for s in &r.samples {
            println!("  {s}");
        }
    }
    if !r.dry_run && local {
        println!("Next: newsgraph query 'SELECT DISTINCT ?speaker ?text WHERE {{ GRAPH ?g {{ ?q a ng:Quote ; ng:speaker ?s ; ng:text ?text . ?s rdfs:label ?speaker }} }}'");
    }
}

fn open_existing(store: &Path) -> Result<GraphStore> {
    if !store.exists() {
        bail!("no store at {} (run `newsgraph build` first, or pass --store)", store.display());
    }
    Ok(GraphStore::open(store)?)
}

fn run_query(args: QueryArgs) -> Result<()> {
    let sparql = match (&args.query, &args.file) {
        (_, Some(f)) => std::fs::read_to_string(f).with_context(|| format!("reading the query file {}", f.display()))?,
        (Some(q), None) => q.clone(),
        (None, None) => bail!("give a query or --file"),
    };
    let store = open_existing(&args.store)?;
    let results = store.query(&sparql)?;
    let stdout = std::io::stdout();
    write_results(results, args.format, stdout.lock())?;
    Ok(())
}

fn file_name(path: &Path) -> String {
    path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned())
}

fn export_to(store: &GraphStore, options: &ExportOptions, path: &Path) -> Result<ExportSummary> {
    let (_, summary) = export_to_path(store, options, path).with_context(|| format!("writing {}", path.display()))?;
    Ok(summary)
}

fn run_export(args: ExportArgs) -> Result<()> {
    let store = open_existing(&args.store)?;
    let options = ExportOptions {
        format: args.format,
        view: args.view,
        around: args.around,
        depth: args.depth,
        articles: ArticleFilter { files: args.articles, since: args.since, until: args.until },
        top: args.top,
        per_entity: args.per_entity,
    };
    let summary = match &args.output {
        Some(path) => {
            let (written, summary) = export_to_path(&store, &options, path).with_context(|| format!("exporting to {}", path.display()))?;
            if options.format == ExportFormat::Neo4j {
                eprintln!("wrote {} files into {} (import: sh {}/import.sh)", written.len(), path.display(), path.display());
            }
            summary
        }
        None => {
            let stdout = std::io::stdout();
            let (mut w, summary) = export(&store, &options, stdout.lock())?;
            w.flush()?;
            summary
        }
    };
    if summary.nodes > 0 {
        eprintln!("{} nodes, {} edges", summary.nodes, summary.edges);
    }
    Ok(())
}

fn run_extract(args: ExtractArgs) -> Result<()> {
    let lexicon = Lexicon::embedded().map_err(|e| anyhow::anyhow!("{e}"))?;
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut failed = 0;
    for path in &args.files {
        let mut each = |read: Result<corpus::Read, ArticleError>| match read {
            Ok(read) => {
                if let Some(note) = &read.note {
                    eprintln!("newsgraph: note: {note}");
                }
                write_extracted(&read.article, &args, lexicon, &mut out)
            }
            Err(e) => {
                eprintln!("newsgraph: skipped {e}");
                failed += 1;
                Ok(())
            }
        };
        for_each_article(path, &args.jsonl_fields, lexicon, &mut each).with_context(|| format!("extracting {}", path.display()))?;
    }
    if failed > 0 {
        bail!("{failed} of the inputs could not be read (named above)");
    }
    Ok(())
}

/// Every article of one file or archive, cleaned, in order.
fn for_each_article(path: &Path, fields: &JsonFields, lexicon: &Lexicon, each: &mut dyn FnMut(Result<corpus::Read, ArticleError>) -> Result<()>) -> Result<()> {
    let folder = path.parent().unwrap_or(Path::new(""));
    let max_bytes = u64::MAX;
    if !corpus::is_archive(path) {
        return each(corpus::read_article(path, folder, lexicon, max_bytes));
    }
    let reader = corpus::ArchiveReader { path, corpus: folder, fields, max_bytes };
    let mut result = Ok(());
    reader.read(&mut |doc| {
        if result.is_ok() {
            result = each(doc.and_then(|d| corpus::article_of(d, lexicon)));
        }
    });
    result
}

/// One article as `extract` prints it: its facts, or with `--text` what was read.
fn write_extracted(article: &Article, args: &ExtractArgs, lexicon: &Lexicon, out: &mut impl Write) -> Result<()> {
    match (args.text, args.json) {
        (true, true) => {
            serde_json::to_writer(&mut *out, &crate::extract::report::read_view(article))?;
            writeln!(out)?;
        }
        (true, false) => crate::extract::report::write_read(article, out)?,
        (false, json) => {
            let facts = crate::extract::extract(&article.text, lexicon);
            if json {
                serde_json::to_writer_pretty(&mut *out, &facts)?;
                writeln!(out)?;
            } else {
                writeln!(out, "== {}\n", article_heading(article))?;
                crate::extract::report::write(&article.text, &facts, out)?;
            }
        }
    }
    Ok(())
}

/// "file — Outlet, 2023-06-14: Headline": where what `extract` lists was said.
fn article_heading(article: &Article) -> String {
    let m = &article.meta;
    let source: Vec<&str> = [m.publisher.as_deref(), m.date_published.as_deref().map(|d| d.get(..10).unwrap_or(d))].into_iter().flatten().collect();
    let mut heading = article.file_name.clone();
    if !source.is_empty() {
        heading.push_str(&format!(" \u{2014} {}", source.join(", ")));
    }
    if let Some(headline) = &m.headline {
        heading.push_str(&format!(": {headline}"));
    }
    heading
}

/// `--since`/`--until`: a year, a month or a day, as dates are compared on the digits given.
fn parse_date_bound(s: &str) -> Result<String, String> {
    let digits = |part: &str, n: usize| part.len() == n && part.bytes().all(|b| b.is_ascii_digit());
    let parts: Vec<&str> = s.trim().split('-').collect();
    let ok = match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    };
    if ok {
        Ok(s.trim().to_string())
    } else {
        Err(format!("{s:?}: write a year, a month or a day: 2023, 2023-06 or 2023-06-17"))
    }
}

/// `--jsonl-fields text=maintext,title=headline`.
fn parse_json_fields(s: &str) -> Result<JsonFields, String> {
    let mut fields = JsonFields::default();
    for pair in s.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        let (name, field) = pair.split_once('=').ok_or_else(|| format!("{pair:?}: write NAME=FIELD, e.g. text=maintext"))?;
        let slot = match name.trim() {
            "text" => &mut fields.text,
            "html" => &mut fields.html,
            "title" => &mut fields.title,
            "date" => &mut fields.date,
            "url" => &mut fields.url,
            "author" => &mut fields.author,
            other => return Err(format!("{other:?} is not a field name: use text, html, title, date, url or author")),
        };
        *slot = Some(field.trim().to_string());
    }
    Ok(fields)
}

fn run_serve(args: ServeArgs) -> Result<()> {
    if !args.store.exists() {
        bail!("no store at {} (run `newsgraph build` first, or pass --store)", args.store.display());
    }
    let token = args.token.or_else(|| std::env::var("NEWSGRAPH_TOKEN").ok());
    let updates = match (args.allow_update, token) {
        (false, _) => None,
        (true, Some(t)) => Some(UpdateToken::new(&t).context("the update token is empty")?),
        (true, None) => bail!("--allow-update needs a token: set NEWSGRAPH_TOKEN (or pass --token); clients send it as Authorization: Bearer <token>"),
    };
    if !args.bind.ip().is_loopback() {
        eprintln!("newsgraph: warning: listening on {}: other machines can reach this endpoint", args.bind.ip());
    }
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let limits = Limits { timeout: args.timeout, max_results: args.max_results, workers: args.workers.unwrap_or((2 * cores).max(4)) };
    let mode = if updates.is_some() { "read-write, updates at /update" } else { "read-only" };
    let config = ServeConfig { store: args.store.clone(), bind: args.bind, limits, updates, verbose: args.verbose };
    serve(config, |addr| {
        // Not println!: a closed stdout (`serve | head -1`) must not stop the server.
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "Serving {} ({mode}) at http://{addr}/", args.store.display());
        let _ = writeln!(out, "  SPARQL endpoint: http://{addr}/query   one article: http://{addr}/store?article=<file>   Ctrl-C stops");
        let _ = out.flush();
    })
    .with_context(|| format!("serving {}", args.store.display()))?;
    Ok(())
}

fn run_eval(args: EvalArgs) -> Result<()> {
    let store = open_existing(&args.store)?;
    let evaluation = crate::eval::evaluate(&store, &args.gold)?;
    let style = match (args.json, args.verbose) {
        (true, _) => crate::eval::ReportStyle::Json,
        (false, true) => crate::eval::ReportStyle::Verbose,
        (false, false) => crate::eval::ReportStyle::Summary,
    };
    let stdout = std::io::stdout();
    crate::eval::write_report(&evaluation, style, stdout.lock())?;
    Ok(())
}

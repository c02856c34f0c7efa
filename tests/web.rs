//! The page of `newsgraph serve` in a real browser: serves a store built from
//! the seed corpus on a free loopback port and runs `tests/web/e2e.mjs`, which
//! drives Debian's headless Chromium (through playwright-core) to load the
//! page, run an example query, switch views, click a node, read its evidence
//! and take a screenshot. `UPDATE_SCREENSHOT=1` writes the screenshot to
//! `docs/serve.png` (the README's picture) instead of the temp folder.
//!
//! Needs `/usr/bin/chromium` (or `$CHROMIUM`), node and `tests/web/node_modules`:
//! `scripts/ensure-deps.sh --test` installs them (`make test` runs it).

mod util;

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};
use util::{seed_corpus, stderr, Dir};

/// The server, stopped when the test ends, pass or fail.
struct Server {
    child: Child,
    url: String,
    /// Kept open: a closed pipe would make the server's next line a broken-pipe error.
    _stdout: BufReader<ChildStdout>,
}

impl Server {
    /// Starts `newsgraph serve` on port 0 and reads the address it prints.
    fn start(store: &Path) -> Server {
        let store = store.to_str().expect("utf-8 path");
        let mut child = Command::new(env!("CARGO_BIN_EXE_newsgraph"))
            .args(["serve", "--store", store, "--bind", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("start newsgraph serve");
        let mut stdout = BufReader::new(child.stdout.take().expect("server stdout"));
        let mut first = String::new();
        stdout.read_line(&mut first).expect("read the server's first line");
        let url = first.split_whitespace().find(|w| w.starts_with("http://")).map(str::to_string);
        let server = Server { child, url: url.unwrap_or_default(), _stdout: stdout };
        assert!(server.url.starts_with("http://127.0.0.1:"), "the server did not say where it listens: {first:?}");
        server
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn web_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/web")
}

/// What the browser test needs, with the command that installs each.
fn missing_tools() -> Vec<String> {
    let chromium = std::env::var("CHROMIUM").unwrap_or_else(|_| "/usr/bin/chromium".into());
    let mut missing = Vec::new();
    if !Path::new(&chromium).exists() {
        missing.push(format!("Chromium at {chromium} (apt-get install chromium)"));
    }
    if Command::new("node").arg("--version").output().map_or(true, |o| !o.status.success()) {
        missing.push("node (apt-get install nodejs npm)".into());
    }
    if !web_dir().join("node_modules/playwright-core").exists() {
        missing.push("playwright-core (npm ci --prefix tests/web)".into());
    }
    missing
}

#[test]
fn the_page_answers_queries_draws_views_and_shows_evidence_in_chromium() {
    let missing = missing_tools();
    assert!(missing.is_empty(), "the browser test needs: {}; scripts/ensure-deps.sh --test installs them", missing.join(", "));

    let dir = Dir::new();
    let built = dir.build(&seed_corpus(), "store");
    assert!(built.status.success(), "build failed: {}", stderr(&built));
    let server = Server::start(&dir.path("store"));

    let screenshot = if std::env::var_os("UPDATE_SCREENSHOT").is_some() {
        Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/serve.png")
    } else {
        dir.path("serve.png")
    };
    let started = Instant::now();
    let run = Command::new("node").arg(web_dir().join("e2e.mjs")).arg(&server.url).arg(&screenshot).output().expect("run node");
    let log = format!("{}{}", String::from_utf8_lossy(&run.stdout), String::from_utf8_lossy(&run.stderr));
    assert!(run.status.success(), "the browser test failed:\n{log}");
    assert!(started.elapsed() < Duration::from_secs(60), "the browser test took {:?}", started.elapsed());

    let png = std::fs::read(&screenshot).expect("the screenshot");
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n") && png.len() > 20_000, "not a real screenshot ({} bytes)", png.len());
    println!("{log}");
}

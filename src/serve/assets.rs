//! The web page's files (`web/`), compiled into the binary so `serve` needs
//! no folder beside it: `/` is the page, `/assets/<file>` its scripts and styles.
//!
//! It owns only the mapping from request path to embedded file; the page's
//! code is in `web/` and the vendored graph library in `web/vendor/` (written
//! by `scripts/vendor-web.sh`).

const HTML: &str = "text/html; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";
const CSS: &str = "text/css; charset=utf-8";
const TEXT: &str = "text/plain; charset=utf-8";

/// Every file under `/assets/`: name, content type, bytes. The licenses of
/// the vendored libraries are served too, since their code is.
const ASSETS: &[(&str, &str, &[u8])] = &[
    ("app.js", JS, include_bytes!("../../web/app.js")),
    ("style.css", CSS, include_bytes!("../../web/style.css")),
    ("cytoscape.min.js", JS, include_bytes!("../../web/vendor/cytoscape.min.js")),
    ("layout-base.js", JS, include_bytes!("../../web/vendor/layout-base.js")),
    ("cose-base.js", JS, include_bytes!("../../web/vendor/cose-base.js")),
    ("cytoscape-fcose.js", JS, include_bytes!("../../web/vendor/cytoscape-fcose.js")),
    ("cytoscape.LICENSE", TEXT, include_bytes!("../../web/vendor/cytoscape.LICENSE")),
    ("layout-base.LICENSE", TEXT, include_bytes!("../../web/vendor/layout-base.LICENSE")),
    ("cose-base.LICENSE", TEXT, include_bytes!("../../web/vendor/cose-base.LICENSE")),
    ("cytoscape-fcose.LICENSE", TEXT, include_bytes!("../../web/vendor/cytoscape-fcose.LICENSE")),
];

/// The content type and bytes of the page file at request path `path`
/// (`/` or `/assets/<file>`), or `None` when there is no such file.
pub fn asset(path: &str) -> Option<(&'static str, &'static [u8])> {
    if path == "/" || path == "/index.html" {
        return Some((HTML, include_bytes!("../../web/index.html")));
    }
    let name = path.strip_prefix("/assets/")?;
    ASSETS.iter().find(|(file, _, _)| *file == name).map(|(_, content_type, bytes)| (*content_type, *bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page() -> &'static str {
        let (content_type, bytes) = asset("/").expect("the page");
        assert_eq!(content_type, HTML);
        std::str::from_utf8(bytes).expect("utf-8 page")
    }

    /// The `assets/...` paths the page loads (relative, so they work under any prefix).
    fn referenced_assets() -> Vec<String> {
        page().split(['"', '\'']).filter(|s| s.starts_with("assets/")).map(|s| format!("/{s}")).collect()
    }

    #[test]
    fn every_file_the_page_loads_is_served_with_its_type() {
        let refs = referenced_assets();
        assert!(refs.iter().any(|r| r == "/assets/app.js"), "{refs:?}");
        assert!(refs.iter().any(|r| r == "/assets/cytoscape.min.js"), "{refs:?}");
        for path in refs {
            let (content_type, bytes) = asset(&path).unwrap_or_else(|| panic!("{path} is not served"));
            assert!(!bytes.is_empty(), "{path} is empty");
            let want = if path.ends_with(".css") { CSS } else { JS };
            assert_eq!(content_type, want, "{path}");
        }
    }

    #[test]
    fn the_page_loads_nothing_from_other_hosts() {
        // It must work offline: no CDN, no web fonts.
        let html = page();
        for needle in ["http://", "https://", "//cdn", "src=\"//"] {
            assert!(!html.contains(needle), "the page refers to {needle}");
        }
    }

    #[test]
    fn vendored_libraries_are_served_with_their_licenses() {
        for (name, _, bytes) in ASSETS {
            if let Some(lib) = name.strip_suffix(".js").filter(|n| !matches!(*n, "app")) {
                let lib = lib.trim_end_matches(".min");
                let license = asset(&format!("/assets/{lib}.LICENSE"));
                assert!(license.is_some_and(|(_, text)| !text.is_empty()), "no license for {name}");
                assert!(bytes.len() > 10_000, "{name} looks truncated");
            }
        }
    }

    #[test]
    fn unknown_paths_and_folder_escapes_are_not_found() {
        for path in ["/nope", "/assets/", "/assets/../Cargo.toml", "/assets/vendor/cytoscape.min.js", "assets/app.js", "/web/app.js"] {
            assert!(asset(path).is_none(), "{path} should not be served");
        }
    }
}

//! Record keys: unique inside one file, and the same on every read of it.

use std::collections::HashSet;

/// The keys given so far in one file.
#[derive(Debug, Default)]
pub(crate) struct Keys {
    given: HashSet<String>,
}

impl Keys {
    /// The key of record `number`: its URL, or `#<number>` without one. A key
    /// already given gets `#<number>` appended (again, in the odd case that a
    /// URL of the file was literally `<url>#<number>`), so that every key of
    /// the file is unique and depends only on the file's content.
    pub(crate) fn key(&mut self, url: Option<&str>, number: usize) -> String {
        let mut key = match url {
            Some(url) => url.to_string(),
            None => format!("#{number}"),
        };
        while self.given.contains(&key) {
            key = format!("{key}#{number}");
        }
        self.given.insert(key.clone());
        key
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_urls_get_their_number() {
        let mut keys = Keys::default();
        assert_eq!(keys.key(Some("http://a/"), 1), "http://a/");
        assert_eq!(keys.key(None, 2), "#2");
        assert_eq!(keys.key(Some("http://a/#5"), 3), "http://a/#5");
        assert_eq!(keys.key(Some("http://a/"), 5), "http://a/#5#5");
        assert_eq!(keys.key(Some("http://a/"), 6), "http://a/#6");
    }
}

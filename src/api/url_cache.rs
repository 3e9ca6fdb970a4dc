//! The URLs a caller sends to, parsed once: an operation's URL is the same
//! on every call, and parsing it is a tenth of a keep-alive call's cost
//! (issue 19, B5). URLs with a query (which changes call to call) are not
//! kept.

use std::sync::RwLock;

use reqwest::Url;

/// More distinct URLs than a provider has operations: past it, URLs are
/// parsed per call again rather than kept without bound.
const MAX_KEPT: usize = 512;

#[derive(Default)]
pub(crate) struct UrlCache {
    parsed: RwLock<foldhash::HashMap<String, Url>>,
}

impl UrlCache {
    /// `url` parsed exactly as reqwest parses a URL given as text; `None`
    /// when it does not parse (the text is sent, for reqwest's own error).
    pub fn parse(&self, url: &str) -> Option<Url> {
        // A poisoned lock only means a panic elsewhere; the map is whole.
        if let Some(known) = self
            .parsed
            .read()
            .unwrap_or_else(|e| e.into_inner())
            .get(url)
        {
            return Some(known.clone());
        }
        let parsed = Url::parse(url).ok()?;
        let mut kept = self.parsed.write().unwrap_or_else(|e| e.into_inner());
        if kept.len() < MAX_KEPT {
            kept.insert(url.to_owned(), parsed.clone());
        }
        Some(parsed)
    }
}

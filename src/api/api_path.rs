//! What an operation's path may be (a default, or a config's override).

/// The grammar of an API path: `segment(/segment)*`, each segment one or
/// more of `[A-Za-z0-9_]`. Nothing a URL parser would reinterpret — `.`,
/// `%`, `?`, `#`, `\`, empty segments — can get through, so a name can never
/// leave `/openapi/` (`%2e%2e/` is refused, not decoded later).
pub fn is_api_path(path: &str) -> bool {
    !path.is_empty()
        && path.split('/').all(|segment| {
            !segment.is_empty()
                && segment
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'_')
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_segments_pass() {
        assert!(is_api_path("video/getStatus"));
        assert!(is_api_path("a_b/C9"));
        for bad in [
            "",
            "/a",
            "a/",
            "a//b",
            "a/../b",
            "a/%2e%2e/b",
            "a?b",
            "a#b",
            "a\\b",
            "a.b",
        ] {
            assert!(!is_api_path(bad), "{bad:?}");
        }
    }
}

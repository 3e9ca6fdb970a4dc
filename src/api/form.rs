//! `application/x-www-form-urlencoded` text of a parameter set, for bodies
//! and query strings, written by `form_urlencoded` into one buffer sized up
//! front (issue 19, B5: the per-call cost of growing it shows).

use crate::params::Params;

pub(crate) fn form_text(params: &Params) -> String {
    let len: usize = params.iter().map(|(k, v)| k.len() + v.len() + 2).sum();
    // Room for a few escapes before the buffer grows.
    let mut out = String::with_capacity(len + len / 4);
    for (i, (key, value)) in params.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        append_encoded(&mut out, key);
        out.push('=');
        append_encoded(&mut out, value);
    }
    out
}

/// `text` as `form_urlencoded` writes it. Text with nothing to escape (ids,
/// numbers, timestamps, signatures: most of a call's) is copied whole: run
/// byte by byte through the encoder's iterator, it was the largest cost of
/// a call's own code under callgrind (issue 19, B5).
fn append_encoded(out: &mut String, text: &str) {
    if is_unreserved(text) {
        out.push_str(text);
    } else {
        out.extend(form_urlencoded::byte_serialize(text.as_bytes()));
    }
}

/// Text `form_urlencoded` writes as it is: ASCII letters, digits, `*-._`.
fn is_unreserved(text: &str) -> bool {
    text.bytes()
        .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'*' | b'-' | b'.' | b'_'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_are_written_as_the_providers_read_them() {
        let cases: [(Params, &str); 4] = [
            (Params::new(), ""),
            ([("a", "")].into_iter().collect(), "a="),
            (
                [("k y", "视频 a&b=c+d%"), ("x", "1")].into_iter().collect(),
                "k+y=%E8%A7%86%E9%A2%91+a%26b%3Dc%2Bd%25&x=1",
            ),
            (
                [("safe", "Az09*-._"), ("emoji", "😀~!'()")]
                    .into_iter()
                    .collect(),
                "safe=Az09*-._&emoji=%F0%9F%98%80%7E%21%27%28%29",
            ),
        ];
        for (params, text) in &cases {
            assert_eq!(form_text(params), *text, "{params:?}");
        }
    }
}

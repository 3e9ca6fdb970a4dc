//! `application/x-www-form-urlencoded` text of a parameter set, for bodies
//! and query strings, written by `form_urlencoded` into one buffer sized up
//! front (issue 19, B5: the per-call cost of growing it shows).

use crate::params::Params;

pub(crate) fn form_text(params: &Params) -> String {
    let len: usize = params.iter().map(|(k, v)| k.len() + v.len() + 2).sum();
    // Room for a few escapes before the buffer grows.
    let buffer = String::with_capacity(len + len / 4);
    form_urlencoded::Serializer::new(buffer)
        .extend_pairs(params.iter())
        .finish()
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

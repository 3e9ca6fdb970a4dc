//! Baijiayun's request signature (`sign`).

use md5::{Digest, Md5};

use crate::hex::hex;

/// Signs a parameter set by Baijiayun's rule: every parameter except `sign`
/// itself, keys sorted by byte order (uppercase before lowercase), joined as
/// `k=v` with `&` using the raw UTF-8 values (no URL encoding), then
/// `&partner_key=KEY` appended; the lowercase hex MD5 of that string.
///
/// Empty and `0` values are signed exactly as sent: the signature must cover
/// the set that goes on the wire. File parts are not parameters and are never
/// passed here.
///
/// ```
/// let sign = vodkit::baijiayun::sign(
///     [("partner_id", "12345"), ("video_id", "456"), ("timestamp", "1596096142")],
///     "8jewu3j93jjewi3jwj90093jkyu",
/// );
/// assert_eq!(sign.len(), 32);
/// ```
pub fn sign<K, V>(params: impl IntoIterator<Item = (K, V)>, partner_key: &str) -> String
where
    K: AsRef<str>,
    V: AsRef<str>,
{
    let mut pairs: Vec<(K, V)> = params
        .into_iter()
        .filter(|(k, _)| k.as_ref() != "sign")
        .collect();
    // Byte order on UTF-8 is code point order, the same as PHP's ksort on
    // these ASCII keys; a stable sort keeps duplicate keys in sent order.
    pairs.sort_by(|a, b| a.0.as_ref().as_bytes().cmp(b.0.as_ref().as_bytes()));
    // The parameters are joined first and hashed in one update (an update
    // per piece costs more than the hashing); the key never enters the
    // buffer, which is freed without being wiped.
    let len: usize = pairs
        .iter()
        .map(|(k, v)| k.as_ref().len() + v.as_ref().len() + 2)
        .sum();
    let mut joined = String::with_capacity(len + "partner_key=".len());
    for (k, v) in &pairs {
        joined.push_str(k.as_ref());
        joined.push('=');
        joined.push_str(v.as_ref());
        joined.push('&');
    }
    joined.push_str("partner_key=");
    let mut hasher = Md5::new();
    hasher.update(joined.as_bytes());
    hasher.update(partner_key.as_bytes());
    hex(&hasher.finalize())
}

#[cfg(test)]
mod tests {
    use super::*;

    const ORACLE_KEY: &str =
        "rLkIPaQjxSwRQmC/ITnHh8i2rifmmbFIVsYw03SSi24zAnkrAd0ZNb2rcTzI2avy7+AmNJDdLmzU89zKUAP3Xg==";

    #[test]
    fn published_oracle_vector() {
        // PROVIDERS.md §1: the provider's own test vector, given out of order.
        let params = [
            ("title", "测试教室"),
            ("type", "2"),
            ("timestamp", "1501572288"),
            ("start_time", "1501575608"),
            ("partner_id", "12345678"),
            ("end_time", "1501579208"),
        ];
        assert_eq!(sign(params, ORACLE_KEY), "5b78486597c679b0c6256da014af1260");
    }

    fn md5_hex(s: &str) -> String {
        crate::hex::md5_hex(s.as_bytes())
    }

    #[test]
    fn byte_order_puts_uppercase_first_and_signs_empty_and_zero() {
        let params = [
            ("b", "0"),
            ("a", ""),
            ("B", "x"),
            ("_z", "1"),
            ("sign", "ignored"),
        ];
        let expected = md5_hex("B=x&_z=1&a=&b=0&partner_key=k");
        assert_eq!(sign(params, "k"), expected);
    }

    /// Long values sign as the joined text.
    #[test]
    fn long_values_sign_as_joined_text() {
        for len in [0, 1, 600] {
            let long = "x".repeat(len);
            let params = [("a", "1"), ("b", long.as_str()), ("c", "2")];
            let expected = md5_hex(&format!("a=1&b={long}&c=2&partner_key=k"));
            assert_eq!(sign(params, "k"), expected, "{len}");
        }
    }

    #[test]
    fn utf8_values_are_signed_raw() {
        let params = [("name", "视频 a&b=c")];
        let expected = md5_hex("name=视频 a&b=c&partner_key=k");
        assert_eq!(sign(params, "k"), expected);
    }
}

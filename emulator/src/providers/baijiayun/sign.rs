//! The provider's signature rule, written here independently of the SDK's so
//! that a bug in one is caught by the other instead of being mirrored.

use md5::{Digest, Md5};

pub(crate) fn sign<'a>(
    fields: impl Iterator<Item = (&'a String, &'a String)>,
    key: &str,
) -> String {
    let mut pairs: Vec<_> = fields.collect();
    pairs.sort_by(|a, b| a.0.as_bytes().cmp(b.0.as_bytes()));
    let mut s = String::new();
    for (k, v) in pairs {
        s.push_str(k);
        s.push('=');
        s.push_str(v);
        s.push('&');
    }
    s.push_str("partner_key=");
    s.push_str(key);
    Md5::digest(s.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

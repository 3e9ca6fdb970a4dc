//! `application/x-www-form-urlencoded` text of a parameter set, for bodies
//! and query strings: exactly what `form_urlencoded::Serializer` writes
//! (ASCII letters, digits and `*-._` as they are, space as `+`, every other
//! byte as uppercase `%XX`), written into one buffer sized up front rather
//! than byte by byte through its iterators (issue 19, B5).

use crate::params::Params;

pub(crate) fn form_text(params: &Params) -> String {
    let len: usize = params.iter().map(|(k, v)| k.len() + v.len() + 2).sum();
    // Room for a few escapes before the buffer grows.
    let mut out = String::with_capacity(len + len / 4);
    for (i, (key, value)) in params.iter().enumerate() {
        if i > 0 {
            out.push('&');
        }
        encode_into(&mut out, key);
        out.push('=');
        encode_into(&mut out, value);
    }
    out
}

fn encode_into(out: &mut String, text: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    let bytes = text.as_bytes();
    let mut start = 0;
    for (i, &b) in bytes.iter().enumerate() {
        if is_unreserved(b) {
            continue;
        }
        // A run of unreserved ASCII starts on a character boundary (an
        // ASCII byte never continues a character); an empty one may not.
        if start < i {
            out.push_str(&text[start..i]);
        }
        start = i + 1;
        if b == b' ' {
            out.push('+');
        } else {
            out.push('%');
            out.push(char::from(HEX[usize::from(b >> 4)]));
            out.push(char::from(HEX[usize::from(b & 15)]));
        }
    }
    // The end of the text, or a run of ASCII: a boundary either way.
    out.push_str(&text[start..]);
}

fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'*' | b'-' | b'.' | b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reference(params: &Params) -> String {
        form_urlencoded::Serializer::new(String::new())
            .extend_pairs(params.iter())
            .finish()
    }

    #[test]
    fn every_byte_is_written_as_form_urlencoded_writes_it() {
        let every_char: String = (0u32..0x800).filter_map(char::from_u32).collect();
        let cases: Vec<Params> = vec![
            Params::new(),
            [("a", "")].into_iter().collect(),
            [("k y", "视频 a&b=c+d%"), ("x", "1")].into_iter().collect(),
            [("all", every_char.as_str()), ("emoji", "😀~!'()")]
                .into_iter()
                .collect(),
        ];
        for params in &cases {
            assert_eq!(form_text(params), reference(params), "{params:?}");
        }
    }
}

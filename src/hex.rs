//! Digests as providers print them: lowercase hex. One place for the SDK's
//! signatures (Baijiayun's md5 `sign`), range receipts and checkpoints.

/// Lowercase hex of `bytes`.
pub(crate) fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    // Written as characters (ASCII), so no UTF-8 check of the result.
    let mut digits = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        digits.push(char::from(DIGITS[usize::from(b >> 4)]));
        digits.push(char::from(DIGITS[usize::from(b & 15)]));
    }
    digits
}

/// The MD5 of `bytes`, lowercase hex (tests' expected values).
#[cfg(test)]
pub(crate) fn md5_hex(bytes: &[u8]) -> String {
    use md5::{Digest, Md5};
    hex(&Md5::digest(bytes))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lowercase_two_digits_per_byte() {
        assert_eq!(hex(&[0x00, 0x0f, 0xa0, 0xff]), "000fa0ff");
        assert_eq!(md5_hex(b""), "d41d8cd98f00b204e9800998ecf8427e");
    }
}

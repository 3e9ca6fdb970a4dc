//! A fast hash for the call loop's lookup tables (parsed URLs, models'
//! property names), which are read on every call: the standard SipHash
//! resists keys chosen to collide, which these (the SDK's own URLs and
//! types) are not, and costs a few hundred instructions a lookup (issue 19,
//! B5). The multiply-rotate step is rustc's own `FxHasher`.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// A map keyed by the SDK's own values.
pub(crate) type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

#[derive(Default)]
pub(crate) struct FastHasher {
    hash: u64,
}

/// An odd constant with well-mixed bits (rustc-hash's).
const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

impl FastHasher {
    fn add(&mut self, word: u64) {
        self.hash = (self.hash.rotate_left(5) ^ word).wrapping_mul(SEED);
    }
}

impl Hasher for FastHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut w = [0; 8];
            w.copy_from_slice(word);
            self.add(u64::from_le_bytes(w));
        }
        for &b in words.remainder() {
            self.add(u64::from(b));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        self.hash
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Keys differing in one byte anywhere, and in length, land apart.
    #[test]
    fn near_keys_hash_apart() {
        let hash = |s: &str| {
            let mut h = FastHasher::default();
            std::hash::Hash::hash(s, &mut h);
            h.finish()
        };
        let base = "https://acme.at.baijiayun.com/openapi/video/getStatus";
        let mut seen = std::collections::HashSet::new();
        assert!(seen.insert(hash(base)));
        assert!(seen.insert(hash(&base[..base.len() - 1])));
        assert!(seen.insert(hash("")));
        for i in 0..base.len() {
            let mut bytes = base.as_bytes().to_vec();
            bytes[i] ^= 1;
            let near = String::from_utf8(bytes).unwrap();
            assert!(seen.insert(hash(&near)), "{near}");
        }
        let mut map: FastMap<String, usize> = FastMap::default();
        for i in 0..1000 {
            map.insert(format!("{base}{i}"), i);
        }
        assert!((0..1000).all(|i| map[&format!("{base}{i}")] == i));
    }
}

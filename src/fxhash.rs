//! A fast hasher for the crate's own maps and sets.
//!
//! The checks key their maps by spans, offsets, short labels and concept
//! names, over a million look-ups a corpus: std's SipHash cost more there
//! than the maps' own work. This hasher takes a word of the key at a time
//! and mixes it with one folded multiply (the 128-bit product's halves
//! xored, as foldhash does), under a key and a starting state drawn at
//! random once per process.
//!
//! Why keyed: many keys are the document's own text (style attributes,
//! row labels), and a document can be written by an attacker. A plain
//! multiply-and-xor hash (rustc's FxHash) with a fixed state lets anyone
//! write any number of colliding keys (two words whose top bits are both
//! flipped hash alike), and a map of colliding keys turns each look-up
//! into a walk over all of them: a hostile exhibit of a few megabytes
//! could stall a batch for minutes. The folded multiply under a secret
//! key leaves no collision that holds whatever the key. Nothing here
//! iterates a map into output in its hash order, so the random key changes
//! no result (std's own maps are randomized the same way).

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasher, BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A `HashMap` hashed with [`FxHasher`].
pub type FxHashMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
/// A `HashSet` hashed with [`FxHasher`].
pub type FxHashSet<T> = HashSet<T, BuildHasherDefault<FxHasher>>;

/// One folded multiply per word, under the process's random key.
#[derive(Debug, Clone, Copy)]
pub struct FxHasher {
    hash: u64,
    key: u64,
    finish_key: u64,
}

/// The process's keys and starting state, from std's own random source.
fn seeds() -> (u64, u64, u64) {
    static SEEDS: OnceLock<(u64, u64, u64)> = OnceLock::new();
    *SEEDS.get_or_init(|| {
        let random = std::collections::hash_map::RandomState::new();
        // An odd key keeps the product's low half a bijection of the state.
        (
            random.hash_one(0u64) | 1,
            random.hash_one(1u64),
            random.hash_one(2u64) | 1,
        )
    })
}

/// The 128-bit product's halves xored.
#[inline]
fn folded_multiply(a: u64, b: u64) -> u64 {
    let p = u128::from(a) * u128::from(b);
    (p as u64) ^ ((p >> 64) as u64)
}

impl Default for FxHasher {
    #[inline]
    fn default() -> FxHasher {
        let (key, hash, finish_key) = seeds();
        FxHasher {
            hash,
            key,
            finish_key,
        }
    }
}

impl FxHasher {
    #[inline]
    fn add(&mut self, word: u64) {
        self.hash = folded_multiply(self.hash ^ word, self.key);
    }
}

impl Hasher for FxHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            self.add(u64::from_le_bytes(w));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // The length goes in with the last bytes, so that "a" and
            // "a\0" differ.
            let mut w = [0u8; 8];
            w[..rest.len()].copy_from_slice(rest);
            self.add(u64::from_le_bytes(w) ^ ((rest.len() as u64) << 59));
        }
    }

    #[inline]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u16(&mut self, n: u16) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    /// One more folded multiply: the bucket index is the hash's low bits,
    /// and after a single multiply the high half xored into them leaves
    /// one key in six spreading consecutive integers over barely half the
    /// buckets (a simulation over 3,000 keys: as few as 78 of 1,024 for
    /// 1,000 keys); folded again, none under 600.
    #[inline]
    fn finish(&self) -> u64 {
        folded_multiply(self.hash, self.finish_key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn hash<T: std::hash::Hash>(t: T) -> u64 {
        BuildHasherDefault::<FxHasher>::default().hash_one(t)
    }

    #[test]
    fn equal_keys_hash_equal_and_near_keys_differ() {
        assert_eq!(hash("net income"), hash(String::from("net income")));
        assert_ne!(hash("a"), hash("a\0"));
        assert_ne!(hash((1usize, 2usize)), hash((2usize, 1usize)));
        // 1,000 keys in 1,024 buckets fill 639 on average, give or take 8.
        let buckets: HashSet<u64> = (0..1000usize).map(|i| hash(i) & 1023).collect();
        assert!(buckets.len() > 560, "{}", buckets.len());
    }

    /// The collision a multiply-and-xor hash with a fixed state has for
    /// every key: flip the top bit of two consecutive words. Keyed by the
    /// folded multiply, those keys land in different buckets.
    #[test]
    fn keys_built_to_collide_do_not() {
        let key = |flips: u64| -> Vec<u8> {
            let mut bytes = Vec::new();
            for i in 0..16u64 {
                let mut w = 0x2020_2020_2020_2020u64 + i;
                if flips >> (i / 2) & 1 == 1 {
                    w ^= 1 << 63;
                }
                bytes.extend_from_slice(&w.to_le_bytes());
            }
            bytes
        };
        let hashes: HashSet<u64> = (0..256u64).map(|f| hash(key(f).as_slice())).collect();
        assert_eq!(hashes.len(), 256);
        let buckets: HashSet<u64> = (0..256u64)
            .map(|f| hash(key(f).as_slice()) & 1023)
            .collect();
        assert!(buckets.len() > 150, "{}", buckets.len());
    }
}

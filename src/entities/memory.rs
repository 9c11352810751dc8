//! The name memory: names seen in the training data, stored in the model as hashes.

use std::borrow::Cow;

use super::features::FastMap;
use crate::entities::gazetteer::{longest_matches_from, GazMatch};
use crate::entities::model::{encode_keys, read_keys, Keys};
use crate::entities::phrase_table::PhraseHash;

/// Names seen in the training data with their types: a gazetteer learned from the corpus.
/// During training each document sees a memory built from the other folds only, so the model
/// learns how far to trust a remembered name, as it must on new text. Names are kept only as
/// 32-bit hashes (of each phrase and its beginnings), so the model holds no corpus text.
#[derive(Default, Clone)]
pub struct Memory {
    /// Names added in training.
    phrases: FastMap<u32, u8>,
    /// Or, as stored in a model, `LXMEM02\n`: a key table ([`encode_keys`]) of the hashes and
    /// their bits in rank order, used in place.
    stored: Cow<'static, [u8]>,
}

const MEMORY_MAGIC: &[u8; 8] = b"LXMEM02\n";

/// Marks a hash that is only the beginning of a longer remembered name.
const MEMORY_PREFIX: u8 = 128;
const MEMORY_MAX_LEN: usize = 6;

impl Memory {
    /// Adds a name (its tokens) of type `type_idx`.
    pub fn add(&mut self, toks: &[&str], type_idx: usize) {
        let Some(bit) = 1u8.checked_shl(type_idx as u32).filter(|b| *b < 16) else {
            return;
        };
        if toks.is_empty() || toks.len() > MEMORY_MAX_LEN {
            return;
        }
        let mut h = PhraseHash::default();
        for (n, t) in toks.iter().enumerate() {
            h.push(t, n == 0);
            let flag = if n + 1 == toks.len() {
                bit
            } else {
                MEMORY_PREFIX
            };
            *self.phrases.entry(h.key32()).or_insert(0) |= flag;
        }
    }

    pub fn len(&self) -> usize {
        match read_keys(&self.stored, 8) {
            Some((keys, _)) => keys.len(),
            None => self.phrases.len(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The remembered names in `words` (the tagger uses [`Memory::matches_from`]).
    #[cfg(test)]
    pub(super) fn matches(&self, words: &[&str]) -> Vec<GazMatch> {
        self.matches_from(words, |i| {
            let h = super::gazetteer::first_hash(words.get(i).copied().unwrap_or(""));
            (h, self.first(h))
        })
    }

    /// The bits of the phrase with hash `h` (0: none), in the table `stored` read.
    fn get(&self, stored: Option<(Keys<'_>, usize)>, h: PhraseHash) -> u8 {
        let key = h.key32();
        let found = match stored {
            Some((keys, values)) => keys
                .find(key)
                .and_then(|r| self.stored.get(values + r).copied()),
            None => self.phrases.get(&key).copied(),
        };
        found.unwrap_or(0)
    }

    /// What one word alone finds (`h` its [`first_hash`](super::gazetteer::first_hash)): see
    /// [`Memory::matches_from`].
    pub(super) fn first(&self, h: PhraseHash) -> u8 {
        self.get(read_keys(&self.stored, 8), h)
    }

    /// [`Memory::matches`] with each word's first hash and [`Memory::first`] given.
    pub(super) fn matches_from(
        &self,
        words: &[&str],
        first: impl Fn(usize) -> (PhraseHash, u8),
    ) -> Vec<GazMatch> {
        let stored = read_keys(&self.stored, 8);
        longest_matches_from(words, MEMORY_MAX_LEN, MEMORY_PREFIX, first, |h| {
            self.get(stored, h)
        })
    }

    /// The stored form (`LXMEM02\n`, a key table, the bits in rank order).
    pub fn to_bytes(&self) -> Vec<u8> {
        if !self.stored.is_empty() {
            return self.stored.to_vec();
        }
        let mut entries: Vec<(u32, u8)> = self.phrases.iter().map(|(k, b)| (*k, *b)).collect();
        entries.sort_unstable();
        let keys: Vec<u32> = entries.iter().map(|e| e.0).collect();
        let (table, order) = encode_keys(&keys);
        let mut out = MEMORY_MAGIC.to_vec();
        out.extend_from_slice(&table);
        out.extend(order.iter().filter_map(|&i| entries.get(i).map(|e| e.1)));
        out
    }

    /// Uses the stored form in place; older forms are converted.
    pub fn from_static(bytes: &'static [u8]) -> Option<Memory> {
        if bytes.starts_with(MEMORY_MAGIC) {
            Memory::from_stored(Cow::Borrowed(bytes))
        } else {
            Memory::from_bytes(bytes)
        }
    }

    fn from_stored(stored: Cow<'static, [u8]>) -> Option<Memory> {
        let (keys, values) = read_keys(stored.get(8..)?, 0)?;
        (values.checked_add(keys.len())? + 8 == stored.len()).then_some(())?;
        Some(Memory {
            phrases: FastMap::default(),
            stored,
        })
    }

    /// Reads the stored form, or the older one (u32 count, then per entry sorted by hash: the
    /// hash as a LEB128 delta and the type bits).
    pub fn from_bytes(bytes: &[u8]) -> Option<Memory> {
        if bytes.starts_with(MEMORY_MAGIC) {
            return Memory::from_stored(Cow::Owned(bytes.to_vec()));
        }
        let n = u32::from_le_bytes(bytes.get(..4)?.try_into().ok()?) as usize;
        if n > bytes.len() {
            return None;
        }
        let mut m = Memory::default();
        let mut pos = 4;
        let mut key = 0u32;
        for _ in 0..n {
            let mut d = 0u32;
            let mut shift = 0u32;
            loop {
                let b = *bytes.get(pos)?;
                pos += 1;
                d |= u32::from(b & 0x7f).checked_shl(shift)?;
                if b & 0x80 == 0 {
                    break;
                }
                shift += 7;
                if shift > 28 {
                    return None;
                }
            }
            key = key.checked_add(d)?;
            let bits = *bytes.get(pos)?;
            pos += 1;
            m.phrases.insert(key, bits);
        }
        (pos == bytes.len()).then_some(m)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn memory_matches_round_trips_and_rejects_garbage() {
        let mut m = Memory::default();
        m.add(&["Norwich", "City"], 1);
        m.add(&["Norwich"], 2);
        let got = m.matches(&["at", "Norwich", "City", "today"]);
        assert_eq!(got[1].begin, 0b110);
        assert_eq!(got[2].inside, 0b010);
        assert_eq!(got[0], GazMatch::default());
        let bytes = m.to_bytes();
        let back = Memory::from_bytes(&bytes).unwrap();
        assert_eq!(
            back.matches(&["Norwich", "City"]),
            m.matches(&["Norwich", "City"])
        );
        assert!(Memory::from_bytes(&bytes[..bytes.len() - 1]).is_none());
        assert!(Memory::from_bytes(b"\xff\xff\xff\xff").is_none());
        // Only hashes are stored, never the names.
        assert!(!bytes.windows(7).any(|w| w == b"Norwich"));
    }
}

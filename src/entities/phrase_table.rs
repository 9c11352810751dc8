//! A phrase -> bits table stored as bytes that are used in place (no parsing at load): the
//! gazetteers are compiled into it by `build.rs` and embedded with `include_bytes!`.
//!
//! This file is also compiled into `build.rs` (via `#[path]`), so it uses only `std`.
//!
//! Format: magic `LXPHR02\n`, u32 `b` (the table has 2^b slots), then 2^b little-endian u32
//! slots, linear probing. A slot is 0 when free, else `fingerprint | bits << 24`; slots are
//! stored inverted (free = all ones), because wasm-opt splits data segments at runs of zero
//! bytes, which costs more in the gzipped module than it saves. A phrase's
//! 64-bit hash picks its home slot (top `b` bits) and a 24-bit fingerprint (low bits, never 0):
//! together 41 hash bits, so a false match has probability ~2^-24 per probed slot; with ~90k
//! phrases at under 70% load, that is well under one in a million lookups.

pub const MAGIC: &[u8; 8] = b"LXPHR02\n";
const HEADER: usize = 12;
const FP_MASK: u32 = 0x00ff_ffff;

/// Incremental hash of a phrase: its tokens joined by one space (FNV-1a, then a final mix).
#[derive(Clone, Copy)]
pub struct PhraseHash(u64);

impl Default for PhraseHash {
    fn default() -> Self {
        PhraseHash(0xcbf2_9ce4_8422_2325)
    }
}

impl PhraseHash {
    /// Appends a token (`first`: no space before it).
    pub fn push(&mut self, token: &str, first: bool) {
        if !first {
            self.eat(b' ');
        }
        for &b in token.as_bytes() {
            self.eat(b);
        }
    }

    fn eat(&mut self, b: u8) {
        self.0 ^= u64::from(b);
        self.0 = self.0.wrapping_mul(0x0000_0100_0000_01b3);
    }

    /// A 32-bit key from the raw FNV state (never 0): the name memory's keys are stored this way.
    pub fn key32(self) -> u32 {
        ((self.0 ^ (self.0 >> 32)) as u32).max(1)
    }

    /// The mixed 64-bit hash (splitmix64 finaliser: FNV's high bits alone are weak).
    pub fn finish(self) -> u64 {
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
}

fn fingerprint(h: u64) -> u32 {
    ((h as u32) & FP_MASK).max(1)
}

fn home(h: u64, b: u32) -> usize {
    (h >> (64 - b)) as usize
}

/// Builds the table from (phrase hash, bits) pairs; bits of equal hashes are or-ed.
pub fn build(entries: &[(u64, u8)]) -> Vec<u8> {
    let mut merged: Vec<(u64, u8)> = entries.to_vec();
    merged.sort_unstable_by_key(|e| e.0);
    merged.dedup_by(|later, kept| {
        let same = later.0 == kept.0;
        if same {
            kept.1 |= later.1;
        }
        same
    });
    let entries = merged;
    let mut b = 4u32;
    // At most ~70% full, so probe runs stay short.
    while (1usize << b) * 7 < entries.len() * 10 {
        b += 1;
    }
    let cap = 1usize << b;
    let mut slots = vec![0u32; cap];
    for &(h, bits) in &entries {
        let fp = fingerprint(h);
        let mut s = home(h, b);
        loop {
            let slot = &mut slots[s];
            if *slot == 0 {
                *slot = fp | u32::from(bits) << 24;
                break;
            }
            if *slot & FP_MASK == fp {
                *slot |= u32::from(bits) << 24;
                break;
            }
            s = (s + 1) & (cap - 1);
        }
    }
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&b.to_le_bytes());
    for s in slots {
        out.extend_from_slice(&(!s).to_le_bytes());
    }
    out
}

/// A built table, borrowed from its bytes.
#[derive(Clone, Copy)]
pub struct PhraseTable<'a> {
    slots: &'a [u8],
    bits: u32,
}

impl<'a> PhraseTable<'a> {
    /// Checks the header and size; `None` if the bytes are not a table.
    pub fn new(bytes: &'a [u8]) -> Option<Self> {
        if bytes.get(..8)? != MAGIC {
            return None;
        }
        let bits = u32::from_le_bytes(bytes.get(8..HEADER)?.try_into().ok()?);
        if !(1..=30).contains(&bits) {
            return None;
        }
        let slots = bytes.get(HEADER..)?;
        (slots.len() == 4 << bits).then_some(PhraseTable { slots, bits })
    }

    /// The bits stored for the phrase with hash `h` (0: not there).
    pub fn get(&self, h: u64) -> u8 {
        let fp = fingerprint(h);
        let mask = (1usize << self.bits) - 1;
        let mut s = home(h, self.bits);
        // Bounded: a full table (impossible when built here) still ends.
        for _ in 0..=mask {
            let Some(x) = self.slots.get(s * 4..s * 4 + 4) else {
                return 0;
            };
            let v = !u32::from_le_bytes(x.try_into().unwrap_or([!0; 4]));
            if v == 0 {
                return 0;
            }
            if v & FP_MASK == fp {
                return (v >> 24) as u8;
            }
            s = (s + 1) & mask;
        }
        0
    }
}

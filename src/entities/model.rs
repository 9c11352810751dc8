//! The linear sequence model: per-feature tag weights, tag transitions, Viterbi decoding, and
//! the compact binary format it is stored in (`models/ner.bin`).
//!
//! The format is the in-memory layout, so the committed model is used in place from its
//! `include_bytes!` bytes: loading reads a header and the transitions, nothing per feature.
//! Little-endian: magic `LXNER04\n`, u32 tag count T, f32 scale, (T+1)*T f32 transitions
//! (row 0 = sentence start), u32 `b` (2^b slots, b >= 16), u32 feature count n, then
//! - 2^b/64 u64 occupancy words and 2^b/64 u32 counts of occupied slots before each word: an
//!   open-addressing table (linear probing) over `h = id * 0x9E3779B1` (a bijection) with home
//!   slot = the top b bits of h; an occupied slot's rank among occupied slots indexes the rest.
//! - n u16 fingerprints (the low 16 bits of h), n u8 displacements (distance from home + 1),
//!   then n rows of T i8 weights (weight = i8 * scale, stored xor 0x80), all in slot order. Home and fingerprint
//!   together give all 32 bits of h, so a match is exact. (Separate arrays compress better
//!   than interleaved records.)
//!
//! `LXNER02\n` (sparse rows, sorted ids) is still read, by building the table.

use std::borrow::Cow;

use super::tags::{allowed, allowed_end, NUM_TAGS};

const MAGIC: &[u8; 8] = b"LXNER04\n";
/// Weights are stored xor this, so zero weights are not zero bytes: wasm-opt splits data
/// segments at runs of zeros, which costs more in the gzipped module than the zeros save.
const ROW_XOR: u8 = 0x80;
const MAGIC_V2: &[u8; 8] = b"LXNER02\n";
const HASH_MUL: u32 = 0x9E37_79B1;
const MIN_BITS: u32 = 16;
/// Byte offset of `b`: after magic, T, scale and the transitions.
const TABLE_AT: usize = 16 + (NUM_TAGS + 1) * NUM_TAGS * 4;

pub struct Model {
    /// (T+1) x T: `trans[0][t]` starts a sentence with t, `trans[p+1][t]` follows p.
    pub trans: Vec<[f32; NUM_TAGS]>,
    /// The whole model in the format above (borrowed from the binary for the committed one).
    data: Cow<'static, [u8]>,
    n: usize,
    rows_at: usize,
    scale: f32,
    preds: Predecessors,
}

fn quantise(w: &[f32; NUM_TAGS], scale: f32) -> [i8; NUM_TAGS] {
    w.map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8)
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(
        b.get(at..at.checked_add(4)?)?.try_into().ok()?,
    ))
}

/// An exact table of distinct non-zero u32 keys (the model's feature ids, the memory's name
/// hashes), as bytes: u32 `b`, u32 n, occupancy words, ranks, fingerprints, displacements (see
/// the module docs). Returns the bytes and, per rank, the index of its key in `keys`.
pub fn encode_keys(keys: &[u32]) -> (Vec<u8>, Vec<usize>) {
    let mut bits = MIN_BITS;
    while (1usize << bits) < keys.len() * 4 {
        bits += 1;
    }
    // Slot -> (fingerprint, displacement, key index); grow until every displacement fits a u8.
    let slots = loop {
        let cap = 1usize << bits;
        let mut slots: Vec<Option<(u16, u8, usize)>> = vec![None; cap];
        let mut fits = true;
        'keys: for (i, k) in keys.iter().enumerate() {
            let h = k.wrapping_mul(HASH_MUL);
            let mut s = (h >> (32 - bits)) as usize;
            for d in 1..=255u8 {
                if let Some(slot @ None) = slots.get_mut(s) {
                    *slot = Some((h as u16, d, i));
                    continue 'keys;
                }
                s = (s + 1) & (cap - 1);
            }
            fits = false;
            break;
        }
        if fits {
            break slots;
        }
        bits += 1;
    };
    let mut out = Vec::new();
    out.extend_from_slice(&bits.to_le_bytes());
    out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
    let mut counts = Vec::new();
    let mut seen = 0u32;
    for chunk in slots.chunks(64) {
        counts.push(seen);
        let mut w = 0u64;
        for (j, s) in chunk.iter().enumerate() {
            if s.is_some() {
                w |= 1 << j;
                seen += 1;
            }
        }
        out.extend_from_slice(&w.to_le_bytes());
    }
    for c in counts {
        out.extend_from_slice(&c.to_le_bytes());
    }
    for &(fp, _, _) in slots.iter().flatten() {
        out.extend_from_slice(&fp.to_le_bytes());
    }
    out.extend(slots.iter().flatten().map(|s| s.1));
    (out, slots.iter().flatten().map(|s| s.2).collect())
}

/// Where a key table written by [`encode_keys`] at byte `at` of `b` ends, with its parts.
pub fn read_keys(b: &[u8], at: usize) -> Option<(Keys<'_>, usize)> {
    let bits = u32_at(b, at)?;
    let n = u32_at(b, at.checked_add(4)?)? as usize;
    if !(MIN_BITS..=28).contains(&bits) {
        return None;
    }
    let words = (1usize << bits) / 64;
    let occ = at + 8;
    let rank = occ.checked_add(words * 8)?;
    let fp = rank.checked_add(words * 4)?;
    let disp = fp.checked_add(n.checked_mul(2)?)?;
    let end = disp.checked_add(n)?;
    let keys = Keys {
        occ: b.get(occ..rank)?,
        rank: b.get(rank..fp)?,
        fp: b.get(fp..disp)?,
        disp: b.get(disp..end)?,
        bits,
        n,
    };
    Some((keys, end))
}

/// Lays out quantised features (ids != 0, first of equal ids kept) in the format above.
fn encode(trans: &[[f32; NUM_TAGS]], feats: &[(u32, [i8; NUM_TAGS])], scale: f32) -> Vec<u8> {
    let mut feats: Vec<(u32, [i8; NUM_TAGS])> =
        feats.iter().filter(|f| f.0 != 0).copied().collect();
    feats.sort_by_key(|f| f.0);
    feats.dedup_by_key(|f| f.0);
    let ids: Vec<u32> = feats.iter().map(|f| f.0).collect();
    let (table, order) = encode_keys(&ids);
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(NUM_TAGS as u32).to_le_bytes());
    out.extend_from_slice(&scale.to_le_bytes());
    for r in 0..=NUM_TAGS {
        let row = trans.get(r).copied().unwrap_or([0.0; NUM_TAGS]);
        for x in row {
            out.extend_from_slice(&x.to_le_bytes());
        }
    }
    out.extend_from_slice(&table);
    for i in order {
        if let Some((_, w)) = feats.get(i) {
            out.extend(w.iter().map(|&x| x as u8 ^ ROW_XOR));
        }
    }
    out
}

impl Model {
    /// Builds a model from float weights, quantised in steps of `scale`; features whose
    /// weights all round to zero are dropped.
    pub fn new(
        trans: Vec<[f32; NUM_TAGS]>,
        feats: Vec<(u32, [f32; NUM_TAGS])>,
        scale: f32,
    ) -> Model {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        let q: Vec<(u32, [i8; NUM_TAGS])> = feats
            .iter()
            .map(|(k, w)| (*k, quantise(w, scale)))
            .filter(|(_, q)| q.iter().any(|&x| x != 0))
            .collect();
        Model::from_encoded(Cow::Owned(encode(&trans, &q, scale))).unwrap_or_else(|| Model {
            trans: vec![[0.0; NUM_TAGS]; NUM_TAGS + 1],
            data: Cow::Borrowed(&[]),
            n: 0,
            rows_at: 0,
            scale,
            preds: predecessors(&[]),
        })
    }

    /// Uses bytes in the current format in place (no copy); older formats are converted.
    pub fn from_static(bytes: &'static [u8]) -> Option<Model> {
        if bytes.starts_with(MAGIC) {
            Model::from_encoded(Cow::Borrowed(bytes))
        } else {
            Model::from_bytes(bytes)
        }
    }

    /// Parses the binary format; `None` when the bytes are not a valid model.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        if bytes.starts_with(MAGIC_V2) {
            let (trans, feats, scale) = parse_v2(bytes)?;
            return Model::from_encoded(Cow::Owned(encode(&trans, &feats, scale)));
        }
        Model::from_encoded(Cow::Owned(bytes.to_vec()))
    }

    /// Checks the header and sizes of the current format; reads only the transitions.
    fn from_encoded(data: Cow<'static, [u8]>) -> Option<Model> {
        let b: &[u8] = &data;
        if b.get(..8)? != MAGIC || u32_at(b, 8)? as usize != NUM_TAGS {
            return None;
        }
        let scale = f32::from_bits(u32_at(b, 12)?);
        if !scale.is_finite() {
            return None;
        }
        let mut trans = Vec::with_capacity(NUM_TAGS + 1);
        let mut at = 16;
        for _ in 0..=NUM_TAGS {
            let mut row = [0f32; NUM_TAGS];
            for x in row.iter_mut() {
                *x = f32::from_bits(u32_at(b, at)?);
                if !x.is_finite() {
                    return None;
                }
                at += 4;
            }
            trans.push(row);
        }
        let (keys, rows_at) = read_keys(b, TABLE_AT)?;
        let n = keys.n;
        if rows_at.checked_add(n.checked_mul(NUM_TAGS)?)? != b.len() {
            return None;
        }
        Some(Model {
            preds: predecessors(&trans),
            trans,
            data,
            n,
            rows_at,
            scale,
        })
    }

    /// The table and rows, sliced once per token rather than per lookup.
    #[inline]
    fn parts(&self) -> Option<(Keys<'_>, &[u8])> {
        let b: &[u8] = &self.data;
        let (keys, _) = read_keys(b, TABLE_AT)?;
        Some((keys, b.get(self.rows_at..)?))
    }

    /// The weight row of a feature id, if the model has it.
    fn quantised(&self, key: u32) -> Option<&[u8; NUM_TAGS]> {
        let (keys, rows) = self.parts()?;
        row(rows, keys.find(key)?)
    }

    /// The weights of one feature, if the model has it.
    pub fn weights(&self, key: u32) -> Option<[f32; NUM_TAGS]> {
        let q = self.quantised(key)?;
        let mut w = [0f32; NUM_TAGS];
        for (x, &y) in w.iter_mut().zip(q) {
            *x = f32::from((y ^ ROW_XOR) as i8) * self.scale;
        }
        Some(w)
    }

    /// Scores of each tag for a token with these features.
    pub fn emission(&self, feats: &[u32]) -> [f32; NUM_TAGS] {
        let mut acc = [0i32; NUM_TAGS];
        self.add_weights(feats, &mut acc);
        self.scaled(&acc)
    }

    /// Adds the quantised weights of `feats` to `acc` (exact: partial sums can be cached).
    pub fn add_weights(&self, feats: &[u32], acc: &mut [i32; NUM_TAGS]) {
        let Some((keys, rows)) = self.parts() else {
            return;
        };
        for &f in feats {
            if let Some(w) = keys.find(f).and_then(|r| row(rows, r)) {
                for (a, &x) in acc.iter_mut().zip(w) {
                    *a += i32::from((x ^ ROW_XOR) as i8);
                }
            }
        }
    }

    /// Quantised sums as scores.
    pub fn scaled(&self, acc: &[i32; NUM_TAGS]) -> [f32; NUM_TAGS] {
        acc.map(|a| a as f32 * self.scale)
    }

    /// Best tag sequence for one sentence.
    pub fn viterbi(&self, emissions: &[[f32; NUM_TAGS]]) -> Vec<usize> {
        viterbi_with(&self.trans, &self.preds, emissions, &[])
    }

    /// Best tag sequence for one sentence with O at the positions `forced` marks (their
    /// emissions are not read; `forced` may be empty).
    pub fn viterbi_forcing_o(&self, emissions: &[[f32; NUM_TAGS]], forced: &[bool]) -> Vec<usize> {
        viterbi_with(&self.trans, &self.preds, emissions, forced)
    }

    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// The model's bytes (the format above).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.data.to_vec()
    }
}

#[inline]
fn row(rows: &[u8], r: usize) -> Option<&[u8; NUM_TAGS]> {
    rows.get(r * NUM_TAGS..(r + 1) * NUM_TAGS)?.try_into().ok()
}

/// A key table read in place (see [`encode_keys`]).
#[derive(Clone, Copy)]
pub struct Keys<'a> {
    occ: &'a [u8],
    rank: &'a [u8],
    fp: &'a [u8],
    disp: &'a [u8],
    bits: u32,
    n: usize,
}

impl Keys<'_> {
    /// The rank of `key` (its row), if the table has it.
    #[inline]
    pub fn find(&self, key: u32) -> Option<usize> {
        let h = key.wrapping_mul(HASH_MUL);
        let fp = (h as u16).to_le_bytes();
        let mask = (1usize << self.bits) - 1;
        let mut s = (h >> (32 - self.bits)) as usize;
        for d in 1..=255u8 {
            let w = s / 64;
            let occ = u64::from_le_bytes(self.occ.get(8 * w..8 * w + 8)?.try_into().ok()?);
            let bit = 1u64 << (s % 64);
            if occ & bit == 0 {
                return None;
            }
            let before = u32_at(self.rank, 4 * w)? as usize;
            let r = before + (occ & (bit - 1)).count_ones() as usize;
            if *self.disp.get(r)? == d && self.fp.get(2 * r..2 * r + 2)? == fp {
                return Some(r);
            }
            s = (s + 1) & mask;
        }
        None
    }

    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }
}

type Quantised = (Vec<[f32; NUM_TAGS]>, Vec<(u32, [i8; NUM_TAGS])>, f32);

/// Reads `LXNER02\n`: header and transitions as above, u32 feature count, then per feature
/// sorted by id: the id as a LEB128 delta, a 3-byte mask of non-zero tags, one i8 per set bit.
fn parse_v2(bytes: &[u8]) -> Option<Quantised> {
    let mut r = Reader { b: bytes, pos: 0 };
    if r.take(8)? != MAGIC_V2 {
        return None;
    }
    if r.u32()? as usize != NUM_TAGS {
        return None;
    }
    let scale = r.f32()?;
    let mut trans = Vec::with_capacity(NUM_TAGS + 1);
    for _ in 0..=NUM_TAGS {
        let mut row = [0f32; NUM_TAGS];
        for x in row.iter_mut() {
            *x = r.f32()?;
        }
        trans.push(row);
    }
    let n = r.u32()? as usize;
    if n > bytes.len() {
        return None;
    }
    let mut feats = Vec::with_capacity(n);
    let mut id: u32 = 0;
    for _ in 0..n {
        id = id.checked_add(r.leb()?)?;
        let mask = u32::from_le_bytes([r.u8()?, r.u8()?, r.u8()?, 0]);
        let mut w = [0i8; NUM_TAGS];
        for (t, x) in w.iter_mut().enumerate() {
            if mask & (1 << t) != 0 {
                *x = r.u8()? as i8;
            }
        }
        feats.push((id, w));
    }
    (r.pos == bytes.len()).then_some((trans, feats, scale))
}

/// Legal predecessors of each tag with their transition scores, in tag order: most pairs are
/// illegal in BILOU, so Viterbi's inner loop is short. Fixed arrays: no pointer chasing.
pub struct Predecessors {
    count: [u8; NUM_TAGS],
    list: [[(u8, f32); NUM_TAGS]; NUM_TAGS],
    /// The tags that share tag 0's predecessors (O, B-*, U-* under BILOU) are scored side by
    /// side, one lane each (a loop the compiler turns into SIMD): lane l is tag `wide_t[l]`,
    /// `wide_tr[i][l]` the transition from `wide_p[i]` to it (-inf in unused lanes).
    wide_t: Vec<usize>,
    wide_p: Vec<u8>,
    wide_tr: Vec<[f32; LANES]>,
    /// The other tags, scored one by one.
    narrow: Vec<usize>,
}

const LANES: usize = 12;

pub fn predecessors(trans: &[[f32; NUM_TAGS]]) -> Predecessors {
    let mut p = Predecessors {
        count: [0; NUM_TAGS],
        list: [[(0, 0.0); NUM_TAGS]; NUM_TAGS],
        wide_t: Vec::new(),
        wide_p: Vec::new(),
        wide_tr: Vec::new(),
        narrow: Vec::new(),
    };
    for (t, (count, list)) in p.count.iter_mut().zip(p.list.iter_mut()).enumerate() {
        for q in (0..NUM_TAGS).filter(|&q| allowed(Some(q), t)) {
            if let Some(slot) = list.get_mut(usize::from(*count)) {
                *slot = (q as u8, trans.get(q + 1).map_or(0.0, |r| r[t]));
                *count += 1;
            }
        }
    }
    let preds_of = |t: usize| -> Vec<u8> {
        let k = usize::from(p.count[t]);
        p.list[t].iter().take(k).map(|x| x.0).collect()
    };
    let shared = preds_of(0);
    for t in 0..NUM_TAGS {
        if p.wide_t.len() < LANES && preds_of(t) == shared {
            p.wide_t.push(t);
        } else {
            p.narrow.push(t);
        }
    }
    for &q in &shared {
        let mut row = [f32::NEG_INFINITY; LANES];
        for (lane, &t) in row.iter_mut().zip(&p.wide_t) {
            *lane = trans.get(usize::from(q) + 1).map_or(0.0, |r| r[t]);
        }
        p.wide_tr.push(row);
    }
    p.wide_p = shared;
    p
}

/// Best legal tag sequence under `trans` and per-token `emissions`.
pub fn viterbi(trans: &[[f32; NUM_TAGS]], emissions: &[[f32; NUM_TAGS]]) -> Vec<usize> {
    viterbi_with(trans, &predecessors(trans), emissions, &[])
}

/// The best score reaching tag `t` from the previous position's scores `prev`, and from which
/// tag (the first of equals, in predecessor order).
#[inline]
fn best_predecessor(preds: &Predecessors, prev: &[f32; NUM_TAGS], t: usize) -> (f32, u8) {
    let (mut best, mut arg) = (f32::NEG_INFINITY, 0u8);
    let k = preds.count.get(t).map_or(0, |&k| usize::from(k));
    for &(p, tr) in preds.list.get(t).and_then(|l| l.get(..k)).unwrap_or(&[]) {
        let s = prev
            .get(usize::from(p))
            .copied()
            .unwrap_or(f32::NEG_INFINITY)
            + tr;
        if s > best {
            best = s;
            arg = p;
        }
    }
    (best, arg)
}

/// Viterbi where the positions `forced` marks may only be O: the best sequence under that
/// constraint, which is the unconstrained best whenever that has O there.
fn viterbi_with(
    trans: &[[f32; NUM_TAGS]],
    preds: &Predecessors,
    emissions: &[[f32; NUM_TAGS]],
    forced: &[bool],
) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let neg = f32::NEG_INFINITY;
    // Only the previous position's scores are needed; back-pointers for all.
    let mut prev = [neg; NUM_TAGS];
    let mut back = vec![[0u8; NUM_TAGS]; n];
    let start = trans.first().copied().unwrap_or([0.0; NUM_TAGS]);
    if forced.first() == Some(&true) {
        prev[0] = start[0];
    } else if let Some(e0) = emissions.first() {
        for t in 0..NUM_TAGS {
            if allowed(None, t) {
                prev[t] = start[t] + e0[t];
            }
        }
    }
    for (i, (e, bk)) in emissions.iter().zip(back.iter_mut()).enumerate().skip(1) {
        let mut cur = [neg; NUM_TAGS];
        if forced.get(i) == Some(&true) {
            // Only O: its best predecessor, nothing else scored.
            (cur[0], bk[0]) = best_predecessor(preds, &prev, 0);
            prev = cur;
            continue;
        }
        // Same order of predecessors and the same strict `>` as below: identical results.
        let mut best = [neg; LANES];
        let mut arg = [0u32; LANES];
        for (&p, tr) in preds.wide_p.iter().zip(&preds.wide_tr) {
            let pv = prev.get(usize::from(p)).copied().unwrap_or(neg);
            for l in 0..LANES {
                let s = pv + tr[l];
                let better = s > best[l];
                best[l] = if better { s } else { best[l] };
                arg[l] = if better { u32::from(p) } else { arg[l] };
            }
        }
        for (l, &t) in preds.wide_t.iter().enumerate() {
            if let (Some(c), Some(b)) = (cur.get_mut(t), bk.get_mut(t)) {
                *c = best[l] + e[t];
                *b = arg[l] as u8;
            }
        }
        for &t in &preds.narrow {
            let (best, arg) = best_predecessor(preds, &prev, t);
            cur[t] = best + e[t];
            bk[t] = arg;
        }
        prev = cur;
    }
    let mut tags = vec![0usize; n];
    let last = prev;
    let mut best = 0;
    for t in 0..NUM_TAGS {
        if allowed_end(t) && last[t] > last[best] {
            best = t;
        }
    }
    for i in (0..n).rev() {
        if let Some(x) = tags.get_mut(i) {
            *x = best;
        }
        if i > 0 {
            best = back.get(i).map(|b| b[best] as usize).unwrap_or(0);
        }
    }
    tags
}

struct Reader<'a> {
    b: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let s = self.b.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }
    fn u8(&mut self) -> Option<u8> {
        self.take(1)?.first().copied()
    }
    fn u32(&mut self) -> Option<u32> {
        let s = self.take(4)?;
        Some(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Option<f32> {
        let v = f32::from_bits(self.u32()?);
        v.is_finite().then_some(v)
    }
    fn leb(&mut self) -> Option<u32> {
        let mut v: u32 = 0;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
            v |= u32::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(v);
            }
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viterbi_finds_the_best_legal_sequence() {
        // Brute force over every sequence of 3 tags, with pseudo-random scores.
        let mut x = 12345u32;
        let mut rnd = || {
            x = x.wrapping_mul(1_103_515_245).wrapping_add(12345);
            ((x >> 8) % 2000) as f32 / 100.0 - 10.0
        };
        for _ in 0..20 {
            let trans: Vec<[f32; NUM_TAGS]> = (0..=NUM_TAGS)
                .map(|_| [0.0; NUM_TAGS].map(|_| rnd()))
                .collect();
            let em: Vec<[f32; NUM_TAGS]> = (0..3).map(|_| [0.0; NUM_TAGS].map(|_| rnd())).collect();
            let score = |tags: &[usize]| -> Option<f32> {
                let mut prev: Option<usize> = None;
                let mut s = 0.0;
                for (e, &t) in em.iter().zip(tags) {
                    if !allowed(prev, t) {
                        return None;
                    }
                    s += trans[prev.map_or(0, |p| p + 1)][t] + e[t];
                    prev = Some(t);
                }
                allowed_end(tags[tags.len() - 1]).then_some(s)
            };
            let mut best = f32::NEG_INFINITY;
            for a in 0..NUM_TAGS {
                for b in 0..NUM_TAGS {
                    for c in 0..NUM_TAGS {
                        if let Some(s) = score(&[a, b, c]) {
                            best = best.max(s);
                        }
                    }
                }
            }
            let got = viterbi(&trans, &em);
            let s = score(&got).expect("a legal sequence");
            assert!((s - best).abs() < 1e-3, "{s} vs {best}");
            // With some positions forced to O: the best of the sequences that have O there.
            let preds = predecessors(&trans);
            for mask in 1..8u8 {
                let forced: Vec<bool> = (0..3).map(|i| mask & (1 << i) != 0).collect();
                let ok = |tags: &[usize]| tags.iter().zip(&forced).all(|(&t, &f)| !f || t == 0);
                let mut best = f32::NEG_INFINITY;
                for a in 0..NUM_TAGS {
                    for b in 0..NUM_TAGS {
                        for c in 0..NUM_TAGS {
                            if let Some(s) = score(&[a, b, c]).filter(|_| ok(&[a, b, c])) {
                                best = best.max(s);
                            }
                        }
                    }
                }
                let got = viterbi_with(&trans, &preds, &em, &forced);
                assert!(ok(&got), "{got:?} with {forced:?}");
                let s = score(&got).expect("a legal sequence");
                assert!((s - best).abs() < 1e-3, "{s} vs {best} with {forced:?}");
            }
        }
    }

    #[test]
    fn round_trips_and_rejects_garbage() {
        let mut trans = vec![[0.0; NUM_TAGS]; NUM_TAGS + 1];
        trans[0][1] = 0.5;
        let mut w = [0.0; NUM_TAGS];
        w[1] = 1.0;
        w[8] = -2.0;
        w[16] = 0.5;
        let m = Model::new(trans, vec![(7, w)], 0.01);
        let bytes = m.to_bytes();
        let back = Model::from_bytes(&bytes).unwrap();
        assert_eq!(back.len(), 1);
        let w = back.weights(7).unwrap();
        assert!((w[1] - 1.0).abs() < 0.01 && (w[8] + 1.27).abs() < 0.01 && m.len() == 1);
        assert!((w[16] - 0.5).abs() < 0.01);
        assert!(Model::from_bytes(&bytes[..bytes.len() - 1]).is_none());
        assert!(Model::from_bytes(b"nonsense").is_none());
    }

    #[test]
    fn table_finds_every_feature_and_only_those() {
        let mut feats = Vec::new();
        let mut k = 12345u32;
        for i in 0..20_000 {
            k = k.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
            let mut w = [0.0; NUM_TAGS];
            w[i % NUM_TAGS] = (1 + i % 100) as f32;
            feats.push((k | 1, w));
        }
        let m = Model::new(Vec::new(), feats.clone(), 1.0);
        assert_eq!(m.len(), feats.len());
        let back = Model::from_bytes(&m.to_bytes()).unwrap();
        for (i, (k, w)) in feats.iter().enumerate() {
            assert_eq!(back.weights(*k).as_ref(), Some(w), "feature {i}");
            // Even ids were never inserted (all inserted ids are odd).
            assert!(back.weights(k & !1).is_none());
        }
    }
}

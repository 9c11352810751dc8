//! The linear sequence model: per-feature tag weights, tag transitions, Viterbi decoding, and
//! the compact binary format it is stored in (`models/ner.bin`).
//!
//! Format (little-endian): magic `LXNER02\n`, u32 tag count T, f32 scale, (T+1)*T f32
//! transitions (row 0 = sentence start), u32 feature count, then per feature sorted by id: the
//! id as a LEB128 delta from the previous one, a 3-byte mask of tags with a non-zero weight, and one
//! i8 per set bit (weight = i8 * scale).

use super::features::{allowed, allowed_end, NUM_TAGS};

const MAGIC: &[u8; 8] = b"LXNER02\n";

pub struct Model {
    /// (T+1) x T: `trans[0][t]` starts a sentence with t, `trans[p+1][t]` follows p.
    pub trans: Vec<[f32; NUM_TAGS]>,
    /// Open-addressing table of (feature id, index into `weights`); id 0 marks a free slot.
    table: Vec<(u32, u32)>,
    /// Quantised weights (weight = i8 * scale): small, so tagging stays in cache.
    weights: Vec<[i8; NUM_TAGS]>,
    scale: f32,
    shift: u32,
    preds: Predecessors,
}

fn slot_of(key: u32, shift: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9) >> shift) as usize
}

fn quantise(w: &[f32; NUM_TAGS], scale: f32) -> [i8; NUM_TAGS] {
    w.map(|x| (x / scale).round().clamp(-127.0, 127.0) as i8)
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
        let q = feats
            .iter()
            .map(|(k, w)| (*k, quantise(w, scale)))
            .filter(|(_, q)| q.iter().any(|&x| x != 0))
            .collect();
        Model::from_quantised(trans, q, scale)
    }

    fn from_quantised(
        trans: Vec<[f32; NUM_TAGS]>,
        feats: Vec<(u32, [i8; NUM_TAGS])>,
        scale: f32,
    ) -> Model {
        let mut bits = 4;
        while (1usize << bits) < feats.len() * 2 {
            bits += 1;
        }
        let cap = 1usize << bits;
        let shift = 32 - bits as u32;
        let mut table = vec![(0u32, 0u32); cap];
        let mut weights = Vec::with_capacity(feats.len());
        for (k, w) in feats {
            if k == 0 {
                continue;
            }
            let mut s = slot_of(k, shift);
            loop {
                match table.get_mut(s) {
                    Some(e) if e.0 == 0 => {
                        *e = (k, weights.len() as u32);
                        weights.push(w);
                        break;
                    }
                    Some(e) if e.0 == k => break,
                    Some(_) => s = (s + 1) & (cap - 1),
                    None => break,
                }
            }
        }
        Model {
            preds: predecessors(&trans),
            trans,
            table,
            weights,
            scale,
            shift,
        }
    }

    fn quantised(&self, key: u32) -> Option<&[i8; NUM_TAGS]> {
        let mask = self.table.len().wrapping_sub(1);
        let mut s = slot_of(key, self.shift);
        loop {
            match self.table.get(s) {
                Some(&(0, _)) | None => return None,
                Some(&(k, i)) if k == key => return self.weights.get(i as usize),
                Some(_) => s = (s + 1) & mask,
            }
        }
    }

    /// The weights of one feature, if the model has it.
    pub fn weights(&self, key: u32) -> Option<[f32; NUM_TAGS]> {
        self.quantised(key)
            .map(|q| q.map(|x| f32::from(x) * self.scale))
    }

    /// Scores of each tag for a token with these features.
    pub fn emission(&self, feats: &[u32]) -> [f32; NUM_TAGS] {
        let mut acc = [0i32; NUM_TAGS];
        for &f in feats {
            if let Some(w) = self.quantised(f) {
                for (a, &x) in acc.iter_mut().zip(w) {
                    *a += i32::from(x);
                }
            }
        }
        acc.map(|a| a as f32 * self.scale)
    }

    /// Best tag sequence for one sentence.
    pub fn viterbi(&self, emissions: &[[f32; NUM_TAGS]]) -> Vec<usize> {
        viterbi_with(&self.trans, &self.preds, emissions)
    }

    pub fn len(&self) -> usize {
        self.weights.len()
    }

    pub fn is_empty(&self) -> bool {
        self.weights.is_empty()
    }

    /// Parses the binary format; `None` when the bytes are not a valid model.
    pub fn from_bytes(bytes: &[u8]) -> Option<Model> {
        let mut r = Reader { b: bytes, pos: 0 };
        if r.take(8)? != MAGIC {
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
        Some(Model::from_quantised(trans, feats, scale))
    }

    /// Serialises the model (zero weights are not stored).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&(NUM_TAGS as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        for row in &self.trans {
            for x in row {
                out.extend_from_slice(&x.to_le_bytes());
            }
        }
        let mut feats: Vec<(u32, [i8; NUM_TAGS])> = self
            .table
            .iter()
            .filter(|e| e.0 != 0)
            .filter_map(|&(k, i)| self.weights.get(i as usize).map(|w| (k, *w)))
            .collect();
        feats.sort_unstable_by_key(|f| f.0);
        out.extend_from_slice(&(feats.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for (k, q) in feats {
            let mut d = k - prev;
            prev = k;
            loop {
                let b = (d & 0x7f) as u8;
                d >>= 7;
                if d == 0 {
                    out.push(b);
                    break;
                }
                out.push(b | 0x80);
            }
            let mut mask = 0u32;
            for (t, &x) in q.iter().enumerate() {
                if x != 0 {
                    mask |= 1 << t;
                }
            }
            out.extend_from_slice(&mask.to_le_bytes()[..3]);
            for x in q {
                if x != 0 {
                    out.push(x as u8);
                }
            }
        }
        out
    }
}

/// Legal predecessors of each tag with their transition scores: most pairs are illegal in
/// BILOU, so Viterbi's inner loop is short.
pub type Predecessors = Vec<Vec<(usize, f32)>>;

pub fn predecessors(trans: &[[f32; NUM_TAGS]]) -> Predecessors {
    (0..NUM_TAGS)
        .map(|t| {
            (0..NUM_TAGS)
                .filter(|&p| allowed(Some(p), t))
                .map(|p| (p, trans.get(p + 1).map_or(0.0, |r| r[t])))
                .collect()
        })
        .collect()
}

/// Best legal tag sequence under `trans` and per-token `emissions`.
pub fn viterbi(trans: &[[f32; NUM_TAGS]], emissions: &[[f32; NUM_TAGS]]) -> Vec<usize> {
    viterbi_with(trans, &predecessors(trans), emissions)
}

fn viterbi_with(
    trans: &[[f32; NUM_TAGS]],
    preds: &Predecessors,
    emissions: &[[f32; NUM_TAGS]],
) -> Vec<usize> {
    let n = emissions.len();
    if n == 0 {
        return Vec::new();
    }
    let neg = f32::NEG_INFINITY;
    let mut score = vec![[neg; NUM_TAGS]; n];
    let mut back = vec![[0u8; NUM_TAGS]; n];
    let start = trans.first().copied().unwrap_or([0.0; NUM_TAGS]);
    if let (Some(s0), Some(e0)) = (score.first_mut(), emissions.first()) {
        for t in 0..NUM_TAGS {
            if allowed(None, t) {
                s0[t] = start[t] + e0[t];
            }
        }
    }
    for i in 1..n {
        let (done, rest) = score.split_at_mut(i);
        let (Some(prev), Some(cur), Some(e), Some(bk)) = (
            done.last(),
            rest.first_mut(),
            emissions.get(i),
            back.get_mut(i),
        ) else {
            break;
        };
        for (t, ((c, b), ps)) in cur
            .iter_mut()
            .zip(bk.iter_mut())
            .zip(preds.iter())
            .enumerate()
        {
            let mut best = neg;
            let mut arg = 0u8;
            for &(p, tr) in ps {
                let s = prev.get(p).copied().unwrap_or(neg) + tr;
                if s > best {
                    best = s;
                    arg = p as u8;
                }
            }
            *c = best + e[t];
            *b = arg;
        }
    }
    let mut tags = vec![0usize; n];
    let last = score.last().copied().unwrap_or([0.0; NUM_TAGS]);
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
}

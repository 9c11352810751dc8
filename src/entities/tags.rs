//! The tag scheme: BILOU over the entity types, and which tag sequences are well formed.

/// Entity types the tagger knows. Tags are BILOU: 0 is O, then for type k the tags
/// 4k+1..=4k+4 are B (begin), I (inside), L (last) and U (unit, a one-token name).
pub const TYPES: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];
pub const NUM_TAGS: usize = 17;
pub const TAG_NAMES: [&str; NUM_TAGS] = [
    "O", "B-PER", "I-PER", "L-PER", "U-PER", "B-ORG", "I-ORG", "L-ORG", "U-ORG", "B-LOC", "I-LOC",
    "L-LOC", "U-LOC", "B-MISC", "I-MISC", "L-MISC", "U-MISC",
];
pub const POS_B: usize = 0;
pub const POS_I: usize = 1;
pub const POS_L: usize = 2;
pub const POS_U: usize = 3;

/// The type index of a tag (`None` for O).
pub fn tag_type(tag: usize) -> Option<usize> {
    (tag != 0).then(|| (tag - 1) / 4)
}

/// The position (B, I, L, U) of a non-O tag.
pub fn tag_pos(tag: usize) -> usize {
    (tag.max(1) - 1) % 4
}

pub fn make_tag(type_idx: usize, pos: usize) -> usize {
    1 + 4 * type_idx + pos
}

/// Whether `prev -> next` is a legal BILOU transition (`prev` None at a sentence start).
pub fn allowed(prev: Option<usize>, next: usize) -> bool {
    let open = prev.is_some_and(|p| p != 0 && matches!(tag_pos(p), POS_B | POS_I));
    if open {
        next != 0
            && tag_type(next) == prev.and_then(tag_type)
            && matches!(tag_pos(next), POS_I | POS_L)
    } else {
        next == 0 || matches!(tag_pos(next), POS_B | POS_U)
    }
}

/// Spans (first token, end token, type index) of a BILOU tag sequence; a span also closes
/// where the next tag does not continue it, so any sequence gives well-formed spans.
pub fn bilou_spans(tags: &[usize]) -> Vec<(usize, usize, usize)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, usize)> = None;
    for (i, &t) in tags.iter().enumerate() {
        let ty = tag_type(t);
        let pos = tag_pos(t);
        let continues = ty.is_some()
            && matches!(pos, POS_I | POS_L)
            && open.is_some_and(|(_, k)| Some(k) == ty);
        if !continues {
            if let Some((s, k)) = open.take() {
                out.push((s, i, k));
            }
            if let Some(k) = ty {
                open = Some((i, k));
            }
        }
        if matches!(pos, POS_L | POS_U) && ty.is_some() {
            if let Some((s, k)) = open.take() {
                out.push((s, i + 1, k));
            }
        }
    }
    if let Some((s, k)) = open {
        out.push((s, tags.len(), k));
    }
    out
}

/// Whether a sentence may end with `tag`.
pub fn allowed_end(tag: usize) -> bool {
    tag == 0 || matches!(tag_pos(tag), POS_L | POS_U)
}

//! Tagger features: hashed strings built from the word, its shape and affixes, a ±2 window,
//! gazetteer matches, runs of capitalised words, and document-level evidence (how the same
//! word is written and was tagged elsewhere in the document).

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

/// A small, fast hasher for the per-document word tables (no hash-flooding concern: keys come
/// from one page, and the worst case is only slower lookups).
#[derive(Default)]
pub struct FastHasher(u64);

impl Hasher for FastHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        let mut h = self.0;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let mut w = [0u8; 8];
            w.copy_from_slice(c);
            h = (h.rotate_left(5) ^ u64::from_le_bytes(w)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        for &b in chunks.remainder() {
            h = (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
        }
        self.0 = h;
    }
}

pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<FastHasher>>;

use super::gazetteer::{
    first_hash, zipf_bucket, GazMatch, Gazetteer, COMPANY, FIRST_NAME, LISTS, ORG_SUFFIX, PRODUCT,
};
use super::memory::Memory;
use super::phrase_table::PhraseHash;
use super::tags::{tag_type, NUM_TAGS, TAG_NAMES, TYPES};

/// A 32-bit feature id: FNV-1a over a template number and the parts.
fn fh(template: u8, parts: &[&str]) -> u32 {
    fh_end(parts.iter().fold(fh_start(template), |h, p| fh_part(h, p)))
}

/// [`fh`] in steps, so a hash state after the first parts can be kept and continued.
fn fh_start(template: u8) -> u64 {
    fnv(0xcbf2_9ce4_8422_2325, template)
}

fn fh_part(mut h: u64, part: &str) -> u64 {
    for &b in part.as_bytes() {
        h = fnv(h, b);
    }
    fnv(h, 0xff)
}

fn fh_end(h: u64) -> u32 {
    let v = (h ^ (h >> 29)) as u32;
    v.max(1)
}

#[inline]
fn fnv(h: u64, b: u8) -> u64 {
    (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
}

/// Ids of the features whose parts are all fixed strings, hashed once: hashing is a serial
/// multiply per byte, and these were most of the bytes hashed per word.
struct FixedIds {
    /// `fh(21, [list, "B" | "I", "0" | "-1" | "+1"])`, by list, then B/I, then position.
    gaz: [[[u32; 3]; 2]; LISTS.len()],
    /// `fh(32, [type, "B" | "I", pos])`, the remembered names alike.
    memory: [[[u32; 3]; 2]; TYPES.len()],
    /// `fh(50, [t])`, `fh(51, [t0, t])`, `fh(52, [t, t1])` over [`TAG_NAMES`], then `<s>` and
    /// `</s>`.
    tag: [u32; NUM_TAGS + 2],
    tag_before: [[u32; NUM_TAGS + 2]; NUM_TAGS + 2],
    tag_after: [[u32; NUM_TAGS + 2]; NUM_TAGS + 2],
}

const POSITIONS: [&str; 3] = ["0", "-1", "+1"];

fn fixed_ids() -> &'static FixedIds {
    static IDS: std::sync::OnceLock<FixedIds> = std::sync::OnceLock::new();
    IDS.get_or_init(|| {
        let name = |t: usize| match t {
            t if t < NUM_TAGS => TAG_NAMES.get(t).copied().unwrap_or("O"),
            t if t == NUM_TAGS => "<s>",
            _ => "</s>",
        };
        let bi = ["B", "I"];
        FixedIds {
            gaz: LISTS.map(|(_, list)| bi.map(|b| POSITIONS.map(|pos| fh(21, &[list, b, pos])))),
            memory: TYPES.map(|ty| bi.map(|b| POSITIONS.map(|pos| fh(32, &[ty, b, pos])))),
            tag: std::array::from_fn(|t| fh(50, &[name(t)])),
            tag_before: std::array::from_fn(|a| {
                std::array::from_fn(|t| fh(51, &[name(a), name(t)]))
            }),
            tag_after: std::array::from_fn(|t| {
                std::array::from_fn(|b| fh(52, &[name(t), name(b)]))
            }),
        }
    })
}

/// Word shape into a reused buffer: X for upper, x for lower, d for digit, other characters
/// kept (`collapse`: runs of one kind written once).
fn shape_into(s: &mut String, word: &str, collapse: bool) {
    s.clear();
    let mut last = '\0';
    for c in word.chars() {
        let k = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_numeric() {
            'd'
        } else {
            c
        };
        if !(collapse && k == last) {
            s.push(k);
        }
        last = k;
        if s.len() > 12 {
            break;
        }
    }
}

pub fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Words that open sentences capitalised only for being first ("The talks ...", "It was ..."):
/// alone they are never a name, and one followed by a capital is scored as its neighbour ("The
/// Hague").
pub(crate) fn is_opening_word(w: &str) -> bool {
    const OPENERS: &[&str] = &[
        "The", "A", "An", "It", "Its", "He", "She", "They", "We", "You", "I", "His", "Her",
        "Their", "Our", "My", "Your", "This", "That", "These", "Those", "There", "Here", "But",
        "And", "Or", "So", "If", "When", "While", "As", "In", "On", "At", "For", "With", "By",
        "From", "To", "Of", "After", "Before", "Since", "What", "Who", "How", "Why", "Where",
        "Which", "Some", "Many", "Most", "All", "Each", "Every", "No", "Not", "Yet", "Then", "Now",
        "Still", "Also", "However", "Although", "Because", "Once", "Is", "Are", "Was", "Were",
        "Do", "Does", "Did", "Can", "Could", "Would", "Should", "Will",
    ];
    OPENERS.contains(&w)
}

/// Which words of a sentence the tagger leaves as O without scoring them: a common word with no
/// capital, digit or uncased letter (or a sentence's opening function word, such as "The" or
/// "It") whose neighbours are such words too. Rare lower-case words are scored (see
/// [`RARE_BELOW`]): on WNUT-17 dev F1 0.435 -> 0.445, test 0.382 -> 0.401, CoNLL unchanged, for
/// about a tenth of the speed. Two thirds of the words of web prose are such, and scoring them
/// was most of recognition's time. English names are capitalised, and connectors inside them
/// ("Bank of England") sit next to a capital, so the models hardly ever tag these words:
/// CoNLL-2003 eng.testa unchanged, eng.testb one entity fewer (F1 0.8833 -> 0.8832); on the
/// corpus pages 25 of ~12,000 mentions changed, mostly lower-case French words no longer swept
/// into names. Decoding forces O there (`Model::viterbi_forcing_o`), so the other words are
/// tagged as before.
pub fn quiet_words(words: &[&str]) -> Vec<bool> {
    const REACH: usize = 1;
    let plain = |w: &str| {
        w.chars().all(|c| {
            c.is_lowercase()
                || c.is_ascii_punctuation()
                || matches!(c, '’' | '‘' | '“' | '”' | '–' | '—' | '…' | '«' | '»')
        })
    };
    let loud: Vec<bool> = words
        .iter()
        .enumerate()
        .map(|(i, w)| !(plain(w) || (i == 0 && is_opening_word(w))) || is_rare_lower(w))
        .collect();
    let mut quiet = vec![true; words.len()];
    for (i, _) in loud.iter().enumerate().filter(|(_, &l)| l) {
        let end = (i + REACH + 1).min(quiet.len());
        for q in quiet
            .get_mut(i.saturating_sub(REACH)..end)
            .unwrap_or(&mut [])
        {
            *q = false;
        }
    }
    quiet
}

/// Below this word-frequency bucket (Zipf 5: "price", "police" and rarer) a lower-case word
/// may be a name written in lower case, as tweets and comments write them ("bieber", "iphone").
const RARE_BELOW: u8 = 10;

/// A lower-case word rare enough in English to be scored (see [`RARE_BELOW`]).
fn is_rare_lower(w: &str) -> bool {
    w.len() >= 2 && w.chars().all(char::is_lowercase) && zipf_bucket(w) < RARE_BELOW
}

pub fn is_all_caps(w: &str) -> bool {
    let mut letters = 0;
    for c in w.chars() {
        if c.is_lowercase() {
            return false;
        }
        if c.is_uppercase() {
            letters += 1;
        }
    }
    letters >= 2
}

pub(crate) fn title_case(w: &str) -> String {
    let mut out = String::with_capacity(w.len());
    let mut first = true;
    for c in w.chars() {
        if first {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
        // Title-case each part of "AL-SHARAA" / "O'NEILL".
        first = !c.is_alphanumeric();
    }
    out
}

/// What kind of line a sentence is: running prose, a heading in Title Case, or one in capitals.
/// Capitals in headings say less about names than in prose, so the tagger weighs them apart,
/// and the document's history does not learn from headings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LineClass {
    Prose,
    Title,
    Caps,
}

impl LineClass {
    pub fn of(words: &[&str]) -> LineClass {
        if is_caps_sentence(words) {
            return LineClass::Caps;
        }
        // Title Case: most of the longer words capitalised, and no sentence end.
        let (mut long, mut caps) = (0, 0);
        for w in words {
            if w.chars().count() >= 4 && w.chars().any(char::is_alphabetic) {
                long += 1;
                caps += usize::from(is_capitalised(w));
            }
        }
        let ends = words
            .last()
            .is_some_and(|w| matches!(*w, "." | "?" | "!" | ":" | ","));
        if long >= 3 && !ends && caps * 10 >= long * 8 {
            LineClass::Title
        } else {
            LineClass::Prose
        }
    }

    fn name(self) -> &'static str {
        match self {
            LineClass::Prose => "p",
            LineClass::Title => "t",
            LineClass::Caps => "u",
        }
    }

    /// Headings: what is tagged in them is not remembered as the document's evidence.
    pub fn is_heading(self) -> bool {
        self != LineClass::Prose
    }
}

/// A word-frequency bucket (see [`zipf_bucket`]) as a feature part.
fn bucket_name(b: u8) -> &'static str {
    const NAMES: [&str; 17] = [
        "0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10", "11", "12", "13", "14", "15", "16",
    ];
    NAMES.get(b as usize).copied().unwrap_or("16")
}

/// Whether a sentence is a headline written in capitals.
pub fn is_caps_sentence(words: &[&str]) -> bool {
    let mut caps = 0;
    let mut letters = 0;
    for w in words {
        if w.chars().any(char::is_alphabetic) {
            letters += 1;
            if is_all_caps(w) || (w.chars().count() == 1 && is_capitalised(w)) {
                caps += 1;
            } else if (letters - caps) * 10 > words.len() * 3 {
                // Too many other words already, whatever follows (letters <= words).
                return false;
            }
        }
    }
    letters >= 2 && caps * 10 >= letters * 7
}

/// A word's 64-bit hash (FNV-1a, then mixed): distinct words of one document do not collide in
/// practice.
fn word_key(w: &str) -> u64 {
    let mut h = PhraseHash::default();
    h.push(w, true);
    h.finish()
}

/// What the document tells about each word form.
#[derive(Default)]
pub struct DocInfo {
    /// Lower-cased forms of words written in lower case somewhere in the document, as 64-bit
    /// hashes ([`word_key`]): most tokens are such words, and keeping each as a string was an
    /// allocation per token.
    lower_seen: FastSet<u64>,
    /// Lower-cased form -> a mixed-case spelling seen in running text ("Putin" for "PUTIN").
    case_form: FastMap<String, String>,
}

impl DocInfo {
    pub fn new(sentences: &[Vec<&str>]) -> Self {
        let words: usize = sentences.iter().map(Vec::len).sum();
        let mut info = DocInfo {
            lower_seen: FastSet::with_capacity_and_hasher(words / 2, Default::default()),
            ..DocInfo::default()
        };
        let mut lower = String::new();
        for words in sentences {
            let caps = is_caps_sentence(words);
            for (i, w) in words.iter().enumerate() {
                if w.chars().next().is_some_and(char::is_lowercase) && w.len() > 1 {
                    info.lower_seen.insert(word_key(w));
                } else if !caps && i > 0 && is_capitalised(w) && !is_all_caps(w) {
                    // The first spelling stays: known words need no new key.
                    lower_into(&mut lower, w);
                    if !info.case_form.contains_key(lower.as_str()) {
                        info.case_form.insert(lower.clone(), w.to_string());
                    }
                }
            }
        }
        info
    }

    /// The spelling used for features: headline capitals are mapped back to the document's
    /// own spelling (or title case), so "PUTIN" in a headline looks like "Putin".
    pub fn normalise<'a>(&'a self, word: &'a str, caps_sentence: bool) -> Cow<'a, str> {
        if caps_sentence && is_all_caps(word) {
            let mut lower = String::new();
            let lower = lower_into(&mut lower, word);
            if let Some(f) = self.case_form.get(lower) {
                return Cow::Borrowed(f);
            }
            if lower.len() <= 3 {
                return Cow::Borrowed(word); // likely an acronym: EU, UN, USA
            }
            return Cow::Owned(title_case(word));
        }
        // The training text (Reuters, 1996) uses ASCII quotes and dashes; web text uses
        // typographic ones.
        if word
            .chars()
            .any(|c| matches!(c, '“' | '”' | '‘' | '’' | '—' | '–' | '«' | '»'))
        {
            return Cow::Owned(
                word.chars()
                    .map(|c| match c {
                        '“' | '”' | '«' | '»' => '"',
                        '‘' | '’' => '\'',
                        '—' | '–' => '-',
                        c => c,
                    })
                    .collect(),
            );
        }
        Cow::Borrowed(word)
    }
}

/// Labels given to a word form earlier in the document (O, PER, ORG, LOC, MISC).
#[derive(Default)]
pub struct History {
    counts: FastMap<String, [u16; 5]>,
    buf: String,
}

/// `w.to_lowercase()` in a reused buffer (no allocation for the usual ASCII word).
pub(crate) fn lower_into<'b>(buf: &'b mut String, w: &str) -> &'b str {
    buf.clear();
    if w.is_ascii() {
        buf.push_str(w);
        buf.make_ascii_lowercase();
    } else {
        buf.push_str(&w.to_lowercase());
    }
    buf
}

impl History {
    /// Records a sentence's tags, unless it is a heading ([`LineClass::is_heading`]): a wrong
    /// label in a heading would spread to every later mention.
    pub fn record_sentence<S: AsRef<str>>(&mut self, words: &[S], tags: &[usize]) {
        let refs: Vec<&str> = words.iter().map(AsRef::as_ref).collect();
        self.record_sentence_in(&refs, tags, LineClass::of(&refs));
    }

    /// [`History::record_sentence`] for a sentence whose [`LineClass`] is known.
    pub fn record_sentence_in(&mut self, words: &[&str], tags: &[usize], line: LineClass) {
        if line.is_heading() {
            return;
        }
        for (w, &t) in words.iter().zip(tags) {
            self.record(w, t);
        }
    }

    pub fn record(&mut self, word: &str, tag: usize) {
        if !is_capitalised(word) {
            return;
        }
        let t = type_slot(tag);
        let lower = lower_into(&mut self.buf, word);
        let e = match self.counts.get_mut(lower) {
            Some(e) => e,
            None => self.counts.entry(lower.to_string()).or_insert([0; 5]),
        };
        if let Some(c) = e.get_mut(t) {
            *c = c.saturating_add(1);
        }
    }

    /// Adds the history features of `word` to `out`.
    pub fn features(&mut self, word: &str, out: &mut Vec<u32>) {
        if !is_capitalised(word) {
            return;
        }
        let Some(c) = self.counts.get(lower_into(&mut self.buf, word)) else {
            return;
        };
        let mut best = 0;
        for (t, &n) in c.iter().enumerate() {
            if n > c.get(best).copied().unwrap_or(0) {
                best = t;
            }
        }
        let names = ["O", "PER", "ORG", "LOC", "MISC"];
        let name = names.get(best).copied().unwrap_or("O");
        out.push(fh(40, &[name]));
        for (t, &n) in c.iter().enumerate() {
            if n > 0 && t > 0 {
                out.push(fh(41, &[names.get(t).copied().unwrap_or("O")]));
            }
        }
    }
}

/// A word's type in a document: its index in [`WordTypes`] and how many of its features (the
/// first ones) depend on the word alone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WordType {
    pub id: u32,
    pub len: u8,
}

/// What depends on a word form alone (its lower case, shape, whether it is a title, and the
/// features from bias to shapes), worked out once per distinct form in a document: words
/// repeat, and hashing and lower-casing were much of the tagger's time. The tagger also sums
/// the weights of these features once per type ([`WordType`]).
#[derive(Default)]
pub struct WordTypes {
    /// Type by the [`word_key`] of its form; forms whose key another form already holds (never
    /// seen in practice) go to `collided`, so lookups stay exact.
    index: FastMap<u64, u32>,
    collided: FastMap<String, u32>,
    info: Vec<TypeInfo>,
    ids: Vec<u32>,
    /// The types' strings (form, lower case, collapsed shape) end to end: one buffer rather
    /// than three allocations per type.
    text: String,
    lower: String,
    shape: String,
}

/// A string of [`WordTypes::text`]: byte range.
#[derive(Clone, Copy, Default)]
struct Span(u32, u32);

struct TypeInfo {
    norm: Span,
    /// The form as a phrase's first word: its hash, and what it finds alone in the lists, the
    /// company list and the remembered names (worked out once: [`WordTypes::phrase_start`]).
    phrase: Option<(PhraseHash, [u8; 3])>,
    /// Whether the fields below and its features are worked out ([`WordTypes::complete`]):
    /// only words the tagger scores, and their neighbours, need them.
    done: bool,
    lower: Span,
    short: Span,
    title: bool,
    /// Its word-frequency bucket ([`zipf_bucket`] of the lower case).
    zipf: u8,
    /// Its features as a neighbour, hashed once (see [`Neighbour`]).
    near: Neighbour,
    /// Its features: `ids[start..start + len]`.
    start: u32,
    len: u8,
}

/// `w.to_lowercase()` appended to `out` (no allocation for the usual ASCII word).
fn push_lower(out: &mut String, w: &str) {
    if w.is_ascii() {
        let at = out.len();
        out.push_str(w);
        if let Some(tail) = out.get_mut(at..) {
            tail.make_ascii_lowercase();
        }
    } else {
        out.push_str(&w.to_lowercase());
    }
}

impl WordTypes {
    /// Room for a document of `words` words (the tables grow from there, not from nothing).
    pub fn with_capacity(words: usize) -> Self {
        // About one type per two words, a dozen own features and twenty bytes of text each.
        let types = words / 2;
        WordTypes {
            index: FastMap::with_capacity_and_hasher(types, Default::default()),
            info: Vec::with_capacity(types),
            ids: Vec::with_capacity(types * 12),
            text: String::with_capacity(types * 20),
            ..WordTypes::default()
        }
    }

    fn str(&self, s: Span) -> &str {
        self.text.get(s.0 as usize..s.1 as usize).unwrap_or("")
    }

    /// Appends `s` to the text buffer.
    fn push_str(&mut self, s: &str) -> Span {
        let a = self.text.len() as u32;
        self.text.push_str(s);
        Span(a, self.text.len() as u32)
    }

    /// The type of the (normalised) form `norm`, added if new (not yet [`WordTypes::complete`]).
    fn intern(&mut self, norm: &str) -> u32 {
        let key = word_key(norm);
        let id = self.info.len() as u32;
        match self.index.get(&key) {
            Some(&found) => {
                let same = self
                    .info
                    .get(found as usize)
                    .is_some_and(|t| self.str(t.norm) == norm);
                if same {
                    return found;
                }
                if let Some(&c) = self.collided.get(norm) {
                    return c;
                }
                self.collided.insert(norm.to_string(), id);
            }
            None => {
                self.index.insert(key, id);
            }
        }
        let norm = self.push_str(norm);
        self.info.push(TypeInfo {
            norm,
            phrase: None,
            done: false,
            lower: Span::default(),
            short: Span::default(),
            title: false,
            zipf: 0,
            near: Neighbour::UNSET,
            start: 0,
            len: 0,
        });
        id
    }

    /// Works out what depends on type `id`'s form, once: its lower case, shape, title flag,
    /// neighbour hashes and own features.
    fn complete(&mut self, id: u32) {
        let Some(&TypeInfo {
            norm: norm_span,
            done,
            ..
        }) = self.info.get(id as usize)
        else {
            return;
        };
        if done {
            return;
        }
        let (na, nb) = (norm_span.0 as usize, norm_span.1 as usize);
        // The lower case and the collapsed shape go after the form in the text buffer.
        {
            let norm = self.text.get(na..nb).unwrap_or("");
            self.lower.clear();
            push_lower(&mut self.lower, norm);
            shape_into(&mut self.shape, norm, true);
        }
        let la = self.text.len();
        self.text.push_str(&self.lower);
        let lb = self.text.len();
        self.text.push_str(&self.shape);
        let sb = self.text.len();
        let text = self.text.as_str();
        let norm = text.get(na..nb).unwrap_or("");
        let lower = text.get(la..lb).unwrap_or("");
        let short = text.get(lb..sb).unwrap_or("");
        let start = self.ids.len();
        let f = &mut self.ids;
        f.push(fh(0, &[]));
        f.push(fh(1, &[norm]));
        f.push(fh(2, &[lower]));
        // Prefixes and suffixes of 1-4 characters.
        let mut ends = lower.char_indices().map(|(i, _)| i).skip(1);
        let mut starts = lower.char_indices().rev().map(|(i, _)| i);
        for _ in 0..4 {
            let (Some(p_end), Some(s_start)) = (ends.next().or(Some(lower.len())), starts.next())
            else {
                break;
            };
            f.push(fh(3, &[lower.get(..p_end).unwrap_or("")]));
            f.push(fh(4, &[lower.get(s_start..).unwrap_or("")]));
            if p_end == lower.len() {
                break;
            }
        }
        shape_into(&mut self.shape, norm, false);
        f.push(fh(5, &[&self.shape]));
        f.push(fh(6, &[short]));
        let zipf = zipf_bucket(lower);
        // The word's cluster ("-": none), here and for its neighbours: a name the training data
        // never saw gets features it did ("salesforce" beside "oracle").
        let cluster = super::gazetteer::cluster(lower).unwrap_or("-");
        f.push(fh(60, &[cluster]));
        if is_capitalised(norm) {
            // A capitalised common word ("Since", "Roughly") is seldom a name.
            f.push(fh(33, &[bucket_name(zipf)]));
        }
        let near = Neighbour::new(lower, short, cluster);
        let title = is_title_word(lower);
        let len = (f.len() - start) as u8;
        if let Some(t) = self.info.get_mut(id as usize) {
            t.zipf = zipf;
            t.near = near;
            t.title = title;
            t.lower = Span(la as u32, lb as u32);
            t.short = Span(lb as u32, sb as u32);
            t.start = start as u32;
            t.len = len;
            t.done = true;
        }
    }

    fn info(&self, id: u32) -> Option<&TypeInfo> {
        self.info.get(id as usize)
    }

    /// Works out type `id`'s [`TypeInfo::phrase`], once: the look-ups of a phrase's first word
    /// are the same at each occurrence.
    fn phrase_start(&mut self, id: u32, gaz: &Gazetteer, memory: Option<&Memory>) {
        let Some(t) = self.info.get(id as usize) else {
            return;
        };
        if t.phrase.is_some() {
            return;
        }
        let norm = self.str(t.norm);
        let h = first_hash(norm);
        let [lists, companies] = gaz.first(norm, h);
        let remembered = memory.map_or(0, |m| m.first(h));
        if let Some(t) = self.info.get_mut(id as usize) {
            t.phrase = Some((h, [lists, companies, remembered]));
        }
    }

    /// The features of type `id` (the first ones of each of its words' lists).
    fn features(&self, id: u32) -> &[u32] {
        self.info(id)
            .and_then(|t| {
                self.ids
                    .get(t.start as usize..t.start as usize + t.len as usize)
            })
            .unwrap_or(&[])
    }

    /// How many types there are.
    pub fn len(&self) -> usize {
        self.info.len()
    }

    pub fn is_empty(&self) -> bool {
        self.info.is_empty()
    }
}

/// What a word contributes to its neighbours' window features: the ±1/±2 word and shape
/// features whole, and the hash states of the word-pair features after this word's part.
#[derive(Clone, Copy)]
struct Neighbour {
    /// Templates 10-13 (lower case at -1, -2, +1, +2), 14 and 15 (shape at -1, +1), 62 and 63
    /// (word cluster at -1, +1).
    window: [u32; 8],
    /// After the first part: 16 (lower), 17 (lower), 18 (shape), 19 (lower).
    pair: [u64; 4],
}

impl Neighbour {
    /// The stand-in of a type not yet complete (never read: see [`WordTypes::complete`]).
    const UNSET: Neighbour = Neighbour {
        window: [0; 8],
        pair: [0; 4],
    };

    fn new(lower: &str, short: &str, cluster: &str) -> Neighbour {
        Neighbour {
            window: [
                fh(10, &[lower]),
                fh(11, &[lower]),
                fh(12, &[lower]),
                fh(13, &[lower]),
                fh(14, &[short]),
                fh(15, &[short]),
                fh(62, &[cluster]),
                fh(63, &[cluster]),
            ],
            pair: [
                fh_part(fh_start(16), lower),
                fh_part(fh_start(17), lower),
                fh_part(fh_start(18), short),
                fh_part(fh_start(19), lower),
            ],
        }
    }
}

/// Per-token information computed once per sentence and shared by the window features.
struct Tok<'a> {
    norm: &'a str,
    lower: &'a str,
    short: &'a str,
    near: Neighbour,
    gaz: GazMatch,
    /// Company and brand names ([`Gazetteer::company_matches`]).
    company: GazMatch,
    /// Whether the word is one of [`TITLES`] (looked up once, read by the window).
    title: bool,
    zipf: u8,
}

/// Whether a lower-cased word is one of [`TITLES`] (a set: a scan compared most words with
/// several of them).
fn is_title_word(lower: &str) -> bool {
    static SET: std::sync::OnceLock<FastSet<&'static str>> = std::sync::OnceLock::new();
    SET.get_or_init(|| TITLES.iter().copied().collect())
        .contains(lower)
}

const TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    "dr",
    "dr.",
    "president",
    "minister",
    "prime",
    "king",
    "queen",
    "prince",
    "general",
    "gen.",
    "sir",
    "lord",
    "chancellor",
    "senator",
    "sen.",
    "governor",
    "gov.",
    "judge",
    "coach",
    "striker",
    "captain",
    "pope",
    "sheikh",
    "secretary",
    "leader",
    "spokesman",
    "spokeswoman",
    "chairman",
    "director",
    "ambassador",
];

/// The static features of each word of a sentence (everything except history), into `out`
/// (the word's own features first: see [`WordTypes`]); `types` gets each word's type. Words
/// marked in `quiet` (see [`quiet_words`]; may be empty) get no features.
#[allow(clippy::too_many_arguments)]
pub fn sentence_features(
    words: &[&str],
    quiet: &[bool],
    doc: &DocInfo,
    gaz: &Gazetteer,
    memory: Option<&Memory>,
    words_seen: &mut WordTypes,
    out: &mut SentenceFeatures,
    types: &mut Vec<WordType>,
) {
    // (Caps is the class of a headline in capitals: `is_caps_sentence`.)
    let class = LineClass::of(words);
    let caps = class == LineClass::Caps;
    out.line = class;
    // Buffers kept from sentence to sentence.
    let mut ids = std::mem::take(&mut out.type_ids);
    let mut run_of = std::mem::take(&mut out.run_of);
    ids.clear();
    ids.extend(
        words
            .iter()
            .map(|w| words_seen.intern(&doc.normalise(w, caps))),
    );
    // The scored words read their neighbours up to two words away; the other words only
    // take part in phrase matching (their forms).
    for (i, &id) in ids.iter().enumerate() {
        let near = i.saturating_sub(2)..(i + 3).min(ids.len());
        if quiet.is_empty() || quiet.get(near).is_some_and(|q| q.contains(&false)) {
            words_seen.complete(id);
        }
    }
    for &id in &ids {
        words_seen.phrase_start(id, gaz, memory);
    }
    let words_seen: &WordTypes = words_seen;
    let info = || ids.iter().filter_map(|&i| words_seen.info(i));
    let norm_refs: Vec<&str> = info().map(|t| words_seen.str(t.norm)).collect();
    // Phrase matching from each word's kept first look-ups (`k` picks the table).
    let type_ids = ids.as_slice();
    let first = |k: usize| {
        move |i: usize| {
            let p = type_ids.get(i).and_then(|&id| words_seen.info(id)?.phrase);
            p.map_or((PhraseHash::default(), 0), |(h, b)| {
                (h, b.get(k).copied().unwrap_or(0))
            })
        }
    };
    let matches = gaz.matches_from(&norm_refs, first(0));
    let companies = gaz.company_matches_from(&norm_refs, first(1));
    let remembered = memory.map(|m| m.matches_from(&norm_refs, first(2)));
    let mem_at = |k: isize| -> GazMatch {
        if k < 0 {
            return GazMatch::default();
        }
        remembered
            .as_ref()
            .and_then(|r| r.get(k as usize).copied())
            .unwrap_or_default()
    };
    drop(norm_refs);
    let toks: Vec<Tok> = info()
        .zip(matches)
        .zip(companies)
        .map(|((t, g), c)| Tok {
            norm: words_seen.str(t.norm),
            lower: words_seen.str(t.lower),
            short: words_seen.str(t.short),
            near: t.near,
            title: t.title,
            zipf: t.zipf,
            gaz: g,
            company: c,
        })
        .collect();
    let line = class.name();

    // Runs of capitalised words ("Syrian Democratic Forces", "Bank of England").
    run_of.clear();
    run_of.resize(toks.len(), (0, 0));
    let mut i = 0;
    while i < toks.len() {
        if toks.get(i).is_some_and(|t| is_capitalised(t.norm)) {
            let mut j = i + 1;
            while j < toks.len() {
                let t = toks.get(j).map(|t| t.norm).unwrap_or("");
                let connector = matches!(t, "of" | "for" | "and" | "&" | "de" | "al")
                    && toks.get(j + 1).is_some_and(|n| is_capitalised(n.norm));
                if is_capitalised(t) || connector {
                    j += 1;
                } else {
                    break;
                }
            }
            for k in i..j {
                if let Some(r) = run_of.get_mut(k) {
                    *r = (i, j);
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }

    out.clear();
    types.clear();
    let none = Tok {
        norm: "",
        lower: "",
        short: "",
        near: Neighbour::new("", "", ""),
        gaz: GazMatch::default(),
        company: GazMatch::default(),
        title: false,
        zipf: 0,
    };
    let at = |k: isize| -> &Tok {
        if k < 0 {
            return &none;
        }
        toks.get(k as usize).unwrap_or(&none)
    };
    let fixed = fixed_ids();
    let long_pos = |p: u8| {
        ["", "B", "I", "L", "U"]
            .get(p as usize)
            .copied()
            .unwrap_or("")
    };
    for (i, (t, &id)) in toks.iter().zip(&ids).enumerate() {
        if quiet.get(i) == Some(&true) {
            out.end_word();
            types.push(WordType { id, len: 0 });
            continue;
        }
        let ii = i as isize;
        let f = &mut out.ids;
        let own = words_seen.features(id);
        f.extend_from_slice(own);
        types.push(WordType {
            id,
            len: own.len() as u8,
        });
        let initial = if i == 0 { "1" } else { "0" };
        f.push(fh(7, &[t.short, initial]));
        if caps {
            f.push(fh(8, &[t.short]));
        }
        let (p1, p2, n1, n2) = (at(ii - 1), at(ii - 2), at(ii + 1), at(ii + 2));
        // The same ids as fh(10, [p1.lower]) ... fh(19, [p2.lower, p1.lower]), from hashes each
        // word type worked out once.
        let (w, pp) = (p1.near.window, p1.near.pair);
        f.push(w[0]);
        f.push(p2.near.window[1]);
        f.push(n1.near.window[2]);
        f.push(n2.near.window[3]);
        f.push(w[4]);
        f.push(n1.near.window[5]);
        f.push(w[6]);
        f.push(n1.near.window[7]);
        f.push(fh_end(fh_part(pp[0], t.lower)));
        f.push(fh_end(fh_part(t.near.pair[1], n1.lower)));
        f.push(fh_end(fh_part(fh_part(pp[2], t.short), n1.short)));
        f.push(fh_end(fh_part(p2.near.pair[3], p1.lower)));
        if p1.title {
            f.push(fh(20, &[]));
        } else if p2.title && is_capitalised(p1.norm) {
            // "President Vladimir Putin": the title two words back, a name in between.
            f.push(fh(9, &[]));
        }
        // (Most words and their neighbours are in no list: nothing to look at then.)
        let gaz3 = [&t.gaz, &p1.gaz, &n1.gaz];
        if gaz3.iter().any(|g| g.begin | g.inside != 0) {
            for ((bit, _), ids) in LISTS.iter().zip(&fixed.gaz) {
                for (k, g) in gaz3.into_iter().enumerate() {
                    if g.begin & bit != 0 {
                        f.extend(ids[0].get(k));
                    }
                    if g.inside & bit != 0 {
                        f.extend(ids[1].get(k));
                    }
                }
            }
        }
        let cap = if is_capitalised(t.norm) { "C" } else { "c" };
        for (k, g) in [&t.company, &p1.company, &n1.company]
            .into_iter()
            .enumerate()
        {
            let pos = POSITIONS.get(k).copied().unwrap_or("0");
            if g.begin & COMPANY != 0 {
                f.push(fh(29, &["B", pos]));
            }
            if g.inside & COMPANY != 0 {
                f.push(fh(29, &["I", pos]));
            }
            // Products (apps, software, devices) apart: WNUT-17 and the modern pages type them
            // MISC where a company is ORG.
            if g.begin & PRODUCT != 0 {
                f.push(fh(38, &["B", pos]));
            }
            if g.inside & PRODUCT != 0 {
                f.push(fh(38, &["I", pos]));
            }
        }
        if t.company.long_pos != 0 {
            if t.company.long_bits & COMPANY != 0 {
                f.push(fh(30, &[long_pos(t.company.long_pos), cap]));
            }
            if t.company.long_bits & PRODUCT != 0 {
                f.push(fh(39, &[long_pos(t.company.long_pos), cap]));
            }
        }
        if cap == "C" {
            f.push(fh(34, &[bucket_name(t.zipf), initial]));
            f.push(fh(35, &[line, initial]));
        }
        if t.gaz.long_pos != 0 {
            for (bit, name) in LISTS {
                if t.gaz.long_bits & bit != 0 {
                    f.push(fh(27, &[name, long_pos(t.gaz.long_pos), cap]));
                }
            }
        }
        let m0 = mem_at(ii);
        if m0.long_pos != 0 {
            for (k, ty) in TYPES.iter().enumerate() {
                if m0.long_bits & (1 << k) != 0 {
                    f.push(fh(28, &[ty, long_pos(m0.long_pos), cap]));
                }
            }
        }
        let mem3 = [mem_at(ii), mem_at(ii - 1), mem_at(ii + 1)];
        for (p, g) in mem3
            .into_iter()
            .enumerate()
            .filter(|(_, g)| g.begin | g.inside != 0)
        {
            for (k, ids) in fixed.memory.iter().enumerate() {
                if g.begin & (1 << k) != 0 {
                    f.extend(ids[0].get(p));
                }
                if g.inside & (1 << k) != 0 {
                    f.extend(ids[1].get(p));
                }
            }
        }
        let (rs, re) = run_of.get(i).copied().unwrap_or((0, 0));
        if re > rs {
            let len = ["0", "1", "2", "3", "4"]
                .get((re - rs).min(4))
                .copied()
                .unwrap_or("4");
            let pos = if re - rs == 1 {
                "S"
            } else if i == rs {
                "B"
            } else if i + 1 == re {
                "E"
            } else {
                "I"
            };
            f.push(fh(22, &[len, pos]));
            let last = at(re as isize - 1);
            if last.gaz.begin & ORG_SUFFIX != 0 {
                f.push(fh(23, &[pos]));
            }
            let first = at(rs as isize);
            if first.gaz.begin & FIRST_NAME != 0 && re - rs >= 2 {
                f.push(fh(24, &[pos]));
            }
            // A run that reaches the next word's lower-case noun ("Syrian troops") differs from
            // one that ends a noun phrase.
            f.push(fh(25, &[pos, n1.short]));
        }
        if is_capitalised(t.norm) && doc.lower_seen.contains(&word_key(t.lower)) {
            f.push(fh(26, &[initial]));
        }
        out.end_word();
    }
    drop(toks);
    out.type_ids = ids;
    out.run_of = run_of;
}

/// A sentence's features in one buffer, reused from sentence to sentence: word `i`'s are
/// `ids[ends[i - 1]..ends[i]]`.
pub struct SentenceFeatures {
    ids: Vec<u32>,
    ends: Vec<usize>,
    /// The sentence's [`LineClass`].
    pub line: LineClass,
    /// Scratch of [`sentence_features`]: each word's type, and its run of capitals.
    type_ids: Vec<u32>,
    run_of: Vec<(usize, usize)>,
}

impl Default for SentenceFeatures {
    fn default() -> Self {
        SentenceFeatures {
            ids: Vec::new(),
            ends: Vec::new(),
            line: LineClass::Prose,
            type_ids: Vec::new(),
            run_of: Vec::new(),
        }
    }
}

impl SentenceFeatures {
    fn clear(&mut self) {
        self.ids.clear();
        self.ends.clear();
    }

    /// Closes the current word's list.
    fn end_word(&mut self) {
        self.ends.push(self.ids.len());
    }

    /// Word `i`'s features (empty past the end).
    pub fn word(&self, i: usize) -> &[u32] {
        let start = i
            .checked_sub(1)
            .map_or(Some(0), |p| self.ends.get(p).copied());
        match (start, self.ends.get(i)) {
            (Some(a), Some(&b)) => self.ids.get(a..b).unwrap_or(&[]),
            _ => &[],
        }
    }

    /// One list per word.
    pub fn to_lists(&self) -> Vec<Vec<u32>> {
        (0..self.ends.len())
            .map(|i| self.word(i).to_vec())
            .collect()
    }
}

/// Document-wide evidence from a first tagging pass: how every other occurrence of a word was
/// tagged (Ratinov & Roth's context aggregation), so a name tagged PER in one sentence pulls
/// its other occurrences, before and after, the same way.
#[derive(Default)]
pub struct Aggregate {
    /// Per lower-cased word: how often it was tagged with each type (O, PER, ORG, LOC, MISC),
    /// and with each full BILOU tag ("Putin" as L-PER after "Vladimir", which says it may
    /// stand alone as U-PER here).
    words: FastMap<String, ([u16; 5], [u16; NUM_TAGS])>,
}

fn type_slot(tag: usize) -> usize {
    tag_type(tag).map_or(0, |k| k + 1)
}

impl Aggregate {
    pub fn new(sentences: &[Vec<&str>], tags: &[Vec<usize>]) -> Self {
        let mut agg = Aggregate::default();
        let mut buf = String::new();
        for (words, ts) in sentences.iter().zip(tags) {
            for (w, &t) in words.iter().zip(ts) {
                if is_capitalised(w) {
                    let lower = lower_into(&mut buf, w);
                    let e = match agg.words.get_mut(lower) {
                        Some(e) => e,
                        None => agg
                            .words
                            .entry(lower.to_string())
                            .or_insert(([0; 5], [0; NUM_TAGS])),
                    };
                    if let Some(c) = e.0.get_mut(type_slot(t)) {
                        *c = c.saturating_add(1);
                    }
                    if let Some(c) = e.1.get_mut(t) {
                        *c = c.saturating_add(1);
                    }
                }
            }
        }
        agg
    }

    /// Adds the second-pass features of one sentence (first-pass tags `s1`) to `out`, except
    /// for the words marked in `quiet` (may be empty).
    pub fn sentence_features(
        &self,
        words: &[&str],
        quiet: &[bool],
        s1: &[usize],
        out: &mut [Vec<u32>],
    ) {
        let names = ["O", "PER", "ORG", "LOC", "MISC"];
        let name = |t: usize| names.get(t).copied().unwrap_or("O");
        let fixed = fixed_ids();
        // A tag's slot in the fixed ids: its number, or `<s>`/`</s>` past either end.
        let tag_slot = |k: isize| -> usize {
            if k < 0 {
                return NUM_TAGS;
            }
            s1.get(k as usize)
                .map_or(NUM_TAGS + 1, |&t| if t < NUM_TAGS { t } else { 0 })
        };
        let mut buf = String::new();
        for (i, (w, f)) in words.iter().zip(out.iter_mut()).enumerate() {
            if quiet.get(i) == Some(&true) {
                continue;
            }
            let ii = i as isize;
            let (t0, t, t1) = (tag_slot(ii - 1), tag_slot(ii), tag_slot(ii + 1));
            f.extend(fixed.tag.get(t));
            f.extend(fixed.tag_before.get(t0).and_then(|r| r.get(t)));
            f.extend(fixed.tag_after.get(t).and_then(|r| r.get(t1)));
            if !is_capitalised(w) {
                continue;
            }
            let Some((c, tc)) = self.words.get(lower_into(&mut buf, w)) else {
                continue;
            };
            // The other occurrences: remove this one's own vote.
            let mut c = *c;
            if let Some(x) = s1.get(i).and_then(|&t| c.get_mut(type_slot(t))) {
                *x = x.saturating_sub(1);
            }
            let total: u32 = c.iter().map(|&n| u32::from(n)).sum();
            if total == 0 {
                f.push(fh(53, &[]));
                continue;
            }
            let mut best = 0;
            for (t, &n) in c.iter().enumerate() {
                if n > c.get(best).copied().unwrap_or(0) {
                    best = t;
                }
            }
            f.push(fh(54, &[name(best)]));
            let share = u32::from(c.get(best).copied().unwrap_or(0)) * 4 / total;
            let share = ["0", "1", "2", "3", "4"]
                .get(share as usize)
                .copied()
                .unwrap_or("4");
            f.push(fh(55, &[name(best), share]));
            for (t, &n) in c.iter().enumerate() {
                if n > 0 {
                    f.push(fh(56, &[name(t)]));
                }
            }
            {
                let mut tc = *tc;
                if let Some(x) = s1.get(i).and_then(|&t| tc.get_mut(t)) {
                    *x = x.saturating_sub(1);
                }
                let mut best = 0;
                for (t, &n) in tc.iter().enumerate() {
                    if n > tc.get(best).copied().unwrap_or(0) {
                        best = t;
                    }
                }
                if tc.get(best).copied().unwrap_or(0) > 0 {
                    let own = TAG_NAMES.get(best).copied().unwrap_or("O");
                    f.push(fh(57, &[own]));
                    // Its first-pass neighbours here: a lone token of a name seen in full.
                    let alone = s1.get(i.wrapping_sub(1)).is_none_or(|&t| t == 0)
                        && s1.get(i + 1).is_none_or(|&t| t == 0);
                    f.push(fh(58, &[own, if alone { "1" } else { "0" }]));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::tags::{make_tag, POS_U};

    #[test]
    fn quiet_words_are_lower_case_and_away_from_names() {
        let words = [
            "the", "talks", "in", "Moscow", "on", "friday", "were", "long", ",", "and", "the",
            "iphone", "’s", "price", "fell", "3", "%", "so", "what", "東京", "then",
        ];
        let quiet = quiet_words(&words);
        let loud: Vec<&str> = words
            .iter()
            .zip(&quiet)
            .filter(|(_, &q)| !q)
            .map(|(w, _)| *w)
            .collect();
        // Capitals, digits, uncased scripts and rare lower-case words ("talks", "iphone") are
        // scored, with their neighbours.
        assert_eq!(
            loud,
            [
                "the", "talks", "in", "Moscow", "on", "friday", "were", "the", "iphone", "’s",
                "price", "fell", "3", "%", "what", "東京", "then"
            ]
        );
        assert!(quiet_words(&[]).is_empty());
        // A capital only for opening the sentence, unless a name follows.
        assert_eq!(quiet_words(&["The", "day", "was", "long"]), [true; 4]);
        assert_eq!(quiet_words(&["The", "Hague", "said"]), [false; 3]);
        assert_eq!(
            quiet_words(&["They", "met", "The", "day"]),
            [true, false, false, false]
        );
        assert_eq!(quiet_words(&["Paris"]), [false]);
        // A rare lower-case word may be a name written in lower case; common ones stay quiet.
        assert_eq!(
            quiet_words(&["we", "love", "the", "new", "one", "by", "bieber"]),
            [true, true, true, true, true, false, false]
        );
    }

    #[test]
    fn headings_are_classed_and_not_remembered() {
        let prose = ["Roughly", "half", "of", "Acme", "staff", "left", "."];
        let title = ["How", "Acme", "Quietly", "Became", "a", "Giant"];
        let caps = ["ACME", "WINS", "BIG", "IN", "PARIS"];
        assert_eq!(LineClass::of(&prose), LineClass::Prose);
        assert_eq!(LineClass::of(&title), LineClass::Title);
        assert_eq!(LineClass::of(&caps), LineClass::Caps);
        let mut h = History::default();
        let per = make_tag(0, POS_U);
        h.record_sentence(&title, &[0, per, 0, 0, 0, 0]);
        let mut out = Vec::new();
        h.features("Acme", &mut out);
        assert!(out.is_empty(), "a heading's tags are not remembered");
        h.record_sentence(&prose, &[0, 0, 0, per, 0, 0, 0]);
        h.features("Acme", &mut out);
        assert!(!out.is_empty());
    }

    #[test]
    fn word_types_are_interned_by_form() {
        let mut t = WordTypes::with_capacity(8);
        let a = t.intern("Paris");
        let b = t.intern("paris");
        assert_ne!(a, b);
        assert_eq!(t.intern("Paris"), a);
        assert_eq!(t.len(), 2);
        t.complete(a);
        t.complete(a);
        let info = t.info(a).unwrap();
        assert_eq!(
            (t.str(info.norm), t.str(info.lower), t.str(info.short)),
            ("Paris", "paris", "Xx")
        );
        assert_eq!(t.features(a).first(), Some(&fh(0, &[])));
        // Non-ASCII forms are lower-cased in full.
        let c = t.intern("ÉCOLE");
        t.complete(c);
        assert_eq!(t.str(t.info(c).unwrap().lower), "école");
    }

    #[test]
    fn cached_hashes_are_the_feature_ids() {
        // The model's ids are fh() of the parts: the per-type shortcuts must give the same.
        let fixed = fixed_ids();
        assert_eq!(fixed.gaz[6][1][2], fh(21, &[LISTS[6].1, "I", "+1"]));
        assert_eq!(fixed.memory[2][0][1], fh(32, &[TYPES[2], "B", "-1"]));
        assert_eq!(fixed.tag[4], fh(50, &[TAG_NAMES[4]]));
        assert_eq!(
            fixed.tag_before[NUM_TAGS][3],
            fh(51, &["<s>", TAG_NAMES[3]])
        );
        assert_eq!(
            fixed.tag_after[5][NUM_TAGS + 1],
            fh(52, &[TAG_NAMES[5], "</s>"])
        );
        for (a, b) in [("the", "putin"), ("", "x"), ("São", ""), ("Xx", "xx.")] {
            let n = Neighbour::new(a, b, a);
            assert_eq!(n.window[6], fh(62, &[a]));
            assert_eq!(n.window[0], fh(10, &[a]));
            assert_eq!(n.window[3], fh(13, &[a]));
            assert_eq!(n.window[5], fh(15, &[b]));
            assert_eq!(fh_end(fh_part(n.pair[0], b)), fh(16, &[a, b]));
            assert_eq!(
                fh_end(fh_part(fh_part(n.pair[2], a), b)),
                fh(18, &[b, a, b])
            );
        }
    }
}

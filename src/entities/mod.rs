//! Named-entity recognition: a trained sequence tagger for PER/ORG/LOC/MISC, rules for
//! dates, times, money and percentages, and grouping of mentions into entities.
//!
//! Pipeline of [`recognize`]: [`tokenize`] (byte offsets, sentences that never cross a line
//! break) -> [`tagger`] (an averaged structured perceptron over BILOU tags, with
//! [`features`]: word, affixes, shape, a +-2 window, [`gazetteer`] lists, runs of capitalised
//! words, the document's spelling of headline capitals, the names remembered from training and
//! the tags given to the same word earlier in the document; lower-case words away from any
//! capital are O without being scored, see [`features::quiet_words`]) -> [`rules`] for
//! DATE/TIME/MONEY/PERCENT (which win over overlapping tagger spans) -> titles stripped from
//! people ("President Vladimir Putin" -> "Vladimir Putin") and modifiers from names
//! ("Kurdish-led Syrian Democratic Forces") -> titles of works in quotes ([`works`]) -> names
//! split in two joined ([`compounds`]) ->
//! [`aliases`]
//! (mentions grouped into entities). [`annotate_html`] applies it to article HTML ([`marks`]).
//!
//! The model (`models/ner.bin`, i8 weights, see [`model`]) is rebuilt by `lectern train-ner`:
//! trained on CoNLL-2003 eng.train, epochs chosen on eng.testa, eng.testb kept for reporting
//! (training code in `train`, native only).

use serde::Serialize;

pub use marks::annotate_html;

pub mod affiliations;
pub mod agreement;
pub mod aliases;
pub mod appositives;
pub mod bylines;
pub mod characters;
pub mod code_names;
pub mod compounds;
pub mod credits;
pub mod eponyms;
pub mod features;
pub mod gazetteer;
pub mod gazetteer_lists;
pub mod guards;
pub mod holidays;
pub mod korean_names;
pub mod language;
pub mod languages;
pub mod lists;
pub mod marks;
pub mod memory;
pub mod model;
pub mod phrase_table;
pub mod publisher;
pub mod references;
pub mod rules;
pub mod species;
pub mod surnames;
pub mod tagger;
pub mod tags;
pub mod tokenize;
pub mod towns;
pub mod words;
pub mod work_tables;
pub mod works;

#[cfg(not(target_arch = "wasm32"))]
pub mod conll;
#[cfg(not(target_arch = "wasm32"))]
pub mod train;

/// The kind of an entity.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, PartialOrd, Ord)]
pub enum Label {
    #[serde(rename = "PER")]
    Per,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "MISC")]
    Misc,
    #[serde(rename = "DATE")]
    Date,
    #[serde(rename = "TIME")]
    Time,
    #[serde(rename = "MONEY")]
    Money,
    #[serde(rename = "PERCENT")]
    Percent,
}

impl Label {
    /// A name (PER, ORG, LOC, MISC), not a date or an amount.
    pub fn is_name(self) -> bool {
        matches!(self, Label::Per | Label::Org | Label::Loc | Label::Misc)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Org => "ORG",
            Label::Loc => "LOC",
            Label::Misc => "MISC",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
        }
    }
}

/// One mention in the text. `start`/`end` are UTF-8 byte offsets; `entity` indexes
/// [`Entities::entities`] by id.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Mention {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: Label,
    pub entity: usize,
}

impl Mention {
    /// A mention of `text[start..end]` (not yet grouped).
    pub fn new(text: &str, start: usize, end: usize, label: Label) -> Mention {
        Mention {
            start,
            end,
            text: text.get(start..end).unwrap_or("").to_string(),
            label,
            entity: 0,
        }
    }
}

/// Up to `max` bytes of `text` before `at` (fewer, to start on a character): rules that look
/// a few words around a mention stay linear on long texts without spaces.
pub(crate) fn text_before(text: &str, at: usize, max: usize) -> &str {
    let from = (at.saturating_sub(max)..at)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(at);
    text.get(from..at).unwrap_or("")
}

/// Up to `max` bytes of `text` after `at` (fewer, to end on a character).
pub(crate) fn text_after(text: &str, at: usize, max: usize) -> &str {
    let to = ((at + 1)..=at.saturating_add(max).min(text.len()))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(at);
    text.get(at..to).unwrap_or("")
}

/// Adds mentions found after the first pass, keeping all in text order.
pub(crate) fn add_mentions(mentions: &mut Vec<Mention>, added: Vec<Mention>) {
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.start);
    }
}

/// A group of mentions of the same thing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Entity {
    pub id: usize,
    pub name: String,
    pub label: Label,
    pub count: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Entities {
    pub mentions: Vec<Mention>,
    pub entities: Vec<Entity>,
    /// Whether names (PER/ORG/LOC/MISC) were looked for: the tagger runs on English text only
    /// (see [`language`]); dates, times, money and percentages are found in any case.
    pub names: bool,
}

/// Titles and honorifics kept out of a person's name ("President Vladimir Putin" ->
/// "Vladimir Putin", "Mr Putin" -> "Putin").
const TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "sir",
    "dame",
    "lord",
    "lady",
    "president",
    "vice",
    "prime",
    "minister",
    "chancellor",
    "premier",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "emir",
    "general",
    "gen",
    "colonel",
    "col",
    "captain",
    "capt",
    "lieutenant",
    "sergeant",
    "admiral",
    "senator",
    "sen",
    "governor",
    "gov",
    "judge",
    "justice",
    "pope",
    "cardinal",
    "bishop",
    "rev",
    "reverend",
    "revd",
    "father",
    "imam",
    "rabbi",
    "ayatollah",
    "mayor",
    "secretary",
    "ambassador",
    "interim",
    "former",
    "leader",
    "chairman",
    "ceo",
    "st",
    "saint",
    "mme",
    "herr",
    "monsieur",
    "madame",
    "senor",
    "senora",
    "comrade",
    "mx",
    // Ranks and offices of police, courts and legislatures ("Detective Tsukauchi", "Rep. Ocasio-Cortez").
    "detective",
    "det",
    "inspector",
    "officer",
    "sgt",
    "lt",
    "sheriff",
    "constable",
    "rep",
    "congressman",
    "congresswoman",
    "pastor",
];

/// A capitalised compound modifier such as "Kurdish-led", "Saudi-backed" or "Boston-based":
/// a name, a hyphen and a lower-case participle.
pub fn is_name_modifier(word: &str) -> bool {
    const PARTS: &[&str] = &[
        "born", "run", "held", "made", "built", "style", "era", "speaking",
    ];
    let Some((head, part)) = word.rsplit_once('-') else {
        return false;
    };
    head.chars().next().is_some_and(char::is_uppercase)
        && part.len() >= 3
        && part.chars().all(|c| c.is_ascii_lowercase())
        && (part.ends_with("ed") || PARTS.contains(&part))
}

pub(crate) fn is_title(word: &str) -> bool {
    let l = word.trim_end_matches('.').to_lowercase();
    TITLES.contains(&l.as_str())
}

/// Finds the entity mentions in `text` (paragraphs separated by blank lines), judging its
/// language from the text alone.
pub fn recognize(text: &str) -> Entities {
    recognize_in(text, None)
}

/// What the page says of itself that bears on its names.
#[derive(Debug, Clone, Copy, Default)]
pub struct Page<'a> {
    /// The declared language (`<html lang>`, Content-Language, `og:locale`): names are looked
    /// for in English only, see [`language::names_apply`].
    pub lang: Option<&'a str>,
    /// The site's name (`og:site_name`, the publisher's): the publisher named in its own text
    /// is an organisation, see [`publisher::relabel`].
    pub site: Option<&'a str>,
}

/// [`recognize`] for text whose page declares a language: see [`Page::lang`].
pub fn recognize_in(text: &str, lang: Option<&str>) -> Entities {
    recognize_with(tagger::model(), text, &Page { lang, site: None })
}

/// [`recognize`] for the text of a page that says what it is ([`Page`]).
pub fn recognize_page(text: &str, page: &Page) -> Entities {
    recognize_with(tagger::model(), text, page)
}

/// [`recognize_page`] with a given tagger (`None`: the rules only).
pub fn recognize_with(model: Option<&tagger::Tagger>, text: &str, page: &Page) -> Entities {
    let lang = page.lang;
    let toks = tokenize::tokenize(text);
    let sents = tokenize::sentences(text, &toks);
    let words: Vec<Vec<&str>> = sents
        .iter()
        .map(|r| {
            toks.get(r.clone())
                .unwrap_or(&[])
                .iter()
                .map(|t| t.text(text))
                .collect()
        })
        .collect();
    let model = model.filter(|_| language::names_apply(lang, &words));
    let tags = match model {
        Some(m) => tagger::tag_document(m, &words),
        None => Vec::new(),
    };
    let mut mentions: Vec<Mention> = Vec::new();
    // One span buffer for every sentence.
    let mut spans: Vec<(usize, usize, Label)> = Vec::new();
    let mut citation_lines = references::CitationLines::new(text);
    for (si, range) in sents.iter().enumerate() {
        let Some(ws) = words.get(si) else { continue };
        spans.clear();
        rules::find_into(ws, &mut spans);
        if let Some(t) = tags.get(si) {
            for (a, b, ty) in tag_spans(t) {
                let (mut a, mut b) = (a, b);
                // "the Kurdish-led Syrian Democratic Forces": the modifier is a MISC of its own
                // (CoNLL's convention, which the tagger mostly follows), not part of the name.
                if ty != Label::Misc && b - a > 1 && ws.get(a).is_some_and(|w| is_name_modifier(w))
                {
                    if spans.iter().all(|s| a < s.0 || a >= s.1) {
                        spans.push((a, a + 1, Label::Misc));
                    }
                    a += 1;
                }
                // Drop titles at the front of a person, and a possessive after one. A company
                // or place keeps an "'s" the tagger gave it: it is part of the name ("McDonald's",
                // "Sotheby's", "Lord's"; eng.testa 0.9356 -> 0.9361 with it kept).
                while ty == Label::Per && b - a > 1 && ws.get(a).is_some_and(|w| is_title(w)) {
                    a += 1;
                }
                while ty == Label::Per
                    && b - a > 1
                    && ws
                        .get(b - 1)
                        .is_some_and(|w| matches!(*w, "'s" | "’s" | "'S" | "’S"))
                {
                    b -= 1;
                }
                // A day after "on" is no part of the name ("the Security Council on Friday"),
                // nor is a month before an organisation or place ("the August National
                // Association ... index"; not "March of Dimes", "Saturday Night Live").
                let date_at = |i: usize| {
                    spans
                        .iter()
                        .any(|s| s.2 == Label::Date && s.0 == i && s.1 == i + 1)
                };
                if b - a > 2 && ws.get(b - 2) == Some(&"on") && date_at(b - 1) {
                    b -= 2;
                }
                let month = ws
                    .get(a)
                    .is_some_and(|w| !rules::WEEKDAYS.contains(&w.to_lowercase().as_str()));
                if matches!(ty, Label::Org | Label::Loc)
                    && b - a > 1
                    && date_at(a)
                    && month
                    && ws.get(a + 1) != Some(&"of")
                {
                    a += 1;
                }
                // A name that holds a day or month word ("Sheffield Wednesday", "Sun Jun") is
                // the name: the date rule only saw the one word.
                let within = |s: &(usize, usize, Label)| {
                    s.2 == Label::Date && a <= s.0 && s.1 <= b && s.1 - s.0 < b - a
                };
                if spans.iter().any(within)
                    && spans.iter().all(|s| b <= s.0 || a >= s.1 || within(s))
                {
                    spans.retain(|s| !within(s));
                }
                if spans.iter().all(|s| b <= s.0 || a >= s.1) {
                    spans.push((a, b, ty));
                }
            }
        }
        if model.is_some() {
            guards::add_listed(ws, &mut spans);
            guards::extend_names(ws, &mut spans);
            // Only a title in double quotes reads the line (see `works::quoted_titles`).
            let double_quoted = ws.iter().any(|w| matches!(*w, "\"" | "“"));
            let citation = double_quoted
                && toks
                    .get(range.start)
                    .is_some_and(|t| citation_lines.at(t.start));
            works::quoted_titles(ws, &mut spans, citation);
            works::unquoted_titles(ws, &mut spans);
            works::named_works(ws, &mut spans);
            compounds::join(ws, &mut spans);
            holidays::mark(ws, &mut spans);
            korean_names::mark(ws, &mut spans);
            bylines::mark(ws, &mut spans);
        }
        spans.sort_unstable_by_key(|s| s.0);
        for &(a, b, label) in &spans {
            let (Some(first), Some(last)) =
                (toks.get(range.start + a), toks.get(range.start + b - 1))
            else {
                continue;
            };
            let (start, end) = (first.start, last.end);
            mentions.push(Mention {
                start,
                end,
                text: text.get(start..end).unwrap_or("").to_string(),
                label,
                entity: 0,
            });
        }
    }
    add_acronym_uses(text, &toks, &mut mentions);
    guards::apply(text, &toks, &sents, &mut mentions);
    work_tables::mark(text, &mut mentions);
    publisher::relabel(&mut mentions, page.site);
    eponyms::relabel(&mut mentions);
    towns::relabel(text, &mut mentions);
    towns::mark_codes(text, &mut mentions);
    bylines::posters(text, &mut mentions);
    if model.is_some() {
        publisher::add_untagged(text, &mut mentions, page.site);
        surnames::add_uses(text, &toks, &sents, &mut mentions);
        characters::relabel(text, &toks, &mut mentions);
        affiliations::add(text, &toks, &mut mentions);
        languages::mark(text, &toks, &sents, &mut mentions);
    }
    let entities = aliases::group(text, &mut mentions);
    Entities {
        mentions,
        entities,
        names: model.is_some(),
    }
}

/// Entity spans (first token, end token, label) of a tag sequence.
fn tag_spans(tags: &[usize]) -> impl Iterator<Item = (usize, usize, Label)> {
    const LABELS: [Label; 4] = [Label::Per, Label::Org, Label::Loc, Label::Misc];
    self::tags::bilou_spans(tags)
        .into_iter()
        .map(|(a, b, k)| (a, b, LABELS.get(k).copied().unwrap_or(Label::Misc)))
}

/// An acronym the text defines ("Syrian Democratic Forces (SDF)") is a mention wherever it
/// appears, even where the tagger missed it.
fn add_acronym_uses(text: &str, toks: &[tokenize::Token], mentions: &mut Vec<Mention>) {
    let defs = aliases::acronym_definitions(text, mentions);
    if defs.is_empty() {
        return;
    }
    let mut added = false;
    // Mentions are in text order and do not overlap: a binary search finds any overlap.
    let spans: Vec<(usize, usize)> = mentions.iter().map(|m| (m.start, m.end)).collect();
    for t in toks {
        let w = t.text(text);
        let Some(&def) = defs.get(w) else { continue };
        let Some(label) = mentions.get(def).map(|m| m.label) else {
            continue;
        };
        let k = spans.partition_point(|s| s.1 <= t.start);
        if spans.get(k).is_some_and(|s| s.0 < t.end) {
            continue;
        }
        mentions.push(Mention::new(text, t.start, t.end, label));
        added = true;
    }
    if added {
        mentions.sort_by_key(|m| m.start);
    }
}

/// Mentions of `names` (text, label), each found in `text` after the one before (tests).
#[cfg(test)]
pub(crate) fn mentions_in_order(text: &str, names: &[(&str, Label)]) -> Vec<Mention> {
    let mut from = 0;
    let mut out = Vec::new();
    for &(name, label) in names {
        let Some(at) = text.get(from..).and_then(|t| t.find(name)) else {
            continue;
        };
        let start = from + at;
        out.push(Mention::new(text, start, start + name.len(), label));
        from = start + name.len();
    }
    out
}

//! Rules after the tagger, before grouping: classes of wrong marks the tagger makes on web pages.
//!
//! - symbols: rating stars and other pictographs are never part of a name ("★★★★☆Dune");
//! - "X and Y" / "X or Y" is never one person, and "X – Y", "X / Y" or "X is Y" never one
//!   name: the span is split at the conjunction, dash, slash or verb;
//! - photo credits carry no marks ([`credits`]);
//! - Latin binomials are species, not names ([`species`]);
//! - degrees and post-nominal letters after a person ("Ann Lee, M.D.") are not names;
//! - capitalised common words: a closed-class word alone ("However", "SUBSCRIBE") is never a
//!   name, and a heading or ALL-CAPS span made only of frequent words is dropped unless the
//!   text also writes those words capitalised in running prose;
//! - listed names the tagger left out: a company or product of the lists, written with its
//!   capitals, is a name ("Salesforce has since branched out" opens a sentence the tagger
//!   reads as plain words), unless it is a frequent English word ("Apple", "Target");
//! - institutions ("National Gallery", "Royal Academy of Music") are organisations, not places;
//! - names kept whole: "Inner Mongolia", "Martha's Vineyard", "the Court for the Southern
//!   District of New York", "Kim Jong Un" (the tagger often splits or cuts them).

use std::collections::HashSet;
use std::ops::Range;

use super::features::{lower_into, title_case, FastSet};
use super::gazetteer::{
    longest_end, whole_match, zipf_bucket, GazMatch, Gazetteer, CITY, COMPANY, COUNTRY, FIRST_NAME,
    NATIONALITY, PRODUCT, REGION, SURNAME,
};
use super::tokenize::Token;
use super::words::{is_closed, is_common, is_function, is_generic_acronym};
use super::{credits, species, Label, Mention};

/// Adds the companies and products of the lists that the tagger left out to a sentence's spans
/// (first word, end word, label; `words` as written). One word must be no frequent English word
/// (bucket 8 and up: "Apple", "Target", "Square") and not a single letter; longer names are
/// distinctive as they are. Companies are ORG, products MISC.
pub fn add_listed(words: &[&str], spans: &mut Vec<(usize, usize, Label)>) {
    const FREQUENT: u8 = 8;
    let m = Gazetteer::get().company_matches(words);
    let mut i = 0;
    while let Some(g) = m.get(i) {
        if g.long_pos != 1 && g.long_pos != 4 {
            i += 1;
            continue;
        }
        let end = longest_end(&m, i);
        let first = words.get(i).copied().unwrap_or("");
        let lower = first.to_lowercase();
        let distinctive = end - i > 1
            || (first.chars().nth(1).is_some()
                && !is_common(&lower)
                && zipf_bucket(&lower) < FREQUENT);
        let capitalised = first.chars().next().is_some_and(char::is_uppercase);
        let free = spans.iter().all(|s| end <= s.0 || i >= s.1);
        if capitalised && distinctive && free {
            let label = if g.long_bits & COMPANY == 0 && g.long_bits & PRODUCT != 0 {
                Label::Misc
            } else {
                Label::Org
            };
            spans.push((i, end, label));
        }
        i = end;
    }
}

/// Extends a company or product the tagger cut short over the capitalised words and model
/// codes that follow it in running prose: "Facebook Shops", "YouTube TV", "Microsoft Power BI",
/// "Fujifilm X-H2S", "Allied Van Lines" are one name each (the tagger, trained on news that
/// names companies alone, stops after the brand). Not in headings or ALL-CAPS lines, where every
/// word is capitalised, and never over a title, job or function word ("Apple CEO Tim Cook",
/// "Google In ...") or into another span.
pub fn extend_names(words: &[&str], spans: &mut [(usize, usize, Label)]) {
    // Offices and roles after a name ("U.N. High Commissioner", "Apple CEO").
    const ROLES: &[&str] = &[
        "ceo",
        "cfo",
        "cto",
        "coo",
        "founder",
        "co-founder",
        "chairman",
        "chairwoman",
        "chief",
        "director",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "executive",
        "analyst",
        "high",
        "foreign",
        "defence",
        "defense",
        "secretary",
        "commissioner",
        "ambassador",
        "envoy",
        "official",
        "officials",
        "squad",
        "team",
        "vs",
    ];
    if !is_prose(words) {
        return;
    }
    let starts: Vec<usize> = spans.iter().map(|s| s.0).collect();
    for s in spans.iter_mut() {
        // Only names run on (not places, dates or amounts).
        if !matches!(s.2, Label::Org | Label::Misc | Label::Per) {
            continue;
        }
        // A nationality is an adjective, not a brand ("Israeli Foreign Minister").
        let nationality = words.get(s.0..s.1).is_some_and(|n| {
            whole_match(&Gazetteer::get().matches(n)).is_some_and(|b| b & NATIONALITY != 0)
        });
        // Nor an adjective compound ("Washington-based", "Pro-European").
        let compound = s.1 > s.0 && words.get(s.1 - 1).is_some_and(|w| w.contains('-'));
        if nationality || compound {
            continue;
        }
        let mut end = s.1;
        while let Some(w) = words.get(end) {
            let capitalised = w.chars().next().is_some_and(char::is_uppercase);
            let code = w.chars().next().is_some_and(|c| c.is_ascii_digit())
                && w.chars().any(|c| c.is_ascii_alphabetic());
            if !(capitalised || code) || starts.contains(&end) {
                break;
            }
            let lower = w.to_lowercase();
            let stop = is_function(&lower)
                || lower
                    .split('-')
                    .any(|p| super::is_title(p) || ROLES.contains(&p))
                || is_period(w)
                || is_plural_acronym(w)
                || !w
                    .chars()
                    .all(|c| c.is_alphanumeric() || matches!(c, '-' | '+' | '.'));
            if stop {
                break;
            }
            end += 1;
        }
        match s.2 {
            Label::Org | Label::Misc => s.1 = end,
            // A person's name that runs on into a business ("Sadie Coles HQ", "Emma Mason
            // Gallery") names the business.
            Label::Per
                if end > s.1
                    && words
                        .get(end - 1)
                        .is_some_and(|w| is_institution_head(&w.to_lowercase())) =>
            {
                s.1 = end;
                s.2 = Label::Org;
            }
            _ => {}
        }
    }
}

/// A plural of capitals after a name is the common noun it modifies ("Pentax [DSLRs]", "Apple
/// [SSDs]"): the name ends before it.
fn drop_trailing_plurals(text: &str, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        let Some((head, last)) = m.text.rsplit_once(' ') else {
            continue;
        };
        if m.label.is_name() && is_plural_acronym(last) && !head.trim().is_empty() {
            let (s, e) = (m.start, m.start + head.trim_end().len());
            set_span(text, m, s, e);
        }
    }
}

/// A reporting period ("H1", "Q3", "FY2024"): what follows a company is its results, not its name.
fn is_period(w: &str) -> bool {
    let digits = |t: &str| !t.is_empty() && t.chars().all(|c| c.is_ascii_digit());
    w.strip_prefix(['H', 'Q'])
        .is_some_and(|d| matches!(d, "1" | "2" | "3" | "4"))
        || w.strip_prefix("FY").is_some_and(digits)
        || w.strip_suffix(['H', 'Q'])
            .is_some_and(|d| matches!(d, "1" | "2" | "3" | "4"))
}

/// A button's verb before a name, opening a line or a sentence ("Visit StreamStore", "Shop
/// Apple Watch"): the name starts after it. Not when the rest is plain words ("Discover Cars",
/// "Get Comfortable": the whole is a name, or none).
fn trim_call_to_action_verbs(text: &str, ctx: &Context, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        let Some((verb, rest)) = m.text.split_once(' ') else {
            continue;
        };
        let lower = verb.to_lowercase();
        if !m.label.is_name() || !(CTA_VERBS.contains(&lower.as_str()) || lower == "visit") {
            continue;
        }
        let i = ctx.token_at(m.start);
        let opens =
            ctx.initial.get(i).copied().unwrap_or(false) || ctx.in_heading(text, i, m.start);
        // A name, not a phrase: a few capitalised words ("Shop Simple with My Plate" stays).
        let rest_words: Vec<&str> = rest.split_whitespace().collect();
        let capitalised = rest_words.len() <= 3
            && rest_words
                .iter()
                .all(|w| !w.chars().next().is_some_and(char::is_lowercase));
        if opens && capitalised && !rest_words.iter().all(|w| is_plain_word(w)) {
            let start = m.end - rest.len();
            let end = m.end;
            set_span(text, m, start, end);
        }
    }
}

/// Imperatives of buttons and links.
const CTA_VERBS: &[&str] = &[
    "buy",
    "shop",
    "subscribe",
    "sign",
    "download",
    "learn",
    "read",
    "get",
    "order",
    "book",
    "try",
    "start",
    "join",
    "watch",
    "view",
    "see",
    "click",
    "add",
    "discover",
    "explore",
    "contact",
    "call",
    "register",
    "donate",
    "apply",
    "claim",
    "save",
    "find",
];

/// Words of a button or link that calls to act: an imperative opening up to three plain words
/// ("Buy Now", "Learn More", "Sign Up Today").
fn is_call_to_action(lower: &[String]) -> bool {
    (2..=3).contains(&lower.len())
        && lower
            .first()
            .is_some_and(|w| CTA_VERBS.contains(&w.as_str()))
}

/// Capitals with a plural "s" ("GDRs", "IDs"): a common noun, not part of a name.
fn is_plural_acronym(w: &str) -> bool {
    w.strip_suffix('s')
        .is_some_and(|c| c.chars().count() >= 2 && c.chars().all(|ch| ch.is_ascii_uppercase()))
}

/// Whether a sentence is running prose: most of its words in lower case (a Title-Case heading or
/// an ALL-CAPS line is not). Stricter than [`LineClass`](super::features::LineClass), which
/// calls a results line or a list of names prose: there, too, capitals say nothing.
pub(crate) fn is_prose(words: &[&str]) -> bool {
    let alpha = words
        .iter()
        .filter(|w| w.chars().next().is_some_and(char::is_alphabetic));
    let (mut n, mut lower) = (0, 0);
    for w in alpha {
        n += 1;
        lower += usize::from(w.chars().next().is_some_and(char::is_lowercase));
    }
    n >= 4 && lower * 2 >= n
}

/// Applies the rules to the mentions of `text` (in text order; kept in text order).
pub fn apply(text: &str, toks: &[Token], sents: &[Range<usize>], mentions: &mut Vec<Mention>) {
    let ctx = Context::new(text, toks, sents);
    trim_symbols(text, mentions);
    trim_lowercase_prefixes(text, mentions);
    end_at_final_initials(text, mentions);
    super::code_names::drop(text, mentions);
    split_conjunctions(text, mentions);
    split_slashed_names(text, mentions);
    drop_credits(text, mentions);
    drop_species(text, mentions);
    drop_post_nominals(text, mentions);
    drop_trailing_plurals(text, mentions);
    trim_call_to_action_verbs(text, &ctx, mentions);
    drop_common_words(text, &ctx, mentions);
    keep_whole(text, &ctx, mentions);
    institutions_are_organisations(mentions);
    landmarks_are_places(mentions);
    listed_places_are_places(mentions);
    people_named_like_places(mentions);
    drop_products_named_like_people(mentions);
    super::appositives::relabel(text, mentions);
    super::agreement::relabel(text, mentions);
    mentions.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    // Merges may have swallowed other mentions: keep the first of overlapping ones.
    let mut last_end = 0;
    mentions.retain(|m| {
        let keep = m.start >= last_end;
        if keep {
            last_end = m.end;
        }
        keep
    });
    // These read neighbouring mentions: text order.
    super::surnames::couples(text, mentions);
    super::references::relabel(text, mentions);
    super::lists::complete(text, mentions);
    super::lists::relabel(text, mentions);
}

/// The last word of an institution's or business's name ("Gallery", "Foundation", "HQ", "Games",
/// "Records", "Dental"). Not hospitals: CoNLL-2003 reads those as places. Not banks either
/// ("West Bank").
fn is_institution_head(lower: &str) -> bool {
    const HEADS: &[&str] = &[
        "gallery",
        "galleries",
        "museum",
        "collection",
        "foundation",
        "institute",
        "institution",
        "academy",
        "college",
        "university",
        "school",
        "library",
        "club",
        "society",
        "council",
        "trust",
        "theatre",
        "theater",
        "orchestra",
        "studios",
        "hq",
        "projects",
        "partners",
        "associates",
        "group",
        "holdings",
        "games",
        "records",
        "labs",
        "laboratories",
        "systems",
        "solutions",
        "technologies",
        "software",
        "networks",
        "ventures",
        "consulting",
        "media",
        "entertainment",
        "pictures",
        "publishing",
        "dental",
        "clinic",
        "bakery",
        "brewery",
        "brewing",
        "airlines",
        "airways",
        "motors",
        "pharmaceuticals",
        "inc",
        "ltd",
        "llc",
        "corp",
        // The same in the languages whose institutions English texts name untranslated
        // ("Moderna Museet", "Fondation Beyeler", "Haus der Kunst").
        "museet",
        "musée",
        "musee",
        "museo",
        "museu",
        "muzeum",
        "kunsthalle",
        "kunsthaus",
        "kunstmuseum",
        "kunstverein",
        "kunstforum",
        "kunst",
        "maison",
        "huis",
        "galerie",
        "galleria",
        "galería",
        "fondation",
        "fondazione",
        "fundación",
        "fundacion",
        "fundação",
        "stiftung",
        "sammlung",
        "akademie",
        "académie",
        "universität",
        "université",
        "università",
        "universidad",
        "biennale",
        "biennial",
        "bienal",
        "triennale",
    ];
    HEADS.contains(&lower)
}

/// A "place" or "person" named as an institution ("National Gallery", "Serpentine Gallery",
/// "Royal Academy of Music", "Ledger Foundation") is an organisation: the tagger reads the
/// building, the annotation guidelines the body that runs it.
fn institutions_are_organisations(mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        if !matches!(m.label, Label::Loc | Label::Per) {
            continue;
        }
        let mut words = m.text.split_whitespace();
        let several = m.text.split_whitespace().nth(1).is_some();
        if several && words.any(|w| is_institution_head(&w.to_lowercase())) {
            m.label = Label::Org;
        }
    }
}

/// A "person" named as a building or a feature ("Sistine Chapel", "Wembley Stadium", "Gale
/// Crater") is a place: the tagger reads the first words as a name. Heads that are surnames too
/// ("Park", "Hall", "Church", "Castle") are left out.
fn landmarks_are_places(mentions: &mut [Mention]) {
    const HEADS: &[&str] = &[
        "chapel",
        "cathedral",
        "basilica",
        "palace",
        "abbey",
        "temple",
        "mosque",
        "synagogue",
        "monastery",
        "fortress",
        "citadel",
        "plaza",
        "piazza",
        "stadium",
        "arena",
        "airport",
        "canyon",
        "crater",
        "glacier",
        "volcano",
        "desert",
        "plateau",
        "gorge",
        "reef",
        "lagoon",
        "fjord",
        "peninsula",
        "boulevard",
        "avenue",
        "palais",
    ];
    // The same heads in languages that put them first ("Palazzo Vecchio", "Schloss Elmau").
    const FIRST: &[&str] = &[
        "palazzo", "palais", "castello", "schloss", "château", "chateau", "piazza", "plaza",
        "villa",
    ];
    for m in mentions.iter_mut() {
        if m.label != Label::Per {
            continue;
        }
        let mut words = m.text.split(' ');
        let first = words.next().map(str::to_lowercase);
        let last = words.next_back().map(str::to_lowercase);
        let listed =
            |w: Option<String>, heads: &[&str]| w.is_some_and(|l| heads.contains(&l.as_str()));
        if last.is_some() && (listed(last, HEADS) || listed(first, FIRST)) {
            m.label = Label::Loc;
        }
    }
}

/// A "person" that is a listed country, or a listed region or town of several words, and no
/// listed given name or surname ("Barbados", "PUNTA CANA" on a travel page's cards), is the
/// place: the tagger reads capitalised words beside people's names as one of them.
fn listed_places_are_places(mentions: &mut [Mention]) {
    let gaz = Gazetteer::get();
    for m in mentions.iter_mut() {
        if m.label != Label::Per {
            continue;
        }
        // The lists are in Title Case: "NASSAU" is looked up as "Nassau".
        let words: Vec<String> = m.text.split(' ').map(title_case).collect();
        let words: Vec<&str> = words.iter().map(String::as_str).collect();
        let bits = whole_match(&gaz.matches(&words)).unwrap_or(0);
        let names = words.iter().any(|w| {
            whole_match(&gaz.matches(&[w])).is_some_and(|b| b & (FIRST_NAME | SURNAME) != 0)
        });
        // One word only when a country: towns and regions name people the lists do not know
        // ("Obama", "Shan").
        let kinds = if words.len() > 1 {
            COUNTRY | REGION | CITY
        } else {
            COUNTRY
        };
        if bits & kinds != 0 && bits & (FIRST_NAME | SURNAME) == 0 && !names {
            m.label = Label::Loc;
        }
    }
}

/// A given name before a product's noun is a product, not a person ("Elsa Pack", "Marlin
/// Screwdriver"): nouns no one has as a surname, so "Martin Max" and "Steve
/// Case" stay people. The modern annotation marks such products only with their whole
/// names, so the mention goes.
fn drop_products_named_like_people(mentions: &mut Vec<Mention>) {
    const PRODUCT_NOUNS: &[&str] = &[
        "Pack",
        "Bundle",
        "Edition",
        "Screwdriver",
        "Opener",
        "Charger",
        "Adapter",
        "Package",
        "Template",
        "Workshop",
        "Recipe",
        "Salad",
        "Sandwich",
        "Burger",
        "Pizza",
        "Cookies",
        "Starter",
        "Toolkit",
        "Plugin",
        "Widget",
        "Theme",
        "Preset",
        "Skin",
    ];
    mentions.retain(|m| {
        m.label != Label::Per
            || !m
                .text
                .rsplit_once(' ')
                .is_some_and(|(_, last)| PRODUCT_NOUNS.contains(&last))
    });
}

/// A person whose surname is also a town ("Hannah Cairo", "Jack London", "Pamela Lyon"): the
/// tagger trusts the town's list, for the whole name or for the surname alone later ("Cairo grew
/// up ..."), and may read the pair as a club named after its town. A given name and a town, as
/// a person, a place or an organisation, make a person unless the two are a listed place or
/// company together ("Costa Rica", "Victoria Falls"), or the given name is a frequent word or a
/// place prefix; the surname alone is then that person wherever it was read as the town.
fn people_named_like_places(mentions: &mut [Mention]) {
    let gaz = Gazetteer::get();
    let listed = |w: &[&str], bits: u8| whole_match(&gaz.matches(w)).is_some_and(|b| b & bits != 0);
    let mut surnames: Vec<String> = Vec::new();
    for m in mentions.iter_mut() {
        if !matches!(m.label, Label::Loc | Label::Per | Label::Org) {
            continue;
        }
        let words: Vec<&str> = m.text.split(' ').collect();
        let [given, surname] = words.as_slice() else {
            continue;
        };
        let given_name = listed(&[given], FIRST_NAME)
            && given.chars().skip(1).all(char::is_lowercase)
            && zipf_bucket(&given.to_lowercase()) < GIVEN_NAME_BELOW
            && !PLACE_PREFIXES.contains(given);
        let town = surname.chars().skip(1).all(char::is_lowercase)
            && listed(&[surname], CITY | COUNTRY | REGION)
            && !is_institution_head(&surname.to_lowercase());
        if given_name && town && !listed(&words, CITY | COUNTRY | REGION | COMPANY) {
            m.label = Label::Per;
            surnames.push((*surname).to_string());
        }
    }
    if surnames.is_empty() {
        return;
    }
    for m in mentions.iter_mut() {
        if matches!(m.label, Label::Loc | Label::Org) && surnames.contains(&m.text) {
            m.label = Label::Per;
        }
    }
}

/// Where each token stands: opening a sentence, in a heading-like line, and which words the
/// text writes capitalised inside prose sentences.
struct Context<'a> {
    toks: &'a [Token],
    initial: Vec<bool>,
    /// Per token: whether its line reads as a heading ([`in_heading`], judged once per line).
    heading: Vec<bool>,
    prose_caps: FastSet<String>,
}

/// The line holding byte `at`.
fn line_of(text: &str, at: usize) -> &str {
    let start = text
        .get(..at)
        .and_then(|s| s.rfind('\n'))
        .map_or(0, |i| i + 1);
    let end = text
        .get(at..)
        .and_then(|s| s.find('\n'))
        .map_or(text.len(), |i| at + i);
    text.get(start..end).unwrap_or("")
}

/// Whether the line holding byte `at` reads as a heading, teaser or button: short, and not
/// ended like a sentence.
fn in_heading(text: &str, at: usize) -> bool {
    let line = line_of(text, at).trim_end();
    !line.ends_with(['.', '!', '?', '…', '"', '”', '’', ')', ':', ';', ','])
        && line.split_whitespace().count() <= 15
        && !is_table_row(line)
}

/// A row of a results or standings table ("Hearts 0 Raith 0", "NEW JERSEY 14 10 1 61"): at
/// least half as many numbers as words. Its names are the row's subject, not a teaser's words.
fn is_table_row(line: &str) -> bool {
    let (mut numbers, mut words) = (0, 0);
    for w in line.split_whitespace() {
        if w.chars().any(char::is_alphabetic) {
            words += 1;
        } else if w.chars().any(|c| c.is_ascii_digit()) {
            numbers += 1;
        }
    }
    numbers >= 2 && 2 * numbers >= words
}

impl<'a> Context<'a> {
    fn new(text: &str, toks: &'a [Token], sents: &[Range<usize>]) -> Self {
        let mut initial = vec![false; toks.len()];
        for r in sents {
            // The first word, after any opening quotes, bullets or brackets.
            for i in r.clone() {
                if let Some(x) = initial.get_mut(i) {
                    *x = true;
                }
                let w = toks.get(i).map_or("", |t| t.text(text));
                if w.chars().any(char::is_alphanumeric) {
                    break;
                }
            }
        }
        let mut prose_caps = FastSet::default();
        let mut heading = Vec::with_capacity(toks.len());
        let mut lower = String::new();
        // Tokens come in text order: the line start moves on at each line break between them,
        // and each line is judged once.
        let mut line: Option<(usize, bool)> = None; // (line start, heading)
        let mut prev_end = 0;
        for (i, t) in toks.iter().enumerate() {
            let gap_start = prev_end;
            let gap = text.get(gap_start..t.start).unwrap_or("");
            prev_end = t.end;
            if let Some(k) = gap.rfind('\n') {
                let s = gap_start + k + 1;
                line = Some((s, in_heading(text, s)));
            } else if line.is_none() {
                line = Some((0, in_heading(text, 0)));
            }
            let in_heading_line = line.is_some_and(|l| l.1);
            heading.push(in_heading_line);
            let w = t.text(text);
            if initial.get(i).copied().unwrap_or(true)
                || !w.chars().next().is_some_and(char::is_uppercase)
                || (w.chars().any(char::is_uppercase) && !w.chars().any(char::is_lowercase))
            {
                continue;
            }
            if !in_heading_line {
                lower_into(&mut lower, w);
                if !prose_caps.contains(lower.as_str()) {
                    prose_caps.insert(lower.clone());
                }
            }
        }
        Context {
            toks,
            initial,
            heading,
            prose_caps,
        }
    }

    /// [`in_heading`] for byte `at`: the judgment of its token's line when `at` is inside a
    /// token (tokens hold no line break).
    fn in_heading(&self, text: &str, i: usize, at: usize) -> bool {
        match (self.toks.get(i), self.heading.get(i)) {
            (Some(t), Some(&h)) if t.start <= at && at < t.end => h,
            _ => in_heading(text, at),
        }
    }

    fn token_at(&self, at: usize) -> usize {
        self.toks.partition_point(|t| t.end <= at)
    }
}

/// Pictographs and other symbols that stick to names ("★★★★☆", "®" excepted: it is not
/// alphanumeric either, but sits after a brand and is harmless).
fn is_symbol(c: char) -> bool {
    !c.is_alphanumeric()
        && !c.is_whitespace()
        && !c.is_ascii_punctuation()
        && !matches!(
            c,
            '’' | '‘' | '“' | '”' | '–' | '—' | '…' | '·' | '®' | '™' | '\u{a0}'
        )
}

fn set_span(text: &str, m: &mut Mention, start: usize, end: usize) {
    m.start = start;
    m.end = end;
    text.get(start..end).unwrap_or("").clone_into(&mut m.text);
}

/// A capital letter's period before a word that opens sentences ends the sentence, and the
/// name: "the Xbox One S. It sold" is "Xbox One S", where the tokenizer kept "S." as an initial
/// and the tagger ran the name on. A person's initial is followed by the surname, not by "It".
fn end_at_final_initials(text: &str, mentions: &mut [Mention]) {
    for m in mentions.iter_mut() {
        if !m.label.is_name() || !m.text.contains('.') {
            continue;
        }
        let after = text.get(m.end..).unwrap_or("");
        // A sentence opener follows, or the paragraph ends after a thing's name ("the $279
        // Xbox One S."; a person's is signed so: "Christine B.").
        let line_ends = after.trim_start_matches(' ').is_empty() || after.starts_with('\n');
        let next_opens = after
            .strip_prefix(' ')
            .and_then(|a| a.split(|c: char| !c.is_alphanumeric()).next())
            .is_some_and(super::features::is_opening_word)
            || line_ends && m.label != Label::Per;
        let words: Vec<&str> = m.text.split(' ').collect();
        let initial = |w: &str| {
            let b = w.as_bytes();
            b.len() == 2 && b[0].is_ascii_uppercase() && b[1] == b'.'
        };
        // The first initial that a sentence opener follows, inside the name or after it.
        let mut at = 0;
        let mut cut = None;
        for (k, w) in words.iter().enumerate() {
            let follows = match words.get(k + 1) {
                Some(n) => super::features::is_opening_word(n),
                None => next_opens,
            };
            if k > 0 && initial(w) && follows {
                cut = Some(at + 1);
                break;
            }
            at += w.len() + 1;
        }
        if let Some(len) = cut {
            let end = m.start + len;
            set_span(text, m, m.start, end);
        }
    }
}

fn trim_symbols(text: &str, mentions: &mut Vec<Mention>) {
    for m in mentions.iter_mut() {
        if !m.label.is_name() || !m.text.chars().any(is_symbol) {
            continue;
        }
        let t = m.text.as_str();
        let lead = t.len()
            - t.trim_start_matches(|c: char| is_symbol(c) || c == ' ')
                .len();
        let trail = t.len() - t.trim_end_matches(|c: char| is_symbol(c) || c == ' ').len();
        let (s, e) = (m.start + lead, m.end - trail);
        if s < e {
            set_span(text, m, s, e);
        } else {
            m.end = m.start;
        }
    }
    mentions.retain(|m| !m.label.is_name() || m.text.chars().any(char::is_alphabetic));
}

/// A lower-case word joined to a name by a hyphen written for a dash is no part of the name:
/// "Every AI coding assistant-Cursor, Claude Code" names "Cursor". Prefixes stay with the name
/// ("neo-Mormon", "post-Communist": CoNLL-2003 marks the whole word, 24 times in eng.testb),
/// and so do Arabic and Dutch particles ("al-Qaeda", "van-Dyke").
fn trim_lowercase_prefixes(text: &str, mentions: &mut [Mention]) {
    const PARTICLES: [&str; 14] = [
        "al", "el", "ad", "ar", "as", "ash", "at", "az", "bin", "ibn", "abu", "van", "von", "ul",
    ];
    const PREFIXES: [&str; 46] = [
        "anti", "arch", "bi", "cis", "co", "counter", "cross", "crypto", "de", "dis", "ex",
        "extra", "half", "hyper", "inter", "intra", "macro", "mega", "micro", "mid", "mini", "mis",
        "multi", "neo", "non", "out", "over", "pan", "para", "post", "pre", "pro", "proto",
        "pseudo", "quasi", "re", "self", "semi", "skew", "sub", "super", "trans", "ultra", "un",
        "under", "all",
    ];
    for m in mentions.iter_mut() {
        if !m.label.is_name() {
            continue;
        }
        let Some((prefix, rest)) = m.text.split_once('-') else {
            continue;
        };
        let name_follows = rest.chars().next().is_some_and(char::is_uppercase);
        if prefix.len() >= 2
            && prefix.chars().all(|c| c.is_ascii_lowercase())
            && name_follows
            && !PARTICLES.contains(&prefix)
            && !PREFIXES.contains(&prefix)
        {
            let start = m.start + prefix.len() + 1;
            set_span(text, m, start, m.end);
        }
    }
}

/// "Tom and Jerry" as one person is two people; an acronym that the words spell ("Ernst and
/// Young (EY)") confirms one name.
fn split_conjunctions(text: &str, mentions: &mut Vec<Mention>) {
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        // A spaced dash or slash never sits inside a name ("Chantal Joffe – Victoria Miro",
        // "Kiefer / Van Gogh": an artist and a gallery, two painters).
        // So does a verb, outside a title ("The Agency is Georgia Tech's club" is no one name).
        const VERBS: [&str; 8] = [
            " is ", " was ", " are ", " were ", " has ", " had ", " says ", " said ",
        ];
        let dashed = [" – ", " — ", " / ", " | "]
            .iter()
            .any(|j| m.text.contains(j))
            || m.label != Label::Misc && VERBS.iter().any(|j| m.text.contains(j))
            || m.label == Label::Per && m.text.split(' ').any(is_plain_inside_person);
        let joins = dashed
            || m.label == Label::Per && [" and ", " or ", " & "].iter().any(|j| m.text.contains(j));
        let confirmed = || {
            let rest = text.get(m.end..).unwrap_or("").trim_start_matches(' ');
            rest.strip_prefix('(')
                .and_then(|r| r.split(')').next())
                .is_some_and(|a| a.len() >= 2 && a.chars().all(|c| c.is_ascii_uppercase()))
        };
        if !joins || !dashed && confirmed() {
            out.push(m);
            continue;
        }
        let mut piece_start = 0;
        let mut pieces = Vec::new();
        let mut pos = 0usize;
        for w in m.text.split(' ') {
            let dash = matches!(w, "–" | "—" | "/" | "|")
                || m.label == Label::Per && is_plain_inside_person(w)
                || m.label != Label::Misc
                    && matches!(
                        w,
                        "is" | "was" | "are" | "were" | "has" | "had" | "says" | "said"
                    );
            if dash || !dashed && matches!(w, "and" | "or" | "&") {
                pieces.push((piece_start, pos.saturating_sub(1)));
                piece_start = pos + w.len() + 1;
            }
            pos += w.len() + 1;
        }
        pieces.push((piece_start, m.text.len()));
        for (a, b) in pieces {
            let part = m.text.get(a..b).unwrap_or("");
            if a < b && part.chars().any(char::is_uppercase) {
                let mut p = m.clone();
                set_span(text, &mut p, m.start + a, m.start + b);
                out.push(p);
            }
        }
    }
    *mentions = out;
}

/// Names run together with a bare slash ("Liverpool/Barcelona/Bayern Munich", "Hazlitt
/// Holland-Hibbert/Frankie Rossi Art Projects") are named one by one, when a part has several
/// words or there are three parts or more, and every part opens with a word of capitals. Two
/// one-word parts stay whole (a product and its version, "Ubuntu/Noble"), and so do a single
/// letter ("B/R Sports") and model numbers ("Lumix ZS200/TZ200").
fn split_slashed_names(text: &str, mentions: &mut Vec<Mention>) {
    if !mentions.iter().any(|m| m.text.contains('/')) {
        return;
    }
    let mut out = Vec::with_capacity(mentions.len());
    for m in mentions.drain(..) {
        let parts: Vec<&str> = m.text.split('/').collect();
        let split = m.label.is_name()
            && parts.len() >= 2
            && (parts.len() >= 3 || parts.iter().any(|p| p.contains(' ')))
            && parts.iter().all(|p| {
                let first = p.split(' ').next().unwrap_or("");
                !p.ends_with(' ')
                    && first.chars().next().is_some_and(char::is_uppercase)
                    && first.chars().filter(|c| c.is_alphabetic()).count() >= 2
                    && !p.chars().any(|c| c.is_ascii_digit())
            });
        if !split {
            out.push(m);
            continue;
        }
        let mut at = m.start;
        for part in parts {
            let mut p = m.clone();
            set_span(text, &mut p, at, at + part.len());
            at += part.len() + 1;
            out.push(p);
        }
    }
    *mentions = out;
}

/// A lower-case common word inside a "person" ("Derek Bevan allowed Van der Westhuizen") joins
/// two names; name particles ("van", "der", "bin", "the") belong to the name.
fn is_plain_inside_person(w: &str) -> bool {
    const PARTICLES: &[&str] = &[
        "van", "der", "den", "von", "del", "della", "dos", "das", "bin", "ibn", "bint", "ter",
        "ten", "les", "las", "los", "abu", "ben", "mac", "zur", "the", "and",
    ];
    w.len() >= 3
        && w.chars().all(|c| c.is_ascii_lowercase())
        && !PARTICLES.contains(&w)
        && is_common(w)
}

fn drop_credits(text: &str, mentions: &mut Vec<Mention>) {
    let zones = credits::zones(text);
    if zones.is_empty() {
        return;
    }
    mentions
        .retain(|m| !m.label.is_name() || !zones.iter().any(|&(a, b)| m.start < b && a < m.end));
}

/// Degrees, qualifications and generational suffixes written after a name, without dots and
/// lower case.
const POST_NOMINALS: &[&str] = &[
    "bsc", "cfa", "cpa", "dds", "dmd", "do", "dphil", "dvm", "esq", "facp", "facs", "frcp", "frs",
    "iii", "ii", "iv", "jd", "jr", "lcsw", "llb", "llm", "ma", "mba", "md", "mph", "ms", "msc",
    "msn", "np", "obe", "pa", "pharmd", "phd", "psyd", "qc", "rd", "rn", "sr",
];

/// Whether `word` is a post-nominal ("M.D.", "PhD", "Jr."), in any case, dots or not.
fn is_post_nominal(word: &str) -> bool {
    let key: String = word
        .chars()
        .filter(|c| c.is_alphanumeric())
        .flat_map(char::to_lowercase)
        .collect();
    POST_NOMINALS.contains(&key.as_str())
}

/// Drops a mention made of post-nominals that follows a person's name after a comma ("Ann Lee,
/// M.D., Ph.D."): alone, "M.D." read as a place (Maryland) and "PhD" as an organisation.
fn drop_post_nominals(text: &str, mentions: &mut Vec<Mention>) {
    let mut after_person = false;
    let mut last_end = 0;
    mentions.retain(|m| {
        let gap = text.get(last_end..m.start).unwrap_or("");
        let follows = after_person && matches!(gap.trim(), "," | "");
        let credential = m
            .text
            .split([' ', ','])
            .filter(|w| !w.is_empty())
            .all(is_post_nominal);
        let drop = follows && credential && m.label.is_name();
        if !drop {
            after_person = m.label == Label::Per;
        }
        last_end = m.end;
        !drop
    });
}

fn drop_species(text: &str, mentions: &mut Vec<Mention>) {
    let mut genera: HashSet<String> = HashSet::new();
    mentions.retain(|m| {
        if !m.label.is_name() {
            return true;
        }
        let words: Vec<&str> = m.text.split(' ').collect();
        // A genus is no known place, people or word ("Palestinian guerrilla"), and a name does
        // not go on after the epithet ("Medecins sans Frontieres").
        let known = |g: &str| {
            is_common(&g.to_lowercase())
                || Gazetteer::get()
                    .matches(&[g])
                    .first()
                    .is_some_and(|x| x.begin != 0)
        };
        let binomial = match words.as_slice() {
            [g] => {
                let e = species::next_word(text, m.end);
                let after = species::next_word(text, m.end + 1 + e.len());
                species::is_genus(g)
                    && species::is_epithet(e)
                    && !after.chars().next().is_some_and(char::is_uppercase)
                    && !known(g)
            }
            [.., g, e] if species::is_genus(g) && species::is_epithet(e) => !known(g),
            // Ingredient lists write the epithet capitalised ("Crambe Abyssinica Seed Oil"):
            // the plant part after it, past a common name in brackets ("Ricinus Communis
            // (Castor) Seed Oil"), says it is one. People are bracketed too ("Hiroaki Morishima
            // (Japan)"): the plant part decides.
            [g, e] => {
                let lower = e.to_lowercase();
                let after = text.get(m.end..).unwrap_or("");
                let from = match after.strip_prefix(" (") {
                    Some(inner) => inner.find(')').map_or(m.end, |i| m.end + 3 + i),
                    None => m.end,
                };
                species::is_genus(g)
                    && species::is_epithet(&lower)
                    && species::is_plant_part(species::next_word(text, from))
                    && !known(g)
            }
            _ => false,
        };
        if binomial {
            if let Some(g) = words.first().filter(|g| !g.ends_with('.')) {
                genera.insert((*g).to_string());
            }
        }
        !binomial
    });
    if !genera.is_empty() {
        // The genus alone later on ("Escherichia is a bacterium") is the same taxon.
        mentions.retain(|m| !m.label.is_name() || !genera.contains(&m.text));
    }
}

/// A word that is no name on its own: a closed-class or frequent word, or a generic acronym;
/// a hyphenated word when all its parts are ("Top-notch", "AI-powered").
fn is_plain_word(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric());
    if w.is_empty() {
        return true;
    }
    let one = |p: &str| {
        let l = p.to_lowercase();
        is_closed(&l) || is_common(&l) || is_generic_acronym(p)
    };
    one(w) || (w.contains('-') && w.split('-').all(|p| !p.is_empty() && one(p)))
}

/// Whether `words` (two or more) are exactly one place or company of the name lists: "New
/// Zealand" and "NEW ZEALAND" are made of frequent words, and still a name.
fn is_listed_phrase(words: &[&str]) -> bool {
    if words.len() < 2 {
        return false;
    }
    let forms: Vec<String> = words
        .iter()
        .map(|w| {
            if w.chars().any(char::is_lowercase) {
                w.to_string()
            } else {
                title_case(w)
            }
        })
        .collect();
    let refs: Vec<&str> = forms.iter().map(String::as_str).collect();
    let g = Gazetteer::get();
    let whole = |m: &[GazMatch], bits: u8| whole_match(m).is_some_and(|b| b & bits != 0);
    whole(&g.matches(&refs), COUNTRY | CITY | REGION)
        || whole(&g.company_matches(&refs), COMPANY | PRODUCT)
}

/// The acronyms the text defines after a capitalised name whose initials spell them ("African
/// National Congress (ANC)"); "artificial intelligence (AI)" defines no name, and neither does
/// a generic acronym spelt out in capitalised common words ("Domain Name System (DNS)"). One
/// pass.
fn defined_by_capitals(text: &str) -> HashSet<&str> {
    let mut out = HashSet::new();
    for (at, _) in text.match_indices('(') {
        let rest = text.get(at + 1..).unwrap_or("");
        let Some(acr) = rest
            .split(')')
            .next()
            .filter(|a| (2..=8).contains(&a.len()))
        else {
            continue;
        };
        if !acr.chars().all(|c| c.is_ascii_uppercase()) {
            continue;
        }
        // Eight words back at most.
        let before = super::text_before(text, at, 160).trim_end();
        let words: Vec<&str> = before.rsplit(' ').take(acr.len()).collect();
        let initials = words.iter().rev().filter_map(|w| w.chars().next());
        let spelt_out = || words.iter().all(|w| is_plain_word(w));
        if initials.eq(acr.chars()) && !(is_generic_acronym(acr) && spelt_out()) {
            out.insert(acr);
        }
    }
    out
}

fn drop_common_words(text: &str, ctx: &Context, mentions: &mut Vec<Mention>) {
    // Words of the text's longer person names: alone they still name that person ("Major"
    // after "John Major").
    let mut in_full_names: FastSet<String> = FastSet::default();
    for m in mentions
        .iter()
        .filter(|m| m.label == Label::Per && m.text.contains(' '))
    {
        in_full_names.extend(m.text.split(' ').map(str::to_string));
    }
    let defined = defined_by_capitals(text);
    mentions.retain(|m| {
        if !m.label.is_name() || (m.label == Label::Per && in_full_names.contains(&m.text)) {
            return true;
        }
        let words: Vec<&str> = m
            .text
            .split(|c: char| c.is_whitespace())
            .filter(|w| !w.is_empty() && *w != "&")
            .collect();
        let lower: Vec<String> = words
            .iter()
            .map(|w| {
                w.trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase()
            })
            .collect();
        let all_caps = words
            .iter()
            .all(|w| !w.chars().any(char::is_lowercase) && w.chars().count() > 1);
        // Acronyms ("ESPN", "NASA") are short capitals; teaser and button words are longer.
        let shouted = all_caps
            && words.iter().all(|w| w.chars().count() >= 5)
            && !line_of(text, m.start).chars().any(char::is_lowercase)
            && !is_table_row(line_of(text, m.start));
        if let [w] = words.as_slice() {
            // An acronym the text defines ("... Congress (ANC)") names something there.
            if is_generic_acronym(w) && !defined.contains(w) {
                return false;
            }
            // "AI-powered", "Top-notch": a modifier made of plain words ("trans-Atlantic" and
            // "UK-US" carry a name after the hyphen).
            let lower_tail = w
                .split('-')
                .skip(1)
                .all(|p| !p.chars().any(char::is_uppercase));
            if w.contains('-') && lower_tail && is_plain_word(w) {
                return false;
            }
        }
        if let [w] = lower.as_slice() {
            // Short ALL-CAPS words are acronyms ("US", "IT"), not pronouns.
            if all_caps && w.len() <= 3 {
                return true;
            }
            if is_function(w) {
                return false;
            }
        }
        // Worked out only where a test below needs it (most mentions never get there).
        let plain = || words.iter().all(|w| is_plain_word(w)) && !is_listed_phrase(&words);
        let mut all_plain: Option<bool> = None;
        // A "person" made of plain words only ("Solutions Officer", "Breaking News"), and a
        // list run together ("Food & Beverage", "Automotive, Construction").
        let i = ctx.token_at(m.start);
        let initial = ctx.initial.get(i).copied().unwrap_or(false);
        let heading = shouted || ctx.in_heading(text, i, m.start);
        // One capitalised word inside a prose sentence is the writer's capital, not the
        // sentence's or a heading's: "Brazilian striker Ronaldo", "no God but Allah".
        let lone_in_prose = lower.len() == 1 && !initial && !heading;
        if (m.label == Label::Per && !lone_in_prose) || m.text.contains([',', '&']) {
            let p = plain();
            all_plain = Some(p);
            if p {
                return false;
            }
        }
        // A button's words ("Buy Now", "Read More"), wherever they stand; in quotes, a title
        // ("Read to Me").
        let quoted = text
            .get(..m.start)
            .is_some_and(|b| b.ends_with(['“', '‘', '"', '\'']));
        if !quoted && is_call_to_action(&lower) && *all_plain.get_or_insert_with(plain) {
            return false;
        }
        if !(heading || initial) {
            return true;
        }
        let seen_in_prose = lower.iter().any(|w| ctx.prose_caps.contains(w));
        if seen_in_prose || !all_plain.unwrap_or_else(plain) {
            return true;
        }
        // Titles of works in headings are often plain words ("Inside Out"): beyond one word,
        // only capitals and names of other kinds ("Key Features" as an organisation) go.
        let all_closed = lower.iter().all(|w| is_closed(w));
        let shape = lower.len() == 1 || shouted || all_closed || m.label != Label::Misc;
        if heading && shape {
            return false;
        }
        // A sentence-opening adverb ("Surprisingly, ..."); other plain words open sentences as
        // names often enough ("Mediterranean oil products ...").
        !(initial && lower.len() == 1 && lower.iter().all(|w| w.ends_with("ly")))
    });
}

/// Capitalised words before a place that belong to its name ("Inner Mongolia").
const PLACE_PREFIXES: &[&str] = &[
    "Inner",
    "Outer",
    "Upper",
    "Lower",
    "Greater",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Central",
    "North",
    "South",
    "East",
    "West",
    "Northeast",
    "Northwest",
    "Southeast",
    "Southwest",
    "Mount",
    "Lake",
    "Cape",
    "Port",
    "Fort",
];

/// Last words of "X's Y" place names ("Martha's Vineyard", "St John's Wood").
const PLACE_NOUNS: &[&str] = &[
    "Vineyard", "Island", "Islands", "Bay", "Point", "Creek", "Landing", "Harbor", "Harbour",
    "Cove", "Hill", "Hills", "Peak", "Head", "Wood", "Wharf", "Mill", "Ferry", "Gap", "Hole",
    "Park", "Inn", "Canyon", "Valley",
];

/// Last words of institutions whose names go on with "of"/"for the" ("Court for the Southern
/// District of New York", "Department of Justice").
const ORG_HEADS: &[&str] = &[
    "Court",
    "Commission",
    "Department",
    "Office",
    "Agency",
    "Bureau",
    "Institute",
    "Ministry",
    "University",
    "Council",
    "Board",
    "Association",
    "Society",
    "Center",
    "Centre",
    "Museum",
    "School",
    "College",
    "Committee",
    "Bank",
    "Authority",
    "Service",
    "Academy",
    "Federation",
    "Union",
    "Foundation",
    "District",
    "Division",
    "Administration",
    "Secretary",
    "Chamber",
    "Church",
    "Party",
    "League",
    "Corps",
    "Organization",
    "Organisation",
    "Order",
];

/// Family names that open East Asian names of three parts ("Kim Jong Un").
const EAST_ASIAN_FAMILY: &[&str] = &[
    "Kim", "Lee", "Park", "Choi", "Jung", "Kang", "Cho", "Yoon", "Jang", "Lim", "Han", "Moon",
    "Xi", "Li", "Wang", "Zhang", "Liu", "Chen", "Yang", "Huang", "Zhao", "Wu", "Zhou", "Xu", "Sun",
    "Ma", "Zhu", "Hu", "Guo", "He", "Lin", "Luo", "Nguyen", "Tran", "Pham", "Hoang",
];

/// The capitalised word that ends right before byte `at` (one space between), and its start.
fn word_before(text: &str, at: usize) -> Option<(usize, &str)> {
    let before = text.get(..at)?.strip_suffix(' ')?;
    let start = before
        .char_indices()
        .rev()
        .find(|&(_, c)| !c.is_alphanumeric() && c != '-')
        .map_or(0, |(i, c)| i + c.len_utf8());
    let w = before.get(start..)?;
    w.chars()
        .next()
        .is_some_and(char::is_uppercase)
        .then_some((start, w))
}

/// End of the run of capitalised words starting at byte `at` (single spaces between, "of" and
/// "the" allowed inside; punctuation ends it), or `at` if none.
fn capital_run_end(text: &str, at: usize) -> usize {
    let rest = text.get(at..).unwrap_or("");
    let mut end = at;
    let mut pos = at;
    for chunk in rest.split(' ') {
        let n = chunk
            .char_indices()
            .find(|&(_, c)| !c.is_alphanumeric() && !matches!(c, '.' | '-'))
            .map_or(chunk.len(), |(i, _)| i);
        let w = chunk.get(..n).unwrap_or("");
        // A sentence's full stop is not part of the name ("U.S." keeps its own).
        let w = if w.matches('.').count() == 1 {
            w.trim_end_matches('.')
        } else {
            w
        };
        if w.chars().next().is_some_and(char::is_uppercase) {
            end = pos + w.len();
        } else if !matches!(w, "of" | "the") {
            break;
        }
        if w.len() < chunk.len() {
            break;
        }
        pos += chunk.len() + 1;
    }
    end
}

/// A capitalised word at least this frequent in English (bucket 9, Zipf 4.5: "Yesterday",
/// "Police") is not taken for a given name before a surname.
const GIVEN_NAME_BELOW: u8 = 9;

fn keep_whole(text: &str, ctx: &Context, mentions: &mut [Mention]) {
    let _ = ctx;
    for m in mentions.iter_mut() {
        if !m.label.is_name() {
            continue;
        }
        // "Inner Mongolia", "Greater Manchester".
        if matches!(m.label, Label::Loc | Label::Org) {
            if let Some((s, w)) = word_before(text, m.start) {
                if PLACE_PREFIXES.contains(&w) {
                    let end = m.end;
                    set_span(text, m, s, end);
                }
            }
        }
        // "Ion Popescu" cut to "Popescu": a capitalised word right before a one-word person,
        // neither a function word, a title nor a frequent English word (Zipf 4.5), is the given
        // name the tagger left out.
        if m.label == Label::Per && !m.text.contains(' ') {
            if let Some((s, w)) = word_before(text, m.start) {
                let lower = w.to_lowercase();
                let given = w.chars().skip(1).any(char::is_lowercase)
                    && w.chars().all(char::is_alphabetic)
                    && !is_closed(&lower)
                    && !is_function(&lower)
                    && !super::is_title(w)
                    && zipf_bucket(&lower) < GIVEN_NAME_BELOW;
                if given {
                    let end = m.end;
                    set_span(text, m, s, end);
                }
            }
        }
        // "Kim Jong Un" cut to "Jong Un".
        if m.label == Label::Per && m.text.contains(' ') {
            if let Some((s, w)) = word_before(text, m.start) {
                if EAST_ASIAN_FAMILY.contains(&w) {
                    let end = m.end;
                    set_span(text, m, s, end);
                }
            }
        }
        // "Martha's Vineyard": a name, a possessive and a place noun.
        let rest = text.get(m.end..).unwrap_or("");
        if let Some(after) = rest
            .strip_prefix("'s ")
            .or_else(|| rest.strip_prefix("’s "))
        {
            let w = species::next_word(text, text.len() - after.len() - 1);
            if PLACE_NOUNS.contains(&w) {
                let (s, e) = (m.start, text.len() - after.len() + w.len());
                set_span(text, m, s, e);
                m.label = Label::Loc;
            }
        }
        // "Court for the Southern District of New York", "Department of Justice".
        loop {
            let last = m.text.rsplit(' ').next().unwrap_or("");
            if !matches!(m.label, Label::Org | Label::Loc | Label::Misc)
                || !ORG_HEADS.contains(&last)
            {
                break;
            }
            let rest = text.get(m.end..).unwrap_or("");
            let Some(join) = [" of the ", " for the ", " of ", " on "]
                .iter()
                .find(|j| rest.starts_with(**j))
            else {
                break;
            };
            let at = m.end + join.len();
            let end = capital_run_end(text, at);
            // "the Security Council on Friday": a day is no part of the name.
            let day = text
                .get(at..end)
                .is_some_and(|w| super::rules::WEEKDAYS.contains(&w.to_lowercase().as_str()));
            if end <= at || day {
                break;
            }
            let s = m.start;
            set_span(text, m, s, end);
            m.label = Label::Org;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capital_runs() {
        let t = "the Court for the Southern District of New York said";
        let at = t.find("Southern").unwrap();
        assert_eq!(
            &t[at..capital_run_end(t, at)],
            "Southern District of New York"
        );
        assert_eq!(capital_run_end("of the river", 0), 0);
    }

    fn mention(text: &str, start: usize, label: Label) -> Mention {
        Mention {
            start,
            end: start + text.len(),
            text: text.to_string(),
            label,
            entity: 0,
        }
    }

    #[test]
    fn dashes_and_conjunctions_split_names() {
        let text = "Chantal Joffe – Victoria Miro and Tom Lee and Ann Bell";
        let mut ms = vec![
            mention("Chantal Joffe – Victoria Miro", 0, Label::Per),
            mention("Tom Lee and Ann Bell", 36, Label::Per),
        ];
        split_conjunctions(text, &mut ms);
        let names: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(
            names,
            ["Chantal Joffe", "Victoria Miro", "Tom Lee", "Ann Bell"]
        );
        let text = "Agency is Georgia";
        let mut ms = vec![mention(text, 0, Label::Org)];
        split_conjunctions(text, &mut ms);
        let names: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(names, ["Agency", "Georgia"]);
        // A common word between two people; a particle stays.
        let text = "Derek Bevan allowed Van der Westhuizen";
        let mut ms = vec![mention(text, 0, Label::Per)];
        split_conjunctions(text, &mut ms);
        let names: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(names, ["Derek Bevan", "Van der Westhuizen"]);
        // A company's "and" stays.
        let text = "Procter and Gamble";
        let mut ms = vec![mention(text, 0, Label::Org)];
        split_conjunctions(text, &mut ms);
        assert_eq!(ms.len(), 1);
    }

    #[test]
    fn lower_case_prefixes_leave_the_name() {
        let text = "an assistant-Cursor, al-Qaeda and non-English";
        let mut ms = vec![
            mention("assistant-Cursor", 3, Label::Misc),
            mention("al-Qaeda", 21, Label::Org),
            mention("non-English", 34, Label::Misc),
        ];
        trim_lowercase_prefixes(text, &mut ms);
        let names: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(names, ["Cursor", "al-Qaeda", "non-English"]);
        assert_eq!(&text[ms[0].start..ms[0].end], "Cursor");
    }

    #[test]
    fn products_named_like_people_are_no_people() {
        let mut ms = vec![
            mention("Elsa Pack", 0, Label::Per),
            mention("Martin Max", 20, Label::Per),
            mention("Marlin Screwdriver", 40, Label::Per),
            mention("Starter Pack", 60, Label::Misc),
        ];
        drop_products_named_like_people(&mut ms);
        let names: Vec<&str> = ms.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(names, ["Martin Max", "Starter Pack"]);
    }

    #[test]
    fn listed_places() {
        let mut ms = vec![
            mention("Barbados", 0, Label::Per),
            mention("PUNTA CANA", 20, Label::Per),
            mention("Paris", 40, Label::Per),
            mention("Barbados", 60, Label::Org),
            mention("OBAMA", 80, Label::Per),
        ];
        listed_places_are_places(&mut ms);
        let labels: Vec<Label> = ms.iter().map(|m| m.label).collect();
        use Label::*;
        assert_eq!(labels, [Loc, Loc, Per, Org, Per]);
    }

    #[test]
    fn landmarks() {
        let mut ms = vec![
            mention("Sistine Chapel", 0, Label::Per),
            mention("Charlotte Church", 20, Label::Per),
            mention("Chapel", 40, Label::Per),
            mention("Palazzo Grassi", 60, Label::Per),
            mention("Grand Palais", 80, Label::Per),
            mention("David Villa", 100, Label::Per),
        ];
        landmarks_are_places(&mut ms);
        let labels: Vec<Label> = ms.iter().map(|m| m.label).collect();
        use Label::*;
        assert_eq!(labels, [Loc, Per, Per, Loc, Loc, Per]);
    }

    #[test]
    fn surnames_that_are_towns() {
        let mut ms = vec![
            mention("Hannah Cairo", 0, Label::Loc),
            mention("Cairo", 20, Label::Loc),
            mention("Costa Rica", 40, Label::Loc),
        ];
        people_named_like_places(&mut ms);
        let labels: Vec<Label> = ms.iter().map(|m| m.label).collect();
        assert_eq!(labels, [Label::Per, Label::Per, Label::Loc]);
        // No person named so: the town stays a town.
        let mut ms = vec![mention("Cairo", 0, Label::Loc)];
        people_named_like_places(&mut ms);
        assert_eq!(ms.first().map(|m| m.label), Some(Label::Loc));
        // Read as a club named after the town; an institution in the town stays one.
        let mut ms = vec![
            mention("Pamela Lyon", 0, Label::Org),
            mention("Lyon", 20, Label::Org),
            mention("Stanford University", 40, Label::Org),
        ];
        people_named_like_places(&mut ms);
        let labels: Vec<Label> = ms.iter().map(|m| m.label).collect();
        assert_eq!(labels, [Label::Per, Label::Per, Label::Org]);
    }

    #[test]
    fn symbols() {
        assert!(is_symbol('★') && is_symbol('☆') && !is_symbol('.') && !is_symbol('é'));
    }
}

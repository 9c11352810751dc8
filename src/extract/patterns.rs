//! Readability's class/id and text patterns, as plain substring tests on lowercase strings
//! (cheaper than regexes and no regex engine in the wasm module).
//!
//! Word lists from Mozilla's Readability.js (Apache-2.0).

const UNLIKELY: [&str; 31] = [
    "-ad-",
    "ai2html",
    "banner",
    "breadcrumbs",
    "combx",
    "comment",
    "community",
    "cover-wrap",
    "disqus",
    "extra",
    "footer",
    "gdpr",
    "header",
    "legends",
    "menu",
    "related",
    "remark",
    "replies",
    "rss",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "social",
    "sponsor",
    "supplemental",
    "ad-break",
    "agegate",
    "pagination",
    "pager",
    "popup",
    "yom-remote",
];

/// "mathjax" as in Readability.js: MathJax's containers carry "CtxtMenu" (its context menu)
/// in their class, which the "menu" of [`UNLIKELY`] would otherwise remove with the formula.
const OK_MAYBE: [&str; 8] = [
    "and", "article", "body", "column", "content", "main", "mathjax", "shadow",
];

const POSITIVE: [&str; 13] = [
    "article",
    "body",
    "content",
    "entry",
    "hentry",
    "h-entry",
    "main",
    "page",
    "pagination",
    "post",
    "text",
    "blog",
    "story",
];

const NEGATIVE: [&str; 26] = [
    "-ad-",
    "hidden",
    "banner",
    "combx",
    "comment",
    "com-",
    "contact",
    "foot",
    "footer",
    "footnote",
    "gdpr",
    "masthead",
    "media",
    "meta",
    "outbrain",
    "promo",
    "related",
    "scroll",
    "share",
    "shoutbox",
    "sidebar",
    "skyscraper",
    "sponsor",
    "shopping",
    "tags",
    "widget",
];

const BYLINE: [&str; 5] = ["byline", "author", "dateline", "writtenby", "p-author"];

/// Whether any of `words` occurs in `s`: one pass over `s`, trying only the words whose first
/// byte matches (class names are checked for every element, so this is hot).
/// `hay.find(needle)` from byte `from`, for the short strings of class names and text blocks that
/// extraction tests against word lists: a first-byte scan beats setting up the general substring
/// search on every call (that setup showed in profiles).
pub fn find_at(hay: &str, needle: &str, from: usize) -> Option<usize> {
    let (h, n) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = n.split_first() else {
        return (from <= h.len()).then_some(from);
    };
    let mut i = from;
    while i + n.len() <= h.len() {
        let at = i + h
            .get(i..=h.len() - n.len())?
            .iter()
            .position(|&b| b == first)?;
        if h.get(at + 1..at + n.len()) == Some(rest) {
            return Some(at);
        }
        i = at + 1;
    }
    None
}

/// `hay.contains(needle)`, see [`find_at`].
pub fn has(hay: &str, needle: &str) -> bool {
    find_at(hay, needle, 0).is_some()
}

pub fn any_in(s: &str, words: &[&str]) -> bool {
    let mut first = [false; 256];
    for w in words {
        if let Some(&b) = w.as_bytes().first() {
            first[b as usize] = true;
        }
    }
    let hay = s.as_bytes();
    for (i, &b) in hay.iter().enumerate() {
        if first[b as usize] {
            let rest = hay.get(i..).unwrap_or(&[]);
            if words.iter().any(|w| prefix_of(w.as_bytes(), rest)) {
                return true;
            }
        }
    }
    false
}

/// `rest.starts_with(w)` as an inlined byte loop: the words are short and most tries fail on
/// the second byte, where a `memcmp` call costs more than the comparison.
#[inline]
fn prefix_of(w: &[u8], rest: &[u8]) -> bool {
    w.len() <= rest.len() && w.iter().zip(rest).all(|(a, b)| a == b)
}

/// A 12-bit hash of two bytes (for [`Hints::of`]'s prefilter).
const fn pair_hash(a: u8, b: u8) -> usize {
    ((a as usize) * 61 + (b as usize)) & 4095
}

/// Which of Readability's class/id word lists a string hits, found in one pass.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Hints(u8);

impl Hints {
    const UNLIKELY: u8 = 1;
    const OK_MAYBE: u8 = 2;
    const POSITIVE: u8 = 4;
    const NEGATIVE: u8 = 8;
    const BYLINE: u8 = 16;

    /// `s` must be lowercase. One walk over `s`: at each byte that starts some word of any
    /// list, the words starting with that byte are tried and their lists marked.
    pub fn of(s: &str) -> Hints {
        const LISTS: [(&[&str], u8); 5] = [
            (&UNLIKELY, Hints::UNLIKELY),
            (&OK_MAYBE, Hints::OK_MAYBE),
            (&POSITIVE, Hints::POSITIVE),
            (&NEGATIVE, Hints::NEGATIVE),
            (&BYLINE, Hints::BYLINE),
        ];
        // Per first byte, the lists holding a word that starts with it.
        const FIRST: [u8; 256] = {
            let mut t = [0u8; 256];
            let mut l = 0;
            while l < LISTS.len() {
                let (words, bit) = LISTS[l];
                let mut w = 0;
                while w < words.len() {
                    let b = words[w].as_bytes()[0];
                    t[b as usize] |= bit;
                    w += 1;
                }
                l += 1;
            }
            t
        };
        // Hashed set of the words' first two bytes: most positions fail here, before any word
        // is compared.
        const PAIRS: [u64; 64] = {
            let mut t = [0u64; 64];
            let mut l = 0;
            while l < LISTS.len() {
                let words = LISTS[l].0;
                let mut w = 0;
                while w < words.len() {
                    let b = words[w].as_bytes();
                    let h = pair_hash(b[0], b[1]);
                    t[h / 64] |= 1 << (h % 64);
                    w += 1;
                }
                l += 1;
            }
            t
        };
        let hay = s.as_bytes();
        let mut bits = 0u8;
        for (i, &b) in hay.iter().enumerate() {
            let cand = FIRST[b as usize] & !bits;
            if cand == 0 {
                continue;
            }
            let Some(&b2) = hay.get(i + 1) else {
                break;
            };
            let h = pair_hash(b, b2);
            if PAIRS[h / 64] & (1 << (h % 64)) == 0 {
                continue;
            }
            let rest = hay.get(i..).unwrap_or(&[]);
            for (words, bit) in LISTS {
                if cand & bit != 0 && words.iter().any(|w| prefix_of(w.as_bytes(), rest)) {
                    bits |= bit;
                }
            }
        }
        if bits & Hints::NEGATIVE == 0
            && (s == "hid" || s.starts_with("hid ") || s.ends_with(" hid") || s.contains(" hid "))
        {
            bits |= Hints::NEGATIVE;
        }
        Hints(bits)
    }

    /// Readability's "unlikely candidate" test: unlikely and not maybe-ok.
    pub fn unlikely_candidate(self) -> bool {
        self.0 & Hints::UNLIKELY != 0 && self.0 & Hints::OK_MAYBE == 0
    }

    pub fn positive(self) -> bool {
        self.0 & Hints::POSITIVE != 0
    }

    pub fn negative(self) -> bool {
        self.0 & Hints::NEGATIVE != 0
    }

    pub fn byline(self) -> bool {
        self.0 & Hints::BYLINE != 0
    }
}

/// Whether "header" alone makes `s` (lowercase) unlikely: on a heading the word may name the
/// heading itself ("header-anchor-post", "accordion-header") rather than the page's masthead.
pub fn heading_named_header(s: &str) -> bool {
    has(s, "header") && !any_in(&s.replace("header", " "), &UNLIKELY)
}

/// `s` must be lowercase.
pub fn byline(s: &str) -> bool {
    Hints::of(s).byline()
}

/// Names of reader comment sections (`s` lowercase): these may hold most of a page's text.
pub fn names_comments(s: &str) -> bool {
    any_in(s, &["comment", "disqus", "replies", "remark"])
}

/// `(\b|_)(share|sharedaddy)(\b|_)`
pub fn share(s: &str) -> bool {
    let b = s.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    for needle in ["sharedaddy", "share"] {
        let mut from = 0;
        while let Some(start) = find_at(s, needle, from) {
            let end = start + needle.len();
            let before_ok = start == 0 || {
                let c = b[start - 1];
                !word(c) || c == b'_'
            };
            let after_ok = end >= b.len() || {
                let c = b[end];
                !word(c) || c == b'_'
            };
            if before_ok && after_ok {
                return true;
            }
            from = start + 1;
        }
    }
    false
}

/// Class/id tokens (split on anything but letters and digits) that only ads use. Whole tokens,
/// so "head", "shadow" or "download" never match.
const AD_TOKENS: [&str; 14] = [
    "ad",
    "ads",
    "adv",
    "advert",
    "adverts",
    "advertisement",
    "advertising",
    "adslot",
    "adunit",
    "dfp",
    "sponsored",
    "promo",
    "promoted",
    "taboola",
];

/// Whether a class/id string names an ad container (`s` lowercase).
pub fn ad_name(s: &str) -> bool {
    s.split(|c: char| !c.is_ascii_alphanumeric())
        .any(|t| !t.is_empty() && AD_TOKENS.contains(&t))
}

/// Readability's allowed video hosts.
pub fn video(s: &str) -> bool {
    const HOSTS: [&str; 9] = [
        "dailymotion.com",
        "youtube.com",
        "youtube-nocookie.com",
        "player.vimeo.com",
        "v.qq.com",
        "archive.org",
        "upload.wikimedia.org",
        "player.twitch.tv",
        "www.youtube.com",
    ];
    let l = s.to_ascii_lowercase();
    // "//host" or "//www.host", without building the needles.
    let mut from = 0;
    while let Some(at) = find_at(&l, "//", from) {
        let rest = l.get(at + 2..).unwrap_or("");
        let rest_www = rest.strip_prefix("www.").unwrap_or("");
        if HOSTS
            .iter()
            .any(|h| rest.starts_with(h) || rest_www.starts_with(h))
        {
            return true;
        }
        from = at + 1;
    }
    false
}

pub const UNLIKELY_ROLES: [&str; 7] = [
    "menu",
    "menubar",
    "complementary",
    "navigation",
    "alert",
    "alertdialog",
    "dialog",
];

pub const PHRASING: [&str; 39] = [
    "abbr", "audio", "b", "bdo", "br", "button", "cite", "code", "data", "datalist", "dfn", "em",
    "embed", "i", "img", "input", "kbd", "label", "mark", "math", "meter", "noscript", "object",
    "output", "progress", "q", "ruby", "samp", "script", "select", "small", "span", "strong",
    "sub", "sup", "textarea", "time", "var", "wbr",
];

/// `/\.(jpg|jpeg|png|webp)/i`
pub fn has_image_ext(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    [".jpg", ".jpeg", ".png", ".webp"]
        .iter()
        .any(|e| has(&l, e))
}

/// `/\.(jpg|jpeg|png|webp)\s+\d/` (a srcset-looking value).
pub fn looks_like_srcset(s: &str) -> bool {
    for ext in [".jpg", ".jpeg", ".png", ".webp"] {
        let mut from = 0;
        while let Some(i) = s[from..].find(ext) {
            let rest = &s[from + i + ext.len()..];
            let trimmed = rest.trim_start();
            if trimmed.len() < rest.len() && trimmed.starts_with(|c: char| c.is_ascii_digit()) {
                return true;
            }
            from += i + 1;
        }
    }
    false
}

/// `/^\s*\S+\.(jpg|jpeg|png|webp)\S*\s*$/` (a single image URL).
pub fn looks_like_src(s: &str) -> bool {
    let t = s.trim();
    if t.is_empty() || t.chars().any(char::is_whitespace) {
        return false;
    }
    [".jpg", ".jpeg", ".png", ".webp"]
        .iter()
        .any(|e| t.find(e).is_some_and(|i| i > 0))
}

/// Inner text made only of an ad label or a loading indicator.
pub fn ad_or_loading(text: &str) -> bool {
    let l = text.to_lowercase();
    const AD: [&str; 10] = [
        "ad",
        "advertising",
        "advertisement",
        "pub",
        "publicité",
        "werb",
        "werbung",
        "广告",
        "реклама",
        "anuncio",
    ];
    if AD.contains(&l.as_str()) {
        return true;
    }
    let base = l
        .strip_suffix('…')
        .or_else(|| l.strip_suffix("..."))
        .unwrap_or(&l);
    ["loading", "正在加载", "загрузка", "chargement", "cargando"].contains(&base)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn find_at_is_str_find() {
        let hays = [
            "",
            "a",
            "share",
            "xx-share-yy",
            "ééshare",
            "aaab",
            "abab ab",
            "日本語のshare",
        ];
        let needles = [
            "",
            "a",
            "ab",
            "share",
            "b",
            "é",
            "日本",
            "aab",
            "zzzzzzzzzzzz",
        ];
        for h in hays {
            for n in needles {
                assert_eq!(find_at(h, n, 0), h.find(n), "{h:?} {n:?}");
                assert_eq!(has(h, n), h.contains(n));
            }
        }
        assert_eq!(find_at("abab", "ab", 1), Some(2));
    }

    #[test]
    fn patterns() {
        assert!(Hints::of("sidebar-left ").unlikely_candidate());
        assert!(!Hints::of("story-body").unlikely_candidate());
        assert!(Hints::of("hid").negative());
        let h = Hints::of("sidebar-left article-body byline");
        assert!(h.positive() && h.negative() && h.byline() && !h.unlikely_candidate());
        assert!(Hints::of("sidebar-left").unlikely_candidate());
        assert!(Hints::of("share-tools x hid").negative());
        for s in [
            "comment-footer",
            "main story",
            "post-author",
            "x-ad-y",
            "hidden",
        ] {
            let h = Hints::of(s);
            let unlikely = any_in(s, &UNLIKELY) && !any_in(s, &OK_MAYBE);
            assert_eq!(h.unlikely_candidate(), unlikely, "{s}");
            assert_eq!(h.positive(), any_in(s, &POSITIVE), "{s}");
            assert_eq!(h.negative(), any_in(s, &NEGATIVE), "{s}");
            assert_eq!(h.byline(), any_in(s, &BYLINE), "{s}");
        }
        assert!(Hints::of("x hid").negative());
        assert!(!Hints::of("hidx").negative());
        assert!(share("post_share"));
        assert!(share("share-tools"));
        assert!(!share("shareholders"));
        assert!(video("https://www.youtube.com/embed/x"));
        assert!(looks_like_srcset("a.jpg 1x, b.jpg 2x"));
        assert!(looks_like_src(" /img/a.png?x=1 "));
        assert!(!looks_like_src("a b.png"));
        assert!(ad_or_loading("Advertisement"));
        assert!(ad_or_loading("Loading..."));
        assert!(ad_name("ad top-ad"));
        assert!(ad_name("slot_ads"));
        assert!(ad_name("box sponsored-content"));
        assert!(!ad_name("masthead shadow"));
        assert!(!ad_name("download-link loaded"));
        assert!(!ad_name("promotion-news"));
    }
}

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

const OK_MAYBE: [&str; 7] = [
    "and", "article", "body", "column", "content", "main", "shadow",
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
            let rest = &hay[i..];
            if words.iter().any(|w| rest.starts_with(w.as_bytes())) {
                return true;
            }
        }
    }
    false
}

/// `s` must be lowercase.
pub fn unlikely(s: &str) -> bool {
    any_in(s, &UNLIKELY)
}

pub fn ok_maybe(s: &str) -> bool {
    any_in(s, &OK_MAYBE)
}

pub fn positive(s: &str) -> bool {
    any_in(s, &POSITIVE)
}

pub fn negative(s: &str) -> bool {
    any_in(s, &NEGATIVE)
        || s == "hid"
        || s.starts_with("hid ")
        || s.ends_with(" hid")
        || s.contains(" hid ")
}

pub fn byline(s: &str) -> bool {
    any_in(s, &BYLINE)
}

/// `(\b|_)(share|sharedaddy)(\b|_)`
pub fn share(s: &str) -> bool {
    let b = s.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric() || c == b'_';
    for needle in ["sharedaddy", "share"] {
        let mut from = 0;
        while let Some(i) = s[from..].find(needle) {
            let start = from + i;
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
    HOSTS
        .iter()
        .any(|h| l.contains(&format!("//{h}")) || l.contains(&format!("//www.{h}")))
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
        .any(|e| l.contains(e))
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
    fn patterns() {
        assert!(unlikely("sidebar-left "));
        assert!(!unlikely("story-body"));
        assert!(negative("hid"));
        assert!(negative("x hid"));
        assert!(!negative("hidx"));
        assert!(share("post_share"));
        assert!(share("share-tools"));
        assert!(!share("shareholders"));
        assert!(video("https://www.youtube.com/embed/x"));
        assert!(looks_like_srcset("a.jpg 1x, b.jpg 2x"));
        assert!(looks_like_src(" /img/a.png?x=1 "));
        assert!(!looks_like_src("a b.png"));
        assert!(ad_or_loading("Advertisement"));
        assert!(ad_or_loading("Loading..."));
    }
}

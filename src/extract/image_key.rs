//! Recognising one image across its sizes and crops. A page's share image (`og:image`) is often
//! the article's first figure served at another size: `/1024/` vs `/480/` path segments,
//! `?width=1200` vs `?width=620`, WordPress's `-1024x683` suffix. The key keeps what names the
//! picture and drops what only sizes it.

use url::Url;

/// File stems too generic to name a picture on their own: the directory is kept for those.
const GENERIC_STEMS: &[&str] = &[
    "image",
    "img",
    "photo",
    "picture",
    "original",
    "default",
    "index",
    "large",
    "medium",
    "small",
    "thumb",
    "thumbnail",
    "full",
    "raw",
    "file",
    "main",
    "master",
    "source",
];

/// Query parameters that carry another image's URL (Next.js, image proxies).
const URL_PARAMS: &[&str] = &["url", "src", "image", "img"];

/// The key of an image URL, or None when it cannot be read as one.
pub fn key(raw: &str, base: Option<&Url>) -> Option<String> {
    let url = match base {
        Some(b) => b.join(raw.trim()).ok()?,
        None => Url::parse(raw.trim()).ok()?,
    };
    if !matches!(url.scheme(), "http" | "https") {
        return None;
    }
    // A proxy's inner URL names the picture.
    for (k, v) in url.query_pairs() {
        if URL_PARAMS.contains(&k.as_ref()) && !v.is_empty() && v.len() < 2048 {
            if let Some(inner) = key_of_path(&url, &v) {
                return Some(inner);
            }
        }
    }
    key_of_path(&url, url.path())
}

/// Key of a path (or an inner URL, resolved against `url`).
fn key_of_path(url: &Url, path: &str) -> Option<String> {
    let inner;
    let (host, path) = if path.starts_with("http://") || path.starts_with("https://") {
        inner = Url::parse(path).ok()?;
        (inner.host_str().unwrap_or("").to_string(), inner.path())
    } else {
        (url.host_str().unwrap_or("").to_string(), path)
    };
    let segments: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    let (file, dirs) = segments.split_last()?;
    let stem = strip_size_suffix(&file_stem(file).to_ascii_lowercase());
    if stem.is_empty() {
        return None;
    }
    if stem.len() >= 6 && !GENERIC_STEMS.contains(&stem.as_str()) {
        return Some(stem);
    }
    let dirs: Vec<String> = dirs
        .iter()
        .filter(|s| !is_size_segment(s))
        .map(|s| s.to_ascii_lowercase())
        .collect();
    Some(format!("{host}/{}/{stem}", dirs.join("/")))
}

/// The file name without its extension(s) (`photo.jpg.webp` -> `photo`).
fn file_stem(file: &str) -> &str {
    file.split('.').next().unwrap_or(file)
}

/// `photo-1024x683`, `photo_800x600`, `photo@2x`, `photo-scaled` -> `photo`.
fn strip_size_suffix(stem: &str) -> String {
    let mut s = stem.to_string();
    loop {
        let before = s.len();
        if let Some(i) = s.rfind('@') {
            if is_density(&s[i + 1..]) {
                s.truncate(i);
            }
        }
        if let Some(i) = s.rfind(['-', '_']) {
            let tail = &s[i + 1..];
            if is_dimensions(tail) || tail == "scaled" || is_density(tail) {
                s.truncate(i);
            }
        }
        if s.len() == before {
            return s;
        }
    }
}

/// `1024x683`, `1024`, `w1200`. A lone number counts as a width only within the range of
/// widths (an id like `42` stays).
fn is_dimensions(s: &str) -> bool {
    let mut parts = s.split('x');
    let all_digits =
        |p: &str| !p.is_empty() && p.len() <= 5 && p.bytes().all(|b| b.is_ascii_digit());
    let width =
        |p: &str| all_digits(p) && p.parse::<u32>().is_ok_and(|n| (100..=4096).contains(&n));
    match (parts.next(), parts.next(), parts.next()) {
        (Some(w), Some(h), None) => all_digits(w) && all_digits(h),
        (Some(w), None, None) => width(w) || (w.len() > 1 && w.starts_with('w') && width(&w[1..])),
        _ => false,
    }
}

/// `2x`, `1.5x`.
fn is_density(s: &str) -> bool {
    s.len() > 1
        && s.ends_with('x')
        && s[..s.len() - 1]
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'.')
}

/// A path segment that only sizes or transforms the image: `720`, `720x480`, `w_720,c_fill`,
/// `width=1200`, `fit-in`, `resize:fit:720`.
fn is_size_segment(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    is_dimensions(&l)
        || l.contains("w_")
        || l.contains("h_")
        || l.contains("c_")
        || l.contains('=')
        || l.contains(':')
        || l.contains(',')
        || matches!(
            l.as_str(),
            "fit-in" | "thumbs" | "thumbnails" | "resized" | "crop"
        )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn k(s: &str) -> Option<String> {
        key(s, None)
    }

    #[test]
    fn same_picture_at_other_sizes_has_one_key() {
        let pairs = [
            (
                "https://cdn.example.org/news/720/cpsprod/abc/harbour.jpg",
                "https://cdn.example.org/news/320/cpsprod/abc/harbour.jpg.webp",
            ),
            (
                "https://img.example.org/a/b/pier.jpg?width=1200&auto=webp",
                "https://img.example.org/a/b/pier.jpg?width=620",
            ),
            (
                "https://blog.example.org/wp-content/uploads/2024/05/ferry-1024x683.jpg",
                "https://blog.example.org/wp-content/uploads/2024/05/ferry.jpg",
            ),
            (
                "https://site.example.org/_next/image?url=%2Fmedia%2Fquay.png&w=1200&q=75",
                "https://site.example.org/media/quay-800x600.png",
            ),
            (
                "https://cdn.example.org/media/42/image.jpg",
                "https://cdn.example.org/media/42/1200x630/image.jpg",
            ),
        ];
        for (a, b) in pairs {
            assert_eq!(k(a), k(b), "{a} vs {b}");
            assert!(k(a).is_some());
        }
    }

    #[test]
    fn different_pictures_have_different_keys() {
        let pairs = [
            (
                "https://cdn.example.org/news/720/harbour.jpg",
                "https://cdn.example.org/news/720/lighthouse.jpg",
            ),
            (
                "https://cdn.example.org/media/42/image.jpg",
                "https://cdn.example.org/media/43/image.jpg",
            ),
        ];
        for (a, b) in pairs {
            assert_ne!(k(a), k(b), "{a} vs {b}");
        }
        assert_eq!(k("javascript:alert(1)"), None);
    }
}

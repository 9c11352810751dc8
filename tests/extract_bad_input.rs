//! Bad input never panics and never hangs: it gives an article or a reason.

use lectern::{extract, NoArticle, Options};
use std::time::{Duration, Instant};

fn paragraph(i: usize) -> String {
    format!(
        "<p>Paragraph {i} tells how the committee met again, argued about the budget, \
         agreed on a smaller plan, and sent the draft to the council for a vote.</p>"
    )
}

#[test]
fn binary_garbage_is_not_html() {
    let mut bytes = Vec::new();
    let mut x: u32 = 12345;
    for _ in 0..20_000 {
        x = x.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        bytes.push((x >> 16) as u8);
    }
    let s = String::from_utf8_lossy(&bytes);
    assert_eq!(extract(&s, &Options::default()), Err(NoArticle::NotHtml));
}

#[test]
fn unclosed_tags_still_extract() {
    let mut html = String::from("<html><body><div class=article><div><div><span><b><i>");
    for i in 0..12 {
        html.push_str(&paragraph(i).replace("</p>", ""));
    }
    let a = extract(&html, &Options::default()).expect("article");
    assert!(a.text.contains("Paragraph 11 tells"));
}

#[test]
fn page_without_text() {
    let html = "<html><head><title>x</title></head><body><div><div><img src=a.png></div></div></body></html>";
    assert_eq!(
        extract(html, &Options::default()),
        Err(NoArticle::NoReadableContent)
    );
}

#[test]
fn ten_megabyte_page_is_handled_quickly() {
    let mut html = String::from("<html><body><article>");
    let mut i = 0;
    while html.len() < 10 * 1024 * 1024 {
        html.push_str(&paragraph(i));
        if i % 50 == 0 {
            html.push_str("<div class=\"sidebar\"><ul><li><a href=\"/x\">link</a></li></ul></div>");
        }
        i += 1;
    }
    html.push_str("</article></body></html>");
    let t0 = Instant::now();
    let a = extract(&html, &Options::default()).expect("article");
    assert!(a.word_count > 500_000, "{}", a.word_count);
    assert!(t0.elapsed() < Duration::from_secs(60), "{:?}", t0.elapsed());
}

#[test]
fn too_large_is_refused() {
    let html = "a".repeat(lectern::extract::MAX_INPUT_BYTES + 1);
    assert!(matches!(
        extract(&html, &Options::default()),
        Err(NoArticle::TooLarge(_))
    ));
}

/// Runs `f` on a thread with a wasm-like small stack.
fn small_stack<F: FnOnce() + Send + 'static>(f: F) {
    std::thread::Builder::new()
        .stack_size(256 * 1024)
        .spawn(f)
        .expect("spawn")
        .join()
        .expect("no stack overflow or panic");
}

#[test]
fn hundred_thousand_nested_divs_with_text() {
    small_stack(|| {
        let n = 100_000;
        let mut html = String::with_capacity(n * 12 + 4000);
        html.push_str("<html><body>");
        for _ in 0..n {
            html.push_str("<div>");
        }
        for i in 0..8 {
            html.push_str(&paragraph(i));
        }
        for _ in 0..n {
            html.push_str("</div>");
        }
        html.push_str("</body></html>");
        let t0 = Instant::now();
        let r = extract(&html, &Options::default());
        assert!(t0.elapsed() < Duration::from_secs(60), "{:?}", t0.elapsed());
        let a = r.expect("article under deep nesting");
        assert!(a.text.contains("Paragraph 0 tells"));
        assert!(a.text.contains("Paragraph 7 tells"));
        let _ = lectern::is_probably_readerable(&html);
    });
}

#[test]
fn hundred_thousand_nested_divs_without_text() {
    small_stack(|| {
        let html = "<div>".repeat(100_000);
        assert_eq!(
            extract(&html, &Options::default()),
            Err(NoArticle::NoReadableContent)
        );
    });
}

/// Truncated and mangled versions of the corpus pages (read in place, not copied): every one
/// must give an article or a reason, never a panic.
#[test]
fn truncated_and_mangled_pages_never_panic() {
    let dir = lectern::eval::shared_dir().join("corpus/readability");
    let mut pages: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path().join("source.html")))
        .filter(|p| p.is_file())
        .collect();
    pages.sort();
    assert!(pages.len() >= 100);
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for p in pages.iter().step_by(3) {
        let bytes = std::fs::read(p).expect("read page");
        let cut = (next() as usize) % (bytes.len() + 1);
        let truncated = String::from_utf8_lossy(&bytes[..cut]).into_owned();
        let _ = extract(&truncated, &Options::default());
        let mut mangled = bytes.clone();
        for _ in 0..200 {
            let i = (next() as usize) % mangled.len().max(1);
            if let Some(b) = mangled.get_mut(i) {
                *b = b"<>/\"'=&;!-"[(next() % 10) as usize];
            }
        }
        let _ = extract(&String::from_utf8_lossy(&mangled), &Options::default());
    }
}

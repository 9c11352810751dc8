//! Mozilla's Readability test pages, scored against Readability.js 0.6's output with the
//! issue's floors. Reads `$LECTERN_SHARED/corpus/readability` (default `../shared`).

use lectern::eval::readability::eval_dir;
use lectern::eval::shared_dir;

#[test]
fn readability_corpus_floors() {
    let dir = shared_dir().join("corpus/readability");
    assert!(
        dir.is_dir(),
        "corpus not found at {} (set LECTERN_SHARED)",
        dir.display()
    );
    let (rows, t) = eval_dir(&dir.to_string_lossy()).expect("eval");
    let weak: Vec<String> = rows
        .iter()
        .filter(|r| r.f1 < 0.95)
        .map(|r| format!("{} {:.3}", r.name, r.f1))
        .collect();
    assert_eq!(t.pages, 130);
    assert!(t.mean_f1 >= 0.99, "mean F1 {:.4}", t.mean_f1);
    assert!(
        t.pages_095 >= 127,
        "{} pages >= 0.95; weak: {weak:?}",
        t.pages_095
    );
    // A title counts when it matches, or differs only by the " | Site" suffix we drop.
    assert!(t.title_lenient >= 128, "titles {}", t.title_lenient);
    assert!(
        t.four_fields_lenient >= 120,
        "four fields {}",
        t.four_fields_lenient
    );
    assert!(t.readerable >= 125, "readerable {}", t.readerable);
}

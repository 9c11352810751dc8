//! `lectern eval pages` on the modern annotated pages (`$LECTERN_SHARED/corpus/wceb-dev`,
//! default `../shared`), with floors at the figures measured when the evaluation was added:
//! extraction may get better, never worse.

use lectern::eval::pages::eval_pages_dir;
use lectern::eval::shared_dir;

// Floors: today's figures, rounded down (F1 of the mean precision and recall; shares in percent).
const FLOOR_ALL: f64 = 0.825;
const FLOOR_ARTICLE: f64 = 0.953;
const FLOOR_DOCS: f64 = 0.875;
const FLOOR_FORUM: f64 = 0.782;
const FLOOR_FORUM_AUTHOR: f64 = 91.0;
const FLOOR_FORUM_DATE: f64 = 92.5;
const FLOOR_PRODUCT: f64 = 0.572;
const FLOOR_LISTING: f64 = 0.650;
const FLOOR_COLLECTION: f64 = 0.595;
const FLOOR_TITLE: f64 = 90.5;
const FLOOR_AUTHOR: f64 = 85.0;
const FLOOR_DATE: f64 = 88.0;
const MAX_NO_ARTICLE: usize = 2;

#[test]
fn wceb_dev_floors() {
    let dir = shared_dir().join("corpus/wceb-dev");
    assert!(
        dir.is_dir(),
        "corpus not found at {} (set LECTERN_SHARED)",
        dir.display()
    );
    let e = eval_pages_dir(&dir).expect("eval");
    assert_eq!(e.all.pages, 499);
    let group = |t: &str| e.by_type.get(t).cloned().unwrap_or_default();
    let article = group("article");
    let docs = group("documentation");
    let forum = group("forum");
    let product = group("product");
    let listing = group("listing");
    let collection = group("collection");
    let floors = [
        ("all F1", e.all.f1_of_means(), FLOOR_ALL),
        ("article F1", article.f1_of_means(), FLOOR_ARTICLE),
        ("documentation F1", docs.f1_of_means(), FLOOR_DOCS),
        ("forum F1", forum.f1_of_means(), FLOOR_FORUM),
        (
            "forum author %",
            forum.pct(forum.author),
            FLOOR_FORUM_AUTHOR,
        ),
        ("forum date %", forum.pct(forum.date), FLOOR_FORUM_DATE),
        ("product F1", product.f1_of_means(), FLOOR_PRODUCT),
        ("listing F1", listing.f1_of_means(), FLOOR_LISTING),
        ("collection F1", collection.f1_of_means(), FLOOR_COLLECTION),
        ("article title %", article.pct(article.title), FLOOR_TITLE),
        (
            "article author %",
            article.pct(article.author),
            FLOOR_AUTHOR,
        ),
        ("article date %", article.pct(article.date), FLOOR_DATE),
    ];
    for (name, got, floor) in floors {
        assert!(got >= floor, "{name}: {got:.4} below the floor {floor}");
    }
    assert!(
        e.all.no_article <= MAX_NO_ARTICLE,
        "{} pages without an article (at most {MAX_NO_ARTICLE})",
        e.all.no_article
    );
}

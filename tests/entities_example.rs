//! The example page: its people, places, organisation and dates come out with the
//! right labels, and the short forms of a name join the full one.

use lectern::{recognize, Label};
use std::path::PathBuf;

fn shared() -> PathBuf {
    std::env::var_os("LECTERN_SHARED")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared"))
}

#[test]
fn news_page_entities() {
    let path = shared().join("examples/news-page-as-text.txt");
    let text = std::fs::read_to_string(&path).expect("example page (set LECTERN_SHARED)");
    let ents = recognize(&text);
    let entity = |name: &str| {
        ents.entities
            .iter()
            .find(|e| e.name.eq_ignore_ascii_case(name))
            .unwrap_or_else(|| panic!("no entity {name}: {:#?}", ents.entities))
    };
    for person in [
        "Ahmad al-Sharaa",
        "Vladimir Putin",
        "Bashar al-Assad",
        "Donald Trump",
    ] {
        assert_eq!(entity(person).label, Label::Per, "{person}");
    }
    for place in ["Moscow", "Syria", "Kiev", "Russia"] {
        assert_eq!(entity(place).label, Label::Loc, "{place}");
    }
    assert_eq!(entity("Syrian Democratic Forces").label, Label::Org);
    for date in ["January 28, 2026", "December 2024", "Wednesday"] {
        assert_eq!(entity(date).label, Label::Date, "{date}");
    }
    assert_eq!(entity("18:15").label, Label::Time);

    // "Mr Putin" and "Putin" join "Vladimir Putin"; "Mr Sharaa" joins "Ahmad al-Sharaa".
    let putin = entity("Vladimir Putin");
    assert!(putin.count >= 3, "{putin:?}");
    for m in &ents.mentions {
        if m.text == "Putin" {
            assert_eq!(m.entity, putin.id, "{m:?}");
        }
        if m.text == "Sharaa" {
            assert_eq!(m.entity, entity("Ahmad al-Sharaa").id, "{m:?}");
        }
        // Offsets are byte offsets into the text, and titles stay out of names.
        assert_eq!(&text[m.start..m.end], m.text);
        assert!(!m.text.starts_with("Mr "), "{m:?}");
        assert!(!m.text.starts_with("President "), "{m:?}");
    }
    // Every mention's entity id points at an entity with the same label.
    for m in &ents.mentions {
        let e = &ents.entities[m.entity];
        assert_eq!(e.id, m.entity);
        assert_eq!(e.label, m.label);
    }
    let counted: usize = ents.entities.iter().map(|e| e.count).sum();
    assert_eq!(counted, ents.mentions.len());
}

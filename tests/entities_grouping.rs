//! Grouping guards (`entities::aliases`): what must never merge, and the variants that must.

use lectern::entities::aliases;
use lectern::{Label, Mention};

mod common;
use common::mentions;

fn grouped(text: &str, spans: &[(&str, Label)]) -> (Vec<Mention>, Vec<lectern::Entity>) {
    let mut ms = mentions(text, spans);
    let ents = aliases::group(text, &mut ms);
    (ms, ents)
}

#[test]
fn a_company_is_not_its_product_and_a_franchise_not_its_film() {
    let text = "Apple Watch sales rose. Apple said so. Jurassic World Dominion opened; \
                Jurassic World fans queued.";
    let (ms, ents) = grouped(
        text,
        &[
            ("Apple Watch", Label::Per),
            ("Apple", Label::Per),
            ("Jurassic World Dominion", Label::Per),
            ("Jurassic World", Label::Per),
        ],
    );
    assert_eq!(ents.len(), 4, "{ents:?}");
    assert_ne!(ms[0].entity, ms[1].entity);
    assert_ne!(ms[2].entity, ms[3].entity);
}

#[test]
fn variants_of_one_name_group_together() {
    let text = "William Gates spoke. Bill Gates smiled. The Guardian and Guardian readers. \
                AirPods and an AirPod. Mike Lowry and Michael Lowry. Vladimir Orlov met Vladimir.";
    let (ms, ents) = grouped(
        text,
        &[
            ("William Gates", Label::Per),
            ("Bill Gates", Label::Per),
            ("The Guardian", Label::Org),
            ("Guardian", Label::Org),
            ("AirPods", Label::Misc),
            ("AirPod", Label::Misc),
            ("Mike Lowry", Label::Per),
            ("Michael Lowry", Label::Per),
            ("Vladimir Orlov", Label::Per),
            ("Vladimir", Label::Per),
        ],
    );
    for pair in ms.chunks(2) {
        assert_eq!(pair[0].entity, pair[1].entity, "{pair:?}");
    }
    assert_eq!(ents.len(), 5, "{ents:?}");
}

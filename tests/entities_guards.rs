//! The rules after the tagger (`entities::guards`) and the grouping guards, one failure class
//! at a time, on text written for these tests. The rule tests give the mentions by hand, so
//! they hold whatever the model tags; the end-to-end ones go through `recognize`.

use lectern::entities::{guards, tokenize};
use lectern::{recognize, Label};

mod common;
use common::mentions;

fn guarded(text: &str, spans: &[(&str, Label)]) -> Vec<(String, Label)> {
    let toks = tokenize::tokenize(text);
    let sents = tokenize::sentences(text, &toks);
    let mut ms = mentions(text, spans);
    guards::apply(text, &toks, &sents, &mut ms);
    for m in &ms {
        assert_eq!(&text[m.start..m.end], m.text, "offsets and text agree");
    }
    ms.into_iter().map(|m| (m.text, m.label)).collect()
}

fn has(got: &[(String, Label)], text: &str, label: Label) -> bool {
    got.iter().any(|g| g.0 == text && g.1 == label)
}

#[test]
fn photo_credits_are_not_people() {
    let text = "Crowds gathered outside the stadium in Leeds.\n\
                Harriet Vane/The Morning Ledger/Getty Images\n\
                Later, Peter Wimsey spoke to reporters. Photo: Mervyn Bunter\n\
                (Credit: Reuters)";
    let got = guarded(
        text,
        &[
            ("Leeds", Label::Loc),
            ("Harriet Vane", Label::Per),
            ("The Morning Ledger", Label::Org),
            ("Getty Images", Label::Org),
            ("Peter Wimsey", Label::Per),
            ("Mervyn Bunter", Label::Per),
            ("Reuters", Label::Org),
        ],
    );
    assert!(has(&got, "Leeds", Label::Loc), "{got:?}");
    assert!(has(&got, "Peter Wimsey", Label::Per), "{got:?}");
    for credit in ["Harriet Vane", "Mervyn Bunter", "Getty Images", "Reuters"] {
        assert!(!got.iter().any(|g| g.0 == credit), "{credit}: {got:?}");
    }
}

#[test]
fn a_given_name_left_out_joins_its_surname() {
    let text = "Ion Popescu steers. Yesterday Marin spoke. The Lupu family left.";
    let got = guarded(
        text,
        &[
            ("Popescu", Label::Per),
            ("Marin", Label::Per),
            ("Lupu", Label::Per),
        ],
    );
    let names: Vec<&str> = got.iter().map(|g| g.0.as_str()).collect();
    assert_eq!(
        names,
        ["Ion Popescu", "Marin", "Lupu"],
        "frequent and function words stay out"
    );
}

#[test]
fn degrees_after_a_name_are_not_names() {
    let text = "Ann Lee, M.D., Ph.D., leads the study. Tom Roe MBA spoke. \
                Offices in Baltimore, MD and in Dover.";
    let got = guarded(
        text,
        &[
            ("Ann Lee", Label::Per),
            ("M.D.", Label::Loc),
            ("Ph.D.", Label::Org),
            ("Tom Roe", Label::Per),
            ("MBA", Label::Org),
            ("Baltimore", Label::Loc),
            ("MD", Label::Loc),
            ("Dover", Label::Loc),
        ],
    );
    assert_eq!(
        got.iter().map(|g| g.0.as_str()).collect::<Vec<_>>(),
        ["Ann Lee", "Tom Roe", "Baltimore", "MD", "Dover"],
        "the state after a city stays"
    );
}

#[test]
fn species_names_are_not_places_or_organisations() {
    let text = "Samples from Ohio held Escherichia coli and Staphylococcus aureus. \
                E. coli grows fast; Escherichia is a genus. The Ohio area was tested.";
    let got = guarded(
        text,
        &[
            ("Ohio", Label::Loc),
            ("Escherichia", Label::Loc),
            ("Staphylococcus", Label::Org),
            ("E.", Label::Org),
            ("Escherichia", Label::Org),
            ("Ohio", Label::Loc),
        ],
    );
    assert_eq!(
        got,
        [
            ("Ohio".to_string(), Label::Loc),
            ("Ohio".to_string(), Label::Loc)
        ],
        "only the state stays ('Ohio area': 'area' is an English word)"
    );
}

#[test]
fn ingredient_species_written_in_capitals_are_not_people() {
    let text = "Ingredients: Ricinus Communis (Castor) Seed Oil, Crambe Abyssinica Seed Oil, \
                Fragrance. Made by Maria Bella in Anna Maria Island. Hiroaki Morishima (Japan) \
                won the jump.";
    let got = guarded(
        text,
        &[
            ("Ricinus Communis", Label::Per),
            ("Crambe Abyssinica", Label::Per),
            ("Maria Bella", Label::Per),
            ("Anna Maria Island", Label::Loc),
            ("Hiroaki Morishima", Label::Per),
            ("Japan", Label::Loc),
        ],
    );
    assert_eq!(
        got,
        [
            ("Maria Bella".to_string(), Label::Per),
            ("Anna Maria Island".to_string(), Label::Loc),
            ("Hiroaki Morishima".to_string(), Label::Per),
            ("Japan".to_string(), Label::Loc)
        ]
    );
}

#[test]
fn rating_stars_never_stick_to_names() {
    let text = "★★★★☆Dune Part Two\n\nRated ★★★★★ by Lisbon critics.";
    let got = guarded(
        text,
        &[("★★★★☆Dune Part Two", Label::Misc), ("★★★★★", Label::Org)],
    );
    assert_eq!(got, [("Dune Part Two".to_string(), Label::Misc)]);
}

#[test]
fn capitalised_common_words_are_not_names() {
    let text = "SUBSCRIBE\n\nBreaking News\n\nMeanwhile, the mayor of Oslo spoke. \
                Ultimately the council agreed with Oslo.\n\nRead More";
    let got = guarded(
        text,
        &[
            ("SUBSCRIBE", Label::Org),
            ("Breaking News", Label::Per),
            ("Meanwhile", Label::Loc),
            ("Oslo", Label::Loc),
            ("Ultimately", Label::Per),
            ("Oslo", Label::Loc),
            ("Read More", Label::Misc),
        ],
    );
    assert_eq!(
        got,
        [
            ("Oslo".to_string(), Label::Loc),
            ("Oslo".to_string(), Label::Loc)
        ]
    );
    // A heading word the text also writes capitalised in prose is kept ("White House").
    let text = "White House Responds\n\nThe White House said nothing.";
    let got = guarded(
        text,
        &[("White House", Label::Org), ("White House", Label::Org)],
    );
    assert_eq!(got.len(), 2, "{got:?}");
    // Short capitals are acronyms, not pronouns.
    let got = guarded("Exports to the US rose.", &[("US", Label::Loc)]);
    assert_eq!(got.len(), 1);
    // A button's words inside a line of prose go too; a quoted title of the same shape stays.
    let text =
        "The camera is fine. Buy Now and save, or borrow \u{201c}Read to Me\u{201d} instead.";
    let got = guarded(
        text,
        &[("Buy Now", Label::Misc), ("Read to Me", Label::Misc)],
    );
    assert_eq!(got, [("Read to Me".to_string(), Label::Misc)]);
    // A plural of capitals after a brand is the noun it modifies.
    let got = guarded("Pentax DSLRs are solid.", &[("Pentax DSLRs", Label::Org)]);
    assert_eq!(got, [("Pentax".to_string(), Label::Org)]);
}

#[test]
fn names_are_kept_whole() {
    let text = "Herders in Inner Mongolia and visitors to Martha's Vineyard. \
                The case went to the District Court for the Southern District of New York, \
                and the Department of Justice replied. Kim Jong Un watched.";
    let got = guarded(
        text,
        &[
            ("Mongolia", Label::Loc),
            ("Martha", Label::Per),
            ("Vineyard", Label::Loc),
            ("District Court", Label::Org),
            ("Southern District", Label::Loc),
            ("New York", Label::Loc),
            ("Department", Label::Org),
            ("Justice", Label::Org),
            ("Jong Un", Label::Per),
        ],
    );
    for (want, label) in [
        ("Inner Mongolia", Label::Loc),
        ("Martha's Vineyard", Label::Loc),
        (
            "District Court for the Southern District of New York",
            Label::Org,
        ),
        ("Department of Justice", Label::Org),
        ("Kim Jong Un", Label::Per),
    ] {
        assert!(has(&got, want, label), "{want}: {got:?}");
    }
    assert_eq!(got.len(), 5, "{got:?}");
}

#[test]
fn and_or_never_join_two_people() {
    let text = "Tom Keller and Ann Ruiz met. Ed Shaw or Lena Park will go. \
                Ernst and Young (EY) audited it.";
    let got = guarded(
        text,
        &[
            ("Tom Keller and Ann Ruiz", Label::Per),
            ("Ed Shaw or Lena Park", Label::Per),
            ("Ernst and Young", Label::Per),
        ],
    );
    for want in [
        "Tom Keller",
        "Ann Ruiz",
        "Ed Shaw",
        "Lena Park",
        "Ernst and Young",
    ] {
        assert!(has(&got, want, Label::Per), "{want}: {got:?}");
    }
    assert_eq!(got.len(), 5, "{got:?}");
}

#[test]
fn recognize_drops_a_credit_and_a_species() {
    let text = "Officials in Geneva said the outbreak of Escherichia coli was contained.\n\
                Louise Martin/Agence Daily/Getty Images";
    let ents = recognize(text);
    assert!(
        !ents.mentions.iter().any(|m| m.text.contains("Escherichia")
            || m.text.contains("Louise")
            || m.text.contains("Getty")),
        "{ents:?}"
    );
}

#[test]
fn generic_acronyms_lists_and_plain_modifiers_are_not_names() {
    let text = "The startup sells AI-powered tools with an API and SaaS billing to Acme Corp.\n\
                Industries: Health & Fitness, Retail\n\
                Chief Marketing Director Ana Lind said Acme Corp grew.";
    let got = guarded(
        text,
        &[
            ("AI-powered", Label::Misc),
            ("API", Label::Org),
            ("SaaS", Label::Misc),
            ("Acme Corp", Label::Org),
            ("Health & Fitness", Label::Org),
            ("Marketing Director", Label::Per),
            ("Ana Lind", Label::Per),
            ("Acme Corp", Label::Org),
        ],
    );
    assert_eq!(
        got,
        [
            ("Acme Corp".to_string(), Label::Org),
            ("Ana Lind".to_string(), Label::Per),
            ("Acme Corp".to_string(), Label::Org)
        ]
    );
    // A modifier made from a name stays ("Boston-based").
    let got = guarded("A Boston-based firm.", &[("Boston-based", Label::Misc)]);
    assert_eq!(got.len(), 1);
}

#[test]
fn names_that_look_like_plain_words_stay() {
    let text = "Prime Minister John Major spoke. Later Major left for a trans-Atlantic meeting \
                with the African National Congress (ANC). The ANC agreed. A Palestinian \
                guerrilla was freed, said Medecins sans Frontieres.";
    let got = guarded(
        text,
        &[
            ("John Major", Label::Per),
            ("Major", Label::Per),
            ("trans-Atlantic", Label::Misc),
            ("African National Congress", Label::Org),
            ("ANC", Label::Org),
            ("ANC", Label::Org),
            ("Palestinian", Label::Misc),
            ("Medecins sans Frontieres", Label::Org),
        ],
    );
    assert_eq!(got.len(), 8, "{got:?}");
    // An acronym of a common noun defined in lower case is still no name.
    let got = guarded(
        "Artificial intelligence (AI) is here. AI helps.",
        &[("AI", Label::Org), ("AI", Label::Org)],
    );
    assert!(got.is_empty(), "{got:?}");
    // Nor is one spelt out in capitalised common words.
    let got = guarded(
        "It is the Domain Name System (DNS). The DNS failed.",
        &[("DNS", Label::Org), ("DNS", Label::Org)],
    );
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn listed_companies_and_products_the_tagger_left_out_are_added() {
    let words = [
        "Salesforce",
        "has",
        "since",
        "branched",
        "out",
        ",",
        "like",
        "SQLite",
        "and",
        "Apple",
        "or",
        "salesforce",
        "and",
        "Adobe",
        ".",
    ];
    // A span the tagger found ("Adobe") is never overridden.
    let mut spans = vec![(13, 14, Label::Per)];
    guards::add_listed(&words, &mut spans);
    spans.sort_unstable_by_key(|s| s.0);
    assert_eq!(
        spans,
        [
            (0, 1, Label::Org),
            (7, 8, Label::Misc),
            (13, 14, Label::Per)
        ],
        "a frequent word ('Apple') or a lower-case one is not added on its own"
    );
    let mut none = Vec::new();
    guards::add_listed(&["An", "apple", "a", "day", "."], &mut none);
    assert!(none.is_empty(), "{none:?}");
    // End to end: a sentence opener the tagger reads as a plain word.
    let ents =
        recognize("Salesforce has since branched out to other areas of enterprise software.");
    assert!(
        ents.mentions
            .iter()
            .any(|m| m.text == "Salesforce" && m.label == Label::Org),
        "{ents:?}"
    );
}

#[test]
fn a_listed_company_read_as_a_place_or_person_is_a_company() {
    let text = "Many sites went down after an outage at Cloudflare on Tuesday. Engineers at \
                Cloudflare fixed it within hours. Flights from Paris to Berlin were not hit.";
    let ents = recognize(text);
    let label = |w: &str| {
        ents.mentions
            .iter()
            .filter(|m| m.text == w)
            .map(|m| m.label)
            .collect::<Vec<_>>()
    };
    assert_eq!(label("Cloudflare"), [Label::Org, Label::Org], "{ents:?}");
    // The company list also holds "Paris" and "Berlin"; the place lists know them.
    assert_eq!(label("Paris"), [Label::Loc], "{ents:?}");
    assert_eq!(label("Berlin"), [Label::Loc], "{ents:?}");
}

#[test]
fn brands_cut_short_are_extended_in_prose() {
    let ext = |sentence: &str, spans: &[(usize, usize, Label)]| {
        let words: Vec<&str> = sentence.split(' ').collect();
        let mut spans = spans.to_vec();
        guards::extend_names(&words, &mut spans);
        spans
            .iter()
            .map(|s| words[s.0..s.1].join(" "))
            .collect::<Vec<_>>()
    };
    // "Facebook" and "Fujifilm" as the tagger cut them: the product words and codes join.
    assert_eq!(
        ext(
            "sellers moved to Facebook Shops and bought a Fujifilm X-H2S body .",
            &[(3, 4, Label::Org), (8, 9, Label::Org)]
        ),
        ["Facebook Shops", "Fujifilm X-H2S"]
    );
    // Never over a role, a function word, another name or a nationality.
    assert_eq!(
        ext(
            "we asked Apple CEO Tim Cook and the Israeli Foreign Minister about Cofinec GDRs .",
            &[
                (2, 3, Label::Org),
                (4, 6, Label::Per),
                (8, 9, Label::Misc),
                (12, 13, Label::Org)
            ]
        ),
        ["Apple", "Tim Cook", "Israeli", "Cofinec"]
    );
    assert_eq!(
        ext(
            "the Washington-based Consumer Project and SBCP Vice-President said Radiometer H1 rose .",
            &[(1, 2, Label::Misc), (5, 6, Label::Org), (8, 9, Label::Org)]
        ),
        ["Washington-based", "SBCP", "Radiometer"]
    );
    // A person's name running on into a business names the business; other capitals after a
    // person are left alone.
    let words: Vec<&str> = "the show at Sadie Coles HQ was seen by Ana Lind Tuesday ."
        .split(' ')
        .collect();
    let mut spans = vec![(3, 5, Label::Per), (9, 11, Label::Per)];
    guards::extend_names(&words, &mut spans);
    assert_eq!(spans, [(3, 6, Label::Org), (9, 11, Label::Per)]);
    // A Title-Case heading says nothing: left as it is.
    assert_eq!(
        ext("Best Use Of TikTok Shops For Brands", &[(3, 4, Label::Org)]),
        ["TikTok"]
    );
}

#[test]
fn institutions_are_organisations() {
    let text = "We went to the Serpentine Gallery and the Royal Academy of Music in London, \
                then met Ada Lind at the Central Clinical Hospital.";
    let got = guarded(
        text,
        &[
            ("Serpentine Gallery", Label::Loc),
            ("Royal Academy of Music", Label::Per),
            ("London", Label::Loc),
            ("Ada Lind", Label::Per),
            ("Central Clinical Hospital", Label::Loc),
        ],
    );
    assert!(has(&got, "Serpentine Gallery", Label::Org), "{got:?}");
    assert!(has(&got, "Royal Academy of Music", Label::Org), "{got:?}");
    assert!(has(&got, "London", Label::Loc), "{got:?}");
    assert!(has(&got, "Ada Lind", Label::Per), "{got:?}");
    assert!(
        has(&got, "Central Clinical Hospital", Label::Loc),
        "{got:?}"
    );
    // Businesses named by their trade: a studio's games, a label's records, a dental practice.
    let text = "Tuesday Knight Games and Harlow Records moved next to LakeCrest Dental.";
    let got = guarded(
        text,
        &[
            ("Tuesday Knight Games", Label::Per),
            ("Harlow Records", Label::Loc),
            ("LakeCrest Dental", Label::Loc),
        ],
    );
    for name in ["Tuesday Knight Games", "Harlow Records", "LakeCrest Dental"] {
        assert!(has(&got, name, Label::Org), "{name}: {got:?}");
    }
}

#[test]
fn a_buttons_verb_is_no_part_of_the_name_after_it() {
    let text = "Visit StreamStore\n\nShop Zorblax Pro today.\n\nDiscover Cars\n\n\
                Shop Simple with My Plate\n\nReaders who visit Quillmark often stay.";
    let got = guarded(
        text,
        &[
            ("Visit StreamStore", Label::Misc),
            ("Shop Zorblax Pro", Label::Misc),
            ("Discover Cars", Label::Org),
            ("Shop Simple with My Plate", Label::Misc),
            ("Quillmark", Label::Org),
        ],
    );
    assert!(has(&got, "StreamStore", Label::Misc), "{got:?}");
    assert!(has(&got, "Zorblax Pro", Label::Misc), "{got:?}");
    // Plain words after the verb: the whole is the name (or none), never cut.
    assert!(!has(&got, "Cars", Label::Org), "{got:?}");
    assert!(!has(&got, "Simple with My Plate", Label::Misc), "{got:?}");
    assert!(has(&got, "Quillmark", Label::Org), "{got:?}");
}

#[test]
fn names_run_together_with_a_slash_are_named_one_by_one() {
    let text = "Picks: Harbour City/Quay United. Finalists: Ashby/Corran/Delmont.\n\n\
                We moved from Ubuntu/Noble and watched B/R Sports on a Lumix ZS200/TZ200.";
    let got = guarded(
        text,
        &[
            ("Harbour City/Quay United", Label::Org),
            ("Ashby/Corran/Delmont", Label::Org),
            ("Ubuntu/Noble", Label::Misc),
            ("B/R Sports", Label::Misc),
            ("Lumix ZS200/TZ200", Label::Misc),
        ],
    );
    for name in ["Harbour City", "Quay United", "Ashby", "Corran", "Delmont"] {
        assert!(has(&got, name, Label::Org), "{name}: {got:?}");
    }
    // A product and its version, a letter, a model number: one name each.
    for name in ["Ubuntu/Noble", "B/R Sports", "Lumix ZS200/TZ200"] {
        assert!(has(&got, name, Label::Misc), "{name}: {got:?}");
    }
}

#[test]
fn ranks_of_police_and_legislatures_are_titles_not_names() {
    let text = "Detective Tsukauchi said the case was closed. Sgt. John Miller agreed.";
    let got: Vec<(String, Label)> = recognize(text)
        .mentions
        .into_iter()
        .map(|m| (m.text, m.label))
        .collect();
    assert!(has(&got, "Tsukauchi", Label::Per), "{got:?}");
    assert!(has(&got, "John Miller", Label::Per), "{got:?}");
    assert!(!got
        .iter()
        .any(|g| g.0.starts_with("Detective") || g.0.starts_with("Sgt")));
}

#[test]
fn a_capitals_period_before_a_sentence_opener_ends_the_name() {
    let text = "Microsoft sold the Xbox One S. It was cheap. George W. Bush came. The Xbox One X. Its price fell.";
    let got = guarded(
        text,
        &[
            ("Microsoft", Label::Org),
            ("Xbox One S. It", Label::Misc),
            ("George W. Bush", Label::Per),
            ("Xbox One X.", Label::Misc),
        ],
    );
    assert!(has(&got, "Xbox One S", Label::Misc), "{got:?}");
    assert!(has(&got, "George W. Bush", Label::Per), "{got:?}");
    assert!(has(&got, "Xbox One X", Label::Misc), "{got:?}");
    // A paragraph that ends after the capital ends the name too.
    let text = "Or opt for the $279 Xbox One S.\n\nGallery: photos";
    let got = guarded(text, &[("Xbox One S.", Label::Misc)]);
    assert!(has(&got, "Xbox One S", Label::Misc), "{got:?}");
    // A reviewer signs with an initial.
    let text = "Great service.\nChristine B.\n";
    let got = guarded(text, &[("Christine B.", Label::Per)]);
    assert!(has(&got, "Christine B.", Label::Per), "{got:?}");
}

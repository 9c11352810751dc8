//! Each rule family through `recognize`, in running text: dates, times, money, percentages,
//! and the relative expressions that are left alone.

use lectern::{recognize, Label};

fn found(text: &str) -> Vec<(String, Label)> {
    recognize(text)
        .mentions
        .into_iter()
        .filter(|m| {
            matches!(
                m.label,
                Label::Date | Label::Time | Label::Money | Label::Percent
            )
        })
        .map(|m| (m.text, m.label))
        .collect()
}

#[test]
fn dates_in_running_text() {
    let got = found(
        "The summit opened on Wednesday, January 28, 2026 in Geneva. Talks resumed on \
         28 January and were first planned for December 2024, a year after the 2011 accord \
         signed in 2011.",
    );
    for want in [
        "Wednesday, January 28, 2026",
        "28 January",
        "December 2024",
        "2011",
    ] {
        assert!(
            got.contains(&(want.to_string(), Label::Date)),
            "{want}: {got:?}"
        );
    }
}

#[test]
fn relative_expressions_are_not_dates() {
    let got = found("Last year prices fell; next week they may rise, officials said today.");
    assert!(got.is_empty(), "{got:?}");
}

#[test]
fn times_money_and_percentages() {
    let got = found(
        "At 18:15 the bank said it would raise $5 million, then £20bn by 3pm GMT; the fund \
         holds €3.2 billion, up 12% or 12 per cent on the year.",
    );
    let want = [
        ("18:15", Label::Time),
        ("$5 million", Label::Money),
        ("£20bn", Label::Money),
        ("3pm GMT", Label::Time),
        ("€3.2 billion", Label::Money),
        ("12%", Label::Percent),
        ("12 per cent", Label::Percent),
    ];
    for (text, label) in want {
        assert!(got.contains(&(text.to_string(), label)), "{text}: {got:?}");
    }
    // Currency codes beside an amount are money; alone, no name of anything.
    let text = "Plans start at DKK 199 a month, or 150 SEK. Prices in CHF are higher.";
    let all = recognize(text).mentions;
    let got: Vec<(&str, Label)> = all.iter().map(|m| (m.text.as_str(), m.label)).collect();
    assert_eq!(
        got,
        [("DKK 199", Label::Money), ("150 SEK", Label::Money)],
        "{got:?}"
    );
}

#[test]
fn compound_modifiers_stay_out_of_names() {
    use lectern::entities::is_name_modifier;
    for w in [
        "Kurdish-led",
        "Saudi-backed",
        "Boston-based",
        "Paris-born",
        "U.S.-led",
    ] {
        assert!(is_name_modifier(w), "{w}");
    }
    for w in [
        "Hewlett-Packard",
        "al-Sharaa",
        "north-eastern",
        "Kurdish",
        "X-ed",
        "Coca-Cola",
    ] {
        assert!(!is_name_modifier(w), "{w}");
    }
    let text = "Fighting went on as the Kurdish-led Syrian Democratic Forces left the town.";
    let ents = recognize(text);
    let names: Vec<(&str, Label)> = ents
        .mentions
        .iter()
        .map(|m| (m.text.as_str(), m.label))
        .collect();
    assert!(
        names.contains(&("Syrian Democratic Forces", Label::Org)),
        "{names:?}"
    );
    assert!(
        names.iter().all(|(t, _)| !t.contains("Kurdish-led ")),
        "{names:?}"
    );
}

#[test]
fn names_are_looked_for_in_english_only() {
    let de = "Das in der iOS-Version bereits enthaltene Feature ist nun auch für OS X verfügbar. \
              Zudem gibt es neue Zusatzfelder in der Datenbank und weitere Verbesserungen. \
              AgileBits hat Version 5.3 seines Passwortmanagers freigegeben, die Lizenz kostet \
              50 Euro. Mit dem Update wird eine praktische Funktion nachgereicht, die die \
              Anwendung bereits seit längerem beherrscht. ";
    let ents = recognize(&de.repeat(2));
    assert!(!ents.names);
    let labels: Vec<Label> = ents.mentions.iter().map(|m| m.label).collect();
    assert!(labels.contains(&Label::Money), "{labels:?}");
    assert!(
        labels
            .iter()
            .all(|l| !matches!(l, Label::Per | Label::Org | Label::Loc | Label::Misc)),
        "{labels:?}"
    );
    let en = "Vladimir Putin met Ahmad al-Sharaa in Moscow on Wednesday, and the two leaders \
              said that they had agreed on the future of the Russian bases in Syria. ";
    let ents = recognize(&en.repeat(3));
    assert!(ents.names);
    assert!(ents.mentions.iter().any(|m| m.label == Label::Per));
}

#[test]
fn names_stop_before_dates() {
    let text = "A spokesman for the U.N. Security Council on Friday said the August National \
                Association of Purchasing Management index rose, as Saturday Night Live joked.";
    let got: Vec<(String, Label)> = recognize(text)
        .mentions
        .into_iter()
        .map(|m| (m.text, m.label))
        .collect();
    for (name, label) in [
        ("U.N. Security Council", Label::Org),
        ("Friday", Label::Date),
        ("National Association of Purchasing Management", Label::Org),
    ] {
        assert!(got.contains(&(name.to_string(), label)), "{name}: {got:?}");
    }
    assert!(
        !got.iter().any(|(t, _)| t == "Night Live"),
        "a weekday opening a title stays: {got:?}"
    );
}

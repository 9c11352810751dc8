//! Tables of works: a filmography, a discography, a list of books, laid out as a title column
//! and a year column ("Film / Year / Description", then "Groundhog Day / 1993 / ..."). Each
//! cell is a line of the text. Cut off from any sentence, the titles are read by the tagger as
//! people or places ("Jango", "Vandits"), or not at all; under a header that names a kind of
//! work, the first cell of every row that gives a year is the work (MISC).

use super::{Label, Mention};

/// Header cells that name the kind of work in the title column.
const WORK_HEADERS: [&str; 15] = [
    "film", "films", "movie", "title", "album", "single", "song", "book", "novel", "game",
    "series", "show", "work", "release", "episode",
];

/// Header cells for the year column.
const YEAR_HEADERS: [&str; 3] = ["year", "released", "release date"];

/// Most titles looked for again in the text: each is one scan of it, and a hostile page may
/// hold a table of thousands.
const MAX_NAMED_AGAIN: usize = 100;

/// Most words a title cell may hold.
const MAX_WORDS: usize = 12;

/// Marks the titles of tables of works as MISC, replacing the mentions inside them. Mentions
/// stay in text order.
pub fn mark(text: &str, mentions: &mut Vec<Mention>) {
    let mut titles: Vec<(usize, usize)> = Vec::new();
    let mut in_table = false;
    let mut at = 0;
    for block in text.split("\n\n") {
        let start = at;
        at += block.len() + 2;
        let mut lines = block.lines();
        let (Some(first), Some(second)) = (lines.next(), lines.next()) else {
            in_table = false;
            continue;
        };
        let header = WORK_HEADERS.contains(&first.trim().to_lowercase().as_str())
            && YEAR_HEADERS.contains(&second.trim().to_lowercase().as_str());
        if header {
            in_table = true;
            continue;
        }
        if !in_table {
            continue;
        }
        if is_year(second.trim()) && is_title(first.trim()) {
            let lead = first.len() - first.trim_start().len();
            let a = start + lead;
            titles.push((a, a + first.trim().len()));
        } else {
            in_table = false;
        }
    }
    if titles.is_empty() {
        return;
    }
    // The text names the works again elsewhere ("Remake of The Time Travelers"): titles of two
    // words or more, written the same (one word alone, "Salvage", is too often a plain word).
    let names: Vec<&str> = titles
        .iter()
        .filter_map(|&(a, b)| text.get(a..b))
        .filter(|t| t.contains(' '))
        .take(MAX_NAMED_AGAIN)
        .collect();
    let mut more = Vec::new();
    for name in names {
        for (at, _) in text.match_indices(name) {
            let end = at + name.len();
            let bounded = !text
                .get(..at)
                .unwrap_or("")
                .ends_with(char::is_alphanumeric)
                && !text
                    .get(end..)
                    .unwrap_or("")
                    .starts_with(char::is_alphanumeric);
            if bounded {
                more.push((at, end));
            }
        }
    }
    titles.extend(more);
    // A span inside another (a title within a longer one, or the cell itself found again)
    // gives way.
    titles.sort_by_key(|&(a, b)| (a, std::cmp::Reverse(b)));
    let mut last_end = 0;
    titles.retain(|&(a, b)| {
        let keep = a >= last_end;
        if keep {
            last_end = b;
        }
        keep
    });
    // Titles are in text order and do not overlap: a binary search finds any overlap.
    mentions.retain(|m| {
        let k = titles.partition_point(|t| t.1 <= m.start);
        titles.get(k).is_none_or(|t| t.0 >= m.end)
    });
    let works = titles
        .into_iter()
        .map(|(a, b)| Mention::new(text, a, b, Label::Misc))
        .collect();
    super::add_mentions(mentions, works);
}

fn is_year(cell: &str) -> bool {
    cell.len() == 4
        && cell.bytes().all(|b| b.is_ascii_digit())
        && (cell.starts_with("18") || cell.starts_with("19") || cell.starts_with("20"))
}

/// A title cell: opens with a capital or a digit ("12:01 PM"), a few words, no sentence.
fn is_title(cell: &str) -> bool {
    let opens = cell
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit());
    let words = cell.split_whitespace().count();
    opens && (1..=MAX_WORDS).contains(&words) && !cell.ends_with(['.', ':', ','])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn marked(text: &str, mut ms: Vec<Mention>) -> Vec<(String, Label)> {
        mark(text, &mut ms);
        ms.into_iter().map(|m| (m.text, m.label)).collect()
    }

    #[test]
    fn titles_of_a_film_table_are_works() {
        let text = "Films with time loops\n\nFilm\nYear\nDescription\n\nJango\n2021\nA surgeon \
                    is stuck.\n\nRun Lola Run\n1998\nLola runs.\n\nSee also\n\nPaul Smith\n1947\n\n\
                    Like Run Lola Run, Jango loops.";
        let jango = text.find("Jango").unwrap();
        let ms = vec![Mention::new(text, jango, jango + 5, Label::Per)];
        assert_eq!(
            marked(text, ms),
            [
                ("Jango".to_string(), Label::Misc),
                ("Run Lola Run".to_string(), Label::Misc),
                ("Run Lola Run".to_string(), Label::Misc)
            ]
        );
    }

    #[test]
    fn other_tables_keep_their_names() {
        // A table of people by year has no work header.
        let text = "Name\nYear\n\nPaul Smith\n1947";
        let at = text.find("Paul").unwrap();
        let ms = vec![Mention::new(text, at, at + 10, Label::Per)];
        assert_eq!(marked(text, ms), [("Paul Smith".to_string(), Label::Per)]);
    }
}

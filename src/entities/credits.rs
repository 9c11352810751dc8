//! Photo credit lines ("Jane Doe/The Daily Paper/Getty Images", "Photo: Jane Doe",
//! "Credit: Reuters"): the names in them credit a picture; they are not people or places the
//! article is about, so they carry no marks (and so never merge into one "person").

/// Picture agencies and libraries that end (or sit inside) a slash-joined credit.
const AGENCIES: &[&str] = &[
    "Getty",
    "AFP",
    "Reuters",
    "AP",
    "Associated Press",
    "EPA",
    "EPA-EFE",
    "Shutterstock",
    "Alamy",
    "iStock",
    "iStockphoto",
    "Redux",
    "Corbis",
    "Xinhua",
    "Sipa",
    "SIPA",
    "PA",
    "Unsplash",
    "Pexels",
    "Wikimedia",
    "NurPhoto",
    "SOPA",
    "LightRocket",
    "ZUMA",
    "Zuma",
    "Anadolu",
    "Invision",
    "WireImage",
    "FilmMagic",
    "Bloomberg",
    "Polaris",
    "Magnum",
    "TASS",
    "Kyodo",
    "Yonhap",
    "Imagn",
    "USA TODAY Sports",
    "AAP",
    "Rex",
    "REX",
    "Contributor",
    "Handout",
];

/// Words that open a credit: "Photo: ...", "Photograph by ...", "Image credit: ...".
const LEADS: &[&str] = &[
    "photo",
    "photograph",
    "photography",
    "image",
    "picture",
    "pic",
    "illustration",
    "video",
    "credit",
    "courtesy",
];

fn word_at(line: &str, at: usize) -> &str {
    let rest = line.get(at..).unwrap_or("");
    let n = rest
        .char_indices()
        .find(|&(_, c)| !c.is_alphanumeric() && c != '-')
        .map_or(rest.len(), |(i, _)| i);
    rest.get(..n).unwrap_or("")
}

/// Zones (byte ranges of `line`) introduced by a lead word: "Photo: X", "Photos by X",
/// "(Image credit: X)", "Courtesy of X". A zone ends at the line's end or the bracket that
/// closes the one before the lead.
fn lead_zones(line: &str, out: &mut Vec<(usize, usize)>) {
    // A credit's lead is capitalised ("Photo:", "CREDIT:"; in prose it rarely is): only words
    // starting with the leads' capitals are looked at, and the line is lower-cased once, when
    // one of them is a lead.
    let mut lowered: Option<String> = None;
    let mut i = 0;
    while let Some(k) = line.get(i..).and_then(|r| r.find(['P', 'I', 'C', 'V'])) {
        i += k;
        let boundary = i == 0
            || !line
                .as_bytes()
                .get(i - 1)
                .is_some_and(u8::is_ascii_alphanumeric);
        let word = word_at(line, i);
        let w = word.to_ascii_lowercase();
        let stem = w.strip_suffix('s').unwrap_or(&w);
        if !(boundary && LEADS.contains(&stem)) {
            i += word.len().max(1);
            continue;
        }
        let stem = stem.to_string();
        let lower = lowered.get_or_insert_with(|| line.to_ascii_lowercase());
        {
            // What follows the lead: an optional "credit"/"courtesy", then ":" or "by"/"of".
            let mut j = i + w.len();
            let after = |j: usize| lower.get(j..).unwrap_or("");
            for extra in [" credit", " courtesy"] {
                if after(j).starts_with(extra) {
                    j += extra.len();
                    j += usize::from(after(j).starts_with('s'));
                }
            }
            let rest = after(j);
            let opener = if let Some(r) = rest.strip_prefix(':') {
                Some(rest.len() - r.len())
            } else {
                let t = rest.trim_start();
                let skip = rest.len() - t.len();
                let by = if stem == "courtesy" { "of " } else { "by " };
                if skip == 0 {
                    None
                } else if t.starts_with(by) {
                    Some(skip + by.len())
                } else {
                    (stem == "courtesy").then_some(skip)
                }
            };
            if let Some(n) = opener {
                let start = j + n;
                let bracket = lower
                    .get(..i)
                    .unwrap_or("")
                    .trim_end()
                    .ends_with(['(', '[']);
                let end = if bracket {
                    lower
                        .get(start..)
                        .and_then(|r| r.find([')', ']']))
                        .map_or(line.len(), |k| start + k)
                } else {
                    line.len()
                };
                out.push((i, end));
                i = end.max(i + 1);
                continue;
            }
        }
        i += word.len().max(1);
    }
}

fn is_agency(part: &str) -> bool {
    let p = part.trim();
    let p = p.strip_prefix("via ").unwrap_or(p);
    AGENCIES
        .iter()
        .any(|a| p == *a || p.strip_prefix(a).is_some_and(|r| r.starts_with([' ', '-'])))
}

/// Zones of slash-joined credits: "Jane Doe/The Daily Paper/Getty Images" (one of the parts
/// names an agency). The zone runs from the capitalised words before the first slash to the
/// end of the last part.
fn slash_zones(line: &str, out: &mut Vec<(usize, usize)>) {
    let slashes: Vec<usize> = line.match_indices('/').map(|(i, _)| i).collect();
    let mut k = 0;
    while let Some(&first) = slashes.get(k) {
        // A chain: slashes whose parts between are short and hold no sentence punctuation.
        let mut last = first;
        let mut n = k + 1;
        while let Some(&s) = slashes.get(n) {
            let mid = line.get(last + 1..s).unwrap_or("");
            if mid.len() > 40 || mid.contains([',', ';', ':', '(', ')']) {
                break;
            }
            last = s;
            n += 1;
        }
        // The parts: up to four capitalised words before the first slash, and after the last.
        // ("Jane Doe / Agency": spaces around the slash are the same credit.)
        let before = line.get(..first).unwrap_or("").trim_end();
        let mut start = before.len();
        for (taken, w) in before.rsplit(' ').enumerate() {
            if taken >= 4 || !w.chars().next().is_some_and(char::is_uppercase) {
                break;
            }
            start = start.saturating_sub(w.len() + usize::from(taken > 0));
        }
        let after_raw = line.get(last + 1..).unwrap_or("");
        let after = after_raw.trim_start();
        let mut end = last + 1;
        let mut off = last + 1 + (after_raw.len() - after.len());
        for (taken, w) in after.split(' ').enumerate() {
            let cap = w.chars().next().is_some_and(char::is_uppercase) || w == "via";
            if taken >= 5 || !cap {
                break;
            }
            end = off + w.trim_end_matches([',', '.', ')', ']']).len();
            off += w.len() + 1;
        }
        let chain = line.get(start..end).unwrap_or("");
        if start < before.len() && chain.split('/').any(is_agency) {
            out.push((start, end));
        }
        k = n;
    }
}

/// Zones of "via" credits and bare agency lines: "Jane Doe via Getty Images", "Jane Doe / Staff
/// via Getty Images", and a line that is only "Getty Images". The zone is the whole line: such
/// a line is short and says nothing else.
fn via_zones(line: &str, out: &mut Vec<(usize, usize)>) {
    let t = line.trim();
    if t.is_empty() || t.split_whitespace().count() > 10 || t.contains(['.', ',', ';', ':']) {
        return;
    }
    let agency_after_via = t
        .match_indices(" via ")
        .any(|(i, v)| is_agency(t.get(i + v.len()..).unwrap_or("")));
    // A lone agency word ("Bloomberg", "Reuters") may be a list of outlets; "Getty Images" is
    // a credit.
    let bare_credit = is_agency(t) && t.contains(' ');
    if agency_after_via || bare_credit {
        let start = line.len() - line.trim_start().len();
        out.push((start, start + t.len()));
    }
}

/// Byte ranges of `text` that are photo credits.
pub fn zones(text: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        let mut z = Vec::new();
        lead_zones(line, &mut z);
        if line.contains('/') {
            slash_zones(line, &mut z);
        }
        via_zones(line, &mut z);
        out.extend(z.into_iter().map(|(a, b)| (at + a, at + b)));
        at += line.len() + 1;
    }
    out.sort_unstable();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn zoned(text: &str) -> Vec<&str> {
        zones(text).iter().map(|&(a, b)| &text[a..b]).collect()
    }

    #[test]
    fn credit_lines() {
        assert_eq!(
            zoned("The crowd in the square.\nAnna Berg/The Daily Paper/Getty Images"),
            ["Anna Berg/The Daily Paper/Getty Images"]
        );
        assert_eq!(
            zoned("The quay at dawn.\nWenjie Zheng / Shutterstock"),
            ["Wenjie Zheng / Shutterstock"]
        );
        assert_eq!(
            zoned("Marchers on Sunday. Photo: Tom Reed"),
            ["Photo: Tom Reed"]
        );
        assert_eq!(
            zoned("A quiet harbour (Image credit: Lena Ward) at dawn."),
            ["Image credit: Lena Ward"]
        );
        assert_eq!(zoned("Photos by Ray Olsen"), ["Photos by Ray Olsen"]);
        assert_eq!(zoned("Credit: Reuters"), ["Credit: Reuters"]);
        assert_eq!(
            zoned("Cloud deals grow.\nWin Lee via Getty Images\nAnn Roe / Staff via Getty Images"),
            [
                "Win Lee via Getty Images",
                "Ann Roe / Staff via Getty Images"
            ]
        );
        assert_eq!(zoned("Getty Images"), ["Getty Images"]);
        assert!(zoned("Bloomberg").is_empty());
    }

    #[test]
    fn prose_is_not_a_credit() {
        assert!(zoned("The photo shows Anna Berg in Oslo.").is_empty());
        assert!(zoned("He took a picture of the river and/or the hill.").is_empty());
        assert!(zoned("Picture this: a quiet town.").is_empty());
        assert!(zoned("She said the photo by the lake was hers.").is_empty());
        assert!(zoned("The input/output layer of TCP/IP in Berlin.").is_empty());
        assert!(zoned("Shares rose via Reuters reports, analysts said.").is_empty());
        assert!(zoned("We flew to Oslo via Amsterdam").is_empty());
    }
}

//! CoNLL-format corpora (word ... tag per line, blank lines between sentences, -DOCSTART- between
//! documents). Scoring them is in [`crate::eval`].

#[derive(Clone)]
pub struct Sentence {
    pub words: Vec<String>,
    /// Gold entity spans: (first token, end token, type name).
    pub spans: Vec<(usize, usize, String)>,
}

#[derive(Clone)]
pub struct Document {
    pub sentences: Vec<Sentence>,
}

/// Reads a CoNLL file: the word is the first column, the tag the last (IOB1 or IOB2). Files
/// without -DOCSTART- lines are treated as one document per 50 sentences.
pub fn read(text: &str) -> Vec<Document> {
    let mut docs: Vec<Document> = Vec::new();
    let mut cur: Vec<Sentence> = Vec::new();
    let mut words: Vec<String> = Vec::new();
    let mut tags: Vec<String> = Vec::new();
    let mut saw_docstart = false;
    let flush_sentence =
        |words: &mut Vec<String>, tags: &mut Vec<String>, cur: &mut Vec<Sentence>| {
            if !words.is_empty() {
                let spans = spans_of(tags);
                cur.push(Sentence {
                    words: std::mem::take(words),
                    spans,
                });
                tags.clear();
            }
        };
    for line in text.lines() {
        let line = line.trim_end();
        let mut cols = line.split(['\t', ' ']).filter(|c| !c.is_empty());
        let Some(word) = cols.next() else {
            flush_sentence(&mut words, &mut tags, &mut cur);
            continue;
        };
        if word == "-DOCSTART-" {
            flush_sentence(&mut words, &mut tags, &mut cur);
            if !cur.is_empty() {
                docs.push(Document {
                    sentences: std::mem::take(&mut cur),
                });
            }
            saw_docstart = true;
            continue;
        }
        let tag = cols.next_back().unwrap_or("O");
        words.push(word.to_string());
        tags.push(tag.to_string());
    }
    flush_sentence(&mut words, &mut tags, &mut cur);
    if !cur.is_empty() {
        if saw_docstart {
            docs.push(Document { sentences: cur });
        } else {
            let mut it = cur.into_iter().peekable();
            while it.peek().is_some() {
                docs.push(Document {
                    sentences: it.by_ref().take(50).collect(),
                });
            }
        }
    }
    docs
}

/// Chunks of an IOB1/IOB2 tag sequence, conlleval style.
pub fn spans_of<S: AsRef<str>>(tags: &[S]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, String)> = None;
    for (i, t) in tags.iter().enumerate() {
        let t = t.as_ref();
        let (prefix, ty) = match t.split_once('-') {
            Some((p, ty)) if matches!(p, "B" | "I" | "E" | "S") => (p, ty),
            _ => ("O", ""),
        };
        let continues = prefix == "I"
            && open
                .as_ref()
                .is_some_and(|(_, oty)| oty == canonical_type(ty));
        if !continues {
            if let Some((s, oty)) = open.take() {
                out.push((s, i, oty));
            }
            if prefix != "O" {
                open = Some((i, canonical_type(ty).to_string()));
            }
        }
    }
    if let Some((s, oty)) = open {
        out.push((s, tags.len(), oty));
    }
    out
}

/// The tagger's type for a corpus's type name: WNUT-17's are mapped as the project scores
/// them (person PER, location LOC, corporation and group ORG, product and creative work MISC);
/// others are kept.
pub fn canonical_type(ty: &str) -> &str {
    match ty {
        "person" => "PER",
        "location" => "LOC",
        "corporation" | "group" => "ORG",
        "product" | "creative-work" => "MISC",
        t => t,
    }
}

/// The words of each sentence of a document.
pub(crate) fn words_of(d: &Document) -> Vec<Vec<&str>> {
    d.sentences
        .iter()
        .map(|s| s.words.iter().map(String::as_str).collect())
        .collect()
}

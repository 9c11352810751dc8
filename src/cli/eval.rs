//! `lectern eval`: runs an evaluation of [`crate::eval`] and prints its figures.

use std::path::Path;

use super::ner::Chosen;
use super::{read_input, CmdResult};
use crate::entities::{conll, tagger};
use crate::eval::pages::{eval_pages_dir, Group};
use crate::eval::readability::eval_dir;
use crate::eval::{ner, rules, standoff, tagger as tagger_eval};

fn print_group(name: &str, g: &Group) {
    println!(
        "{:<14} {:>5}  {:>6.3} {:>6.3} {:>6.3} {:>6.3}  {:>5.1}% {:>5.1}% {:>5.1}%  {:>4}",
        name,
        g.pages,
        g.mean_f1,
        g.f1_of_means(),
        g.precision,
        g.recall,
        g.pct(g.title),
        g.pct(g.author),
        g.pct(g.date),
        g.no_article
    );
}

pub fn eval_pages(dir: &str, verbose: bool, disagree: Option<&str>) -> CmdResult {
    let e = eval_pages_dir(Path::new(dir))?;
    if let Some(kind) = disagree {
        for s in e.pages.iter().filter(|s| s.page_type == kind) {
            for (f, gt, ours) in &s.field_diffs {
                println!("{}\t{f}\t{gt:?}\t{ours:?}", s.id);
            }
        }
        println!();
    }
    if verbose {
        println!(
            "{:<6} {:<14} {:>6} {:>6} {:>6}  T A D  note",
            "page", "type", "F1", "P", "R"
        );
        let mark = |b: bool| if b { "." } else { "x" };
        for s in &e.pages {
            let mut note = String::new();
            if let Some(why) = &s.no_article {
                note.push_str(&format!("no article: {why}; "));
            }
            for (f, e, o) in &s.field_diffs {
                note.push_str(&format!("{f} {e:?} vs ours {o:?}; "));
            }
            for m in &s.missing {
                note.push_str(&format!("left out {m:?}; "));
            }
            for m in &s.extra {
                note.push_str(&format!("kept {m:?}; "));
            }
            println!(
                "{:<6} {:<14} {:>6.3} {:>6.3} {:>6.3}  {} {} {}  {}",
                s.id,
                s.page_type,
                s.f1,
                s.precision,
                s.recall,
                mark(s.title),
                mark(s.author),
                mark(s.date),
                note.trim_end_matches([' ', ';'])
            );
        }
        println!();
    }
    println!(
        "{:<14} {:>5}  {:>6} {:>6} {:>6} {:>6}  {:>6} {:>6} {:>6}  {:>4}",
        "type", "pages", "meanF1", "F1(PR)", "P", "R", "title", "author", "date", "none"
    );
    for (t, g) in &e.by_type {
        print_group(t, g);
    }
    print_group("all", &e.all);
    println!();
    println!("meanF1: mean of per-page shingle F1; F1(PR): F1 of the mean precision and recall.");
    println!(
        "title/author/date: share of pages agreeing with the annotation (both absent agrees);"
    );
    println!("none: pages with no article (scored 0).");
    Ok(0)
}

pub fn eval_readability(dir: &str) -> CmdResult {
    let (rows, t) = eval_dir(dir)?;
    let mark = |b: bool| if b { "." } else { "x" };
    println!("{:<44} {:>6}  T B E S L D P R  note", "page", "F1");
    println!("(. agrees, x differs, ~ differs only by our site-suffix removal, the headline the page prints or byline cleaning, + a value we found where Readability has none)");
    for r in &rows {
        let mut note = String::new();
        if r.title_site_stripped {
            note.push_str("title: site suffix removed (ours); ");
        }
        if r.published_extra {
            note.push_str("published time found where Readability has none; ");
        }
        if r.lang_extra {
            note.push_str("language read from meta tags where Readability has none; ");
        }
        for m in &r.missing {
            note.push_str(&format!("left out {m:?}; "));
        }
        for m in &r.extra {
            note.push_str(&format!("kept {m:?}; "));
        }
        if let Some(e) = &r.error {
            note.push_str(&format!("no article: {e}"));
        }
        println!(
            "{:<44} {:>6.3}  {} {} {} {} {} {} {} {}  {}",
            r.name,
            r.f1,
            if r.title_site_stripped {
                "~"
            } else {
                mark(r.title)
            },
            if r.byline_cleaned {
                "~"
            } else {
                mark(r.byline)
            },
            mark(r.excerpt),
            mark(r.site_name),
            if r.lang_extra { "+" } else { mark(r.lang) },
            mark(r.dir),
            if r.published_extra {
                "+"
            } else {
                mark(r.published)
            },
            mark(r.readerable),
            note.trim_end_matches([' ', ';'])
        );
    }
    println!();
    println!("pages                {}", t.pages);
    println!("mean text F1         {:.4}", t.mean_f1);
    println!("pages F1 >= 0.95     {}", t.pages_095);
    println!(
        "title agrees         {} (strict), {} counting our site-suffix removal and printed headlines",
        t.title, t.title_lenient
    );
    println!(
        "byline agrees        {} (strict), {} counting our byline cleaning",
        t.byline, t.byline_lenient
    );
    println!("excerpt agrees       {}", t.excerpt);
    println!("site name agrees     {}", t.site_name);
    println!(
        "all four agree       {} (strict), {} counting our site-suffix removal and byline cleaning",
        t.four_fields, t.four_fields_lenient
    );
    println!(
        "lang agrees          {} (strict), {} counting languages we found where Readability has none",
        t.lang, t.lang_lenient
    );
    println!("dir agrees           {}", t.dir);
    println!(
        "published agrees     {} (strict), {} counting times we found where Readability has none",
        t.published, t.published_lenient
    );
    println!("readerable agrees    {}", t.readerable);
    Ok(0)
}

/// What `lectern eval ner` reads: CoNLL files and standoff annotation files.
pub struct EvalNer<'a> {
    pub files: &'a [String],
    pub model: Option<&'a str>,
    pub lang: Option<&'a str>,
    pub pages: &'a str,
    pub tagger: bool,
    pub errors: bool,
}

/// Scores `recognize` (the product path) one document at a time on each file; with `tagger`,
/// also the tagger alone on the gold sentences (labelled: it skips language, rules, grouping).
pub fn eval_ner(args: &EvalNer) -> CmdResult {
    print_load_cost();
    let chosen = Chosen::new(args.model)?;
    let model = chosen.get();
    // Warm the lazily built gazetteer so it does not count against speed.
    let _ = crate::entities::gazetteer::Gazetteer::get();
    let mut standoff_docs: Vec<ner::TextDoc> = Vec::new();
    let mut standoff_files = 0;
    for file in args.files {
        let bytes = read_input(file)?;
        let text = String::from_utf8_lossy(&bytes);
        if standoff::is_standoff(&text) {
            let parsed = standoff::parse(&text).map_err(|e| format!("{file}: {e}"))?;
            let docs = standoff::documents(&parsed, std::path::Path::new(args.pages))?;
            let docs: Vec<ner::TextDoc> = docs.into_iter().map(|(_, d)| d).collect();
            report(file, model, &docs, args)?;
            standoff_docs.extend(docs);
            standoff_files += 1;
            continue;
        }
        let has_docstart = text.contains("-DOCSTART-");
        let docs = ner::split_documents(conll::read(&text), has_docstart);
        let text_docs: Vec<ner::TextDoc> = docs.iter().map(ner::text_of).collect();
        report(file, model, &text_docs, args)?;
        if args.tagger {
            let (score, tokens) = tagger_eval::evaluate(model, &ner::names_only(&docs));
            print!(
                "tagger only ({tokens} tokens; gold sentences, no language test, rules or \
                 grouping):\n{}",
                score.report()
            );
        }
        if let Some(r) = rules::agreement(&docs) {
            println!("rules (DATE+TIME vs Temporal, MONEY vs Money):\n{r}");
        }
    }
    if standoff_files > 1 {
        report("all standoff files", model, &standoff_docs, args)?;
    }
    Ok(0)
}

fn report(name: &str, model: &tagger::Tagger, docs: &[ner::TextDoc], args: &EvalNer) -> CmdResult {
    let outcome = ner::recognize_docs(Some(model), docs, args.lang);
    println!(
        "{name}: recognize, one document at a time ({} documents, {} judged not English{})",
        outcome.documents,
        outcome.not_english,
        args.lang
            .map(|l| format!(", declared {l}"))
            .unwrap_or_default()
    );
    print!("{}", outcome.score.report());
    if args.errors {
        print!("{}", ner::errors(docs, &outcome));
    }
    let speed = ner::recognize_speed(Some(model), docs, args.lang, 3.0);
    println!("speed: {speed:.0} tokens/s (recognize, best of up to 10 runs)");
    Ok(0)
}

/// First-use cost (see [`ner::load_cost`]).
fn print_load_cost() {
    let (model_ms, model_ok, gaz_ms) = ner::load_cost();
    println!(
        "model load: {model_ms:.3} ms{}, gazetteer load: {gaz_ms:.3} ms (best of 5)",
        if model_ok { "" } else { " (FAILED)" }
    );
}

/// `lectern eval standoff-text`: the text a standoff file's offsets count in.
pub fn standoff_text(id: &str, pages: &str, readability: bool) -> CmdResult {
    let pages = Path::new(pages);
    let text = if readability {
        standoff::readability_page(pages, id)?.0
    } else {
        let parsed = standoff::parse(&format!("#pages {id}\n"))?;
        standoff::documents(&parsed, pages)?
            .pop()
            .map(|(_, d)| d.text)
            .unwrap_or_default()
    };
    print!("{text}");
    Ok(0)
}

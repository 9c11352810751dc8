//! `lectern eval`: runs an evaluation of [`crate::eval`] and prints its figures.

use std::path::Path;

use super::CmdResult;
use crate::eval::pages::{eval_pages_dir, Group};

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

pub fn eval_pages(dir: &str, verbose: bool) -> CmdResult {
    let e = eval_pages_dir(Path::new(dir))?;
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

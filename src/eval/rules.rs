//! The date/time and money rules against a corpus that annotates such spans (re3d's Temporal
//! and Money).

use crate::entities::conll::Document;
use crate::entities::{rules, Label};

/// Agreement of the date/time and money rules with a corpus's Temporal and Money spans (re3d):
/// per family, exact-span and overlapping matches against gold and predicted counts.
pub fn agreement(docs: &[Document]) -> Option<String> {
    let families: [(&str, &[Label]); 2] = [
        ("Temporal", &[Label::Date, Label::Time]),
        ("Money", &[Label::Money]),
    ];
    let mut rows = Vec::new();
    for (gold_ty, labels) in families {
        let (mut gold, mut pred, mut exact, mut overlap_gold, mut overlap_pred) = (0, 0, 0, 0, 0);
        for d in docs {
            for s in &d.sentences {
                let words: Vec<&str> = s.words.iter().map(String::as_str).collect();
                let g: Vec<(usize, usize)> = s
                    .spans
                    .iter()
                    .filter(|x| x.2 == gold_ty)
                    .map(|x| (x.0, x.1))
                    .collect();
                let p: Vec<(usize, usize)> = rules::find(&words)
                    .into_iter()
                    .filter(|x| labels.contains(&x.2))
                    .map(|x| (x.0, x.1))
                    .collect();
                let overlaps = |a: &(usize, usize), b: &(usize, usize)| a.0 < b.1 && b.0 < a.1;
                gold += g.len();
                pred += p.len();
                exact += p.iter().filter(|x| g.contains(x)).count();
                overlap_gold += g
                    .iter()
                    .filter(|x| p.iter().any(|y| overlaps(x, y)))
                    .count();
                overlap_pred += p
                    .iter()
                    .filter(|x| g.iter().any(|y| overlaps(x, y)))
                    .count();
            }
        }
        if gold == 0 {
            continue;
        }
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        rows.push(format!(
            "{gold_ty:<9} gold {gold:>4}  rules {pred:>4}  exact: precision {:.3} recall {:.3}  overlap: precision {:.3} recall {:.3}",
            ratio(exact, pred),
            ratio(exact, gold),
            ratio(overlap_pred, pred),
            ratio(overlap_gold, gold)
        ));
    }
    (!rows.is_empty()).then(|| rows.join("\n"))
}

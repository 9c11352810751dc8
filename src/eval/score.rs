//! Entity-level scoring with the CoNLL definition: a predicted span counts only with the exact
//! span and type of a gold one.

use std::collections::BTreeMap;

/// Counts of true positives, predictions and gold spans per type.
#[derive(Default)]
pub struct Score {
    pub per_type: BTreeMap<String, [usize; 3]>,
}

impl Score {
    pub fn add(&mut self, gold: &[(usize, usize, String)], pred: &[(usize, usize, String)]) {
        for g in gold {
            self.per_type.entry(g.2.clone()).or_default()[2] += 1;
        }
        for p in pred {
            let e = self.per_type.entry(p.2.clone()).or_default();
            e[1] += 1;
            if gold.contains(p) {
                e[0] += 1;
            }
        }
    }

    fn prf(c: [usize; 3]) -> (f64, f64, f64) {
        let p = if c[1] == 0 {
            0.0
        } else {
            c[0] as f64 / c[1] as f64
        };
        let r = if c[2] == 0 {
            0.0
        } else {
            c[0] as f64 / c[2] as f64
        };
        let f = if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        };
        (p, r, f)
    }

    pub fn overall(&self) -> (f64, f64, f64) {
        let mut t = [0usize; 3];
        for c in self.per_type.values() {
            for k in 0..3 {
                t[k] += c[k];
            }
        }
        Self::prf(t)
    }

    /// A table: type, precision, recall, F1, gold count.
    pub fn report(&self) -> String {
        let mut s = format!(
            "{:<8} {:>9} {:>9} {:>9} {:>7}\n",
            "type", "precision", "recall", "F1", "gold"
        );
        for (ty, &c) in &self.per_type {
            let (p, r, f) = Self::prf(c);
            s += &format!("{ty:<8} {p:>9.4} {r:>9.4} {f:>9.4} {:>7}\n", c[2]);
        }
        let (p, r, f) = self.overall();
        let gold: usize = self.per_type.values().map(|c| c[2]).sum();
        s += &format!("{:<8} {p:>9.4} {r:>9.4} {f:>9.4} {gold:>7}\n", "overall");
        s
    }
}

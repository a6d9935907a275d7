//! The newsroom corpus: sentences in wire, business, sport, science and
//! local styles, UK and US spellings, in `testdata/extract/*.txt`, each with
//! a `.claims` sidecar listing every claim the extractor must find, in
//! order.
//!
//! Sidecar format: one claim per line, tab-separated, `#` starts a comment:
//!
//! ```text
//! literal  value  low  high  qualifier  unit
//! ```
//!
//! `value` and `unit` are `-` when absent. `low` is `[x` (closed) or `(x`
//! (open), `high` is `x]` or `x)`, and either is `-` when unbounded.
//! Numbers are compared at the decimal places the sidecar writes, so a
//! recurring share can be written `66.67`.

use figcheck::extract::{Claim, extract};
use figcheck::input::{Document, InputOptions};
use figcheck::interval::Bound;
use rust_decimal::Decimal;
use std::path::Path;
use std::str::FromStr;

/// `want` against `got`, at `want`'s decimal places.
fn same(want: &str, got: Decimal) -> bool {
    let Ok(w) = Decimal::from_str(want) else {
        return false;
    };
    got.round_dp(w.scale()) == w
}

fn check_bound(field: &str, bound: Option<Bound>, low: bool) -> Result<(), String> {
    match (field, bound) {
        ("-", None) => Ok(()),
        ("-", Some(b)) => Err(format!("expected unbounded, got {}", b.value)),
        (_, None) => Err(format!("expected {field}, got unbounded")),
        (f, Some(b)) => {
            let (closed, num) = if low {
                (f.starts_with('['), &f[1..])
            } else {
                (f.ends_with(']'), &f[..f.len() - 1])
            };
            if closed != b.inclusive || !same(num, b.value) {
                return Err(format!(
                    "expected {f}, got {}{}",
                    b.value,
                    if b.inclusive { " (closed)" } else { " (open)" }
                ));
            }
            Ok(())
        }
    }
}

fn check_claim(fields: &[&str], c: &Claim) -> Result<(), String> {
    let [literal, value, low, high, qualifier, unit] = fields else {
        return Err(format!("sidecar line needs 6 fields, has {}", fields.len()));
    };
    if *literal != c.literal {
        return Err(format!(
            "literal: expected {literal:?}, got {:?}",
            c.literal
        ));
    }
    match (*value, c.value) {
        ("-", None) => {}
        (v, Some(g)) if v != "-" && same(v, g) => {}
        (v, g) => return Err(format!("value: expected {v}, got {g:?}")),
    }
    check_bound(low, c.interval.low, true).map_err(|e| format!("low: {e}"))?;
    check_bound(high, c.interval.high, false).map_err(|e| format!("high: {e}"))?;
    let q = serde_json::to_value(c.qualifier).map_err(|e| e.to_string())?;
    if q.as_str() != Some(qualifier) {
        return Err(format!("qualifier: expected {qualifier}, got {q}"));
    }
    if *unit != c.unit.as_deref().unwrap_or("-") {
        return Err(format!("unit: expected {unit}, got {:?}", c.unit));
    }
    Ok(())
}

fn check_file(txt: &Path) -> Vec<String> {
    let text = std::fs::read_to_string(txt).expect("corpus text");
    let sidecar = std::fs::read_to_string(txt.with_extension("claims")).expect("sidecar");
    let doc = Document::from_bytes("t", text.into_bytes(), &InputOptions::default());
    let claims = extract(&[doc]).claims;
    let expected: Vec<Vec<&str>> = sidecar
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').collect())
        .collect();
    let name = txt.file_name().unwrap_or_default().to_string_lossy();
    let mut errors = Vec::new();
    for (k, fields) in expected.iter().enumerate() {
        match claims.get(k) {
            None => errors.push(format!("{name}: claim {} missing: {fields:?}", k + 1)),
            Some(c) => {
                if let Err(e) = check_claim(fields, c) {
                    errors.push(format!("{name}: claim {} ({:?}): {e}", k + 1, c.literal));
                }
            }
        }
    }
    for c in claims.iter().skip(expected.len()) {
        errors.push(format!("{name}: unexpected claim {:?}", c.literal));
    }
    errors
}

#[test]
fn newsroom_corpus() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/extract");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .expect("testdata/extract")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    assert!(files.len() >= 6, "corpus has {} files", files.len());
    let errors: Vec<String> = files.iter().flat_map(|f| check_file(f)).collect();
    assert!(errors.is_empty(), "{}", errors.join("\n"));
}

//! Properties that must hold for every input, checked on generated cases:
//! interval arithmetic is sound, claim spans are slices of the input,
//! numbers come back with the value they were written with, and reports
//! are byte-identical run after run.

use figcheck::extract::{self, Claim};
use figcheck::input::{Document, InputOptions};
use figcheck::interval::{Bound, Interval};
use figcheck::report::{self, Report, Show};
use num_bigint::BigInt;
use num_rational::BigRational;
use proptest::prelude::*;
use rust_decimal::Decimal;

// ---------------------------------------------------------------------
// Interval soundness: the true result of any values the rounded inputs
// allow lies in the computed interval. Checked with exact rationals, so
// the checker itself never rounds.

fn rational(d: Decimal) -> BigRational {
    let denominator = BigInt::from(10).pow(d.scale());
    BigRational::new(BigInt::from(d.mantissa()), denominator)
}

fn contains(i: &Interval, x: &BigRational) -> bool {
    let above = |b: Option<Bound>| {
        b.is_none_or(|b| {
            let v = rational(b.value);
            *x > v || (b.inclusive && *x == v)
        })
    };
    let below = |b: Option<Bound>| {
        b.is_none_or(|b| {
            let v = rational(b.value);
            *x < v || (b.inclusive && *x == v)
        })
    };
    above(i.low) && below(i.high)
}

/// A decimal as news copy writes it: up to 13 significant digits and up to
/// 6 decimal places, either sign.
fn decimal() -> impl Strategy<Value = Decimal> {
    (-9_999_999_999_999i64..=9_999_999_999_999, 0u32..=6).prop_map(|(m, s)| Decimal::new(m, s))
}

/// Decimals at the edge of the type: 28 significant digits, any scale.
fn wide_decimal() -> impl Strategy<Value = Decimal> {
    (any::<i64>(), any::<i64>(), 0u32..=28).prop_map(|(a, b, s)| {
        let m = (i128::from(a) << 32) ^ i128::from(b);
        let m = m % 79_228_162_514_264_337_593_543_950_335i128;
        Decimal::from_i128_with_scale(m, s)
    })
}

/// A stated figure: its value and half the unit of its last digit.
fn rounded(value: impl Strategy<Value = Decimal>) -> impl Strategy<Value = (Interval, Decimal)> {
    (value, 0u32..=6, 0u32..=8)
        .prop_map(|(v, s, k)| {
            let half = Decimal::new(5, s + 1);
            (Interval::around(v, half), v, half, k)
        })
        .prop_map(|(i, v, half, k)| {
            // A true value anywhere in the band: its ends, its centre, or
            // a point between.
            let t = v - half + half * Decimal::new(i64::from(k), 0) / Decimal::new(4, 0);
            (i, t)
        })
}

fn check_ops(a: &Interval, x: Decimal, b: &Interval, y: Decimal) -> Result<(), TestCaseError> {
    let (rx, ry) = (rational(x), rational(y));
    prop_assert!(contains(a, &rx), "{x} not in {a}");
    prop_assert!(contains(&a.add(b), &(&rx + &ry)), "{a} + {b}");
    prop_assert!(contains(&a.sub(b), &(&rx - &ry)), "{a} - {b}");
    prop_assert!(contains(&a.mul(b), &(&rx * &ry)), "{a} * {b}");
    if !y.is_zero() {
        prop_assert!(
            contains(&a.div(b), &(&rx / &ry)),
            "{a} / {b} misses {x}/{y}"
        );
    }
    prop_assert!(contains(&a.scale(y), &(&rx * &ry)), "{a} scaled by {y}");
    prop_assert!(contains(&a.hull(b), &rx) && contains(&a.hull(b), &ry));
    prop_assert!(contains(&Interval::sum([a, b, a]), &(&rx + &ry + &rx)));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn interval_arithmetic_is_sound((a, x) in rounded(decimal()), (b, y) in rounded(decimal())) {
        check_ops(&a, x, &b, y)?;
    }

    #[test]
    fn interval_arithmetic_is_sound_at_full_precision(x in wide_decimal(), y in wide_decimal()) {
        // Exact figures at the type's limits: every operation must round
        // outwards, or widen to unbounded when it overflows.
        check_ops(&Interval::exact(x), x, &Interval::exact(y), y)?;
    }

    #[test]
    fn open_bounds_stay_sound(v in decimal(), w in decimal(), inclusive in any::<bool>()) {
        let above = Interval::above(v, inclusive);
        let below = Interval::below(w, inclusive);
        let (rv, rw) = (rational(v), rational(w));
        let eps = BigRational::new(BigInt::from(1), BigInt::from(1_000_000_000i64));
        let x = &rv + &eps;
        let y = &rw - &eps;
        prop_assert!(contains(&above.add(&below), &(&x + &y)));
        prop_assert!(contains(&above.sub(&below), &(&x - &y)));
        prop_assert!(contains(&above.mul(&below), &(&x * &y)));
    }
}

// ---------------------------------------------------------------------
// Spans: every claim is a slice of its document, cut on character
// boundaries, whatever the text around it.

fn fragment() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("125,000".to_string()),
        Just("1 234 567".to_string()),
        Just("1\u{2009}234".to_string()),
        Just("816\u{a0}000".to_string()),
        Just("4.8".to_string()),
        Just(".08".to_string()),
        Just("$1.2bn".to_string()),
        Just("£3m".to_string()),
        Just("€40".to_string()),
        Just("¥500".to_string()),
        Just("40%".to_string()),
        Just("5 per cent".to_string()),
        Just("10-12".to_string()),
        Just("between 3 and 4".to_string()),
        Just("more than".to_string()),
        Just("about".to_string()),
        Just("million".to_string()),
        Just("three-quarters".to_string()),
        Just("twenty-one".to_string()),
        Just("−7".to_string()),
        Just("(1,200)".to_string()),
        Just("in 2015".to_string()),
        Just("March 5".to_string()),
        Just("last year".to_string()),
        Just("1924.5".to_string()),
        Just("10^30".to_string()),
        Just("1e999".to_string()),
        Just("café".to_string()),
        Just("naïve".to_string()),
        Just("東京".to_string()),
        Just("🙂".to_string()),
        Just("\u{301}".to_string()),
        Just("\u{feff}".to_string()),
        Just("people".to_string()),
        Just("accounts".to_string()),
        Just(".".to_string()),
        Just(",".to_string()),
        Just("\n\n".to_string()),
        Just("\t".to_string()),
        "[a-zA-Z]{1,8}",
        "[0-9]{1,30}",
        "[0-9,.]{1,12}",
        "\\PC{1,4}",
    ]
}

fn article() -> impl Strategy<Value = String> {
    prop::collection::vec(
        (fragment(), prop_oneof![Just(" "), Just(""), Just("\u{a0}")]),
        0..40,
    )
    .prop_map(|parts| parts.into_iter().map(|(f, s)| f + s).collect())
}

fn claims_of(doc: &Document) -> Vec<Claim> {
    extract::extract(std::slice::from_ref(doc)).claims
}

fn assert_spans(doc: &Document) -> Result<(), TestCaseError> {
    let text = &doc.text;
    for c in claims_of(doc) {
        for at in [c.start, c.end, c.span.0, c.span.1] {
            prop_assert!(at <= text.len(), "{at} beyond {}", text.len());
            prop_assert!(
                text.is_char_boundary(at),
                "{at} inside a character in {text:?}"
            );
        }
        prop_assert!(c.span.0 <= c.start && c.start < c.end && c.end <= c.span.1);
        prop_assert_eq!(&text[c.start..c.end], c.literal.as_str());
        let (line, column) = doc.line_col(c.start);
        prop_assert_eq!((c.line, c.column), (line, column));
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn claim_spans_lie_on_character_boundaries(text in article()) {
        let doc = Document::from_bytes("t.txt", text.into_bytes(), &InputOptions::default());
        assert_spans(&doc)?;
    }

    #[test]
    fn claim_spans_hold_for_undecodable_bytes(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let doc = Document::from_bytes("t.txt", bytes, &InputOptions::default());
        prop_assert_eq!(doc.text.len(), doc.source().len());
        assert_spans(&doc)?;
    }
}

// ---------------------------------------------------------------------
// Round trip: a number written in a supported style is read back with the
// value it was written with.

/// Groups an integer's digits by thousands with `sep`.
fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(ch);
    }
    out
}

/// A figure as written, and the value it states.
fn written() -> impl Strategy<Value = (String, Decimal)> {
    let whole = 1u64..1_000_000_000_000;
    prop_oneof![
        whole
            .clone()
            .prop_map(|n| (grouped(n, ","), Decimal::from(n))),
        (1u64..1_000_000_000).prop_map(|n| (grouped(n, "\u{2009}"), Decimal::from(n))),
        (1u64..1_000_000_000).prop_map(|n| (grouped(n, "\u{a0}"), Decimal::from(n))),
        (1u64..1_000_000, 1u32..=3).prop_map(|(m, s)| {
            let v = Decimal::new(m as i64, s);
            (v.to_string(), v)
        }),
        (
            1u64..1000,
            0u32..=2,
            prop_oneof![
                Just(("million", 6u32)),
                Just(("billion", 9)),
                Just(("trillion", 12))
            ]
        )
            .prop_map(|(m, s, (word, e))| {
                let v = Decimal::new(m as i64, s);
                (format!("{v} {word}"), v * Decimal::from(10u64.pow(e)))
            }),
        (
            1u64..1000,
            0u32..=1,
            prop_oneof![Just(("bn", 9u32)), Just(("m", 6))]
        )
            .prop_map(|(m, s, (suffix, e))| {
                let v = Decimal::new(m as i64, s);
                (format!("${v}{suffix}"), v * Decimal::from(10u64.pow(e)))
            }),
        whole.prop_map(|n| (format!("${}", grouped(n, ",")), Decimal::from(n))),
        (0u64..1000, 0u32..=1).prop_map(|(m, s)| {
            let v = Decimal::new(m as i64, s);
            (format!("{v}%"), v)
        }),
        (0u64..1000).prop_map(|m| (format!("{m} per cent"), Decimal::from(m))),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn written_numbers_read_back_with_their_value((figure, value) in written()) {
        let text = format!("The agency counted {figure} in the survey.\n");
        let doc = Document::from_bytes("t.txt", text.clone().into_bytes(), &InputOptions::default());
        let claims = claims_of(&doc);
        prop_assert_eq!(claims.len(), 1, "{:?}: {:?}", text, claims.iter().map(|c| &c.literal).collect::<Vec<_>>());
        prop_assert_eq!(claims[0].value, Some(value), "{}", text);
        prop_assert!(claims[0].interval.contains(value));
    }
}

// ---------------------------------------------------------------------
// Determinism: the same input gives byte-identical output, in every
// format.

fn render_all(report: &Report) -> Vec<u8> {
    let mut out = Vec::new();
    for color in [false, true] {
        let opts = report::table::TableOptions {
            color,
            show: Show::All,
        };
        report::table::write(report, opts, &mut out).unwrap();
    }
    report::json::write(report, &mut out).unwrap();
    report::jsonl::write(report, &mut out).unwrap();
    report::csv::write(report, &mut out).unwrap();
    report::line::write(report, &mut out).unwrap();
    report::sarif::write(report, &mut out).unwrap();
    report::github::write(report, &mut out).unwrap();
    out
}

fn render(text: &str, together: bool) -> Vec<u8> {
    let opts = InputOptions::default();
    let docs = vec![
        Document::from_bytes("a.txt", text.as_bytes().to_vec(), &opts),
        Document::from_bytes("b.txt", text.as_bytes().to_vec(), &opts),
    ];
    let options = figcheck::Options {
        together,
        ..figcheck::Options::default()
    };
    render_all(&figcheck::check(&docs, &options))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn the_same_input_renders_the_same_bytes(text in article(), together in any::<bool>()) {
        prop_assert_eq!(render(&text, together), render(&text, together));
    }
}

/// Across processes too: each run of the binary hashes with new keys, so
/// an order that leaks from a hash map shows up here.
#[test]
fn separate_runs_print_the_same_bytes() {
    let run = |format: &str, together: bool| {
        let mut cmd = assert_cmd::Command::cargo_bin("figcheck").expect("binary");
        cmd.args(["--no-config", "--format", format, "testdata/articles"]);
        if together {
            cmd.arg("--together");
        }
        cmd.output().expect("runs").stdout
    };
    for format in ["table", "json", "jsonl", "csv", "sarif"] {
        for together in [false, true] {
            let first = run(format, together);
            assert!(!first.is_empty(), "{format}");
            assert!(
                first == run(format, together),
                "{format}, together: {together}"
            );
        }
    }
}

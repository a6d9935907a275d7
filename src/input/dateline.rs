//! Publication dates written in the text itself: a dateline near the top
//! ("February 5, 2016", "5 Feb 2016", "LONDON, Feb. 5, 2016 -") and dated
//! updates further down ("Update, August 18, 2016:").

use crate::calendar::parse_date;
use crate::extract::backtrack::{Program, Scratch, State};
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

include!("dateline_patterns.rs");

/// How far into a document a dateline may stand.
const DATELINE_WINDOW: usize = 400;

/// The dateline patterns, as build.rs compiled them from
/// [`DATELINE_FORMS`]: programs whose search compiles nothing.
static DATELINE: &[Program] = &include!(concat!(env!("OUT_DIR"), "/dateline_programs.rs"));

static UPDATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"(?mi)^[ \t>*_#\[(]*(?:update|updated)[ \t*_]*(?:,|:|on)?\s*({DATE})"
    ))
    .expect("update pattern")
});

/// The dateline's date, when the top of the text has one.
pub fn find_dateline(text: &str) -> Option<NaiveDate> {
    let mut end = text.len().min(DATELINE_WINDOW);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = &text[..end];
    if !may_hold_date(head) {
        return None;
    }
    let unicode = head.chars().any(|c| !c.is_ascii() && c.is_numeric());
    let byline = head.contains("By");
    let program = DATELINE.get(usize::from(unicode) * 2 + usize::from(byline))?;
    let (mut slots, mut scratch) = (Vec::new(), Scratch::default());
    let hay = head.as_bytes();
    // The pattern starts with `(?m)^`: it can match only where a line does.
    let line_start = |i: usize| i == 0 || hay.get(i - 1) == Some(&b'\n');
    let mut at = 0;
    // Each match in turn, as a search from the end of the last one finds it.
    while program.find_from(hay, at, line_start, &mut slots, &mut scratch) {
        let (Some(start), Some(end)) = (slots[0], slots[1]) else {
            return None;
        };
        if !is_update(&head[start..])
            && let Some(date) = slots
                .get(2..4)
                .and_then(|g| head.get(g[0]?..g[1]?))
                .and_then(parse_date)
        {
            return Some(date);
        }
        at = end.max(start + 1);
    }
    None
}

/// Whether `head` can hold a date that parses: each written form has a
/// year of four ASCII digits, and a capitalised month or a hyphen.
fn may_hold_date(head: &str) -> bool {
    let mut run = 0;
    let has_year = head.bytes().any(|b| {
        run = if b.is_ascii_digit() { run + 1 } else { 0 };
        run == 4
    });
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    has_year && (head.contains('-') || MONTHS.iter().any(|m| head.contains(m)))
}

fn is_update(s: &str) -> bool {
    s.trim_start_matches([' ', '\t', '>', '*', '_', '#', '[', '('])
        .get(..6)
        .is_some_and(|w| w.eq_ignore_ascii_case("update"))
}

/// Dated updates: the offset where each starts and its date, in text order.
pub fn find_updates(text: &str) -> Vec<(usize, NaiveDate)> {
    // The regex is only worth running when the word is there at all.
    if !text.contains("pdate") && !text.contains("PDATE") {
        return Vec::new();
    }
    UPDATE
        .captures_iter(text)
        .filter_map(|c| Some((c.get(0)?.start(), parse_date(c.get(1)?.as_str())?)))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use regex_automata::meta;

    /// The dateline pattern is only ever run over the top of a text, so the
    /// engines that pay off on long texts (a lazy DFA and its reverse, a
    /// literal prefilter) would cost more to build than they save.
    fn head_regex(pattern: &str) -> meta::Regex {
        let config = meta::Regex::config()
            .auto_prefilter(false)
            .hybrid(false)
            .dfa(false);
        meta::Regex::builder()
            .configure(config)
            .build(pattern)
            .expect("dateline pattern")
    }

    #[test]
    fn the_compiled_forms_read_as_the_patterns_do() {
        let texts = [
            "February 5, 2016\n\nText",
            "# Title\n\n5 Feb 2016\n\nText",
            "SAN FRANCISCO, Feb. 5, 2016 - The company",
            "Published: 2016-02-05\n",
            "It said on February 5, 2016 that",
            "Friday, February 5, 2016\n\nText",
            "Feb. 5, 2016 at 14:30 GMT\n\nText",
            "By Jane Smith | February 5, 2016\n\nText",
            "By Jane Smith, Staff Writer \u{2022} 5 Feb 2016\n\nText",
            "Last updated: 5 February 2016\n\nText",
            "*February 5, 2016*\n\nText",
            "Update, August 18, 2016: x\nFebruary 5, 2016\nMay 3, 2015 -\n",
            "\u{0665} Feb \u{0662}\u{0660}\u{0661}\u{0666}\nFeb 5 \u{0662}\u{0660}\u{0661}\u{0666}\n",
            "PARIS, 5 February 2016 (Reuters) - Text\r\nJan 5,\n2016-02-05\n",
            "  \t> 3rd Sept. 2019 9.15am EST ]\nposted on 2019-01-01 |",
        ];
        let mut matched = 0;
        for (form, program) in DATELINE_FORMS.iter().zip(DATELINE) {
            let re = head_regex(&dateline_pattern(form.0, form.1));
            for t in texts {
                let want: Vec<_> = re
                    .captures_iter(t)
                    .map(|c| {
                        (
                            c.get_group(0).map(|s| s.range()),
                            c.get_group(1).map(|s| s.range()),
                        )
                    })
                    .collect();
                let mut got = Vec::new();
                let (mut slots, mut scratch) = (Vec::new(), Scratch::default());
                let hay = t.as_bytes();
                let line_start = |i: usize| i == 0 || hay[i - 1] == b'\n';
                let mut at = 0;
                while program.find_from(hay, at, line_start, &mut slots, &mut scratch) {
                    let span = |g: usize| Some(slots[2 * g]?..slots[2 * g + 1]?);
                    got.push((span(0), span(1)));
                    at = slots[1].unwrap();
                }
                assert_eq!(got, want, "{form:?} {t:?}");
                matched += got.len();
            }
        }
        assert!(matched >= 40, "{matched}");
    }

    fn d(y: i32, m: u32, day: u32) -> Option<NaiveDate> {
        NaiveDate::from_ymd_opt(y, m, day)
    }

    #[test]
    fn datelines() {
        assert_eq!(find_dateline("February 5, 2016\n\nText"), d(2016, 2, 5));
        assert_eq!(
            find_dateline("# Title\n\n5 Feb 2016\n\nText"),
            d(2016, 2, 5)
        );
        assert_eq!(
            find_dateline("SAN FRANCISCO, Feb. 5, 2016 - The company"),
            d(2016, 2, 5)
        );
        assert_eq!(find_dateline("Published: 2016-02-05\n"), d(2016, 2, 5));
        assert_eq!(find_dateline("It said on February 5, 2016 that"), None);
    }

    #[test]
    fn more_dateline_styles() {
        let feb5 = d(2016, 2, 5);
        for text in [
            "Friday, February 5, 2016\n\nText",
            "Feb 5 2016\n\nText",
            "5th February 2016\n\nText",
            "February 5, 2016 10:30 AM\n\nText",
            "Feb. 5, 2016 at 14:30 GMT\n\nText",
            "By Jane Smith | February 5, 2016\n\nText",
            "By Jane Smith, Staff Writer • 5 Feb 2016\n\nText",
            "Last updated: 5 February 2016\n\nText",
            "PARIS, 5 February 2016 (Reuters) - Text",
            "*February 5, 2016*\n\nText",
            "# Headline\n\nNEW YORK, Feb. 5, 2016 -- Text",
        ] {
            assert_eq!(find_dateline(text), feb5, "{text:?}");
        }
        // A date in running text, or past the top, is no dateline.
        assert_eq!(find_dateline("Sales rose on 5 February 2016 by 4%."), None);
        let far = format!("{}\nFebruary 5, 2016\n", "word ".repeat(100));
        assert_eq!(find_dateline(&far), None);
    }

    #[test]
    fn other_digits_take_the_unicode_pattern() {
        // An Arabic-Indic digit elsewhere in the top of the text.
        let t = "February 5, 2016\n\nPage \u{0663}\n";
        assert_eq!(find_dateline(t), d(2016, 2, 5));
        assert_eq!(
            find_dateline("\u{0665} Feb \u{0662}\u{0660}\u{0661}\u{0666}\n"),
            None
        );
    }

    #[test]
    fn every_form_of_the_pattern_reads_alike_where_it_is_used() {
        for t in [
            "February 5, 2016 10:30 AM\n\nText",
            "By Jane Smith | February 5, 2016\n",
            "By Jane Smith, Staff Writer • 5 Feb 2016\n\nText",
            "# Title\n\n5 Feb 2016\n\nText",
            "PARIS, 5 February 2016 (Reuters) - Text",
            "Jan 5,\n2016-02-05\n",
            "Published: 2016-02-05\n",
        ] {
            let spans = |digit: &str, byline: bool| -> Vec<_> {
                head_regex(&dateline_pattern(digit, byline))
                    .captures_iter(t)
                    .map(|c| (c.get_group(0), c.get_group(1)))
                    .collect()
            };
            let full = spans(r"\d", true);
            assert!(!full.is_empty(), "{t:?}");
            assert_eq!(spans("[0-9]", true), full, "{t:?}");
            if !t.contains("By") {
                assert_eq!(spans("[0-9]", false), full, "{t:?}");
                assert_eq!(spans(r"\d", false), full, "{t:?}");
            }
        }
    }

    #[test]
    fn no_year_no_dateline() {
        assert!(!may_hold_date("February 5\n\nText"));
        assert!(!may_hold_date("2016 budget\n"));
        assert!(may_hold_date("5 Feb 2016\n"));
        assert!(may_hold_date("2016-02-05\n"));
    }

    #[test]
    fn updates() {
        let t = "Intro.\n\nUpdate, August 18, 2016: the company said\n";
        assert_eq!(find_updates(t), vec![(8, d(2016, 8, 18).unwrap())]);
        assert_eq!(find_dateline(t), None);
        let t = "February 5, 2016\n\nA.\n\n[Updated Aug. 18, 2016] More.\n";
        let ups = find_updates(t);
        assert_eq!(ups.len(), 1);
        assert_eq!(Some(ups[0].1), d(2016, 8, 18));
        assert_eq!(find_dateline(t), d(2016, 2, 5));
        let t = "UPDATED on 18 August 2016: the company said\n";
        assert_eq!(find_updates(t).len(), 1);
    }
}

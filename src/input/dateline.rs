//! Publication dates written in the text itself: a dateline near the top
//! ("February 5, 2016", "5 Feb 2016", "LONDON, Feb. 5, 2016 -") and dated
//! updates further down ("Update, August 18, 2016:").

use crate::calendar::parse_date;
use chrono::NaiveDate;
use regex::Regex;
use regex_automata::meta;
use std::sync::LazyLock;

/// A written date, as the regex alternatives the parser accepts.
const DATE: &str = r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})";

/// How far into a document a dateline may stand.
const DATELINE_WINDOW: usize = 400;

/// A time of day after a date: "10:30 AM", "at 14:30 GMT", "9.15am EST".
const TIME: &str =
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?";

/// A byline and a separator before the date ("By Jane Smith | ").
const BYLINE: &str = r"(?:By\s[^\n|•·]{1,60}[|•·]\s*)?";

/// A date alone on a line (perhaps with a time), after a byline and a
/// separator, after a place name or weekday and before a dash, or after
/// "Published"/"Posted", with `digit` standing for each `\d`.
fn dateline_pattern(digit: &str, byline: bool) -> String {
    let byline = if byline { BYLINE } else { "" };
    format!(
        r"(?m)^[ \t>*_#\[(]*{byline}(?:(?i:last\s+)?(?i:published|posted|updated)(?: on)?:?\s+|[A-Z][A-Za-z .]{{1,30}},\s+)?({DATE}){TIME}[ \t*_\])]*(?:$|[-–—:(|])"
    )
    .replace(r"\d", digit)
}

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

/// The dateline pattern in the cheapest form that reads the top of a text
/// alike: ASCII digits for `\d` where its digits are all ASCII (far cheaper
/// to compile than Unicode's digit class), and the byline only where "By"
/// occurs (elsewhere that optional group matches nowhere; its sixty-fold
/// repetition is half the pattern's cost).
static DATELINE: [LazyLock<meta::Regex>; 4] = [
    LazyLock::new(|| head_regex(&dateline_pattern("[0-9]", false))),
    LazyLock::new(|| head_regex(&dateline_pattern("[0-9]", true))),
    LazyLock::new(|| head_regex(&dateline_pattern(r"\d", false))),
    LazyLock::new(|| head_regex(&dateline_pattern(r"\d", true))),
];

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
    let re = &*DATELINE[usize::from(unicode) * 2 + usize::from(byline)];
    re.captures_iter(head)
        .filter(|c| !is_update(&head[c.get_group(0).map_or(0, |m| m.start)..]))
        .find_map(|c| parse_date(&head[c.get_group(1)?.range()]))
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

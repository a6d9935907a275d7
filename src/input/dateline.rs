//! Publication dates written in the text itself: a dateline near the top
//! ("February 5, 2016", "5 Feb 2016", "LONDON, Feb. 5, 2016 -") and dated
//! updates further down ("Update, August 18, 2016:").

use crate::calendar::parse_date;
use chrono::NaiveDate;
use regex::Regex;
use std::sync::LazyLock;

/// A written date, as the regex alternatives the parser accepts.
const DATE: &str = r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})";

/// How far into a document a dateline may stand.
const DATELINE_WINDOW: usize = 400;

/// A time of day after a date: "10:30 AM", "at 14:30 GMT", "9.15am EST".
const TIME: &str =
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?";

static DATELINE: LazyLock<Regex> = LazyLock::new(|| {
    // A date alone on a line (perhaps with a time), after a byline and a
    // separator, after a place name or weekday and before a dash, or after
    // "Published"/"Posted".
    Regex::new(&format!(
        r"(?m)^[ \t>*_#\[(]*(?:By\s[^\n|•·]{{1,60}}[|•·]\s*)?(?:(?i:last\s+)?(?i:published|posted|updated)(?: on)?:?\s+|[A-Z][A-Za-z .]{{1,30}},\s+)?({DATE}){TIME}[ \t*_\])]*(?:$|[-–—:(|])"
    ))
    .expect("dateline pattern")
});

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
    DATELINE
        .captures_iter(head)
        .filter(|c| !is_update(&head[c.get(0).map_or(0, |m| m.start())..]))
        .find_map(|c| parse_date(c.get(1)?.as_str()))
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

//! Calendar words and date parsing shared by the input stage (datelines) and
//! the extractor (periods, and telling dates from figures).

use chrono::NaiveDate;

/// The month a word names ("February", "feb", "Feb", "sept"), 1-based.
pub fn month_number(word: &str) -> Option<u32> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    let m = match w.as_str() {
        "january" | "jan" => 1,
        "february" | "feb" => 2,
        "march" | "mar" => 3,
        "april" | "apr" => 4,
        "may" => 5,
        "june" | "jun" => 6,
        "july" | "jul" => 7,
        "august" | "aug" => 8,
        "september" | "sep" | "sept" => 9,
        "october" | "oct" => 10,
        "november" | "nov" => 11,
        "december" | "dec" => 12,
        _ => return None,
    };
    Some(m)
}

/// Whether a lower-case word names a month, in full or abbreviated.
/// "may" and "march" are months only when a caller has other evidence.
pub fn is_month_word(word: &str) -> bool {
    month_number(word).is_some()
}

/// A written date: "February 5, 2016", "Feb. 5 2016", "5 February 2016",
/// "5 Feb 2016", "2016-02-05". Leading and trailing text is not allowed.
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    let t = text.trim().trim_end_matches([',', '.', ':']);
    if let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d") {
        return Some(d);
    }
    let words: Vec<&str> = t
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    let (day, month, year) = match words.as_slice() {
        [m, d, y] if month_number(m).is_some() => (*d, month_number(m)?, *y),
        [d, m, y] if month_number(m).is_some() => (*d, month_number(m)?, *y),
        _ => return None,
    };
    let day: u32 = day
        .trim_end_matches(|c: char| c.is_ascii_alphabetic())
        .parse()
        .ok()?;
    let year: i32 = year.parse().ok()?;
    if !(1000..=9999).contains(&year) {
        return None;
    }
    NaiveDate::from_ymd_opt(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn written_dates() {
        let d = NaiveDate::from_ymd_opt(2016, 2, 5);
        assert_eq!(parse_date("February 5, 2016"), d);
        assert_eq!(parse_date("Feb. 5, 2016"), d);
        assert_eq!(parse_date("5 February 2016"), d);
        assert_eq!(parse_date("5th Feb 2016"), d);
        assert_eq!(parse_date("2016-02-05"), d);
        assert_eq!(parse_date("February 30, 2016"), None);
        assert_eq!(parse_date("in February"), None);
    }
}

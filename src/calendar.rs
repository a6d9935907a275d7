//! Calendar words and date parsing shared by the input stage (datelines) and
//! the extractor (periods, and telling dates from figures).

use chrono::{Datelike, NaiveDate};

/// The month a word names ("February", "feb", "Feb", "sept"), 1-based.
pub fn month_number(word: &str) -> Option<u32> {
    // Lower-cased on the stack: period reading asks about every capitalised
    // word, and no name is longer than "september".
    let w = word.trim_end_matches('.').as_bytes();
    let mut buf = [0u8; 9];
    let lower = buf.get_mut(..w.len())?;
    lower.copy_from_slice(w);
    lower.make_ascii_lowercase();
    let m = match &*lower {
        b"january" | b"jan" => 1,
        b"february" | b"feb" => 2,
        b"march" | b"mar" => 3,
        b"april" | b"apr" => 4,
        b"may" => 5,
        b"june" | b"jun" => 6,
        b"july" | b"jul" => 7,
        b"august" | b"aug" => 8,
        b"september" | b"sep" | b"sept" => 9,
        b"october" | b"oct" => 10,
        b"november" | b"nov" => 11,
        b"december" | b"dec" => 12,
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

/// `date` moved by a number of calendar months; the day is kept, or the
/// month's last day when it has fewer days ("31 August" less six months is
/// "29 February").
pub fn add_months(date: NaiveDate, months: i32) -> Option<NaiveDate> {
    let total = date.year().checked_mul(12)? + date.month0() as i32 + months;
    let (year, month0) = (total.div_euclid(12), total.rem_euclid(12) as u32);
    let first = NaiveDate::from_ymd_opt(year, month0 + 1, 1)?;
    let last = days_in_month(first)?;
    NaiveDate::from_ymd_opt(year, month0 + 1, date.day().min(last))
}

/// The first day of a month.
pub fn month_start(year: i32, month: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(year, month, 1)
}

/// The number of days in the month of `date`.
pub fn days_in_month(date: NaiveDate) -> Option<u32> {
    let first = NaiveDate::from_ymd_opt(date.year(), date.month(), 1)?;
    let next = add_months_to_first(first)?;
    Some((next - first).num_days() as u32)
}

fn add_months_to_first(first: NaiveDate) -> Option<NaiveDate> {
    if first.month() == 12 {
        NaiveDate::from_ymd_opt(first.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(first.year(), first.month() + 1, 1)
    }
}

/// The Monday of the week that holds `date` (weeks run Monday to Sunday).
pub fn week_start(date: NaiveDate) -> NaiveDate {
    date - chrono::Duration::days(date.weekday().num_days_from_monday() as i64)
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

    #[test]
    fn month_names() {
        assert_eq!(month_number("September"), Some(9));
        assert_eq!(month_number("SEPT."), Some(9));
        assert_eq!(month_number("jan.."), Some(1));
        assert_eq!(month_number("Septembers"), None);
        assert_eq!(month_number("Décembre"), None);
        assert_eq!(month_number(""), None);
        assert_eq!(month_number("."), None);
        assert_eq!(month_number("mayday"), None);
    }

    #[test]
    fn month_arithmetic() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day).unwrap();
        assert_eq!(add_months(d(2016, 8, 31), -6), Some(d(2016, 2, 29)));
        assert_eq!(add_months(d(2016, 8, 18), -6), Some(d(2016, 2, 18)));
        assert_eq!(add_months(d(2016, 1, 15), -1), Some(d(2015, 12, 15)));
        assert_eq!(add_months(d(2016, 11, 30), 3), Some(d(2017, 2, 28)));
        assert_eq!(days_in_month(d(2016, 2, 3)), Some(29));
        assert_eq!(week_start(d(2016, 11, 7)), d(2016, 11, 7));
        assert_eq!(week_start(d(2016, 11, 13)), d(2016, 11, 7));
    }
}

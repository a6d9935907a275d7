use super::*;
use crate::period::{Meeting, Tiling, tiles};

fn d(y: i32, m: u32, day: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, day).unwrap()
}

fn fuzzy(a: NaiveDate, b: NaiveDate) -> Edge {
    Edge::Fuzzy {
        earliest: a,
        latest: b,
    }
}

/// The periods of a text read at a fixed reference date.
fn periods_at(text: &str, r: Option<NaiveDate>) -> Vec<Period> {
    periods_with(text, r, &Options::default())
}

fn periods_with(text: &str, r: Option<NaiveDate>, opts: &Options) -> Vec<Period> {
    let lower = text.to_ascii_lowercase();
    find(text, &lower, |_| r, opts)
        .into_iter()
        .filter_map(|m| match m {
            Mention::Period(p) => Some(Period::clone(&p)),
            _ => None,
        })
        .collect()
}

/// The one period of a text, as (words, start, end).
fn one(text: &str, r: NaiveDate) -> (String, Edge, Edge) {
    let ps = periods_at(text, Some(r));
    assert_eq!(ps.len(), 1, "{text}: {ps:?}");
    let p = ps.into_iter().next().unwrap();
    (p.text, p.start, p.end)
}

fn exact(text: &str, r: NaiveDate) -> (NaiveDate, NaiveDate) {
    match one(text, r) {
        (_, Edge::Exact(a), Edge::Exact(b)) => (a, b),
        other => panic!("{text}: not exact: {other:?}"),
    }
}

const FEB5: (i32, u32, u32) = (2016, 2, 5);

fn r0() -> NaiveDate {
    d(FEB5.0, FEB5.1, FEB5.2)
}

#[test]
fn calendar_units() {
    let r = r0();
    assert_eq!(
        exact("In 2015, it sold 5,000 cars", r),
        (d(2015, 1, 1), d(2016, 1, 1))
    );
    assert_eq!(
        exact("sales in February 2015", r),
        (d(2015, 2, 1), d(2015, 3, 1))
    );
    assert_eq!(
        exact("sales in December", r),
        (d(2015, 12, 1), d(2016, 1, 1))
    );
    assert_eq!(
        exact("sales in February", r),
        (d(2016, 2, 1), d(2016, 3, 1))
    );
    assert_eq!(
        exact("revenue in Q3 2015", r),
        (d(2015, 7, 1), d(2015, 10, 1))
    );
    assert_eq!(
        exact("in the third quarter", r),
        (d(2015, 7, 1), d(2015, 10, 1))
    );
    assert_eq!(
        exact("in the first quarter of 2016", r),
        (d(2016, 1, 1), d(2016, 4, 1))
    );
    assert_eq!(
        exact("the first half of 2015", r),
        (d(2015, 1, 1), d(2015, 7, 1))
    );
    assert_eq!(exact("in H2 2015", r), (d(2015, 7, 1), d(2016, 1, 1)));
    assert_eq!(exact("in the 1990s", r), (d(1990, 1, 1), d(2000, 1, 1)));
    assert_eq!(exact("in the '90s", r), (d(1990, 1, 1), d(2000, 1, 1)));
    assert_eq!(exact("last week", r), (d(2016, 1, 25), d(2016, 2, 1)));
    assert_eq!(exact("last month", r), (d(2016, 1, 1), d(2016, 2, 1)));
    assert_eq!(exact("last year", r), (d(2015, 1, 1), d(2016, 1, 1)));
    assert_eq!(
        exact("the last quarter", r),
        (d(2015, 10, 1), d(2016, 1, 1))
    );
}

#[test]
fn early_mid_late_are_bands() {
    let r = r0();
    let (_, s, e) = one("in mid-2015", r);
    assert_eq!(s.earliest(), Some(d(2015, 5, 1)));
    assert_eq!(e.latest(), Some(d(2015, 9, 1)));
    assert!(matches!(s, Edge::Fuzzy { .. }));
    let (_, s, e) = one("in late March 2015", r);
    assert_eq!(s.earliest(), Some(d(2015, 3, 16)));
    assert_eq!(e.latest(), Some(d(2015, 4, 1)));
    let (_, s, _) = one("early 2015", r);
    assert_eq!(s.earliest(), Some(d(2015, 1, 1)));
    let (_, s, e) = one("in the late 1990s", r);
    assert_eq!(
        (s.earliest(), e.latest()),
        (Some(d(1996, 1, 1)), Some(d(2000, 1, 1)))
    );
}

#[test]
fn open_and_cumulative() {
    let r = r0();
    let (words, s, e) = one("Since mid-2015, it has suspended over 125,000 accounts", r);
    assert_eq!(words, "Since mid-2015");
    assert_eq!(s, fuzzy(d(2015, 5, 1), d(2015, 9, 1)));
    assert_eq!(e, Edge::Exact(r));
    assert_eq!(exact("from 2014 onwards", r).0, d(2014, 1, 1));
    let (_, s, e) = one("brings the total so far to 360,000", r);
    assert_eq!((s, e), (Edge::CountStart, Edge::Exact(r)));
    let (_, s, _) = one("raised $5m to date", r);
    assert_eq!(s, Edge::CountStart);
    assert_eq!(exact("so far this year", r), (d(2016, 1, 1), r));
    assert_eq!(exact("in the year to date", r), (d(2016, 1, 1), r));
    assert_eq!(exact("so far in 2016", r), (d(2016, 1, 1), r));
    let (_, s, e) = one("by the end of 2015", r);
    assert_eq!((s, e), (Edge::CountStart, Edge::Exact(d(2016, 1, 1))));
    let (_, s, e) = one("before 2010", r);
    assert_eq!((s, e), (Edge::Open, Edge::Exact(d(2010, 1, 1))));
}

#[test]
fn relative_periods() {
    let r = d(2016, 8, 18);
    let (_, s, e) = one("suspended 235,000 accounts over the last six months", r);
    assert_eq!(s, fuzzy(d(2016, 2, 1), d(2016, 2, 18)));
    assert_eq!(e, fuzzy(d(2016, 8, 1), d(2016, 8, 18)));
    let ps = periods_at("over the past 3 weeks", Some(r));
    assert_eq!(ps[0].readings[0].start, Edge::Exact(d(2016, 7, 28)));
    assert_eq!(exact("in the last 30 days", r), (d(2016, 7, 19), r));
    let (_, s, e) = one("this year", r);
    assert_eq!(s, Edge::Exact(d(2016, 1, 1)));
    assert_eq!(e, fuzzy(r, d(2017, 1, 1)));
    assert_eq!(exact("a decade ago", r), (d(2006, 1, 1), d(2007, 1, 1)));
    assert_eq!(exact("two years ago", r), (d(2014, 1, 1), d(2015, 1, 1)));
    // 18 August 2016 was a Thursday.
    assert_eq!(exact("since Monday", r), (d(2016, 8, 15), r));
    assert_eq!(exact("since last Thursday", r), (d(2016, 8, 11), r));
}

#[test]
fn ranges_keep_both_readings() {
    let r = r0();
    let ps = periods_at("from January to March 2015", Some(r));
    let p = &ps[0];
    assert_eq!(p.text, "from January to March 2015");
    assert_eq!(p.start, Edge::Exact(d(2015, 1, 1)));
    assert_eq!(p.end, fuzzy(d(2015, 3, 1), d(2015, 4, 1)));
    assert_eq!(p.readings[0].end, Edge::Exact(d(2015, 4, 1)));
    assert_eq!(p.readings[1].end, Edge::Exact(d(2015, 3, 1)));
    let ps = periods_at("between 2010 and 2014", Some(r));
    assert_eq!(ps[0].readings[0].end, Edge::Exact(d(2015, 1, 1)));
    let ps = periods_at("in 2010-2014", Some(r));
    assert_eq!(ps[0].start, Edge::Exact(d(2010, 1, 1)));
    let ps = periods_at("from 2010 through 2014", Some(r));
    assert_eq!(ps[0].readings[0].end, Edge::Exact(d(2015, 1, 1)));
    let ps = periods_at("between mid-2015 and February", Some(r));
    assert_eq!(ps[0].start, fuzzy(d(2015, 5, 1), d(2015, 9, 1)));
    assert_eq!(ps[0].end, fuzzy(d(2016, 2, 1), d(2016, 3, 1)));
    let ps = periods_at("from November to February", Some(r));
    assert_eq!(ps[0].start, Edge::Exact(d(2015, 11, 1)));
    let ps = periods_at("from August to October", Some(d(2016, 9, 7)));
    assert_eq!(ps[0].start, Edge::Exact(d(2016, 8, 1)));
    let ps = periods_at("until April 27", Some(d(2016, 9, 7)));
    assert_eq!(ps[0].end, fuzzy(d(2016, 4, 27), d(2016, 4, 28)));
    let ps = periods_at("the 2015-16 season", Some(r));
    assert_eq!(ps[0].start.earliest(), Some(d(2015, 1, 1)));
    assert_eq!(ps[0].end.latest(), Some(d(2016, 12, 31)));
}

#[test]
fn fiscal_years() {
    let r = r0();
    let october = Options {
        fiscal_year_start: Some(10),
    };
    let ps = periods_with("in fiscal 2016", Some(r), &october);
    assert_eq!(ps[0].start, Edge::Exact(d(2015, 10, 1)));
    assert_eq!(ps[0].end, Edge::Exact(d(2016, 10, 1)));
    let ps = periods_at("in FY2016", Some(r));
    assert!(matches!(ps[0].start, Edge::Fuzzy { .. }));
    assert!(ps[0].start.earliest() < Some(d(2016, 1, 1)));
    assert!(ps[0].end.latest() > Some(d(2017, 1, 1)));
}

#[test]
fn comparisons_are_not_periods() {
    let r = r0();
    let lower = "sales rose 5% year-on-year and 3% from a year earlier";
    let ms = find(lower, lower, |_| Some(r), &Options::default());
    assert_eq!(ms.len(), 2);
    assert!(
        ms.iter()
            .all(|m| matches!(m, Mention::Comparison { months: 12, .. }))
    );
    assert!(periods_at("up 5% from 2015", Some(r)).is_empty());
}

#[test]
fn statement_dates_govern_nothing() {
    let r = r0();
    assert!(periods_at("The company said on Thursday that", Some(r)).is_empty());
    assert!(periods_at("Update, August 18, 2016: more", Some(r)).is_empty());
}

#[test]
fn no_reference_date_leaves_relative_periods_unresolved() {
    let ps = periods_at("over the last six months", None);
    assert!(!ps[0].resolved);
    assert_eq!(ps[0].start, Edge::Open);
    let ps = periods_at("since mid-2015", None);
    assert!(!ps[0].resolved);
    assert!(matches!(ps[0].start, Edge::Fuzzy { .. }));
    let ps = periods_at("in 2015", None);
    assert!(ps[0].resolved);
}

#[test]
fn the_accounts_story_tiles() {
    let first = &periods_at("Since mid-2015, it has suspended", Some(r0()))[0];
    let r = d(2016, 8, 18);
    let second = &periods_at("over the last six months", Some(r))[0];
    let total = &periods_at("the total so far", Some(r))[0];
    assert!(matches!(
        first.followed_by(second),
        Meeting::Plausible { .. }
    ));
    assert!(matches!(
        tiles(&[first, second], total),
        Tiling::Plausible { .. }
    ));
}

#[test]
fn the_six_months_from_february_to_august() {
    let p = &periods_at(
        "the six months from February to August",
        Some(d(2016, 9, 1)),
    )[0];
    assert!(p.could_last_months(6));
    assert!(!p.could_last_months(3));
}

#[test]
fn figures_beside_periods_stay_figures() {
    let cases = [
        ("doubled from 212 in 2022 to 431 last year", "431"),
        ("rose to 5,000 in 2015", "5,000"),
        ("from March 5 to 2,000 people", "2,000"),
        ("it hired 300 people over the last 3 months", "300"),
    ];
    for (text, fig) in cases {
        let lower = text.to_ascii_lowercase();
        let p = Periods {
            mentions: find(text, &lower, |_| Some(r0()), &Options::default()),
        };
        let at = text.find(fig).unwrap();
        assert!(!p.covers(at, at + fig.len()), "{text}");
    }
    let text = "it hired 300 people over the last 3 months";
    let lower = text.to_ascii_lowercase();
    let p = Periods {
        mentions: find(text, &lower, |_| Some(r0()), &Options::default()),
    };
    let at = text.rfind('3').unwrap();
    assert!(p.covers(at, at + 1));
}

#[test]
fn the_cover_walk_answers_as_a_search() {
    let text = "Between 2012 and 2018 it hired 300 people over the last 3 months; in Q3 2016 \
                sales rose 4% in the year to June 2017, from 12 in the first half of 2015.";
    let lower = text.to_ascii_lowercase();
    let p = Periods {
        mentions: find(text, &lower, |_| Some(r0()), &Options::default()),
    };
    assert!(p.mentions.len() >= 4);
    // Every span, in text order and then in an order that steps back.
    let spans: Vec<(usize, usize)> = (0..text.len())
        .flat_map(|s| (s + 1..=text.len().min(s + 6)).map(move |e| (s, e)))
        .collect();
    let search = |(s, e): (usize, usize)| {
        let i = p.mentions.partition_point(|m| m.offset().1 <= s);
        p.mentions[i..]
            .iter()
            .take_while(|m| m.offset().0 < e)
            .any(|m| m.offset().0 <= s && e <= m.offset().1)
    };
    let covered = spans.iter().filter(|&&x| search(x)).count();
    assert!(covered > 20, "{covered}");
    let mut cover = p.cover();
    for &x in spans.iter().chain(spans.iter().rev().step_by(7)) {
        assert_eq!(cover.covers(x.0, x.1), search(x), "{x:?}");
    }
}

#[test]
fn a_stated_day_anchors_the_sentence() {
    let r = d(2016, 8, 18);
    let text = "When it first disclosed figures on 5 February 2016, the company said it had \
                suspended more than 125,000 accounts since mid-2015.";
    let ps = periods_at(text, Some(r));
    assert_eq!(ps.len(), 1);
    assert_eq!(ps[0].end, Edge::Exact(d(2016, 2, 5)));
    // In the next sentence the reference date is back in force.
    let text = "It spoke on 5 February 2016. It has suspended 4,000 since mid-2015.";
    assert_eq!(periods_at(text, Some(r))[0].end, Edge::Exact(r));
}

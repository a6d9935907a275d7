//! One test per figure form and per thing that is not a figure: the
//! extractor's contract, sentence by sentence.

use figcheck::extract::{Claim, Qualifier, Quantity, extract};
use figcheck::input::{Document, InputOptions};
use rust_decimal::Decimal;
use std::str::FromStr;

fn claims(text: &str) -> Vec<Claim> {
    let doc = Document::from_bytes("t", text.as_bytes().to_vec(), &InputOptions::default());
    extract(&[doc]).claims
}

fn d(s: &str) -> Decimal {
    Decimal::from_str(s).unwrap()
}

/// The one claim of `text`, which must have exactly one.
fn one(text: &str) -> Claim {
    let mut c = claims(text);
    assert_eq!(
        c.len(),
        1,
        "{text:?}: {:?}",
        c.iter().map(|c| &c.literal).collect::<Vec<_>>()
    );
    c.remove(0)
}

fn value(text: &str) -> Decimal {
    one(text)
        .value
        .unwrap_or_else(|| panic!("{text:?}: no value"))
}

fn bounds(c: &Claim) -> (Option<Decimal>, Option<Decimal>) {
    (
        c.interval.low.map(|b| b.value),
        c.interval.high.map(|b| b.value),
    )
}

fn none(text: &str) {
    let c = claims(text);
    assert!(
        c.is_empty(),
        "{text:?} gave {:?}",
        c.iter().map(|c| &c.literal).collect::<Vec<_>>()
    );
}

#[test]
fn number_words() {
    assert_eq!(value("Two people died."), d("2"));
    assert_eq!(value("It hired twenty-five engineers."), d("25"));
    assert_eq!(
        value("It has three hundred and forty thousand members."),
        d("340000")
    );
    assert_eq!(value("He ate a dozen eggs."), d("12"));
    assert_eq!(value("She bought two dozen roses."), d("24"));
    assert_eq!(value("They met a hundred times."), d("100"));
    assert_eq!(value("It sold half a million copies."), d("500000"));
    assert_eq!(value("A quarter of a million people marched."), d("250000"));
    assert_eq!(value("It raised 1.5 million pounds."), d("1500000"));
    assert_eq!(value("Some 4 thousand 3 hundred and 21 votes."), d("4321"));
}

#[test]
fn spelled_counts_keep_their_precision() {
    let c = one("The firm employs two million people.");
    assert_eq!(bounds(&c), (Some(d("1500000")), Some(d("2500000"))));
    let c = one("The firm employs three hundred and forty thousand people.");
    assert_eq!(bounds(&c), (Some(d("335000")), Some(d("345000"))));
    let c = one("Eleven people were hurt.");
    assert_eq!(bounds(&c), (Some(d("10.5")), Some(d("11.5"))));
}

#[test]
fn vague_amounts_are_wide_intervals() {
    let c = one("Tens of thousands of people marched.");
    assert!(c.vague);
    assert_eq!(c.value, None);
    assert_eq!(bounds(&c), (Some(d("10000")), Some(d("100000"))));
    assert_eq!(c.unit.as_deref(), Some("people"));
    let c = one("Hundreds of flights were cancelled.");
    assert!(c.vague);
    assert_eq!(c.unit.as_deref(), Some("flight"));
    assert!(one("Dozens of homes flooded.").vague);
    assert!(one("Several thousand fans waited.").vague);
    let c = one("It took a couple of weeks.");
    assert!(c.vague);
    assert_eq!(bounds(&c), (Some(d("2")), Some(d("4"))));
}

#[test]
fn shares_are_percentages() {
    let c = one("Half of the staff left.");
    assert!(c.share);
    assert_eq!(c.quantity, Quantity::Percent);
    assert_eq!(c.value, Some(d("50")));
    let c = one("A third of voters agreed.");
    assert!(c.share);
    let c = one("Two-thirds of voters agreed.");
    assert!(c.value.unwrap() > d("66.6") && c.value.unwrap() < d("66.7"));
    let c = one("Three in four adults agreed.");
    assert_eq!(c.value, Some(d("75")));
    let c = one("One in five adults agreed.");
    assert_eq!(c.value, Some(d("20")));
    assert_eq!(c.unit.as_deref(), Some("adult"));
    assert_eq!(value("About 3/4 of votes were counted."), d("75"));
    assert_eq!(value("The trip took 1½ hours."), d("1.5"));
    assert_eq!(value("Nearly half the workforce left."), d("50"));
}

#[test]
fn percentages_and_points() {
    let c = one("Turnout was 40 per cent.");
    assert_eq!(c.quantity, Quantity::Percent);
    assert_eq!(one("Turnout was 40 percent.").quantity, Quantity::Percent);
    assert_eq!(one("Turnout was forty percent.").value, Some(d("40")));
    assert_eq!(one("Turnout was 40pc.").quantity, Quantity::Percent);
    assert_eq!(
        one("It rose 5 percentage points.").quantity,
        Quantity::Points
    );
    let c = claims("Its share rose 5 points to 40%.");
    assert_eq!(c.len(), 2);
    assert_eq!(c[0].quantity, Quantity::Points);
    assert!(!c[0].range);
    // Without a percentage nearby, points are a count (a score, an index).
    assert_eq!(one("The index fell 5 points.").quantity, Quantity::Count);
}

#[test]
fn money() {
    let c = one("Net loss (3.2m) in the year.");
    assert_eq!(c.value, Some(d("-3200000")));
    // In prose a bracketed count restates the one before.
    let c = claims("One in four of the 61.3 million journeys (15.3 million) used a pass.");
    assert_eq!(c.last().unwrap().value, Some(d("15300000")));
    let c = one("It cost $3.4trn.");
    assert_eq!(c.value, Some(d("3400000000000")));
    assert_eq!(c.currency.as_deref(), Some("USD"));
    let c = one("It raised USD 5m.");
    assert_eq!(c.currency.as_deref(), Some("USD"));
    assert_eq!(c.value, Some(d("5000000")));
    let c = one("It raised 5m euros.");
    assert_eq!(c.currency.as_deref(), Some("EUR"));
    let c = one("It raised £3bn.");
    assert_eq!(c.currency.as_deref(), Some("GBP"));
    // A bracketed amount after another is a conversion, not a negative.
    let c = claims("It paid £3bn ($3.9bn).");
    assert_eq!(c[1].value, Some(d("3900000000")));
}

#[test]
fn signs() {
    assert_eq!(value("It was \u{2212}5C overnight."), d("-5"));
    assert_eq!(value("It was \u{2013}5C overnight."), d("-5"));
    assert_eq!(value("It was minus 5C overnight."), d("-5"));
}

#[test]
fn ranges_and_qualifiers() {
    let c = one("Between ten and fifteen people were hurt.");
    assert!(c.range);
    assert_eq!(bounds(&c), (Some(d("9.5")), Some(d("15.5"))));
    let c = one("Fewer than a thousand pandas live in the wild.");
    assert_eq!(c.qualifier, Qualifier::LessThan);
    assert_eq!(c.value, Some(d("1000")));
    let c = one("More than two hundred people came.");
    assert_eq!(c.qualifier, Qualifier::MoreThan);
    // "over" a length of time is "during", except for an age.
    assert_eq!(
        one("The probe flew over nine years.").qualifier,
        Qualifier::Exact
    );
    assert_eq!(
        one("He is over thirty years old.").qualifier,
        Qualifier::MoreThan
    );
    // A change and a level are no range.
    assert_eq!(claims("Sales rose 5% to 40%.").len(), 2);
}

#[test]
fn compound_modifiers_take_their_unit() {
    let c = one("He signed a three-year deal.");
    assert_eq!(c.unit.as_deref(), Some("year"));
    let c = one("It published a 300-page report.");
    assert_eq!(c.unit.as_deref(), Some("page"));
    none("It was a one-off payment.");
}

#[test]
fn not_figures() {
    none("The one you mentioned is here.");
    none("Which one do you prefer?");
    none("He won a third term.");
    none("The second half was dull.");
    none("Formula One returns.");
    none("It was the twenty-first attempt.");
    none("In the third quarter of the year.");
    none("It grew over the previous six months.");
    none("It grew in the past 12 months.");
}

#[test]
fn years_and_dates_are_not_figures() {
    none("It happened in 2015.");
    none("Work began in mid-2015.");
    none("Before the 2016 Olympics.");
    none("It happened on 5 February 2016.");
    none("It happened on Nov. 13.");
    none("Profits in 2012-13 were flat.");
    none("It opened on 2016-02-05.");
}

#[test]
fn times_ordinals_and_labels_are_not_figures() {
    none("It starts at 3.30pm.");
    none("It starts at 14:00.");
    none("It starts at 9 a.m. sharp.");
    none("She came 13th.");
    none("He came third.");
    none("Call 555-123-4567 now.");
    none("Call 555-1234 now.");
    none("Upgrade to v2.1 today.");
    none("The ID is 1477340647.");
    none("It meets ISO 9001.");
    none("See page 5.");
    none("See section 12.");
    none("Read https://example.com/2016/05/report-123.html now.");
    none("Follow #Rio2016 and @user42 online.");
    none("Arsenal won 3-1.");
    none("He lives at 10 Downing Street.");
    none("Write to London SW1A 2AA.");
}

#[test]
fn unreadable_figures_are_reported() {
    let c = one("It had 123,456,789,012,345,678,901,234,567,890 grains.");
    assert!(c.problem.is_some());
}

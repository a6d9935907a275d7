//! Numbers written in words, and the number forms built around digits that
//! take more than one token: "twenty-five", "three hundred and forty
//! thousand", "a dozen", "half a million", "a quarter of a million",
//! "two-thirds", "one and a half", "4 thousand 3 hundred and 21", "3/4",
//! "2 1/4", "1½", and vague amounts ("tens of thousands", "a couple of").
//!
//! The reader walks the tokens once, left to right, with a small state
//! machine: each word is accepted only where English number grammar allows
//! it, so "two three" stays two figures and "one" in "the one you want"
//! is no figure at all.

use super::figure::Context;
use super::lexer::Kind;
use super::words::WordSet;
use rust_decimal::Decimal;
use std::str::FromStr;

/// A number read from words (or digits joined to words).
#[derive(Clone, Debug, PartialEq)]
pub struct Spelled {
    /// The value; a bare share ("two-thirds") is the fraction itself (0.666…).
    pub value: Decimal,
    /// Half the unit of its last stated part.
    pub rounding: Decimal,
    /// One past its last token.
    pub after: usize,
    /// The power of ten of the largest scale word, 0 when none.
    pub exponent: u32,
    /// For a vague amount ("tens of thousands"): its bounds, low inclusive,
    /// high exclusive.
    pub vague: Option<(Decimal, Decimal)>,
    /// For a bare share ("a third of", "two in five"): its denominator.
    pub share_of: Option<u32>,
}

/// The value of a number written as one word or one token: "seven",
/// "twenty", "hundred", or digits ("12"). Rules that read a count beside a
/// cue ("three times", "six months") use this, so every stage agrees on
/// what a number word is worth.
pub fn word_value(w: &str) -> Option<Decimal> {
    if w == "hundred" {
        return Some(Decimal::ONE_HUNDRED);
    }
    small(w).or_else(|| tens(w)).map(Decimal::from).or_else(|| {
        w.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| w.parse().ok())
            .flatten()
    })
}

/// Words for 0 to 19.
fn small(w: &str) -> Option<u32> {
    Some(match w {
        "zero" | "nought" | "naught" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        _ => return None,
    })
}

fn tens(w: &str) -> Option<u32> {
    Some(match w {
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    })
}

/// Scale words inside a spelled number, as powers of ten.
fn scale(w: &str) -> Option<u32> {
    Some(match w {
        "thousand" => 3,
        "million" | "mn" | "mln" => 6,
        "billion" | "bn" | "bln" => 9,
        "trillion" | "tn" | "trn" | "tln" => 12,
        "lakh" | "lakhs" => 5,
        "crore" | "crores" => 7,
        _ => return None,
    })
}

/// The denominator a fraction word names ("third" -> 3), and whether the
/// word is plural.
fn denominator(w: &str) -> Option<(u32, bool)> {
    Some(match w {
        "half" => (2, false),
        "halves" => (2, true),
        "third" => (3, false),
        "thirds" => (3, true),
        "quarter" | "fourth" => (4, false),
        "quarters" | "fourths" => (4, true),
        "fifth" => (5, false),
        "fifths" => (5, true),
        "sixth" => (6, false),
        "sixths" => (6, true),
        "seventh" => (7, false),
        "sevenths" => (7, true),
        "eighth" => (8, false),
        "eighths" => (8, true),
        "ninth" => (9, false),
        "ninths" => (9, true),
        "tenth" => (10, false),
        "tenths" => (10, true),
        _ => return None,
    })
}

/// Whether a lower-case word can start a spelled number. Asked of every
/// word of the text, so it is one hash lookup rather than a walk through
/// the number words.
pub fn starts_number(w: &str) -> bool {
    STARTS_NUMBER.contains(w)
}

/// The words for 0 to 19 and the tens (as [`small`] and [`tens`] read
/// them), and the words that start vaguer or fractional amounts.
static STARTS_NUMBER: WordSet = WordSet::new(&[
    "zero",
    "nought",
    "naught",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "thirty",
    "forty",
    "fourty",
    "fifty",
    "sixty",
    "seventy",
    "eighty",
    "ninety",
    "a",
    "an",
    "half",
    "quarter",
    "dozen",
    "dozens",
    "tens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "several",
    "minus",
    "negative",
]);

fn pow10(e: u32) -> Decimal {
    Decimal::from_i128_with_scale(10i128.pow(e.min(28)), 0)
}

/// What the last accepted word was, which decides what may follow.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Last {
    Start,
    /// "a"/"an" before "hundred", "thousand", "dozen".
    Article,
    Unit,
    Teen,
    Tens,
    /// Tens followed by a unit: "twenty-five".
    TensUnit,
    Hundred,
    Scale(u32),
    /// Digits ("4" in "4 thousand 3 hundred").
    Digits,
    Dozen,
}

/// The token after a hyphen that joins two words of one number
/// ("twenty-five", "fifty - two"), when one does at `k`.
fn past_hyphen(ctx: &Context, k: usize) -> Option<usize> {
    (ctx.tok(k) == Some("-") && ctx.glued(k) == ctx.glued(k + 1)).then_some(k + 1)
}

/// A plain number token usable inside a phrase: digits, maybe a decimal.
fn digits_value(ctx: &Context, k: usize) -> Option<Decimal> {
    if ctx.kind(k) != Some(Kind::Number) {
        return None;
    }
    let raw = ctx.raw(k);
    if raw.contains([',', ' ', '\u{a0}', '\u{2009}', '\u{202f}']) {
        return None;
    }
    Decimal::from_str(raw.strip_prefix('.').map_or(raw, |_| raw)).ok()
}

/// Reads a whole number written in words, possibly mixed with digits, from
/// token `i`. Returns the value, the token after it and the largest scale.
fn read_integer(ctx: &Context, i: usize) -> Option<(Decimal, usize, u32, Last)> {
    let mut total = Decimal::ZERO;
    let mut current = Decimal::ZERO;
    let mut last = Last::Start;
    let mut top_scale: Option<u32> = None;
    let mut k = i;
    let mut end = i;
    let mut end_last = Last::Start;
    let mut any = false;
    // The state before the last "and", to fall back to when the words after
    // it start a number of their own ("3 hundred and 2 hundred").
    let mut before_and: Option<(Decimal, Decimal, usize, Last)> = None;
    loop {
        let snapshot = (total, current, end, end_last);
        let mut at = k;
        let mut and = false;
        // "and" joins a hundred or a scale to what follows it.
        if ctx.word(at) == Some("and") && matches!(last, Last::Hundred | Last::Scale(_)) {
            at += 1;
            and = true;
        }
        // A hyphen joins tens to a unit.
        if last == Last::Tens
            && let Some(n) = past_hyphen(ctx, at)
        {
            at = n;
        }
        let joined = at != k;
        let Some(w) = ctx.word(at).or_else(|| ctx.kind(at).map(|_| "")) else {
            break;
        };
        let accepted = if let Some(n) = small(w) {
            let ok = match last {
                Last::Start | Last::Hundred | Last::Scale(_) => true,
                Last::Tens => n < 10 && n > 0,
                _ => false,
            };
            if ok {
                current = current.checked_add(Decimal::from(n))?;
                last = if last == Last::Tens {
                    Last::TensUnit
                } else if n < 10 {
                    Last::Unit
                } else {
                    Last::Teen
                };
            }
            ok
        } else if let Some(n) = tens(w) {
            let ok = matches!(last, Last::Start | Last::Hundred | Last::Scale(_));
            if ok {
                current = current.checked_add(Decimal::from(n))?;
                last = Last::Tens;
            }
            ok
        } else if w == "hundred" && !joined {
            let ok = matches!(
                last,
                Last::Article
                    | Last::Unit
                    | Last::Teen
                    | Last::Tens
                    | Last::TensUnit
                    | Last::Digits
            ) && (current < Decimal::ONE_HUNDRED || last == Last::Digits && at == i + 1);
            if ok {
                current = current.checked_mul(Decimal::ONE_HUNDRED)?;
                last = Last::Hundred;
            }
            ok
        } else if (w == "dozen" || w == "dozens" && last != Last::Article) && !joined {
            let ok = matches!(
                last,
                Last::Article
                    | Last::Unit
                    | Last::Teen
                    | Last::Tens
                    | Last::TensUnit
                    | Last::Digits
            ) && total.is_zero();
            if ok {
                current = current.checked_mul(Decimal::from(12))?;
                last = Last::Dozen;
            }
            ok
        } else if let Some(e) = scale(w).filter(|_| !joined && ctx.kind(at) == Some(Kind::Word)) {
            let ok = matches!(
                last,
                Last::Article
                    | Last::Unit
                    | Last::Teen
                    | Last::Tens
                    | Last::TensUnit
                    | Last::Hundred
                    | Last::Digits
            ) && top_scale.is_none_or(|t| e < t)
                && !current.is_zero();
            if ok {
                total = total.checked_add(current.checked_mul(pow10(e))?)?;
                current = Decimal::ZERO;
                top_scale = Some(top_scale.unwrap_or(e).max(e));
                last = Last::Scale(e);
            }
            ok
        } else if matches!(w, "a" | "an") && last == Last::Start {
            // Only before a word that needs a count: "a hundred", "a dozen".
            let next = ctx.word(at + 1);
            let ok = matches!(next, Some("hundred" | "dozen")) || next.and_then(scale).is_some();
            if ok {
                current = Decimal::ONE;
                last = Last::Article;
            }
            ok
        } else if let Some(v) = digits_value(ctx, at) {
            // Digits join a phrase only where a count of hundreds or a
            // scale follows, or after a hundred or a scale.
            let next = ctx.word(at + 1);
            let leads = last == Last::Start
                && (matches!(next, Some("hundred" | "dozen")) || next.and_then(scale).is_some());
            let follows = matches!(last, Last::Hundred | Last::Scale(_))
                && v.fract().is_zero()
                && top_scale.is_none_or(|t| v < pow10(t));
            if leads || follows {
                current = current.checked_add(v)?;
                last = Last::Digits;
                true
            } else {
                false
            }
        } else {
            false
        };
        if !accepted {
            let starts_own = ctx
                .word(at)
                .is_some_and(|w| w == "hundred" || scale(w).is_some() || denominator(w).is_some());
            if let Some((t, c, e, l)) = before_and.filter(|_| starts_own && !joined) {
                total = t;
                current = c;
                end = e;
                end_last = l;
            }
            break;
        }
        before_and = and.then_some(snapshot);
        if !matches!(last, Last::Article) {
            any = true;
        }
        k = at + 1;
        end = k;
        end_last = last;
        if last == Last::Dozen {
            break;
        }
    }
    if !any {
        return None;
    }
    // The number cannot end on "a".
    Some((total + current, end, top_scale.unwrap_or(0), end_last))
}

/// Half the unit of the last significant digit of a whole value: the
/// precision words like "two million" or "three hundred and forty
/// thousand" state. Under 1,000 a spelled count is exact.
pub fn spelled_rounding(v: Decimal) -> Decimal {
    let v = v.abs().normalize();
    if !v.fract().is_zero() {
        return Decimal::new(5, (v.scale() + 1).min(28));
    }
    // Counted on the integer, not its decimal string: this runs for every
    // spelled figure.
    let n = v.trunc().mantissa().unsigned_abs();
    let (mut m, mut zeros) = (n, 0);
    while m != 0 && m % 10 == 0 {
        m /= 10;
        zeros += 1;
    }
    if n < 1000 || zeros == 0 {
        return Decimal::new(5, 1);
    }
    pow10(zeros - 1) * Decimal::from(5)
}

/// Reads a number phrase starting at token `i`: spelled integers, fractions
/// of scales, shares and vague amounts.
pub fn read(ctx: &Context, i: usize) -> Option<Spelled> {
    // Digits lead a phrase only before a count of hundreds or a scale word
    // (see `read_integer`); nearly every figure in digits has neither, and
    // this is asked of each one.
    if ctx.kind(i) == Some(Kind::Number)
        && !ctx
            .word(i + 1)
            .is_some_and(|w| matches!(w, "hundred" | "dozen") || scale(w).is_some())
    {
        return None;
    }
    if let Some(v) = read_vague(ctx, i) {
        return Some(v);
    }
    if let Some(f) = read_fraction(ctx, i, None, i) {
        return Some(f);
    }
    let (int, after, exponent, last) = read_integer(ctx, i)?;
    // Spoken decimals: "five point five", "nine point nought four".
    if ctx.word(after) == Some("point")
        && !matches!(last, Last::Digits | Last::Dozen | Last::Article)
        && let Some((frac, end)) = spoken_decimals(ctx, after + 1)
    {
        let value = int.checked_add(frac)?;
        return Some(Spelled {
            value,
            rounding: spelled_rounding(value),
            after: end,
            exponent: 0,
            vague: None,
            share_of: None,
        });
    }
    // "one and a half", "five and a half million", "3 million and a half".
    if ctx.word(after) == Some("and")
        && last != Last::Dozen
        && let Some(f) = read_fraction(ctx, after + 1, Some((int, last_scale(last))), i)
    {
        return Some(f);
    }
    // A lone "a" or "an" never gets this far; a lone digit token is not a
    // phrase (the digit reader handles it).
    if after == i + 1 && last == Last::Digits {
        return None;
    }
    Some(Spelled {
        value: int,
        rounding: spelled_rounding(int),
        after,
        exponent,
        vague: None,
        share_of: None,
    })
}

/// The digits after a spoken "point": single digit words ("nought four"),
/// or one word for two digits ("seventy-one"). Returns the fraction and the
/// token after it.
fn spoken_decimals(ctx: &Context, k: usize) -> Option<(Decimal, usize)> {
    let mut digits = String::new();
    let mut at = k;
    while let Some(n) = ctx
        .word(at)
        .and_then(|w| if w == "oh" { Some(0) } else { small(w) })
    {
        if n > 9 {
            break;
        }
        digits.push(char::from(b'0' + n as u8));
        at += 1;
    }
    if digits.is_empty() {
        let t = ctx.word(at).and_then(tens)?;
        let unit = past_hyphen(ctx, at + 1).and_then(|h| {
            ctx.word(h)
                .and_then(small)
                .filter(|u| (1..10).contains(u))
                .map(|u| (u, h + 1))
        });
        let (n, end) = match unit {
            Some((u, end)) => (t + u, end),
            None => (t, at + 1),
        };
        return Some((Decimal::new(i64::from(n), 2), end));
    }
    let frac = Decimal::from_str(&format!("0.{digits}")).ok()?;
    Some((frac, at))
}

/// A fraction from token `k`: "a half", "two-thirds", "half a million",
/// "a quarter of a million", "three quarters billion". `whole` is the
/// number it follows after "and" ("one and a half", "3 million and a
/// half"), with the scale that number ended on; `first` is the token where
/// the whole phrase starts.
fn read_fraction(
    ctx: &Context,
    k: usize,
    whole: Option<(Decimal, Option<u32>)>,
    first: usize,
) -> Option<Spelled> {
    // The numerator: "a", "an", "one", "two"..., or none before "half".
    let (num, den_at) = match ctx.word(k) {
        Some("a" | "an") => (1, k + 1),
        Some("half" | "quarter") => (1, k),
        Some(w) => {
            let n = small(w).filter(|n| (1..10).contains(n))?;
            let at = past_hyphen(ctx, k + 1).unwrap_or(k + 1);
            (n, at)
        }
        None => return None,
    };
    let (den, plural) = denominator(ctx.word(den_at)?)?;
    if den_at > k + 1 && ctx.glued(den_at) != ctx.glued(den_at - 1) {
        return None;
    }
    // "two third" and "one thirds" are no fractions; "one half" and "two
    // halves" are.
    if (num > 1) != plural && den != 2 {
        return None;
    }
    let frac = Decimal::from(num) / Decimal::from(den);
    let after = den_at + 1;
    // The scale the fraction is of: "half a million", "a quarter of a
    // million", "two thirds of a million", "quarter million".
    let mut m = after;
    if ctx.word(m) == Some("of") {
        m += 1;
    }
    if matches!(ctx.word(m), Some("a" | "an")) {
        m += 1;
    }
    // "half a dozen".
    if whole.is_none() && ctx.word(m) == Some("dozen") {
        let v = frac * Decimal::from(12);
        return Some(Spelled {
            value: v,
            rounding: spelled_rounding(v),
            after: m + 1,
            exponent: 0,
            vague: None,
            share_of: None,
        });
    }
    let of_scale = ctx
        .word(m)
        .and_then(scale)
        .filter(|_| m == after || whole.is_none());
    let spelled = |value: Decimal, rounding: Decimal, after: usize, exponent: u32| Spelled {
        value,
        rounding,
        after,
        exponent,
        vague: None,
        share_of: None,
    };
    match (whole, of_scale) {
        // "one billion and a half million": the fraction is of its own scale.
        (Some((w, Some(_))), Some(e)) => {
            let v = w.checked_add(frac.checked_mul(pow10(e))?)?;
            Some(spelled(v, spelled_rounding(frac) * pow10(e), m + 1, e))
        }
        // "3 million and a half": of the scale the number ended on.
        (Some((w, Some(e))), None) => {
            let v = w.checked_add(frac.checked_mul(pow10(e))?)?;
            Some(spelled(v, spelled_rounding(frac) * pow10(e), after, e))
        }
        // "five and a half million".
        (Some((w, None)), Some(e)) => {
            let v = w.checked_add(frac)?;
            Some(spelled(
                v.checked_mul(pow10(e))?,
                spelled_rounding(v) * pow10(e),
                m + 1,
                e,
            ))
        }
        (Some((w, None)), None) => {
            let v = w.checked_add(frac)?;
            Some(spelled(v, spelled_rounding(v), after, 0))
        }
        // "half a million" is a rounded figure: a tenth either way.
        (None, Some(e)) => {
            let v = frac * pow10(e);
            Some(spelled(v, v / Decimal::TEN, m + 1, e))
        }
        (None, None) => bare_share(ctx, k, first, num, den, plural, after),
    }
}

/// A share standing alone: "half of", "a third of", "two-thirds". A
/// singular ordinal-like word needs "of" or the end of the phrase after it
/// ("a third term" is an ordinal), and "quarter" needs "a" and "of" ("the
/// third quarter of 2016" is a period).
fn bare_share(
    ctx: &Context,
    k: usize,
    first: usize,
    num: u32,
    den: u32,
    plural: bool,
    after: usize,
) -> Option<Spelled> {
    let next = ctx.word(after);
    let lead = ctx.word(k);
    let bare_half = lead == Some("half");
    let qualified = first > 0
        && matches!(
            ctx.word(first - 1),
            Some(
                "than"
                    | "nearly"
                    | "almost"
                    | "about"
                    | "around"
                    | "over"
                    | "under"
                    | "roughly"
                    | "some"
                    | "just"
                    | "approximately"
                    | "least"
            )
        );
    let end_of_phrase =
        ctx.kind(after).is_none_or(|k| k == Kind::Punct) && !ctx.is_punct(after, &["-"]);
    let share_context = next == Some("of")
        || (plural && !ctx.is_punct(after, &["-"]))
        || (bare_half
            && matches!(
                next,
                Some("the" | "its" | "their" | "his" | "her" | "our" | "all")
            ))
        || (!bare_half && end_of_phrase)
        || (bare_half && qualified);
    if !share_context || lead == Some("quarter") {
        return None;
    }
    if bare_half && !qualified && first > 0 && shares_excluded_before(ctx, first) {
        return None;
    }
    if ctx.glued(after) && ctx.is_punct(after, &["-"]) {
        return None;
    }
    let frac = Decimal::from(num) / Decimal::from(den);
    Some(Spelled {
        value: frac,
        rounding: Decimal::from(25) / Decimal::from(den) / Decimal::ONE_HUNDRED,
        after,
        exponent: 0,
        vague: None,
        share_of: Some(den),
    })
}

fn last_scale(last: Last) -> Option<u32> {
    match last {
        Last::Scale(e) => Some(e),
        _ => None,
    }
}

/// Whether the word before a bare "half" makes it a part of something other
/// than a share: "the second half", "first half".
fn shares_excluded_before(ctx: &Context, first: usize) -> bool {
    matches!(
        ctx.word(first - 1),
        Some("the" | "first" | "second" | "other" | "better" | "latter" | "one" | "and" | "a")
    )
}

/// Vague amounts: "tens of thousands", "hundreds of", "dozens of",
/// "thousands of", "a couple of", "several thousand", "a few hundred".
fn read_vague(ctx: &Context, i: usize) -> Option<Spelled> {
    let w = ctx.word(i)?;
    let plural_scale = |w: &str| -> Option<u32> {
        Some(match w {
            "hundreds" => 2,
            "thousands" => 3,
            "millions" => 6,
            "billions" => 9,
            "trillions" => 12,
            _ => return None,
        })
    };
    let d = |v: i64| Decimal::from(v);
    let make = |lo: Decimal, hi: Decimal, after: usize, e: u32| Spelled {
        value: lo,
        rounding: Decimal::ZERO,
        after,
        exponent: e,
        vague: Some((lo, hi)),
        share_of: None,
    };
    // "tens of thousands", "hundreds of millions".
    if (w == "tens" || w == "hundreds") && ctx.word(i + 1) == Some("of") {
        let outer = if w == "tens" { 1 } else { 2 };
        if let Some(e) = ctx.word(i + 2).and_then(plural_scale).filter(|e| *e >= 3) {
            let lo = pow10(outer + e);
            return Some(make(lo, lo * Decimal::TEN, i + 3, e));
        }
    }
    if let Some(e) = plural_scale(w)
        && ctx.word(i + 1) == Some("of")
    {
        let lo = pow10(e);
        return Some(make(lo, lo * Decimal::ONE_THOUSAND, i + 1, e));
    }
    if w == "dozens" && ctx.word(i + 1) == Some("of") {
        return Some(make(d(24), d(144), i + 1, 0));
    }
    if w == "a" && ctx.word(i + 1) == Some("couple") && ctx.word(i + 2) == Some("of") {
        if let Some(e) = ctx.word(i + 3).and_then(scale) {
            return Some(make(d(2) * pow10(e), d(3) * pow10(e), i + 4, e));
        }
        return Some(make(d(2), d(4), i + 2, 0));
    }
    // "several thousand", "a few hundred", "a few million".
    let (few, next) = match w {
        "several" => (true, i + 1),
        "a" if ctx.word(i + 1) == Some("few") => (true, i + 2),
        _ => (false, i),
    };
    if few {
        let e = match ctx.word(next) {
            Some("hundred") => 2,
            Some(s) => scale(s)?,
            None => return None,
        };
        return Some(make(d(2) * pow10(e), d(10) * pow10(e), next + 1, e));
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexer::tokenize;

    #[test]
    fn every_number_word_starts_a_number() {
        let words = [
            "zero",
            "nought",
            "naught",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
            "thirty",
            "forty",
            "fourty",
            "fifty",
            "sixty",
            "seventy",
            "eighty",
            "ninety",
        ];
        for w in words {
            assert!(small(w).is_some() || tens(w).is_some(), "{w}");
            assert!(starts_number(w), "{w}");
        }
        for w in [
            "hundred",
            "thousand",
            "point",
            "and",
            "the",
            "ones",
            "twentieth",
        ] {
            assert!(!starts_number(w), "{w}");
        }
    }

    fn read_all(s: &str) -> Option<(String, usize)> {
        let lower = s.to_ascii_lowercase();
        let tokens = tokenize(s);
        let ctx = Context::new(s, &lower, &tokens);
        let sp = read(&ctx, 0)?;
        Some((sp.value.normalize().to_string(), sp.after))
    }

    fn v(s: &str) -> String {
        read_all(s).map(|(v, _)| v).unwrap_or_default()
    }

    #[test]
    fn spelled_integers() {
        assert_eq!(v("two"), "2");
        assert_eq!(v("twenty-five"), "25");
        assert_eq!(v("fifty - two"), "52");
        assert_eq!(v("fifty   two"), "52");
        assert_eq!(v("one hundred and sixty-one"), "161");
        assert_eq!(v("three hundred and forty thousand"), "340000");
        assert_eq!(v("two hundred and two thousand"), "202000");
        assert_eq!(v("two  thousand  and  two hundred"), "2200");
        assert_eq!(v("twenty-one trillion and three hundred"), "21000000000300");
        assert_eq!(v("a hundred"), "100");
        assert_eq!(v("a dozen"), "12");
        assert_eq!(v("two dozen"), "24");
        assert_eq!(v("4 thousand 3 hundred and 21"), "4321");
        assert_eq!(v("322 hundred"), "32200");
    }

    #[test]
    fn words_that_do_not_join() {
        assert_eq!(read_all("two three"), Some(("2".into(), 1)));
        assert_eq!(
            read_all("three hundred and two hundred"),
            Some(("300".into(), 2))
        );
        assert_eq!(read_all("a"), None);
        assert_eq!(read_all("a third term"), None);
        assert_eq!(read_all("half-time"), None);
    }

    #[test]
    fn fractions() {
        assert_eq!(v("half a million"), "500000");
        assert_eq!(v("half million"), "500000");
        assert_eq!(v("a quarter of a million"), "250000");
        assert_eq!(v("quarter million"), "250000");
        assert_eq!(v("one and a half"), "1.5");
        assert_eq!(v("five and a half million"), "5500000");
        assert_eq!(v("3 million and a half"), "3500000");
        assert_eq!(v("a third of"), v("one third of"));
        assert!(v("two-thirds").starts_with("0.666"));
        assert_eq!(v("half of"), "0.5");
    }

    #[test]
    fn vague_amounts() {
        assert_eq!(v("tens of thousands"), "10000");
        assert_eq!(v("hundreds of"), "100");
        assert_eq!(v("several thousand"), "2000");
        assert_eq!(v("a couple of"), "2");
    }

    #[test]
    fn rounding_of_spelled_counts() {
        assert_eq!(
            spelled_rounding(Decimal::from(2_000_000)),
            Decimal::from(500_000)
        );
        assert_eq!(
            spelled_rounding(Decimal::from(340_000)),
            Decimal::from(5_000)
        );
        assert_eq!(spelled_rounding(Decimal::from(25)), Decimal::new(5, 1));
        assert_eq!(spelled_rounding(Decimal::new(15, 1)), Decimal::new(5, 2));
    }

    /// The rounding as first written, from the number's decimal string.
    fn rounding_by_string(v: Decimal) -> Decimal {
        let v = v.abs().normalize();
        if !v.fract().is_zero() {
            return Decimal::new(5, (v.scale() + 1).min(28));
        }
        let s = v.trunc().to_string();
        let zeros = s.len() - s.trim_end_matches('0').len();
        if s.len() < 4 || zeros == 0 {
            return Decimal::new(5, 1);
        }
        pow10(zeros as u32 - 1) * Decimal::from(5)
    }

    #[test]
    fn rounding_counts_zeros_as_the_decimal_string_shows_them() {
        let mut values: Vec<Decimal> = (0..5000).map(Decimal::from).collect();
        for e in 0..28 {
            for m in [1i64, 7, 10, 12, 340, 1_000, 2_500, 99_000] {
                if let Some(big) = Decimal::from(m).checked_mul(pow10(e)) {
                    values.extend([big, -big]);
                }
                values.push(Decimal::new(m, e.min(20)));
            }
        }
        values.extend([Decimal::MAX, Decimal::MIN, Decimal::new(1000, 3)]);
        for v in values {
            assert_eq!(spelled_rounding(v), rounding_by_string(v), "{v}");
        }
    }
}

#[cfg(test)]
mod word_value_tests {
    use super::word_value;
    use rust_decimal::Decimal;

    #[test]
    fn single_words_and_digits() {
        assert_eq!(word_value("seven"), Some(Decimal::from(7)));
        assert_eq!(word_value("forty"), Some(Decimal::from(40)));
        assert_eq!(word_value("hundred"), Some(Decimal::from(100)));
        assert_eq!(word_value("18"), Some(Decimal::from(18)));
        assert_eq!(word_value("several"), None);
        assert_eq!(word_value("1.5"), None);
    }
}

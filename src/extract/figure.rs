//! Reads the figures of one sentence: the number, its scale, currency and
//! percent sign, a range it belongs to, its qualifier, and the interval all
//! of that allows. Tokens that look like numbers but state no quantity
//! (years, days of the month, times, ordinals, labels, identifiers, phone
//! numbers, scores) are passed over here.

use super::lexer::{Kind, Token};
use super::unit;
use super::words::{self, Shape};
use super::{Qualifier, Quantity};
use crate::interval::Interval;
use rust_decimal::Decimal;
use std::str::FromStr;

/// The text of one sentence and its tokens.
pub struct Context<'a> {
    pub text: &'a str,
    /// `text` in ASCII lower case: the same offsets.
    pub lower: &'a str,
    pub tokens: &'a [Token],
}

impl<'a> Context<'a> {
    /// The lower-case text of token `i`, if it exists.
    pub fn tok(&self, i: usize) -> Option<&'a str> {
        self.tokens.get(i).map(|t| &self.lower[t.start..t.end])
    }

    /// The lower-case text of token `i` when it is a word.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        self.tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .map(|t| &self.lower[t.start..t.end])
    }

    /// The original text of token `i`.
    pub fn raw(&self, i: usize) -> &'a str {
        let t = &self.tokens[i];
        &self.text[t.start..t.end]
    }

    pub fn kind(&self, i: usize) -> Option<Kind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Whether token `i` is glued to the one before it.
    pub fn glued(&self, i: usize) -> bool {
        self.tokens.get(i).is_some_and(|t| !t.space_before)
    }

    fn is_punct(&self, i: usize, p: &[&str]) -> bool {
        self.kind(i) == Some(Kind::Punct) && self.tok(i).is_some_and(|t| p.contains(&t))
    }

    /// Whether a word is capitalised in the original text.
    fn capitalised(&self, i: usize) -> bool {
        self.kind(i) == Some(Kind::Word) && self.raw(i).starts_with(|c: char| c.is_uppercase())
    }
}

/// A figure found in a sentence, before it becomes a claim.
#[derive(Clone, Debug)]
pub struct Figure {
    pub start: usize,
    pub end: usize,
    pub span: (usize, usize),
    pub value: Option<Decimal>,
    pub interval: Interval,
    pub qualifier: Qualifier,
    pub qualifier_text: Option<String>,
    pub quantity: Quantity,
    pub currency: Option<String>,
    pub unit: Option<String>,
    pub measure: Option<String>,
    pub rounding: Decimal,
    pub range: bool,
    pub vague: bool,
    pub problem: Option<String>,
}

/// A number with what is glued to it: sign, currency, scale, percent.
#[derive(Clone, Debug)]
struct Simple {
    /// First token (a sign or currency symbol may come before the digits).
    first: usize,
    /// One past the last token (scale, percent sign, currency name).
    after: usize,
    /// Byte span of the figure as written.
    start: usize,
    end: usize,
    value: Option<Decimal>,
    rounding: Decimal,
    quantity: Quantity,
    currency: Option<String>,
    /// The power of ten a scale word or suffix multiplied the digits by.
    factor: Decimal,
    problem: Option<String>,
}

const DASHES: &[&str] = &["-", "–", "—", "−"];

/// Reads every figure of a sentence.
pub fn read_figures(ctx: &Context) -> Vec<Figure> {
    let mut out = Vec::new();
    let mut i = 0;
    let n = ctx.tokens.len();
    while i < n {
        if ctx.kind(i) != Some(Kind::Number) {
            i += 1;
            continue;
        }
        if let Some(skip) = not_a_figure(ctx, i) {
            i += skip.max(1);
            continue;
        }
        let Some(first) = read_simple(ctx, i) else {
            i += 1;
            continue;
        };
        let (fig, next) = complete(ctx, first);
        out.push(fig);
        i = next.max(i + 1);
    }
    out
}

/// Turns a number into a whole figure: range, qualifier, unit, interval.
fn complete(ctx: &Context, first: Simple) -> (Figure, usize) {
    let range = read_range(ctx, &first);
    let (lo, hi) = match &range {
        Some(r) => (first.clone(), r.clone()),
        None => (first.clone(), first.clone()),
    };
    // A range shares its scale and percent sign: "10-12 million", "5-6%".
    let lo = if range.is_some() {
        inherit(&lo, &hi)
    } else {
        lo
    };
    let after = hi.after;

    let (mut qualifier, mut shape, mut qualifier_text, mut qual_start) =
        (Qualifier::Exact, Shape::Around, None, lo.start);
    if range.is_none()
        && let Some((q, s, from)) = pre_qualifier(ctx, lo.first)
    {
        qualifier = q;
        shape = s;
        qual_start = ctx.tokens[from].start;
        qualifier_text = Some(ctx.text[qual_start..ctx.tokens[lo.first - 1].end].to_string());
    }
    let mut after_q = after;
    if range.is_none()
        && qualifier == Qualifier::Exact
        && let Some((q, s, to)) = post_qualifier(ctx, after)
    {
        qualifier = q;
        shape = s;
        qualifier_text =
            Some(ctx.text[ctx.tokens[after].start..ctx.tokens[to - 1].end].to_string());
        after_q = to;
    }
    // "125,000+" and "125,000-plus".
    if range.is_none()
        && qualifier == Qualifier::Exact
        && ctx.is_punct(after, &["+"])
        && ctx.glued(after)
    {
        qualifier = Qualifier::MoreThan;
        shape = Shape::Bound;
        qualifier_text = Some("+".into());
        after_q = after + 1;
    }

    let (unit, unit_end) = if lo.quantity == Quantity::Count {
        unit::unit_after(ctx, after_q)
    } else {
        (None, after_q)
    };
    let measure = unit::measure(
        ctx,
        qual_tok(ctx, qual_start, lo.first),
        unit_end,
        unit.as_deref(),
    );

    let value = match (&range, lo.value, hi.value) {
        (Some(_), Some(a), Some(b)) => a.checked_add(b).map(|s| s / Decimal::TWO),
        (None, v, _) => v,
        _ => None,
    };
    let mut problem = lo.problem.clone().or(hi.problem.clone());
    let interval = match (lo.value, hi.value) {
        (Some(a), Some(b)) if range.is_some() => {
            if b < a {
                problem = Some("range runs backwards".into());
                Interval::UNBOUNDED
            } else {
                Interval::around(a, lo.rounding).hull(&Interval::around(b, hi.rounding))
            }
        }
        (Some(v), _) if range.is_none() => shaped(v, lo.rounding, qualifier, shape),
        _ => Interval::UNBOUNDED,
    };
    let end_tok = unit_end.max(after_q);
    let span_end = ctx.tokens[end_tok.saturating_sub(1).max(lo.first)].end;
    let fig = Figure {
        start: lo.start,
        end: hi.end,
        span: (qual_start, span_end.max(hi.end)),
        value,
        interval,
        qualifier,
        qualifier_text,
        quantity: lo.quantity,
        currency: lo.currency.clone().or(hi.currency.clone()),
        unit,
        measure,
        rounding: lo.rounding.max(hi.rounding),
        range: range.is_some(),
        vague: false,
        problem,
    };
    (fig, after_q)
}

/// The token where the claim starts: its qualifier, or its first token.
fn qual_tok(ctx: &Context, qual_start: usize, first: usize) -> usize {
    ctx.tokens
        .iter()
        .position(|t| t.start == qual_start)
        .unwrap_or(first)
}

/// The interval a value, its rounding and its qualifier allow.
pub fn shaped(v: Decimal, rounding: Decimal, qualifier: Qualifier, shape: Shape) -> Interval {
    // An approximation is at least as loose as 10% of the value.
    let band = || rounding.max(v.abs() / Decimal::TEN);
    match qualifier {
        Qualifier::Exact => Interval::around(v, rounding),
        Qualifier::Approximate if shape == Shape::JustBelow => {
            let b = band();
            match (v.checked_sub(b), v.checked_add(rounding)) {
                (Some(lo), Some(hi)) => Interval::closed(lo, hi),
                _ => Interval::UNBOUNDED,
            }
        }
        Qualifier::Approximate => Interval::around(v, band()),
        Qualifier::MoreThan => Interval::above(v, false),
        Qualifier::AtLeast => Interval::above(v, true),
        Qualifier::LessThan => Interval::below(v, false),
        Qualifier::AtMost => Interval::below(v, true),
    }
}

/// Gives the low end of a range the scale, percent sign and currency that
/// only its high end carries.
fn inherit(lo: &Simple, hi: &Simple) -> Simple {
    let mut lo = lo.clone();
    if lo.factor == Decimal::ONE && hi.factor != Decimal::ONE {
        lo.value = lo.value.and_then(|v| v.checked_mul(hi.factor));
        lo.rounding = lo.rounding.checked_mul(hi.factor).unwrap_or(lo.rounding);
        lo.factor = hi.factor;
    }
    if lo.quantity == Quantity::Count {
        lo.quantity = hi.quantity;
        if matches!(hi.quantity, Quantity::Percent | Quantity::Points) {
            lo.rounding = hi.rounding.min(lo.rounding);
        }
    }
    if lo.currency.is_none() {
        lo.currency = hi.currency.clone();
    }
    lo
}

/// The second number of a range, if the first is followed by one.
fn read_range(ctx: &Context, first: &Simple) -> Option<Simple> {
    let a = first.after;
    let between = first.first > 0 && ctx.word(first.first - 1) == Some("between");
    let from = first.first > 0 && matches!(ctx.word(first.first - 1), Some("from" | "by"));
    let joined = if between {
        ctx.word(a) == Some("and")
    } else {
        // A dash joins a range when it is spaced like its neighbours:
        // "10-12" or "10 - 12", not "10 -12".
        (ctx.is_punct(a, DASHES) && ctx.glued(a) == ctx.glued(a + 1))
            || (!from && ctx.word(a) == Some("to"))
    };
    if !joined {
        return None;
    }
    let b = a + 1;
    if !matches!(ctx.kind(b), Some(Kind::Number) | Some(Kind::Punct)) {
        return None;
    }
    let second = read_simple(ctx, first_number_at(ctx, b)?)?;
    if second.first != b {
        return None;
    }
    let (Some(x), Some(y)) = (first.value, second.value) else {
        return None;
    };
    // "to" joins a range only when the second is the larger figure;
    // "10-3" is a score or a label, never a range.
    let x = if first.factor == Decimal::ONE {
        x.checked_mul(second.factor)?
    } else {
        x
    };
    (y > x).then_some(second)
}

/// The token of the digits at or right after `i` (past a currency sign).
fn first_number_at(ctx: &Context, i: usize) -> Option<usize> {
    (i..i + 3).find(|&j| ctx.kind(j) == Some(Kind::Number))
}

/// Reads the number at token `i` with its sign, currency, scale and percent.
fn read_simple(ctx: &Context, i: usize) -> Option<Simple> {
    let raw = ctx.raw(i);
    let digits: String = raw
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    let (mut value, problem) = match Decimal::from_str(&digits) {
        Ok(v) => (Some(v), None),
        Err(_) => (
            None,
            Some(format!("{raw}: too many digits to read exactly")),
        ),
    };
    let mut rounding = written_rounding(&digits);

    // Currency before: "$", "US$", "£", "USD ".
    let mut first = i;
    let mut currency = None;
    if i > 0 && ctx.kind(i - 1) == Some(Kind::Punct) && ctx.glued(i) {
        let prefix = (i > 1 && ctx.kind(i - 2) == Some(Kind::Word) && ctx.glued(i - 1))
            .then(|| ctx.word(i - 2))
            .flatten();
        if let Some(c) = prefix.and_then(|p| words::currency_symbol(Some(p), ctx.tok(i - 1)?)) {
            currency = Some(c);
            first = i - 2;
        } else if let Some(c) = words::currency_symbol(None, ctx.tok(i - 1)?) {
            currency = Some(c);
            first = i - 1;
        }
    } else if i > 0
        && !ctx.glued(i)
        && let Some(c) = ctx.word(i - 1).and_then(words::currency_code)
    {
        currency = Some(c);
        first = i - 1;
    }
    // A sign glued to the number (or its currency), with space before it.
    let mut negative = false;
    if first > 0
        && ctx.is_punct(first - 1, &["-", "−", "–"])
        && ctx.glued(first)
        && (first == 1 || !ctx.glued(first - 1) || ctx.is_punct(first - 2, &["("]))
        && !matches!(ctx.kind(first.wrapping_sub(2)), Some(Kind::Number))
    {
        negative = true;
        first -= 1;
    }

    let mut after = i + 1;
    let mut exponent = 0;
    if let Some(w) = ctx.word(after) {
        if ctx.glued(after) {
            if let Some(e) = words::scale_suffix(w) {
                let metres = w == "m"
                    && currency.is_none()
                    && ctx
                        .word(after + 1)
                        .is_some_and(|n| words::METRE_CONTEXT.contains(&n));
                if !metres {
                    exponent = e;
                    after += 1;
                }
            }
        } else if let Some(e) = words::scale_word(w) {
            exponent = e;
            after += 1;
        }
    }
    let factor = Decimal::from_i128_with_scale(10i128.pow(exponent), 0);
    if exponent > 0 {
        value = value.and_then(|v| v.checked_mul(factor));
        rounding = rounding.checked_mul(factor).unwrap_or(rounding);
    }

    let mut quantity = if currency.is_some() {
        Quantity::Money
    } else {
        Quantity::Count
    };
    // Percent: "%", "per cent", "percent", "pc", "pct".
    if ctx.is_punct(after, &["%"])
        || matches!(ctx.word(after), Some("percent" | "pct"))
        || (ctx.word(after) == Some("pc") && ctx.glued(after))
    {
        quantity = Quantity::Percent;
        after += 1;
    } else if ctx.word(after) == Some("per") && ctx.word(after + 1) == Some("cent") {
        quantity = Quantity::Percent;
        after += 2;
    } else if ctx.word(after) == Some("percentage")
        && matches!(ctx.word(after + 1), Some("point" | "points"))
    {
        quantity = Quantity::Points;
        after += 2;
    }
    if quantity == Quantity::Percent && ctx.word(after) == Some("points") {
        quantity = Quantity::Points;
        after += 1;
    }
    // A currency named after the figure: "5m euros", "40 US dollars".
    if currency.is_none() && quantity == Quantity::Count {
        if let Some(c) = ctx
            .word(after)
            .and_then(|w| words::currency_name(w).or(words::currency_code(w)))
        {
            // "won" is also a verb; only "won" after a scale counts.
            if ctx.word(after) != Some("won") || exponent > 0 {
                currency = Some(c);
                quantity = Quantity::Money;
                after += 1;
            }
        } else if ctx.word(after) == Some("us")
            && ctx.word(after + 1).is_some_and(|w| w.starts_with("dollar"))
        {
            currency = Some("USD");
            quantity = Quantity::Money;
            after += 2;
        }
    }
    // Percentages are conventionally rounded to whole units, whatever
    // their trailing zeros.
    if matches!(quantity, Quantity::Percent | Quantity::Points) && exponent == 0 {
        rounding = if digits.contains('.') {
            written_rounding_decimals(&digits)
        } else {
            Decimal::new(5, 1)
        };
    }
    if negative {
        value = value.map(|v| -v);
    }
    let start = ctx.tokens[first].start;
    let end = ctx.tokens[after - 1].end;
    Some(Simple {
        first,
        after,
        start,
        end,
        value,
        rounding,
        quantity,
        currency: currency.map(str::to_string),
        factor,
        problem,
    })
}

/// Half the unit of the last written digit. Whole numbers under 1,000 are
/// taken as exact counts; from 1,000 up, trailing zeros may be rounding
/// ("360,000" stands for 355,000 to 365,000).
fn written_rounding(digits: &str) -> Decimal {
    if digits.contains('.') {
        return written_rounding_decimals(digits);
    }
    let trimmed = digits.trim_start_matches('0');
    let zeros = trimmed.len() - trimmed.trim_end_matches('0').len();
    if trimmed.len() < 4 || zeros == 0 || zeros == trimmed.len() {
        return Decimal::new(5, 1);
    }
    Decimal::from_i128_with_scale(5 * 10i128.pow(zeros.min(27) as u32 - 1), 0)
}

fn written_rounding_decimals(digits: &str) -> Decimal {
    let places = digits.split('.').nth(1).map_or(0, str::len).min(27) as u32;
    Decimal::new(5, places + 1)
}

/// A qualifier that ends right before token `first`: its meaning, shape and
/// first token.
fn pre_qualifier(ctx: &Context, first: usize) -> Option<(Qualifier, Shape, usize)> {
    for (phrase, q, shape) in words::PRE_QUALIFIERS {
        let n = phrase.len();
        if first < n {
            continue;
        }
        let from = first - n;
        if (0..n).all(|k| ctx.word(from + k) == Some(phrase[k])) {
            // "some of the 300" and "over the last 6 months" have words between.
            return Some((*q, *shape, from));
        }
    }
    None
}

/// A qualifier right after the figure: its meaning, shape and end token.
fn post_qualifier(ctx: &Context, after: usize) -> Option<(Qualifier, Shape, usize)> {
    for (phrase, q, shape) in words::POST_QUALIFIERS {
        let n = phrase.len();
        if (0..n).all(|k| ctx.word(after + k) == Some(phrase[k])) {
            return Some((*q, *shape, after + n));
        }
    }
    None
}

/// Whether the number at token `i` states no quantity; if so, how many
/// tokens to pass over.
fn not_a_figure(ctx: &Context, i: usize) -> Option<usize> {
    let raw = ctx.raw(i);
    let plain = raw.bytes().all(|b| b.is_ascii_digit());
    let len = raw.len();
    let next = ctx.tok(i + 1);
    let glued_next = ctx.glued(i + 1);
    let prev_word = if i > 0 { ctx.word(i - 1) } else { None };

    // Identifiers glued to letters: "A380", "v2", "COVID-19", "4G".
    if i > 0 && ctx.glued(i) {
        if ctx.kind(i - 1) == Some(Kind::Word)
            && words::currency_code(prev_word.unwrap_or("")).is_none()
        {
            return Some(1);
        }
        if ctx.is_punct(i - 1, &["-", "/"])
            && i > 1
            && ctx.glued(i - 1)
            && ctx.kind(i - 2) == Some(Kind::Word)
        {
            // "mid-2015", "COVID-19", "F-35": never a figure of its own.
            return Some(1);
        }
        if ctx.is_punct(i - 1, &["#", "№", "+"]) {
            return Some(1);
        }
    }
    if glued_next && ctx.kind(i + 1) == Some(Kind::Word) {
        let w = next.unwrap_or("");
        let known = words::scale_suffix(w).is_some()
            || unit::is_unit_abbreviation(w)
            || matches!(w, "pc" | "percent");
        if matches!(
            w,
            "st" | "nd" | "rd" | "th" | "s" | "am" | "pm" | "h" | "hrs" | "gmt" | "bst" | "utc"
        ) || !known
        {
            return Some(2);
        }
    }
    // Times: "14:00", "3.30 pm", "9 a.m.".
    if ctx.is_punct(i + 1, &[":"])
        && glued_next
        && ctx.kind(i + 2) == Some(Kind::Number)
        && ctx.glued(i + 2)
    {
        return Some(3);
    }
    if matches!(
        ctx.word(i + 1),
        Some("am" | "pm" | "gmt" | "bst" | "est" | "et" | "pt" | "cet" | "utc" | "o'clock")
    ) || (ctx.word(i + 1).is_some_and(|w| w == "a" || w == "p")
        && ctx.is_punct(i + 2, &["."])
        && ctx.word(i + 3) == Some("m"))
    {
        return Some(2);
    }
    // Dotted sequences: dates and numbers in lists "5.2.2016", versions.
    // Numeric dates and phone numbers: three groups joined by the same
    // separator ("5/2/2016", "2016-02-05", "555-123-4567").
    for sep in ["/", "-", "."] {
        if ctx.is_punct(i + 1, &[sep])
            && glued_next
            && ctx.kind(i + 2) == Some(Kind::Number)
            && ctx.glued(i + 2)
            && ctx.is_punct(i + 3, &[sep])
            && ctx.glued(i + 3)
            && ctx.kind(i + 4) == Some(Kind::Number)
        {
            return Some(5);
        }
    }
    // "555-1234": a phone number.
    if plain
        && len == 3
        && ctx.is_punct(i + 1, &["-"])
        && glued_next
        && ctx.glued(i + 2)
        && ctx
            .tok(i + 2)
            .is_some_and(|t| t.len() == 4 && t.bytes().all(|b| b.is_ascii_digit()))
    {
        return Some(3);
    }
    // Long runs of digits without separators are identifiers.
    if plain && len >= 7 {
        return Some(1);
    }
    let value: Option<u32> = if plain && len <= 4 {
        raw.parse().ok()
    } else {
        None
    };
    // Years, and the second year of "2012-13" or "1998-2004".
    if let Some(v) = value {
        if len == 4 && (1000..=2199).contains(&v) && is_year(ctx, i) {
            let mut skip = 1;
            let second_year = ctx.tok(i + 2).is_some_and(|t| {
                (t.len() == 2 || t.len() == 4) && t.bytes().all(|b| b.is_ascii_digit())
            });
            if ctx.is_punct(i + 1, &["-", "–", "/"])
                && glued_next
                && ctx.glued(i + 2)
                && second_year
            {
                skip = 3;
            }
            return Some(skip);
        }
        // Days of the month: "5 February", "February 5", "Feb. 5".
        if (1..=31).contains(&v) && len <= 2 {
            let month_after = ctx.capitalised(i + 1)
                && ctx.word(i + 1).is_some_and(crate::calendar::is_month_word)
                || (ctx.word(i + 1) == Some("of")
                    && ctx.capitalised(i + 2)
                    && ctx.word(i + 2).is_some_and(crate::calendar::is_month_word));
            let m = if ctx.is_punct(i.wrapping_sub(1), &["."]) {
                i.wrapping_sub(2)
            } else {
                i.wrapping_sub(1)
            };
            let month_before = i > 0
                && ctx.capitalised(m)
                && ctx.word(m).is_some_and(crate::calendar::is_month_word);
            if month_after || month_before {
                return Some(1);
            }
        }
    }
    // Labels: "page 5", "No. 10", "Windows 10", "ISO 9001".
    if plain && i > 0 {
        let w = if ctx.is_punct(i - 1, &["."]) && i > 1 {
            ctx.word(i - 2)
        } else {
            prev_word
        };
        if w.is_some_and(|w| words::LABEL_WORDS.contains(&w)) && !is_quantity_after(ctx, i + 1) {
            return Some(1);
        }
        // A capitalised name right before: "Apollo 11", "Boeing 737".
        if prev_word.is_some()
            && i > 1
            && ctx.capitalised(i - 1)
            && !crate::calendar::is_month_word(prev_word.unwrap_or(""))
            && words::PRE_QUALIFIERS
                .iter()
                .all(|(p, _, _)| p.last() != prev_word.as_ref())
            && !is_quantity_after(ctx, i + 1)
        {
            return Some(1);
        }
    }
    // Sports scores: "won 3-1".
    if plain
        && ctx.is_punct(i + 1, &["-", "–"])
        && glued_next
        && ctx.kind(i + 2) == Some(Kind::Number)
        && ctx.glued(i + 2)
    {
        let lookback = i.saturating_sub(6);
        let context = (lookback..i).any(|k| {
            ctx.word(k)
                .is_some_and(|w| words::SCORE_CONTEXT.contains(&w))
        });
        if context {
            return Some(3);
        }
    }
    None
}

/// Whether a scale word, percent sign or plural noun follows at `j`, which
/// makes a number a quantity even after a label-like word.
fn is_quantity_after(ctx: &Context, j: usize) -> bool {
    ctx.is_punct(j, &["%"])
        || ctx.word(j).is_some_and(|w| {
            words::scale_word(w).is_some() || matches!(w, "percent" | "per" | "people")
        })
}

/// Whether the four-digit number at `i` is a year.
fn is_year(ctx: &Context, i: usize) -> bool {
    // A currency sign or a scale makes it an amount.
    if i > 0 && ctx.is_punct(i - 1, &["$", "£", "€", "¥"]) {
        return false;
    }
    if ctx.is_punct(i + 1, &["%"])
        || ctx
            .word(i + 1)
            .is_some_and(|w| words::scale_word(w).is_some() || matches!(w, "percent" | "per"))
    {
        return false;
    }
    let prev = if i > 0 { ctx.word(i - 1) } else { None };
    if prev.is_some_and(|w| words::YEAR_CONTEXT.contains(&w) || crate::calendar::is_month_word(w)) {
        return true;
    }
    // "2015 accounts": a count when a plural noun follows.
    !ctx.word(i + 1).is_some_and(|w| {
        w.len() > 3 && w.ends_with('s') && !words::NOT_UNITS.contains(&w) || w == "people"
    })
}

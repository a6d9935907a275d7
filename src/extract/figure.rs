//! Reads the figures of one sentence: the number, its scale, currency and
//! percent sign, a range it belongs to, its qualifier, and the interval all
//! of that allows. Tokens that look like numbers but state no quantity
//! (years, days of the month, times, ordinals, labels, identifiers, phone
//! numbers, scores) are passed over here.

use super::lexer::{Kind, Token};
use super::numword;
use super::unit;
use super::words::{self, Shape};
use super::{Qualifier, Quantity};
use crate::interval::{Bound, Interval};
use rust_decimal::Decimal;
use std::str::FromStr;

/// The text of one sentence and its tokens.
pub struct Context<'a> {
    pub text: &'a str,
    /// `text` in ASCII lower case: the same offsets.
    pub lower: &'a str,
    pub tokens: &'a [Token],
    /// Each token's lower-case text, sliced once: the readers ask for most
    /// tokens several times.
    lowered: Vec<&'a str>,
    /// The first token a figure may still claim: the token after the last
    /// figure read, so that "10 $ 30 $" gives the first "$" to 10 only.
    pub free_from: std::cell::Cell<usize>,
}

impl<'a> Context<'a> {
    pub fn new(text: &'a str, lower: &'a str, tokens: &'a [Token]) -> Context<'a> {
        Context {
            text,
            lower,
            tokens,
            lowered: tokens.iter().map(|t| &lower[t.start..t.end]).collect(),
            free_from: std::cell::Cell::new(0),
        }
    }

    /// Whether the sentence states a percentage somewhere, so that "5
    /// points" are percentage points. Only a figure followed by "points"
    /// asks, so the sentence is not scanned for every one.
    pub fn has_percent(&self) -> bool {
        let lower = self.lower;
        let tokens = self.tokens;
        tokens.iter().enumerate().any(|(k, t)| {
            let w = &lower[t.start..t.end];
            w == "%"
                || w == "percent"
                || (w == "cent" && k > 0 && &lower[tokens[k - 1].start..tokens[k - 1].end] == "per")
        })
    }

    /// The original text of token `i`, if it exists.
    pub fn raw_at(&self, i: usize) -> Option<&'a str> {
        self.tokens.get(i).map(|t| &self.text[t.start..t.end])
    }

    /// The lower-case text of token `i`, if it exists.
    pub fn tok(&self, i: usize) -> Option<&'a str> {
        self.lowered.get(i).copied()
    }

    /// The lower-case text of token `i` when it is a word.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        self.tokens
            .get(i)
            .filter(|t| t.kind == Kind::Word)
            .and_then(|_| self.lowered.get(i).copied())
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

    pub fn is_punct(&self, i: usize, p: &[&str]) -> bool {
        let Some(t) = self.tokens.get(i).filter(|t| t.kind == Kind::Punct) else {
            return false;
        };
        // A punctuation token is one character: its first byte tells most
        // candidates apart without a call to compare the rest.
        let tok = self
            .lower
            .as_bytes()
            .get(t.start..t.end)
            .unwrap_or_default();
        p.iter().any(|x| {
            x.len() == tok.len() && x.as_bytes().first() == tok.first() && x.as_bytes() == tok
        })
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
    pub ends: Option<(Decimal, Decimal)>,
    pub vague: bool,
    pub share: bool,
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
    currency: Option<&'static str>,
    /// The power of ten a scale word or suffix multiplied the digits by.
    factor: Decimal,
    problem: Option<String>,
    /// Bounds of a vague amount: low inclusive, high exclusive.
    vague: Option<(Decimal, Decimal)>,
    /// A share written as a fraction or ratio ("two-thirds", "one in five").
    share: bool,
}

const DASHES: &[&str] = &["-", "–", "—", "−"];

/// Reads every figure of a sentence, handing each to `found` as it is read.
pub fn read_figures(ctx: &Context, mut found: impl FnMut(Figure)) {
    let mut i = 0;
    let n = ctx.tokens.len();
    while i < n {
        let t = &ctx.tokens[i];
        // Only a word can be a number word, and only a lone symbol a
        // fraction character ("½" is neither a letter nor a digit).
        let spelled = match t.kind {
            Kind::Word => numword::starts_number(ctx.lowered[i]),
            Kind::Punct => {
                vulgar(&ctx.text[t.start..t.end]).is_some()
                    && ctx.kind(i.wrapping_sub(1)) != Some(Kind::Number)
            }
            _ => false,
        };
        if t.kind != Kind::Number && !spelled {
            i += 1;
            continue;
        }
        if !spelled && let Some(skip) = not_a_figure(ctx, i) {
            i += skip.max(1);
            continue;
        }
        let Some(first) = read_simple(ctx, i) else {
            i += 1;
            continue;
        };
        let lead = first.first;
        if is_factor(ctx, first.after) {
            i = first.after + 1;
            continue;
        }
        let (fig, next) = complete(ctx, first);
        if !is_period_length(ctx, lead, &fig) {
            found(fig);
        }
        i = next.max(i + 1);
        ctx.free_from.set(i);
    }
}

/// Whether the number ending before `after` is a factor ("four times more
/// than", "three times the"): a ratio between figures, not a quantity.
fn is_factor(ctx: &Context, after: usize) -> bool {
    ctx.word(after) == Some("times")
        && ctx.word(after + 1).is_some_and(|w| {
            matches!(
                w,
                "more"
                    | "less"
                    | "fewer"
                    | "higher"
                    | "lower"
                    | "larger"
                    | "bigger"
                    | "greater"
                    | "smaller"
                    | "as"
                    | "the"
                    | "that"
                    | "what"
                    | "faster"
                    | "slower"
                    | "its"
                    | "their"
                    | "over"
            )
        })
}

/// Whether a figure is the length of a period a sentence refers to ("over
/// the previous six months", "in the past 12 months"): part of a period,
/// not a quantity the story reports.
fn is_period_length(ctx: &Context, first: usize, fig: &Figure) -> bool {
    fig.quantity == Quantity::Count
        && fig.unit.as_deref().is_some_and(unit::is_time_unit)
        && first > 0
        && matches!(
            ctx.word(first - 1),
            Some(
                "previous"
                    | "past"
                    | "last"
                    | "next"
                    | "first"
                    | "coming"
                    | "following"
                    | "preceding"
                    | "final"
                    | "recent"
            )
        )
}

/// Turns a number into a whole figure: range, qualifier, unit, interval.
fn complete(ctx: &Context, first: Simple) -> (Figure, usize) {
    let range = read_range(ctx, &first);
    // A range shares its scale and percent sign: "10-12 million", "5-6%".
    let lo = match &range {
        Some(r) => inherit(&first, r),
        None => first,
    };
    let hi = range.as_ref().unwrap_or(&lo);
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
    // "about 500 or more": the bound the end states wins over "about".
    if range.is_none()
        && matches!(qualifier, Qualifier::Exact | Qualifier::Approximate)
        && let Some((q, s, to)) = post_qualifier(ctx, after)
    {
        if qualifier == Qualifier::Approximate {
            qual_start = lo.start;
        }
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
    // "more than 5000 or equal to": the bound includes its value.
    if matches!(qualifier, Qualifier::MoreThan | Qualifier::LessThan)
        && ctx.word(after_q) == Some("or")
        && ctx.word(after_q + 1) == Some("equal")
    {
        qualifier = if qualifier == Qualifier::MoreThan {
            Qualifier::AtLeast
        } else {
            Qualifier::AtMost
        };
        after_q += 2;
        if ctx.word(after_q) == Some("to") && ctx.kind(after_q + 1) != Some(Kind::Number) {
            after_q += 1;
        }
    }
    // "between 10 and 12": the claim starts at "between".
    if range.is_some() && lo.first > 0 && ctx.word(lo.first - 1) == Some("between") {
        qual_start = ctx.tokens[lo.first - 1].start;
    }

    let (unit, unit_end) = if lo.quantity == Quantity::Count || lo.share {
        unit::unit_after(ctx, after_q)
    } else {
        (None, after_q)
    };
    // "travelled 6.4 billion km over nine years": "over" a length of time
    // is "during", unless "for over" makes it a bound.
    if qualifier_text
        .as_deref()
        .is_some_and(|q| q.eq_ignore_ascii_case("over"))
        && unit.as_deref().is_some_and(unit::is_time_unit)
        // "over thirty years old" is an age bound.
        && !matches!(ctx.word(unit_end), Some("old" | "of"))
    {
        let q = qual_tok(ctx, qual_start, lo.first);
        if q == 0 || ctx.word(q - 1) != Some("for") {
            qualifier = Qualifier::Exact;
            qualifier_text = None;
            qual_start = lo.start;
        }
    }
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
        _ => match lo.vague {
            Some((a, b)) if range.is_none() => Interval {
                low: Some(Bound {
                    value: a,
                    inclusive: true,
                }),
                high: Some(Bound {
                    value: b,
                    inclusive: false,
                }),
            },
            _ => Interval::UNBOUNDED,
        },
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
        currency: lo.currency.or(hi.currency).map(str::to_string),
        unit,
        measure,
        rounding: lo.rounding.max(hi.rounding),
        range: range.is_some(),
        ends: match (&range, lo.value, hi.value) {
            (Some(_), Some(a), Some(b)) => Some((a, b)),
            _ => None,
        },
        vague: lo.vague.is_some() && range.is_none(),
        share: lo.share,
        problem,
    };
    (fig, after_q)
}

/// The token where the claim starts: its qualifier, or its first token.
fn qual_tok(ctx: &Context, qual_start: usize, first: usize) -> usize {
    // Tokens are sorted by offset; a linear search here made a long
    // sentence of figures quadratic.
    ctx.tokens
        .binary_search_by_key(&qual_start, |t| t.start)
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
        lo.currency = hi.currency;
    }
    lo
}

/// The second number of a range, if the first is followed by one.
fn read_range(ctx: &Context, first: &Simple) -> Option<Simple> {
    let mut a = first.after;
    // "44 mg to 50 mg": the unit may be repeated on both ends.
    let unit_word = ctx
        .word(a)
        .filter(|w| unit::is_unit_abbreviation(w) && matches!(ctx.word(a + 1), Some("to" | "and")));
    if unit_word.is_some() {
        a += 1;
    }
    let between = first.first > 0 && ctx.word(first.first - 1) == Some("between");
    let from = first.first > 0 && matches!(ctx.word(first.first - 1), Some("from" | "by"));
    let joined = if between {
        ctx.word(a) == Some("and")
    } else {
        // A dash joins a range when it is spaced like its neighbours:
        // "10-12" or "10 - 12", not "10 -12".
        (ctx.is_punct(a, DASHES) && ctx.glued(a) == ctx.glued(a + 1))
            || ctx.is_punct(a, &["~"])
            || (!from
                && matches!(ctx.word(a), Some("to" | "through" | "thru"))
                && first.quantity != Quantity::Points
                && !after_change_verb(ctx, first.first))
    };
    if !joined {
        return None;
    }
    let b = a + 1;
    let word_number = ctx.word(b).is_some_and(numword::starts_number);
    if !matches!(ctx.kind(b), Some(Kind::Number) | Some(Kind::Punct)) && !word_number {
        return None;
    }
    let second = read_simple(ctx, first_number_at(ctx, b)?)?;
    if second.first != b || unit_word.is_some_and(|u| ctx.word(second.after) != Some(u)) {
        return None;
    }
    // "8% to $13bn" joins two different quantities: no range.
    let count = Quantity::Count;
    if first.quantity != count && second.quantity != count && first.quantity != second.quantity {
        return None;
    }
    if first.currency.is_some() && second.currency.is_some() && first.currency != second.currency {
        return None;
    }
    // Ends marked as different kinds are two figures: "up 15% to $92m".
    let marked = |s: &Simple| s.quantity != Quantity::Count || s.currency.is_some();
    if marked(first)
        && marked(&second)
        && (first.quantity != second.quantity || first.currency != second.currency)
    {
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

/// Whether a verb of change stands right before the figure at `first`:
/// "rose 5% to 40%" is a change and a level, not a range.
fn after_change_verb(ctx: &Context, first: usize) -> bool {
    let mut k = first;
    if k > 0
        && matches!(
            ctx.word(k - 1),
            Some("by" | "some" | "about" | "around" | "nearly")
        )
    {
        k -= 1;
    }
    k > 0
        && ctx.word(k - 1).is_some_and(|w| {
            matches!(w, "up" | "down" | "higher" | "lower") || words::is_change_verb(w)
        })
}

/// The token of the digits at or right after `i` (past a currency sign).
fn first_number_at(ctx: &Context, i: usize) -> Option<usize> {
    (i..i + 3).find(|&j| {
        ctx.kind(j) == Some(Kind::Number) || ctx.word(j).is_some_and(numword::starts_number)
    })
}

/// The number itself, before its currency, sign and percent are read.
struct Core {
    value: Option<Decimal>,
    rounding: Decimal,
    /// The digits as written, or the value for a spelled number: what the
    /// percent precision is read from.
    digits: String,
    /// The token after the number (and after a scale word a spelled number
    /// holds).
    after: usize,
    /// The scale a spelled number or fraction already holds.
    exponent: u32,
    /// Written in words (or digits joined to words): no scale suffix follows.
    spelled: bool,
    vague: Option<(Decimal, Decimal)>,
    share_of: Option<u32>,
    problem: Option<String>,
}

/// Vulgar fraction characters and their values in eighths... as
/// numerator/denominator pairs.
fn vulgar(c: &str) -> Option<(u32, u32)> {
    // All of them are outside ASCII; this is asked of every token.
    if c.as_bytes().first().is_none_or(u8::is_ascii) {
        return None;
    }
    Some(match c {
        "½" => (1, 2),
        "⅓" => (1, 3),
        "⅔" => (2, 3),
        "¼" => (1, 4),
        "¾" => (3, 4),
        "⅕" => (1, 5),
        "⅖" => (2, 5),
        "⅗" => (3, 5),
        "⅘" => (4, 5),
        "⅙" => (1, 6),
        "⅚" => (5, 6),
        "⅛" => (1, 8),
        "⅜" => (3, 8),
        "⅝" => (5, 8),
        "⅞" => (7, 8),
        _ => return None,
    })
}

/// A plain integer token's value.
fn plain_int(ctx: &Context, k: usize) -> Option<u32> {
    let raw = ctx.raw_at(k)?;
    if ctx.kind(k) != Some(Kind::Number)
        || !raw.bytes().all(|b| b.is_ascii_digit())
        || raw.len() > 6
    {
        return None;
    }
    raw.parse().ok()
}

/// "3/4", "2 1/4", "1½": a number with a fraction, from the digits at `i`.
fn read_digit_fraction(ctx: &Context, i: usize) -> Option<Core> {
    let n = plain_int(ctx, i)?;
    let frac_core = |whole: u32, num: u32, den: u32, after: usize| {
        if den == 0 || num >= den && whole > 0 {
            return None;
        }
        let v = Decimal::from(whole) + Decimal::from(num) / Decimal::from(den);
        Some(Core {
            value: Some(v),
            // "2 1/4" is stated to the nearest quarter.
            rounding: Decimal::ONE / Decimal::from(2 * den),
            digits: String::new(),
            after,
            exponent: 0,
            spelled: true,
            vague: None,
            share_of: (whole == 0).then_some(den),
            problem: None,
        })
    };
    // "1½"
    if ctx.glued(i + 1)
        && let Some((a, b)) = ctx.raw_at(i + 1).and_then(vulgar)
    {
        return frac_core(n, a, b, i + 2);
    }
    // "3/4" and "2 1/4" (not "24/7" or dates, which have larger parts).
    let slash_at = |k: usize| {
        ctx.is_punct(k + 1, &["/"])
            && ctx.glued(k + 1)
            && ctx.glued(k + 2)
            && plain_int(ctx, k + 2).is_some()
            && !ctx.is_punct(k + 3, &["/"])
    };
    if slash_at(i) {
        let d = plain_int(ctx, i + 2)?;
        if n < d && d <= 100 {
            return frac_core(0, n, d, i + 3);
        }
        return None;
    }
    if !ctx.glued(i + 1) && slash_at(i + 1) && n < 1000 {
        let (a, b) = (plain_int(ctx, i + 1)?, plain_int(ctx, i + 3)?);
        if a < b && b <= 100 {
            return frac_core(n, a, b, i + 4);
        }
    }
    None
}

/// Reads the number itself at token `i`: digits, digits with a fraction,
/// or a phrase of number words.
fn read_core(ctx: &Context, i: usize) -> Option<Core> {
    let from_spelled = |sp: numword::Spelled| Core {
        value: if sp.vague.is_some() {
            None
        } else {
            Some(sp.value)
        },
        rounding: sp.rounding,
        digits: sp.value.normalize().to_string(),
        after: sp.after,
        exponent: sp.exponent,
        spelled: true,
        vague: sp.vague,
        share_of: sp.share_of,
        problem: None,
    };
    if ctx.kind(i) == Some(Kind::Word) {
        let sp = numword::read(ctx, i)?;
        let ratio = ratio_after(ctx, i, Some(sp.value)).is_some() && sp.after == i + 1;
        if !ratio && !spelled_is_figure(ctx, i, &sp) {
            return None;
        }
        return Some(from_spelled(sp));
    }
    if let Some(c) = read_digit_fraction(ctx, i) {
        return Some(c);
    }
    // A fraction character on its own: "⅔", "½ tbsp".
    if let Some((n, d)) = ctx.raw_at(i).and_then(vulgar) {
        return Some(Core {
            value: Some(Decimal::from(n) / Decimal::from(d)),
            rounding: Decimal::ZERO,
            digits: String::new(),
            after: i + 1,
            exponent: 0,
            spelled: true,
            vague: None,
            share_of: Some(d),
            problem: None,
        });
    }
    // Digits that lead a phrase: "4 thousand 3 hundred and 21", "322
    // hundred", "3 million and a half". Digits and one scale word keep the
    // digits' own precision ("1.40 million"), so they are read below.
    if let Some(sp) = numword::read(ctx, i)
        && (sp.after > i + 2 || matches!(ctx.word(i + 1), Some("hundred" | "dozen")))
    {
        return Some(from_spelled(sp));
    }
    let raw = ctx.raw(i);
    let digits: String = if raw.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
        raw.to_string()
    } else {
        raw.chars()
            .filter(|c| c.is_ascii_digit() || *c == '.')
            .collect()
    };
    let (value, problem) = match Decimal::from_str(&digits) {
        Ok(v) => (Some(v), None),
        Err(_) => (
            None,
            Some(format!("{raw}: too many digits to read exactly")),
        ),
    };
    let rounding = written_rounding(&digits);
    Some(Core {
        value,
        rounding,
        digits,
        after: i + 1,
        exponent: 0,
        spelled: false,
        vague: None,
        share_of: None,
        problem,
    })
}

/// Ordinal words: "first", "twenty-fifth", "hundredth", "millionths".
fn is_ordinal_word(w: &str) -> bool {
    let w = w.strip_suffix('s').unwrap_or(w);
    matches!(
        w,
        "first" | "second" | "third" | "fifth" | "eighth" | "ninth" | "twelfth" | "nineth"
    ) || (w.ends_with("th")
        && (numword::starts_number(&w[..w.len() - 2])
            || tens_of_ordinal(w)
            || matches!(
                &w[..w.len() - 2],
                "hundred" | "thousand" | "million" | "billion" | "trillion"
            )))
}

/// Whether an ordinal in "-ieth" or "-th" is made from a word for tens
/// ("twentieth" from "twenty"). Every word ending in "th" ("month",
/// "growth") is asked, so the "-y" form is built on the stack: no word that
/// starts a number is as long as the buffer.
fn tens_of_ordinal(w: &str) -> bool {
    let stem = w.trim_end_matches("ieth").trim_end_matches("th").as_bytes();
    let mut buf = [0u8; 16];
    if stem.len() >= buf.len() {
        return false;
    }
    buf[..stem.len()].copy_from_slice(stem);
    buf[stem.len()] = b'y';
    std::str::from_utf8(&buf[..=stem.len()]).is_ok_and(numword::starts_number)
}

/// Whether a spelled number at `i` states a quantity. "one" is often a
/// pronoun ("the one you want", "one of them"), a number word glued by a
/// hyphen to a noun is a modifier ("a three-year deal"), one before an
/// ordinal is part of it ("twenty-first"), and a capitalised number word
/// inside a sentence is a name ("Formula One").
fn spelled_is_figure(ctx: &Context, i: usize, sp: &numword::Spelled) -> bool {
    let after = sp.after;
    // "one-off", "one-time"; "fifty-fifty".
    let hyphened = ctx.is_punct(after, &["-"]) && ctx.glued(after) && ctx.glued(after + 1);
    if hyphened
        && (ctx.word(i) == Some("one") && after == i + 1
            || ctx.word(after + 1).is_some_and(numword::starts_number))
    {
        return false;
    }
    let next_word = if hyphened { after + 1 } else { after };
    if ctx.word(next_word).is_some_and(is_ordinal_word) {
        return false;
    }
    if i > 0 && ctx.capitalised(i) && ctx.kind(i - 1) == Some(Kind::Word) {
        return false;
    }
    if ctx.word(i) == Some("one") && after == i + 1 {
        let before = if i > 0 { ctx.word(i - 1) } else { None };
        let pronoun_before = matches!(
            before,
            Some(
                "the"
                    | "this"
                    | "that"
                    | "which"
                    | "no"
                    | "any"
                    | "every"
                    | "each"
                    | "a"
                    | "another"
                    | "someone"
                    | "anyone"
                    | "only"
                    | "last"
                    | "next"
                    | "little"
                    | "big"
                    | "new"
                    | "old"
                    | "right"
                    | "wrong"
                    | "such"
            )
        );
        let pronoun_after = match ctx.word(after) {
            Some(w) => {
                matches!(
                    w,
                    "of" | "another"
                        | "or"
                        | "by"
                        | "day"
                        | "way"
                        | "thing"
                        | "time"
                        | "last"
                        | "you"
                        | "is"
                        | "was"
                        | "has"
                        | "had"
                        | "who"
                        | "which"
                        | "that"
                        | "would"
                        | "could"
                        | "should"
                        | "will"
                        | "can"
                        | "might"
                        | "must"
                        | "does"
                        | "did"
                        | "and"
                        | "in"
                        | "on"
                        | "at"
                        | "to"
                        | "for"
                        | "with"
                        | "more"
                        | "too"
                ) || w.ends_with("ly")
            }
            None => ctx.is_punct(after, &["?", "!", ","]),
        };
        if pronoun_before || pronoun_after {
            return false;
        }
    }
    true
}

/// Reads the number at token `i` with its sign, currency, scale and percent.
fn read_simple(ctx: &Context, i: usize) -> Option<Simple> {
    let core = read_core(ctx, i)?;
    let mut value = core.value;
    let mut rounding = core.rounding;
    let digits = core.digits;
    let problem = core.problem;

    let (mut first, mut currency, sign_inside) = currency_before(ctx, i);
    // A sign glued to the number (or its currency), with space before it,
    // or a word: "minus 5", "negative one".
    let sign_word = first > 0 && matches!(ctx.word(first - 1), Some("minus" | "negative"));
    let sign_char = first > 0
        && ctx.is_punct(first - 1, &["-", "−", "–"])
        && ctx.glued(first)
        && (first == 1 || !ctx.glued(first - 1) || ctx.is_punct(first - 2, &["("]))
        && !matches!(ctx.kind(first.wrapping_sub(2)), Some(Kind::Number));
    let mut negative = sign_word || sign_char;
    if negative {
        first -= 1;
    }
    negative |= sign_inside;

    let mut after = core.after;
    let mut exponent = core.exponent;
    let mut share_of = core.share_of;
    if share_of.is_none()
        && core.exponent == 0
        && core.vague.is_none()
        && let Some((den, next)) = ratio_after(ctx, i, core.value)
    {
        value = value.map(|v| v / Decimal::from(den));
        share_of = Some(den);
        after = next;
    }
    if let Some(w) = ctx
        .word(after)
        .filter(|_| !core.spelled && share_of.is_none())
    {
        if ctx.glued(after) {
            if let Some(e) = words::scale_suffix(w) {
                // "5mm" is millimetres unless it is money ("US$ 1MM").
                let millimetres = w == "mm" && currency.is_none();
                let metres = millimetres
                    || w == "m"
                        && currency.is_none()
                        && ctx
                            .word(after + 1)
                            .is_some_and(|n| words::METRE_CONTEXT.contains(n));
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
    let mut factor = Decimal::from_i128_with_scale(10i128.pow(exponent), 0);
    if exponent > 0 && !core.spelled {
        value = value.and_then(|v| v.checked_mul(factor));
        rounding = rounding.checked_mul(factor).unwrap_or(rounding);
    }

    let mut quantity = if currency.is_some() {
        Quantity::Money
    } else {
        Quantity::Count
    };
    // Percent: "%", "per cent", "percent", "pc", "pct".
    let percentage_word = ctx.word(after) == Some("percentage")
        && !matches!(ctx.word(after + 1), Some("point" | "points"));
    if ctx.is_punct(after, &["%"])
        || matches!(ctx.word(after), Some("percent" | "percents" | "pct"))
        || percentage_word
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
    // "5 points" in a sentence about percentages.
    if quantity == Quantity::Count
        && currency.is_none()
        && matches!(ctx.word(after), Some("point" | "points"))
        && value.is_some_and(|v| v.abs() < Decimal::ONE_HUNDRED)
        && ctx.has_percent()
    {
        quantity = Quantity::Points;
        after += 1;
    }
    // A currency named after the figure: "5m euros", "40 US dollars",
    // "10 €", "50 cents", "420 million Finnish markka".
    if currency.is_none()
        && quantity == Quantity::Count
        && let Some((c, len)) = currency_after(ctx, after)
    {
        currency = Some(c);
        quantity = Quantity::Money;
        after += len;
    }
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
    // A scale after the currency: "75 USD million", and the business
    // shorthand "30 MUSD", "120 MEUR".
    let mut late = 0;
    if quantity == Quantity::Money && exponent == 0 && !core.spelled {
        if let Some(e) = ctx.word(after).and_then(words::scale_word) {
            late = e;
            after += 1;
        }
    } else if currency.is_none()
        && quantity == Quantity::Count
        && exponent == 0
        && let Some(w) = ctx.word(after)
        && w.len() == 4
        && let Some(code) = w.strip_prefix('m').and_then(words::currency_code)
    {
        currency = Some(code);
        quantity = Quantity::Money;
        late = 6;
        after += 1;
    }
    if late > 0 {
        exponent = late;
        factor = Decimal::from_i128_with_scale(10i128.pow(late), 0);
        value = value.and_then(|v| v.checked_mul(factor));
        rounding = rounding.checked_mul(factor).unwrap_or(rounding);
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
    // A share written as a fraction or ratio is a percentage of its whole.
    if share_of.is_some() && quantity == Quantity::Count {
        quantity = Quantity::Percent;
        value = value.and_then(|v| v.checked_mul(Decimal::ONE_HUNDRED));
        rounding = Decimal::from(25) / Decimal::from(share_of.unwrap_or(1));
    }
    if !negative && accounting_negative(ctx, first, after, currency.is_some(), exponent > 0) {
        negative = true;
        first -= 1;
        after += 1;
    }
    if negative {
        value = value.map(|v| -v);
    }
    let start = ctx.tokens[first].start;
    let end = ctx.tokens[after - 1].end;
    // Digits that read but overflow once scaled must say why the figure
    // has no value, like digits that do not read at all.
    let problem = problem.or_else(|| {
        (core.value.is_some() && value.is_none())
            .then(|| format!("{}: too large to read exactly", &ctx.text[start..end]))
    });
    Some(Simple {
        first,
        after,
        start,
        end,
        value,
        rounding,
        quantity,
        currency,
        factor,
        problem,
        vague: core.vague,
        share: share_of.is_some(),
    })
}

/// The currency written before the digits at `i`: "$", "US$", "C$",
/// "MXN$", "£", "USD ", "$ 75" (spaced, as wire copy is sometimes
/// tokenised), "$-99.99". Returns the figure's first token, the currency
/// and whether a sign stood between symbol and digits.
fn currency_before(ctx: &Context, i: usize) -> (usize, Option<&'static str>, bool) {
    let floor = ctx.free_from.get();
    let mut sym = i;
    let mut sign = false;
    if i >= 2 + floor
        && ctx.is_punct(i - 1, &["-", "−"])
        && ctx.glued(i)
        && ctx.glued(i - 1)
        && words::currency_symbol(None, ctx.tok(i - 2).unwrap_or("")).is_some()
    {
        sym = i - 1;
        sign = true;
    }
    if sym > floor && ctx.kind(sym - 1) == Some(Kind::Punct) {
        let s = sym - 1;
        let symbol = ctx.tok(s).unwrap_or("");
        let glued = ctx.glued(sym);
        if words::currency_symbol(None, symbol).is_none() && !(glued && symbol == "$") {
            return (i, None, false);
        }
        // A country prefix: glued ("US$", "C$"), or spaced when it cannot be
        // an article ("hk $", "us $").
        if s > floor
            && let Some(p) = ctx.word(s - 1)
            && (ctx.glued(s)
                || p == "c"
                || p.len() >= 2 && !matches!(p, "as" | "at" | "is" | "in" | "to"))
            && let Some(c) = words::currency_symbol(Some(p), symbol)
        {
            return (s - 1, Some(c), sign);
        }
        if let Some(c) = words::currency_symbol(None, symbol) {
            return (s, Some(c), sign);
        }
        return (i, None, false);
    }
    if i > floor
        && let Some(c) = ctx.word(i - 1).and_then(words::currency_code)
    {
        return (i - 1, Some(c), false);
    }
    (i, None, false)
}

/// A currency written after a figure that ends before `after`: a symbol
/// ("10 €", unless it leads the next figure), a sub-unit ("50 cents",
/// "47p") or a currency name after a nationality ("125 million Australian
/// dollars"). Returns the currency and how many tokens it takes.
fn currency_after(ctx: &Context, after: usize) -> Option<(&'static str, usize)> {
    if ctx.kind(after) == Some(Kind::Punct) {
        let c = words::currency_symbol(None, ctx.tok(after)?)?;
        // "$ 20 $ 37": a symbol before digits belongs to them, unless the
        // copy puts every symbol after its figure ("10 $ 30 $").
        let next_is_number = ctx.kind(after + 1) == Some(Kind::Number);
        let trailing_style = next_is_number
            && ctx
                .tok(after + 2)
                .is_some_and(|t| t == ctx.tok(after).unwrap_or(""));
        return (!next_is_number || trailing_style).then_some((c, 1));
    }
    let w = ctx.word(after)?;
    if let Some(c) = words::currency_subunit(w).filter(|_| w != "p" || ctx.glued(after)) {
        return Some((c, 1));
    }
    if let Some((c, len)) =
        words::currency_phrase(ctx.word(after)?, ctx.word(after + 1), ctx.word(after + 2))
    {
        return Some((c, len));
    }
    None
}

/// Accounts write a negative amount in brackets: "Net loss (3.2m)". A
/// bracketed amount right after another figure is a conversion ("£3bn
/// ($3.9bn)"), not a negative.
/// Without a currency, only a line item of accounts ("Net loss (3.2m)")
/// makes a scaled figure negative: in prose, "journeys (15.3 million)"
/// restates a count.
fn accounting_negative(
    ctx: &Context,
    first: usize,
    after: usize,
    currency: bool,
    scaled: bool,
) -> bool {
    let line_item = first >= 2
        && ctx
            .word(first - 2)
            .is_some_and(|w| ACCOUNT_LINES.contains(&w));
    if !(currency || scaled && line_item)
        || first == 0
        || !ctx.is_punct(first - 1, &["("])
        || !ctx.glued(first)
        || !ctx.is_punct(after, &[")"])
        || !ctx.glued(after)
    {
        return false;
    }
    if first == 1 || ctx.tokens[first - 1].line_break {
        return true;
    }
    let prev = first - 2;
    match ctx.word(prev) {
        Some(w) => {
            words::scale_word(w).is_none()
                && words::scale_suffix(w).is_none()
                && words::currency_name(w).is_none()
                && words::currency_code(w).is_none()
                && !numword::starts_number(w)
                && !matches!(w, "percent" | "cent" | "pc" | "points")
        }
        None => ctx.is_punct(prev, &[":", "|"]),
    }
}

/// "one in five", "3 in 10", "one in every four": the denominator of a
/// ratio after the integer at `i`, and the token after it.
fn ratio_after(ctx: &Context, i: usize, value: Option<Decimal>) -> Option<(u32, usize)> {
    let x = value?;
    if ctx.word(i + 1) != Some("in") || !x.fract().is_zero() || x < Decimal::ONE {
        return None;
    }
    let mut k = i + 2;
    if ctx.word(k) == Some("every") {
        k += 1;
    }
    let (y, next) = if let Some(y) = plain_int(ctx, k) {
        (y, k + 1)
    } else {
        let sp = numword::read(ctx, k)?;
        let y = u32::try_from(sp.value.trunc().mantissa()).ok()?;
        if sp.vague.is_some() || sp.share_of.is_some() || !sp.value.fract().is_zero() {
            return None;
        }
        (y, sp.after)
    };
    let stops = ctx.is_punct(next, &["%", "/", "-"])
        || ctx.word(next).is_some_and(|w| {
            words::scale_word(w).is_some()
                || crate::calendar::is_month_word(w)
                || TIME_UNITS.contains(&w)
        });
    (Decimal::from(y) > x && y <= 1000 && !stops).then_some((y, next))
}

/// Line items of accounts that may carry a bracketed negative amount.
const ACCOUNT_LINES: &[&str] = &[
    "loss",
    "losses",
    "profit",
    "profits",
    "income",
    "revenue",
    "earnings",
    "result",
    "ebitda",
    "ebit",
    "cash",
    "flow",
    "balance",
    "deficit",
    "surplus",
    "margin",
    "expenses",
    "costs",
    "tax",
    "total",
    "net",
    "equity",
    "debt",
    "assets",
    "liabilities",
];

/// Units of time: "3 in 10 days" is no ratio.
const TIME_UNITS: &[&str] = &[
    "second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks",
    "month", "months", "year", "years", "decade", "decades", "games", "matches", "races",
];

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
    // The longest phrase wins: "no more than" over "more than".
    let mut best: Option<(Qualifier, Shape, usize)> = None;
    let last = ctx.word(first.checked_sub(1)?)?;
    for (phrase, q, shape) in words::pre_qualifiers_ending(last) {
        let n = phrase.len();
        if first < n {
            continue;
        }
        let from = first - n;
        // "some of the 300" and "over the last 6 months" have words between.
        if (0..n).all(|k| ctx.word(from + k) == Some(phrase[k]))
            && best.is_none_or(|(_, _, b)| from < b)
        {
            best = Some((*q, *shape, from));
        }
    }
    best
}

/// A qualifier right after the figure: its meaning, shape and end token.
fn post_qualifier(ctx: &Context, after: usize) -> Option<(Qualifier, Shape, usize)> {
    for (phrase, q, shape) in words::post_qualifiers_starting(ctx.word(after)?) {
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
            || words::currency_code(w).is_some()
            || matches!(w, "pc" | "percent" | "p");
        if matches!(
            w,
            "st" | "nd" | "rd" | "th" | "s" | "am" | "pm" | "h" | "hrs" | "gmt" | "bst" | "utc"
        ) || !known
        {
            return Some(2);
        }
    }
    // Powers: "10^30", "2^64". Neither side is a figure, and the power
    // itself is beyond what a story states as a count.
    // (Glued first: most figures are followed by a space, and that test is
    // the cheapest.)
    if glued_next
        && ctx.is_punct(i + 1, &["^"])
        && ctx.kind(i + 2) == Some(Kind::Number)
        && ctx.glued(i + 2)
    {
        return Some(3);
    }
    // Times: "14:00", "3.30 pm", "9 a.m.".
    if glued_next
        && ctx.is_punct(i + 1, &[":"])
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
    let punct_next = glued_next && ctx.kind(i + 1) == Some(Kind::Punct);
    for sep in ["/", "-", "."] {
        if punct_next
            && ctx.is_punct(i + 1, &[sep])
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
    // "24/7", "1/0": digits around a slash that make no fraction.
    if plain
        && glued_next
        && ctx.is_punct(i + 1, &["/"])
        && ctx.glued(i + 2)
        && ctx.kind(i + 2) == Some(Kind::Number)
        && read_digit_fraction(ctx, i).is_none()
    {
        return Some(3);
    }
    // "555-1234": a phone number.
    if plain
        && len == 3
        && glued_next
        && ctx.is_punct(i + 1, &["-"])
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
            if glued_next
                && ctx.is_punct(i + 1, &["-", "–", "/"])
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
    // A version: "version 2.1".
    if i > 0 && !plain && matches!(prev_word, Some("version" | "v" | "release")) {
        return Some(1);
    }
    // Labels: "page 5", "No. 10", "Windows 10", "ISO 9001".
    if plain && i > 0 {
        let w = if ctx.is_punct(i - 1, &["."]) && i > 1 {
            ctx.word(i - 2)
        } else {
            prev_word
        };
        if w.is_some_and(|w| words::LABEL_WORDS.contains(w)) && !is_quantity_after(ctx, i + 1) {
            return Some(1);
        }
        // A capitalised name right before: "Apollo 11", "Boeing 737".
        if prev_word.is_some()
            && i > 1
            && ctx.capitalised(i - 1)
            && prev_word.and_then(words::currency_code).is_none()
            && !crate::calendar::is_month_word(prev_word.unwrap_or(""))
            && prev_word.is_some_and(|w| words::pre_qualifiers_ending(w).is_empty())
            && !is_quantity_after(ctx, i + 1)
        {
            return Some(1);
        }
    }
    // Street addresses: "10 Downing Street", "221B Baker St".
    if plain && is_address(ctx, i + 1) {
        return Some(1);
    }
    // Sports scores: "won 3-1".
    if plain
        && glued_next
        && ctx.is_punct(i + 1, &["-", "–"])
        && ctx.kind(i + 2) == Some(Kind::Number)
        && ctx.glued(i + 2)
    {
        let lookback = i.saturating_sub(6);
        let context = (lookback..i).any(|k| {
            ctx.word(k)
                .is_some_and(|w| words::SCORE_CONTEXT.contains(w))
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

/// Whether capitalised words from `j` end in a street-type word.
fn is_address(ctx: &Context, j: usize) -> bool {
    (j..j + 3)
        .take_while(|&k| ctx.capitalised(k))
        .any(|k| ctx.word(k).is_some_and(|w| words::STREET_WORDS.contains(w)) && k > j)
}

/// Whether the four-digit number at `i` is a year.
fn is_year(ctx: &Context, i: usize) -> bool {
    // A currency sign or code, or a scale, makes it an amount.
    if i > 0
        && (ctx.is_punct(i - 1, &["$", "£", "€", "¥"])
            || ctx.word(i - 1).and_then(words::currency_code).is_some())
    {
        return false;
    }
    if ctx.is_punct(i + 1, &["%"])
        || ctx.word(i + 1).is_some_and(|w| {
            words::scale_word(w).is_some() || matches!(w, "percent" | "per" | "pct")
        })
        || ctx.glued(i + 1)
            && ctx
                .word(i + 1)
                .is_some_and(|w| words::scale_suffix(w).is_some() || matches!(w, "pc" | "pct"))
    {
        return false;
    }
    // "1000-5000": a span of years ends in a year.
    if ctx.is_punct(i + 1, &["-", "–", "/"])
        && ctx.kind(i + 2) == Some(Kind::Number)
        && let Some(t) = ctx.tok(i + 2)
    {
        let here: u32 = ctx.tok(i).and_then(|t| t.parse().ok()).unwrap_or(0);
        let year_end = t.len() == 2
            || t.len() == 4 && t.parse::<u32>().is_ok_and(|v| (here..=2199).contains(&v));
        if !year_end {
            return false;
        }
    }
    let prev = if i > 0 { ctx.word(i - 1) } else { None };
    if prev.is_some_and(|w| words::YEAR_CONTEXT.contains(w) || crate::calendar::is_month_word(w)) {
        return true;
    }
    // "2015 accounts": a count when a plural noun follows.
    !ctx.word(i + 1).is_some_and(|w| {
        w.len() > 3 && w.ends_with('s') && !words::NOT_UNITS.contains(w) || w == "people"
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tens_of_ordinals_are_read_as_the_words_they_come_from() {
        let by_format = |w: &str| {
            numword::starts_number(&format!(
                "{}y",
                w.trim_end_matches("ieth").trim_end_matches("th")
            ))
        };
        let words = [
            "twentieth",
            "thirtieth",
            "fortieth",
            "ninetieths",
            "month",
            "growth",
            "th",
            "ieth",
            "eighth",
            "seventieth",
            "a-very-long-word-that-ends-in-th",
            "fifteen-character-th",
            "zürich-th",
        ];
        for w in words {
            assert_eq!(tens_of_ordinal(w), by_format(w), "{w}");
        }
        assert!(tens_of_ordinal("twentieth") && !tens_of_ordinal("month"));
    }
}

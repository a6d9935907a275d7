//! The report's records written as JSON by hand, for `--format json` and
//! `--format jsonl`.
//!
//! Most of a report's bytes are claim records, and through serde each of
//! their thirty keys is escaped again for every claim and each number is a
//! string on the heap. Here a key is a constant copied as it stands, and
//! strings are copied in runs between the rare bytes that need escaping.
//! The serde derives on the record types remain the specification: the
//! tests below check that both give the same bytes, field for field.

use super::{
    CheckRecord, ClaimRecord, ClaimStatus, Day, DocumentInfo, Excerpt, Id, Num, PeriodInfo,
    ReadingInfo, Summary, iso_bytes,
};
use crate::extract::{Qualifier, Quantity};
use crate::input::DateSource;
use crate::reconcile::{Severity, Status};
use std::io::Write;

/// The indentation of a nesting level in pretty output.
macro_rules! indent {
    (1) => {
        "  "
    };
    (2) => {
        "    "
    };
    (3) => {
        "      "
    };
    (4) => {
        "        "
    };
    (5) => {
        "          "
    };
    (6) => {
        "            "
    };
}
pub(crate) use indent;

/// An object key, and the level its object's members have in `--format
/// json` (the record's place in the report), so that there the comma, line
/// break, indentation and key are one constant copied in one go: keys are
/// most of a report's bytes. Elsewhere (compact output, other levels) the
/// key's own part is cut from it.
macro_rules! k {
    ($level:tt, $name:literal) => {
        $crate::report::encode::Key {
            level: $level,
            pretty: concat!(
                ",\n",
                $crate::report::encode::indent!($level),
                "\"",
                $name,
                "\": "
            ),
        }
    };
}
pub(crate) use k;

/// See [`k!`]: `pretty` is `,\n`, the indentation of `level` and `"name": `.
#[derive(Clone, Copy)]
pub struct Key {
    pub level: usize,
    pub pretty: &'static str,
}

impl Key {
    /// `"name": `.
    #[inline(always)]
    fn name(self) -> &'static [u8] {
        self.pretty
            .as_bytes()
            .get(2 + 2 * self.level..)
            .unwrap_or(b"")
    }
}

/// Where a value goes: the buffer, and the nesting level of the value for
/// pretty output (two spaces per level), or `None` for compact output.
pub struct Out<'a> {
    pub buf: &'a mut Vec<u8>,
    pub level: Option<usize>,
    /// Where ids leave their numbers out, for a rendering whose ids are
    /// moved on later ([`Mark`]); `None` writes them whole.
    pub marks: Option<&'a mut Vec<Mark>>,
}

impl<'a> Out<'a> {
    /// Ids written whole.
    pub fn new(buf: &'a mut Vec<u8>, level: Option<usize>) -> Out<'a> {
        Out {
            buf,
            level,
            marks: None,
        }
    }

    /// An id as a JSON string, `"c3"`, or with its number left out and
    /// marked.
    #[inline(always)]
    fn id<const P: char>(self, v: Id<P>) {
        match self.marks {
            None => id(self.buf, v),
            Some(marks) => {
                id_prefix::<P>(self.buf);
                marks.push(Mark {
                    at: self.buf.len(),
                    prefix: P,
                    n: v.0,
                });
                self.buf.push(b'"');
            }
        }
    }
}

/// An id whose number a rendering left out: where the number goes, the
/// id's prefix (`c` for claims, `k` for checks) and its number within its
/// own report, to which the run adds the count of those before it (as
/// [`super::Report::renumber`] does).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub at: usize,
    pub prefix: char,
    pub n: usize,
}

/// A comma, a line break and spaces: the separators of pretty output are
/// slices of it.
const SEPARATOR: &[u8] = b",\n                                                                ";

/// A line break and the indentation of `level`.
pub fn newline_indent(buf: &mut Vec<u8>, level: usize) {
    separator(buf, false, level);
}

/// An optional comma, a line break and the indentation of `level`.
#[inline(always)]
fn separator(buf: &mut Vec<u8>, comma: bool, level: usize) {
    let from = usize::from(!comma);
    let mut spaces = level * 2;
    if spaces <= SEPARATOR.len() - 2 {
        // Copy a block of constant length and cut it back: the compiler
        // turns a constant-length copy into a few vector moves instead of
        // a call, and this runs for every key of every record.
        let len = buf.len() + 2 - from + spaces;
        buf.extend_from_slice(&SEPARATOR[from..from + SEPARATOR.len() - 1]);
        buf.truncate(len);
        return;
    }
    buf.extend_from_slice(&SEPARATOR[from..]);
    spaces -= SEPARATOR.len() - 2;
    while spaces > 0 {
        let k = spaces.min(SEPARATOR.len() - 2);
        buf.extend_from_slice(&SEPARATOR[2..2 + k]);
        spaces -= k;
    }
}

/// An object or array being written: separators and indentation between
/// its members, as serde_json's pretty and compact formatters place them.
pub struct Seq<'a> {
    buf: &'a mut Vec<u8>,
    /// The level of the members, when pretty.
    level: Option<usize>,
    marks: Option<&'a mut Vec<Mark>>,
    close: u8,
    empty: bool,
}

impl<'a> Seq<'a> {
    fn open(out: Out<'a>, open: u8, close: u8) -> Seq<'a> {
        out.buf.push(open);
        Seq {
            buf: out.buf,
            level: out.level.map(|l| l + 1),
            marks: out.marks,
            close,
            empty: true,
        }
    }

    pub fn object(out: Out<'a>) -> Seq<'a> {
        Seq::open(out, b'{', b'}')
    }

    pub fn array(out: Out<'a>) -> Seq<'a> {
        Seq::open(out, b'[', b']')
    }

    /// The separator before the next member.
    #[inline(always)]
    fn next(&mut self) {
        let comma = !self.empty;
        self.empty = false;
        match self.level {
            Some(level) => separator(self.buf, comma, level),
            None if comma => self.buf.push(b','),
            None => {}
        }
    }

    /// The next array element's place.
    pub fn element(&mut self) -> Out<'_> {
        self.next();
        Out {
            buf: self.buf,
            level: self.level,
            marks: self.marks.as_deref_mut(),
        }
    }

    /// The next object member's key (from `k!`), and the place for its
    /// value.
    #[inline(always)]
    pub fn key(&mut self, key: Key) -> Out<'_> {
        let comma = !self.empty;
        self.empty = false;
        match self.level {
            Some(level) if level == key.level => {
                let all = key.pretty.as_bytes();
                if comma {
                    self.buf.extend_from_slice(all);
                } else {
                    self.buf.extend_from_slice(all.get(1..).unwrap_or(b""));
                }
            }
            Some(level) => {
                separator(self.buf, comma, level);
                self.buf.extend_from_slice(key.name());
            }
            None => {
                if comma {
                    self.buf.push(b',');
                }
                let name = key.name();
                self.buf
                    .extend_from_slice(name.get(..name.len() - 1).unwrap_or(b""));
            }
        }
        Out {
            buf: self.buf,
            level: self.level,
            marks: self.marks.as_deref_mut(),
        }
    }

    #[inline(always)]
    pub fn str(&mut self, key: Key, v: &str) {
        string(self.key(key).buf, v);
    }

    #[inline(always)]
    pub fn opt_str(&mut self, key: Key, v: Option<&str>) {
        match v {
            Some(v) => self.str(key, v),
            None => self.raw(key, "null"),
        }
    }

    #[inline(always)]
    pub fn bool(&mut self, key: Key, v: bool) {
        let buf = self.key(key).buf;
        // Two constant copies rather than one of either length.
        if v {
            buf.extend_from_slice(b"true");
        } else {
            buf.extend_from_slice(b"false");
        }
    }

    #[inline(always)]
    pub fn usize(&mut self, key: Key, v: usize) {
        let buf = self.key(key).buf;
        buf.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
    }

    #[inline(always)]
    pub fn number(&mut self, key: Key, v: Option<&Num>) {
        match v {
            Some(n) => number(self.key(key).buf, *n),
            None => self.raw(key, "null"),
        }
    }

    /// A value written as it stands (a literal or a name that needs no
    /// escaping).
    #[inline(always)]
    pub fn raw(&mut self, key: Key, v: &str) {
        self.key(key).buf.extend_from_slice(v.as_bytes());
    }

    /// A name from a fixed set, as a JSON string.
    #[inline(always)]
    pub fn name(&mut self, key: Key, v: &str) {
        let buf = self.key(key).buf;
        buf.push(b'"');
        buf.extend_from_slice(v.as_bytes());
        buf.push(b'"');
    }

    #[inline(always)]
    pub fn opt_day(&mut self, key: Key, v: Option<Day>) {
        match v {
            Some(d) => day(self.key(key).buf, d),
            None => self.raw(key, "null"),
        }
    }

    pub fn days(&mut self, key: Key, items: [Day; 2]) {
        let mut a = Seq::array(self.key(key));
        for d in items {
            day(a.element().buf, d);
        }
        a.close();
    }

    pub fn strings<S: AsRef<str>>(&mut self, key: Key, items: &[S]) {
        if items.is_empty() {
            // Most claims take part in no check.
            return self.raw(key, "[]");
        }
        let mut a = Seq::array(self.key(key));
        for s in items {
            string(a.element().buf, s.as_ref());
        }
        a.close();
    }

    /// An id as a JSON string ("c3").
    #[inline(always)]
    pub fn id<const P: char>(&mut self, key: Key, v: Id<P>) {
        self.key(key).id(v);
    }

    pub fn ids<const P: char>(&mut self, key: Key, items: &[Id<P>]) {
        if items.is_empty() {
            // Most claims take part in no check.
            return self.raw(key, "[]");
        }
        let mut a = Seq::array(self.key(key));
        for &v in items {
            a.element().id(v);
        }
        a.close();
    }

    /// Hands what is written so far to `w` once it is large, so a big
    /// report streams out instead of growing in memory.
    pub fn spill(&mut self, w: &mut dyn Write) -> std::io::Result<()> {
        if self.buf.len() >= 1 << 16 {
            w.write_all(self.buf)?;
            self.buf.clear();
        }
        Ok(())
    }

    pub fn close(self) {
        if !self.empty
            && let Some(level) = self.level
        {
            newline_indent(self.buf, level - 1);
        }
        self.buf.push(self.close);
    }
}

/// A number as [`Num`]'s `Display` writes it, from the decimal's digits
/// rather than through the formatting machinery.
pub fn number(buf: &mut Vec<u8>, n: Num) {
    let d = n.decimal();
    let scale = d.scale() as usize;
    let mantissa = d.mantissa();
    if mantissa == 0 {
        buf.push(b'0');
        return;
    }
    if mantissa < 0 {
        buf.push(b'-');
    }
    let mut digits = itoa::Buffer::new();
    // Formatting a u128 costs several times a u64's, and few figures need it.
    let abs = mantissa.unsigned_abs();
    let digits = match u64::try_from(abs) {
        Ok(small) => digits.format(small),
        Err(_) => digits.format(abs),
    }
    .as_bytes();
    if scale == 0 {
        buf.extend_from_slice(digits);
    } else if digits.len() > scale {
        let point = digits.len() - scale;
        buf.extend_from_slice(&digits[..point]);
        buf.push(b'.');
        buf.extend_from_slice(&digits[point..]);
    } else {
        buf.extend_from_slice(b"0.");
        buf.extend(std::iter::repeat_n(b'0', scale - digits.len()));
        buf.extend_from_slice(digits);
    }
}

/// A day as a JSON string, `"YYYY-MM-DD"`.
pub fn day(buf: &mut Vec<u8>, d: Day) {
    match iso_bytes(d.0) {
        Some(bytes) => {
            let mut quoted = [b'"'; 12];
            quoted[1..11].copy_from_slice(&bytes);
            buf.extend_from_slice(&quoted);
        }
        None => string(buf, &d.to_string()),
    }
}

/// An id as a JSON string, `"c3"`: the prefix is ASCII and never escaped.
pub fn id<const P: char>(buf: &mut Vec<u8>, v: Id<P>) {
    id_prefix::<P>(buf);
    buf.extend_from_slice(itoa::Buffer::new().format(v.0).as_bytes());
    buf.push(b'"');
}

/// An id's opening quote and prefix.
#[inline(always)]
fn id_prefix<const P: char>(buf: &mut Vec<u8>) {
    let mut prefix = [0u8; 4];
    buf.push(b'"');
    buf.extend_from_slice(P.encode_utf8(&mut prefix).as_bytes());
}

/// Which bytes a JSON string escapes, and how: 0 for none, `u` for
/// `\u00XX`, else the letter after the backslash (serde_json's table).
static ESCAPE: [u8; 256] = {
    let mut t = [0u8; 256];
    let mut i = 0;
    while i < 0x20 {
        t[i] = b'u';
        i += 1;
    }
    t[0x08] = b'b';
    t[0x09] = b't';
    t[0x0a] = b'n';
    t[0x0c] = b'f';
    t[0x0d] = b'r';
    t[b'"' as usize] = b'"';
    t[b'\\' as usize] = b'\\';
    t
};

/// `s` as a JSON string, escaped exactly as serde_json escapes it.
pub fn string(buf: &mut Vec<u8>, s: &str) {
    let bytes = s.as_bytes();
    buf.reserve(bytes.len() + 2);
    buf.push(b'"');
    if needs_escape(bytes) {
        escape_from(buf, bytes, 0);
    } else {
        buf.extend_from_slice(bytes);
    }
    buf.push(b'"');
}

/// Eight bytes as a word, when `chunk` has eight.
#[inline(always)]
fn word(chunk: &[u8]) -> Option<u64> {
    <[u8; 8]>::try_from(chunk).ok().map(u64::from_le_bytes)
}

/// Whether any byte of `w` is one that JSON escapes: below 0x20, `"` or
/// `\\`. Exact as a yes or no (the classic "has zero byte" tests).
#[inline(always)]
fn has_special(w: u64) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let zero_byte = |x: u64| x.wrapping_sub(ONES) & !x;
    let below_space = w.wrapping_sub(ONES * 0x20) & !w;
    let quote = zero_byte(w ^ (ONES * u64::from(b'"')));
    let backslash = zero_byte(w ^ (ONES * u64::from(b'\\')));
    (below_space | quote | backslash) & HIGH != 0
}

/// Whether `bytes` holds a byte that JSON escapes, tested eight at a time:
/// most strings in a report hold none, and are copied whole.
#[inline(always)]
fn needs_escape(bytes: &[u8]) -> bool {
    if bytes.len() < 8 {
        return bytes.iter().any(|&b| ESCAPE[b as usize] != 0);
    }
    // Whole words, then the last eight bytes (which may overlap the last
    // word).
    bytes
        .chunks_exact(8)
        .chain(bytes.get(bytes.len() - 8..))
        .any(|chunk| word(chunk).is_some_and(has_special))
}

/// The rest of `bytes` from `from`, escaped byte by byte.
fn escape_from(buf: &mut Vec<u8>, bytes: &[u8], from: usize) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    let mut run = from;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        let e = ESCAPE[b as usize];
        if e == 0 {
            continue;
        }
        buf.extend_from_slice(&bytes[run..i]);
        run = i + 1;
        match e {
            b'u' => buf.extend_from_slice(&[
                b'\\',
                b'u',
                b'0',
                b'0',
                HEX[(b >> 4) as usize],
                HEX[(b & 0xf) as usize],
            ]),
            _ => buf.extend_from_slice(&[b'\\', e]),
        }
    }
    buf.extend_from_slice(&bytes[run..]);
}

/// The serialised names of the report's enums, as their serde derives
/// spell them (checked in the tests).
pub fn qualifier(q: Qualifier) -> &'static str {
    match q {
        Qualifier::Exact => "exact",
        Qualifier::Approximate => "approximate",
        Qualifier::MoreThan => "more_than",
        Qualifier::AtLeast => "at_least",
        Qualifier::LessThan => "less_than",
        Qualifier::AtMost => "at_most",
    }
}

pub fn quantity(q: Quantity) -> &'static str {
    match q {
        Quantity::Count => "count",
        Quantity::Percent => "percent",
        Quantity::Points => "points",
        Quantity::Money => "money",
    }
}

pub fn claim_status(s: ClaimStatus) -> &'static str {
    match s {
        ClaimStatus::Ok => "ok",
        ClaimStatus::Inconsistent => "inconsistent",
        ClaimStatus::Unchecked => "unchecked",
    }
}

pub fn status(s: Status) -> &'static str {
    match s {
        Status::Ok => "ok",
        Status::Inconsistent => "inconsistent",
    }
}

pub fn severity(s: Severity) -> &'static str {
    match s {
        Severity::Minor => "minor",
        Severity::Major => "major",
    }
}

pub fn date_source(s: DateSource) -> &'static str {
    match s {
        DateSource::Option => "option",
        DateSource::Metadata => "metadata",
        DateSource::Dateline => "dateline",
        DateSource::None => "none",
    }
}

/// A record that writes its own fields into an object.
pub trait Fields {
    fn fields(&self, o: &mut Seq<'_>);

    /// The record as a whole object.
    fn encode(&self, out: Out<'_>) {
        let mut o = Seq::object(out);
        self.fields(&mut o);
        o.close();
    }
}

impl Fields for DocumentInfo {
    fn fields(&self, o: &mut Seq<'_>) {
        o.str(k!(3, "path"), &self.path);
        o.opt_str(k!(3, "reference_date"), self.reference_date.as_deref());
        o.name(k!(3, "date_source"), date_source(self.date_source));
        if !self.warnings.is_empty() {
            o.strings(k!(3, "warnings"), &self.warnings);
        }
    }
}

impl Fields for ReadingInfo {
    fn fields(&self, o: &mut Seq<'_>) {
        o.str(k!(6, "label"), self.label);
        o.opt_day(k!(6, "start"), self.start);
        o.opt_day(k!(6, "end"), self.end);
    }
}

impl Fields for PeriodInfo {
    fn fields(&self, o: &mut Seq<'_>) {
        o.str(k!(4, "text"), &self.text);
        o.opt_day(k!(4, "start"), self.start);
        o.opt_day(k!(4, "end"), self.end);
        o.name(k!(4, "start_kind"), self.start_kind);
        o.name(k!(4, "end_kind"), self.end_kind);
        if let Some(band) = self.start_band {
            o.days(k!(4, "start_band"), band);
        }
        if let Some(band) = self.end_band {
            o.days(k!(4, "end_band"), band);
        }
        o.bool(k!(4, "resolved"), self.resolved);
        if !self.readings.is_empty() {
            let mut a = Seq::array(o.key(k!(4, "readings")));
            for r in &self.readings {
                r.encode(a.element());
            }
            a.close();
        }
    }
}

impl Fields for ClaimRecord {
    fn fields(&self, o: &mut Seq<'_>) {
        o.id(k!(3, "id"), self.id);
        o.str(k!(3, "document"), &self.document);
        o.usize(k!(3, "line"), self.line);
        o.usize(k!(3, "column"), self.column);
        o.usize(k!(3, "start"), self.start);
        o.usize(k!(3, "end"), self.end);
        o.str(k!(3, "text"), &self.text);
        o.str(k!(3, "literal"), &self.literal);
        o.number(k!(3, "value"), self.value.as_ref());
        o.number(k!(3, "low"), self.low.as_ref());
        o.number(k!(3, "high"), self.high.as_ref());
        o.bool(k!(3, "low_inclusive"), self.low_inclusive);
        o.bool(k!(3, "high_inclusive"), self.high_inclusive);
        o.name(k!(3, "qualifier"), qualifier(self.qualifier));
        o.opt_str(k!(3, "qualifier_text"), self.qualifier_text.as_deref());
        o.name(k!(3, "quantity"), quantity(self.quantity));
        o.opt_str(k!(3, "currency"), self.currency.as_deref());
        o.opt_str(k!(3, "unit"), self.unit.as_deref());
        o.bool(k!(3, "unit_inferred"), self.unit_inferred);
        o.opt_str(k!(3, "measure"), self.measure.as_deref());
        match &self.period {
            Some(p) => p.encode(o.key(k!(3, "period"))),
            None => o.raw(k!(3, "period"), "null"),
        }
        o.number(k!(3, "rounding"), Some(&self.rounding));
        o.bool(k!(3, "range"), self.range);
        if let Some([a, b]) = self.range_ends.as_deref() {
            let mut arr = Seq::array(o.key(k!(3, "range_ends")));
            for n in [a, b] {
                number(arr.element().buf, *n);
            }
            arr.close();
        }
        o.bool(k!(3, "vague"), self.vague);
        o.bool(k!(3, "share"), self.share);
        o.opt_str(k!(3, "problem"), self.problem.as_deref());
        o.name(k!(3, "status"), claim_status(self.status));
        o.ids(k!(3, "checks"), &self.checks);
    }
}

impl Fields for Excerpt {
    fn fields(&self, o: &mut Seq<'_>) {
        o.usize(k!(4, "line"), self.line);
        o.usize(k!(4, "column"), self.column);
        o.usize(k!(4, "start"), self.start);
        o.usize(k!(4, "end"), self.end);
        o.str(k!(4, "text"), &self.text);
    }
}

impl Fields for CheckRecord {
    fn fields(&self, o: &mut Seq<'_>) {
        o.id(k!(3, "id"), self.id);
        o.str(k!(3, "rule"), self.rule);
        o.name(k!(3, "status"), status(self.status));
        match self.severity {
            Some(s) => o.name(k!(3, "severity"), severity(s)),
            None => o.raw(k!(3, "severity"), "null"),
        }
        o.str(k!(3, "document"), &self.document);
        o.ids(k!(3, "claims"), &self.claims);
        o.str(k!(3, "explanation"), &self.explanation);
        o.str(k!(3, "evidence"), &self.evidence);
        o.bool(k!(3, "rounding_only"), self.rounding_only);
        match &self.excerpt {
            Some(e) => e.encode(o.key(k!(3, "excerpt"))),
            None => o.raw(k!(3, "excerpt"), "null"),
        }
    }
}

impl Fields for Summary {
    fn fields(&self, o: &mut Seq<'_>) {
        o.usize(k!(2, "documents"), self.documents);
        o.usize(k!(2, "claims"), self.claims);
        o.usize(k!(2, "checks"), self.checks);
        o.usize(k!(2, "ok"), self.ok);
        o.usize(k!(2, "inconsistent"), self.inconsistent);
        o.usize(k!(2, "unchecked"), self.unchecked);
        o.usize(k!(2, "checks_ok"), self.checks_ok);
        o.usize(k!(2, "checks_inconsistent"), self.checks_inconsistent);
        o.usize(k!(2, "suppressed"), self.suppressed);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::report::{Report, json, jsonl};
    use rust_decimal::Decimal;
    use serde::Serialize;

    fn pretty(f: &impl Fields) -> String {
        let mut buf = Vec::new();
        f.encode(Out::new(&mut buf, Some(0)));
        String::from_utf8(buf).unwrap()
    }

    fn compact(f: &impl Fields) -> String {
        let mut buf = Vec::new();
        f.encode(Out::new(&mut buf, None));
        String::from_utf8(buf).unwrap()
    }

    fn same_as_serde<T: Fields + Serialize>(v: &T) {
        assert_eq!(pretty(v), serde_json::to_string_pretty(v).unwrap());
        assert_eq!(compact(v), serde_json::to_string(v).unwrap());
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let mut all = String::new();
        for c in (0u8..0x80)
            .map(char::from)
            .chain(['é', '€', '\u{2028}', '😀'])
        {
            all.push(c);
            let s = format!("a{c}b{c}{c}");
            let mut buf = Vec::new();
            string(&mut buf, &s);
            assert_eq!(
                String::from_utf8(buf).unwrap(),
                serde_json::to_string(&s).unwrap()
            );
        }
        // Every character at every place in strings of a few lengths.
        for c in (0u8..0x80).map(char::from).chain(['é', '😀']) {
            for len in 0..20 {
                for at in 0..=len {
                    let s: String = (0..len)
                        .map(|i| if i == at { c } else { 'x' })
                        .chain((at == len).then_some(c))
                        .collect();
                    let mut buf = Vec::new();
                    string(&mut buf, &s);
                    assert_eq!(
                        String::from_utf8(buf).unwrap(),
                        serde_json::to_string(&s).unwrap()
                    );
                }
            }
        }
        let mut buf = Vec::new();
        string(&mut buf, &all);
        assert_eq!(
            String::from_utf8(buf).unwrap(),
            serde_json::to_string(&all).unwrap()
        );
    }

    #[test]
    fn numbers_are_written_as_num_displays_them() {
        let mut values: Vec<Decimal> = [
            "0",
            "-0",
            "0.000",
            "1",
            "-1",
            "0.5",
            "-0.05",
            "0.001",
            "125000",
            "1.2e9",
            "12.50",
            "-9223372036854775809",
            "79228162514264337593543950335",
            "-79228162514264337593543950335",
            "0.0000000000000000000000000001",
        ]
        .iter()
        .map(|v| Decimal::from_scientific(v).or_else(|_| v.parse()).unwrap())
        .collect();
        // A spread of mantissas and scales, deterministic.
        let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
        for _ in 0..2000 {
            x ^= x << 13;
            x ^= x >> 7;
            x ^= x << 17;
            let m = (x >> (x % 40)) as i64 * if x.is_multiple_of(3) { -1 } else { 1 };
            values.push(Decimal::new(m, (x % 29) as u32));
        }
        for v in values {
            let n = Num::new(v);
            let mut buf = Vec::new();
            number(&mut buf, n);
            assert_eq!(String::from_utf8(buf).unwrap(), n.to_string(), "{v}");
        }
    }

    #[test]
    fn enum_names_are_the_serde_names() {
        fn name(v: impl Serialize) -> String {
            serde_json::to_value(v)
                .unwrap()
                .as_str()
                .unwrap()
                .to_string()
        }
        for q in [
            Qualifier::Exact,
            Qualifier::Approximate,
            Qualifier::MoreThan,
            Qualifier::AtLeast,
            Qualifier::LessThan,
            Qualifier::AtMost,
        ] {
            assert_eq!(qualifier(q), name(q));
        }
        for q in [
            Quantity::Count,
            Quantity::Percent,
            Quantity::Points,
            Quantity::Money,
        ] {
            assert_eq!(quantity(q), name(q));
        }
        for s in [
            ClaimStatus::Ok,
            ClaimStatus::Inconsistent,
            ClaimStatus::Unchecked,
        ] {
            assert_eq!(claim_status(s), name(s));
        }
        for s in [Status::Ok, Status::Inconsistent] {
            assert_eq!(status(s), name(s));
        }
        for s in [Severity::Minor, Severity::Major] {
            assert_eq!(severity(s), name(s));
        }
        for s in [
            DateSource::Option,
            DateSource::Metadata,
            DateSource::Dateline,
            DateSource::None,
        ] {
            assert_eq!(date_source(s), name(s));
        }
    }

    /// Every record of real reports, with every optional part present
    /// somewhere: the articles in testdata hold fuzzy periods with bands
    /// and readings, ranges, money, warnings, excerpts and empty lists.
    fn testdata_reports() -> Vec<Report> {
        let opts = crate::input::InputOptions {
            date: None,
            ..Default::default()
        };
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/testdata");
        let mut reports = Vec::new();
        for dir in ["articles", "scenario", "formats", "clean"] {
            let loaded = crate::input::load(&format!("{root}/{dir}"), &opts);
            for doc in loaded.documents {
                reports.push(crate::check(&[doc], &crate::Options::default()));
            }
        }
        assert!(reports.len() > 50);
        reports
    }

    #[test]
    fn records_match_their_serde_form() {
        let mut seen = [false; 4];
        for r in testdata_reports() {
            for d in &r.documents {
                same_as_serde(d);
                seen[0] |= !d.warnings.is_empty();
            }
            for c in &r.claims {
                same_as_serde(c);
                if let Some(p) = &c.period {
                    seen[1] |= p.start_band.is_some() && !p.readings.is_empty();
                }
                seen[2] |= c.range_ends.is_some();
            }
            for k in &r.checks {
                same_as_serde(k);
                seen[3] |= k.excerpt.is_some() && k.severity.is_some();
            }
            same_as_serde(&r.summary);
        }
        assert_eq!(seen, [true; 4], "testdata no longer covers every part");
    }

    #[test]
    fn whole_reports_match_serde_json() {
        let mut reports = testdata_reports();
        reports.push(Report::empty());
        for r in reports {
            let mut ours = Vec::new();
            json::write(&r, &mut ours).unwrap();
            let theirs = serde_json::to_string_pretty(&r).unwrap() + "\n";
            assert_eq!(String::from_utf8(ours).unwrap(), theirs);

            let mut lines = Vec::new();
            jsonl::write(&r, &mut lines).unwrap();
            let lines = String::from_utf8(lines).unwrap();
            let mut expected = String::new();
            let mut typed = |kind: &str, v: serde_json::Value| {
                let mut m = serde_json::Map::new();
                m.insert("type".into(), kind.into());
                m.extend(v.as_object().unwrap().clone());
                expected += &serde_json::to_string(&m).unwrap();
                expected.push('\n');
            };
            for d in &r.documents {
                typed("document", serde_json::to_value(d).unwrap());
            }
            for c in &r.claims {
                typed("claim", serde_json::to_value(c).unwrap());
            }
            for k in &r.checks {
                typed("check", serde_json::to_value(k).unwrap());
            }
            typed("summary", serde_json::to_value(&r.summary).unwrap());
            assert_eq!(lines, expected);
        }
    }
}

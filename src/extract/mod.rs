//! The extract stage: finds every figure a document states and turns it into
//! a [`Claim`]: its exact value, the interval its wording allows, its
//! qualifier, unit, measure and period.
//!
//! The stage reads a [`Document`] and nothing else. It tokenises the text
//! once ([`lexer`]), splits sentences ([`sentence`]), reads figures
//! ([`figure`]) and then attaches units and measures ([`unit`]).

pub mod backtrack;
pub mod figure;
pub mod lexer;
pub mod numword;
pub mod period;
pub mod sentence;
pub mod unit;
pub mod words;

use crate::input::{Document, Positions};
use crate::interval::Interval;
use crate::period::Period;
use rust_decimal::Decimal;
use serde::Serialize;
use std::ops::Range;
use std::sync::Arc;

/// About how many tokens of a document are held at once (a token is a few
/// dozen bytes; this keeps a piece to a megabyte or two however long the
/// document is).
const PIECE_TOKENS: usize = 1 << 16;

/// How a figure's wording bounds it. Serialised names are part of the JSON
/// contract.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// As written; rounding at its written precision is allowed.
    Exact,
    /// "about", "around", "nearly", "some": a band around the value.
    Approximate,
    /// "more than", "over": above the value.
    MoreThan,
    /// "at least", "no fewer than": the value or above.
    AtLeast,
    /// "fewer than", "under": below the value.
    LessThan,
    /// "up to", "as many as": the value or below.
    AtMost,
}

/// What kind of quantity a figure is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum Quantity {
    /// A count or measure of something ("125,000 accounts").
    Count,
    /// A percentage ("40%", "40 per cent").
    Percent,
    /// Percentage points ("5 percentage points").
    Points,
    /// An amount of money ("$1.2 million").
    Money,
}

/// One figure stated in a document.
#[derive(Clone, Debug)]
pub struct Claim {
    /// Index of the document in the batch.
    pub doc: usize,
    /// Byte span of the figure itself ("125,000", "1.2bn").
    pub start: usize,
    pub end: usize,
    /// Byte span of the whole claim: qualifier, figure and unit.
    pub span: (usize, usize),
    /// 1-based line and column (in characters) of `start`.
    pub line: usize,
    pub column: usize,
    /// The figure as written.
    pub literal: String,
    /// The value as stated, exactly; `None` when it cannot be read.
    pub value: Option<Decimal>,
    /// Every value the wording allows.
    pub interval: Interval,
    pub qualifier: Qualifier,
    /// The words that gave the qualifier ("more than").
    pub qualifier_text: Option<String>,
    pub quantity: Quantity,
    /// ISO code or symbol of the currency, for money.
    pub currency: Option<String>,
    /// The counted noun as a lemma ("account").
    pub unit: Option<String>,
    /// Whether the unit was taken from a neighbouring figure.
    pub unit_inferred: bool,
    /// What is counted and what happened to it ("account suspend").
    pub measure: Option<String>,
    /// Shared with the document's period list and the other claims it
    /// governs.
    pub period: Option<Arc<Period>>,
    /// Index of the sentence within the batch.
    pub sentence: usize,
    /// Half the unit of the last written digit: the rounding the figure's
    /// precision allows, in the figure's own units.
    pub rounding: Decimal,
    /// The figure is a range ("10-12", "between 10 and 12").
    pub range: bool,
    /// A range's two ends as stated, before rounding widens them.
    pub ends: Option<(Decimal, Decimal)>,
    /// The figure is vague ("tens of thousands"): its interval is all it
    /// says, and it has no value.
    pub vague: bool,
    /// A share written as a fraction or ratio ("two-thirds", "one in five",
    /// "3/4"): a percentage of its whole, with the rounding such wording
    /// carries.
    pub share: bool,
    /// Why the figure could not be checked, when it cannot.
    pub problem: Option<String>,
}

impl Claim {
    /// Whether the claim can take part in arithmetic.
    pub fn is_usable(&self) -> bool {
        self.value.is_some() && self.problem.is_none()
    }
}

/// A sentence of a document, with the claims it holds.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub doc: usize,
    /// Byte span in the document.
    pub start: usize,
    pub end: usize,
    /// Indices of its claims in the batch's claim list.
    pub claims: Range<usize>,
    /// Index of its paragraph within the document.
    pub paragraph: usize,
}

/// What the extract stage gives the reconciler for a batch of documents.
#[derive(Clone, Debug, Default)]
pub struct Extraction {
    pub claims: Vec<Claim>,
    pub sentences: Vec<Sentence>,
    /// How periods are read (the fiscal year's start month).
    pub period_options: period::Options,
    /// The period phrases of each document (by document index), in text
    /// order, so that rules need not read them again.
    pub periods: Vec<Vec<Arc<Period>>>,
    /// Each document's text in ASCII lower case (same offsets), by
    /// document index: the rules read it as well.
    pub lower: Vec<String>,
}

impl Extraction {
    /// Extracts the claims of one more document, numbered `doc_index`.
    pub fn add_document(&mut self, doc: &Document, doc_index: usize) {
        self.add_document_in_pieces(doc, doc_index, PIECE_TOKENS);
    }

    /// Extracts a document's claims holding about `piece_tokens` tokens at
    /// a time: the text is tokenised and split up to the next paragraph
    /// break after that many tokens, its claims are read, and the tokens
    /// are dropped before the next piece.
    fn add_document_in_pieces(&mut self, doc: &Document, doc_index: usize, piece_tokens: usize) {
        let lower = doc.text.to_ascii_lowercase();
        // Period phrases come first: their numbers ("the last 3 months",
        // "Q3 2016") are not figures.
        let periods = period::Periods::find(doc, &lower, &self.period_options);
        let doc_sentences = self.sentences.len();
        let mut reader = Reader {
            doc,
            doc_index,
            lower: &lower,
            periods: periods.cover(),
            positions: Positions::new(doc),
        };
        // The claim list is the largest thing extraction keeps, and growing
        // it by copying would briefly hold it twice: reserve it once, for
        // at most one claim per digit run (every claim but a spelled one
        // starts at a number token, and each starts a digit run).
        self.claims.reserve(digit_runs(doc.text.as_bytes()));
        // The sentence list of a long document grew by doubling, each copy
        // into fresh pages (a thousand page faults over 10 MB). Room for a
        // sentence in every 48 bytes is more than news copy holds (one in
        // 84 at wire density), and costs no memory until it is used; a
        // short document's list grows as cheaply as it is reserved.
        if doc.text.len() >= LONG_DOCUMENT {
            self.sentences.reserve(doc.text.len() / 48);
        }
        let mut lexer = lexer::Lexer::default();
        let mut tokens = Vec::with_capacity(piece_tokens.min(doc.text.len() / 5));
        let mut paragraph = 0;
        let mut attach = periods.attach();
        loop {
            tokens.clear();
            lexer.lex(&doc.text, &mut tokens, piece_tokens);
            let spans = sentence::split_from(&doc.text, &tokens, paragraph);
            paragraph += tokens
                .iter()
                .filter(|t| t.kind == lexer::Kind::Break)
                .count();
            let (piece_claims, piece_sentences) = (self.claims.len(), self.sentences.len());
            self.add_sentences(&mut reader, &tokens, spans);
            // Periods and lent units are given a piece at a time, while its
            // claims are in cache: after the whole of a long document, a
            // pass over its claims read each from memory again (21 ms of
            // the 10 MB document's 580). A piece ends at a paragraph
            // break, and no reading reaches forward past a paragraph.
            attach.claims(&doc.text, &mut self.claims[piece_claims..], &self.sentences);
            // Only this document's sentences: earlier documents are done,
            // and walking them again would make a batch quadratic.
            unit::infer_missing_units(
                &lower,
                &mut self.claims,
                &self.sentences[doc_sentences..],
                piece_sentences - doc_sentences,
            );
            if lexer.done(&doc.text) {
                break;
            }
        }
        // Each list on its own: an extraction put together by hand may
        // hold one and not the other.
        if self.periods.len() <= doc_index {
            self.periods.resize(doc_index + 1, Vec::new());
        }
        if self.lower.len() <= doc_index {
            self.lower.resize(doc_index + 1, String::new());
        }
        self.periods[doc_index] = periods.into_periods();
        self.lower[doc_index] = lower;
    }

    /// Reads the claims of the sentences of one piece of a document.
    fn add_sentences(
        &mut self,
        reader: &mut Reader,
        tokens: &[lexer::Token],
        spans: Vec<sentence::SentenceSpan>,
    ) {
        let Reader {
            doc,
            doc_index,
            lower,
            periods,
            positions,
        } = reader;
        let (doc, doc_index) = (*doc, *doc_index);
        self.sentences.reserve(spans.len());
        for s in spans {
            let first_claim = self.claims.len();
            let sentence_index = self.sentences.len();
            let toks = &tokens[s.tokens.clone()];
            let ctx = figure::Context::new(&doc.text, lower, toks);
            // Each figure becomes a claim as it is read: a figure is some
            // 300 bytes, and holding a sentence's figures in a list first
            // copied each twice more.
            let claims = &mut self.claims;
            figure::read_figures(&ctx, |f| {
                if periods.covers(f.start, f.end) {
                    return;
                }
                let (line, column) = positions.at(f.start);
                claims.push(Claim {
                    doc: doc_index,
                    start: f.start,
                    end: f.end,
                    span: f.span,
                    line,
                    column,
                    literal: doc.text[f.start..f.end].to_string(),
                    value: f.value,
                    interval: f.interval,
                    qualifier: f.qualifier,
                    qualifier_text: f.qualifier_text,
                    quantity: f.quantity,
                    currency: f.currency,
                    unit: f.unit,
                    unit_inferred: false,
                    measure: f.measure,
                    period: None,
                    sentence: sentence_index,
                    rounding: f.rounding,
                    range: f.range,
                    ends: f.ends,
                    vague: f.vague,
                    share: f.share,
                    problem: f.problem,
                });
            });
            let start = toks.first().map_or(0, |t| t.start);
            let end = toks.last().map_or(0, |t| t.end);
            self.sentences.push(Sentence {
                doc: doc_index,
                start,
                end,
                claims: first_claim..self.claims.len(),
                paragraph: s.paragraph,
            });
        }
    }
}

/// A document this long (in bytes) has its lists reserved up front.
pub(crate) const LONG_DOCUMENT: usize = 1 << 16;

/// How many runs of ASCII digits `text` holds.
fn digit_runs(text: &[u8]) -> usize {
    // A run starts at a digit after a non-digit (or at the start). The
    // pairs of neighbouring bytes are counted in blocks of 255, whose sum
    // fits in a byte, so the compiler compares and adds 32 pairs at a time:
    // ten times the speed of building a bit mask per 64 bytes.
    let digit = |b: u8| b.wrapping_sub(b'0') < 10;
    let next = text.get(1..).unwrap_or_default();
    let pairs = text.chunks(255).zip(next.chunks(255)).map(|(a, b)| {
        let starts: u8 = a
            .iter()
            .zip(b)
            .map(|(&x, &y)| u8::from(!digit(x) & digit(y)))
            .sum();
        usize::from(starts)
    });
    usize::from(text.first().is_some_and(|&b| digit(b))) + pairs.sum::<usize>()
}

/// What stays the same across the pieces of one document.
struct Reader<'a> {
    doc: &'a Document,
    doc_index: usize,
    lower: &'a str,
    /// Which figures are part of a period phrase.
    periods: period::Cover<'a>,
    positions: Positions<'a>,
}

/// Extracts the claims of a batch of documents.
pub fn extract(docs: &[Document]) -> Extraction {
    extract_with(docs, period::Options::default())
}

/// Extracts the claims of a batch, reading periods with the given settings.
pub fn extract_with(docs: &[Document], period_options: period::Options) -> Extraction {
    let mut out = Extraction {
        period_options,
        ..Extraction::default()
    };
    for (i, doc) in docs.iter().enumerate() {
        out.add_document(doc, i);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use lexer::{Kind, Lexer, Token};

    /// Copy with many paragraphs and every kind of line a piece may start or
    /// end near: CRLF, blank lines of spaces, lists, headings, titles,
    /// quotes, abbreviations, ".5" after a break, and non-ASCII letters.
    const TEXT: &str = "# Firm cuts 300 jobs\nThe firm cut 120 in May. Mr. Smith said \"It fell.\"\n\n\
        Café owners paid €1 234 567, up 4.8 per cent.\r\n\r\n\
        - 5 stores closed\n- 12 opened\n* about 40% sold\n  \n\
        .5 of them left; No. 10 said so.\n \t\n\n\n\
        Headline 2016\nThe total was 1,200 people, of which 700 were in Zürich…\n\n\
        see https://example.com/2016/a.html, #Rio2016 and press@example.com.\r\n\
        \r\n“Nearly 80%,” she said. Ünïcödé 3/4 share.\n\n\u{2028}\n\n(1.2bn) end";

    /// Copy whose figures take periods and units from around them, one
    /// across a paragraph break ("the total").
    const LENDING: &str = "It suspended 125,000 accounts in 2015.\n\n\
        The total now stands at 360,000; in March it closed 20.\n\n\
        Since January 42 of 120 patients left.";

    fn pieces(text: &str, piece_tokens: usize) -> (Vec<Token>, Vec<(usize, usize, usize)>) {
        let mut lexer = Lexer::default();
        let (mut all, mut spans, mut paragraph) = (Vec::new(), Vec::new(), 0);
        loop {
            let mut tokens = Vec::new();
            lexer.lex(text, &mut tokens, piece_tokens);
            for s in sentence::split_from(text, &tokens, paragraph) {
                let (a, b) = (&tokens[s.tokens.start], &tokens[s.tokens.end - 1]);
                spans.push((a.start, b.end, s.paragraph));
            }
            paragraph += tokens.iter().filter(|t| t.kind == Kind::Break).count();
            all.extend(tokens);
            if lexer.done(text) {
                return (all, spans);
            }
        }
    }

    fn texts() -> Vec<String> {
        let mut out = vec![
            TEXT.to_string(),
            String::new(),
            "\n\n".into(),
            "One.\n\n".into(),
        ];
        // Every suffix starting at a character boundary, so that pieces
        // start on every kind of line.
        out.extend(
            TEXT.char_indices()
                .step_by(7)
                .map(|(i, _)| TEXT[i..].to_string()),
        );
        out
    }

    #[test]
    fn pieces_lex_and_split_as_the_whole_text() {
        for text in texts() {
            let whole = lexer::tokenize(&text);
            let spans: Vec<_> = sentence::split(&text, &whole)
                .into_iter()
                .map(|s| {
                    let (a, b) = (&whole[s.tokens.start], &whole[s.tokens.end - 1]);
                    (a.start, b.end, s.paragraph)
                })
                .collect();
            assert!(whole.iter().filter(|t| t.kind == Kind::Break).count() > 0 || text.len() < 300);
            for n in [1, 2, 3, 5, 8, 13, 1000] {
                assert_eq!(
                    pieces(&text, n),
                    (whole.clone(), spans.clone()),
                    "{n} {text:?}"
                );
            }
        }
    }

    #[test]
    fn claims_share_the_period_that_governs_them() {
        let text = "Since mid-2015, it has suspended over 125,000 accounts and 4,000 groups.";
        let doc = Document::new("t", text.as_bytes().to_vec(), text.to_string());
        let x = extract(std::slice::from_ref(&doc));
        let [a, b] = &x.claims[..] else {
            panic!("{:?}", x.claims)
        };
        let (Some(pa), Some(pb)) = (&a.period, &b.period) else {
            panic!("{a:?} {b:?}")
        };
        assert!(Arc::ptr_eq(pa, pb));
        assert!(x.periods[0].iter().any(|p| Arc::ptr_eq(p, pa)));
        assert_eq!(x.lower[0], text.to_ascii_lowercase());
    }

    #[test]
    fn a_hand_made_extraction_takes_more_documents() {
        let doc = Document::new(
            "t",
            b"It hired 300 people.".to_vec(),
            "It hired 300 people.".into(),
        );
        let mut x = Extraction {
            periods: vec![Vec::new(); 3],
            ..Extraction::default()
        };
        x.add_document(&doc, 1);
        assert_eq!(x.claims.len(), 1);
        assert_eq!((x.periods.len(), x.lower.len()), (3, 2));
        assert_eq!(x.lower[1], "it hired 300 people.");
    }

    #[test]
    fn digit_runs_bound_the_number_tokens() {
        assert_eq!(digit_runs(b""), 0);
        assert_eq!(digit_runs(b"7"), 1);
        assert_eq!(digit_runs(b"12 and 1,234 or .5x9"), 5);
        // Runs across the 255-byte blocks the count reads (and the 64-byte
        // blocks it read before).
        let naive = |t: &[u8]| {
            usize::from(t.first().is_some_and(u8::is_ascii_digit))
                + t.windows(2)
                    .filter(|w| w[1].is_ascii_digit() && !w[0].is_ascii_digit())
                    .count()
        };
        for n in [
            1, 2, 3, 7, 63, 64, 65, 127, 128, 129, 200, 254, 255, 256, 511,
        ] {
            for pattern in ["1", "12 ", "x9", "123456789 ", "a1b22c333 "] {
                let t = pattern.repeat(n);
                for cut in [0, 1, 63, 64, 65, 254, 255, 256] {
                    let t = t.as_bytes().get(cut.min(t.len())..).unwrap_or(b"");
                    assert_eq!(digit_runs(t), naive(t), "{n} {pattern:?} {cut}");
                }
            }
        }
        for text in texts() {
            let numbers = lexer::tokenize(&text)
                .iter()
                .filter(|t| t.kind == Kind::Number)
                .count();
            assert!(numbers <= digit_runs(text.as_bytes()));
        }
    }

    #[test]
    fn pieces_extract_the_same_claims() {
        let extract = |text: &str, n| {
            let doc = Document::new("t", text.as_bytes().to_vec(), text.to_string());
            let mut x = Extraction::default();
            x.add_document(&doc, 0);
            let mut y = Extraction::default();
            y.add_document_in_pieces(&doc, 0, n);
            assert_eq!(x.sentences, y.sentences);
            assert_eq!(format!("{:?}", x.claims), format!("{:?}", y.claims));
            assert_eq!(x.periods, y.periods);
            x
        };
        assert!(extract(TEXT, 1).claims.len() > 10);
        assert!(extract(TEXT, 4).claims.len() > 10);
        // Each piece is given its periods and lent units on its own.
        let x = extract(LENDING, 1);
        let inferred: Vec<&str> = x
            .claims
            .iter()
            .filter(|c| c.unit_inferred)
            .map(|c| c.literal.as_str())
            .collect();
        assert_eq!(inferred, ["360,000", "20", "42"]);
        assert!(
            x.claims
                .iter()
                .all(|c| c.period.is_some() != (c.literal == "360,000"))
        );
    }
}

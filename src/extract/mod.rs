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
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Hash)]
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
    pub period: Option<Period>,
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
    pub periods: Vec<Vec<Period>>,
}

impl Extraction {
    /// Extracts the claims of one more document, numbered `doc_index`.
    pub fn add_document(&mut self, doc: &Document, doc_index: usize) {
        let lower = doc.text.to_ascii_lowercase();
        let tokens = lexer::tokenize(&doc.text);
        let spans = sentence::split(&doc.text, &tokens);
        // Period phrases come first: their numbers ("the last 3 months",
        // "Q3 2016") are not figures.
        let periods = period::Periods::find(doc, &lower, &self.period_options);
        let doc_claims = self.claims.len();
        let doc_sentences = self.sentences.len();
        let mut positions = Positions::new(doc);
        // Every claim but a spelled one starts at a number token, so their
        // count bounds the claims closely enough to grow the lists once.
        let numbers = tokens
            .iter()
            .filter(|t| t.kind == lexer::Kind::Number)
            .count();
        self.claims.reserve(numbers);
        self.sentences.reserve(spans.len());
        // One buffer for every sentence's figures.
        let mut figures = Vec::new();
        for s in spans {
            let first_claim = self.claims.len();
            let sentence_index = self.sentences.len();
            let toks = &tokens[s.tokens.clone()];
            let ctx = figure::Context::new(&doc.text, &lower, toks);
            figure::read_figures(&ctx, &mut figures);
            for f in figures
                .drain(..)
                .filter(|f| !periods.covers(f.start, f.end))
            {
                let (line, column) = positions.at(f.start);
                self.claims.push(Claim {
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
            }
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
        periods.attach(&doc.text, &mut self.claims[doc_claims..], &self.sentences);
        // Only this document's sentences: earlier documents are done, and
        // walking them again would make a batch quadratic.
        unit::infer_missing_units(&lower, &mut self.claims, &self.sentences[doc_sentences..]);
        if self.periods.len() <= doc_index {
            self.periods.resize(doc_index + 1, Vec::new());
        }
        self.periods[doc_index] = periods.into_periods();
    }
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

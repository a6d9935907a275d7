//! HTML: the text of the article, read with a WHATWG-compliant tokenizer
//! (html5gum) that reports the byte span of every token, so each piece of
//! prose is copied to the same place it has in the file.
//!
//! Skipped: the head, scripts and styles, navigation, page headers (a
//! header inside `<article>` or `<main>` holds the headline and is kept),
//! footers, asides, forms, code, embedded media, comments, anything
//! `hidden` and elements with a chrome landmark role. Asides go because
//! their usual content (related stories, other articles' headlines) states
//! other stories' figures, which must never be checked against this one's. Block
//! elements become paragraph breaks. The publication date comes from
//! `<meta property="article:published_time">`, JSON-LD `datePublished` or
//! the first `<time datetime>`, in that order.

use super::mask::Mask;
use super::suppress::{self, Directive};
use chrono::NaiveDate;
use html5gum::{DefaultEmitter, StartTag, Token, Tokenizer};
use regex::Regex;
use std::collections::BTreeMap;
use std::sync::LazyLock;

/// What an HTML source gives the document.
pub struct Parsed {
    pub text: String,
    pub date: Option<NaiveDate>,
    pub directives: Vec<Directive>,
}

/// Elements whose whole content is not article prose.
const SKIPPED: &[&str] = &[
    "head", "title", "script", "style", "noscript", "template", "nav", "footer", "svg", "math",
    "iframe", "object", "canvas", "form", "button", "select", "textarea", "video", "audio", "pre",
    "code", "kbd", "samp", "aside",
];

/// Landmark roles of page chrome: the same as nav, header, footer, aside.
const CHROME_ROLES: &[&str] = &[
    "navigation",
    "banner",
    "contentinfo",
    "complementary",
    "search",
];

/// Elements that never have content or an end tag.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Elements whose edges separate paragraphs.
const BLOCKS: &[&str] = &[
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "tr",
    "table",
    "caption",
    "blockquote",
    "pre",
    "section",
    "article",
    "main",
    "aside",
    "header",
    "figure",
    "figcaption",
    "hr",
    "address",
    "details",
    "summary",
    "body",
];

/// Elements whose edges separate lines.
const LINES: &[&str] = &["br", "td", "th"];

/// Dates found in the markup, best first when read.
#[derive(Default)]
struct Dates {
    published_meta: Option<NaiveDate>,
    json_ld: Option<NaiveDate>,
    time: Option<NaiveDate>,
}

impl Dates {
    fn best(&self) -> Option<NaiveDate> {
        self.published_meta.or(self.json_ld).or(self.time)
    }
}

struct Reader<'a> {
    mask: Mask<'a>,
    /// Open elements inside skipped content, outermost skipped first.
    skip: Vec<Vec<u8>>,
    /// How many `<article>`/`<main>` elements are open.
    article: usize,
    in_json_ld: bool,
    dates: Dates,
    directives: Vec<Directive>,
}

pub fn parse(source: &str) -> Parsed {
    let mut r = Reader {
        mask: Mask::new(source),
        skip: Vec::new(),
        article: 0,
        in_json_ld: false,
        dates: Dates::default(),
        directives: Vec::new(),
    };
    let mut emitter = DefaultEmitter::<usize>::new_with_span();
    // Scripts and styles must be read as raw text, as a browser does.
    emitter.naively_switch_states(true);
    for token in Tokenizer::new_with_emitter(source, emitter).flatten() {
        match token {
            Token::StartTag(tag) => r.start_tag(&tag),
            Token::EndTag(tag) => r.end_tag(&tag.name, tag.span.start..tag.span.end),
            Token::String(s) => r.string(source, s.span.start..s.span.end, &s.value),
            Token::Comment(c) => {
                let body = String::from_utf8_lossy(&c.value);
                r.directives
                    .extend(suppress::directive(&body, c.span.start, c.span.end));
            }
            _ => {}
        }
    }
    r.mask.blank_urls();
    Parsed {
        text: r.mask.finish(),
        date: r.dates.best(),
        directives: r.directives,
    }
}

fn is(name: &[u8], set: &[&str]) -> bool {
    set.iter().any(|s| s.as_bytes() == name)
}

fn attr(tag: &StartTag<usize>, name: &str) -> Option<String> {
    attr_in(&tag.attributes, name)
}

fn attr_in(
    attrs: &BTreeMap<html5gum::HtmlString, html5gum::Spanned<html5gum::HtmlString, usize>>,
    name: &str,
) -> Option<String> {
    attrs
        .get(name.as_bytes())
        .map(|v| String::from_utf8_lossy(&v.value).into_owned())
}

impl Reader<'_> {
    fn start_tag(&mut self, tag: &StartTag<usize>) {
        let name = tag.name.to_ascii_lowercase();
        let span = tag.span.start..tag.span.end;
        self.read_date(&name, tag);
        if !self.skip.is_empty() {
            if name == b"body" && self.skip.first().is_some_and(|n| n == b"head") {
                // A head left open ends where the body starts.
                self.skip.clear();
            } else {
                if name == b"script" && is_json_ld(tag) {
                    self.in_json_ld = true;
                }
                if !is(&name, VOID) && !tag.self_closing {
                    self.skip.push(name);
                }
                return;
            }
        }
        let hidden = tag.attributes.contains_key(b"hidden".as_slice())
            || attr(tag, "aria-hidden").is_some_and(|v| v.eq_ignore_ascii_case("true"))
            || attr(tag, "role").is_some_and(|r| {
                CHROME_ROLES
                    .iter()
                    .any(|c| r.trim().eq_ignore_ascii_case(c))
            });
        let chrome = is(&name, SKIPPED) || (name == b"header" && self.article == 0) || hidden;
        if chrome && !is(&name, VOID) && !tag.self_closing {
            self.in_json_ld = name == b"script" && is_json_ld(tag);
            self.skip.push(name.clone());
        }
        if name == b"article" || name == b"main" {
            self.article += 1;
        }
        self.boundary(&name, span);
    }

    fn end_tag(&mut self, name: &[u8], span: std::ops::Range<usize>) {
        let name = name.to_ascii_lowercase();
        if !self.skip.is_empty() {
            if let Some(at) = self.skip.iter().rposition(|n| *n == name) {
                self.skip.truncate(at);
            }
            if name == b"script" {
                self.in_json_ld = false;
            }
            if !self.skip.is_empty() {
                return;
            }
        } else if name == b"article" || name == b"main" {
            self.article = self.article.saturating_sub(1);
        }
        self.boundary(&name, span);
    }

    fn boundary(&mut self, name: &[u8], span: std::ops::Range<usize>) {
        if is(name, BLOCKS) {
            self.mask.paragraph_break(span);
        } else if is(name, LINES) {
            self.mask.line_break(span);
        }
    }

    fn string(&mut self, source: &str, span: std::ops::Range<usize>, value: &[u8]) {
        if self.in_json_ld {
            let json = String::from_utf8_lossy(value);
            self.dates.json_ld = self.dates.json_ld.or_else(|| json_ld_date(&json));
        }
        if self.skip.is_empty() {
            copy_decoded(&mut self.mask, source, span);
        }
    }

    fn read_date(&mut self, name: &[u8], tag: &StartTag<usize>) {
        let date = |key: &str| attr(tag, key).and_then(|v| super::iso_date_prefix(v.trim()));
        match name {
            b"meta" => {
                let key = attr(tag, "property")
                    .or_else(|| attr(tag, "name"))
                    .or_else(|| attr(tag, "itemprop"))
                    .unwrap_or_default()
                    .to_ascii_lowercase();
                if matches!(
                    key.as_str(),
                    "article:published_time" | "datepublished" | "og:published_time"
                ) {
                    self.dates.published_meta =
                        self.dates.published_meta.or_else(|| date("content"));
                }
            }
            b"time" if self.dates.time.is_none() => self.dates.time = date("datetime"),
            _ => {}
        }
    }
}

fn is_json_ld(tag: &StartTag<usize>) -> bool {
    attr(tag, "type").is_some_and(|t| t.trim().eq_ignore_ascii_case("application/ld+json"))
}

/// Copies a text token's source, decoding each character reference in
/// place so the text around it keeps its offsets.
fn copy_decoded(mask: &mut Mask, source: &str, span: std::ops::Range<usize>) {
    static REFERENCE: LazyLock<Regex> = LazyLock::new(|| {
        Regex::new(r"&(?:#[xX][0-9a-fA-F]+;?|#[0-9]+;?|[A-Za-z][A-Za-z0-9]*;?)")
            .expect("reference pattern")
    });
    let Some(raw) = source.get(span.clone()) else {
        return;
    };
    let mut from = 0;
    for m in REFERENCE.find_iter(raw) {
        mask.keep(span.start + from..span.start + m.start());
        mask.put(
            span.start + m.start()..span.start + m.end(),
            &decode_reference(m.as_str()),
        );
        from = m.end();
    }
    mask.keep(span.start + from..span.end);
}

/// Decodes one character reference with the tokenizer itself, so the
/// named-entity table and the legacy rules are the standard ones.
fn decode_reference(reference: &str) -> String {
    let mut out = String::new();
    for token in Tokenizer::new(reference).flatten() {
        if let Token::String(s) = token {
            out.push_str(&String::from_utf8_lossy(&s));
        }
    }
    // A no-break space reads as a space; the extractor treats both alike,
    // and a plain space cannot be mistaken for part of a word.
    out.replace('\u{a0}', " ")
}

/// `datePublished` anywhere in a JSON-LD block (objects, arrays, @graph).
fn json_ld_date(json: &str) -> Option<NaiveDate> {
    fn find(v: &serde_json::Value) -> Option<NaiveDate> {
        match v {
            serde_json::Value::Object(map) => map
                .get("datePublished")
                .and_then(|d| d.as_str())
                .and_then(|d| super::iso_date_prefix(d.trim()))
                .or_else(|| map.values().find_map(find)),
            serde_json::Value::Array(items) => items.iter().find_map(find),
            _ => None,
        }
    }
    find(&serde_json::from_str(json).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(src: &str) -> String {
        let p = parse(src);
        assert_eq!(p.text.len(), src.len());
        p.text
    }

    #[test]
    fn prose_stays_in_place() {
        let src = "<p>It hired <b>300</b> people.</p>";
        let t = text(src);
        assert_eq!(&t[src.find("300").unwrap()..][..3], "300");
        assert!(!t.contains('<'));
    }

    #[test]
    fn chrome_is_skipped() {
        let src = "<html><head><title>5 ways</title></head><body><nav>7 links</nav>\
                   <header>Site 8</header><article><header><h1>Cuts of 9</h1></header>\
                   <p>Text 10.</p><script>var x = 11;</script><div hidden><div>12</div>13</div>\
                   <!-- 14 --><aside>Related: 16 dead</aside><div role=\"navigation\">17</div>\
                   </article><footer>15</footer></body></html>";
        let t = text(src);
        for gone in ["5 ways", "7", "8", "11", "12", "13", "14", "15", "16", "17"] {
            assert!(!t.contains(gone), "{gone} in {t:?}");
        }
        assert!(t.contains("Cuts of 9") && t.contains("Text 10."));
    }

    #[test]
    fn entities_keep_offsets() {
        let src = "<p>A &amp; B&nbsp;&mdash; 1,200&nbsp;people &notit; x</p>";
        let t = text(src);
        let at = src.find("1,200").unwrap();
        assert_eq!(&t[at..at + 5], "1,200");
        assert!(t.contains("A &"));
        assert!(t.contains('—'));
    }

    #[test]
    fn blocks_become_paragraphs() {
        let t = text("<p>One 5.</p><p>Two 6.</p>");
        assert!(t.contains("One 5.\n\n"), "{t:?}");
    }

    #[test]
    fn dates_in_order_of_trust() {
        let meta = r#"<meta property="article:published_time" content="2016-08-18T10:00:00Z"><time datetime="2016-01-01">x</time>"#;
        assert_eq!(parse(meta).date, NaiveDate::from_ymd_opt(2016, 8, 18));
        let ld = r#"<script type="application/ld+json">{"@graph":[{"@type":"NewsArticle","datePublished":"2016-02-05"}]}</script><time datetime="2016-01-01">x</time>"#;
        assert_eq!(parse(ld).date, NaiveDate::from_ymd_opt(2016, 2, 5));
        let time = r#"<p><time datetime="2016-01-01">New Year</time></p>"#;
        assert_eq!(parse(time).date, NaiveDate::from_ymd_opt(2016, 1, 1));
    }

    #[test]
    fn suppression_comments_are_read() {
        let p = parse("<!-- figcheck-ignore-next sum --><p>1 and 2, 4 in all.</p>");
        assert_eq!(p.directives.len(), 1);
        assert_eq!(p.directives[0].rules, vec!["sum"]);
    }
}

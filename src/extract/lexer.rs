//! Splits text into words, numbers and punctuation, with byte spans.
//!
//! The lexer is the only place that walks the text character by character;
//! everything after it works on tokens. It glues digit groups into one number
//! ("125,000", "1 234 567" with ordinary, thin or no-break spaces, "4.8",
//! ".08") and marks stretches that never hold figures (URLs, e-mail
//! addresses, hashtags, handles) so they are skipped as a whole.

/// What a token is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Letters, with inner apostrophes ("company's").
    Word,
    /// Digits with their group separators and decimal point.
    Number,
    /// Digits joined by dots more than once ("192.168.1.2", "1.2.3").
    Dotted,
    /// One punctuation or symbol character.
    Punct,
    /// A blank line: a paragraph ends here.
    Break,
    /// A URL, address, hashtag or handle.
    Skip,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub kind: Kind,
    pub start: usize,
    pub end: usize,
    /// White space stands between this token and the previous one.
    pub space_before: bool,
    /// That white space holds a line break.
    pub line_break: bool,
}

impl Token {
    pub fn text<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// Spaces that may separate thousands groups.
fn is_group_space(c: char) -> bool {
    matches!(c, ' ' | '\u{a0}' | '\u{2009}' | '\u{202f}')
}

/// Counts ASCII digits at the start of `s`.
fn digit_run(s: &[u8]) -> usize {
    s.iter().take_while(|b| b.is_ascii_digit()).count()
}

/// The length of a number starting at `s` (which starts with a digit, or a
/// dot before a digit), and whether it is a dotted sequence.
fn number_len(s: &str) -> (usize, bool) {
    let b = s.as_bytes();
    let mut i = digit_run(b);
    let first_group = i;
    // Thousands groups: ",ddd" or " ddd" (space variants), each exactly three
    // digits; spaces only after a short leading group, so "2015 125" stays two.
    loop {
        let rest = &s[i..];
        let sep = rest.chars().next();
        let Some(sep) = sep else { break };
        let after = &rest[sep.len_utf8()..];
        let n = digit_run(after.as_bytes());
        let ok = n == 3
            && (sep == ',' || (is_group_space(sep) && (1..=3).contains(&first_group)))
            && !after[3..].starts_with(|c: char| c.is_ascii_digit());
        // A comma group must not be followed by ",d" or ",dd": that is a list.
        if ok && i > 0 {
            i += sep.len_utf8() + 3;
        } else {
            break;
        }
    }
    // A decimal part.
    let mut dotted = false;
    if b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
        i += 1 + digit_run(&b[i + 1..]);
        while b.get(i) == Some(&b'.') && b.get(i + 1).is_some_and(|c| c.is_ascii_digit()) {
            dotted = true;
            i += 1 + digit_run(&b[i + 1..]);
        }
    }
    (i, dotted)
}

/// Where a URL, address, hashtag or handle starting at `i` ends, if one does.
fn skip_len(s: &str, i: usize) -> Option<usize> {
    // Every URL, hashtag and handle starts with one of these bytes; most
    // tokens start with none of them.
    if !matches!(s.as_bytes()[i], b'h' | b'H' | b'w' | b'W' | b'#' | b'@') {
        return None;
    }
    let rest = &s[i..];
    let lower_starts = |p: &str| {
        rest.get(..p.len())
            .is_some_and(|r| r.eq_ignore_ascii_case(p))
    };
    let is_url = lower_starts("http://") || lower_starts("https://") || lower_starts("www.");
    let tag = (rest.starts_with('#') || rest.starts_with('@'))
        && rest[1..].starts_with(|c: char| c.is_alphanumeric() || c == '_');
    if !(is_url || tag) {
        return None;
    }
    let len = rest
        .find(|c: char| {
            c.is_whitespace()
                || (!(is_url || c.is_alphanumeric() || c == '_') && c != '#' && c != '@')
        })
        .unwrap_or(rest.len());
    // A URL does not end with the sentence's full stop or a closing bracket.
    let trimmed = rest[..len].trim_end_matches(['.', ',', ')', ';', ':', '"', '\'']);
    Some(trimmed.len().max(1))
}

/// Tokenises `text`. Offsets are byte offsets into `text`.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    Lexer::default().lex(text, &mut tokens, usize::MAX);
    tokens
}

/// A lexer that can stop after a paragraph break and go on later, so a huge
/// document need not hold all its tokens at once.
///
/// It stops only right after a [`Kind::Break`]: no token spans a line break,
/// and the state that crosses a break (white space seen, newlines counted)
/// is kept here, so the tokens of all the pieces are the tokens of the whole
/// text. The one thing a piece loses is the previous token, which only
/// decides whether ".5" starts a number; after a break white space always
/// stands before the next token, which decides it the same way.
#[derive(Clone, Copy, Debug, Default)]
pub struct Lexer {
    /// Byte offset of the next character to read.
    pos: usize,
    space_before: bool,
    newlines: u32,
}

impl Lexer {
    /// Whether the whole text has been read.
    pub fn done(&self, text: &str) -> bool {
        self.pos >= text.len()
    }

    /// Appends tokens of `text` to `tokens`, stopping after the first
    /// paragraph break at which `tokens` holds at least `min_tokens`, or at
    /// the end of the text.
    pub fn lex(&mut self, text: &str, tokens: &mut Vec<Token>, min_tokens: usize) {
        let bytes = text.as_bytes();
        let mut i = self.pos;
        let mut space_before = self.space_before;
        let mut newlines = self.newlines;
        while i < text.len() {
            let c = match bytes[i] {
                b if b.is_ascii() => char::from(b),
                _ => text[i..].chars().next().expect("in bounds"),
            };
            if c.is_whitespace() {
                if c == '\n' {
                    newlines += 1;
                    if newlines == 2 {
                        tokens.push(Token {
                            kind: Kind::Break,
                            start: i,
                            end: i + 1,
                            space_before: true,
                            line_break: true,
                        });
                        if tokens.len() >= min_tokens {
                            *self = Lexer {
                                pos: i + 1,
                                space_before: true,
                                newlines,
                            };
                            return;
                        }
                    }
                }
                space_before = true;
                i += c.len_utf8();
                continue;
            }
            let line_break = newlines > 0;
            newlines = 0;
            let start = i;
            let kind;
            if let Some(len) = skip_len(text, i) {
                kind = Kind::Skip;
                i += len;
            } else if c.is_ascii_digit()
                || (c == '.'
                    && bytes.get(i + 1).is_some_and(|b| b.is_ascii_digit())
                    && (space_before || tokens.is_empty() || prev_is_open(text, tokens)))
            {
                let (len, dotted) = number_len(&text[i..]);
                kind = if dotted { Kind::Dotted } else { Kind::Number };
                i += len;
            } else if c.is_alphabetic() {
                i += c.len_utf8();
                // ASCII letters a byte at a time: they are most of any word.
                // Most words end at an ASCII byte that is neither a letter
                // nor an apostrophe; only what may go on is decoded.
                loop {
                    match bytes.get(i) {
                        None => break,
                        Some(b) if b.is_ascii_alphabetic() => {
                            i += 1;
                            continue;
                        }
                        Some(&b) if b.is_ascii() && b != b'\'' => break,
                        Some(_) => {}
                    }
                    let Some(n) = text[i..].chars().next() else {
                        break;
                    };
                    let apostrophe = (n == '\'' || n == '’')
                        && text[i + n.len_utf8()..].starts_with(|x: char| x.is_alphabetic());
                    if !(n.is_alphabetic() || apostrophe) {
                        break;
                    }
                    i += n.len_utf8();
                }
                // An e-mail address: word@...
                if text[i..].starts_with('@')
                    && text[i + 1..].starts_with(|x: char| x.is_alphanumeric())
                {
                    let len = text[i..]
                        .find(char::is_whitespace)
                        .unwrap_or(text.len() - i);
                    i += len;
                    kind = Kind::Skip;
                } else {
                    kind = Kind::Word;
                }
            } else {
                kind = Kind::Punct;
                i += c.len_utf8();
            }
            tokens.push(Token {
                kind,
                start,
                end: i,
                space_before,
                line_break,
            });
            space_before = false;
        }
        *self = Lexer {
            pos: i,
            space_before,
            newlines,
        };
    }
}

fn prev_is_open(text: &str, tokens: &[Token]) -> bool {
    tokens.last().is_some_and(|t| {
        t.kind == Kind::Punct
            && matches!(
                t.text(text),
                "$" | "£" | "€" | "¥" | "(" | "-" | "−" | "–" | "~"
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lex(s: &str) -> Vec<(Kind, &str)> {
        tokenize(s)
            .into_iter()
            .map(|t| (t.kind, t.text(s)))
            .collect()
    }

    #[test]
    fn thousands_groups() {
        assert_eq!(lex("125,000 accounts")[0], (Kind::Number, "125,000"));
        assert_eq!(lex("1 234 567")[0], (Kind::Number, "1 234 567"));
        assert_eq!(lex("1\u{2009}234")[0], (Kind::Number, "1\u{2009}234"));
        assert_eq!(
            lex("816\u{a0}000 people")[0],
            (Kind::Number, "816\u{a0}000")
        );
        assert_eq!(lex("in 2015 125 people")[1], (Kind::Number, "2015"));
        assert_eq!(lex("1,2,3")[0], (Kind::Number, "1"));
        assert_eq!(lex("1,2345")[0], (Kind::Number, "1"));
    }

    #[test]
    fn decimals_and_dotted() {
        assert_eq!(lex("4.8 per cent")[0], (Kind::Number, "4.8"));
        assert_eq!(lex("rate of .08")[2], (Kind::Number, ".08"));
        assert_eq!(lex("192.168.1.2")[0], (Kind::Dotted, "192.168.1.2"));
        assert_eq!(lex("end 5. Next")[1], (Kind::Number, "5"));
        assert_eq!(
            lex("1.2bn"),
            vec![(Kind::Number, "1.2"), (Kind::Word, "bn")]
        );
    }

    #[test]
    fn skipped_stretches() {
        let t = lex("see https://example.com/2016/05/report.html, or #Rio2016 and @user42.");
        assert_eq!(
            t[1],
            (Kind::Skip, "https://example.com/2016/05/report.html")
        );
        assert!(t.iter().all(|(k, _)| *k != Kind::Number));
        assert!(
            lex("mail press@example.com now")
                .iter()
                .any(|(k, _)| *k == Kind::Skip)
        );
    }

    #[test]
    fn paragraph_breaks() {
        let t = lex("One.\n\nTwo.");
        assert!(t.iter().any(|(k, _)| *k == Kind::Break));
        assert!(!lex("One.\nTwo.").iter().any(|(k, _)| *k == Kind::Break));
    }
}

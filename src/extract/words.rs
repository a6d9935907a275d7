//! Word lists the extractor consults. Kept in one place so that a new
//! qualifier, scale or currency is one line.

use super::Qualifier;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::OnceLock;

/// A fixed list of entries keyed by a word, with an index built on first
/// use: the lists are consulted for nearly every word near a figure, and a
/// linear scan of a few hundred entries made that the extractor's largest
/// cost. The index buckets entries by length and first letter, so a lookup
/// compares a word with one or two candidates, without hashing it.
pub struct WordTable<T: 'static> {
    items: &'static [T],
    index: OnceLock<Index>,
}

/// A list of words.
pub type WordSet = WordTable<&'static str>;

/// What a [`WordTable`] is keyed by.
pub trait Keyed: Sync + 'static {
    fn key(&self) -> &'static str;
}

impl Keyed for &'static str {
    fn key(&self) -> &'static str {
        self
    }
}

impl Keyed for (&'static str, &'static str) {
    fn key(&self) -> &'static str {
        self.0
    }
}

/// Entries sorted by bucket, with where each bucket starts.
struct Index {
    starts: Box<[u16]>,
    entries: Box<[(&'static str, u16)]>,
}

const LENGTHS: usize = 32;

/// Whether two words are the same. Words are short, and those compared
/// often share their length and first letter (a bucket's words, a
/// pattern's group names): a byte loop that stops at the first difference
/// costs less than a call to compare memory.
pub fn same_word(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x == y)
}

/// The bucket of a word: its length (longer words share the last) and the
/// low bits of its first byte, which tell the letters apart.
fn bucket(w: &str) -> usize {
    let first = w.as_bytes().first().map_or(0, |b| usize::from(b & 31));
    w.len().min(LENGTHS - 1) * 32 + first
}

impl<T: Keyed> WordTable<T> {
    pub const fn new(items: &'static [T]) -> WordTable<T> {
        WordTable {
            items,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &Index {
        self.index.get_or_init(|| {
            let mut entries: Vec<(&'static str, u16)> = self
                .items
                .iter()
                .zip(0u16..)
                .map(|(item, i)| (item.key(), i))
                .collect();
            // Stable: of two equal keys, the earlier entry is found first.
            entries.sort_by_key(|(w, _)| bucket(w));
            let mut starts = vec![0u16; LENGTHS * 32 + 1];
            for (w, _) in &entries {
                starts[bucket(w) + 1] += 1;
            }
            for k in 1..starts.len() {
                starts[k] += starts[k - 1];
            }
            Index {
                starts: starts.into_boxed_slice(),
                entries: entries.into_boxed_slice(),
            }
        })
    }

    /// The first entry keyed by `w`.
    pub fn get(&self, w: &str) -> Option<&'static T> {
        let index = self.index();
        let b = bucket(w);
        let from = usize::from(index.starts[b]);
        let to = usize::from(index.starts[b + 1]);
        index.entries[from..to]
            .iter()
            .find(|(k, _)| same_word(k, w))
            .map(|(_, i)| &self.items[usize::from(*i)])
    }
}

impl WordSet {
    pub fn contains(&self, w: &str) -> bool {
        self.get(w).is_some()
    }
}

/// FNV-1a: the keys are short words, for which SipHash's set-up costs more
/// than the lookup; nothing here is exposed to hash flooding that matters
/// (the sets are fixed).
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// Scale words written apart from the number ("1.5 million").
pub fn scale_word(w: &str) -> Option<u32> {
    Some(match w {
        "thousand" => 3,
        "lakh" | "lakhs" => 5,
        "million" | "mn" | "mln" | "millions" | "mil" => 6,
        "crore" | "crores" => 7,
        "billion" | "bn" | "bln" | "billions" => 9,
        "trillion" | "tn" | "trn" | "tln" => 12,
        _ => return None,
    })
}

/// Scale suffixes glued to the number ("1.2bn", "$3m", "25k").
pub fn scale_suffix(w: &str) -> Option<u32> {
    Some(match w {
        "k" => 3,
        "m" | "mn" | "mln" | "mil" | "mm" => 6,
        "b" | "bn" | "bln" => 9,
        "t" | "tn" | "trn" | "tln" => 12,
        _ => return None,
    })
}

/// Words after "5m" that show the "m" means metres, not million.
pub static METRE_CONTEXT: WordSet = WordSet::new(&[
    "tall",
    "high",
    "long",
    "deep",
    "wide",
    "sprint",
    "race",
    "hurdles",
    "freestyle",
    "butterfly",
    "backstroke",
    "breaststroke",
    "relay",
    "final",
    "dash",
    "medley",
    "away",
    "below",
    "above",
]);

/// Currency symbols written before the figure, with an optional country
/// prefix glued to them ("US$", "C$", "HK$").
pub fn currency_symbol(prefix: Option<&str>, symbol: &str) -> Option<&'static str> {
    Some(match (prefix, symbol) {
        (None, "$") | (Some("us"), "$") => "USD",
        (Some("c" | "ca"), "$") => "CAD",
        (Some("a" | "au"), "$") => "AUD",
        (Some("nz"), "$") => "NZD",
        (Some("hk"), "$") => "HKD",
        (Some("s"), "$") => "SGD",
        (Some("r"), "$") => "BRL",
        (Some("mex" | "mxn"), "$") => "MXN",
        (Some("u.s" | "usd"), "$") => "USD",
        (Some("cad"), "$") => "CAD",
        (Some("aud"), "$") => "AUD",
        (Some("nzd"), "$") => "NZD",
        (Some("hkd"), "$") => "HKD",
        (Some("sgd"), "$") => "SGD",
        (None, "£") => "GBP",
        (None, "€") => "EUR",
        (None, "¥") => "JPY",
        (None, "₹") => "INR",
        (None, "₩") => "KRW",
        (None, "₽") => "RUB",
        (None, "₦") => "NGN",
        _ => return None,
    })
}

/// ISO codes written as words before or after the figure ("USD 5m").
pub fn currency_code(w: &str) -> Option<&'static str> {
    Some(match w {
        "usd" => "USD",
        "eur" => "EUR",
        "gbp" => "GBP",
        "jpy" => "JPY",
        "chf" => "CHF",
        "cad" => "CAD",
        "aud" => "AUD",
        "cny" | "rmb" => "CNY",
        "inr" => "INR",
        "hkd" => "HKD",
        "sek" => "SEK",
        "nok" => "NOK",
        "dkk" => "DKK",
        "zar" => "ZAR",
        "brl" => "BRL",
        "mxn" => "MXN",
        _ => return None,
    })
}

/// Currency names written after the figure ("5m euros").
pub fn currency_name(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" => "USD",
        "euro" | "euros" => "EUR",
        "pound" | "pounds" | "sterling" => "GBP",
        "yen" => "JPY",
        "yuan" | "renminbi" => "CNY",
        "rupee" | "rupees" => "INR",
        "franc" | "francs" => "CHF",
        "rand" => "ZAR",
        "won" => "KRW",
        "roubles" | "rubles" => "RUB",
        "naira" => "NGN",
        "peseta" | "pesetas" => "ESP",
        "guilder" | "guilders" => "NLG",
        "markka" | "markkaa" => "FIM",
        "lira" | "lire" => "lira",
        "peso" | "pesos" => "peso",
        "krona" | "kronor" | "krone" | "kroner" => "krona",
        "shilling" | "shillings" => "shilling",
        "dinar" | "dinars" => "dinar",
        "dirham" | "dirhams" => "AED",
        "riyal" | "riyals" => "riyal",
        "baht" => "THB",
        "ringgit" => "MYR",
        _ => return None,
    })
}

/// Sub-units of a currency written after the figure ("50 cents", "47p").
pub fn currency_subunit(w: &str) -> Option<&'static str> {
    Some(match w {
        "cent" | "cents" => "¢",
        "pence" | "penny" | "p" => "GBX",
        _ => return None,
    })
}

/// A currency named with its country after a figure: "US dollars",
/// "Australian dollars", "Hong Kong dollars", "Swiss francs", and any
/// nationality before a currency name ("Finnish markka"). Returns the
/// currency and the number of words.
pub fn currency_phrase(a: &str, b: Option<&str>, c: Option<&str>) -> Option<(&'static str, usize)> {
    let named = |w: Option<&str>| w.and_then(currency_family);
    if let (Some(family), Some(_)) = (named(c), b) {
        let code = match (a, b, family) {
            ("hong", Some("kong"), "dollar") => "HKD",
            ("new", Some("zealand"), "dollar") => "NZD",
            ("south", Some("african"), "rand") => "ZAR",
            _ => return None,
        };
        return Some((code, 3));
    }
    let family = named(b)?;
    let code = match (a, family) {
        ("us" | "american", "dollar") => "USD",
        ("canadian", "dollar") => "CAD",
        ("australian", "dollar") => "AUD",
        ("singapore", "dollar") => "SGD",
        ("taiwan" | "taiwanese", "dollar") => "TWD",
        ("swiss", "franc") => "CHF",
        ("chinese", "yuan") => "CNY",
        ("japanese", "yen") => "JPY",
        ("turkish", "lira") => "TRY",
        ("mexican", "peso") => "MXN",
        ("indian", "rupee") => "INR",
        ("british", "pound") => "GBP",
        ("swedish", "krona") => "SEK",
        ("norwegian", "krona") => "NOK",
        ("danish", "krona") => "DKK",
        ("russian", "rouble") => "RUB",
        // A nationality the table does not know: money, currency named.
        (n, f)
            if n.len() > 3
                && !super::numword::starts_number(n)
                && NATIONAL.iter().any(|s| n.ends_with(s)) =>
        {
            f
        }
        _ => return None,
    };
    Some((code, 2))
}

/// Endings of nationality adjectives ("Finnish", "Dutch", "Brazilian").
const NATIONAL: &[&str] = &["ish", "ian", "ese", "an", "ch", "i"];

/// The family of a currency name ("dollars" -> "dollar").
fn currency_family(w: &str) -> Option<&'static str> {
    Some(match w {
        "dollar" | "dollars" => "dollar",
        "franc" | "francs" => "franc",
        "yuan" => "yuan",
        "yen" => "yen",
        "lira" | "lire" => "lira",
        "peso" | "pesos" => "peso",
        "rupee" | "rupees" => "rupee",
        "pound" | "pounds" => "pound",
        "krona" | "kronor" | "krone" | "kroner" => "krona",
        "rouble" | "roubles" | "ruble" | "rubles" => "rouble",
        "rand" => "rand",
        "euro" | "euros" => "euro",
        "guilder" | "guilders" => "guilder",
        "markka" | "markkaa" => "markka",
        "peseta" | "pesetas" => "peseta",
        "shilling" | "shillings" => "shilling",
        "dinar" | "dinars" => "dinar",
        "dirham" | "dirhams" => "dirham",
        "riyal" | "riyals" => "riyal",
        _ => return None,
    })
}

/// How a qualifier shapes a figure's interval.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shape {
    /// A band on both sides.
    Around,
    /// A band just below ("nearly", "almost").
    JustBelow,
    /// A bound; the qualifier says which.
    Bound,
}

/// Qualifiers written before a figure, as word sequences, longest first
/// within each meaning.
pub const PRE_QUALIFIERS: &[Phrase] = &[
    (&["more", "than"], Qualifier::MoreThan, Shape::Bound),
    (&["greater", "than"], Qualifier::MoreThan, Shape::Bound),
    (&["upwards", "of"], Qualifier::MoreThan, Shape::Bound),
    (&["in", "excess", "of"], Qualifier::MoreThan, Shape::Bound),
    (&["north", "of"], Qualifier::MoreThan, Shape::Bound),
    (&["just", "over"], Qualifier::MoreThan, Shape::Bound),
    (&["well", "over"], Qualifier::MoreThan, Shape::Bound),
    (&["over"], Qualifier::MoreThan, Shape::Bound),
    (&["above"], Qualifier::MoreThan, Shape::Bound),
    (&["exceed"], Qualifier::MoreThan, Shape::Bound),
    (&["exceeds"], Qualifier::MoreThan, Shape::Bound),
    (&["exceeded"], Qualifier::MoreThan, Shape::Bound),
    (&["surpass"], Qualifier::MoreThan, Shape::Bound),
    (&["surpasses"], Qualifier::MoreThan, Shape::Bound),
    (&["surpassed"], Qualifier::MoreThan, Shape::Bound),
    (&["larger", "than"], Qualifier::MoreThan, Shape::Bound),
    (&["higher", "than"], Qualifier::MoreThan, Shape::Bound),
    (&["exceeding"], Qualifier::MoreThan, Shape::Bound),
    (&["at", "least"], Qualifier::AtLeast, Shape::Bound),
    (
        &["at", "least", "or", "equal", "to"],
        Qualifier::AtLeast,
        Shape::Bound,
    ),
    (
        &["greater", "than", "or", "equal", "to"],
        Qualifier::AtLeast,
        Shape::Bound,
    ),
    (
        &["more", "than", "or", "equal", "to"],
        Qualifier::AtLeast,
        Shape::Bound,
    ),
    (
        &["equal", "to", "or", "more", "than"],
        Qualifier::AtLeast,
        Shape::Bound,
    ),
    (
        &["equal", "to", "or", "greater", "than"],
        Qualifier::AtLeast,
        Shape::Bound,
    ),
    (
        &["higher", "or", "equal", "than"],
        Qualifier::AtLeast,
        Shape::Bound,
    ),
    (
        &["bigger", "or", "equal", "than"],
        Qualifier::AtLeast,
        Shape::Bound,
    ),
    (
        &["greater", "or", "equal", "than"],
        Qualifier::AtLeast,
        Shape::Bound,
    ),
    (
        &["less", "than", "or", "equal", "to"],
        Qualifier::AtMost,
        Shape::Bound,
    ),
    (
        &["fewer", "than", "or", "equal", "to"],
        Qualifier::AtMost,
        Shape::Bound,
    ),
    (
        &["equal", "to", "or", "less", "than"],
        Qualifier::AtMost,
        Shape::Bound,
    ),
    (
        &["equal", "to", "or", "fewer", "than"],
        Qualifier::AtMost,
        Shape::Bound,
    ),
    (
        &["smaller", "or", "equal", "than"],
        Qualifier::AtMost,
        Shape::Bound,
    ),
    (
        &["lower", "or", "equal", "than"],
        Qualifier::AtMost,
        Shape::Bound,
    ),
    (
        &["less", "or", "equal", "than"],
        Qualifier::AtMost,
        Shape::Bound,
    ),
    (&["no", "fewer", "than"], Qualifier::AtLeast, Shape::Bound),
    (&["no", "less", "than"], Qualifier::AtLeast, Shape::Bound),
    (&["not", "less", "than"], Qualifier::AtLeast, Shape::Bound),
    (&["a", "minimum", "of"], Qualifier::AtLeast, Shape::Bound),
    (&["just", "under"], Qualifier::Approximate, Shape::JustBelow),
    (&["just", "below"], Qualifier::Approximate, Shape::JustBelow),
    (
        &["just", "short", "of"],
        Qualifier::Approximate,
        Shape::JustBelow,
    ),
    (&["close", "to"], Qualifier::Approximate, Shape::JustBelow),
    (&["nearly"], Qualifier::Approximate, Shape::JustBelow),
    (&["almost"], Qualifier::Approximate, Shape::JustBelow),
    (&["approaching"], Qualifier::Approximate, Shape::JustBelow),
    (
        &["in", "the", "region", "of"],
        Qualifier::Approximate,
        Shape::Around,
    ),
    (
        &["on", "the", "order", "of"],
        Qualifier::Approximate,
        Shape::Around,
    ),
    (
        &["more", "or", "less"],
        Qualifier::Approximate,
        Shape::Around,
    ),
    (&["an", "estimated"], Qualifier::Approximate, Shape::Around),
    (&["estimated"], Qualifier::Approximate, Shape::Around),
    (&["about"], Qualifier::Approximate, Shape::Around),
    (&["around"], Qualifier::Approximate, Shape::Around),
    (&["roughly"], Qualifier::Approximate, Shape::Around),
    (&["approximately"], Qualifier::Approximate, Shape::Around),
    (&["approx"], Qualifier::Approximate, Shape::Around),
    (&["some"], Qualifier::Approximate, Shape::Around),
    (&["circa"], Qualifier::Approximate, Shape::Around),
    (&["up", "to"], Qualifier::AtMost, Shape::Bound),
    (&["as", "many", "as"], Qualifier::AtMost, Shape::Bound),
    (&["as", "much", "as"], Qualifier::AtMost, Shape::Bound),
    (&["a", "maximum", "of"], Qualifier::AtMost, Shape::Bound),
    (&["no", "more", "than"], Qualifier::AtMost, Shape::Bound),
    (&["not", "more", "than"], Qualifier::AtMost, Shape::Bound),
    (&["at", "most"], Qualifier::AtMost, Shape::Bound),
    (&["fewer", "than"], Qualifier::LessThan, Shape::Bound),
    (&["less", "than"], Qualifier::LessThan, Shape::Bound),
    (&["lower", "than"], Qualifier::LessThan, Shape::Bound),
    (&["smaller", "than"], Qualifier::LessThan, Shape::Bound),
    (&["below"], Qualifier::LessThan, Shape::Bound),
    (&["under"], Qualifier::LessThan, Shape::Bound),
];

/// Qualifiers written after a figure ("10,000 or more").
pub const POST_QUALIFIERS: &[Phrase] = &[
    (&["or", "more"], Qualifier::AtLeast, Shape::Bound),
    (&["or", "greater"], Qualifier::AtLeast, Shape::Bound),
    (&["or", "higher"], Qualifier::AtLeast, Shape::Bound),
    (&["or", "above"], Qualifier::AtLeast, Shape::Bound),
    (&["or", "over"], Qualifier::AtLeast, Shape::Bound),
    (&["and", "more"], Qualifier::AtLeast, Shape::Bound),
    (&["and", "above"], Qualifier::AtLeast, Shape::Bound),
    (&["and", "over"], Qualifier::AtLeast, Shape::Bound),
    (&["or", "lower"], Qualifier::AtMost, Shape::Bound),
    (&["or", "below"], Qualifier::AtMost, Shape::Bound),
    (&["or", "under"], Qualifier::AtMost, Shape::Bound),
    (&["or", "so"], Qualifier::Approximate, Shape::Around),
    (&["or", "fewer"], Qualifier::AtMost, Shape::Bound),
    (&["or", "less"], Qualifier::AtMost, Shape::Bound),
];

/// A qualifier phrase: its words, meaning and shape.
pub type Phrase = (&'static [&'static str], Qualifier, Shape);

type PhraseMap = HashMap<&'static str, Vec<&'static Phrase>, BuildHasherDefault<Fnv>>;

/// The phrases of a list keyed by their last or first word, in list order:
/// a figure then tries only the phrases that can end (or start) at its
/// neighbouring word, not all of them.
fn index_phrases(list: &'static [Phrase], last: bool) -> PhraseMap {
    let mut map = PhraseMap::default();
    for p in list {
        let key = if last { p.0.last() } else { p.0.first() };
        if let Some(k) = key {
            map.entry(*k).or_default().push(p);
        }
    }
    map
}

/// The qualifiers before a figure whose last word is `w`, in list order.
pub fn pre_qualifiers_ending(w: &str) -> &'static [&'static Phrase] {
    static MAP: OnceLock<PhraseMap> = OnceLock::new();
    MAP.get_or_init(|| index_phrases(PRE_QUALIFIERS, true))
        .get(w)
        .map_or(&[], Vec::as_slice)
}

/// The qualifiers after a figure whose first word is `w`, in list order.
pub fn post_qualifiers_starting(w: &str) -> &'static [&'static Phrase] {
    static MAP: OnceLock<PhraseMap> = OnceLock::new();
    MAP.get_or_init(|| index_phrases(POST_QUALIFIERS, false))
        .get(w)
        .map_or(&[], Vec::as_slice)
}

/// Words before a number that make it a label, not a quantity
/// ("page 5", "No. 10", "flight 370").
pub static LABEL_WORDS: WordSet = WordSet::new(&[
    "no",
    "nos",
    "number",
    "page",
    "pages",
    "p",
    "pp",
    "section",
    "chapter",
    "article",
    "clause",
    "paragraph",
    "para",
    "room",
    "flight",
    "platform",
    "gate",
    "bus",
    "route",
    "exit",
    "junction",
    "version",
    "v",
    "season",
    "episode",
    "series",
    "phase",
    "stage",
    "step",
    "grade",
    "form",
    "rule",
    "amendment",
    "resolution",
    "bill",
    "act",
    "table",
    "figure",
    "fig",
    "appendix",
    "highway",
    "interstate",
    "channel",
    "district",
    "ward",
    "precinct",
    "unit",
    "apartment",
    "apt",
    "suite",
    "floor",
    "level",
    "tier",
    "category",
    "class",
    "division",
    "group",
    "pool",
    "lane",
    "road",
    "street",
    "avenue",
    "terminal",
    "line",
    "track",
    "model",
    "type",
    "mark",
    "size",
    "issue",
    "volume",
    "vol",
    "item",
    "question",
    "level",
    "year",
    "number",
    "psalm",
    "verse",
    "chart",
    "box",
    "tranche",
    "covid",
    "windows",
    "iphone",
    "galaxy",
    "ios",
    "android",
]);

/// Words that end a street address ("10 Downing Street").
pub static STREET_WORDS: WordSet = WordSet::new(&[
    "street",
    "st",
    "road",
    "rd",
    "avenue",
    "ave",
    "lane",
    "boulevard",
    "blvd",
    "drive",
    "way",
    "place",
    "square",
    "terrace",
    "close",
    "crescent",
    "court",
    "gardens",
    "row",
    "parkway",
    "highway",
]);

/// Words before a four-digit number that make it a year.
pub static YEAR_CONTEXT: WordSet = WordSet::new(&[
    "in",
    "since",
    "of",
    "by",
    "until",
    "till",
    "from",
    "to",
    "between",
    "and",
    "during",
    "for",
    "before",
    "after",
    "mid",
    "early",
    "late",
    "spring",
    "summer",
    "autumn",
    "fall",
    "winter",
    "fiscal",
    "fy",
    "the",
    "a",
    "its",
    "their",
    "his",
    "her",
    "our",
    "year",
    "through",
    "throughout",
    "circa",
    "c",
    "born",
    "election",
    "elections",
    "season",
    "class",
    "vintage",
    "model",
    "census",
    "than",
    "or",
    "at",
    "on",
    "around",
    "about",
    "last",
    "this",
    "next",
    "same",
    "ce",
    "bc",
    "ad",
]);

/// Words that end a sports-score context ("won 3-1").
pub static SCORE_CONTEXT: WordSet = WordSet::new(&[
    "won",
    "win",
    "wins",
    "winning",
    "lost",
    "lose",
    "loses",
    "losing",
    "beat",
    "beats",
    "beaten",
    "drew",
    "draw",
    "drawn",
    "defeated",
    "defeat",
    "victory",
    "score",
    "scored",
    "scoreline",
    "lead",
    "led",
    "leads",
    "thrashed",
    "edged",
    "trailed",
    "trailing",
    "match",
    "game",
    "final",
    "tie",
    "series",
    "set",
    "sets",
    "innings",
    "half-time",
    "halftime",
    "aggregate",
    "vote",
    "votes",
    "voted",
    "voting",
]);

/// Function words that never name what a figure counts.
pub static NOT_UNITS: WordSet = WordSet::new(&[
    "a",
    "an",
    "the",
    "of",
    "in",
    "on",
    "at",
    "by",
    "for",
    "from",
    "to",
    "with",
    "and",
    "or",
    "but",
    "nor",
    "than",
    "as",
    "that",
    "which",
    "who",
    "whom",
    "whose",
    "this",
    "these",
    "those",
    "it",
    "its",
    "their",
    "his",
    "her",
    "our",
    "your",
    "my",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "being",
    "have",
    "has",
    "had",
    "will",
    "would",
    "could",
    "should",
    "may",
    "might",
    "must",
    "can",
    "shall",
    "do",
    "does",
    "did",
    "per",
    "since",
    "over",
    "under",
    "between",
    "during",
    "after",
    "before",
    "more",
    "less",
    "fewer",
    "each",
    "every",
    "so",
    "if",
    "when",
    "while",
    "where",
    "into",
    "onto",
    "about",
    "around",
    "against",
    "among",
    "amid",
    "across",
    "through",
    "up",
    "down",
    "out",
    "off",
    "not",
    "no",
    "also",
    "only",
    "just",
    "then",
    "there",
    "here",
    "all",
    "both",
    "either",
    "neither",
    "some",
    "any",
    "such",
    "other",
    "another",
    "same",
    "last",
    "next",
    "ago",
    "earlier",
    "later",
    "previously",
    "already",
    "still",
    "yet",
    "now",
    "again",
    "said",
    "says",
    "say",
    "according",
    "compared",
    "including",
    "include",
    "includes",
    "versus",
    "vs",
    "via",
    "without",
    "within",
    "toward",
    "towards",
    "until",
    "till",
    "upon",
    "whereas",
    "although",
    "though",
    "because",
    "while",
    "whether",
    "what",
    "how",
    "why",
    "year-on-year",
    "respectively",
    "apiece",
    "each",
    "alone",
    "altogether",
    "combined",
    "total",
    "overall",
    "in",
    "percent",
    "cent",
    "pc",
    "pct",
    "times",
    "fold",
    "plus",
    "minus",
    "or",
    "more",
    "less",
    "higher",
    "lower",
    "up",
    "down",
    "back",
    "away",
    "ahead",
    "behind",
    "above",
    "below",
    "we",
    "they",
    "he",
    "she",
    "i",
    "you",
    "them",
    "him",
    "us",
    "me",
    "too",
    "very",
    "nearly",
    "almost",
    "roughly",
    "approximately",
    "mostly",
    "mainly",
    "largely",
    "instead",
    "however",
    "though",
    "january",
    "february",
    "march",
    "april",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]);

/// Nouns that end in "ed" and are not past-tense verbs.
static ED_NOUNS: WordSet = WordSet::new(&[
    "hundred", "red", "bed", "shed", "speed", "seed", "feed", "need", "breed", "greed", "weed",
    "deed", "kindred", "creed", "steed", "reed", "sled", "fed", "wed", "med", "led", "ted",
]);

/// Common verbs of news figures, as stems.
static VERB_STEMS: WordSet = WordSet::new(&[
    "suspend", "clos", "remov", "delet", "ban", "block", "hir", "employ", "cut", "lay", "sack",
    "kill", "injur", "di", "infect", "report", "record", "regist", "sell", "buy", "rais", "spend",
    "pay", "earn", "los", "win", "vot", "receiv", "approv", "reject", "arrest", "charg", "convict",
    "deport", "evacuat", "rescu", "vaccinat", "test", "treat", "admit", "build", "open", "shut",
    "creat", "add", "gain", "shed", "displac", "fle", "sign", "join", "leav", "resign", "return",
    "donat", "fund", "invest", "borrow", "ow", "sav", "produc", "export", "import", "ship",
    "deliver", "fin", "award", "claim", "attract", "visit", "attend", "watch", "download",
    "subscrib", "rise", "fall", "grow", "count", "reach", "total", "hit", "top", "climb", "drop",
    "declin", "increas", "decreas", "doubl", "tripl", "halv", "jump", "soar", "plung", "slump",
    "surg", "tumbl", "dip", "slip", "post", "generat", "make", "tak", "collect", "serv",
]);

/// Stems of verbs that report a change in a figure.
static CHANGE_VERBS: WordSet = WordSet::new(&[
    "rise", "fall", "grow", "climb", "drop", "declin", "increas", "decreas", "jump", "soar",
    "plung", "slump", "surg", "tumbl", "dip", "slip", "gain", "los", "cut", "rais", "doubl",
    "halv", "edg", "shrink", "shrank", "expand", "sank", "sink", "slid", "slide", "fell",
]);

/// Irregular verb forms mapped to their stems.
const IRREGULAR: &[(&str, &str)] = &[
    ("rose", "rise"),
    ("risen", "rise"),
    ("rising", "rise"),
    ("rises", "rise"),
    ("fell", "fall"),
    ("fallen", "fall"),
    ("falls", "fall"),
    ("falling", "fall"),
    ("grew", "grow"),
    ("grown", "grow"),
    ("grows", "grow"),
    ("growing", "grow"),
    ("lost", "los"),
    ("sold", "sell"),
    ("sells", "sell"),
    ("paid", "pay"),
    ("spent", "spend"),
    ("made", "make"),
    ("makes", "make"),
    ("took", "tak"),
    ("taken", "tak"),
    ("won", "win"),
    ("hit", "hit"),
    ("hits", "hit"),
    ("shut", "shut"),
    ("cut", "cut"),
    ("cuts", "cut"),
    ("laid", "lay"),
    ("left", "leav"),
    ("fled", "fle"),
    ("bought", "buy"),
    ("built", "build"),
    ("shed", "shed"),
    ("got", "get"),
    ("gave", "giv"),
    ("given", "giv"),
    ("saw", "see"),
    ("seen", "see"),
    ("brought", "bring"),
    ("thrown", "throw"),
    ("held", "hold"),
    ("kept", "keep"),
    ("met", "meet"),
    ("sent", "send"),
    ("dealt", "deal"),
    ("came", "come"),
    ("went", "go"),
    ("gone", "go"),
    ("ran", "run"),
    ("sank", "sink"),
    ("shrank", "shrink"),
    ("slid", "slide"),
    ("stood", "stand"),
    ("told", "tell"),
    ("said", "say"),
    ("became", "become"),
    ("began", "begin"),
    ("drew", "draw"),
    ("wrote", "write"),
    ("chose", "choose"),
];

/// The stem of an irregular verb form ("rose" -> "rise").
fn irregular(w: &str) -> Option<&'static str> {
    static TABLE: WordTable<(&str, &str)> = WordTable::new(IRREGULAR);
    TABLE.get(w).map(|(_, stem)| *stem)
}

/// A verb stem: a fixed word, or the front of the word with an optional
/// "y" in place of the "ied"/"ies" it ended in ("carried" -> "carry").
enum Stem<'a> {
    Fixed(&'static str),
    Front(&'a str),
    FrontY(&'a str),
}

impl Stem<'_> {
    fn into_string(self) -> String {
        match self {
            Stem::Fixed(s) | Stem::Front(s) => s.to_string(),
            Stem::FrontY(s) => format!("{s}y"),
        }
    }

    /// Whether the stem is in a set, without building it as a `String`
    /// (nouns such as "companies" come here for every figure they count).
    fn is_in(&self, set: &WordSet) -> bool {
        match self {
            Stem::Fixed(s) | Stem::Front(s) => set.contains(s),
            Stem::FrontY(s) => {
                let mut buf = [0u8; 32];
                let Some(slot) = buf.get_mut(..=s.len()) else {
                    return set.contains(&format!("{s}y"));
                };
                slot[..s.len()].copy_from_slice(s.as_bytes());
                slot[s.len()] = b'y';
                std::str::from_utf8(slot).is_ok_and(|t| set.contains(t))
            }
        }
    }
}

/// The stem of a verb form ("suspended" -> "suspend"), when the word is one.
pub fn verb_stem(w: &str) -> Option<String> {
    stem_of(w).map(Stem::into_string)
}

/// Whether a word is a form of a verb (what [`verb_stem`] recognises).
pub fn is_verb(w: &str) -> bool {
    stem_of(w).is_some()
}

/// Whether a word is a form of a verb that reports a change in a figure.
pub fn is_change_verb(w: &str) -> bool {
    stem_of(w).is_some_and(|s| s.is_in(&CHANGE_VERBS))
}

fn stem_of(w: &str) -> Option<Stem<'_>> {
    if let Some(stem) = irregular(w) {
        return Some(Stem::Fixed(stem));
    }
    let stem = strip_inflection(w);
    let past = w.len() > 4 && w.ends_with("ed") && !ED_NOUNS.contains(w);
    // A stem made from "ied"/"ies" always differs from the word.
    let differs = match stem {
        Stem::Front(f) => f != w,
        _ => true,
    };
    if past || differs && stem.is_in(&VERB_STEMS) {
        Some(stem)
    } else if VERB_STEMS.contains(w) {
        Some(Stem::Front(w))
    } else {
        None
    }
}

/// Strips -ied/-ies, -ed, -ing, -es, -s and a final -e, so that every form
/// of a regular verb gives the same stem ("closed", "closes", "closing",
/// "close" -> "clos").
fn strip_inflection(w: &str) -> Stem<'_> {
    if let Some(s) = w.strip_suffix("ied").or_else(|| w.strip_suffix("ies")) {
        // Ends in "y": no final "e" to strip.
        return Stem::FrontY(s);
    }
    let s = if let Some(s) = w.strip_suffix("ing").filter(|s| s.len() >= 3) {
        s
    } else if let Some(s) = w.strip_suffix("ed").filter(|s| s.len() >= 2) {
        s
    } else if let Some(s) = w.strip_suffix("es").filter(|s| s.len() >= 3) {
        s
    } else if let Some(s) = w
        .strip_suffix('s')
        .filter(|s| s.len() >= 3 && !s.ends_with('s'))
    {
        s
    } else {
        w
    };
    Stem::Front(match s.strip_suffix('e') {
        Some(t) if t.len() >= 3 => t,
        _ => s,
    })
}

/// The singular of a counted noun ("accounts" -> "account").
pub fn lemma(noun: &str) -> String {
    // Nouns are nearly always ASCII, which lower-cases without looking up
    // Unicode's tables.
    let w = if noun.is_ascii() {
        noun.to_ascii_lowercase()
    } else {
        noun.to_lowercase()
    };
    const IRREGULAR_NOUNS: &[(&str, &str)] = &[
        ("men", "man"),
        ("women", "woman"),
        ("children", "child"),
        ("people", "people"),
        ("persons", "people"),
        ("person", "people"),
        ("feet", "foot"),
        ("teeth", "tooth"),
        ("mice", "mouse"),
        ("geese", "goose"),
        ("lives", "life"),
        ("wives", "wife"),
        ("knives", "knife"),
        ("data", "data"),
        ("media", "media"),
        ("criteria", "criterion"),
        ("phenomena", "phenomenon"),
        ("staff", "staff"),
    ];
    if let Some((_, s)) = IRREGULAR_NOUNS.iter().find(|(p, _)| same_word(p, &w)) {
        return s.to_string();
    }
    // The lemma is the lower-cased word shortened, so it keeps that string.
    let mut w = w;
    if w.strip_suffix("ies").is_some_and(|s| s.len() >= 2) {
        w.truncate(w.len() - 3);
        w.push('y');
        return w;
    }
    for suffix in ["sses", "shes", "ches", "xes", "zes"] {
        if w.ends_with(suffix) {
            w.truncate(w.len() - 2);
            return w;
        }
    }
    if w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && w.len() > 3
    {
        w.truncate(w.len() - 1);
    }
    w
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_tables_find_every_entry_and_nothing_else() {
        static SET: WordSet = WordSet::new(&["a", "an", "and", "ant", "b", "", "x-ray"]);
        for w in ["a", "an", "and", "ant", "b", "", "x-ray"] {
            assert!(SET.contains(w), "{w}");
        }
        for w in ["A", "ab", "anti", "c", "x", "x-rays", "\u{e9}"] {
            assert!(!SET.contains(w), "{w}");
        }
        // Of two entries with the same key, the first is found.
        static PAIRS: WordTable<(&str, &str)> =
            WordTable::new(&[("rose", "rise"), ("ran", "run"), ("rose", "other")]);
        assert_eq!(PAIRS.get("rose"), Some(&("rose", "rise")));
        assert_eq!(PAIRS.get("ran"), Some(&("ran", "run")));
        // Words longer than the longest bucket share it.
        static LONG: WordSet = WordSet::new(&[
            "abcdefghijklmnopqrstuvwxyzabcdefghij",
            "abcdefghijklmnopqrstuvwxyzabcdefghijk",
        ]);
        assert!(LONG.contains("abcdefghijklmnopqrstuvwxyzabcdefghijk"));
        assert!(!LONG.contains("abcdefghijklmnopqrstuvwxyzabcdefghi"));
    }

    #[test]
    fn lemmas() {
        assert_eq!(lemma("accounts"), "account");
        assert_eq!(lemma("companies"), "company");
        assert_eq!(lemma("women"), "woman");
        assert_eq!(lemma("churches"), "church");
        assert_eq!(lemma("bus"), "bus");
        assert_eq!(lemma("analysis"), "analysis");
    }

    #[test]
    fn verb_stems_agree_across_forms() {
        for w in ["suspended", "suspends", "suspending", "suspend"] {
            assert_eq!(verb_stem(w).as_deref(), Some("suspend"), "{w}");
        }
        for w in ["closed", "closes", "closing", "close"] {
            assert_eq!(verb_stem(w).as_deref(), Some("clos"), "{w}");
        }
        assert_eq!(verb_stem("rose").as_deref(), Some("rise"));
        assert_eq!(verb_stem("hundred"), None);
        assert_eq!(verb_stem("accounts"), None);
    }
}

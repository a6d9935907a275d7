//! Writes a deterministic corpus of news-like articles for benchmarks:
//! counts, qualifiers, money, percentages, percentage points, number words,
//! dates, periods and stated totals.
//!
//! ```text
//! cargo run --release --example corpus -- --size 10M [--format text|jsonl|dir] [--density wire|dense] [--seed N] [--out PATH]
//! ```
//!
//! `--density wire` (the default) writes copy at the figure density of wire
//! copy: sentences with figures, each followed by the sentences without
//! figures that wire copy is mostly made of (quotes, attribution,
//! background), for about 8.5 claims per KB. Six published wire stories of
//! the most figure-heavy kinds (company results, disaster tolls, jobs
//! reports) held 7.3 to 10.7 claims per KB, 8.8 pooled (docs/performance.md).
//! `--density dense` leaves those sentences out: a figure in nearly every
//! clause, about 20 claims per KB, the stress case (and the corpus of every
//! benchmark before the density was measured).
//!
//! `text` writes the articles one after another as one plain-text stream;
//! `jsonl` writes one `{"id","published","text"}` record per line; `dir`
//! writes one `.txt` file per article under `--out`. The same seed and size
//! give the same bytes on every machine: the generator uses its own PRNG and
//! no clock.

use std::io::{self, BufWriter, Write};

fn main() {
    if let Err(e) = run() {
        eprintln!("corpus: {e}");
        std::process::exit(2);
    }
}

struct Args {
    size: u64,
    format: String,
    /// Whether figure-free sentences are mixed in (`--density wire`, the
    /// default).
    wire: bool,
    seed: u64,
    out: Option<String>,
}

fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let (digits, mult) = match s.chars().last() {
        Some('K' | 'k') => (&s[..s.len() - 1], 1_000),
        Some('M' | 'm') => (&s[..s.len() - 1], 1_000_000),
        Some('G' | 'g') => (&s[..s.len() - 1], 1_000_000_000),
        _ => (s, 1),
    };
    digits
        .parse::<u64>()
        .map(|n| n * mult)
        .map_err(|_| format!("'{s}' is not a size: use bytes or 3K, 10M, 1G"))
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        size: 1_000_000,
        format: "text".into(),
        wire: true,
        seed: 1,
        out: None,
    };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        let mut value = || it.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "--size" => args.size = parse_size(&value()?)?,
            "--format" => args.format = value()?,
            "--density" => {
                args.wire = match value()?.as_str() {
                    "dense" => false,
                    "wire" => true,
                    other => return Err(format!("unknown density '{other}': dense or wire")),
                }
            }
            "--seed" => args.seed = value()?.parse().map_err(|_| "bad --seed".to_string())?,
            "--out" => args.out = Some(value()?),
            "-h" | "--help" => {
                println!(
                    "usage: corpus --size 10M [--format text|jsonl|dir] [--density wire|dense] [--seed N] [--out PATH]"
                );
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument '{other}'")),
        }
    }
    if !["text", "jsonl", "dir"].contains(&args.format.as_str()) {
        return Err(format!("unknown format '{}'", args.format));
    }
    if args.format == "dir" && args.out.is_none() {
        return Err("--format dir needs --out DIR".into());
    }
    Ok(args)
}

fn run() -> Result<(), String> {
    let args = parse_args()?;
    let mut corpus = Generator::new(args.seed, args.wire);
    if args.format == "dir" {
        return write_dir(&mut corpus, &args);
    }
    let sink: Box<dyn Write> = match &args.out {
        Some(p) => Box::new(std::fs::File::create(p).map_err(|e| format!("{p}: {e}"))?),
        None => Box::new(io::stdout().lock()),
    };
    let mut out = BufWriter::with_capacity(1 << 16, sink);
    let mut written = 0u64;
    let mut n = 0usize;
    while written < args.size {
        n += 1;
        let a = corpus.article();
        let bytes = if args.format == "jsonl" {
            let line = format!(
                "{{\"id\":\"a{n:07}\",\"published\":\"{}\",\"text\":{}}}\n",
                a.published,
                json_string(&a.text)
            );
            write_bytes(&mut out, line.as_bytes())?
        } else {
            write_bytes(&mut out, a.text.as_bytes())?
        };
        written += bytes;
    }
    out.flush().map_err(|e| e.to_string())
}

fn write_bytes(out: &mut impl Write, b: &[u8]) -> Result<u64, String> {
    out.write_all(b).map_err(|e| e.to_string())?;
    Ok(b.len() as u64)
}

fn write_dir(corpus: &mut Generator, args: &Args) -> Result<(), String> {
    let dir = std::path::Path::new(args.out.as_deref().unwrap_or("."));
    std::fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut written = 0u64;
    let mut n = 0usize;
    while written < args.size {
        n += 1;
        let a = corpus.article();
        // Shards of 1,000 files keep directories listable.
        let sub = dir.join(format!("{:04}", n / 1000));
        std::fs::create_dir_all(&sub).map_err(|e| e.to_string())?;
        let path = sub.join(format!("a{n:07}.txt"));
        std::fs::write(&path, &a.text).map_err(|e| format!("{}: {e}", path.display()))?;
        written += a.text.len() as u64;
    }
    Ok(())
}

fn json_string(s: &str) -> String {
    serde_json::to_string(s).expect("a string serialises")
}

/// SplitMix64: tiny, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in `lo..=hi`.
    fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next() % (hi - lo + 1)
    }

    fn pick(&mut self, xs: &[&'static str]) -> &'static str {
        xs[(self.next() % xs.len() as u64) as usize]
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

struct Article {
    published: String,
    text: String,
}

const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const PLACES: &[&str] = &[
    "LONDON",
    "NEW YORK",
    "SAN FRANCISCO",
    "FRANKFURT",
    "TOKYO",
    "NAIROBI",
    "SAO PAULO",
    "SYDNEY",
    "MUMBAI",
    "TORONTO",
];
const CITIES: &[&str] = &[
    "Geneva", "Vienna", "Doha", "Oslo", "Nairobi", "Lima", "Jakarta",
];
const COMPANIES: &[&str] = &[
    "Northwind Freight",
    "Harbor Mutual",
    "Castellan Energy",
    "Bluepeak Telecom",
    "Orchard Foods",
    "Meridian Rail",
    "Tessaline Pharma",
    "Ironvale Mining",
    "Quayside Bank",
    "Sable Airlines",
];
const BODIES: &[&str] = &[
    "the health ministry",
    "the national statistics office",
    "the city council",
    "the regional water board",
    "the transport authority",
    "the electoral commission",
];
const NOUNS: &[&str] = &[
    "jobs",
    "passengers",
    "customers",
    "vehicles",
    "homes",
    "patients",
    "students",
    "accounts",
    "flights",
    "stores",
];
const SPLITS: &[(&str, &str, &str)] = &[
    ("men", "women", "people"),
    ("full-time staff", "contractors", "workers"),
    ("adults", "children", "patients"),
    ("domestic flights", "international flights", "flights"),
    ("new homes", "refurbished homes", "homes"),
];
const NUMBER_WORDS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve", "a dozen",
    "fifteen", "twenty",
];
const QUALIFIERS: &[&str] = &[
    "about",
    "around",
    "nearly",
    "more than",
    "at least",
    "fewer than",
    "up to",
    "almost",
    "some",
    "roughly",
];
const QUARTERS: &[&str] = &["first", "second", "third", "fourth"];
const VERBS_UP: &[&str] = &["rose", "climbed", "increased", "jumped"];
const VERBS_DOWN: &[&str] = &["fell", "dropped", "declined", "slipped"];

const QUOTES: &[&str] = &[
    "We are confident the plan will work for our customers",
    "This has been a difficult period for everyone involved",
    "Nobody expected the change to come so quickly",
    "We will keep listening to the community",
    "It is too early to say what this means for families",
    "The decision was not taken lightly",
];
const SPEAKERS: &[&str] = &[
    "a spokesperson for the company",
    "the chief executive",
    "a union representative",
    "one local resident",
    "a senior official",
];
const OBSERVERS: &[&str] = &[
    "Analysts",
    "Economists",
    "Union leaders",
    "Investors",
    "Regulators",
    "Residents",
];
const VIEWS: &[&str] = &[
    "the outlook remained uncertain",
    "demand had weakened in the home market",
    "the plan would take time to show results",
    "costs were rising faster than expected",
    "the decision had been expected for weeks",
    "the change reflected a seasonal pattern",
];
const BACKGROUND: &[&str] = &[
    "struggles with higher borrowing costs",
    "faces growing pressure from regulators",
    "adjusts to new rules on pricing",
    "recovers from a difficult winter",
    "prepares for an election",
];

struct Generator {
    rng: Rng,
    /// Mix in sentences without figures, as wire copy has.
    wire: bool,
}

impl Generator {
    fn new(seed: u64, wire: bool) -> Generator {
        Generator {
            rng: Rng(seed.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x5DEE_CE66),
            wire,
        }
    }

    /// A sentence without figures: a quote, its attribution, or background.
    fn prose(&mut self) -> String {
        let company = self.rng.pick(COMPANIES);
        let body = self.rng.pick(BODIES);
        match self.rng.range(0, 5) {
            0 => format!(
                "\"{},\" {} said.",
                self.rng.pick(QUOTES),
                self.rng.pick(SPEAKERS)
            ),
            1 => format!(
                "{} {} {}.",
                self.rng.pick(OBSERVERS),
                self.rng
                    .pick(&["said", "warned", "noted", "argued", "cautioned"]),
                self.rng.pick(VIEWS)
            ),
            2 => format!(
                "{company} did not respond to a request for comment on {}.",
                self.rng
                    .pick(&["the figures", "the report", "the plan", "the decision"])
            ),
            3 => format!(
                "{} said further details would be published {}, after talks with {}.",
                capitalise(body),
                self.rng
                    .pick(&["later", "in the coming weeks", "once the review ends"]),
                self.rng
                    .pick(&["unions", "suppliers", "local leaders", "regulators"])
            ),
            4 => format!(
                "The {} comes as {} {}.",
                self.rng.pick(&["announcement", "decision", "move", "news"]),
                self.rng
                    .pick(&["the sector", "the region", "the industry", "the city"]),
                self.rng.pick(BACKGROUND)
            ),
            _ => format!(
                "{} has faced criticism from {} over {}.",
                company,
                self.rng
                    .pick(&["campaigners", "investors", "customers", "lawmakers"]),
                self.rng
                    .pick(&["its pricing", "delays", "its pay policy", "service cuts"])
            ),
        }
    }

    /// A count written with thousands separators, of 2 to 7 digits.
    fn count(&mut self) -> (u64, String) {
        let digits = self.rng.range(2, 7) as u32;
        let v = self.rng.range(10u64.pow(digits - 1), 10u64.pow(digits) - 1);
        // Wire copy rounds large counts.
        let v = if digits > 4 { v / 100 * 100 } else { v };
        (v, grouped(v))
    }

    fn money(&mut self) -> String {
        let cur = self.rng.pick(&["$", "£", "€", "US$"]);
        let whole = self.rng.range(1, 950);
        let tenths = self.rng.range(0, 9);
        let style = self.rng.range(0, 3);
        match style {
            0 => format!("{cur}{whole}.{tenths} million"),
            1 => format!("{cur}{whole}.{tenths}bn"),
            2 => format!("{cur}{whole}m"),
            _ => format!("{cur}{}", grouped(self.rng.range(1_000, 999_999))),
        }
    }

    fn percent(&mut self) -> String {
        let v = self.rng.range(1, 95);
        let d = self.rng.range(0, 9);
        match self.rng.range(0, 2) {
            0 => format!("{v}%"),
            1 => format!("{v}.{d}%"),
            _ => format!("{v} per cent"),
        }
    }

    fn date(&mut self, year: u64) -> String {
        let m = self.rng.range(0, 11) as usize;
        let d = self.rng.range(1, 28);
        if self.rng.chance(50) {
            format!("{} {d}, {year}", MONTHS[m])
        } else {
            format!("{d} {} {year}", MONTHS[m])
        }
    }

    fn qualified(&mut self, figure: &str) -> String {
        if self.rng.chance(40) {
            format!("{} {figure}", self.rng.pick(QUALIFIERS))
        } else {
            figure.to_string()
        }
    }

    fn sentence(&mut self, year: u64) -> String {
        let company = self.rng.pick(COMPANIES);
        let body = self.rng.pick(BODIES);
        let noun = self.rng.pick(NOUNS);
        let q = self.rng.pick(QUARTERS);
        match self.rng.range(0, 11) {
            0 => {
                let (_, c) = self.count();
                let c = self.qualified(&c);
                format!(
                    "{company} said it had added {c} {noun} in the {q} quarter, {} than a year earlier.",
                    self.rng.pick(&["more", "fewer"])
                )
            }
            1 => {
                let m1 = self.money();
                let m2 = self.money();
                let up = self.rng.pick(VERBS_UP);
                format!(
                    "Revenue {up} to {m1} in the three months to {}, while operating profit was {m2}.",
                    self.rng.pick(&["June", "September", "December", "March"])
                )
            }
            2 => {
                let p = self.percent();
                let pts = self.rng.range(2, 9);
                format!(
                    "Its share of the market {} to {p}, a change of {pts} percentage points from {}.",
                    self.rng.pick(VERBS_DOWN),
                    year - 1
                )
            }
            3 => {
                let (a, b, whole) = self.rng.pick_tuple(SPLITS);
                let x = self.rng.range(100, 9_999);
                let y = self.rng.range(100, 9_999);
                format!(
                    "The figures cover {} {a} and {} {b}, {} {whole} in all.",
                    grouped(x),
                    grouped(y),
                    grouped(x + y)
                )
            }
            4 => {
                let w = self.rng.pick(NUMBER_WORDS);
                let (_, c) = self.count();
                format!(
                    "{} said {w} of its sites would close by {}, affecting {} {noun}.",
                    capitalise(body),
                    self.date(year + 1),
                    self.qualified(&c)
                )
            }
            5 => {
                let p = self.percent();
                let from = self.rng.range(1, 40);
                format!(
                    "Unemployment in the region {} from {from}% to {p} over the past {} months, {body} said on {}.",
                    self.rng.pick(VERBS_UP),
                    self.rng.pick(&["six", "12", "18", "three"]),
                    self.date(year)
                )
            }
            6 => {
                let (v1, c1) = self.count();
                let c2 = grouped(v1 + v1 * self.rng.range(1, 60) / 100);
                format!(
                    "Between {} and {year}, the number of {noun} grew from {c1} to {c2}, according to {body}.",
                    year - self.rng.range(2, 9)
                )
            }
            7 => {
                let m = self.money();
                format!(
                    "The {} plan, worth {}, is due to run until {}.",
                    self.rng
                        .pick(&["investment", "recovery", "rescue", "expansion"]),
                    self.qualified(&m),
                    year + self.rng.range(1, 6)
                )
            }
            8 => {
                let n = self.rng.range(2, 40);
                let p = self.percent();
                format!(
                    "Shares in {company} {} {p} to {}.{:02} in early trading on {}, their biggest move in {n} weeks.",
                    self.rng.pick(VERBS_UP),
                    self.rng.range(1, 400),
                    self.rng.range(0, 99),
                    self.rng
                        .pick(&["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"])
                )
            }
            9 => {
                let x = self.rng.range(1_000, 90_000);
                let y = self.rng.range(1_000, 90_000);
                // The last full year, so that both halves are over by the
                // publication date.
                let last = year - 1;
                format!(
                    "It closed another {} {noun} in the second half of {last}, which, added to the {} it closed in the first half of {last}, brings the total for {last} to {}.",
                    grouped(y),
                    grouped(x),
                    grouped(x + y)
                )
            }
            10 => {
                let w = self.rng.pick(NUMBER_WORDS);
                format!(
                    "Officials from {w} countries met in {} for {} days of talks that ended on {}.",
                    self.rng.pick(CITIES),
                    self.rng.pick(&["two", "three", "four"]),
                    self.date(year)
                )
            }
            _ => {
                let p = self.percent();
                let total = self.rng.range(200, 5_000);
                format!(
                    "Of the {} {noun} surveyed, {p} said they expected prices to rise in the coming year.",
                    grouped(total)
                )
            }
        }
    }

    fn article(&mut self) -> Article {
        let year = self.rng.range(2012, 2025);
        let month = self.rng.range(1, 12);
        let day = self.rng.range(1, 28);
        let published = format!("{year}-{month:02}-{day:02}");
        let company = self.rng.pick(COMPANIES);
        let (_, c) = self.count();
        let mut text = format!(
            "{company} {} {c} {} as {} shifts\n\n{} {day}, {year}\n\n{} - ",
            self.rng.pick(&["cuts", "adds", "reviews"]),
            self.rng.pick(NOUNS),
            self.rng
                .pick(&["demand", "policy", "pricing", "the market"]),
            MONTHS[month as usize - 1],
            self.rng.pick(PLACES),
        );
        // About 3 KB: eight paragraphs of two or three sentences.
        let paragraphs = self.rng.range(6, 9);
        for p in 0..paragraphs {
            if p > 0 {
                text.push_str("\n\n");
            }
            let sentences = self.rng.range(2, 3);
            for s in 0..sentences {
                if s > 0 {
                    text.push(' ');
                }
                let sentence = self.sentence(year);
                text.push_str(&sentence);
                // Wire copy: about one sentence in three has figures.
                if self.wire {
                    for _ in 0..self.rng.range(1, 3) {
                        text.push(' ');
                        let prose = self.prose();
                        text.push_str(&prose);
                    }
                }
            }
        }
        text.push_str("\n\n\n");
        Article { published, text }
    }
}

impl Rng {
    fn pick_tuple<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[(self.next() % xs.len() as u64) as usize]
    }
}

fn grouped(v: u64) -> String {
    let s = v.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

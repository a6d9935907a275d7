//! `figcheck.toml`: per-project settings, found by walking up from the
//! input the way other linters find theirs.
//!
//! ```toml
//! [rules]            # every rule runs unless turned off here
//! repeat = false
//!
//! [check]
//! tolerance = "1%"   # or 0.01: added on both sides of every figure
//! fiscal_year_start = 10
//!
//! [jsonl]            # field names of JSON Lines records
//! id = "slug"
//! published = "date"
//! text = "body"
//! ```
//!
//! Unknown tables, keys and rule ids are errors, so a typo never silently
//! leaves a setting at its default.

use crate::input::Fields;
use crate::reconcile::RULES;
use anyhow::{Context, Result, bail};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::str::FromStr;

/// The file name looked for.
pub const FILE_NAME: &str = "figcheck.toml";

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    #[serde(default)]
    pub rules: BTreeMap<String, bool>,
    #[serde(default)]
    pub check: CheckSection,
    #[serde(default)]
    pub jsonl: JsonlSection,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckSection {
    pub tolerance: Option<Tolerance>,
    pub fiscal_year_start: Option<u32>,
}

#[derive(Clone, Debug, Default, PartialEq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct JsonlSection {
    pub id: Option<String>,
    pub published: Option<String>,
    pub text: Option<String>,
}

/// A tolerance as written: a fraction (0.01) or a percentage ("1%").
#[derive(Clone, Debug, PartialEq, Deserialize)]
#[serde(untagged)]
pub enum Tolerance {
    Number(f64),
    Text(String),
}

impl Tolerance {
    /// The tolerance as an exact fraction.
    pub fn fraction(&self) -> Result<Decimal> {
        let (text, percent) = match self {
            // A TOML float prints as the shortest decimal that reads back
            // as itself, which is what was written.
            Tolerance::Number(f) => (f.to_string(), false),
            Tolerance::Text(s) => match s.trim().strip_suffix('%') {
                Some(p) => (p.trim().to_string(), true),
                None => (s.trim().to_string(), false),
            },
        };
        let v = Decimal::from_str(&text)
            .with_context(|| format!("tolerance {text:?} is not a number"))?;
        let v = if percent { v / Decimal::ONE_HUNDRED } else { v };
        if v.is_sign_negative() || v >= Decimal::ONE {
            bail!("tolerance must be at least 0 and under 100%, not {text}");
        }
        Ok(v.normalize())
    }
}

impl Config {
    /// Reads and validates a configuration.
    pub fn parse(text: &str) -> Result<Config> {
        let config: Config = toml::from_str(text)?;
        config.validate()?;
        Ok(config)
    }

    /// Reads a configuration file.
    pub fn load(path: &Path) -> Result<Config> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("{}: cannot read", path.display()))?;
        Config::parse(&text).with_context(|| format!("{}", path.display()))
    }

    fn validate(&self) -> Result<()> {
        for id in self.rules.keys() {
            if !RULES.iter().any(|r| r.id() == id) {
                let known: Vec<&str> = RULES.iter().map(|r| r.id()).collect();
                bail!(
                    "unknown rule '{id}' in [rules]; the rules are: {}",
                    known.join(", ")
                );
            }
        }
        if let Some(t) = &self.check.tolerance {
            t.fraction()?;
        }
        if let Some(m) = self.check.fiscal_year_start
            && !(1..=12).contains(&m)
        {
            bail!("fiscal_year_start must be a month from 1 to 12, not {m}");
        }
        for (key, name) in [
            ("id", &self.jsonl.id),
            ("published", &self.jsonl.published),
            ("text", &self.jsonl.text),
        ] {
            if name.as_deref().is_some_and(str::is_empty) {
                bail!("[jsonl] {key} must name a field");
            }
        }
        Ok(())
    }

    /// Ids of the rules turned off.
    pub fn disabled_rules(&self) -> Vec<String> {
        self.rules
            .iter()
            .filter(|(_, on)| !**on)
            .map(|(id, _)| id.clone())
            .collect()
    }

    /// The tolerance as a fraction (zero when unset).
    pub fn tolerance(&self) -> Decimal {
        self.check
            .tolerance
            .as_ref()
            .and_then(|t| t.fraction().ok())
            .unwrap_or(Decimal::ZERO)
    }

    /// JSON Lines field names, defaults filled in.
    pub fn fields(&self) -> Fields {
        let d = Fields::default();
        Fields {
            id: self.jsonl.id.clone().unwrap_or(d.id),
            published: self.jsonl.published.clone().unwrap_or(d.published),
            text: self.jsonl.text.clone().unwrap_or(d.text),
        }
    }

    /// The effective settings as TOML, every key written out.
    pub fn effective_toml(&self, source: Option<&Path>) -> String {
        #[derive(Serialize)]
        struct Effective {
            rules: BTreeMap<String, bool>,
            check: EffectiveCheck,
            jsonl: BTreeMap<&'static str, String>,
        }
        #[derive(Serialize)]
        struct EffectiveCheck {
            tolerance: String,
            #[serde(skip_serializing_if = "Option::is_none")]
            fiscal_year_start: Option<u32>,
        }
        let fields = self.fields();
        let effective = Effective {
            rules: RULES
                .iter()
                .map(|r| {
                    (
                        r.id().to_string(),
                        self.rules.get(r.id()).copied().unwrap_or(true),
                    )
                })
                .collect(),
            check: EffectiveCheck {
                tolerance: format!("{}%", (self.tolerance() * Decimal::ONE_HUNDRED).normalize()),
                fiscal_year_start: self.check.fiscal_year_start,
            },
            jsonl: BTreeMap::from([
                ("id", fields.id),
                ("published", fields.published),
                ("text", fields.text),
            ]),
        };
        let origin = match source {
            Some(p) => format!("# from {}\n", p.display()),
            None => format!("# no {FILE_NAME} found: the defaults\n"),
        };
        let fiscal = if self.check.fiscal_year_start.is_none() {
            "# fiscal_year_start is unset: fiscal years get wide, fuzzy edges\n"
        } else {
            ""
        };
        let body = toml::to_string(&effective).unwrap_or_default();
        format!("{origin}{fiscal}{body}")
    }
}

/// The nearest `figcheck.toml` in the directory of `input` or above it.
pub fn discover(input: &Path) -> Option<PathBuf> {
    let absolute = std::path::absolute(input).ok()?;
    let start = if absolute.is_dir() {
        absolute.as_path()
    } else {
        absolute.parent()?
    };
    start
        .ancestors()
        .map(|dir| dir.join(FILE_NAME))
        .find(|p| p.is_file())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_every_setting() {
        let c = Config::parse(
            "[rules]\nsum = false\n[check]\ntolerance = \"1.5%\"\nfiscal_year_start = 10\n[jsonl]\ntext = \"body\"\n",
        )
        .unwrap();
        assert_eq!(c.disabled_rules(), vec!["sum"]);
        assert_eq!(c.tolerance(), Decimal::new(15, 3));
        assert_eq!(c.check.fiscal_year_start, Some(10));
        assert_eq!(c.fields().text, "body");
        assert_eq!(c.fields().id, "id");
        let n = Config::parse("[check]\ntolerance = 0.01\n").unwrap();
        assert_eq!(n.tolerance(), Decimal::new(1, 2));
    }

    #[test]
    fn mistakes_are_errors() {
        for bad in [
            "[rulez]\nsum = false\n",
            "[rules]\nsums = false\n",
            "[rules]\nsum = \"no\"\n",
            "[check]\ntolerence = 0.01\n",
            "[check]\ntolerance = \"lots\"\n",
            "[check]\ntolerance = 2\n",
            "[check]\nfiscal_year_start = 13\n",
            "[jsonl]\nid = \"\"\n",
            "not toml at all",
        ] {
            assert!(Config::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn effective_settings_list_every_rule() {
        let text = Config::parse("[rules]\nsum = false\n")
            .unwrap()
            .effective_toml(None);
        assert!(text.contains("sum = false"));
        for r in RULES.iter().filter(|r| r.id() != "sum") {
            assert!(text.contains(&format!("{} = true", r.id())), "{text}");
        }
        // What is printed reads back as the same configuration.
        let back = Config::parse(&text).unwrap();
        assert_eq!(back.disabled_rules(), vec!["sum"]);
        assert_eq!(back.tolerance(), Decimal::ZERO);
    }
}

// The calendar phrase patterns. build.rs includes this file to compile
// the search over them ahead of time, so it uses the standard library
// alone.

const B: &str = r"(?-u:\b)";
const MON: &str = r"(?:january|february|march|april|may|june|july|august|september|october|november|december|sept|jan|feb|mar|apr|jun|jul|aug|sep|oct|nov|dec)";
const YEAR_DIGITS: &str = r"(?:1[89][0-9]{2}|20[0-9]{2})";
/// Counts a period phrase may use.
const NUMW: &str = r"(?:[0-9]{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|twenty-four|thirty|thirty-six|forty|fifty|sixty|hundred|a\s+few|few|several|a\s+couple\s+of|couple\s+of|a\s+couple)";
const UNITW: &str = r"(?:days?|weeks?|fortnights?|months?|quarters?|years?|decades?)";
const ORD: &str = r"(?:first|second|third|fourth|final|last|1st|2nd|3rd|4th)";
const CMP_LEAD: &str = r"(?:from|than|compared\s+(?:with|to)|versus|vs\.?|against|over)";

fn month(name: &str) -> String {
    format!(r"(?P<{name}>{MON}){B}\.?")
}

fn day(name: &str) -> String {
    format!(r"(?P<{name}>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?{B}")
}

fn year(name: &str) -> String {
    format!(r"(?P<{name}>{YEAR_DIGITS}){B}")
}

/// The alternatives, most specific first: the pattern takes the first that
/// matches at the leftmost position.
pub(crate) fn alternatives() -> Vec<String> {
    let alts: Vec<String> = vec![
        // Comparisons.
        format!(
            r"(?P<cmp>(?:year|month|quarter|week)[\s-]+(?:on|over)[\s-]+(?:year|month|quarter|week)|y/y|yoy|{CMP_LEAD}\s+(?:a|one|the\s+(?:previous|prior))\s+(?:year|month|quarter|week)\s+(?:earlier|ago|before)|{CMP_LEAD}\s+the\s+same\s+(?:period|quarter|month|week|time)\s+(?:a\s+year\s+(?:earlier|ago)|last\s+year|of\s+(?:the\s+)?(?:last|previous|prior)\s+year|in\s+{YEAR_DIGITS})|(?:from|than)\s+the\s+(?:previous|prior)\s+(?:year|quarter|month)|on\s+the\s+year){B}"
        ),
        // Running periods up to the reference date.
        format!(
            r"(?P<ytd>so\s+far\s+this\s+year|this\s+year\s+so\s+far|(?:the\s+)?year[\s-]+to[\s-]+date|ytd|the\s+year\s+so\s+far|earlier\s+this\s+year|so\s+far\s+in\s+{}){B}",
            year("sfy")
        ),
        format!(
            r"(?P<mtd>so\s+far\s+this\s+month|this\s+month\s+so\s+far|month[\s-]+to[\s-]+date|earlier\s+this\s+month){B}"
        ),
        format!(r"(?P<qtd>so\s+far\s+this\s+quarter|quarter[\s-]+to[\s-]+date){B}"),
        format!(
            r"(?P<wtd>so\s+far\s+this\s+week|earlier\s+this\s+week|earlier\s+in\s+the\s+week){B}"
        ),
        format!(
            r"(?P<sofar>(?:the\s+total\s+)?so\s+far|(?:to|till)\s+date|thus\s+far|(?:up\s+)?(?:un)?til\s+now|to\s+now){B}"
        ),
        // Days of a month, and ranges of them.
        format!(
            r"{}\s+{}\s*(?:-|–|—|to|through|thru|until|till)\s*(?:{}\s+)?{}(?:,?\s+{})?",
            month("rm"),
            day("rd1"),
            month("rm2"),
            day("rd2"),
            year("ry")
        ),
        format!(
            r"{}\s*(?:-|–|—|to|and|through|until|till)\s*{}\s+(?:of\s+)?{}(?:,?\s+{})?",
            day("rd3"),
            day("rd4"),
            month("rm3"),
            year("ry3")
        ),
        format!(r"(?P<iy>{YEAR_DIGITS})-(?P<im>0[1-9]|1[0-2])-(?P<id>0[1-9]|[12][0-9]|3[01]){B}"),
        format!(r"{}\s+{}(?:,?\s+{})?", month("dm"), day("dd"), year("dy")),
        format!(
            r"{}\s+(?:of\s+)?{}(?:,?\s+{})?",
            day("ed"),
            month("em"),
            year("ey")
        ),
        // Quarters and halves.
        format!(
            r"(?:the\s+)?(?P<qo>{ORD})[\s-]+quarter(?:\s+of\s+(?:(?:the\s+)?(?:year\s+)?{}|(?P<qr1>this|last|next)\s+year|the\s+year)|,?\s+{}|\s+(?P<qr2>this|last)\s+year)?{B}",
            year("qy1"),
            year("qy5")
        ),
        format!(r"(?P<qr3>this|last|next)\s+year's\s+(?P<qo3>{ORD})[\s-]+quarter{B}"),
        format!(r"{}(?:'s)?\s+(?P<qo2>{ORD})[\s-]+quarter{B}", year("qy4")),
        format!(
            r"q(?P<qn>[1-4])(?:\s*(?:of\s+|-\s*)?'?{}|\s+(?P<qr4>this|last|next)\s+year)?{B}",
            year("qy2")
        ),
        format!(r"(?P<qy3>{YEAR_DIGITS})\s*-?\s*q(?P<qn2>[1-4]){B}"),
        format!(
            r"(?:the\s+)?(?P<ho>first|second|1st|2nd|latter)\s+half(?:\s+of\s+(?:(?:the\s+)?{}|(?P<hr1>this|last|next)\s+year|the\s+year)|\s+(?P<hr2>this|last)\s+year)?{B}",
            year("hy1")
        ),
        format!(r"h(?P<hn>[12])\s*'?{}", year("hy2")),
        format!(r"(?P<hy3>{YEAR_DIGITS})\s*h(?P<hn2>[12]){B}"),
        // Fiscal years.
        format!(
            r"(?:fiscal(?:\s+year)?|financial\s+year|fy)\s*'?(?P<fy>{YEAR_DIGITS}|[0-9]{{2}})(?:\s*(?:-|/|–)\s*(?P<fy2>{YEAR_DIGITS}|[0-9]{{2}}))?{B}"
        ),
        format!(r"{}\s+fiscal\s+year{B}", year("fy3")),
        // Decades.
        format!(
            r"(?:the\s+)?(?:(?P<dmod>early|mid|late)[\s-]*)?(?:(?P<dec>(?:1[89]|20)[0-9]0)\s?'?s|'(?P<dec2>[0-9]0)'?s|(?P<dec3>[0-9]0)'?s|(?P<decw>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties|noughties)){B}"
        ),
        // Early, mid, late.
        format!(
            r"(?P<md>early|mid|late|(?:at\s+)?(?:the\s+)?(?:start|beginning|middle|end|close)\s+of)(?:\s*-\s*|\s+)(?:{}(?:,?\s+(?:of\s+)?{})?|{}|(?P<mrel>this|last|next)\s+(?P<mru>year|month|week|decade)|(?:the\s+)?(?P<mthe>year|month|decade){B})",
            month("mm"),
            year("mmy"),
            year("mdy")
        ),
        // A month and year.
        format!(r"{}(?:\s+of|\s+in|,)?\s+'?{}", month("my_m"), year("my_y")),
        format!(r"(?P<lm_rel>this|last|past)\s+{}", month("lm")),
        format!(r"cy\s*'?(?P<cy>{YEAR_DIGITS}|[0-9]{{2}}){B}"),
        // Year ranges and spans.
        format!(
            r"(?P<yr1>{YEAR_DIGITS})\s*(?P<ysep>-|–|—|~|/)\s*(?P<yr2>{YEAR_DIGITS}|[0-9]{{2}}){B}"
        ),
        // Counted relative periods.
        format!(
            r"(?:the\s+)?(?P<nrel>last|past|previous|prior|preceding|next|coming)\s+(?P<nn>{NUMW})\s*(?P<nu>{UNITW}){B}"
        ),
        format!(
            r"the\s+(?P<nn2>{NUMW})\s+(?P<nrel2>past|previous|preceding)\s+(?P<nu2>{UNITW}){B}"
        ),
        format!(r"(?P<an>{NUMW})\s+(?P<au>{UNITW})\s+ago{B}"),
        format!(
            r"(?P<rr>this|last|next|the\s+past|the\s+last|past|previous|the\s+current|current|the\s+coming|coming)\s+(?:calendar\s+)?(?P<ru>week|month|year|quarter|decade|fortnight|weekend){B}"
        ),
        // Days.
        format!(
            r"(?:(?P<wdp>last|this\s+past|this|on|next|coming)\s+)?(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday){B}"
        ),
        format!(r"(?P<tod>today|yesterday){B}"),
        // A year, a month.
        bare_year(),
        bare_month(),
    ];
    alts
}

/// "2015", "the year 2015": the year is the match's last four bytes.
pub(crate) fn bare_year() -> String {
    format!(r"(?:the\s+year\s+)?{}", year("y"))
}

/// "March", "Sept.": the month is the match without its full stop.
pub(crate) fn bare_month() -> String {
    month("m")
}

/// An alternative as the search runs it: ASCII classes, at a word
/// boundary.
pub(crate) fn search_pattern(alt: &str) -> String {
    format!(r"(?-u){B}(?:{alt})")
}

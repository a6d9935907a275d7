// The dateline patterns. build.rs includes this file to compile them ahead
// of time, so it uses the standard library alone.

/// A written date, as the regex alternatives the parser accepts.
const DATE: &str = r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+\d{4}|\d{4}-\d{2}-\d{2})";

/// A time of day after a date: "10:30 AM", "at 14:30 GMT", "9.15am EST".
const TIME: &str =
    r"(?:,?\s+(?:at\s+)?\d{1,2}[:.]\d{2}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{2,4})?)?";

/// A byline and a separator before the date ("By Jane Smith | ").
const BYLINE: &str = r"(?:By\s[^\n|•·]{1,60}[|•·]\s*)?";

/// A date alone on a line (perhaps with a time), after a byline and a
/// separator, after a place name or weekday and before a dash, or after
/// "Published"/"Posted", with `digit` standing for each `\d`.
// Read by build.rs, and by the tests that compare the compiled forms.
#[allow(dead_code)]
fn dateline_pattern(digit: &str, byline: bool) -> String {
    let byline = if byline { BYLINE } else { "" };
    format!(
        r"(?m)^[ \t>*_#\[(]*{byline}(?:(?i:last\s+)?(?i:published|posted|updated)(?: on)?:?\s+|[A-Z][A-Za-z .]{{1,30}},\s+)?({DATE}){TIME}[ \t*_\])]*(?:$|[-–—:(|])"
    )
    .replace(r"\d", digit)
}


/// The forms build.rs compiles, in order: ASCII digits for `\d` where a
/// text's digits are all ASCII (a far smaller automaton than Unicode's
/// digit class), and the byline only where "By" occurs (elsewhere that
/// optional group matches nowhere).
#[allow(dead_code)]
const DATELINE_FORMS: [(&str, bool); 4] = [
    ("[0-9]", false),
    ("[0-9]", true),
    (r"\d", false),
    (r"\d", true),
];

//! Markdown (CommonMark with tables): the prose of paragraphs, headings,
//! lists, quotes and tables. Code blocks, inline code, link targets,
//! images, raw HTML and front matter are blanked; a YAML front matter
//! `date:` is the publication date.

use super::mask::Mask;
use super::suppress::{self, Directive};
use chrono::NaiveDate;
use pulldown_cmark::{Event, LinkType, MetadataBlockKind, Options, Parser, Tag, TagEnd};

/// What a Markdown source gives the document.
pub struct Parsed {
    pub text: String,
    pub date: Option<NaiveDate>,
    pub directives: Vec<Directive>,
}

pub fn parse(source: &str) -> Parsed {
    let options = Options::ENABLE_TABLES
        | Options::ENABLE_STRIKETHROUGH
        | Options::ENABLE_FOOTNOTES
        | Options::ENABLE_YAML_STYLE_METADATA_BLOCKS
        | Options::ENABLE_PLUSES_DELIMITED_METADATA_BLOCKS;
    let mut mask = Mask::new(source);
    let mut date = None;
    let mut directives = Vec::new();
    // Depth of elements whose text is not prose (code, images, autolinks,
    // front matter).
    let mut hidden = 0usize;
    let mut in_metadata = false;
    // Whether each open link hides its text (autolinks do).
    let mut links: Vec<bool> = Vec::new();
    for (event, range) in Parser::new_ext(source, options).into_offset_iter() {
        match event {
            Event::Start(tag) => {
                if hides(&tag) {
                    hidden += 1;
                }
                if let Tag::Link { .. } = tag {
                    links.push(hides(&tag));
                }
                if matches!(tag, Tag::MetadataBlock(MetadataBlockKind::YamlStyle)) {
                    in_metadata = true;
                }
                if starts_block(&tag) {
                    mask.paragraph_break(range);
                }
            }
            Event::End(TagEnd::Heading(_)) => heading_end(&mut mask, source, range),
            Event::End(end) => {
                let link_hid = end == TagEnd::Link && links.pop() == Some(true);
                if ends_hidden(&end) || link_hid {
                    hidden = hidden.saturating_sub(1);
                }
                if matches!(end, TagEnd::MetadataBlock(_)) {
                    in_metadata = false;
                }
            }
            Event::Text(t) if in_metadata => date = date.or_else(|| front_matter_date(&t)),
            Event::Text(t) if hidden == 0 => mask.align(range, &t),
            Event::Html(h) | Event::InlineHtml(h) => {
                directives.extend(suppress::in_markup(&h, range.start));
            }
            Event::SoftBreak | Event::HardBreak if hidden == 0 => mask.keep(range),
            _ => {}
        }
    }
    mask.blank_urls();
    Parsed {
        text: mask.finish(),
        date,
        directives,
    }
}

fn hides(tag: &Tag) -> bool {
    match tag {
        Tag::CodeBlock(_) | Tag::Image { .. } | Tag::MetadataBlock(_) | Tag::HtmlBlock => true,
        Tag::Link { link_type, .. } => matches!(link_type, LinkType::Autolink | LinkType::Email),
        _ => false,
    }
}

fn ends_hidden(end: &TagEnd) -> bool {
    matches!(
        end,
        TagEnd::CodeBlock | TagEnd::Image | TagEnd::MetadataBlock(_) | TagEnd::HtmlBlock
    )
}

fn starts_block(tag: &Tag) -> bool {
    matches!(
        tag,
        Tag::Item
            | Tag::TableRow
            | Tag::TableHead
            | Tag::FootnoteDefinition(_)
            | Tag::DefinitionListTitle
            | Tag::DefinitionListDefinition
    )
}

/// Ends a heading so that it is a sentence of its own. An ATX heading
/// ("# Title") keeps its `#`, which the sentence splitter reads as a line
/// of its own, since no byte is left between its text and the next line to
/// write a paragraph break over; a setext heading's underline becomes one.
fn heading_end(mask: &mut Mask, source: &str, range: std::ops::Range<usize>) {
    let Some(text) = source.get(range.clone()) else {
        return;
    };
    let indent = text.len() - text.trim_start_matches(' ').len();
    let hashes = text[indent..].len() - text[indent..].trim_start_matches('#').len();
    if hashes > 0 {
        mask.keep(range.start + indent..range.start + indent + hashes);
    } else {
        mask.paragraph_break(range);
    }
}

/// The `date:` key of YAML front matter; only that key is read.
pub fn front_matter_date(block: &str) -> Option<NaiveDate> {
    block.lines().find_map(|line| {
        let (key, value) = line.split_once(':')?;
        if !key.trim().eq_ignore_ascii_case("date") || line.starts_with([' ', '\t']) {
            return None;
        }
        super::iso_date_prefix(value.trim().trim_matches(['"', '\'']))
    })
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
    fn code_and_links_are_not_prose() {
        let src = "Sold 5 cars, `x = 10` and [12 boats](http://a.io/99).\n\n```\n42\n```\n";
        let t = text(src);
        assert!(t.contains("Sold 5 cars,"));
        assert!(t.contains("12 boats"));
        assert!(!t.contains("10") && !t.contains("99") && !t.contains("42"));
    }

    #[test]
    fn front_matter_gives_the_date() {
        let src = "---\ntitle: \"Cuts: 300 jobs\"\ndate: 2016-08-18T09:00:00Z\n---\n\n# Cuts\n\nText 5.\n";
        let p = parse(src);
        assert_eq!(p.date, NaiveDate::from_ymd_opt(2016, 8, 18));
        assert!(!p.text.contains("300"));
        assert!(p.text.contains("Text 5."));
    }

    #[test]
    fn headings_stand_alone() {
        let t = text("Intro.\n\n# Firm cuts 300 jobs\nText.\n\nTitle 5\n===\nMore.\n");
        assert!(t.contains("# Firm cuts 300 jobs\nText."), "{t:?}");
        assert!(t.contains("Title 5\n\n"), "{t:?}");
    }

    #[test]
    fn list_items_are_separate_paragraphs() {
        let t = text("Totals:\n- 5 men\n- 7 women\n");
        assert!(t.contains("\n\n5 men") || t.contains("\n\n 5 men"), "{t:?}");
    }

    #[test]
    fn autolinks_are_hidden_but_their_neighbours_stay() {
        let t = text("Read <https://x.io/2016/500> and 7 more.");
        assert!(!t.contains("500"));
        assert!(t.contains("and 7 more."));
    }

    #[test]
    fn entities_decode_in_place() {
        let src = "A&nbsp;5&ndash;7 rise";
        let t = text(src);
        assert!(t.starts_with("A\u{a0}"), "{t:?}");
        assert_eq!(&t[src.find('7').unwrap()..][..6], "7 rise");
    }
}

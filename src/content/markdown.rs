//! Markdown to safe HTML: pulldown-cmark renders, raw HTML is dropped, ammonia
//! sanitises what is left. Headings get ids for the table of contents.

use std::collections::HashSet;

use pulldown_cmark::{CowStr, Event, HeadingLevel, Options, Parser, Tag, TagEnd};

/// One entry of a guide's table of contents (level-2 headings).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct TocEntry {
    pub id: String,
    pub text: String,
}

#[derive(Debug, Clone)]
pub struct RenderedMarkdown {
    /// Sanitised HTML, safe to insert into a page as is.
    pub html: String,
    pub toc: Vec<TocEntry>,
    /// The text without markup, for search and snippets.
    pub plain_text: String,
}

/// A heading id from its text: letters and digits of any script, hyphens between words.
fn heading_id(text: &str, used: &mut HashSet<String>) -> String {
    let mut id = String::new();
    for word in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        if !id.is_empty() {
            id.push('-');
        }
        id.extend(word.chars().flat_map(char::to_lowercase));
    }
    if id.is_empty() {
        id.push_str("section");
    }
    let mut candidate = id.clone();
    let mut n = 2;
    while !used.insert(candidate.clone()) {
        candidate = format!("{id}-{n}");
        n += 1;
    }
    candidate
}

pub fn render(markdown: &str) -> RenderedMarkdown {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    // Raw HTML never reaches the page, not even to be sanitised.
    let events: Vec<Event> =
        Parser::new_ext(markdown, options).filter(|e| !matches!(e, Event::Html(_) | Event::InlineHtml(_))).collect();

    // First pass: the text of every heading, for ids and the table of contents.
    let mut used = HashSet::new();
    let mut ids = Vec::new();
    let mut toc = Vec::new();
    let mut current: Option<(HeadingLevel, String)> = None;
    let mut plain = String::new();
    for event in &events {
        match event {
            Event::Start(Tag::Heading { level, .. }) => current = Some((*level, String::new())),
            Event::End(TagEnd::Heading(_)) => {
                if let Some((level, text)) = current.take() {
                    let id = heading_id(&text, &mut used);
                    // The page title is the only h1: body headings start at h2.
                    if matches!(level, HeadingLevel::H1 | HeadingLevel::H2) {
                        toc.push(TocEntry { id: id.clone(), text: text.trim().to_owned() });
                    }
                    ids.push(id);
                }
            }
            Event::Text(t) | Event::Code(t) => {
                if let Some((_, text)) = current.as_mut() {
                    text.push_str(t);
                }
                plain.push_str(t);
                plain.push(' ');
            }
            Event::SoftBreak | Event::HardBreak | Event::End(_) if !plain.ends_with(' ') => plain.push(' '),
            _ => {}
        }
    }

    // Second pass: give headings their ids and demote a body h1 to h2.
    let mut next_id = ids.into_iter();
    let events = events.into_iter().map(|event| match event {
        Event::Start(Tag::Heading { level, classes, attrs, .. }) => {
            let level = if level == HeadingLevel::H1 { HeadingLevel::H2 } else { level };
            Event::Start(Tag::Heading { level, id: next_id.next().map(CowStr::from), classes, attrs })
        }
        Event::End(TagEnd::Heading(HeadingLevel::H1)) => Event::End(TagEnd::Heading(HeadingLevel::H2)),
        other => other,
    });
    let mut unsafe_html = String::with_capacity(markdown.len() * 3 / 2);
    pulldown_cmark::html::push_html(&mut unsafe_html, events);

    RenderedMarkdown {
        html: sanitise(&unsafe_html),
        toc,
        plain_text: plain.split_whitespace().collect::<Vec<_>>().join(" "),
    }
}

fn sanitise(html: &str) -> String {
    let tags: HashSet<&str> = [
        "a",
        "blockquote",
        "br",
        "code",
        "del",
        "em",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "hr",
        "li",
        "ol",
        "p",
        "pre",
        "strong",
        "table",
        "tbody",
        "td",
        "th",
        "thead",
        "tr",
        "ul",
    ]
    .into_iter()
    .collect();
    let schemes: HashSet<&str> = ["https", "http", "mailto", "tel"].into_iter().collect();
    ammonia::Builder::default()
        .tags(tags)
        .tag_attributes(Default::default())
        .generic_attributes(Default::default())
        .add_tag_attributes("a", &["href"])
        .add_tag_attributes("ol", &["start"])
        .add_tag_attributes("h2", &["id"])
        .add_tag_attributes("h3", &["id"])
        .add_tag_attributes("h4", &["id"])
        .add_tag_attributes("h5", &["id"])
        .add_tag_attributes("h6", &["id"])
        .url_schemes(schemes)
        .url_relative(ammonia::UrlRelative::PassThrough)
        .link_rel(Some("noreferrer"))
        .clean(html)
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_headings_with_ids_lists_tables_and_links() {
        let r = render(
            "## What you need\n\n- a photo\n- a form\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n[legal aid](legal-aid)\n\n## Что нужно\n\n### Шаг 1\n",
        );
        assert!(r.html.contains("<h2 id=\"what-you-need\">What you need</h2>"), "{}", r.html);
        assert!(r.html.contains("<h2 id=\"что-нужно\">"), "{}", r.html);
        assert!(r.html.contains("<h3 id=\"шаг-1\">"), "{}", r.html);
        assert!(r.html.contains("<li>a photo</li>"));
        assert!(r.html.contains("<table>") && r.html.contains("<td>2</td>"));
        assert!(r.html.contains("<a href=\"legal-aid\" rel=\"noreferrer\">legal aid</a>"), "{}", r.html);
        assert_eq!(r.toc.iter().map(|t| t.id.as_str()).collect::<Vec<_>>(), ["what-you-need", "что-нужно"]);
        assert!(r.plain_text.contains("a photo") && !r.plain_text.contains('<'));
    }

    #[test]
    fn repeated_headings_get_distinct_ids_and_h1_is_demoted() {
        let r = render("# Title\n\n## Steps\n\n## Steps\n");
        assert!(r.html.contains("<h2 id=\"title\">Title</h2>"), "{}", r.html);
        assert!(r.html.contains("id=\"steps\"") && r.html.contains("id=\"steps-2\""));
        assert!(!r.html.contains("<h1"));
    }

    #[test]
    fn scripts_handlers_styles_and_bad_urls_are_removed() {
        let attacks = [
            "<script>alert(1)</script>",
            "<img src=x onerror=alert(1)>",
            "[click](javascript:alert(1))",
            "[click](JaVaScRiPt:alert(1))",
            "[x](data:text/html;base64,PHNjcmlwdD4=)",
            "<svg onload=alert(1)><circle/></svg>",
            "<p style=\"color:red\" onclick=\"x()\">hi</p>",
            "<a href=\"https://example.org\" onmouseover=\"x()\">a</a>",
            "<iframe src=\"https://example.org\"></iframe>",
            "![x](https://tracker.example/pixel.gif)",
        ];
        for attack in attacks {
            let html = render(attack).html.to_lowercase();
            for bad in [
                "<script",
                "onerror",
                "onload",
                "onclick",
                "onmouseover",
                "javascript:",
                "data:",
                "<svg",
                "style=",
                "<iframe",
                "<img",
            ] {
                assert!(!html.contains(bad), "{attack:?} left {bad:?} in {html:?}");
            }
        }
    }
}

//! Search snippets: a short passage around the first match, with the matched
//! words marked. Matching folds case by the reader's language, like the index.

use crate::domain::text::fold;

/// A piece of a snippet; `mark` pieces are shown highlighted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SnippetPart {
    pub text: String,
    pub mark: bool,
}

fn matches(lang: &str, word: &str, terms: &[String]) -> bool {
    let folded = fold(lang, word);
    terms.iter().any(|t| folded.starts_with(t.as_str()))
}

/// About `max_words` words of `text` starting a little before the first match.
pub fn snippet(lang: &str, text: &str, terms: &[String], max_words: usize) -> Vec<SnippetPart> {
    let words: Vec<&str> = text.split_whitespace().collect();
    let first = words.iter().position(|w| matches(lang, w, terms)).unwrap_or(0);
    let start = first.saturating_sub(6);
    let end = (start + max_words).min(words.len());
    let mut parts: Vec<SnippetPart> = Vec::new();
    if start > 0 {
        parts.push(SnippetPart { text: "… ".into(), mark: false });
    }
    for (i, word) in words[start..end].iter().enumerate() {
        let separator = if i + 1 < end - start { " " } else { "" };
        // Keep punctuation outside the highlight: "passport," marks "passport".
        let core_end =
            word.char_indices().rev().find(|(_, c)| c.is_alphanumeric()).map_or(0, |(i, c)| i + c.len_utf8());
        let core_start = word.char_indices().find(|(_, c)| c.is_alphanumeric()).map_or(0, |(i, _)| i);
        let core = &word[core_start..core_end.max(core_start)];
        if !core.is_empty() && matches(lang, core, terms) {
            push(&mut parts, &word[..core_start], false);
            push(&mut parts, core, true);
            push(&mut parts, &format!("{}{separator}", &word[core_end.max(core_start)..]), false);
        } else {
            push(&mut parts, &format!("{word}{separator}"), false);
        }
    }
    if end < words.len() {
        push(&mut parts, " …", false);
    }
    parts
}

fn push(parts: &mut Vec<SnippetPart>, text: &str, mark: bool) {
    if text.is_empty() {
        return;
    }
    match parts.last_mut() {
        Some(last) if last.mark == mark && !mark => last.text.push_str(text),
        _ => parts.push(SnippetPart { text: text.to_owned(), mark }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(parts: &[SnippetPart]) -> String {
        parts.iter().map(|p| if p.mark { format!("[{}]", p.text) } else { p.text.clone() }).collect()
    }

    #[test]
    fn marks_matches_by_prefix_and_case() {
        let terms = vec!["passport".to_owned()];
        let s = snippet("en", "You need a Passport, or passports from abroad.", &terms, 30);
        assert_eq!(render(&s), "You need a [Passport], or [passports] from abroad.");
    }

    #[test]
    fn folds_azerbaijani_dotted_i() {
        let terms = vec![fold("az", "İşıq")];
        let s = snippet("az", "Evdə İŞIQ yoxdur", &terms, 10);
        assert_eq!(render(&s), "Evdə [İŞIQ] yoxdur");
        // IŞIQ reads ışıq in Azerbaijani: another word.
        assert_eq!(render(&snippet("az", "IŞIQ", &terms, 10)), "IŞIQ");
    }

    #[test]
    fn long_texts_are_cut_around_the_first_match() {
        let text = (1..=100).map(|i| format!("w{i}")).collect::<Vec<_>>().join(" ");
        let s = render(&snippet("en", &text, &["w50".to_owned()], 10));
        assert!(s.starts_with("… w44") && s.contains("[w50]") && s.ends_with(" …"), "{s}");
    }
}

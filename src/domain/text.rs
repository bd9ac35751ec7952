//! Language-aware text folding for search: the same function folds what is
//! indexed and what is searched, so `İSTANBUL`, `ИСТОРИЯ` and `ՀԱՅ` find their
//! lower-case forms, and Azerbaijani dotless `ı` stays apart from `i`. Also the one rule
//! for control characters in what arrives (`without_controls`, `has_controls`).

use std::borrow::Cow;

/// A typed value without control characters: CRLF and a lone CR become LF; NUL and every
/// other control character (C0, DEL, C1) go; LF and tab stay, for multi-line texts. The web
/// layer applies it to every submitted form field, so nothing below sees a NUL (which
/// PostgreSQL refuses in text) and both databases store the same text.
pub fn without_controls(input: &str) -> Cow<'_, str> {
    if !input.chars().any(|c| c.is_control() && c != '\n' && c != '\t') {
        return Cow::Borrowed(input);
    }
    let unified = input.replace("\r\n", "\n").replace('\r', "\n");
    Cow::Owned(unified.chars().filter(|c| *c == '\n' || *c == '\t' || !c.is_control()).collect())
}

/// Whether a path segment or query value holds a control character (nothing legitimate does).
pub fn has_controls(input: &str) -> bool {
    input.chars().any(char::is_control)
}

/// Lower-cases `text` by the rules of `lang` (Turkic `I`/`İ` for Azerbaijani;
/// `ё` read as `е` for Russian, as Russian readers type it).
pub fn fold(lang: &str, text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let turkic = matches!(lang, "az" | "tr" | "kk" | "tt" | "crh");
    for c in text.chars() {
        match c {
            'I' if turkic => out.push('ı'),
            'İ' => out.push('i'),
            // Combining dot above (from a decomposed İ) adds nothing to a search.
            '\u{307}' => {}
            'ё' | 'Ё' if lang == "ru" => out.push('е'),
            _ => out.extend(c.to_lowercase()),
        }
    }
    out
}

/// The words of a query, folded, without punctuation; at most `max` of them.
pub fn search_terms(lang: &str, query: &str, max: usize) -> Vec<String> {
    let folded = fold(lang, query);
    let mut terms: Vec<String> = Vec::new();
    for word in folded.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        let word: String = word.chars().take(40).collect();
        if !terms.contains(&word) {
            terms.push(word);
        }
        if terms.len() == max {
            break;
        }
    }
    terms
}

/// A search query without the words that may say who someone is: any word with a digit
/// (phone numbers, dates, document and house numbers) or an `@` (email addresses), and
/// anything that looks like a link. What a vain search may be remembered as.
pub fn without_personal_data(query: &str) -> String {
    query
        .split_whitespace()
        .filter(|w| !w.chars().any(|c| c.is_numeric() || c == '@') && !w.contains("://") && !w.starts_with("www."))
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_go_but_line_breaks_and_tabs_stay() {
        assert_eq!(without_controls("a\u{0}b"), "ab");
        assert_eq!(without_controls("line one\r\nline two\rthree\n\tend"), "line one\nline two\nthree\n\tend");
        assert_eq!(without_controls("bell\u{7}del\u{7f}c1\u{85}\u{9f}"), "belldelc1");
        // Nothing else changes: letters of every script, bidi marks (clean_line's business), emoji.
        let kept = "Հայերեն Русский Azərbaycan \u{200F}👍";
        assert!(matches!(without_controls(kept), Cow::Borrowed(k) if k == kept));
        assert!(has_controls("a\u{0}") && has_controls("\n") && !has_controls("ordinary text"));
    }

    #[test]
    fn personal_data_is_left_out_of_what_is_remembered() {
        assert_eq!(without_personal_data("my husband beats me"), "my husband beats me");
        assert_eq!(without_personal_data("call ani@example.am or +374 (10) 55-55-55"), "call or");
        assert_eq!(without_personal_data("passport AB1234567 lost 12.03.2026"), "passport lost");
        assert_eq!(without_personal_data("visit https://x.example/a www.x.am"), "visit");
        assert_eq!(without_personal_data("دفتر ٣٤٥"), "دفتر", "digits of any script");
    }

    #[test]
    fn azerbaijani_keeps_dotted_and_dotless_i_apart() {
        assert_eq!(fold("az", "İŞIQ"), "işıq");
        assert_eq!(fold("az", "İstifadə"), "istifadə");
        assert_eq!(fold("az", "ILIQ"), "ılıq");
        // Other languages use the ordinary mapping.
        assert_eq!(fold("en", "ISTANBUL"), "istanbul");
    }

    #[test]
    fn armenian_and_cyrillic_fold_case() {
        assert_eq!(fold("hy", "ՀԱՅԵՐԵՆ"), "հայերեն");
        assert_eq!(fold("ru", "Паспорт ЁЛКА"), "паспорт елка");
    }

    #[test]
    fn search_terms_drop_punctuation_and_repeat_words() {
        assert_eq!(search_terms("en", "  Passport, passport!! (renew) ", 10), vec!["passport", "renew"]);
        assert_eq!(search_terms("en", "a b c d", 2), vec!["a", "b"]);
        assert!(search_terms("en", "\"*():^-", 10).is_empty());
    }
}

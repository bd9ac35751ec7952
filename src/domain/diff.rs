//! Word-level differences between two texts, for comparing revisions of guides and services.
//! Runs of the same kind are merged so a page shows few, readable pieces.

/// One piece of a word diff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DiffPart {
    /// `same`, `removed` or `added`.
    pub kind: &'static str,
    pub text: String,
}

/// A word-level diff (whitespace kept), merged into runs of the same kind.
pub fn word_diff(old: &str, new: &str) -> Vec<DiffPart> {
    let diff = similar::TextDiff::from_words(old, new);
    let mut parts: Vec<DiffPart> = Vec::new();
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            similar::ChangeTag::Equal => "same",
            similar::ChangeTag::Delete => "removed",
            similar::ChangeTag::Insert => "added",
        };
        match parts.last_mut() {
            Some(last) if last.kind == kind => last.text.push_str(change.value()),
            _ => parts.push(DiffPart { kind, text: change.value().to_owned() }),
        }
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_diff_marks_changed_words_only() {
        let parts = word_diff("Bring your old passport.", "Bring your new passport and a photo.");
        let text = |k: &str| parts.iter().filter(|p| p.kind == k).map(|p| p.text.as_str()).collect::<String>();
        assert!(text("removed").contains("old"));
        assert!(text("added").contains("new") && text("added").contains("photo"));
        assert!(text("same").starts_with("Bring your"));
        // Putting the "same" and "added" parts together gives the new text back.
        let rebuilt: String = parts.iter().filter(|p| p.kind != "removed").map(|p| p.text.as_str()).collect();
        assert_eq!(rebuilt, "Bring your new passport and a photo.");
    }
}

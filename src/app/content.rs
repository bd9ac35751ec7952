//! Editing guidance: guides, translations, revisions, topics, publishing and review dates.

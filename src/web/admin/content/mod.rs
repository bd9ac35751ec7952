//! Content administration (`/admin/content`, `/admin/translations`): guides, translations, topics.

//! What readers read: home, topics, guides, search, the services finder, feeds and the sitemap.

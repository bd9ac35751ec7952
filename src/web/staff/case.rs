//! One inquiry's case page and what a caseworker does with it.

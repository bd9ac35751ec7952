//! Teams and routing rules: create, save, reorder, delete, and hand-over targets.

//! Health and metrics reads for operators.

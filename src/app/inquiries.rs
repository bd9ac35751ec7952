//! Asking a question and coming back with the receipt code: submit, check status, follow up.

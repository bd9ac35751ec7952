//! One inquiry's case: view, reply, note, assign, status, hand over, flags, export and erase.

//! Staff accounts: first administrator and invitations, sign-in, second factor, passwords, sessions.

//! An email address as a person types it: trimmed, one `@`, a dotted domain, nothing
//! invisible, and nothing the mail transport would refuse: the address must also pass
//! lettre's own parser (the one `mail::transport` reads the recipient with), so a reader is
//! never told "sent" for an address the acknowledgement can never go to. Deliverability
//! beyond that is the mail server's business.
//!
//! The domain knows no framework; lettre's parser is a pure function of a library (no I/O,
//! no runtime), used here so that what the form accepts and what the transport sends are one
//! rule and cannot drift apart when either changes.

use std::fmt;
use std::str::FromStr;

#[derive(Clone, PartialEq, Eq, Hash)]
pub struct EmailAddress(String);

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum EmailError {
    #[error("the email address is empty")]
    Empty,
    #[error("the email address is too long")]
    TooLong,
    #[error("the email address is not in the form name@example.org")]
    Malformed,
    /// A dot starts or ends the part before `@`, or two dots follow each other there.
    #[error("the email address has a dot at the start or end of its name part, or two dots in a row")]
    Dots,
    /// A character nobody sees (zero-width space, joiner, bidi mark, soft hyphen, control).
    #[error("the email address contains an invisible character")]
    Hidden,
}

/// The longest address SMTP carries (RFC 5321: a 256-octet path less the angle brackets).
const MAX_ADDRESS: usize = 254;
const MAX_LOCAL: usize = 64;
const MAX_LABEL: usize = 63;

/// A character of the part before `@`: RFC 5322 atext, or a letter or digit of any script
/// (RFC 6531). Invisible characters (zero-width spaces, joiners, bidi marks, soft hyphens)
/// are neither, so an address cannot hide one.
fn local_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || "!#$%&'*+-/=?^_`{|}~.".contains(c) || (!c.is_ascii() && c.is_alphanumeric())
}

/// Characters that show nothing: controls and the format characters that hide in pasted text.
fn invisible(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{AD}' | '\u{34F}' | '\u{61C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
            | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{FFA0}'
            | '\u{FFF9}'..='\u{FFFB}' | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

fn dots_ok(local: &str) -> bool {
    !local.starts_with('.') && !local.ends_with('.') && !local.contains("..")
}

fn local_ok(local: &str) -> bool {
    !local.is_empty()
        && local.len() <= MAX_LOCAL
        && local.chars().all(local_char)
        // An encoded word (`=?utf-8?b?…?=`) is decoded by some mail programs into another
        // address or a name: never an address a person types.
        && !local.contains("=?")
}

/// A dotted host name: labels of letters (any script), digits and inner hyphens.
fn domain_ok(domain: &str) -> bool {
    let label_ok = |l: &str| {
        !l.is_empty()
            && l.len() <= MAX_LABEL
            && l.chars().all(|c| c.is_alphanumeric() || c == '-')
            && !l.starts_with('-')
            && !l.ends_with('-')
    };
    domain.contains('.') && domain.split('.').all(label_ok)
}

/// Whether the mail transport reads `address` as exactly that address (no display name,
/// nothing dropped): the same parse `mail::transport::Transport::send` does on the recipient.
fn transport_accepts(address: &str) -> bool {
    lettre::message::Mailbox::from_str(address)
        .is_ok_and(|m| m.name.is_none() && AsRef::<str>::as_ref(&m.email) == address)
}

impl EmailAddress {
    pub fn parse(input: &str) -> Result<Self, EmailError> {
        let s = input.trim();
        if s.is_empty() {
            return Err(EmailError::Empty);
        }
        if s.len() > MAX_ADDRESS {
            return Err(EmailError::TooLong);
        }
        if s.chars().any(invisible) {
            return Err(EmailError::Hidden);
        }
        let (local, domain) = s.split_once('@').ok_or(EmailError::Malformed)?;
        if !dots_ok(local) {
            return Err(EmailError::Dots);
        }
        // Domains are case-insensitive; the local part is kept as typed.
        let address = format!("{local}@{}", domain.to_lowercase());
        if !local_ok(local) || !domain_ok(domain) || !transport_accepts(&address) {
            return Err(EmailError::Malformed);
        }
        Ok(EmailAddress(address))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The form used to find an account: addresses that differ only in case are one account.
    pub fn normalized(&self) -> String {
        self.0.to_lowercase()
    }
}

impl fmt::Display for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

// Debug must not leak an address into logs by accident.
impl fmt::Debug for EmailAddress {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("EmailAddress(…)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_ordinary_addresses_and_lowercases_the_domain() {
        let e = EmailAddress::parse("  Ani.Petrosyan@Example.AM ").map(|e| e.to_string());
        assert_eq!(e, Ok("Ani.Petrosyan@example.am".to_owned()));
    }

    #[test]
    fn accepts_non_ascii_addresses() {
        assert!(EmailAddress::parse("şəhla@poçt.az").is_ok());
    }

    #[test]
    fn rejects_malformed_addresses() {
        assert_eq!(EmailAddress::parse(""), Err(EmailError::Empty));
        for bad in [
            "ani",
            "ani@",
            "@example.org",
            "ani@example",
            "a b@example.org",
            "a@@example.org",
            "a@example..org",
            "a@.example.org",
        ] {
            assert_eq!(EmailAddress::parse(bad), Err(EmailError::Malformed), "{bad}");
        }
    }

    /// Addresses people and attackers type; whatever the form accepts must pass the
    /// transport's own parser, and these must all be refused.
    const REFUSED: &[&str] = &[
        "a..b@c.de",
        ".a@b.cd",
        "a.@b.cd",
        "a\u{200B}b@c.de",
        "ab@c\u{200B}.de",
        "a\u{200C}b@c.de",
        "a\u{200D}b@c.de",
        "a\u{2060}b@c.de",
        "\u{FEFF}ab@c.de",
        "a\u{AD}b@c.de",
        "ab@ex\u{AD}ample.de",
        "a\u{202E}b@c.de",
        "a\u{180E}b@c.de",
        "=?utf-8?q?admin?=@c.de",
        "=?utf-8?b?YWRtaW4=?=@c.de",
        "x=?iso-8859-1?q?y?=@c.de",
        "\"a b\"@c.de",
        "Ani <ani@c.de>",
        "ani@c.de>",
        "a@b@c.de",
        "a@-c.de",
        "a@c-.de",
        "a@c..de",
        "a@[127.0.0.1]",
        "a\u{0}b@c.de",
        "a\tb@c.de",
    ];

    #[test]
    fn refuses_what_the_mailer_would_refuse_or_hide() {
        for bad in REFUSED {
            assert!(EmailAddress::parse(bad).is_err(), "{bad:?}");
        }
        // The two a reader can fix once told what is wrong.
        for dots in ["a..b@c.de", ".a@b.cd", "a.@b.cd"] {
            assert_eq!(EmailAddress::parse(dots), Err(EmailError::Dots), "{dots}");
        }
        for hidden in ["a\u{200B}b@c.de", "ab@ex\u{AD}ample.de", "\u{FEFF}ab@c.de", "a\u{E0041}@c.de"] {
            assert_eq!(EmailAddress::parse(hidden), Err(EmailError::Hidden), "{hidden:?}");
        }
        let long_local = format!("{}@c.de", "a".repeat(65));
        let long_label = format!("a@{}.de", "b".repeat(64));
        let long_address = format!("a@{}.de", vec!["b".repeat(60); 5].join("."));
        for bad in [long_local, long_label, long_address] {
            assert!(EmailAddress::parse(&bad).is_err(), "{} characters", bad.len());
        }
    }

    #[test]
    fn every_accepted_address_passes_the_transports_parser() {
        let longest_local = format!("{}@c.de", "a".repeat(64));
        let long_domain = format!("a@{}.de", vec!["b".repeat(63); 3].join("."));
        let mut corpus: Vec<String> = [
            "ani@example.org",
            "Ani.Petrosyan@Example.AM",
            "first.last+tag@sub.domain.example",
            "o'brien@example.ie",
            "x_y-z@example.co.uk",
            "a!#$%&*/=?^`{|}~@example.org",
            "şəhla@poçt.az",
            "анна@почта.рф",
            "անի@օրինակ.հայ",
            "ani@xn--e1afmkfd.xn--p1ai",
            "ani@bücher.de",
        ]
        .iter()
        .map(|s| (*s).to_owned())
        .collect();
        corpus.extend([longest_local, long_domain]);
        corpus.extend(REFUSED.iter().map(|s| (*s).to_owned()));
        let mut accepted = 0;
        for typed in &corpus {
            if let Ok(address) = EmailAddress::parse(typed) {
                accepted += 1;
                let Ok(to) = lettre::message::Mailbox::from_str(address.as_str()) else {
                    panic!("accepted but the transport refuses {typed:?}");
                };
                // And it builds into a message, as the outbox worker does.
                let from = lettre::message::Mailbox::from_str("homeward@example.org");
                let message =
                    from.map(|from| lettre::Message::builder().from(from).to(to).subject("t").body(String::from("t")));
                assert!(message.is_ok_and(|m| m.is_ok()), "accepted but no message can be built for {typed:?}");
            }
        }
        assert!(accepted >= 10, "the corpus's ordinary addresses are accepted ({accepted})");
    }

    #[test]
    fn debug_does_not_show_the_address() {
        let e = EmailAddress::parse("secret@example.org");
        assert!(e.is_ok_and(|e| !format!("{e:?}").contains("secret")));
    }
}

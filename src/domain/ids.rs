//! Record ids: time-ordered UUIDs made in Rust. Each kind of record has its own type, so an
//! inquiry id cannot be passed where a user id is meant, and an id that comes from a URL or a
//! form is checked when it is read (anything that is not a UUID is simply "not found").

use std::fmt;

/// The text was not an id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("not a record id")]
pub struct InvalidId;

macro_rules! id_type {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(String);

        impl $name {
            /// A fresh id (UUIDv7: ordered by creation time).
            pub fn generate() -> Self {
                $name(uuid::Uuid::now_v7().to_string())
            }

            /// Accepts a UUID in its usual hyphenated form, as stored.
            pub fn parse(text: &str) -> Result<Self, InvalidId> {
                parse_uuid(text).map($name)
            }

            /// An id read back from the database (trusted: it was made by `generate`).
            pub fn from_stored(text: String) -> Self {
                $name(text)
            }

            pub fn as_str(&self) -> &str {
                &self.0
            }

            pub fn into_string(self) -> String {
                self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl std::str::FromStr for $name {
            type Err = InvalidId;
            fn from_str(s: &str) -> Result<Self, InvalidId> {
                $name::parse(s)
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
                let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
                $name::parse(&text).map_err(serde::de::Error::custom)
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                serializer.serialize_str(&self.0)
            }
        }
    };
}

fn parse_uuid(text: &str) -> Result<String, InvalidId> {
    // Only the hyphenated lower-case form we store: other spellings of the same UUID
    // would be different strings in the database.
    match uuid::Uuid::try_parse(text) {
        Ok(u) if u.hyphenated().to_string() == text => Ok(text.to_owned()),
        _ => Err(InvalidId),
    }
}

id_type!(
    /// A question or form submission.
    InquiryId
);
id_type!(
    /// A staff account.
    UserId
);
id_type!(
    /// A guide (all its translations).
    GuideId
);
id_type!(
    /// A team of caseworkers.
    TeamId
);
id_type!(
    /// One routing rule of a team.
    RuleId
);
id_type!(
    /// A canned reply.
    CannedReplyId
);
id_type!(
    /// A queued email.
    OutboxId
);
id_type!(
    /// A saved version of a guide translation or a service.
    RevisionId
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_ids_parse_back() {
        let id = InquiryId::generate();
        assert_eq!(InquiryId::parse(id.as_str()), Ok(id));
    }

    #[test]
    fn anything_but_a_stored_uuid_is_refused() {
        let upper = UserId::generate().as_str().to_uppercase();
        for bad in [
            "",
            "1",
            "../etc",
            "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5\0",
            &upper,
            "{0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b}",
        ] {
            assert_eq!(UserId::parse(bad), Err(InvalidId), "{bad:?}");
        }
    }

    #[test]
    fn ids_deserialise_only_when_valid() {
        let id = TeamId::generate();
        let ok: Result<TeamId, _> = serde_json::from_str(&format!("\"{id}\""));
        assert_eq!(ok.ok(), Some(id));
        let bad: Result<TeamId, _> = serde_json::from_str("\"not-an-id\"");
        assert!(bad.is_err());
    }
}

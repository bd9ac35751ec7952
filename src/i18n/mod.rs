//! UI strings from Fluent files in `locales/<lang>/`, embedded at build time,
//! a per-request translator, and language negotiation from `Accept-Language`.

use std::borrow::Cow;
use std::collections::HashMap;

use fluent_templates::fluent_bundle::FluentValue;
use fluent_templates::{LanguageIdentifier, Loader};

use crate::domain::Lang;

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks would show up as stray characters in HTML attributes and titles.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

fn langid(lang: &Lang) -> Option<LanguageIdentifier> {
    lang.as_str().parse().ok()
}

/// Whether `locales/<lang>/` was present when the binary was built.
pub fn has_catalog(lang: &Lang) -> bool {
    LOCALES.locales().any(|l| l.language.as_str() == lang.as_str() && l.region.is_none() && l.script.is_none())
}

/// Looks up UI strings in one language.
#[derive(Clone, Debug)]
pub struct Translator {
    lang: Lang,
    id: LanguageIdentifier,
}

impl Translator {
    pub fn new(lang: &Lang) -> Translator {
        let id = langid(lang).unwrap_or_default();
        Translator { lang: lang.clone(), id }
    }

    pub fn lang(&self) -> &Lang {
        &self.lang
    }

    /// The string for `key`; a missing key (caught by a test) falls back to English.
    pub fn t(&self, key: &str) -> String {
        LOCALES.lookup(&self.id, key)
    }

    /// The string for `key` with named arguments.
    pub fn t_args(&self, key: &str, args: &[(&'static str, &str)]) -> String {
        let map: HashMap<Cow<'static, str>, FluentValue> =
            args.iter().map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.to_string()))).collect();
        LOCALES.lookup_with_args(&self.id, key, &map)
    }

    /// The name of this language written in itself, for the language switcher.
    pub fn language_name(&self) -> String {
        self.t("language-name")
    }

    /// A date written out as readers of this language write it ("20 November 2026").
    pub fn date(&self, date: time::Date) -> String {
        let month = self.t(&format!("month-{}", u8::from(date.month())));
        let day = date.day().to_string();
        let year = date.year().to_string();
        self.t_args("date-format", &[("day", &day), ("month", &month), ("year", &year)])
    }

    /// A message with a count, so Fluent can pick the plural form.
    pub fn t_count(&self, key: &str, count: usize, args: &[(&'static str, &str)]) -> String {
        let mut map: HashMap<Cow<'static, str>, FluentValue> =
            args.iter().map(|(k, v)| (Cow::Borrowed(*k), FluentValue::from(v.to_string()))).collect();
        map.insert(Cow::Borrowed("count"), FluentValue::from(count));
        LOCALES.lookup_with_args(&self.id, key, &map)
    }
}

/// The best enabled language for an `Accept-Language` header, else the default.
/// A region subtag matches its language (`az-AZ` → `az`).
pub fn negotiate(header: Option<&str>, enabled: &[Lang], default: &Lang) -> Lang {
    let Some(header) = header else { return default.clone() };
    let mut ranked = accept_language::parse_with_quality(header);
    // Stable sort keeps the header's order among equal weights.
    ranked.sort_by(|a, b| b.1.partial_cmp(&a.1).unwrap_or(std::cmp::Ordering::Equal));
    for (tag, quality) in ranked {
        if quality <= 0.0 {
            continue;
        }
        let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
        if let Some(found) = enabled.iter().find(|l| l.as_str() == primary) {
            return found.clone();
        }
    }
    default.clone()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn langs(codes: &[&str]) -> Vec<Lang> {
        codes.iter().filter_map(|c| Lang::parse(c).ok()).collect()
    }

    fn pick(header: Option<&str>) -> String {
        let enabled = langs(&["en", "hy", "az", "ru"]);
        negotiate(header, &enabled, &enabled[0]).to_string()
    }

    #[test]
    fn dates_are_written_out_in_each_language() -> Result<(), Box<dyn std::error::Error>> {
        let date = time::Date::from_calendar_date(2026, time::Month::November, 20)?;
        assert_eq!(Translator::new(&Lang::parse("en")?).date(date), "20 November 2026");
        for lang in ["hy", "az", "ru"] {
            let text = Translator::new(&Lang::parse(lang)?).date(date);
            assert!(text.contains("20") && text.contains("2026") && !text.contains("month-"), "{lang}: {text}");
            assert!(!text.contains("November"), "{lang}: {text}");
        }
        Ok(())
    }

    #[test]
    fn negotiation_follows_the_header() {
        assert_eq!(pick(Some("hy")), "hy");
        assert_eq!(pick(Some("ru,en;q=0.5")), "ru");
        assert_eq!(pick(Some("en;q=0.5,ru")), "ru");
        assert_eq!(pick(Some("az-AZ")), "az");
        assert_eq!(pick(Some("de-DE,fr;q=0.9")), "en");
        assert_eq!(pick(Some("de, hy;q=0.1")), "hy");
        assert_eq!(pick(Some("ru;q=0")), "en");
        assert_eq!(pick(Some("")), "en");
        assert_eq!(pick(Some(";;;,,q=")), "en");
        assert_eq!(pick(None), "en");
    }

    #[test]
    fn the_default_languages_have_catalogs() -> Result<(), crate::domain::LangError> {
        for l in langs(&["en", "hy", "az", "ru"]) {
            assert!(has_catalog(&l), "{l}");
            assert_ne!(Translator::new(&l).language_name(), "language-name");
        }
        assert!(!has_catalog(&Lang::parse("xx")?));
        Ok(())
    }

    /// Every key in any catalog must exist in every catalog, so no reader meets
    /// an English string (or a raw key) in the middle of their own language.
    #[test]
    fn every_catalog_has_every_key() -> Result<(), Box<dyn std::error::Error>> {
        use std::collections::{BTreeMap, BTreeSet};
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("locales");
        let mut keys: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for dir in std::fs::read_dir(&root)? {
            let dir = dir?;
            let lang = dir.file_name().to_string_lossy().into_owned();
            let set = keys.entry(lang.clone()).or_default();
            for file in std::fs::read_dir(dir.path())? {
                let path = file?.path();
                if path.extension().is_some_and(|e| e == "ftl") {
                    let text = std::fs::read_to_string(&path)?;
                    let resource = match fluent_syntax::parser::parse(text.as_str()) {
                        Ok(r) => r,
                        Err((_, errors)) => return Err(format!("{}: {errors:?}", path.display()).into()),
                    };
                    for entry in resource.body {
                        match entry {
                            fluent_syntax::ast::Entry::Message(m) => {
                                set.insert(m.id.name.to_owned());
                                for a in m.attributes {
                                    set.insert(format!("{}.{}", m.id.name, a.id.name));
                                }
                            }
                            fluent_syntax::ast::Entry::Term(t) => {
                                set.insert(format!("-{}", t.id.name));
                            }
                            _ => {}
                        }
                    }
                }
            }
        }
        let all: BTreeSet<String> = keys.values().flatten().cloned().collect();
        assert!(all.len() > 10, "hardly any keys found");
        let mut problems = Vec::new();
        for (lang, set) in &keys {
            for missing in all.difference(set) {
                problems.push(format!("locales/{lang}: missing {missing}"));
            }
        }
        assert!(problems.is_empty(), "{}", problems.join("\n"));
        Ok(())
    }
}

//! The public guidance portal: every route in every language, fallback and
//! outdated notices, search, feedback, feeds and the page cache.

use crate::helpers::{
    Backend, form_field, guide_en, guide_tr, html_escape, spawn_app, spawn_app_with_content, t, t_args, topic_file,
};
use crate::on_both_backends;

const LANGS: [&str; 4] = ["en", "hy", "az", "ru"];
const SAMPLE_GUIDES: [&str; 12] = [
    "finding-housing",
    "health-care",
    "school-enrolment",
    "social-benefits",
    "finding-work",
    "starting-a-business",
    "banking-and-money-transfers",
    "recognition-of-diplomas",
    "identity-documents",
    "residence-and-citizenship",
    "property-and-land-records",
    "legal-aid",
];

on_both_backends!(
    every_public_route_answers_in_every_language,
    a_guide_page_has_breadcrumbs_dates_contents_related_guides_and_feedback,
    unpublished_guides_are_not_public,
    an_untranslated_guide_falls_back_with_a_notice,
    a_translation_older_than_a_major_change_is_marked_outdated,
    minor_changes_publish_no_note_and_outdate_nothing,
    the_sitemap_lists_every_published_guide_with_hreflang_alternates,
    the_atom_feed_parses_and_lists_updates_in_its_language,
    search_ranks_title_matches_first_and_highlights_snippets,
    search_folds_case_for_azerbaijani_armenian_and_russian,
    search_answers_awkward_queries_cleanly,
    search_includes_the_default_language,
    feedback_is_stored_without_personal_data,
    feedback_errors_keep_what_was_typed,
    feedback_is_rate_limited,
    a_cached_guide_page_never_carries_an_expired_feedback_token,
    a_content_change_reaches_the_next_request,
    pages_carry_validators_and_answer_304,
    markup_in_content_is_neutralised,
);

async fn every_public_route_answers_in_every_language(backend: Backend) {
    let app = spawn_app(backend).await;
    for lang in LANGS {
        let mut paths: Vec<String> = vec![
            format!("/{lang}/"),
            format!("/{lang}/privacy"),
            format!("/{lang}/search?q=document"),
            format!("/{lang}/topics/social"),
            format!("/{lang}/topics/economic"),
            format!("/{lang}/topics/legal"),
        ];
        paths.extend(SAMPLE_GUIDES.iter().map(|g| format!("/{lang}/guides/{g}")));
        for path in &paths {
            let res = app.get(path).await;
            assert_eq!(res.status().as_u16(), 200, "{path}");
            assert!(res.headers().get("set-cookie").is_none(), "{path} sets a cookie");
            let body = res.text().await.unwrap();
            assert!(body.contains(&format!("<html lang=\"{lang}\"")), "{path}");
            // The sample content is complete: no guide falls back to another language.
            assert!(!body.contains("<article lang="), "{path} falls back to another language");
            assert!(body.len() < 30 * 1024, "{path} is {} bytes", body.len());
        }
        let feed = app.get(&format!("/{lang}/feed.atom")).await;
        assert_eq!(feed.status().as_u16(), 200);
        let home = app.text(&format!("/{lang}/")).await.1;
        for topic in ["social", "economic", "legal"] {
            assert!(home.contains(&format!("href=\"/{lang}/topics/{topic}\"")), "{lang} home lists {topic}");
        }
        assert!(home.contains(&format!("action=\"/{lang}/search\"")), "search box");
        assert!(home.contains(&html_escape(&t(lang, "home-ask-heading"))), "a route to ask a question");
        assert!(home.contains(&format!("href=\"/{lang}/contact\"")), "the route leads to the form");
    }
    for path in ["/sitemap.xml", "/robots.txt"] {
        assert_eq!(app.get(path).await.status().as_u16(), 200, "{path}");
    }
    assert_eq!(app.get("/en/guides/no-such-guide").await.status().as_u16(), 404);
    assert_eq!(app.get("/en/topics/no-such-topic").await.status().as_u16(), 404);
    assert_eq!(app.get("/en/guides/Bad%20Slug").await.status().as_u16(), 404);
}

async fn a_guide_page_has_breadcrumbs_dates_contents_related_guides_and_feedback(backend: Backend) {
    let app = spawn_app(backend).await;
    let (status, body) = app.text("/ru/guides/identity-documents").await;
    assert_eq!(status, 200);
    assert!(body.contains("class=\"breadcrumbs\""));
    assert!(
        body.contains("href=\"/ru/\"") && body.contains("href=\"/ru/topics/legal\""),
        "breadcrumbs lead home and to the topic"
    );
    let date = homeward::i18n::Translator::new(&homeward::domain::Lang::parse("ru").unwrap())
        .date(time::Date::from_calendar_date(2026, time::Month::November, 20).unwrap());
    assert!(body.contains(&html_escape(&date)), "last updated written out in Russian: {date}");
    assert!(body.contains("class=\"toc\""), "a long guide has a table of contents");
    assert!(body.contains("href=\"/ru/guides/legal-aid\""), "related guides in the topic");
    assert!(!body.contains("class=\"item-title\" href=\"/ru/guides/identity-documents\""), "not itself");
    assert!(body.contains("name=\"useful\"") && body.contains("name=\"token\""), "feedback form");
    assert!(body.contains("href=\"/ru/contact?topic=legal\""), "asking about this topic preselects it");
    assert!(body.contains("<link rel=\"stylesheet\""));
    // Every alternate exists, since the guide is translated into all four languages.
    for lang in LANGS {
        assert!(
            body.contains(&format!("hreflang=\"{lang}\" href=\"{}/{lang}/guides/identity-documents\"", app.address))
        );
    }
}

fn fixture() -> Vec<(&'static str, String)> {
    vec![
        ("legal/_topic.en.md", topic_file("Legal", Some(1))),
        ("legal/_topic.ru.md", topic_file("Право", None)),
        ("legal/passports.en.md", guide_en("Passports", "2026-11-20", "## Apply\n\nBring a photo.", true)),
        ("legal/passports.ru.md", guide_tr("Паспорта", "2026-11-20", "## Подача\n\nПринесите фото.")),
        ("legal/only-english.en.md", guide_en("Only English", "2026-11-20", "## Text\n\nEnglish only.", true)),
        ("legal/draft.en.md", guide_en("Secret draft", "2026-11-20", "Not yet.", false)),
    ]
}

fn as_refs<'a>(files: &'a [(&'static str, String)]) -> Vec<(&'static str, &'a str)> {
    files.iter().map(|(p, t)| (*p, t.as_str())).collect()
}

async fn unpublished_guides_are_not_public(backend: Backend) {
    let files = fixture();
    let app = spawn_app_with_content(backend, &as_refs(&files)).await;
    assert_eq!(app.get("/en/guides/draft").await.status().as_u16(), 404);
    let (_, topic) = app.text("/en/topics/legal").await;
    assert!(!topic.contains("Secret draft"));
    let (_, search) = app.text("/en/search?q=secret").await;
    assert!(!search.contains("Secret draft"));
    let (_, sitemap) = app.text("/sitemap.xml").await;
    assert!(!sitemap.contains("/guides/draft"));
}

async fn an_untranslated_guide_falls_back_with_a_notice(backend: Backend) {
    let files = fixture();
    let app = spawn_app_with_content(backend, &as_refs(&files)).await;
    let (status, body) = app.text("/ru/guides/only-english").await;
    assert_eq!(status, 200);
    assert!(body.contains("<html lang=\"ru\""));
    let notice = t_args("ru", "guide-fallback-notice", &[("language", "English")]);
    assert!(body.contains(&html_escape(&notice)), "notice in Russian: {notice}");
    assert!(body.contains("<article lang=\"en\">"), "the English text is marked as English");
    assert!(body.contains("hreflang=\"en\" href="), "alternate for the existing language");
    for missing in ["ru", "hy", "az"] {
        assert!(!body.contains(&format!("rel=\"alternate\" hreflang=\"{missing}\"")), "no alternate for {missing}");
    }
    // The translated guide does not fall back.
    let (_, body) = app.text("/ru/guides/passports").await;
    assert!(body.contains("Паспорта") && !body.contains("<article lang="));
}

async fn a_translation_older_than_a_major_change_is_marked_outdated(backend: Backend) {
    let mut files = fixture();
    let app = spawn_app_with_content(backend, &as_refs(&files)).await;
    let start = html_escape(&t_args("ru", "guide-outdated-notice", &[("language", "English")]));
    assert!(!app.text("/ru/guides/passports").await.1.contains(&start), "current at first");
    // A major change of the English text, dated later.
    files[2].1 = guide_en("Passports", "2026-11-25", "## Apply\n\nBring two photos now.", true);
    let report = app.import(&as_refs(&files)).unwrap();
    assert!(report.updated.iter().any(|u| u.contains("passports.en.md")), "{report:?}");
    app.check_content_now();
    let (_, ru) = app.text("/ru/guides/passports").await;
    assert!(ru.contains(&start), "the Russian page says it may be out of date");
    let (_, en) = app.text("/en/guides/passports").await;
    assert!(en.contains("Changed on 2026-11-25"), "the change note is public");
    assert!(!en.contains("notice-warning"));
    // Translating again makes it current.
    files[3].1 = guide_tr("Паспорта", "2026-11-26", "## Подача\n\nПринесите две фотографии.");
    app.import(&as_refs(&files)).unwrap();
    app.check_content_now();
    assert!(!app.text("/ru/guides/passports").await.1.contains(&start));
}

async fn minor_changes_publish_no_note_and_outdate_nothing(backend: Backend) {
    let mut files = fixture();
    let app = spawn_app_with_content(backend, &as_refs(&files)).await;
    // Same date, different text: a typo fix.
    files[2].1 = guide_en("Passports", "2026-11-20", "## Apply\n\nBring a photograph.", true)
        .replace("Changed on 2026-11-20", "Fixed a typo");
    let report = app.import(&as_refs(&files)).unwrap();
    assert_eq!(report.updated.len(), 1, "{report:?}");
    app.check_content_now();
    let (_, en) = app.text("/en/guides/passports").await;
    assert!(en.contains("Bring a photograph."));
    assert!(!en.contains("Fixed a typo"), "a minor change publishes no note");
    let (_, ru) = app.text("/ru/guides/passports").await;
    assert!(!ru.contains("notice-warning"), "a minor change outdates no translation");
    // The same files again: nothing changes.
    assert!(app.import(&as_refs(&files)).unwrap().changed_nothing());
}

async fn the_sitemap_lists_every_published_guide_with_hreflang_alternates(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/sitemap.xml").await;
    assert!(res.headers().get("content-type").unwrap().to_str().unwrap().starts_with("application/xml"));
    let xml = res.text().await.unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("the sitemap is well-formed XML");
    let urls: Vec<roxmltree::Node> = doc.descendants().filter(|n| n.has_tag_name("url")).collect();
    assert_eq!(urls.len(), 4 + SAMPLE_GUIDES.len() * 4, "home pages plus every guide in every language");
    for guide in SAMPLE_GUIDES {
        for lang in LANGS {
            let loc = format!("{}/{lang}/guides/{guide}", app.address);
            let url = urls
                .iter()
                .find(|u| u.children().any(|c| c.has_tag_name("loc") && c.text() == Some(loc.as_str())))
                .unwrap_or_else(|| panic!("{loc} missing"));
            let alternates: Vec<(&str, &str)> = url
                .children()
                .filter(|c| c.has_tag_name(("http://www.w3.org/1999/xhtml", "link")))
                .map(|c| (c.attribute("hreflang").unwrap(), c.attribute("href").unwrap()))
                .collect();
            for other in LANGS {
                assert!(
                    alternates.contains(&(other, format!("{}/{other}/guides/{guide}", app.address).as_str())),
                    "{loc} → {other}"
                );
            }
            assert!(alternates.iter().any(|(l, _)| *l == "x-default"));
        }
    }
    let robots = app.text("/robots.txt").await.1;
    assert!(robots.contains(&format!("Sitemap: {}/sitemap.xml", app.address)));
    assert!(robots.contains("Disallow: /staff/"));
}

async fn the_atom_feed_parses_and_lists_updates_in_its_language(backend: Backend) {
    let app = spawn_app(backend).await;
    for lang in LANGS {
        let res = app.get(&format!("/{lang}/feed.atom")).await;
        assert!(res.headers().get("content-type").unwrap().to_str().unwrap().starts_with("application/atom+xml"));
        let xml = res.text().await.unwrap();
        let doc = roxmltree::Document::parse(&xml).expect("the feed is well-formed XML");
        let root = doc.root_element();
        assert!(root.has_tag_name(("http://www.w3.org/2005/Atom", "feed")));
        assert_eq!(root.attribute(("http://www.w3.org/XML/1998/namespace", "lang")), Some(lang));
        let entries: Vec<_> = root.children().filter(|n| n.has_tag_name("entry")).collect();
        assert_eq!(entries.len(), SAMPLE_GUIDES.len(), "{lang}");
        for e in entries {
            let link = e.children().find(|c| c.has_tag_name("link")).and_then(|l| l.attribute("href")).unwrap();
            assert!(link.starts_with(&format!("{}/{lang}/guides/", app.address)), "{link}");
            let updated = e.children().find(|c| c.has_tag_name("updated")).and_then(|u| u.text()).unwrap();
            assert!(
                time::OffsetDateTime::parse(updated, &time::format_description::well_known::Rfc3339).is_ok(),
                "{updated}"
            );
        }
    }
}

async fn search_ranks_title_matches_first_and_highlights_snippets(backend: Backend) {
    let files = vec![
        ("legal/_topic.en.md", topic_file("Legal", Some(1))),
        (
            "legal/mentions.en.md",
            guide_en("Housing rules", "2026-11-20", "You may need a passport for this, among many other things.", true),
        ),
        (
            "legal/passports.en.md",
            guide_en("Passports", "2026-11-20", "## Apply\n\nHow to apply for a passport.", true),
        ),
        ("legal/unrelated.en.md", guide_en("Banking", "2026-11-20", "Open an account.", true)),
    ];
    let app = spawn_app_with_content(backend, &as_refs(&files)).await;
    let res = app.get("/en/search?q=Passport").await;
    assert_eq!(res.headers().get("cache-control").and_then(|v| v.to_str().ok()), Some("no-store"));
    let body = res.text().await.unwrap();
    let first = body.find("/en/guides/passports").expect("the title match is found");
    let second = body.find("/en/guides/mentions").expect("the body match is found");
    assert!(first < second, "a title match ranks first");
    assert!(!body.contains("/en/guides/unrelated"));
    assert!(body.contains("<mark>passport</mark>"), "highlighted snippet");
    let count = homeward::i18n::Translator::new(&homeward::domain::Lang::parse("en").unwrap()).t_count(
        "search-results-count",
        2,
        &[("query", "Passport")],
    );
    assert!(body.contains(&html_escape(&count)), "{count}");
    // Prefixes match, words are combined with AND.
    assert!(app.text("/en/search?q=pass").await.1.contains("/en/guides/passports"));
    let both = app.text("/en/search?q=passport+apply").await.1;
    assert!(both.contains("/en/guides/passports") && !both.contains("/en/guides/mentions"));
}

async fn search_folds_case_for_azerbaijani_armenian_and_russian(backend: Backend) {
    let files = vec![
        ("legal/_topic.en.md", topic_file("Legal", Some(1))),
        ("legal/light.en.md", guide_en("Light", "2026-11-20", "Light.", true)),
        ("legal/light.az.md", guide_tr("İŞIQ və su", "2026-11-20", "ILIQ su haqqında.")),
        ("legal/passport.en.md", guide_en("Passport", "2026-11-20", "Passport.", true)),
        ("legal/passport.ru.md", guide_tr("ПАСПОРТ ГРАЖДАНИНА", "2026-11-20", "Как получить паспорт.")),
        ("legal/passport.hy.md", guide_tr("ԱՆՁՆԱԳԻՐ", "2026-11-20", "Ինչպես ստանալ անձնագիր։")),
    ];
    let app = spawn_app_with_content(backend, &as_refs(&files)).await;
    let found = |body: &str, slug: &str| body.contains(&format!("/guides/{slug}\""));
    // Azerbaijani: İ↔i and I↔ı, never I↔i.
    assert!(found(&app.text("/az/search?q=işıq").await.1, "light"), "işıq finds İŞIQ");
    assert!(found(&app.text("/az/search?q=%C4%B0%C5%9EIQ").await.1, "light"), "İŞIQ finds İŞIQ");
    assert!(found(&app.text("/az/search?q=%C4%B1l%C4%B1q").await.1, "light"), "ılıq finds ILIQ");
    assert!(!found(&app.text("/az/search?q=iliq").await.1, "light"), "iliq is another word than ılıq");
    // Russian and Armenian lower and upper case.
    assert!(
        found(&app.text("/ru/search?q=%D0%BF%D0%B0%D1%81%D0%BF%D0%BE%D1%80%D1%82").await.1, "passport"),
        "паспорт finds ПАСПОРТ"
    );
    assert!(found(
        &app.text("/ru/search?q=%D0%93%D0%A0%D0%90%D0%96%D0%94%D0%90%D0%9D%D0%98%D0%9D").await.1,
        "passport"
    ));
    assert!(found(
        &app.text(&format!(
            "/hy/search?q={}",
            url::form_urlencoded::byte_serialize("անձնագիր".as_bytes()).collect::<String>()
        ))
        .await
        .1,
        "passport"
    ));
    assert!(found(
        &app.text(&format!(
            "/hy/search?q={}",
            url::form_urlencoded::byte_serialize("ԱՆՁՆԱԳԻՐ".as_bytes()).collect::<String>()
        ))
        .await
        .1,
        "passport"
    ));
}

async fn search_answers_awkward_queries_cleanly(backend: Backend) {
    let app = spawn_app(backend).await;
    let long = "паспорт ".repeat(700);
    let long = url::form_urlencoded::byte_serialize(long.as_bytes()).collect::<String>();
    for q in [
        "",
        "a",
        "%22",
        "*",
        "%22%29%28%2A%5E-",
        "NOT",
        "a%20OR%20b",
        "%27%3B%20DROP%20TABLE%20guides%3B--",
        "x:y",
        "%00",
    ] {
        let (status, body) = app.text(&format!("/en/search?q={q}")).await;
        assert_eq!(status, 200, "q={q}");
        assert!(body.contains("<h1>"), "q={q}");
    }
    let (status, body) = app.text(&format!("/ru/search?q={long}")).await;
    assert_eq!(status, 200);
    assert!(body.contains(&html_escape(&t("ru", "search-shortened"))));
    assert!(app.text("/en/search").await.1.contains(&html_escape(&t("en", "search-empty"))));
    let (_, none) = app.text("/en/search?q=zzzzqqq").await;
    assert!(none.contains(&html_escape(&t("en", "search-no-results-help"))));
}

async fn search_includes_the_default_language(backend: Backend) {
    let files = fixture();
    let app = spawn_app_with_content(backend, &as_refs(&files)).await;
    let (_, body) = app.text("/ru/search?q=english").await;
    assert!(body.contains("href=\"/ru/guides/only-english\""), "the English-only guide is found from Russian");
    assert!(body.contains("lang=\"en\""), "and marked as English");
}

/// (lang, useful, clear comment, sealed comment) of a feedback row.
type FeedbackColumns = (String, bool, Option<String>, Option<Vec<u8>>);

async fn feedback_is_stored_without_personal_data(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app.text("/hy/guides/legal-aid").await.1;
    let token = form_field(&page, "token");
    assert!(!token.is_empty());
    let res = app
        .post_form(
            "/hy/guides/legal-aid/feedback",
            &[("token", &token), ("useful", "yes"), ("comment", "Clear, thank you"), ("website", "")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(res.headers().get("set-cookie").is_none(), "no cookie for feedback");
    let thanks = crate::helpers::location(&res);
    assert_eq!(thanks, "/hy/guides/legal-aid/feedback");
    let (status, body) = app.text(&thanks).await;
    assert_eq!(status, 200);
    assert!(body.contains(&html_escape(&t("hy", "feedback-thanks-title"))));
    let rows: Vec<FeedbackColumns> = app
        .db
        .run_sync(|c| {
            use diesel::prelude::*;
            use homeward::db::schema::feedback;
            feedback::table
                .select((feedback::lang, feedback::useful, feedback::comment, feedback::comment_enc))
                .load(c)
                .map_err(homeward::db::RepoError::from)
        })
        .unwrap();
    let [(lang, useful, clear, sealed)] = rows.as_slice() else { panic!("one answer: {rows:?}") };
    assert_eq!((lang.as_str(), *useful, clear), ("hy", true, &None), "the comment is not kept in clear");
    assert!(sealed.as_ref().is_some_and(|s| !String::from_utf8_lossy(s).contains("Clear, thank")), "but sealed");
    // A bot that fills the hidden field is thanked and ignored.
    let res = app
        .post_form("/hy/guides/legal-aid/feedback", &[("token", &token), ("useful", "no"), ("website", "http://spam")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let count: i64 = app
        .db
        .run_sync(|c| {
            use diesel::prelude::*;
            homeward::db::schema::feedback::table.count().get_result(c).map_err(homeward::db::RepoError::from)
        })
        .unwrap();
    assert_eq!(count, 1);
}

async fn feedback_errors_keep_what_was_typed(backend: Backend) {
    let app = spawn_app(backend).await;
    let page = app.text("/ru/guides/legal-aid").await.1;
    let token = form_field(&page, "token");
    // No choice made.
    let res = app
        .post_form("/ru/guides/legal-aid/feedback", &[("token", &token), ("comment", "Мой <b>комментарий</b>")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains(&format!("<title>{}: ", html_escape(&t("ru", "error-prefix")))));
    assert!(body.contains(&html_escape(&t("ru", "feedback-error-choice"))));
    assert!(body.contains("<a href=\"#useful\">"));
    assert!(body.contains(&html_escape("Мой <b>комментарий</b>")), "the comment is kept, escaped");
    // A forged or expired token: the reader is asked to send again, with the text kept.
    let res = app
        .post_form(
            "/ru/guides/legal-aid/feedback",
            &[("token", "1.deadbeef"), ("useful", "no"), ("comment", "keep me")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let body = res.text().await.unwrap();
    assert!(body.contains(&html_escape(&t("ru", "feedback-error-expired"))));
    assert!(body.contains(">keep me</textarea>"));
    assert!(body.contains("value=\"no\" checked"), "the choice is kept");
    // Too long a comment.
    let long = "я".repeat(1001);
    let res = app
        .post_form("/ru/guides/legal-aid/feedback", &[("token", &token), ("useful", "yes"), ("comment", &long)])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains(&html_escape(&t("ru", "feedback-error-comment-long"))));
    // Feedback on a guide that does not exist.
    assert_eq!(
        app.post_form("/ru/guides/nope/feedback", &[("token", &token), ("useful", "yes")]).await.status().as_u16(),
        404
    );
}

/// Sends yes-feedback on `/en/guides/legal-aid` with `token`; the status code.
async fn send_feedback(app: &crate::helpers::TestApp, token: &str) -> u16 {
    app.post_form("/en/guides/legal-aid/feedback", &[("token", token), ("useful", "yes")]).await.status().as_u16()
}

async fn a_cached_guide_page_never_carries_an_expired_feedback_token(backend: Backend) {
    let app = spawn_app(backend).await;
    let hour = 3600;
    let first = form_field(&app.text("/en/guides/legal-aid").await.1, "token");
    // Served from the cache a little under an hour later: the same page, the same token,
    // and the reader then takes six hours over it — still accepted.
    app.app.cache.advance_clock(hour - 60);
    let later = form_field(&app.text("/en/guides/legal-aid").await.1, "token");
    assert_eq!(later, first, "still the cached page");
    app.app.cache.advance_clock(6 * hour);
    assert_eq!(send_feedback(&app, &later).await, 303, "a reader who read for six hours is heard");
    // Seven hours after the content last changed, the first reader of the day gets a page
    // whose token is fresh, and their feedback counts.
    let fresh = form_field(&app.text("/en/guides/legal-aid").await.1, "token");
    assert_ne!(fresh, first, "the page was rendered again");
    assert_eq!(send_feedback(&app, &fresh).await, 303, "the first feedback of the day is not refused");
    // A token really older than the page limit and the reading time is refused.
    app.app.cache.advance_clock(8 * hour);
    assert_eq!(send_feedback(&app, &fresh).await, 422);
}

async fn feedback_is_rate_limited(backend: Backend) {
    let app = crate::helpers::spawn_app_with(backend, &[("HOMEWARD_RATE_LIMITS", "true")]).await;
    let token = form_field(&app.text("/en/guides/legal-aid").await.1, "token");
    let mut statuses = Vec::new();
    for _ in 0..12 {
        statuses.push(
            app.post_form("/en/guides/legal-aid/feedback", &[("token", &token), ("useful", "yes")])
                .await
                .status()
                .as_u16(),
        );
    }
    assert_eq!(&statuses[..10], &[303; 10]);
    assert_eq!(statuses[10], 429);
    let body = app
        .post_form("/en/guides/legal-aid/feedback", &[("token", &token), ("useful", "yes")])
        .await
        .text()
        .await
        .unwrap();
    assert!(body.contains(&html_escape(&t("en", "error-429-title"))));
}

async fn a_content_change_reaches_the_next_request(backend: Backend) {
    let mut files = fixture();
    let app = spawn_app_with_content(backend, &as_refs(&files)).await;
    assert!(app.text("/en/guides/passports").await.1.contains("<h1>Passports</h1>"));
    assert!(app.text("/en/guides/passports").await.1.contains("<h1>Passports</h1>"), "served from the cache");
    // Another instance (or the CLI) changes the guide in the shared database.
    files[2].1 = guide_en("Passports and ID cards", "2026-11-21", "## Apply\n\nNew text.", true);
    app.import(&as_refs(&files)).unwrap();
    // Instances look at the content version at most once a second; this one looks now.
    app.check_content_now();
    let body = app.text("/en/guides/passports").await.1;
    assert!(body.contains("<h1>Passports and ID cards</h1>"), "the change is served");
    assert!(app.text("/en/").await.1.contains("Passports and ID cards"), "the home page's updates too");
}

async fn pages_carry_validators_and_answer_304(backend: Backend) {
    let app = spawn_app(backend).await;
    let res = app.get("/az/guides/finding-work").await;
    let etag = res.headers().get("etag").unwrap().to_str().unwrap().to_owned();
    let cache = res.headers().get("cache-control").unwrap().to_str().unwrap().to_owned();
    assert!(cache.contains("public") && cache.contains("max-age="), "{cache}");
    let res = app.client.get(app.url("/az/guides/finding-work")).header("If-None-Match", &etag).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 304);
    assert_eq!(res.headers().get("etag").unwrap().to_str().unwrap(), etag);
    assert!(res.bytes().await.unwrap().is_empty());
    let res =
        app.client.get(app.url("/az/guides/finding-work")).header("If-None-Match", "W/\"other\"").send().await.unwrap();
    assert_eq!(res.status().as_u16(), 200);
}

async fn markup_in_content_is_neutralised(backend: Backend) {
    let files = vec![
        ("legal/_topic.en.md", topic_file("Legal <script>alert(1)</script>", Some(1))),
        (
            "legal/xss.en.md",
            guide_en(
                "Title <script>alert(1)</script>",
                "2026-11-20",
                "<script>alert(2)</script>\n\n[x](javascript:alert(3))\n\n<img src=x onerror=alert(4)>\n\n<svg onload=alert(5)></svg>\n\n<p style=\"color:red\">styled</p>",
                true,
            ),
        ),
    ];
    let app = spawn_app_with_content(backend, &as_refs(&files)).await;
    for path in ["/en/guides/xss", "/en/topics/legal", "/en/", "/en/search?q=title", "/en/feed.atom", "/sitemap.xml"] {
        let body = app.text(path).await.1;
        for bad in ["<script>alert", "javascript:", "onerror=", "onload=", "style=\"color", "<svg", "<img"] {
            assert!(!body.contains(bad), "{path} contains {bad}");
        }
    }
    assert!(app.text("/en/guides/xss").await.1.contains("Title &#60;script&#62;"), "titles are escaped, not dropped");
}

//! Pages whose size does not depend on the number of guides: related guides capped,
//! topic pages paged, the sitemap split into an index and its files, the feed bounded.

use std::collections::HashSet;

use crate::helpers::{Backend, TestApp, guide_tr, html_escape, location, spawn_app, spawn_app_with, t, t_args};
use crate::helpers::{spawn_app_with_content, topic_file};
use crate::on_both_backends;

on_both_backends!(
    a_guide_page_lists_the_eight_nearest_guides_of_its_topic_and_links_to_the_rest,
    a_topic_page_lists_twenty_guides_and_numbered_links_to_the_others,
    page_numbers_that_are_no_page_are_not_found_and_never_cached,
    a_small_sitemap_is_one_file_and_a_large_one_an_index_over_files,
    the_feed_and_the_home_page_list_only_the_latest_updates,
);

/// Guide `i` of the large topic: in list order by its number, updated `i` days into 2026.
fn numbered_guide(i: usize) -> String {
    let date = time::Date::from_calendar_date(2026, time::Month::January, 1).unwrap()
        + time::Duration::days(i64::try_from(i).unwrap());
    format!(
        "+++\ntitle = \"Guide {i:03}\"\nsummary = \"Summary {i:03}\"\nupdated = \"{date}\"\nchange_note = \"Note {i:03}\"\norder = {i}\nreview_by = \"2027-01-01\"\npublished = true\n+++\n\nText of guide {i:03}.\n"
    )
}

const LARGE: usize = 101;

/// A topic "legal" with 101 guides (`guide-001` … `guide-101`, six pages), one of them also
/// in Russian, and a topic "social" with three.
async fn large_site(backend: Backend) -> TestApp {
    let mut files: Vec<(String, String)> = vec![
        ("legal/_topic.en.md".into(), topic_file("Legal", Some(1))),
        ("social/_topic.en.md".into(), topic_file("Social", Some(2))),
        ("legal/guide-050.ru.md".into(), guide_tr("Материал 050", "2026-12-31", "Текст.")),
    ];
    files.extend((1..=LARGE).map(|i| (format!("legal/guide-{i:03}.en.md"), numbered_guide(i))));
    files.extend((1..=3).map(|i| (format!("social/small-{i}.en.md"), numbered_guide(i))));
    let refs: Vec<(&str, &str)> = files.iter().map(|(p, t)| (p.as_str(), t.as_str())).collect();
    spawn_app_with_content(backend, &refs).await
}

/// The guide links of the first list on the page after `marker`.
fn listed_after(html: &str, marker: &str) -> Vec<String> {
    let Some(rest) = html.split(marker).nth(1) else { return Vec::new() };
    let list = rest.split("</ul>").next().unwrap_or_default();
    list.split("href=\"").skip(1).filter_map(|s| s.split('"').next()).map(str::to_owned).collect()
}

fn guides(lang: &str, numbers: impl IntoIterator<Item = usize>) -> Vec<String> {
    numbers.into_iter().map(|i| format!("/{lang}/guides/guide-{i:03}")).collect()
}

async fn a_guide_page_lists_the_eight_nearest_guides_of_its_topic_and_links_to_the_rest(backend: Backend) {
    let app = large_site(backend).await;
    let see_all = html_escape(&t_args("en", "guide-related-all", &[("topic", "Legal")]));
    for (guide, expected) in [
        (50, guides("en", (46..=49).chain(51..=54))),
        (1, guides("en", 2..=9)),
        (2, guides("en", std::iter::once(1).chain(3..=9))),
        (101, guides("en", 93..=100)),
    ] {
        let (status, page) = app.text(&format!("/en/guides/guide-{guide:03}")).await;
        assert_eq!(status, 200);
        assert_eq!(listed_after(&page, "id=\"related-title\""), expected, "guide {guide}");
        let related = page.split("id=\"related-title\"").nth(1).unwrap().split("</aside>").next().unwrap();
        assert!(related.contains(&format!("<a href=\"/en/topics/legal\">{see_all}</a>")), "guide {guide}");
    }
    // In another language the same choice, in that language's addresses.
    let (_, page) = app.text("/ru/guides/guide-050").await;
    assert_eq!(listed_after(&page, "id=\"related-title\""), guides("ru", (46..=49).chain(51..=54)));
    // A small topic lists all its other guides and needs no link to the rest.
    let (_, page) = app.text("/en/guides/small-2").await;
    assert_eq!(listed_after(&page, "id=\"related-title\""), vec!["/en/guides/small-1", "/en/guides/small-3"]);
    assert!(!page.contains(&html_escape(&t_args("en", "guide-related-all", &[("topic", "Social")]))));
}

/// The pager of a page: (href, aria-current) of each number, "…" for a gap, and the
/// previous and next links.
type PagerLinks = (Vec<(String, bool)>, Option<String>, Option<String>);

fn pager(html: &str) -> Option<PagerLinks> {
    let nav = html.split("<nav class=\"pager\"").nth(1)?.split("</nav>").next()?;
    let rel = |r: &str| {
        nav.split("<a ")
            .find(|a| a.contains(&format!("rel=\"{r}\"")))
            .and_then(|a| a.split("href=\"").nth(1))
            .and_then(|s| s.split('"').next())
            .map(str::to_owned)
    };
    let list = nav.split("<ul class=\"pager-list\">").nth(1)?.split("</ul>").next()?;
    let items = list
        .split("<li")
        .skip(1)
        .map(|li| match li.split("href=\"").nth(1).and_then(|s| s.split('"').next()) {
            Some(href) => (href.to_owned(), li.contains("aria-current=\"page\"")),
            None => ("…".to_owned(), false),
        })
        .collect();
    Some((items, rel("prev"), rel("next")))
}

fn title(html: &str) -> String {
    html.split("<title>").nth(1).and_then(|s| s.split("</title>").next()).unwrap_or_default().to_owned()
}

async fn a_topic_page_lists_twenty_guides_and_numbered_links_to_the_others(backend: Backend) {
    let app = large_site(backend).await;
    let base = "/en/topics/legal";
    let item = |href: &str, current: bool| (href.to_owned(), current);

    let (status, first) = app.text(base).await;
    assert_eq!(status, 200);
    assert_eq!(listed_after(&first, "<ul class=\"item-list\">"), guides("en", 1..=20));
    let (items, prev, next) = pager(&first).expect("a pager");
    assert_eq!(
        items,
        vec![
            item(base, true),
            item(&format!("{base}?page=2"), false),
            item("…", false),
            item(&format!("{base}?page=6"), false)
        ]
    );
    assert_eq!((prev, next.as_deref()), (None, Some("/en/topics/legal?page=2")));
    assert!(title(&first).starts_with("Legal –"), "page 1 has the plain title: {}", title(&first));
    assert!(first.contains(&format!("<nav class=\"pager\" aria-label=\"{}\">", t("en", "pagination-label"))));
    assert!(first.contains(&format!("aria-label=\"{}\"", t_args("en", "pagination-page", &[("page", "2")]))));
    assert!(first.contains(&format!("<link rel=\"canonical\" href=\"{}{base}\">", app.address)));

    let (status, second) = app.text(&format!("{base}?page=2")).await;
    assert_eq!(status, 200);
    assert_eq!(listed_after(&second, "<ul class=\"item-list\">"), guides("en", 21..=40));
    let (items, prev, next) = pager(&second).unwrap();
    assert_eq!(
        items,
        vec![
            item(base, false),
            item(&format!("{base}?page=2"), true),
            item(&format!("{base}?page=3"), false),
            item("…", false),
            item(&format!("{base}?page=6"), false)
        ]
    );
    assert_eq!(prev.as_deref(), Some(base), "page 1 is linked without ?page");
    assert_eq!(next.as_deref(), Some("/en/topics/legal?page=3"));
    let expected_title = t_args("en", "topic-page-title", &[("topic", "Legal"), ("page", "2"), ("pages", "6")]);
    assert_eq!(expected_title, "Legal (page 2 of 6)");
    assert!(title(&second).starts_with(&html_escape(&expected_title)), "{}", title(&second));
    assert!(second.contains(&format!("<link rel=\"canonical\" href=\"{}{base}?page=2\">", app.address)));
    assert!(second.contains(&format!("hreflang=\"ru\" href=\"{}/ru/topics/legal?page=2\"", app.address)));

    let (_, last) = app.text(&format!("{base}?page=6")).await;
    assert_eq!(listed_after(&last, "<ul class=\"item-list\">"), guides("en", 101..=101));
    let (items, prev, next) = pager(&last).unwrap();
    assert_eq!(
        items,
        vec![
            item(base, false),
            item("…", false),
            item(&format!("{base}?page=5"), false),
            item(&format!("{base}?page=6"), true)
        ]
    );
    assert_eq!((prev.as_deref(), next), (Some("/en/topics/legal?page=5"), None));

    // Every language has the words; a small topic has no pager.
    for lang in ["hy", "az", "ru"] {
        let (status, page) = app.text(&format!("/{lang}/topics/legal?page=3")).await;
        assert_eq!(status, 200, "{lang}");
        for key in ["pagination-previous", "pagination-next", "pagination-label"] {
            assert!(page.contains(&html_escape(&t(lang, key))), "{lang} {key}");
        }
        assert!(page.contains(&format!("href=\"/{lang}/topics/legal?page=4\" class=\"pager-next\" rel=\"next\"")));
    }
    let (_, small) = app.text("/en/topics/social").await;
    assert!(!small.contains("class=\"pager\""));
    assert_eq!(listed_after(&small, "<ul class=\"item-list\">").len(), 3);

    // Each page has a cache entry of its own.
    for key in ["en|/topics/legal", "en|/topics/legal?page=2", "en|/topics/legal?page=6", "ru|/topics/legal?page=3"] {
        assert!(app.app.cache.get(key).is_some(), "{key} is cached");
    }
}

async fn page_numbers_that_are_no_page_are_not_found_and_never_cached(backend: Backend) {
    let app = large_site(backend).await;
    for query in
        ["page=7", "page=0", "page=-1", "page=02", "page=two", "page=", "page=1e1", "page=2&page=3", "page=99999999999"]
    {
        let res = app.get(&format!("/en/topics/legal?{query}")).await;
        assert_eq!(res.status().as_u16(), 404, "{query}");
    }
    let res = app.get("/en/topics/legal?page=1").await;
    assert_eq!(res.status().as_u16(), 301, "page 1 has one address");
    assert_eq!(location(&res), "/en/topics/legal");
    // Other parameters do not make pages of their own.
    assert_eq!(app.get("/en/topics/legal?page=2&utm=x").await.status().as_u16(), 200);
    assert_eq!(app.get("/en/topics/social?page=2").await.status().as_u16(), 404, "one page only");
    assert_eq!(app.get("/en/topics/nothing?page=2").await.status().as_u16(), 404);
    assert_eq!(app.get("/en/topics/social").await.status().as_u16(), 200, "an existing page");
    for key in
        ["en|/topics/legal?page=7", "en|/topics/legal?page=0", "en|/topics/social?page=2", "en|/topics/legal?page=1"]
    {
        assert!(app.app.cache.get(key).is_none(), "{key} is not cached");
    }
    assert!(app.app.cache.get("en|/topics/legal?page=2").is_some());
}

struct SitemapFile {
    /// Each URL with its lastmod and its alternates' languages.
    urls: Vec<(String, Option<String>, Vec<String>)>,
}

fn parse_urlset(xml: &str) -> SitemapFile {
    let doc = roxmltree::Document::parse(xml).expect("a sitemap file is well-formed XML");
    assert!(doc.root_element().has_tag_name(("http://www.sitemaps.org/schemas/sitemap/0.9", "urlset")));
    let urls = doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name("url"))
        .map(|u| {
            let text =
                |name: &str| u.children().find(|c| c.has_tag_name(name)).and_then(|c| c.text()).map(str::to_owned);
            let alternates = u
                .children()
                .filter(|c| c.has_tag_name(("http://www.w3.org/1999/xhtml", "link")))
                .map(|c| c.attribute("hreflang").unwrap().to_owned())
                .collect();
            (text("loc").unwrap(), text("lastmod"), alternates)
        })
        .collect();
    SitemapFile { urls }
}

async fn a_small_sitemap_is_one_file_and_a_large_one_an_index_over_files(backend: Backend) {
    // The sample content: 4 home pages and 12 guides in 4 languages fit in one file.
    let small = spawn_app(backend.clone()).await;
    let one = parse_urlset(&small.text("/sitemap.xml").await.1);
    assert_eq!(one.urls.len(), 52);
    assert_eq!(small.get("/sitemap-1.xml").await.status().as_u16(), 404, "no files while one is enough");

    // The same content at 10 URLs a file: an index over six files.
    let app = spawn_app_with(backend, &[("HOMEWARD_SITEMAP_URLS_PER_FILE", "10")]).await;
    let res = app.get("/sitemap.xml").await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers().get("content-type").unwrap().to_str().unwrap().starts_with("application/xml"));
    let xml = res.text().await.unwrap();
    let doc = roxmltree::Document::parse(&xml).expect("the index is well-formed XML");
    let root = doc.root_element();
    assert!(root.has_tag_name(("http://www.sitemaps.org/schemas/sitemap/0.9", "sitemapindex")));
    let files: Vec<(String, String)> = root
        .children()
        .filter(|n| n.has_tag_name("sitemap"))
        .map(|s| {
            let text =
                |name: &str| s.children().find(|c| c.has_tag_name(name)).and_then(|c| c.text()).unwrap().to_owned();
            (text("loc"), text("lastmod"))
        })
        .collect();
    let locs: Vec<&str> = files.iter().map(|(l, _)| l.as_str()).collect();
    let expected: Vec<String> = (1..=6).map(|n| format!("{}/sitemap-{n}.xml", app.address)).collect();
    assert_eq!(locs, expected);

    let mut seen = Vec::new();
    for (n, (loc, lastmod)) in files.iter().enumerate() {
        let path = loc.strip_prefix(&app.address).unwrap();
        let res = app.get(path).await;
        assert_eq!(res.status().as_u16(), 200, "{path}");
        let file = parse_urlset(&res.text().await.unwrap());
        assert_eq!(file.urls.len(), if n < 5 { 10 } else { 2 }, "{path}");
        // The index dates each file by its latest page.
        let latest = file.urls.iter().filter_map(|(_, m, _)| m.clone()).max();
        assert_eq!(latest.as_ref(), Some(lastmod), "{path}");
        for (url, _, alternates) in file.urls {
            // A guide's alternates are complete even when its languages fall in different files.
            assert_eq!(alternates.len(), 5, "{url}: four languages and x-default");
            seen.push(url);
        }
        assert!(app.app.cache.get(&format!("*|{path}")).is_some(), "{path} is cached");
    }
    let all: HashSet<&String> = seen.iter().collect();
    assert_eq!((seen.len(), all.len()), (52, 52), "every URL once");
    let single: HashSet<&String> = one.urls.iter().map(|(u, _, _)| u).collect();
    let single: HashSet<String> = single.into_iter().map(|u| u.replace(&small.address, &app.address)).collect();
    assert_eq!(all.into_iter().cloned().collect::<HashSet<String>>(), single, "the same URLs as the one file");

    for path in ["/sitemap-7.xml", "/sitemap-0.xml", "/sitemap-01.xml", "/sitemap-x.xml", "/sitemap-.xml"] {
        assert_eq!(app.get(path).await.status().as_u16(), 404, "{path}");
    }
    assert!(app.app.cache.get("*|/sitemap-7.xml").is_none());
    let robots = app.text("/robots.txt").await.1;
    assert!(robots.contains(&format!("Sitemap: {}/sitemap.xml\n", app.address)));
}

async fn the_feed_and_the_home_page_list_only_the_latest_updates(backend: Backend) {
    let app = large_site(backend).await;
    let xml = app.text("/en/feed.atom").await.1;
    let doc = roxmltree::Document::parse(&xml).expect("the feed is well-formed XML");
    let links: Vec<String> = doc
        .root_element()
        .children()
        .filter(|n| n.has_tag_name("entry"))
        .map(|e| e.children().find(|c| c.has_tag_name("link")).and_then(|l| l.attribute("href")).unwrap().to_owned())
        .collect();
    let expected: Vec<String> = (82..=LARGE).rev().map(|i| format!("{}/en/guides/guide-{i:03}", app.address)).collect();
    assert_eq!(links, expected, "the 20 latest, newest first");
    // The Russian feed lists what is written in Russian only.
    let xml = app.text("/ru/feed.atom").await.1;
    let doc = roxmltree::Document::parse(&xml).unwrap();
    let entries = doc.root_element().children().filter(|n| n.has_tag_name("entry")).count();
    assert_eq!(entries, 1);

    // The home page: the five latest in the reader's language, else in the default one.
    let recent =
        |html: &str, lang: &str| listed_after(html, &format!("<h2>{}</h2>", html_escape(&t(lang, "recent-heading"))));
    let home = app.text("/en/").await.1;
    assert_eq!(recent(&home, "en"), guides("en", (97..=LARGE).rev()));
    let home = app.text("/ru/").await.1;
    assert_eq!(
        recent(&home, "ru"),
        guides("ru", std::iter::once(50).chain((98..=LARGE).rev())),
        "its own translation first"
    );
}

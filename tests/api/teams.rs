//! Teams and routing: admins set teams up in `/admin/teams`, a new question goes
//! to the first team with a matching rule (else the default team), the team is
//! emailed without personal data, the queue filters by team, caseworkers hand
//! questions over, and the status page names the team if it chose to be named.

use homeward::db::repo::workspace;
use homeward::domain::Role;

use crate::helpers::{Backend, TestApp, form_field, html_escape, receipt_code, spawn_app, spawn_app_with, t};
use crate::on_both_backends;
use crate::smtp::start_smtp;

on_both_backends!(
    new_questions_go_to_the_first_matching_team_or_the_default_team,
    team_emails_and_hand_overs_carry_no_personal_data,
    the_status_page_names_the_team_only_if_it_chose_to,
    team_pages_are_for_admins_and_explain_every_bad_input,
);

/// Creates a team through the admin form and returns its id.
async fn add_team(app: &TestApp, admin: &reqwest::Client, name: &str) -> String {
    let res = app.staff_post(admin, "/admin/teams", &[("name", name)]).await;
    assert_eq!(res.status().as_u16(), 303, "team {name} is created");
    let location = crate::helpers::location(&res);
    location.trim_start_matches("/admin/teams/").split('?').next().unwrap().to_owned()
}

async fn add_rule(app: &TestApp, admin: &reqwest::Client, team: &str, topic: &str, region: &str, lang: &str) {
    let res = app
        .staff_post(
            admin,
            &format!("/admin/teams/{team}/rules"),
            &[("topic", topic), ("region", region), ("lang", lang)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303, "rule {topic}/{region}/{lang}");
}

/// Saves the team form; `fields` are sent as they are (repeat a name for several boxes).
async fn save_team(app: &TestApp, admin: &reqwest::Client, team: &str, fields: &[(&str, &str)]) -> reqwest::Response {
    app.staff_post(admin, &format!("/admin/teams/{team}"), fields).await
}

/// Asks a question and returns its receipt code.
async fn ask(app: &TestApp, lang: &str, fields: &[(&str, &str)]) -> String {
    let res = app.ask(lang, fields).await;
    assert_eq!(res.status().as_u16(), 200);
    receipt_code(&res.text().await.unwrap())
}

fn team_of(app: &TestApp, code: &str) -> Option<String> {
    let id = app.inquiry_id(code);
    app.db.run_sync(|c| workspace::item(c, &id)).unwrap().team_name
}

fn reference_of(app: &TestApp, code: &str) -> String {
    let id = app.inquiry_id(code);
    app.db.run_sync(|c| workspace::item(c, &id)).unwrap().reference
}

async fn admin_client(app: &TestApp) -> reqwest::Client {
    app.create_staff("admin@example.org", &[Role::Admin, Role::Caseworker]).await;
    app.sign_in("admin@example.org").await
}

/// The admin's account id (the admin is also a caseworker, and leads where these tests need
/// to see every team's questions).
fn admin_id(app: &TestApp) -> String {
    let email = homeward::domain::EmailAddress::parse("admin@example.org").unwrap();
    app.db.run_sync(|c| homeward::db::repo::accounts::by_email(c, &email)).unwrap().unwrap().id
}

async fn new_questions_go_to_the_first_matching_team_or_the_default_team(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = admin_client(&app).await;
    let worker = app.create_staff("worker@example.org", &[Role::Caseworker]).await;
    // Before any team exists, questions simply have no team.
    let early = ask(&app, "en", &[]).await;
    assert_eq!(team_of(&app, &early), None);

    let general = add_team(&app, &admin, "General desk").await;
    let legal_north = add_team(&app, &admin, "Legal aid North Valley").await;
    let legal = add_team(&app, &admin, "Legal aid").await;
    let russian = add_team(&app, &admin, "Russian-speaking desk").await;
    add_rule(&app, &admin, &legal_north, "legal", "north-valley", "").await;
    add_rule(&app, &admin, &legal, "legal", "", "").await;
    add_rule(&app, &admin, &russian, "", "", "ru").await;
    add_rule(&app, &admin, &russian, "", "east-lake", "").await;
    // The first team became the default; the worker joins the Russian desk.
    let (_, list) = app.staff_get(&admin, "/admin/teams").await;
    assert!(list.contains(&html_escape(&t("en", "admin-team-done-rule-added"))), "the last change is confirmed");
    let general_row = list.split(&format!("data-team=\"{general}\"")).nth(1).unwrap().split("</tr>").next().unwrap();
    assert!(general_row.contains(&t("en", "admin-team-default-tag")), "the first team is the default");
    let res = save_team(
        &app,
        &admin,
        &russian,
        &[("name", "Russian-speaking desk"), ("languages", "ru"), ("languages", "az"), ("members", &worker)],
    )
    .await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(crate::helpers::location(&res), format!("/admin/teams/{russian}"));
    let (_, page) = app.staff_get(&admin, &crate::helpers::location(&res)).await;
    assert!(page.contains(&html_escape(&t("en", "admin-team-done-saved"))));
    // The admin leads the General desk, so sees every team's questions (and those of none).
    let me = admin_id(&app);
    let fields = [("name", "General desk"), ("is_default", "1"), ("members", me.as_str()), ("leads", me.as_str())];
    assert_eq!(save_team(&app, &admin, &general, &fields).await.status().as_u16(), 303);

    let cases = [
        (ask(&app, "en", &[("topic", "legal"), ("region", "north-valley")]).await, Some("Legal aid North Valley")),
        (ask(&app, "en", &[("topic", "legal"), ("region", "capital")]).await, Some("Legal aid")),
        (ask(&app, "en", &[("topic", "legal")]).await, Some("Legal aid")),
        // Teams are tried in order: "Legal aid" comes before the Russian desk.
        (ask(&app, "ru", &[("topic", "legal")]).await, Some("Legal aid")),
        (ask(&app, "ru", &[("topic", "social")]).await, Some("Russian-speaking desk")),
        (ask(&app, "en", &[("topic", "social"), ("region", "east-lake")]).await, Some("Russian-speaking desk")),
        (ask(&app, "en", &[("topic", "economic"), ("region", "capital")]).await, Some("General desk")),
        (ask(&app, "en", &[("topic", "other")]).await, Some("General desk")),
    ];
    for (i, (code, team)) in cases.iter().enumerate() {
        assert_eq!(team_of(&app, code).as_deref(), *team, "case {i}");
    }

    // The queue filters by one team, by "my teams" and by "no team"; the team shows in each row.
    let refs = |codes: &[&String]| codes.iter().map(|c| reference_of(&app, c)).collect::<Vec<_>>();
    let (status, page) = app.staff_get(&admin, &format!("/staff/inquiries?team={russian}")).await;
    assert_eq!(status, 200);
    for r in refs(&[&cases[4].0, &cases[5].0]) {
        assert!(page.contains(&r), "{r} is in the Russian desk's queue");
    }
    for r in refs(&[&cases[0].0, &cases[1].0, &cases[6].0, &early]) {
        assert!(!page.contains(&r), "{r} is not in the Russian desk's queue");
    }
    let worker_client = app.sign_in("worker@example.org").await;
    let (_, mine) = app.staff_get(&worker_client, "/staff/inquiries?team=mine").await;
    assert!(mine.contains(&reference_of(&app, &cases[4].0)));
    assert!(!mine.contains(&reference_of(&app, &cases[6].0)));
    let (_, none) = app.staff_get(&admin, "/staff/inquiries?team=none").await;
    assert!(none.contains(&reference_of(&app, &early)));
    assert!(!none.contains(&reference_of(&app, &cases[6].0)));
    let (_, all) = app.staff_get(&admin, "/staff/inquiries").await;
    assert!(all.contains("Legal aid North Valley"), "the team column names the team");

    // Moving "Legal aid" above the North Valley team changes who gets a North Valley legal question.
    for _ in 0..2 {
        let res = app.staff_post(&admin, &format!("/admin/teams/{legal}/move"), &[("direction", "up")]).await;
        assert_eq!(res.status().as_u16(), 303);
        assert_eq!(crate::helpers::location(&res), "/admin/teams");
    }
    let (_, list) = app.staff_get(&admin, "/admin/teams").await;
    assert!(list.contains(&html_escape(&t("en", "admin-team-done-moved"))));
    let moved = ask(&app, "en", &[("topic", "legal"), ("region", "north-valley")]).await;
    assert_eq!(team_of(&app, &moved).as_deref(), Some("Legal aid"));

    // Making another team the default takes the flag from the first one.
    let res = save_team(&app, &admin, &russian, &[("name", "Russian-speaking desk"), ("is_default", "1")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let fallback = ask(&app, "en", &[("topic", "economic")]).await;
    assert_eq!(team_of(&app, &fallback).as_deref(), Some("Russian-speaking desk"));
    // The save kept no members (none were ticked) and the languages were cleared.
    let (_, mine) = app.staff_get(&worker_client, "/staff/inquiries?team=mine").await;
    assert!(!mine.contains(&reference_of(&app, &cases[4].0)), "the worker left the team");

    // Removing a rule is audited and takes effect at once.
    let (_, page) = app.staff_get(&admin, &format!("/admin/teams/{legal}")).await;
    let rule_id = page.split("/rules/").nth(1).unwrap().split('/').next().unwrap().to_owned();
    let res = app.staff_post(&admin, &format!("/admin/teams/{legal}/rules/{rule_id}/delete"), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = app.staff_get(&admin, &format!("/admin/teams/{legal}")).await;
    assert!(page.contains(&html_escape(&t("en", "admin-team-done-rule-removed"))));
    assert!(!page.contains(&format!("/rules/{rule_id}/")), "the rule is gone");
    let after = ask(&app, "en", &[("topic", "legal"), ("region", "capital")]).await;
    assert_eq!(team_of(&app, &after).as_deref(), Some("Russian-speaking desk"), "now the default team");
    let actions = app.audit_actions();
    for action in ["team.create", "team.rule_add", "team.update", "team.reorder", "team.rule_remove"] {
        assert!(actions.iter().any(|a| a == action), "{action} is audited");
    }
}

async fn team_emails_and_hand_overs_carry_no_personal_data(backend: Backend) {
    let smtp = start_smtp();
    let app = spawn_app_with(backend, &[("HOMEWARD_SMTP_URL", &smtp.url())]).await;
    let admin = admin_client(&app).await;
    let legal = add_team(&app, &admin, "Legal aid").await;
    let social = add_team(&app, &admin, "Social support").await;
    add_rule(&app, &admin, &legal, "legal", "", "").await;
    let member = app.create_staff("lawyer@example.org", &[Role::Caseworker]).await;
    // The admin leads Legal aid: a lead sees every team's questions.
    let me = admin_id(&app);
    for (team, name, to, members) in [
        (&legal, "Legal aid", "legal-team@example.org", vec![member.as_str(), me.as_str()]),
        (&social, "Social support", "social-team@example.org", vec![]),
    ] {
        // Legal aid was created first, so it is the default team (and stays so).
        let mut fields = vec![("name", name), ("notify_email", to)];
        if name == "Legal aid" {
            fields.push(("is_default", "1"));
        }
        fields.extend(members.iter().map(|m| ("members", *m)));
        if name == "Legal aid" {
            fields.push(("leads", me.as_str()));
        }
        assert_eq!(save_team(&app, &admin, team, &fields).await.status().as_u16(), 303);
    }

    let secret_name = "Anahit Secretyan";
    let secret_message = "My confidential passport problem in Yerevan";
    let code = ask(
        &app,
        "en",
        &[
            ("topic", "legal"),
            ("region", "north-valley"),
            ("message", secret_message),
            ("name", secret_name),
            ("method", "email"),
            ("email", "anahit@example.am"),
            ("phone", "+374 10 555 123"),
        ],
    )
    .await;
    let reference = reference_of(&app, &code);
    let mails = smtp.wait_for(2, 20).await;
    let team_mail = mails.iter().find(|m| m.to.iter().any(|to| to == "legal-team@example.org")).expect("team mail");
    let body = team_mail.decoded();
    assert!(body.contains(&reference), "the mail gives the reference");
    assert!(body.contains("Legal aid"), "and the team");
    for secret in [secret_name, secret_message, "anahit@example.am", "555 123", "North Valley", "north-valley"] {
        assert!(!body.contains(secret), "the team mail holds no {secret:?}");
    }
    assert!(!mails.iter().any(|m| m.to.iter().any(|to| to == "social-team@example.org")));

    // The lawyer takes it, then hands it to Social support: the assignment goes (not a member there),
    // the new team is emailed, and the hand-over is audited.
    let lawyer = app.sign_in("lawyer@example.org").await;
    let id = app.inquiry_id(&code);
    let res = app.staff_post(&lawyer, &format!("/staff/inquiries/{id}/assign"), &[("assignee", "me")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, case) = app.staff_get(&lawyer, &format!("/staff/inquiries/{id}")).await;
    assert!(case.contains("id=\"team\""), "the case page offers a hand-over");
    let res = app.staff_post(&lawyer, &format!("/staff/inquiries/{id}/team"), &[("team", &social)]).await;
    assert_eq!(res.status().as_u16(), 303);
    let item = app.db.run_sync(|c| workspace::item(c, &id)).unwrap();
    assert_eq!(item.team_name.as_deref(), Some("Social support"));
    assert_eq!(item.assigned_to, None, "the assignment does not follow the question to another team");
    let mails = smtp.wait_for(3, 20).await;
    let handover =
        mails.iter().find(|m| m.to.iter().any(|to| to == "social-team@example.org")).expect("hand-over mail");
    let body = handover.decoded();
    assert!(body.contains(&reference));
    assert!(handover.header("subject").unwrap_or_default().contains(&t("en", "email-staff-handover-subject")));
    for secret in [secret_name, secret_message, "anahit@example.am"] {
        assert!(!body.contains(secret), "the hand-over mail holds no {secret:?}");
    }
    // The lawyer is not in Social support: back to the queue, and the question is no longer theirs.
    assert_eq!(crate::helpers::location(&res), "/staff/inquiries");
    let (_, queue) = app.staff_get(&lawyer, &crate::helpers::location(&res)).await;
    assert!(queue.contains(&html_escape(&t("en", "staff-done-team-away"))));
    assert_eq!(app.staff_get(&lawyer, &format!("/staff/inquiries/{id}")).await.0, 404);
    let (_, case) = app.staff_get(&admin, &format!("/staff/inquiries/{id}")).await;
    assert!(case.split("id=\"case-team\"").nth(1).unwrap().starts_with(">Social support<"));
    let entries = app.db.run_sync(|c| homeward::db::repo::audit::for_record(c, &id)).unwrap();
    let handover_entry = entries.iter().find(|e| e.action == "inquiry.handover").expect("hand-over is audited");
    assert_eq!(handover_entry.detail, format!("{legal}->{social};unassigned"));
    // Handing it to the team it is already with changes nothing, sends nothing and says so (the lead does).
    let res = app.staff_post(&admin, &format!("/staff/inquiries/{id}/team"), &[("team", &social)]).await;
    assert_eq!(crate::helpers::location(&res), format!("/staff/inquiries/{id}#main"));
    let (_, case) = app.staff_get(&admin, &crate::helpers::location(&res)).await;
    assert!(case.contains(&html_escape(&t("en", "staff-done-team-same"))));
    // Sending the form without choosing a team explains what to do.
    let res = app.staff_post(&admin, &format!("/staff/inquiries/{id}/team"), &[("team", "")]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains(&html_escape(&t("en", "staff-error-team"))));
    // A team that does not exist is refused.
    let res = app.staff_post(&admin, &format!("/staff/inquiries/{id}/team"), &[("team", "not-a-team")]).await;
    assert_eq!(res.status().as_u16(), 400);
    // The outbox is where a mail would be queued: it still holds only the three sent so far.
    let queued = app.db.run_sync(homeward::db::repo::outbox::list).unwrap();
    assert_eq!(queued.len(), 3, "no mail for a hand-over that did not happen");
    // Deleting a team with an open question is refused with an explanation.
    let res = app.staff_post(&admin, &format!("/admin/teams/{social}/delete"), &[]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains(&html_escape(&t("en", "admin-team-error-open-inquiries"))));
    // Once closed, it can go; the question keeps no team.
    let res = app.staff_post(&admin, &format!("/staff/inquiries/{id}/status"), &[("status", "closed")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let res = app.staff_post(&admin, &format!("/admin/teams/{social}/delete"), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, list) = app.staff_get(&admin, &crate::helpers::location(&res)).await;
    assert!(list.contains(&html_escape(&t("en", "admin-team-done-deleted"))));
    assert!(!list.contains(&social), "the team is gone");
    assert_eq!(app.db.run_sync(|c| workspace::item(c, &id)).unwrap().team_name, None);
}

async fn the_status_page_names_the_team_only_if_it_chose_to(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = admin_client(&app).await;
    let team = add_team(&app, &admin, "Internal: legal desk 3").await;
    add_rule(&app, &admin, &team, "legal", "", "").await;
    let code = ask(&app, "ru", &[("topic", "legal")]).await;
    let status = |lang: &'static str| {
        let code = code.clone();
        let app = &app;
        async move { app.post_form(&format!("/{lang}/status"), &[("code", &code)]).await.text().await.unwrap() }
    };
    let page = status("ru").await;
    assert!(!page.contains("id=\"handled-by\""), "not named until the team chooses to be");
    assert!(!page.contains("legal desk 3"));

    let fields = [
        ("name", "Internal: legal desk 3"),
        ("is_default", "1"),
        ("show_publicly", "1"),
        ("public_name_en", "Free legal aid office"),
        ("public_name_ru", "Бесплатная юридическая помощь"),
    ];
    assert_eq!(save_team(&app, &admin, &team, &fields).await.status().as_u16(), 303);
    let page = status("ru").await;
    assert!(page.contains(&html_escape(&t("ru", "status-handled-by"))));
    assert!(page.contains("Бесплатная юридическая помощь"), "the name in the reader's language");
    assert!(!page.contains("legal desk 3"), "never the internal name");
    // A language without its own public name falls back to the default language's.
    let page = status("az").await;
    assert!(page.contains("Free legal aid office"));

    let fields = [("name", "Internal: legal desk 3"), ("is_default", "1"), ("public_name_en", "Free legal aid office")];
    assert_eq!(save_team(&app, &admin, &team, &fields).await.status().as_u16(), 303);
    let page = status("en").await;
    assert!(!page.contains("id=\"handled-by\""), "unticking the box hides the name again");
}

async fn team_pages_are_for_admins_and_explain_every_bad_input(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin = admin_client(&app).await;
    let team = add_team(&app, &admin, "Legal aid").await;
    let (_, page) = app.staff_get(&admin, &format!("/admin/teams/{team}")).await;
    assert!(page.contains(&html_escape(&t("en", "admin-team-done-created"))), "a new team opens with a confirmation");
    let (_, page) = app.staff_get(&admin, &format!("/admin/teams/{team}")).await;
    assert!(!page.contains(&html_escape(&t("en", "admin-team-done-created"))), "shown once");
    let cw = app.create_staff("cw@example.org", &[Role::Caseworker]).await;
    app.create_staff("ed@example.org", &[Role::Editor]).await;
    for who in ["cw@example.org", "ed@example.org"] {
        let client = app.sign_in(who).await;
        for path in ["/admin/teams".to_owned(), format!("/admin/teams/{team}")] {
            let (status, _) = app.staff_get(&client, &path).await;
            assert_eq!(status, 403, "{who} GET {path}");
        }
        for path in [
            "/admin/teams".to_owned(),
            format!("/admin/teams/{team}"),
            format!("/admin/teams/{team}/rules"),
            format!("/admin/teams/{team}/delete"),
        ] {
            let res = app.staff_post(&client, &path, &[("name", "Hijack"), ("lang", "en")]).await;
            assert_eq!(res.status().as_u16(), 403, "{who} POST {path}");
        }
    }
    let anonymous = app.get("/admin/teams").await;
    assert_eq!(anonymous.status().as_u16(), 303, "signing in first");

    // Bad team names: empty, too long, taken.
    let error_page = |res: reqwest::Response, key: &'static str| async move {
        assert_eq!(res.status().as_u16(), 422, "{key}");
        let html = res.text().await.unwrap();
        assert!(html.contains(&html_escape(&t("en", key))), "{key}");
        html
    };
    error_page(app.staff_post(&admin, "/admin/teams", &[("name", "  ")]).await, "admin-team-error-name").await;
    let long = "x".repeat(101);
    let html =
        error_page(app.staff_post(&admin, "/admin/teams", &[("name", &long)]).await, "admin-team-error-name").await;
    assert!(html.contains(&long), "what was typed is kept");
    error_page(app.staff_post(&admin, "/admin/teams", &[("name", "Legal aid")]).await, "admin-team-error-name-taken")
        .await;

    // The team form keeps everything typed when an address is wrong or the public name is missing.
    let html = error_page(
        save_team(
            &app,
            &admin,
            &team,
            &[
                ("name", "Legal aid renamed"),
                ("notify_email", "not an address"),
                ("languages", "hy"),
                ("show_publicly", "1"),
            ],
        )
        .await,
        "admin-team-error-email",
    )
    .await;
    assert!(html.contains(&html_escape(&t("en", "admin-team-error-public-name"))));
    assert!(html.contains("value=\"Legal aid renamed\""));
    assert!(html.contains("value=\"not an address\""));
    assert!(html.contains("id=\"lang-hy\" name=\"languages\" value=\"hy\" checked"));
    let other = add_team(&app, &admin, "Social").await;
    error_page(save_team(&app, &admin, &other, &[("name", "Legal aid")]).await, "admin-team-error-name-taken").await;
    // The default team cannot be unticked: another team takes the flag instead.
    let html =
        error_page(save_team(&app, &admin, &team, &[("name", "Legal aid")]).await, "admin-team-error-default").await;
    assert!(html.contains("href=\"#is_default\""));
    assert_eq!(
        save_team(&app, &admin, &other, &[("name", "Social"), ("is_default", "1")]).await.status().as_u16(),
        303
    );
    assert_eq!(save_team(&app, &admin, &team, &[("name", "Legal aid")]).await.status().as_u16(), 303);
    // Deleting the default team hands the flag to the next team.
    let third = add_team(&app, &admin, "Third").await;
    assert_eq!(app.staff_post(&admin, &format!("/admin/teams/{other}/delete"), &[]).await.status().as_u16(), 303);
    let defaults: Vec<String> = app
        .db
        .run_sync(homeward::db::repo::teams::list)
        .unwrap()
        .into_iter()
        .filter(|t| t.team.is_default)
        .map(|t| t.team.id)
        .collect();
    assert_eq!(defaults, vec![team.clone()], "the first remaining team is the default");
    let _ = third;

    // A member whose account is disabled is no longer listed or counted.
    let members_cell = |html: &str, id: &str| {
        let row = html.split(&format!("data-team=\"{id}\"")).nth(1).unwrap().split("</tr>").next().unwrap();
        row.split("<td>").nth(5).unwrap().split("</td>").next().unwrap().to_owned()
    };
    let fields = [("name", "Legal aid"), ("is_default", "1"), ("members", cw.as_str())];
    assert_eq!(save_team(&app, &admin, &team, &fields).await.status().as_u16(), 303);
    assert_eq!(members_cell(&app.staff_get(&admin, "/admin/teams").await.1, &team), "1");
    assert_eq!(app.staff_post(&admin, &format!("/admin/users/{cw}/disable"), &[]).await.status().as_u16(), 303);
    assert_eq!(members_cell(&app.staff_get(&admin, "/admin/teams").await.1, &team), "0");

    // Rules: one that says nothing, an unknown topic, the same rule twice.
    let rule = |topic: &'static str, region: &'static str, lang: &'static str| {
        let path = format!("/admin/teams/{team}/rules");
        let (app, admin) = (&app, &admin);
        async move { app.staff_post(admin, &path, &[("topic", topic), ("region", region), ("lang", lang)]).await }
    };
    error_page(rule("", "", "").await, "admin-team-error-rule-empty").await;
    error_page(rule("astrology", "", "").await, "admin-team-error-rule-choice").await;
    error_page(rule("", "atlantis", "").await, "admin-team-error-rule-choice").await;
    assert_eq!(rule("legal", "capital", "hy").await.status().as_u16(), 303);
    let html = error_page(rule("legal", "capital", "hy").await, "admin-team-error-rule-exists").await;
    assert!(html.contains("<option value=\"legal\" selected>"), "the choices are kept");
    // Moving with a made-up direction is a bad request; unknown teams are not found.
    let res = app.staff_post(&admin, &format!("/admin/teams/{team}/move"), &[("direction", "sideways")]).await;
    assert_eq!(res.status().as_u16(), 400);
    let (status, _) = app.staff_get(&admin, "/admin/teams/00000000-0000-0000-0000-000000000000").await;
    assert_eq!(status, 404);
    for path in ["/admin/teams/not-a-team".to_owned(), format!("/admin/teams/{team}/rules/not-a-rule/delete")] {
        let status = if path.ends_with("delete") {
            app.staff_post(&admin, &path, &[]).await.status().as_u16()
        } else {
            app.staff_get(&admin, &path).await.0
        };
        assert_eq!(status, 404, "a malformed id is not found: {path}");
    }

    // The contact form offers regions (optional) and explains an unknown one in the reader's language.
    let (_, form) = app.text("/hy/contact").await;
    assert!(form.contains("name=\"region\""));
    assert!(form.contains(&html_escape(&t("hy", "contact-region-none"))));
    let res = app.ask("hy", &[("region", "atlantis"), ("message", "Իմ հարցը")]).await;
    assert_eq!(res.status().as_u16(), 422);
    let html = res.text().await.unwrap();
    assert!(html.contains(&html_escape(&t("hy", "contact-error-region"))));
    assert!(html.contains("Իմ հարցը"), "the message is kept");
    assert!(!form_field(&html, "token").is_empty());
}

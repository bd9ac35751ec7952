//! Need to know between teams: a caseworker lists, opens and acts on the inquiries of
//! their own teams only (anything else is not found, and audited); a lead sees every
//! team's; a hand-over moves the access with the inquiry; counts, CSV and digest follow.

use homeward::db::repo::workspace;
use homeward::domain::Role;

use crate::helpers::{Backend, TestApp, html_escape, location, receipt_code, spawn_app, spawn_app_with, t};
use crate::on_both_backends;
use crate::smtp::start_smtp;

on_both_backends!(
    another_teams_caseworker_can_neither_list_open_note_reply_nor_export_an_inquiry,
    a_lead_sees_every_team_and_a_hand_over_moves_the_access,
    the_digest_lists_only_what_its_reader_may_still_see,
);

const SECRET_NAME: &str = "Anahit Secretyan";
const SECRET_PHONE: &str = "+374 10 555 123";
const SECRET_MESSAGE: &str = "My confidential passport problem";

/// Two teams (A is the default, so it takes every new question) and their people:
/// alice in A, bob (caseworker and admin) in B, carol a lead in B. Returns the admin's
/// client and the teams' ids.
async fn two_teams(app: &TestApp) -> (reqwest::Client, String, String) {
    app.create_staff("admin@example.org", &[Role::Admin]).await;
    let admin = app.sign_in("admin@example.org").await;
    let alice = app.create_staff("alice@example.org", &[Role::Caseworker]).await;
    let bob = app.create_staff("bob@example.org", &[Role::Caseworker, Role::Admin]).await;
    let carol = app.create_staff("carol@example.org", &[Role::Caseworker]).await;
    let mut ids = Vec::new();
    for name in ["Team A", "Team B"] {
        let res = app.staff_post(&admin, "/admin/teams", &[("name", name)]).await;
        assert_eq!(res.status().as_u16(), 303);
        ids.push(location(&res).trim_start_matches("/admin/teams/").to_owned());
    }
    let (a, b) = (ids[0].clone(), ids[1].clone());
    let res = app
        .staff_post(
            &admin,
            &format!("/admin/teams/{a}"),
            &[("name", "Team A"), ("is_default", "1"), ("members", &alice), ("notify_email", "team-a@example.org")],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let fields = [
        ("name", "Team B"),
        ("members", bob.as_str()),
        ("members", carol.as_str()),
        ("leads", carol.as_str()),
        // A lead box without its member box counts for nothing.
        ("leads", bob.as_str()),
        ("notify_email", "team-b@example.org"),
    ];
    let res = app.staff_post(&admin, &format!("/admin/teams/{b}"), &fields).await;
    assert_eq!(res.status().as_u16(), 303);
    // Fix the mistake: bob is a member, not a lead.
    let fields: Vec<(&str, &str)> = fields.iter().copied().filter(|f| *f != ("leads", bob.as_str())).collect();
    assert_eq!(app.staff_post(&admin, &format!("/admin/teams/{b}"), &fields).await.status().as_u16(), 303);
    let (_, page) = app.staff_get(&admin, &format!("/admin/teams/{b}")).await;
    assert!(page.contains(&format!("id=\"lead-{carol}\" name=\"leads\" value=\"{carol}\" checked")));
    assert!(page.contains(&format!("id=\"lead-{bob}\" name=\"leads\" value=\"{bob}\">")), "bob does not lead");
    assert!(page.contains(&html_escape(&t("en", "admin-team-lead"))));
    (admin, a, b)
}

/// Asks a question with a name and phone; returns (id, reference).
async fn ask_secret(app: &TestApp) -> (String, String) {
    let res = app
        .ask(
            "en",
            &[
                ("message", SECRET_MESSAGE),
                ("name", SECRET_NAME),
                ("phone", SECRET_PHONE),
                ("method", "email"),
                ("email", "anahit@example.am"),
            ],
        )
        .await;
    assert_eq!(res.status().as_u16(), 200);
    let id = app.inquiry_id(&receipt_code(&res.text().await.unwrap()));
    let reference = app.db.run_sync(|c| workspace::item(c, &id)).unwrap().reference;
    (id, reference)
}

/// The number the queue page gives as its count.
fn queue_count(page: &str) -> usize {
    let count = page.split("id=\"queue-count\">").nth(1).unwrap().split('·').next().unwrap();
    count.chars().filter(char::is_ascii_digit).collect::<String>().parse().unwrap()
}

fn denials(app: &TestApp) -> usize {
    app.audit_actions().iter().filter(|a| *a == "inquiry.access_denied").count()
}

/// Everything a caseworker of team B could try on team A's inquiry: each answers 404 and
/// shows nothing of it, and nothing is changed.
async fn another_teams_caseworker_can_neither_list_open_note_reply_nor_export_an_inquiry(backend: Backend) {
    let app = spawn_app(backend).await;
    two_teams(&app).await;
    let (id, reference) = ask_secret(&app).await;
    let bob = app.sign_in("bob@example.org").await;
    let before = denials(&app);

    let (status, queue) = app.staff_get(&bob, "/staff/inquiries?status=all").await;
    assert_eq!(status, 200);
    assert!(!queue.contains(&reference), "not in B's queue");
    assert_eq!(queue_count(&queue), 0, "nor in its count");
    for filter in ["team=none", "team=mine", "assignee=none", "lang=en", "status=new"] {
        let (_, page) = app.staff_get(&bob, &format!("/staff/inquiries?{filter}")).await;
        assert!(!page.contains(&reference), "the filter {filter} does not reach it");
    }
    let (_, csv) = app.staff_get(&bob, "/staff/inquiries/export.csv?status=all").await;
    assert_eq!(csv.lines().count(), 1, "the CSV holds only its header: {csv}");

    let (status, page) = app.staff_get(&bob, &format!("/staff/inquiries/{id}")).await;
    assert_eq!(status, 404, "opening it");
    for secret in [SECRET_NAME, SECRET_PHONE, SECRET_MESSAGE, reference.as_str()] {
        assert!(!page.contains(secret), "the 404 page shows no {secret:?}");
    }
    for (action, form) in [
        ("note", vec![("body", "B was here")]),
        ("reply", vec![("body", "A reply from B")]),
        ("assign", vec![("assignee", "me")]),
        ("status", vec![("status", "closed")]),
        ("safeguarding", vec![("flag", "raise")]),
        ("export", vec![]),
    ] {
        let res = app.staff_post(&bob, &format!("/staff/inquiries/{id}/{action}"), &form).await;
        assert_eq!(res.status().as_u16(), 404, "{action}");
        let body = res.text().await.unwrap();
        assert!(!body.contains(SECRET_NAME) && !body.contains(SECRET_PHONE), "{action} shows nothing");
    }
    let (status, _) = app.staff_get(&bob, &format!("/staff/inquiries/{id}/erase")).await;
    assert_eq!(status, 404, "the erase page");
    assert_eq!(denials(&app) - before, 8, "each refused action is audited");
    let entries = app.db.run_sync(|c| homeward::db::repo::audit::for_record(c, &id)).unwrap();
    let details: Vec<&str> =
        entries.iter().filter(|e| e.action == "inquiry.access_denied").map(|e| e.detail.as_str()).collect();
    for action in ["view", "note", "reply", "export", "erase"] {
        assert!(details.contains(&action), "the denial names the action {action}: {details:?}");
    }
    // An unknown inquiry looks the same, and is no denial.
    let (status, _) = app.staff_get(&bob, "/staff/inquiries/00000000-0000-7000-8000-000000000000").await;
    assert_eq!(status, 404);
    assert_eq!(denials(&app) - before, 8);

    // Nothing happened to it; team A's caseworker sees it untouched and in the count.
    let item = app.db.run_sync(|c| workspace::item(c, &id)).unwrap();
    assert_eq!((item.status.as_str(), item.assigned_to, item.safeguarding), ("new", None, false));
    let alice = app.sign_in("alice@example.org").await;
    let (status, page) = app.staff_get(&alice, &format!("/staff/inquiries/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains(SECRET_NAME) && page.contains(SECRET_MESSAGE));
    assert!(!page.contains("B was here") && !page.contains("A reply from B"));
    assert!(!page.contains("bob@example.org"), "the assignee list offers only those who may see it");
    let (_, queue) = app.staff_get(&alice, "/staff/inquiries").await;
    assert!(queue.contains(&reference));
    assert_eq!(queue_count(&queue), 1);
    let (_, csv) = app.staff_get(&alice, "/staff/inquiries/export.csv").await;
    assert!(csv.contains(&reference));
}

async fn a_lead_sees_every_team_and_a_hand_over_moves_the_access(backend: Backend) {
    let app = spawn_app(backend).await;
    let (_, _, team_b) = two_teams(&app).await;
    let (id, reference) = ask_secret(&app).await;
    let (alice, bob, carol) = (
        app.sign_in("alice@example.org").await,
        app.sign_in("bob@example.org").await,
        app.sign_in("carol@example.org").await,
    );
    // Carol leads team B and so sees team A's inquiry, in the queue and opened.
    let (_, queue) = app.staff_get(&carol, "/staff/inquiries").await;
    assert!(queue.contains(&reference));
    let (status, page) = app.staff_get(&carol, &format!("/staff/inquiries/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains(SECRET_NAME));

    // Alice takes it and hands it to team B: she is sent back to her queue and loses access.
    app.staff_post(&alice, &format!("/staff/inquiries/{id}/assign"), &[("assignee", "me")]).await;
    let res = app.staff_post(&alice, &format!("/staff/inquiries/{id}/team"), &[("team", &team_b)]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/staff/inquiries");
    let (_, queue) = app.staff_get(&alice, &location(&res)).await;
    assert!(queue.contains(&html_escape(&t("en", "staff-done-team-away"))));
    assert!(!queue.contains(&reference), "it left her queue");
    assert_eq!(queue_count(&queue), 0);
    let (status, _) = app.staff_get(&alice, &format!("/staff/inquiries/{id}")).await;
    assert_eq!(status, 404, "the old team no longer opens it");
    let res = app.staff_post(&alice, &format!("/staff/inquiries/{id}/note"), &[("body", "one more thing")]).await;
    assert_eq!(res.status().as_u16(), 404);
    let (_, csv) = app.staff_get(&alice, "/staff/inquiries/export.csv?status=all").await;
    assert!(!csv.contains(&reference));

    // Team B gains it: listed, counted, opened, answered, exported.
    let (_, queue) = app.staff_get(&bob, "/staff/inquiries").await;
    assert!(queue.contains(&reference));
    assert_eq!(queue_count(&queue), 1);
    let (status, page) = app.staff_get(&bob, &format!("/staff/inquiries/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains(SECRET_NAME) && page.contains(SECRET_PHONE));
    let res = app.staff_post(&bob, &format!("/staff/inquiries/{id}/reply"), &[("body", "We can help")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let res = app.staff_post(&bob, &format!("/staff/inquiries/{id}/export"), &[]).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.text().await.unwrap().contains(SECRET_NAME));
    let (_, csv) = app.staff_get(&bob, "/staff/inquiries/export.csv").await;
    assert!(csv.contains(&reference));
    // A lead who hands it on keeps seeing it (back to the case, not to the queue).
    let team_a = app.db.run_sync(homeward::db::repo::teams::list).unwrap()[0].team.id.clone();
    let res = app.staff_post(&carol, &format!("/staff/inquiries/{id}/team"), &[("team", &team_a)]).await;
    assert_eq!(location(&res), format!("/staff/inquiries/{id}#main"));
    let (status, _) = app.staff_get(&alice, &format!("/staff/inquiries/{id}")).await;
    assert_eq!(status, 200, "back with team A");
    let (status, _) = app.staff_get(&bob, &format!("/staff/inquiries/{id}")).await;
    assert_eq!(status, 404, "and gone from team B");
}

async fn the_digest_lists_only_what_its_reader_may_still_see(backend: Backend) {
    let smtp = start_smtp();
    let app = spawn_app_with(backend, &[("HOMEWARD_SMTP_URL", &smtp.url()), ("HOMEWARD_DIGEST_HOUR", "0")]).await;
    let (admin, team_a, _) = two_teams(&app).await;
    let (old, old_ref) = ask_secret(&app).await;
    let alice = app.sign_in("alice@example.org").await;
    app.staff_post(&alice, &format!("/staff/inquiries/{old}/assign"), &[("assignee", "me")]).await;
    // Alice leaves team A for Dave; the inquiry she took stays assigned to her.
    let dave_id = app.create_staff("dave@example.org", &[Role::Caseworker]).await;
    let fields = [("name", "Team A"), ("is_default", "1"), ("members", dave_id.as_str())];
    assert_eq!(app.staff_post(&admin, &format!("/admin/teams/{team_a}"), &fields).await.status().as_u16(), 303);
    let (new, new_ref) = ask_secret(&app).await;
    let dave = app.sign_in("dave@example.org").await;
    app.staff_post(&dave, &format!("/staff/inquiries/{new}/assign"), &[("assignee", "me")]).await;
    assert!(app.db.run_sync(|c| workspace::item(c, &old)).unwrap().assigned_to.is_some());

    let base = app.address.clone();
    let settings = homeward::mail::digest::DigestSettings::from_settings(&app.settings, &base);
    let queued = homeward::mail::digest::queue_digests(&app.db, app.vault.clone(), settings).await.unwrap();
    assert_eq!(queued, 1, "Dave's digest only: Alice may no longer see what she was given");
    let delivered = app.deliver_outbox().await;
    let mails = smtp.wait_for(delivered, 20).await;
    let digests: Vec<_> = mails.iter().filter(|m| m.decoded().contains("/staff/inquiries?assignee=me")).collect();
    assert_eq!(digests.len(), 1);
    assert!(digests[0].to.iter().any(|to| to == "dave@example.org"));
    let text = digests[0].decoded();
    assert!(text.contains(&new_ref) && !text.contains(&old_ref), "{text}");
    let (status, _) = app.staff_get(&alice, &format!("/staff/inquiries/{old}")).await;
    assert_eq!(status, 404);
}

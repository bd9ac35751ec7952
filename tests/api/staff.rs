//! The staff area: sign-in, sessions, CSRF and Origin, throttling, the second
//! factor, roles, the caseworker workspace and the audit log.

use homeward::domain::Role;

use crate::helpers::{
    Backend, STAFF_PASSWORD, TestApp, form_field, html_escape, location, receipt_code, spawn_app, spawn_app_with, t,
};
use crate::on_both_backends;
use crate::smtp::start_smtp;

on_both_backends!(
    every_route_answers_each_role_as_it_should,
    sessions_rotate_expire_and_end_for_good,
    forged_and_cross_site_posts_are_refused,
    sign_in_is_throttled_and_reveals_no_accounts,
    two_step_sign_in_with_codes_and_recovery_codes,
    admins_must_set_up_two_step_sign_in_when_required,
    a_caseworker_works_an_inquiry_end_to_end,
    erase_and_export_on_request,
    the_audit_log_is_chained_and_tampering_is_found,
    each_caseworker_gets_one_digest_a_day,
    password_reset_by_email_and_invitations,
    the_account_page_confirms_a_new_language_and_two_step_sign_in_turned_off,
    only_a_caseworker_grants_the_caseworker_role,
    an_admin_resets_only_others_second_factor_and_with_their_own_code,
    wrong_passwords_from_one_address_do_not_lock_out_another,
    a_new_reset_link_or_a_password_change_revokes_earlier_links,
    concurrent_reset_requests_leave_one_live_link,
);

async fn staff_app(backend: Backend) -> (TestApp, String) {
    let app = spawn_app(backend).await;
    let res = app.ask("en", &[("message", "Where do I register my address?")]).await;
    let code = receipt_code(&res.text().await.unwrap());
    let id = app.inquiry_id(&code);
    (app, id)
}

async fn every_route_answers_each_role_as_it_should(backend: Backend) {
    let (app, id) = staff_app(backend).await;
    app.create_staff("case@example.org", &[Role::Caseworker]).await;
    app.create_staff("editor@example.org", &[Role::Editor]).await;
    let admin_id = app.create_staff("admin@example.org", &[Role::Admin]).await;
    let gone = app.create_staff("gone@example.org", &[Role::Caseworker, Role::Admin]).await;
    let caseworker = app.sign_in("case@example.org").await;
    let editor = app.sign_in("editor@example.org").await;
    let admin = app.sign_in("admin@example.org").await;
    let disabled = app.sign_in("gone@example.org").await;
    let res = app.staff_post(&admin, &format!("/admin/users/{gone}/disable"), &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/admin/users");
    let (_, page) = app.staff_get(&admin, "/admin/users").await;
    assert!(page.contains(&html_escape(&t("en", "admin-done-disabled"))));
    let res = app.staff_post(&admin, &format!("/admin/users/{gone}/roles"), &[("role_editor", "1")]).await;
    assert_eq!((res.status().as_u16(), location(&res)), (303, "/admin/users".to_owned()));
    let (_, page) = app.staff_get(&admin, "/admin/users").await;
    assert!(page.contains(&html_escape(&t("en", "admin-done-roles"))));
    // Admins cannot take their own admin role away, nor disable themselves; malformed ids are not found.
    let res = app.staff_post(&admin, &format!("/admin/users/{admin_id}/roles"), &[("role_editor", "1")]).await;
    assert_eq!(res.status().as_u16(), 400);
    assert_eq!(app.staff_post(&admin, &format!("/admin/users/{admin_id}/disable"), &[]).await.status().as_u16(), 400);
    assert_eq!(app.staff_post(&admin, "/admin/users/not-an-id/enable", &[]).await.status().as_u16(), 404);
    let anonymous = app.staff_client();

    let inquiry = format!("/staff/inquiries/{id}");
    let erase = format!("/staff/inquiries/{id}/erase");
    // (path, caseworker, editor, admin-only); anonymous and disabled always go to sign-in.
    let table: Vec<(&str, u16, u16, u16)> = vec![
        ("/staff/inquiries", 200, 403, 403),
        ("/staff/inquiries?status=all&overdue=1", 200, 403, 403),
        ("/staff/inquiries/export.csv", 200, 403, 403),
        (&inquiry, 200, 403, 403),
        // Export and erase need both roles (see `both` below).
        (&erase, 403, 403, 403),
        ("/staff/replies", 200, 403, 403),
        ("/staff/account", 200, 200, 200),
        ("/staff/account/2fa", 200, 200, 200),
        ("/admin/users", 403, 403, 200),
        ("/admin/audit", 403, 403, 200),
    ];
    for (path, cw, ed, ad) in &table {
        for (who, client, want) in [("caseworker", &caseworker, *cw), ("editor", &editor, *ed), ("admin", &admin, *ad)]
        {
            let res = client.get(app.url(path)).send().await.unwrap();
            assert_eq!(res.status().as_u16(), want, "{who} GET {path}");
        }
        for (who, client) in [("anonymous", &anonymous), ("disabled", &disabled)] {
            let res = client.get(app.url(path)).send().await.unwrap();
            assert_eq!(res.status().as_u16(), 303, "{who} GET {path}");
            assert!(location(&res).starts_with("/staff/login?next="), "{who} GET {path}: {}", location(&res));
        }
    }
    let both_id = app.create_staff("both@example.org", &[Role::Caseworker, Role::Admin]).await;
    assert!(!both_id.is_empty());
    let both = app.sign_in("both@example.org").await;
    assert_eq!(app.staff_get(&both, &erase).await.0, 200, "a caseworker who is an admin may erase");
    let res = app.staff_post(&caseworker, &format!("/staff/inquiries/{id}/export"), &[]).await;
    assert_eq!(res.status().as_u16(), 403, "a caseworker alone may not export");
    // `/staff/` leads each role to its start.
    for (client, to) in [(&caseworker, "/staff/inquiries"), (&editor, "/admin/content"), (&admin, "/admin/users")] {
        let res = client.get(app.url("/staff/")).send().await.unwrap();
        assert_eq!(location(&res), to);
    }
    // Changes are checked on the server too, not only hidden in the pages.
    for (who, client, want) in [("editor", &editor, 403), ("admin", &admin, 403), ("caseworker", &caseworker, 303)] {
        let res = app.staff_post(client, &format!("/staff/inquiries/{id}/note"), &[("body", "A note")]).await;
        assert_eq!(res.status().as_u16(), want, "{who} adds a note");
    }
    let res =
        app.staff_post(&caseworker, "/admin/users/invite", &[("email", "x@example.org"), ("role_editor", "1")]).await;
    assert_eq!(res.status().as_u16(), 403, "a caseworker cannot invite");
    // Ids are checked: an unknown or malformed id is simply not found.
    let (status, _) = app.staff_get(&caseworker, "/staff/inquiries/0190b4a4-0000-7000-8000-000000000000").await;
    assert_eq!(status, 404);
    let (status, _) = app.staff_get(&caseworker, "/staff/inquiries/..%2F..%2Fetc").await;
    assert_eq!(status, 404);
    // Every staff page stays out of caches.
    let res = caseworker.get(app.url("/staff/inquiries")).send().await.unwrap();
    assert_eq!(res.headers().get("cache-control").unwrap(), "no-store");
}

fn session_cookie(res: &reqwest::Response) -> Option<String> {
    res.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("homeward_staff=") && !v.starts_with("homeward_staff=;"))
        .map(str::to_owned)
}

async fn sessions_rotate_expire_and_end_for_good(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_staff("case@example.org", &[Role::Caseworker]).await;
    // A new token at every sign-in, with the right flags.
    let first = app.try_sign_in(&app.staff_client(), "case@example.org", STAFF_PASSWORD).await;
    let second = app.try_sign_in(&app.staff_client(), "case@example.org", STAFF_PASSWORD).await;
    let (a, b) = (session_cookie(&first).unwrap(), session_cookie(&second).unwrap());
    assert_ne!(a.split(';').next(), b.split(';').next(), "each sign-in gets its own token");
    let flags = a.to_ascii_lowercase();
    assert!(flags.contains("httponly") && flags.contains("samesite=lax") && flags.contains("path=/"), "{a}");
    assert!(!flags.contains("secure"), "plain http on loopback has no Secure flag: {a}");
    // The browser is marked as one this account signed in from, for the sign-in pages only.
    let device = first
        .headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("homeward_device="))
        .map(str::to_ascii_lowercase)
        .expect("a full sign-in sets the device cookie");
    assert!(
        device.contains("path=/staff/login") && device.contains("httponly") && device.contains("samesite=strict"),
        "{device}"
    );
    assert!(!device.contains("case@example.org"), "the cookie says nothing about the account: {device}");
    // Only the token's hash is stored.
    let token = a.split(';').next().unwrap().trim_start_matches("homeward_staff=").to_owned();
    let stored: Vec<String> = app
        .db
        .run_sync(|c| {
            use diesel::prelude::*;
            homeward::db::schema::staff_sessions::table
                .select(homeward::db::schema::staff_sessions::token_hash)
                .load::<String>(c)
                .map_err(homeward::db::RepoError::from)
        })
        .unwrap();
    assert!(!stored.contains(&token) && stored.contains(&homeward::crypto::hash_token(&token)));

    // A copied cookie is worthless after sign-out.
    let client = app.sign_in("case@example.org").await;
    let (status, _) = app.staff_get(&client, "/staff/inquiries").await;
    assert_eq!(status, 200);
    let copy = app.staff_client();
    let copied_cookie = {
        let res = app.try_sign_in(&copy, "case@example.org", STAFF_PASSWORD).await;
        session_cookie(&res).unwrap().split(';').next().unwrap().to_owned()
    };
    let res = app.staff_post(&copy, "/staff/logout", &[]).await;
    assert_eq!(location(&res), "/staff/login?signed_out=1");
    let replay =
        app.staff_client().get(app.url("/staff/inquiries")).header("cookie", copied_cookie).send().await.unwrap();
    assert_eq!(replay.status().as_u16(), 303, "a replayed cookie after sign-out is refused");

    // Idle timeout and absolute timeout.
    app.sql("UPDATE staff_sessions SET last_seen_at = '2000-01-01 00:00:00'");
    let (status, _) = app.staff_get(&client, "/staff/inquiries").await;
    assert_eq!(status, 303, "idle for too long");
    let client = app.sign_in("case@example.org").await;
    app.sql("UPDATE staff_sessions SET expires_at = '2000-01-01 00:00:00'");
    let (status, _) = app.staff_get(&client, "/staff/inquiries").await;
    assert_eq!(status, 303, "past the absolute end");

    // Sign out everywhere ends every session of the account.
    let one = app.sign_in("case@example.org").await;
    let two = app.sign_in("case@example.org").await;
    let res = app.staff_post(&one, "/staff/account/sessions", &[]).await;
    assert_eq!(res.status().as_u16(), 303);
    for c in [&one, &two] {
        assert_eq!(app.staff_get(c, "/staff/inquiries").await.0, 303);
    }
    // With https the cookie is Secure and host-only.
    let https = spawn_app_with(Backend::Sqlite, &[("HOMEWARD_BASE_URL", "https://homeward.example")]).await;
    https.create_staff("case@example.org", &[Role::Caseworker]).await;
    let client = https.staff_client();
    let page = client.get(https.url("/staff/login")).send().await.unwrap().text().await.unwrap();
    let res = client
        .post(https.url("/staff/login"))
        .header("origin", "https://homeward.example")
        .form(&[
            ("csrf", form_field(&page, "csrf").as_str()),
            ("email", "case@example.org"),
            ("password", STAFF_PASSWORD),
        ])
        .send()
        .await
        .unwrap();
    let cookie = res.headers().get("set-cookie").unwrap().to_str().unwrap().to_owned();
    assert!(cookie.starts_with("__Host-homeward_staff=") && cookie.to_ascii_lowercase().contains("secure"), "{cookie}");
}

async fn forged_and_cross_site_posts_are_refused(backend: Backend) {
    let (app, id) = staff_app(backend).await;
    app.create_staff("case@example.org", &[Role::Caseworker]).await;
    let client = app.sign_in("case@example.org").await;
    let csrf = app.csrf(&client).await;
    let note = format!("/staff/inquiries/{id}/note");
    let title = t("en", "staff-refused-csrf-title");
    for form in [vec![("body", "x")], vec![("csrf", "0123456789abcdef0123456789abcdef"), ("body", "x")]] {
        let res = client.post(app.url(&note)).form(&form).send().await.unwrap();
        assert_eq!(res.status().as_u16(), 403);
        assert!(res.text().await.unwrap().contains(&title));
    }
    // Right token, wrong or missing Origin.
    let plain =
        reqwest::Client::builder().redirect(reqwest::redirect::Policy::none()).cookie_store(true).build().unwrap();
    let res = app.try_sign_in(&plain, "case@example.org", STAFF_PASSWORD).await;
    assert_eq!(res.status().as_u16(), 403, "no Origin header");
    let res = client
        .post(app.url(&note))
        .header("origin", "https://evil.example")
        .form(&[("csrf", csrf.as_str()), ("body", "x")])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 403);
    assert!(res.text().await.unwrap().contains(&t("en", "staff-refused-origin-title")));
    // Nothing was stored by the refused posts; the real one works.
    let res =
        client.post(app.url(&note)).form(&[("csrf", csrf.as_str()), ("body", "A real note")]).send().await.unwrap();
    assert_eq!(res.status().as_u16(), 303);
    let actions = app.audit_actions();
    assert_eq!(actions.iter().filter(|a| *a == "inquiry.note").count(), 1);
    // `?next=` only leads to local paths.
    let page = app.staff_client().get(app.url("/staff/login?next=https://evil.example/")).send().await.unwrap();
    let html = page.text().await.unwrap();
    assert_eq!(form_field(&html, "next"), "/staff/");
}

async fn sign_in_is_throttled_and_reveals_no_accounts(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_staff("case@example.org", &[Role::Caseworker]).await;
    // Wrong password and unknown account: the same status and the same page.
    let normalise = |html: String, email: &str| {
        let token = form_field(&html, "csrf");
        html.replace(&token, "TOKEN").replace(email, "EMAIL")
    };
    let known = app.try_sign_in(&app.staff_client(), "case@example.org", "wrong password here").await;
    let unknown = app.try_sign_in(&app.staff_client(), "nobody@example.org", "wrong password here").await;
    assert_eq!(known.status(), unknown.status());
    assert_eq!(
        normalise(known.text().await.unwrap(), "case@example.org"),
        normalise(unknown.text().await.unwrap(), "nobody@example.org")
    );
    // Timing: one argon2 verification either way (medians of alternating attempts).
    let mut times = (Vec::new(), Vec::new());
    for i in 0..4 {
        let client = app.staff_client();
        let started = std::time::Instant::now();
        app.try_sign_in(&client, &format!("ghost{i}@example.org"), "wrong password here").await;
        times.1.push(started.elapsed().as_secs_f64());
        let client = app.staff_client();
        let started = std::time::Instant::now();
        app.try_sign_in(&client, "case@example.org", "wrong password here").await;
        times.0.push(started.elapsed().as_secs_f64());
    }
    let median = |v: &mut Vec<f64>| {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    };
    let (k, u) = (median(&mut times.0), median(&mut times.1));
    assert!(k / u < 1.6 && u / k < 1.6, "known {k:.3}s vs unknown {u:.3}s");
    // The account has now failed 5 times: even the right password is refused for a while.
    let res = app.try_sign_in(&app.staff_client(), "case@example.org", STAFF_PASSWORD).await;
    assert_eq!(res.status().as_u16(), 429);
    assert!(res.text().await.unwrap().contains(&t("en", "staff-error-throttled")));
    // An unknown address is throttled the same way.
    for _ in 0..5 {
        app.try_sign_in(&app.staff_client(), "ghost@example.org", "wrong password here").await;
    }
    let res = app.try_sign_in(&app.staff_client(), "ghost@example.org", "wrong password here").await;
    assert_eq!(res.status().as_u16(), 429);
    // Other accounts are not locked out by it.
    app.create_staff("other@example.org", &[Role::Caseworker]).await;
    app.sign_in("other@example.org").await;
    // Reset requests: the same answer whether or not the account exists.
    let ask_reset = |email: &'static str| {
        let client = app.staff_client();
        let app = &app;
        async move {
            let page = client.get(app.url("/staff/reset")).send().await.unwrap().text().await.unwrap();
            let res = client
                .post(app.url("/staff/reset"))
                .form(&[("csrf", form_field(&page, "csrf").as_str()), ("email", email)])
                .send()
                .await
                .unwrap();
            (res.status().as_u16(), res.text().await.unwrap())
        }
    };
    let a = ask_reset("other@example.org").await;
    let b = ask_reset("nobody@example.org").await;
    assert_eq!(a, b);
    let failures = app.audit_actions().iter().filter(|a| *a == "auth.sign_in_failed").count();
    assert!(failures >= 10, "failed sign-ins are audited ({failures})");
}

fn secret_of(html: &str) -> Vec<u8> {
    let text = html.split("id=\"secret\">").nth(1).and_then(|s| s.split('<').next()).unwrap();
    totp_rs::Secret::try_from_base32(text).unwrap().to_vec()
}

fn code_at(secret: &[u8], offset: i64) -> String {
    let now = time::OffsetDateTime::now_utc().unix_timestamp() + offset;
    homeward::auth::totp::code_at(secret, now as u64).unwrap()
}

async fn enter_code(app: &TestApp, client: &reqwest::Client, code: &str) -> reqwest::Response {
    let page = client.get(app.url("/staff/login/code")).send().await.unwrap().text().await.unwrap();
    client
        .post(app.url("/staff/login/code"))
        .form(&[("csrf", form_field(&page, "csrf").as_str()), ("code", code), ("next", "/staff/account")])
        .send()
        .await
        .unwrap()
}

async fn two_step_sign_in_with_codes_and_recovery_codes(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_staff("case@example.org", &[Role::Caseworker]).await;
    let client = app.sign_in("case@example.org").await;
    let (_, page) = app.staff_get(&client, "/staff/account/2fa").await;
    assert!(page.contains("<svg"), "a QR code is shown");
    let secret = secret_of(&page);
    let csrf = form_field(&page, "csrf");
    let mac = form_field(&page, "mac");
    let secret_text = form_field(&page, "secret");
    let wrong = client
        .post(app.url("/staff/account/2fa"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("current", STAFF_PASSWORD),
            ("secret", &secret_text),
            ("mac", &mac),
            ("code", "000000"),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(wrong.status().as_u16(), 422);
    // Without the current password a (possibly borrowed) session cannot enrol a phone.
    let no_password = client
        .post(app.url("/staff/account/2fa"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("current", "wrong password here"),
            ("secret", &secret_text),
            ("mac", &mac),
            ("code", &code_at(&secret, 0)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(no_password.status().as_u16(), 422);
    assert!(no_password.text().await.unwrap().contains(&t("en", "staff-error-current-password")));
    let res = client
        .post(app.url("/staff/account/2fa"))
        .form(&[
            ("csrf", csrf.as_str()),
            ("current", STAFF_PASSWORD),
            ("secret", &secret_text),
            ("mac", &mac),
            ("code", &code_at(&secret, 0)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let html = res.text().await.unwrap();
    let codes: Vec<String> = html
        .split("id=\"recovery-codes\">")
        .nth(1)
        .unwrap()
        .split("</ul>")
        .next()
        .unwrap()
        .split("<li>")
        .skip(1)
        .map(|s| s.split('<').next().unwrap().to_owned())
        .collect();
    assert_eq!(codes.len(), 10);

    // Sign-in now needs the second step; the password alone opens nothing.
    let fresh = app.staff_client();
    let res = app.try_sign_in(&fresh, "case@example.org", STAFF_PASSWORD).await;
    assert!(location(&res).starts_with("/staff/login/code"));
    assert_eq!(app.staff_get(&fresh, "/staff/inquiries").await.0, 303);
    // The code used at enrolment (this time step) cannot be used again; the next step's can, once.
    let res = enter_code(&app, &fresh, &code_at(&secret, 0)).await;
    assert_eq!(res.status().as_u16(), 422, "a used code is refused");
    let next = code_at(&secret, 30);
    let res = enter_code(&app, &fresh, &next).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/staff/account");
    assert_eq!(app.staff_get(&fresh, "/staff/inquiries").await.0, 200);
    // The short second-factor window became a full session: still valid long after ten minutes.
    let hours_left: Vec<i64> = app
        .db
        .run_sync(|c| {
            use diesel::prelude::*;
            use homeward::db::schema::staff_sessions::dsl::*;
            staff_sessions
                .filter(stage.eq("full"))
                .select(expires_at)
                .load::<time::PrimitiveDateTime>(c)
                .map_err(homeward::db::RepoError::from)
        })
        .unwrap()
        .into_iter()
        .map(|e| (e - homeward::db::repo::now()).whole_hours())
        .collect();
    assert!(hours_left.iter().all(|h| *h >= 11), "{hours_left:?}");
    let again = app.staff_client();
    app.try_sign_in(&again, "case@example.org", STAFF_PASSWORD).await;
    assert_eq!(enter_code(&app, &again, &next).await.status().as_u16(), 422, "reuse of a code is refused");
    // A recovery code works once.
    let res = enter_code(&app, &again, &codes[0].to_lowercase()).await;
    assert_eq!(res.status().as_u16(), 303);
    let third = app.staff_client();
    app.try_sign_in(&third, "case@example.org", STAFF_PASSWORD).await;
    assert_eq!(enter_code(&app, &third, &codes[0]).await.status().as_u16(), 422);
    let actions = app.audit_actions();
    assert!(actions.contains(&"account.2fa_enabled".to_owned()));
    assert!(actions.contains(&"auth.second_factor_failed".to_owned()));
}

async fn admins_must_set_up_two_step_sign_in_when_required(backend: Backend) {
    let app = spawn_app_with(backend, &[("HOMEWARD_REQUIRE_ADMIN_2FA", "true")]).await;
    app.create_staff("admin@example.org", &[Role::Admin]).await;
    app.create_staff("case@example.org", &[Role::Caseworker]).await;
    let admin = app.sign_in("admin@example.org").await;
    let res = admin.get(app.url("/admin/users")).send().await.unwrap();
    assert_eq!(location(&res), "/staff/account/2fa");
    let caseworker = app.sign_in("case@example.org").await;
    assert_eq!(app.staff_get(&caseworker, "/staff/inquiries").await.0, 200, "only admins are held to it");
    let (_, page) = app.staff_get(&admin, "/staff/account/2fa").await;
    assert!(page.contains(&t("en", "staff-2fa-required")));
    let secret = secret_of(&page);
    let res = admin
        .post(app.url("/staff/account/2fa"))
        .form(&[
            ("csrf", form_field(&page, "csrf").as_str()),
            ("current", STAFF_PASSWORD),
            ("secret", &form_field(&page, "secret")),
            ("mac", &form_field(&page, "mac")),
            ("code", &code_at(&secret, 0)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(app.staff_get(&admin, "/admin/users").await.0, 200);
}

async fn a_caseworker_works_an_inquiry_end_to_end(backend: Backend) {
    let smtp = start_smtp();
    let app = spawn_app_with(
        backend,
        &[("HOMEWARD_SMTP_URL", &smtp.url()), ("HOMEWARD_PROTECTION_LEAD", "lead@example.org")],
    )
    .await;
    let res = app
        .ask(
            "hy",
            &[
                ("message", "Ինչպե՞ս գրանցվել, canary-body-5521"),
                ("method", "email"),
                ("email", "ani@example.am"),
                ("name", "Ani canary-name-7731"),
            ],
        )
        .await;
    let code = receipt_code(&res.text().await.unwrap());
    let id = app.inquiry_id(&code);
    let other = app.ask("en", &[("topic", "social")]).await;
    let other_id = app.inquiry_id(&receipt_code(&other.text().await.unwrap()));
    app.create_staff("case@example.org", &[Role::Caseworker]).await;
    let client = app.sign_in("case@example.org").await;

    // The queue and its filters.
    let (_, queue) = app.staff_get(&client, "/staff/inquiries").await;
    assert!(queue.contains(&id) && queue.contains(&other_id));
    let (_, only_hy) = app.staff_get(&client, "/staff/inquiries?lang=hy").await;
    assert!(only_hy.contains(&id) && !only_hy.contains(&other_id));
    let (_, social) = app.staff_get(&client, "/staff/inquiries?topic=social").await;
    assert!(!social.contains(&id) && social.contains(&other_id));
    let (_, closed) = app.staff_get(&client, "/staff/inquiries?status=closed").await;
    assert!(!closed.contains(&id));
    let (_, overdue) = app.staff_get(&client, "/staff/inquiries?overdue=1").await;
    assert!(!overdue.contains(&id), "a new inquiry is not overdue");
    app.sql(&format!("UPDATE inquiries SET created_at = '2020-01-01 00:00:00' WHERE id = '{id}'"));
    let (_, overdue) = app.staff_get(&client, "/staff/inquiries?overdue=1").await;
    assert!(overdue.contains(&id) && !overdue.contains(&other_id));
    assert!(overdue.contains(&t("en", "staff-late-acknowledge")));

    // The case: decrypted, with the contact details.
    let (status, page) = app.staff_get(&client, &format!("/staff/inquiries/{id}")).await;
    assert_eq!(status, 200);
    assert!(page.contains("canary-body-5521") && page.contains("ani@example.am") && page.contains("canary-name-7731"));
    // Assign to me, then the "mine" filter finds it.
    let res = app.staff_post(&client, &format!("/staff/inquiries/{id}/assign"), &[("assignee", "me")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), format!("/staff/inquiries/{id}#main"));
    let (_, page) = app.staff_get(&client, &location(&res)).await;
    assert!(page.contains(&t("en", "staff-done-assign")));
    let (_, mine) = app.staff_get(&client, "/staff/inquiries?assignee=me").await;
    assert!(mine.contains(&id) && !mine.contains(&other_id));
    // The filters only name people and teams by their ids.
    assert_eq!(app.staff_get(&client, "/staff/inquiries?assignee=..%2Fx").await.0, 400);
    assert_eq!(app.staff_get(&client, "/staff/inquiries/export.csv?team=not-a-team").await.0, 400);
    // A note stays internal; an empty reply keeps the page and explains.
    app.staff_post(&client, &format!("/staff/inquiries/{id}/note"), &[("body", "Internal: canary-note-9901")]).await;
    let res = app.staff_post(&client, &format!("/staff/inquiries/{id}/reply"), &[("body", "   ")]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains(&t("en", "staff-error-reply-empty")));
    let reply = "Բերեք անձնագիրը։ <b>bold?</b>";
    let res = app.staff_post(&client, &format!("/staff/inquiries/{id}/reply"), &[("body", reply)]).await;
    assert_eq!(res.status().as_u16(), 303);
    let (_, page) = app.staff_get(&client, &location(&res)).await;
    assert!(page.contains(&t("en", "staff-done-reply")), "the case page confirms the reply");
    let (_, page) = app.staff_get(&client, &location(&res)).await;
    assert!(!page.contains(&t("en", "staff-done-reply")), "once");
    // The inquirer reads the reply with the receipt code; the note is not there.
    let status_page = app.post_form("/hy/status", &[("code", &code)]).await.text().await.unwrap();
    assert!(status_page.contains("Բերեք անձնագիրը։ &#60;b&#62;bold?&#60;/b&#62;"));
    assert!(!status_page.contains("canary-note-9901"));
    // The notification reaches the SMTP server in Armenian, without the reply or the code.
    let mails = smtp.wait_for(2, 20).await;
    let notice = mails
        .iter()
        .find(|m| {
            m.to.iter().any(|to| to.contains("ani@example.am")) && m.decoded().contains(&t("hy", "email-reply-body"))
        })
        .expect("reply notice");
    assert!(!notice.decoded().contains("Բերեք") && !notice.decoded().contains(&code));
    // Status, content gap and the safeguarding flag.
    let res = app.staff_post(&client, &format!("/staff/inquiries/{id}/status"), &[("status", "closed")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(app.staff_get(&client, &location(&res)).await.1.contains(&t("en", "staff-done-status")));
    let (_, closed) = app.staff_get(&client, "/staff/inquiries?status=closed").await;
    assert!(closed.contains(&id));
    app.staff_post(&client, &format!("/staff/inquiries/{id}/status"), &[("status", "in_progress")]).await;
    let res =
        app.staff_post(&client, &format!("/staff/inquiries/{id}/content-gap"), &[("guide", "no-such-guide")]).await;
    assert_eq!(res.status().as_u16(), 400);
    let (_, page) = app.staff_get(&client, &format!("/staff/inquiries/{id}")).await;
    let guide = page
        .split("name=\"guide\"")
        .nth(1)
        .unwrap()
        .split("<option value=\"")
        .nth(2)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let res = app.staff_post(&client, &format!("/staff/inquiries/{id}/content-gap"), &[("guide", &guide)]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(app.staff_get(&client, &location(&res)).await.1.contains(&t("en", "staff-done-gap")));
    let res = app.staff_post(&client, &format!("/staff/inquiries/{id}/safeguarding"), &[("flag", "raise")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert!(app.staff_get(&client, &location(&res)).await.1.contains(&t("en", "staff-done-flag")));
    let mails = smtp.wait_for(3, 20).await;
    let alert = mails
        .iter()
        .find(|m| m.to.iter().any(|to| to.contains("lead@example.org")))
        .expect("the protection lead is told");
    let text = alert.decoded();
    assert!(!text.contains("canary") && !text.contains("ani@example.am") && !text.contains("Ani"), "{text}");
    // The CSV export: metadata only, cells safe for spreadsheets.
    let res = client.get(app.url("/staff/inquiries/export.csv?status=all")).send().await.unwrap();
    assert_eq!(res.headers().get("content-type").unwrap(), "text/csv; charset=utf-8");
    let csv = res.text().await.unwrap();
    assert!(csv.starts_with("reference,status,topic"));
    assert!(csv.contains(&guide) && csv.lines().count() == 3, "{csv}");
    for secret in ["canary", "ani@example.am", "Ani", "Բերեք"] {
        assert!(!csv.contains(secret), "the CSV holds no personal data or text: {secret}");
    }
    // Canned replies per language, linking to a guide.
    let res = app
        .staff_post(
            &client,
            "/staff/replies",
            &[("lang", "hy"), ("title", "Passport"), ("body", "Տես այս ուղեցույցը։"), ("guide", &guide)],
        )
        .await;
    assert_eq!(res.status().as_u16(), 303);
    let res = app.staff_post(&client, "/staff/replies", &[("lang", "hy"), ("title", ""), ("body", "kept text")]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("kept text"), "what was typed is kept");
    let (_, page) = app.staff_get(&client, &format!("/staff/inquiries/{id}")).await;
    let canned_id = page
        .split("name=\"canned\">")
        .nth(1)
        .unwrap()
        .split("value=\"")
        .nth(1)
        .unwrap()
        .split('"')
        .next()
        .unwrap()
        .to_owned();
    let (_, page) = app.staff_get(&client, &format!("/staff/inquiries/{id}?canned={canned_id}")).await;
    assert!(page.contains("Տես այս ուղեցույցը։") && page.contains(&format!("/hy/guides/{guide}")));
    let actions = app.audit_actions();
    for action in [
        "auth.sign_in",
        "inquiry.view",
        "inquiry.assign",
        "inquiry.note",
        "inquiry.reply",
        "inquiry.status",
        "inquiry.content_gap",
        "inquiry.safeguarding_raise",
        "inquiries.export_csv",
        "canned_reply.create",
    ] {
        assert!(actions.iter().any(|a| a == action), "{action} is audited: {actions:?}");
    }
}

async fn erase_and_export_on_request(backend: Backend) {
    let (app, id) = staff_app(backend).await;
    app.create_staff("case@example.org", &[Role::Caseworker, Role::Admin]).await;
    let client = app.sign_in("case@example.org").await;
    app.staff_post(&client, &format!("/staff/inquiries/{id}/note"), &[("body", "Called back")]).await;
    let res = app.staff_post(&client, &format!("/staff/inquiries/{id}/export"), &[]).await;
    assert_eq!(res.status().as_u16(), 200);
    assert!(res.headers().get("content-disposition").unwrap().to_str().unwrap().contains("attachment"));
    let json: serde_json::Value = serde_json::from_str(&res.text().await.unwrap()).unwrap();
    assert_eq!(json["messages"][0]["body"], "Where do I register my address?");
    assert_eq!(json["internal_notes"][0]["body"], "Called back");
    assert!(json["audit"].as_array().unwrap().iter().any(|a| a["action"] == "inquiry.note"));
    let reference = json["reference"].as_str().unwrap().to_owned();
    let res = app.staff_post(&client, &format!("/staff/inquiries/{id}/erase"), &[]).await;
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(app.staff_get(&client, &format!("/staff/inquiries/{id}")).await.0, 404);
    let (_, queue) = app.staff_get(&client, "/staff/inquiries?status=all").await;
    assert!(!queue.contains(&reference));
    let left: i64 = app
        .db
        .run_sync(|c| {
            use diesel::prelude::*;
            let tomb: i64 = homeward::db::schema::inquiry_tombstones::table
                .filter(homeward::db::schema::inquiry_tombstones::outcome.eq("erased"))
                .count()
                .get_result(c)?;
            let notes: i64 = homeward::db::schema::inquiry_notes::table.count().get_result(c)?;
            let messages: i64 = homeward::db::schema::inquiry_messages::table.count().get_result(c)?;
            Ok::<_, homeward::db::RepoError>(tomb * 100 + notes * 10 + messages)
        })
        .unwrap();
    assert_eq!(left, 100, "one tombstone, no notes, no messages");
    let actions = app.audit_actions();
    assert!(actions.contains(&"inquiry.export".to_owned()) && actions.contains(&"inquiry.erase".to_owned()));
}

async fn the_audit_log_is_chained_and_tampering_is_found(backend: Backend) {
    let is_pg = matches!(backend, Backend::Postgres(_));
    let (app, id) = staff_app(backend).await;
    app.create_staff("admin@example.org", &[Role::Admin, Role::Caseworker]).await;
    let admin = app.sign_in("admin@example.org").await;
    app.staff_get(&admin, &format!("/staff/inquiries/{id}")).await;
    app.staff_post(&admin, "/staff/logout", &[]).await;
    let admin = app.sign_in("admin@example.org").await;
    let (status, page) = app.staff_get(&admin, "/admin/audit?action=inquiry.").await;
    assert_eq!(status, 200);
    assert!(page.contains("inquiry.view") && !page.contains("auth.sign_in<"));
    assert!(!page.contains("Where do I register"), "the log never holds content");
    let verify = || {
        std::process::Command::new(env!("CARGO_BIN_EXE_homeward"))
            .env_clear()
            .env("PATH", std::env::var("PATH").unwrap_or_default())
            .envs(app.test_db.env(&[]))
            .args(["audit", "verify"])
            .output()
            .unwrap()
    };
    let ok = verify();
    assert!(ok.status.success(), "{}", String::from_utf8_lossy(&ok.stderr));
    // The log refuses changes…
    let refused = app.db.run_sync(|c| {
        use diesel::prelude::*;
        diesel::sql_query("UPDATE audit_log SET detail = 'x' WHERE seq = 2")
            .execute(c)
            .map_err(homeward::db::RepoError::from)
    });
    assert!(refused.is_err(), "the audit log is append-only");
    // …and someone with the database in hand who gets round that is found out.
    if is_pg {
        app.sql("ALTER TABLE audit_log DISABLE TRIGGER audit_log_no_change");
    } else {
        app.sql("DROP TRIGGER audit_log_no_update");
    }
    app.sql("UPDATE audit_log SET actor_id = NULL WHERE seq = 3");
    let broken = verify();
    assert!(!broken.status.success());
    let stderr = String::from_utf8_lossy(&broken.stderr);
    assert!(stderr.contains("entry 3"), "{stderr}");
}

async fn each_caseworker_gets_one_digest_a_day(backend: Backend) {
    let smtp = start_smtp();
    let app = spawn_app_with(backend, &[("HOMEWARD_SMTP_URL", &smtp.url()), ("HOMEWARD_DIGEST_HOUR", "0")]).await;
    let res = app.ask("en", &[]).await;
    let open_id = app.inquiry_id(&receipt_code(&res.text().await.unwrap()));
    let res = app.ask("en", &[("topic", "social")]).await;
    let closed_id = app.inquiry_id(&receipt_code(&res.text().await.unwrap()));
    app.create_staff("case@example.org", &[Role::Caseworker]).await;
    app.create_staff("idle@example.org", &[Role::Caseworker]).await;
    let client = app.sign_in("case@example.org").await;
    for id in [&open_id, &closed_id] {
        app.staff_post(&client, &format!("/staff/inquiries/{id}/assign"), &[("assignee", "me")]).await;
    }
    app.staff_post(&client, &format!("/staff/inquiries/{closed_id}/status"), &[("status", "closed")]).await;
    let base = app.address.clone();
    let settings = homeward::mail::digest::DigestSettings::from_settings(&app.settings, &base);
    let queued = homeward::mail::digest::queue_digests(&app.db, app.vault.clone(), settings.clone()).await.unwrap();
    assert_eq!(queued, 1, "only the caseworker with open inquiries gets one");
    let again = homeward::mail::digest::queue_digests(&app.db, app.vault.clone(), settings).await.unwrap();
    assert_eq!(again, 0, "one a day");
    app.deliver_outbox().await;
    let mails = smtp.wait_for(1, 20).await;
    let digest = mails.iter().find(|m| m.to.iter().any(|t| t.contains("case@example.org"))).unwrap();
    let text = digest.decoded();
    let open_ref = app.db.run_sync(|c| homeward::db::repo::workspace::item(c, &open_id)).unwrap().reference;
    let closed_ref = app.db.run_sync(|c| homeward::db::repo::workspace::item(c, &closed_id)).unwrap().reference;
    assert!(text.contains(&open_ref) && !text.contains(&closed_ref), "{text}");
    assert!(!text.contains("How do I renew my passport"));
}

async fn password_reset_by_email_and_invitations(backend: Backend) {
    let smtp = start_smtp();
    let app = spawn_app_with(backend, &[("HOMEWARD_SMTP_URL", &smtp.url())]).await;
    app.create_staff("admin@example.org", &[Role::Admin]).await;
    let admin = app.sign_in("admin@example.org").await;
    // Invite by email; a bad address keeps what was typed.
    let res = app.staff_post(&admin, "/admin/users/invite", &[("email", "not an address"), ("role_editor", "1")]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains("not an address"));
    let res =
        app.staff_post(&admin, "/admin/users/invite", &[("email", "new@example.org"), ("role_editor", "1")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/admin/users");
    let (_, page) = app.staff_get(&admin, "/admin/users").await;
    assert!(page.contains(&html_escape(&t("en", "admin-done-invited"))));
    // The settings form confirms a save the same way.
    let settings = [
        ("languages", "en, hy, az, ru"),
        ("retention_days", "90"),
        ("acknowledge_days", "2"),
        ("answer_days", "5"),
        ("quick_exit_url", "https://www.wikipedia.org/"),
    ];
    let res = app.staff_post(&admin, "/admin/settings", &settings).await;
    assert_eq!((res.status().as_u16(), location(&res)), (303, "/admin/settings".to_owned()));
    let (_, page) = app.staff_get(&admin, "/admin/settings").await;
    assert!(page.contains(&html_escape(&t("en", "admin-done-settings"))));
    assert!(page.contains("id=\"answer_days\" name=\"answer_days\" type=\"text\" spellcheck=\"false\" value=\"5\""));
    let mails = smtp.wait_for(1, 20).await;
    let body = mails[0].decoded();
    let link = body.split_whitespace().find(|w| w.contains("/setup/")).unwrap().trim_end_matches('>').to_owned();
    let path = url::Url::parse(link.trim_start_matches('<')).unwrap().path().to_owned();
    let res = app.post_form(&path, &[("password", "password1234"), ("confirm", "password1234")]).await;
    assert_eq!(res.status().as_u16(), 422, "a common password is refused");
    assert!(res.text().await.unwrap().contains(&t("en", "staff-error-password-common")));
    let res = app.post_form(&path, &[("password", STAFF_PASSWORD), ("confirm", STAFF_PASSWORD)]).await;
    assert_eq!(res.status().as_u16(), 303);
    let editor = app.sign_in("new@example.org").await;
    // Reset: the link arrives by email, works once, and ends every session.
    let client = app.staff_client();
    let page = client.get(app.url("/staff/reset")).send().await.unwrap().text().await.unwrap();
    client
        .post(app.url("/staff/reset"))
        .form(&[("csrf", form_field(&page, "csrf").as_str()), ("email", "new@example.org")])
        .send()
        .await
        .unwrap();
    let mails = smtp.wait_for(2, 20).await;
    let body = mails.iter().map(super::smtp::Received::decoded).find(|b| b.contains("/staff/reset/")).unwrap();
    let link =
        body.split_whitespace().find(|w| w.contains("/staff/reset/")).unwrap().trim_matches(['<', '>']).to_owned();
    let path = url::Url::parse(&link).unwrap().path().to_owned();
    let form_page = client.get(app.url(&path)).send().await.unwrap().text().await.unwrap();
    let new_password = "another long passphrase 77";
    let res = client
        .post(app.url(&path))
        .form(&[
            ("csrf", form_field(&form_page, "csrf").as_str()),
            ("password", new_password),
            ("confirm", new_password),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    assert_eq!(app.staff_get(&editor, "/staff/account").await.0, 303, "old sessions ended");
    let again = client.get(app.url(&path)).send().await.unwrap();
    assert_eq!(again.status().as_u16(), 404, "the link works once");
    let res = app.try_sign_in(&app.staff_client(), "new@example.org", new_password).await;
    assert_eq!(res.status().as_u16(), 303);
    let actions = app.audit_actions();
    for action in ["account.invite", "account.create", "account.password_reset_requested", "account.password_reset"] {
        assert!(actions.iter().any(|a| a == action), "{action}: {actions:?}");
    }
}

async fn the_account_page_confirms_a_new_language_and_two_step_sign_in_turned_off(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_staff("case@example.org", &[Role::Caseworker]).await;
    let client = app.sign_in("case@example.org").await;
    let res = app.staff_post(&client, "/staff/account/language", &[("language", "hy")]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/staff/account");
    let (status, page) = app.staff_get(&client, "/staff/account").await;
    assert_eq!(status, 200);
    assert!(page.contains(&html_escape(&t("hy", "staff-done-language"))), "the confirmation, in the new language");
    let (_, page) = app.staff_get(&client, "/staff/account").await;
    assert!(!page.contains(&html_escape(&t("hy", "staff-done-language"))), "shown once");
    let res = app.staff_post(&client, "/staff/account/language", &[("language", "xx")]).await;
    assert_eq!(res.status().as_u16(), 400, "not an enabled language");

    // Two-step sign-in on, then off with a code.
    let (_, page) = app.staff_get(&client, "/staff/account/2fa").await;
    let secret = secret_of(&page);
    let res = client
        .post(app.url("/staff/account/2fa"))
        .form(&[
            ("csrf", form_field(&page, "csrf").as_str()),
            ("current", STAFF_PASSWORD),
            ("secret", &form_field(&page, "secret")),
            ("mac", &form_field(&page, "mac")),
            ("code", &code_at(&secret, 0)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    let res = app.staff_post(&client, "/staff/account/2fa/disable", &[("code", "000000")]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains(&html_escape(&t("hy", "staff-error-code"))));
    let res = app.staff_post(&client, "/staff/account/2fa/disable", &[("code", &code_at(&secret, 30))]).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(location(&res), "/staff/account");
    let (_, page) = app.staff_get(&client, "/staff/account").await;
    assert!(page.contains(&html_escape(&t("hy", "staff-done-2fa-off"))));
    assert!(app.audit_actions().contains(&"account.2fa_disabled".to_owned()));
}

async fn only_a_caseworker_grants_the_caseworker_role(backend: Backend) {
    let app = spawn_app(backend).await;
    app.create_staff("admin@example.org", &[Role::Admin]).await;
    let editor_id = app.create_staff("editor@example.org", &[Role::Editor]).await;
    let admin = app.sign_in("admin@example.org").await;
    let res = app.staff_post(&admin, "/staff/account/language", &[("language", "hy")]).await;
    assert_eq!(res.status().as_u16(), 303);
    // An invitation with the role: refused, in the admin's language, with what was typed kept.
    let res = app
        .staff_post(&admin, "/admin/users/invite", &[("email", "reader@example.org"), ("role_caseworker", "1")])
        .await;
    assert_eq!(res.status().as_u16(), 422);
    let page = res.text().await.unwrap();
    assert!(page.contains(&html_escape(&t("hy", "admin-error-caseworker-not-held"))), "{page}");
    assert!(page.contains("reader@example.org"));
    // Adding the role to an account afterwards: refused the same way, nothing changes.
    let path = format!("/admin/users/{editor_id}/roles");
    let res = app.staff_post(&admin, &path, &[("role_editor", "1"), ("role_caseworker", "1")]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains(&html_escape(&t("hy", "admin-error-caseworker-not-held"))));
    let email = homeward::domain::EmailAddress::parse("editor@example.org").unwrap();
    let roles = app.db.run_sync(|c| homeward::db::repo::accounts::roles_of(c, &email)).unwrap();
    assert_eq!(roles, [Role::Editor]);
    assert!(!app.audit_actions().iter().any(|a| a == "account.invite" || a == "account.roles"));
    // An admin who is a caseworker grants it.
    app.create_staff("boss@example.org", &[Role::Admin, Role::Caseworker]).await;
    let boss = app.sign_in("boss@example.org").await;
    let res = app.staff_post(&boss, &path, &[("role_editor", "1"), ("role_caseworker", "1")]).await;
    assert_eq!(res.status().as_u16(), 303);
    let res = app
        .staff_post(&boss, "/admin/users/invite", &[("email", "reader@example.org"), ("role_caseworker", "1")])
        .await;
    assert_eq!(res.status().as_u16(), 303);
}

/// Turns two-step sign-in on for a signed-in client; the secret.
async fn enrol_two_factor(app: &TestApp, client: &reqwest::Client) -> Vec<u8> {
    let (_, page) = app.staff_get(client, "/staff/account/2fa").await;
    let secret = secret_of(&page);
    let res = client
        .post(app.url("/staff/account/2fa"))
        .form(&[
            ("csrf", form_field(&page, "csrf").as_str()),
            ("current", STAFF_PASSWORD),
            ("secret", &form_field(&page, "secret")),
            ("mac", &form_field(&page, "mac")),
            ("code", &code_at(&secret, 0)),
        ])
        .send()
        .await
        .unwrap();
    assert_eq!(res.status().as_u16(), 200);
    secret
}

async fn an_admin_resets_only_others_second_factor_and_with_their_own_code(backend: Backend) {
    let app = spawn_app(backend).await;
    let admin_id = app.create_staff("admin@example.org", &[Role::Admin]).await;
    let worker_id = app.create_staff("case@example.org", &[Role::Caseworker]).await;
    let worker = app.sign_in("case@example.org").await;
    enrol_two_factor(&app, &worker).await;
    let admin = app.sign_in("admin@example.org").await;
    let secret = enrol_two_factor(&app, &admin).await;
    let has_totp = |id: &str| {
        let id = id.to_owned();
        app.db.run_sync(move |c| homeward::db::repo::accounts::by_id(c, &id)).unwrap().totp_secret_enc.is_some()
    };
    // Not one's own: the account page asks for a code.
    let res = app.staff_post(&admin, &format!("/admin/users/{admin_id}/reset-2fa"), &[]).await;
    assert_eq!(res.status().as_u16(), 422);
    assert!(res.text().await.unwrap().contains(&html_escape(&t("en", "admin-error-2fa-own"))));
    assert!(has_totp(&admin_id));
    // Someone else's: the admin's own current code, and a wrong one is refused.
    let (_, page) = app.staff_get(&admin, "/admin/users").await;
    assert!(page.contains(&format!("id=\"code-{worker_id}\"")), "the form asks for the code");
    assert!(!page.contains(&format!("/admin/users/{admin_id}/reset-2fa")), "no reset of one's own");
    let path = format!("/admin/users/{worker_id}/reset-2fa");
    for wrong in ["", "000000"] {
        let res = app.staff_post(&admin, &path, &[("code", wrong)]).await;
        assert_eq!(res.status().as_u16(), 422);
        assert!(res.text().await.unwrap().contains(&html_escape(&t("en", "staff-error-code"))));
    }
    assert!(has_totp(&worker_id));
    let res = app.staff_post(&admin, &path, &[("code", &code_at(&secret, 30))]).await;
    assert_eq!((res.status().as_u16(), location(&res)), (303, "/admin/users".to_owned()));
    assert!(!has_totp(&worker_id) && has_totp(&admin_id));
    assert_eq!(app.staff_get(&worker, "/staff/inquiries").await.0, 303, "the person is signed out");
}

/// A staff client whose requests come, through the trusted proxy, from `address`.
fn client_from(app: &TestApp, address: &str) -> reqwest::Client {
    let mut headers = reqwest::header::HeaderMap::new();
    headers.insert("origin", app.address.parse().unwrap());
    headers.insert("x-forwarded-for", address.parse().unwrap());
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .cookie_store(true)
        .default_headers(headers)
        .build()
        .unwrap()
}

async fn wrong_passwords_from_one_address_do_not_lock_out_another(backend: Backend) {
    let app = spawn_app_with(backend, &[("HOMEWARD_TRUSTED_PROXIES", "127.0.0.1")]).await;
    app.create_staff("case@example.org", &[Role::Caseworker]).await;
    let attacker = client_from(&app, "203.0.113.9");
    for _ in 0..5 {
        let res = app.try_sign_in(&attacker, "case@example.org", "wrong password here").await;
        assert_eq!(res.status().as_u16(), 422);
    }
    let res = app.try_sign_in(&attacker, "case@example.org", STAFF_PASSWORD).await;
    assert_eq!(res.status().as_u16(), 429, "that address is held back for this account");
    // Another address in the attacker's IPv6 /64 is the same client.
    let v6 = client_from(&app, "2001:db8:7:7::1");
    for _ in 0..5 {
        app.try_sign_in(&v6, "case@example.org", "wrong password here").await;
    }
    let res = app.try_sign_in(&client_from(&app, "2001:db8:7:7::2"), "case@example.org", STAFF_PASSWORD).await;
    assert_eq!(res.status().as_u16(), 429);
    // The owner, from their own address, signs in.
    let owner = client_from(&app, "198.51.100.20");
    let res = app.try_sign_in(&owner, "case@example.org", STAFF_PASSWORD).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.staff_get(&owner, "/staff/inquiries").await.0, 200);
}

/// The path of the reset link in the newest reset mail to `email`, once `n` mails arrived.
async fn reset_link_path(smtp: &crate::smtp::SmtpServer, n: usize, email: &str) -> String {
    let mails = smtp.wait_for(n, 20).await;
    let body = mails
        .iter()
        .rev()
        .filter(|m| m.to.iter().any(|t| t.to_lowercase().contains(email)))
        .map(crate::smtp::Received::decoded)
        .find(|b| b.contains("/staff/reset/"))
        .unwrap();
    let link =
        body.split_whitespace().find(|w| w.contains("/staff/reset/")).unwrap().trim_matches(['<', '>']).to_owned();
    url::Url::parse(&link).unwrap().path().to_owned()
}

async fn a_new_reset_link_or_a_password_change_revokes_earlier_links(backend: Backend) {
    let smtp = start_smtp();
    let app = spawn_app_with(backend, &[("HOMEWARD_SMTP_URL", &smtp.url())]).await;
    app.create_staff("case@example.org", &[Role::Caseworker]).await;
    let ask_reset = |email: &'static str| {
        let client = app.staff_client();
        let app = &app;
        async move {
            let page = client.get(app.url("/staff/reset")).send().await.unwrap().text().await.unwrap();
            let res = client
                .post(app.url("/staff/reset"))
                .form(&[("csrf", form_field(&page, "csrf").as_str()), ("email", email)])
                .send()
                .await
                .unwrap();
            assert_eq!(res.status().as_u16(), 200);
        }
    };
    ask_reset("case@example.org").await;
    let first = reset_link_path(&smtp, 1, "case@example.org").await;
    ask_reset("Case@example.org").await;
    let second = reset_link_path(&smtp, 2, "case@example.org").await;
    assert_ne!(first, second);
    assert_eq!(app.get(&first).await.status().as_u16(), 404, "a second request revokes the first link");
    assert_eq!(app.get(&second).await.status().as_u16(), 200);
    // A password change on the account page revokes the newest link too and ends the other sessions.
    let elsewhere = app.sign_in("case@example.org").await;
    let me = app.sign_in("case@example.org").await;
    let new_password = "another long passphrase 77";
    let form = [("current", STAFF_PASSWORD), ("password", new_password), ("confirm", new_password)];
    let res = app.staff_post(&me, "/staff/account/password", &form).await;
    assert_eq!(res.status().as_u16(), 303);
    assert_eq!(app.staff_get(&elsewhere, "/staff/account").await.0, 303, "the other session ended");
    assert_eq!(app.get(&second).await.status().as_u16(), 404, "a password change revokes earlier links");
    let res = app.try_sign_in(&app.staff_client(), "case@example.org", new_password).await;
    assert_eq!(res.status().as_u16(), 303);
}

/// Every reset link in the mails received so far.
async fn all_reset_links(smtp: &crate::smtp::SmtpServer, n: usize) -> Vec<String> {
    let mut links = Vec::new();
    for mail in smtp.wait_for(n, 20).await {
        let body = mail.decoded();
        for (at, _) in body.match_indices("http") {
            let link: String = body[at..].chars().take_while(|c| !c.is_whitespace() && !"<>\"'".contains(*c)).collect();
            if link.contains("/staff/reset/") {
                links.push(url::Url::parse(&link).unwrap().path().to_owned());
            }
        }
    }
    links.sort();
    links.dedup();
    links
}

async fn concurrent_reset_requests_leave_one_live_link(backend: Backend) {
    let smtp = start_smtp();
    let app = spawn_app_with(backend, &[("HOMEWARD_SMTP_URL", &smtp.url())]).await;
    app.create_staff("case@example.org", &[Role::Caseworker]).await;
    let ask_reset = || {
        let client = app.staff_client();
        let app = &app;
        async move {
            let page = client.get(app.url("/staff/reset")).send().await.unwrap().text().await.unwrap();
            let form = [("csrf", form_field(&page, "csrf")), ("email", "case@example.org".to_owned())];
            let res = client.post(app.url("/staff/reset")).form(&form).send().await.unwrap();
            assert_eq!(res.status().as_u16(), 200);
        }
    };
    // Three requests at once (as many as an account gets mailed in the window): each revokes
    // what came before it, so exactly one link stays live.
    tokio::join!(ask_reset(), ask_reset(), ask_reset());
    let links = all_reset_links(&smtp, 3).await;
    assert_eq!(links.len(), 3, "three different links were sent");
    let mut live = 0;
    for link in &links {
        if app.get(link).await.status().as_u16() == 200 {
            live += 1;
        }
    }
    assert_eq!(live, 1, "only one of the links sent at once still works");
}

//! Staff accounts: the first administrator and invitations, sign-in (password, second factor,
//! throttling), sign-out, password reset and change, language, and the session behind a cookie.

use std::net::IpAddr;
use std::sync::{Arc, OnceLock};
use std::time::Duration as StdDuration;

use anyhow::Context;
use time::{Duration, PrimitiveDateTime};
use tracing::Instrument;

use crate::app::App;
use crate::app::rate_limit::client_group;
use crate::auth::password::{hash_password_in, verify_password_in};
use crate::auth::{Pending, RESET_LINK_MINUTES, Staff, totp};
use crate::crypto::{constant_time_eq, generate_token, hash_token, keyed_hash};
use crate::db::RepoError;
use crate::db::repo::accounts::{self, TokenPurpose};
use crate::db::repo::audit::{self, Event};
use crate::db::repo::{outbox, sessions};
use crate::db::write_transaction;
use crate::domain::{AuditAction, EmailAddress, Lang, NewPassword, PasswordError, Role, UserId};
use crate::error::AppError;

/// Failed sign-ins allowed per account from one client (an IPv4 address or an IPv6 /64),
/// and per client across accounts, within `THROTTLE_WINDOW`; wrong second-factor codes and
/// current passwords allowed per account.
pub const ACCOUNT_FAILURES: usize = 5;
pub const CLIENT_FAILURES: usize = 20;
/// Failed sign-ins for one account from anywhere within `THROTTLE_WINDOW` after which each
/// further attempt on it waits (`ACCOUNT_FIRST_DELAY`, doubling, at most `ACCOUNT_MAX_DELAY`)
/// before its password is checked. The account is never locked: many addresses only slow
/// guessing down, and its owner, from an address of their own, still signs in.
pub const ACCOUNT_SLOW_AFTER: usize = 20;
const ACCOUNT_FIRST_DELAY: StdDuration = StdDuration::from_millis(250);
const ACCOUNT_MAX_DELAY: StdDuration = StdDuration::from_secs(10);
const THROTTLE_WINDOW: StdDuration = StdDuration::from_secs(15 * 60);
/// Reset emails per address and per client within `THROTTLE_WINDOW`.
const RESETS_PER_ACCOUNT: usize = 3;
const RESETS_PER_CLIENT: usize = 10;
/// How long the second-factor step may take.
const SECOND_FACTOR_MINUTES: i64 = 10;
/// A session's last-seen time is written at most this often (fewer writes per request).
const TOUCH_AFTER_SECONDS: i64 = 60;

/// A hash of a random password that sign-in verifies against when the account does not
/// exist, so a wrong address costs as much time as a wrong password.
static DUMMY_HASH: OnceLock<String> = OnceLock::new();

/// Makes the dummy hash with `hash`. Never empty: an empty hash would fail at once and turn
/// the timing defence off, so any failure is an error that names its cause.
fn dummy_hash_with(hash: impl FnOnce(&NewPassword) -> anyhow::Result<String>) -> anyhow::Result<String> {
    let random = generate_token().context("no random dummy password")?;
    let password = NewPassword::parse(&random, &random).context("the random dummy password was refused")?;
    let hashed = hash(&password).context("cannot hash the dummy password")?;
    anyhow::ensure!(hashed.starts_with("$argon2"), "the dummy password hash is not an argon2 hash");
    Ok(hashed)
}

fn dummy_hash() -> anyhow::Result<&'static str> {
    if let Some(hash) = DUMMY_HASH.get() {
        return Ok(hash);
    }
    // Made without hashing (see `unmatchable_hash`): start-up's peak memory stays 19 MiB lower.
    let hash = dummy_hash_with(|_| crate::auth::password::unmatchable_hash())?;
    Ok(DUMMY_HASH.get_or_init(|| hash))
}

/// Computes the dummy hash before the first sign-in. Start-up calls it (on the blocking pool)
/// and refuses to start when it fails.
pub fn prepare_sign_in() -> anyhow::Result<()> {
    dummy_hash().map(|_| ()).context("sign-in could not prepare the check that hides which accounts exist")
}

/// Where a session stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Password given, second factor to come: only the code page accepts it.
    SecondFactor,
    /// Fully signed in.
    Full,
}

impl Stage {
    fn stored(self) -> &'static str {
        match self {
            Stage::SecondFactor => sessions::STAGE_PASSWORD,
            Stage::Full => sessions::STAGE_FULL,
        }
    }
}

/// The live session behind a cookie and whose it is (no hashes, no secrets).
#[derive(Debug, Clone)]
pub struct SessionView {
    pub session_id: String,
    pub user_id: String,
    pub email: String,
    pub roles: Vec<Role>,
    /// The account's language when it is enabled, else the site's default.
    pub lang: Lang,
    pub stage: Stage,
    pub has_totp: bool,
}

/// The session a cookie's token belongs to, if it is alive (unexpired, not idle for too long,
/// account enabled). A dead one is deleted on the way.
#[tracing::instrument(skip_all)]
pub async fn find_session(app: &App, token: &str) -> Result<Option<SessionView>, AppError> {
    let hash = hash_token(token);
    let idle = Duration::minutes(app.settings().session_idle_minutes.into());
    let touch = Duration::seconds(TOUCH_AFTER_SECONDS);
    let found = app.db.run(move |c| sessions::find(c, &hash, idle, touch)).await?;
    Ok(found.map(|f| SessionView {
        lang: staff_language(app, &f.user.language),
        stage: if f.session.stage == sessions::STAGE_FULL { Stage::Full } else { Stage::SecondFactor },
        has_totp: f.user.totp_secret_enc.is_some(),
        session_id: f.session.id,
        user_id: f.user.id,
        email: f.user.email,
        roles: f.roles,
    }))
}

fn staff_language(app: &App, stored: &str) -> Lang {
    let settings = app.settings();
    Lang::parse(stored)
        .ok()
        .filter(|l| settings.languages.contains(l))
        .unwrap_or_else(|| settings.default_language.clone())
}

/// A session just started: the token goes into the cookie (only its hash is stored), for this long.
#[derive(Debug)]
pub struct NewSession {
    pub token: String,
    pub lifetime: Duration,
    /// For a full sign-in: the token that marks this browser as one the account signed in
    /// from (see [`device_token`]), kept in its own cookie.
    pub device: Option<String>,
}

/// How long a browser stays known to an account after a full sign-in there.
pub const DEVICE_DAYS: i64 = 180;

/// A token that marks this browser as one where `user_id` fully signed in ("device cookie"):
/// random, dated, and keyed to the account, so it says nothing about the account and cannot be
/// made for another one. Sign-ins with it skip the account-wide slow-down that many addresses
/// guessing at the account cause (each address is still limited on its own).
pub fn device_token(app: &App, user_id: &str) -> Result<String, AppError> {
    let nonce = generate_token()?;
    let expires = time::OffsetDateTime::now_utc().unix_timestamp().saturating_add(DEVICE_DAYS * 86_400);
    let mac = hex::encode(device_mac(app, user_id, &nonce, expires));
    Ok(format!("{nonce}.{expires}.{mac}"))
}

fn device_mac(app: &App, user_id: &str, nonce: &str, expires: i64) -> [u8; 32] {
    let key = app.key.derive("staff-device");
    crate::crypto::keyed_hash(&key, format!("{user_id}\n{nonce}\n{expires}").as_bytes())
}

/// Whether `token` is a live device token of this account.
fn device_known(app: &App, user_id: &str, token: &str) -> bool {
    let mut parts = token.splitn(3, '.');
    let (Some(nonce), Some(expires), Some(mac)) = (parts.next(), parts.next(), parts.next()) else { return false };
    let Ok(expires) = expires.parse::<i64>() else { return false };
    let Ok(mac) = hex::decode(mac) else { return false };
    if expires < time::OffsetDateTime::now_utc().unix_timestamp() {
        return false;
    }
    crate::crypto::same_bytes(&device_mac(app, user_id, nonce, expires), &mac)
}

fn full_lifetime(app: &App) -> Duration {
    Duration::hours(app.settings().session_max_hours.into())
}

async fn start_session(app: &App, user_id: &str, stage: Stage) -> Result<NewSession, AppError> {
    let token = generate_token()?;
    let hash = hash_token(&token);
    let lifetime = match stage {
        Stage::Full => full_lifetime(app),
        Stage::SecondFactor => Duration::minutes(SECOND_FACTOR_MINUTES),
    };
    let uid = user_id.to_owned();
    app.db.run(move |c| sessions::create(c, &uid, &hash, stage.stored(), lifetime)).await?;
    let device = match stage {
        Stage::Full => Some(device_token(app, user_id)?),
        Stage::SecondFactor => None,
    };
    Ok(NewSession { token, lifetime, device })
}

/// What the sign-in form lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CredentialsProblem {
    EmailEmpty,
    PasswordEmpty,
}

impl CredentialsProblem {
    pub fn field(self) -> &'static str {
        match self {
            CredentialsProblem::EmailEmpty => "email",
            CredentialsProblem::PasswordEmpty => "password",
        }
    }

    /// The staff catalogue key of the message.
    pub fn key(self) -> &'static str {
        match self {
            CredentialsProblem::EmailEmpty => "staff-error-email-empty",
            CredentialsProblem::PasswordEmpty => "staff-error-password-empty",
        }
    }
}

/// The longest address the sign-in and reset forms read.
pub const MAX_EMAIL_CHARS: usize = 320;

/// An address as typed into a staff form: trimmed and bounded.
pub fn typed_email(text: &str) -> String {
    text.trim().chars().take(MAX_EMAIL_CHARS).collect()
}

/// An address and a password from the sign-in form, both given. The address is not parsed
/// further: a malformed one is refused like an unknown one, after the same work.
pub struct Credentials {
    email: String,
    password: String,
}

impl Credentials {
    pub fn parse(email: &str, password: &str) -> Result<Credentials, Vec<CredentialsProblem>> {
        let email = typed_email(email);
        let mut problems = Vec::new();
        if email.is_empty() {
            problems.push(CredentialsProblem::EmailEmpty);
        }
        if password.is_empty() {
            problems.push(CredentialsProblem::PasswordEmpty);
        }
        if problems.is_empty() { Ok(Credentials { email, password: password.to_owned() }) } else { Err(problems) }
    }
}

/// How a sign-in went.
#[derive(Debug)]
pub enum SignIn {
    /// Fully signed in.
    Signed(NewSession),
    /// The password was right; the second factor comes next, with this short session.
    NeedsCode(NewSession),
    /// Wrong password, unknown or disabled account: one answer for all of them.
    Refused,
    /// Too many failures for this account or from this client.
    Throttled,
}

/// How long an attempt on an account waits when `failures` attempts on it (from anywhere)
/// came before it within the window: nothing up to `ACCOUNT_SLOW_AFTER`, then doubling.
pub fn account_delay(failures: usize) -> StdDuration {
    let Some(over) = failures.checked_sub(ACCOUNT_SLOW_AFTER) else { return StdDuration::ZERO };
    let factor = 1u32.checked_shl(u32::try_from(over).unwrap_or(u32::MAX)).unwrap_or(u32::MAX);
    ACCOUNT_FIRST_DELAY.saturating_mul(factor).min(ACCOUNT_MAX_DELAY)
}

/// Checks a password and starts a session. Always one argon2 verification, whether or not
/// the account exists. Failures count per account and client (a few, then this client is
/// refused for this account), per client (across accounts), and per account from anywhere
/// (many, then every attempt on it is slowed down, never refused). `replacing`: the session
/// this browser had, which ends.
#[tracing::instrument(skip_all)]
pub async fn sign_in(
    app: &App,
    credentials: Credentials,
    client: Option<IpAddr>,
    replacing: Option<&str>,
    device: Option<&str>,
) -> Result<SignIn, AppError> {
    let Credentials { email, password } = credentials;
    let client = client_group(client);
    let account_key = email.to_lowercase();
    let pair_key = format!("{account_key}\n{client}");
    // Each attempt is counted before the slow check, so parallel guesses cannot slip past the
    // limit; a success gives its attempt back.
    let pair_ok = app.limiter.reserve("login-account-client", &pair_key, ACCOUNT_FAILURES, THROTTLE_WINDOW);
    let client_ok = pair_ok && app.limiter.reserve("login-client", &client, CLIENT_FAILURES, THROTTLE_WINDOW);
    if !pair_ok || !client_ok {
        if pair_ok {
            app.limiter.give_back("login-account-client", &pair_key);
        }
        return Ok(SignIn::Throttled);
    }
    let user = match EmailAddress::parse(&email) {
        Ok(email) => app.db.run(move |c| accounts::by_email(c, &email)).await?,
        Err(_) => None,
    };
    let known_device = match (&user, device) {
        (Some(u), Some(token)) => device_known(app, &u.id, token),
        _ => false,
    };
    let failures = app.limiter.count("login-account", &account_key, THROTTLE_WINDOW);
    let delay = if known_device { StdDuration::ZERO } else { account_delay(failures) };
    // Once an account is being guessed at from many addresses, its attempts from browsers it
    // does not know are checked one at a time, each after the delay: parallel guesses from a
    // botnet are refused at once instead of all waiting out the same delay.
    let _one_at_a_time = if delay.is_zero() {
        None
    } else {
        let Some(turn) = app.limiter.hold("login-account-busy", &account_key) else {
            // Refused unchecked: it counts against nothing, so it cannot stretch the delay.
            app.limiter.give_back("login-account", &account_key);
            app.limiter.give_back("login-account-client", &pair_key);
            app.limiter.give_back("login-client", &client);
            return Ok(SignIn::Throttled);
        };
        tokio::time::sleep(delay).await;
        Some(turn)
    };
    let stored = user.as_ref().map(|u| u.password_hash.clone());
    let matches = app
        .passwords
        .run(move |scratch| -> anyhow::Result<bool> {
            Ok(match &stored {
                Some(hash) => verify_password_in(scratch, &password, hash),
                None => verify_password_in(scratch, &password, dummy_hash()?),
            })
        })
        .await??;
    let user = match user {
        Some(u) if matches && !u.disabled => u,
        other => {
            let known = other.map(|u| u.id);
            app.db
                .run(move |c| {
                    let event = Event::new(None, AuditAction::AuthSignInFailed, "staff_user", known.as_deref());
                    audit::record_alone(c, event)
                })
                .await?;
            return Ok(SignIn::Refused);
        }
    };
    app.limiter.forgive("login-account", &account_key);
    app.limiter.forgive("login-account-client", &pair_key);
    app.limiter.give_back("login-client", &client);
    if let Some(old) = replacing.map(str::to_owned) {
        app.db.run(move |c| sessions::delete(c, &old)).await?;
    }
    if user.totp_secret_enc.is_some() {
        return Ok(SignIn::NeedsCode(start_session(app, &user.id, Stage::SecondFactor).await?));
    }
    let session = start_session(app, &user.id, Stage::Full).await?;
    let uid = user.id.clone();
    app.db
        .run(move |c| audit::record_alone(c, Event::new(Some(&uid), AuditAction::AuthSignIn, "staff_user", Some(&uid))))
        .await?;
    tracing::info!(user_id = %user.id, "staff signed in");
    Ok(SignIn::Signed(session))
}

/// How a person proved the second factor (the audit log's detail).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Proof {
    Authenticator,
    RecoveryCode,
}

impl Proof {
    fn detail(self) -> &'static str {
        match self {
            Proof::Authenticator => "authenticator",
            Proof::RecoveryCode => "recovery code",
        }
    }
}

/// Checks a TOTP code (each time step once) or a recovery code (each once).
async fn check_second_factor(app: &App, user_id: &str, code: &str) -> Result<Option<Proof>, AppError> {
    let code: String = code.chars().filter(|c| !c.is_whitespace()).collect();
    let uid = user_id.to_owned();
    let user = app.db.run(move |c| accounts::by_id(c, &uid)).await?;
    let Some(secret) = user.totp_secret_enc else { return Ok(None) };
    if code.len() == 6 && code.chars().all(|c| c.is_ascii_digit()) {
        let secret = app
            .vault
            .open(&secret, &format!("staff_users.totp:{user_id}"))
            .map_err(|e| AppError::Internal(anyhow::anyhow!("second factor secret: {e}")))?;
        let Some(step) = totp::check(&secret, &code)? else { return Ok(None) };
        let uid = user_id.to_owned();
        let fresh = app.db.run(move |c| accounts::accept_totp_step(c, &uid, step)).await?;
        return Ok(fresh.then_some(Proof::Authenticator));
    }
    let hash = totp::recovery_hash(&app.key, &code);
    let uid = user_id.to_owned();
    let used = app.db.run(move |c| accounts::use_recovery_code(c, &uid, &hash)).await?;
    Ok(used.then_some(Proof::RecoveryCode))
}

/// The signed-in person's own current code (authenticator or recovery code), asked again
/// before an action a borrowed session alone must not do. Throttled with the sign-in codes.
pub async fn own_code_ok(app: &App, actor: &Staff, code: &str) -> Result<bool, AppError> {
    if !app.limiter.reserve("login-code", &actor.user_id, ACCOUNT_FAILURES, THROTTLE_WINDOW) {
        return Ok(false);
    }
    let ok = check_second_factor(app, &actor.user_id, code).await?.is_some();
    if ok {
        app.limiter.give_back("login-code", &actor.user_id);
    }
    Ok(ok)
}

/// How the second-factor step went.
#[derive(Debug)]
pub enum CodeCheck {
    /// Fully signed in, with a new token (the one used before the code is worthless now).
    Signed(NewSession),
    /// Not a valid code, or one used before.
    Wrong,
    /// Too many wrong codes for this account.
    Throttled,
}

/// The second factor after the password: a code from the authenticator app or a recovery code.
#[tracing::instrument(skip_all, fields(user = %pending.user_id))]
pub async fn confirm_code(app: &App, pending: &Pending, code: &str) -> Result<CodeCheck, AppError> {
    if !app.limiter.reserve("login-code", &pending.user_id, ACCOUNT_FAILURES, THROTTLE_WINDOW) {
        return Ok(CodeCheck::Throttled);
    }
    let Some(proof) = check_second_factor(app, &pending.user_id, code).await? else {
        let uid = pending.user_id.clone();
        app.db
            .run(move |c| {
                audit::record_alone(c, Event::new(None, AuditAction::AuthSecondFactorFailed, "staff_user", Some(&uid)))
            })
            .await?;
        return Ok(CodeCheck::Wrong);
    };
    app.limiter.forgive("login-code", &pending.user_id);
    let token = generate_token()?;
    let hash = hash_token(&token);
    let (sid, uid) = (pending.session_id.clone(), pending.user_id.clone());
    let lifetime = full_lifetime(app);
    app.db
        .run(move |c| {
            write_transaction(c, |c| {
                sessions::promote(c, &sid, &hash, lifetime)?;
                audit::record(
                    c,
                    Event::new(Some(&uid), AuditAction::AuthSignIn, "staff_user", Some(&uid)).detail(proof.detail()),
                )
            })
        })
        .await?;
    let device = Some(device_token(app, &pending.user_id)?);
    Ok(CodeCheck::Signed(NewSession { token, lifetime, device }))
}

/// Ends a session (signed in, or waiting for the second factor), so a copied cookie is
/// worthless from now on. Audited when someone was fully signed in.
#[tracing::instrument(skip_all)]
pub async fn sign_out(app: &App, session_id: &str, actor: Option<&Staff>) -> Result<(), AppError> {
    let session = session_id.to_owned();
    let actor = actor.map(|s| s.user_id.clone());
    app.db
        .run(move |c| {
            write_transaction(c, |c| {
                sessions::delete(c, &session)?;
                match &actor {
                    Some(a) => audit::record(c, Event::new(Some(a), AuditAction::AuthSignOut, "staff_user", Some(a))),
                    None => Ok(()),
                }
            })
        })
        .await?;
    Ok(())
}

/// What became of a reset request (the person sees the same answer either way).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResetAsked {
    /// A link goes out if an enabled account has the address.
    Sending,
    /// Too many requests for this address or from this client: nothing is sent.
    Throttled,
}

/// Asks for a password reset link by email. The lookup and the email happen in the
/// background, after the answer, so its timing cannot tell whether the address has an account.
#[tracing::instrument(skip_all)]
pub fn request_reset(app: &Arc<App>, email: EmailAddress, client: Option<IpAddr>) -> ResetAsked {
    let client = client_group(client);
    let account = email.normalized();
    // A bound on mail sent per address and per client.
    let allowed = !app.limiter.blocked("reset-account", &account, RESETS_PER_ACCOUNT, THROTTLE_WINDOW)
        && !app.limiter.blocked("reset-client", &client, RESETS_PER_CLIENT, THROTTLE_WINDOW);
    app.limiter.fail("reset-account", &account);
    app.limiter.fail("reset-client", &client);
    if !allowed {
        return ResetAsked::Throttled;
    }
    let app = app.clone();
    tokio::spawn(
        async move {
            if let Err(e) = send_reset_link(&app, email).await {
                tracing::error!(error = %e, "could not queue a password reset email");
            }
        }
        .instrument(tracing::Span::current()),
    );
    ResetAsked::Sending
}

/// Queues a reset link (audited) if an enabled account has this address; whether it did.
async fn send_reset_link(app: &App, email: EmailAddress) -> Result<bool, AppError> {
    let token = generate_token()?;
    let hash = hash_token(&token);
    let link = app.absolute(&format!("/staff/reset/{token}"));
    let host = app.mail_host();
    let vault = app.vault.clone();
    let default_lang = app.settings().default_language.clone();
    let queued = app
        .db
        .run(move |c| {
            write_transaction(c, |c| {
                let Some(user) = accounts::by_email(c, &email)? else { return Ok(false) };
                if user.disabled {
                    return Ok(false);
                }
                // Only the newest link works: one from an earlier request (perhaps read by
                // someone else) is worthless now. Requests sent at once queue on the account's row.
                accounts::hold(c, &user.id)?;
                accounts::revoke_reset_links(c, &user.email_normalized)?;
                let valid_for = Duration::minutes(RESET_LINK_MINUTES);
                accounts::create_link(c, &hash, TokenPurpose::Reset, Some(&email), &[], valid_for)?;
                let lang = Lang::parse(&user.language).unwrap_or(default_lang);
                let mail = crate::mail::password_reset(&lang, email.as_str(), &link, &hash)
                    .map_err(|e| RepoError::Unexpected(format!("template: {e}")))?;
                outbox::enqueue(c, &vault, &mail, &host)?;
                audit::record(
                    c,
                    Event::new(
                        Some(&user.id),
                        AuditAction::AccountPasswordResetRequested,
                        "staff_user",
                        Some(&user.id),
                    ),
                )?;
                Ok(true)
            })
        })
        .await?;
    if queued {
        app.nudge_mail();
    }
    Ok(queued)
}

/// Whether a password reset link (the token from its path) still works.
#[tracing::instrument(skip_all)]
pub async fn reset_link_usable(app: &App, token: &str) -> Result<bool, AppError> {
    let hash = hash_token(token);
    match app.db.run(move |c| accounts::find_usable_link(c, &hash)).await {
        Ok(link) => Ok(link.purpose == TokenPurpose::Reset),
        Err(RepoError::NotFound) => Ok(false),
        Err(e) => Err(e.into()),
    }
}

/// How a password reset went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PasswordReset {
    /// The new password is set; every session of the account has ended.
    Done,
    /// Used, expired, not a reset link, or its account is gone or disabled.
    LinkUnusable,
}

/// Sets a new password through a reset link and uses the link up (audited).
#[tracing::instrument(skip_all)]
pub async fn reset_password(app: &App, token: &str, password: NewPassword) -> Result<PasswordReset, AppError> {
    let hash = app.passwords.run(move |scratch| hash_password_in(scratch, &password)).await??;
    let token_hash = hash_token(token);
    match app.db.run(move |c| accounts::reset_password_with_link(c, &token_hash, &hash)).await {
        Ok(_) => Ok(PasswordReset::Done),
        Err(RepoError::NotFound) => Ok(PasswordReset::LinkUnusable),
        Err(e) => Err(e.into()),
    }
}

/// One signed-in session of an account, as the account page lists it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SessionSummary {
    pub started: PrimitiveDateTime,
    pub last_seen: PrimitiveDateTime,
    /// The session this page is shown in.
    pub current: bool,
}

/// What the account page shows beyond the person's own `Staff`.
#[derive(Debug, Clone)]
pub struct AccountView {
    /// Newest first.
    pub sessions: Vec<SessionSummary>,
    pub recovery_codes_left: i64,
    /// Admins must keep two-step sign-in on (so it cannot be turned off here).
    pub two_factor_required: bool,
}

fn two_factor_required(app: &App, actor: &Staff) -> bool {
    app.settings().require_admin_2fa && actor.has(Role::Admin)
}

/// The account page: the person's sessions and recovery codes left.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id))]
pub async fn account(app: &App, actor: &Staff) -> Result<AccountView, AppError> {
    let uid = actor.user_id.clone();
    let (rows, codes) =
        app.db.run(move |c| Ok((sessions::list_for_user(c, &uid)?, accounts::recovery_codes_left(c, &uid)?))).await?;
    let sessions = rows
        .into_iter()
        .map(|s| SessionSummary { started: s.created_at, last_seen: s.last_seen_at, current: s.id == actor.session_id })
        .collect();
    Ok(AccountView { sessions, recovery_codes_left: codes, two_factor_required: two_factor_required(app, actor) })
}

/// How a language change went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LanguageChange {
    Saved,
    /// Not one of the site's enabled languages.
    NotOffered,
}

/// The language the person's staff pages and emails are in.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id))]
pub async fn change_language(app: &App, actor: &Staff, lang: Lang) -> Result<LanguageChange, AppError> {
    if !app.settings().languages.contains(&lang) {
        return Ok(LanguageChange::NotOffered);
    }
    let uid = actor.user_id.clone();
    app.db.run(move |c| accounts::set_language(c, &uid, lang.as_str())).await?;
    Ok(LanguageChange::Saved)
}

/// The current password, asked again before a change to the account: guessing it from a
/// borrowed session is throttled like sign-in.
async fn current_password_ok(app: &App, actor: &Staff, current: &str) -> Result<bool, AppError> {
    let uid = actor.user_id.clone();
    let user = app.db.run(move |c| accounts::by_id(c, &uid)).await?;
    let allowed = app.limiter.reserve("password-change", &actor.user_id, ACCOUNT_FAILURES, THROTTLE_WINDOW);
    let current = current.to_owned();
    let ok =
        allowed && app.passwords.run(move |scratch| verify_password_in(scratch, &current, &user.password_hash)).await?;
    if ok {
        app.limiter.give_back("password-change", &actor.user_id);
    }
    Ok(ok)
}

/// How a password change went.
#[derive(Debug, PartialEq, Eq)]
pub enum PasswordChange {
    /// Changed; every session of the account ended, this one too.
    Changed,
    /// Nothing changed: the current password was wrong (or tried too often), the new one
    /// was refused, or both.
    Refused { current_wrong: bool, problem: Option<PasswordError> },
}

/// A new password for the signed-in person, who gives the current one again. `new` is the
/// form's new password as parsed: its problem is reported together with the current one's.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id))]
pub async fn change_password(
    app: &App,
    actor: &Staff,
    current: &str,
    new: Result<NewPassword, PasswordError>,
) -> Result<PasswordChange, AppError> {
    let current_ok = current_password_ok(app, actor, current).await?;
    let new = match (current_ok, new) {
        (true, Ok(new)) => new,
        (ok, new) => return Ok(PasswordChange::Refused { current_wrong: !ok, problem: new.err() }),
    };
    let hash = app.passwords.run(move |scratch| hash_password_in(scratch, &new)).await??;
    let uid = actor.user_id.clone();
    app.db
        .run(move |c| {
            write_transaction(c, |c| {
                accounts::set_password(c, &uid, &hash)?;
                audit::record(c, Event::new(Some(&uid), AuditAction::AccountPasswordChange, "staff_user", Some(&uid)))
            })
        })
        .await?;
    Ok(PasswordChange::Changed)
}

/// Ends every session of the account, this one included (audited).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id))]
pub async fn sign_out_everywhere(app: &App, actor: &Staff) -> Result<(), AppError> {
    let uid = actor.user_id.clone();
    app.db
        .run(move |c| {
            write_transaction(c, |c| {
                sessions::delete_for_user(c, &uid)?;
                audit::record(c, Event::new(Some(&uid), AuditAction::AuthSignOutEverywhere, "staff_user", Some(&uid)))
            })
        })
        .await?;
    Ok(())
}

/// What the enrolment page shows: the secret as people type it, a MAC that binds it to this
/// session (the secret travels in the form), and its QR code.
#[derive(Debug, Clone)]
pub struct Enrolment {
    pub secret: String,
    pub mac: String,
    pub qr_svg: String,
    /// An admin who must set it up before anything else.
    pub required: bool,
}

fn enrol_mac(app: &App, actor: &Staff, secret: &str) -> String {
    let text = format!("{}|{secret}", actor.session_id);
    hex::encode(keyed_hash(&app.key.derive("totp-enrolment"), text.as_bytes()))
}

fn enrolment(app: &App, actor: &Staff, secret: &[u8], issuer: &str) -> Result<Enrolment, AppError> {
    let text = totp::secret_base32(secret);
    let url = totp::otpauth_url(secret, &actor.email, issuer)?;
    Ok(Enrolment {
        mac: enrol_mac(app, actor, &text),
        qr_svg: totp::qr_svg(&url)?,
        secret: text,
        required: two_factor_required(app, actor) && !actor.has_totp,
    })
}

/// The enrolment page's material, or `None` when two-step sign-in is already on.
/// `issuer`: the name the authenticator app shows (the site's name in the person's language).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id))]
pub fn start_enrolment(app: &App, actor: &Staff, issuer: &str) -> Result<Option<Enrolment>, AppError> {
    if actor.has_totp {
        return Ok(None);
    }
    Ok(Some(enrolment(app, actor, &totp::new_secret()?, issuer)?))
}

/// The enrolment form as sent.
pub struct EnrolInput {
    pub current: String,
    /// The secret in base32, as the form carried it.
    pub secret: String,
    pub mac: String,
    pub code: String,
}

/// How turning two-step sign-in on went.
#[derive(Debug)]
pub enum Enrol {
    /// On; the recovery codes to show once.
    Enabled {
        recovery_codes: Vec<String>,
    },
    /// The current password was wrong (or tried too often): the same secret again.
    WrongPassword(Enrolment),
    /// The code did not match the secret: the same secret again.
    WrongCode(Enrolment),
    AlreadyOn,
}

/// Turns two-step sign-in on: the current password (a borrowed session alone must not tie the
/// account to someone else's phone) and a code that proves the app has the secret. A form
/// whose secret does not carry this session's MAC is a bad request.
#[tracing::instrument(skip_all, fields(actor = %actor.user_id))]
pub async fn enrol_two_factor(app: &App, actor: &Staff, input: EnrolInput, issuer: &str) -> Result<Enrol, AppError> {
    if actor.has_totp {
        return Ok(Enrol::AlreadyOn);
    }
    if !constant_time_eq(enrol_mac(app, actor, &input.secret).as_bytes(), input.mac.as_bytes()) {
        return Err(AppError::BadRequest);
    }
    let secret = totp_rs::Secret::try_from_base32(&input.secret).map_err(|_| AppError::BadRequest)?.to_vec();
    if !current_password_ok(app, actor, &input.current).await? {
        return Ok(Enrol::WrongPassword(enrolment(app, actor, &secret, issuer)?));
    }
    let code: String = input.code.chars().filter(|c| !c.is_whitespace()).collect();
    let Some(step) = totp::check(&secret, &code)? else {
        return Ok(Enrol::WrongCode(enrolment(app, actor, &secret, issuer)?));
    };
    let codes = totp::new_recovery_codes()?;
    let hashes: Vec<String> = codes.iter().map(|c| totp::recovery_hash(&app.key, c)).collect();
    let sealed = app
        .vault
        .seal(&secret, &format!("staff_users.totp:{}", actor.user_id))
        .map_err(|e| AppError::Internal(anyhow::anyhow!("seal: {e}")))?;
    let uid = actor.user_id.clone();
    app.db
        .run(move |c| {
            write_transaction(c, |c| {
                accounts::set_totp(c, &uid, Some(sealed), &hashes)?;
                // The code just used cannot be used again.
                accounts::accept_totp_step(c, &uid, step)?;
                audit::record(c, Event::new(Some(&uid), AuditAction::AccountTwoFactorEnabled, "staff_user", Some(&uid)))
            })
        })
        .await?;
    Ok(Enrol::Enabled { recovery_codes: codes })
}

/// How turning two-step sign-in off went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TwoFactorOff {
    Disabled,
    /// Admins must keep it on.
    Required,
    /// Not a valid code (or too many tries).
    WrongCode,
}

/// Turns two-step sign-in off, with a current code or a recovery code (audited).
#[tracing::instrument(skip_all, fields(actor = %actor.user_id))]
pub async fn disable_two_factor(app: &App, actor: &Staff, code: &str) -> Result<TwoFactorOff, AppError> {
    let required = two_factor_required(app, actor);
    let allowed = app.limiter.reserve("login-code", &actor.user_id, ACCOUNT_FAILURES, THROTTLE_WINDOW);
    if required {
        return Ok(TwoFactorOff::Required);
    }
    if !allowed || check_second_factor(app, &actor.user_id, code).await?.is_none() {
        return Ok(TwoFactorOff::WrongCode);
    }
    app.limiter.give_back("login-code", &actor.user_id);
    let uid = actor.user_id.clone();
    app.db
        .run(move |c| {
            write_transaction(c, |c| {
                accounts::set_totp(c, &uid, None, &[])?;
                audit::record(
                    c,
                    Event::new(Some(&uid), AuditAction::AccountTwoFactorDisabled, "staff_user", Some(&uid)),
                )
            })
        })
        .await?;
    Ok(TwoFactorOff::Disabled)
}

/// Whom a one-time account link makes an account for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LinkKind {
    /// The first administrator (printed by `serve` while no account exists).
    FirstAdministrator,
    /// A colleague invited by address (`homeward user add`, or an admin).
    Invitation,
}

/// A usable account link, as the setup page needs it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SetupLink {
    pub kind: LinkKind,
    /// Fixed for invitations; chosen on the page for the first administrator.
    pub email: Option<String>,
}

/// The account link behind a token, if it is unused, unexpired and still applies (a first
/// administrator's link is worthless once any account exists). Reset links are not account links.
#[tracing::instrument(skip_all)]
pub async fn find_setup_link(app: &App, token: &str) -> Result<Option<SetupLink>, AppError> {
    let hash = hash_token(token);
    let kind = |purpose| match purpose {
        TokenPurpose::Setup => Some(LinkKind::FirstAdministrator),
        TokenPurpose::Invite => Some(LinkKind::Invitation),
        TokenPurpose::Reset => None,
    };
    match app.db.run(move |c| accounts::find_usable_link(c, &hash)).await {
        Ok(link) => Ok(kind(link.purpose).map(|kind| SetupLink { kind, email: link.email })),
        Err(RepoError::NotFound) => Ok(None),
        Err(e) => Err(e.into()),
    }
}

/// How setting up an account from a link went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Setup {
    Created(UserId),
    /// The address already has an account.
    EmailTaken,
    /// Used up or expired meanwhile.
    LinkUnusable,
}

/// Creates the account a link promises, with the roles it carries, and uses the link up
/// (audited). `email`: the invitation's own address, or the one the first administrator chose.
#[tracing::instrument(skip_all)]
pub async fn finish_setup(
    app: &App,
    token: &str,
    email: EmailAddress,
    password: NewPassword,
    lang: &Lang,
) -> Result<Setup, AppError> {
    let hash = app.passwords.run(move |scratch| hash_password_in(scratch, &password)).await??;
    let token_hash = hash_token(token);
    let language = lang.to_string();
    let created =
        app.db.run(move |c| accounts::create_account_from_link(c, &token_hash, &email, &hash, &language)).await;
    match created {
        Ok(id) => {
            tracing::info!(user_id = %id, "staff account created from a one-time link");
            Ok(Setup::Created(UserId::from_stored(id)))
        }
        Err(RepoError::Conflict(_)) => Ok(Setup::EmailTaken),
        Err(RepoError::NotFound) => Ok(Setup::LinkUnusable),
        Err(e) => Err(e.into()),
    }
}

/// The form field a new-password problem belongs to, and the catalogue key of its message.
pub fn password_problem(e: &PasswordError) -> (&'static str, &'static str) {
    match e {
        PasswordError::TooShort => ("password", "setup-error-password-short"),
        PasswordError::TooLong => ("password", "setup-error-password-long"),
        PasswordError::Common => ("password", "staff-error-password-common"),
        PasswordError::Mismatch => ("confirm", "setup-error-password-mismatch"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::testing;
    use crate::auth::password::{hash_password, verify_password};

    const PASSWORD: &str = "correct horse battery staple";
    const NEW_PASSWORD: &str = "a brand new passphrase here";

    fn ok<T, E: std::fmt::Debug>(r: Result<T, E>) -> T {
        r.unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn new_password(text: &str) -> NewPassword {
        ok(NewPassword::parse(text, text))
    }

    fn email(text: &str) -> EmailAddress {
        ok(EmailAddress::parse(text))
    }

    fn credentials(email: &str, password: &str) -> Credentials {
        ok(Credentials::parse(email, password))
    }

    /// A staff member whose password is `PASSWORD`.
    async fn member(app: &App, address: &str, roles: &[Role]) -> Staff {
        let staff = testing::staff_with(app, address, roles).await;
        let hash = ok(hash_password(&new_password(PASSWORD)));
        let uid = staff.user_id.clone();
        ok(app.db.run(move |c| accounts::set_password(c, &uid, &hash)).await);
        staff
    }

    fn signed(outcome: SignIn) -> NewSession {
        match outcome {
            SignIn::Signed(session) => session,
            other => panic!("not signed in: {other:?}"),
        }
    }

    async fn session_of(app: &App, session: &NewSession) -> Option<SessionView> {
        ok(find_session(app, &session.token).await)
    }

    async fn sign_in_as(app: &App, address: &str, password: &str) -> SignIn {
        ok(sign_in(app, credentials(address, password), None, None, None).await)
    }

    async fn mails(app: &App) -> usize {
        ok(app.db.run(outbox::list).await).len()
    }

    /// Stores a one-time link and gives back its token.
    async fn link(app: &App, purpose: TokenPurpose, address: Option<&str>, valid_for: Duration) -> String {
        let token = ok(generate_token());
        let (hash, address) = (hash_token(&token), address.map(email));
        ok(app
            .db
            .run(move |c| accounts::create_link(c, &hash, purpose, address.as_ref(), &[Role::Editor], valid_for))
            .await);
        token
    }

    /// Turns two-step sign-in on with a known secret; the recovery codes.
    async fn enrol(app: &App, staff: &Staff) -> (Vec<u8>, Vec<String>) {
        let Some(enrolment) = ok(start_enrolment(app, staff, "Homeward")) else { panic!("already on") };
        let secret = ok(totp_rs::Secret::try_from_base32(&enrolment.secret)).to_vec();
        let now = u64::try_from(time::OffsetDateTime::now_utc().unix_timestamp()).unwrap_or(0);
        let input = EnrolInput {
            current: PASSWORD.into(),
            secret: enrolment.secret,
            mac: enrolment.mac,
            code: ok(totp::code_at(&secret, now)),
        };
        match ok(enrol_two_factor(app, staff, input, "Homeward").await) {
            Enrol::Enabled { recovery_codes } => (secret, recovery_codes),
            other => panic!("not enabled: {other:?}"),
        }
    }

    fn pending(view: &SessionView) -> Pending {
        Pending { user_id: view.user_id.clone(), session_id: view.session_id.clone(), lang: view.lang.clone() }
    }

    #[test]
    fn the_dummy_hash_is_a_real_hash_and_failing_to_make_it_is_an_error() {
        let hash = ok(dummy_hash());
        assert!(hash.starts_with("$argon2id$"), "{hash}");
        assert!(!verify_password(PASSWORD, hash) && !verify_password("", hash));
        ok(prepare_sign_in());
        let failed = dummy_hash_with(|_| Err(anyhow::anyhow!("out of memory")));
        let message = failed.err().map(|e| format!("{e:#}")).unwrap_or_default();
        assert!(message.contains("cannot hash the dummy password") && message.contains("out of memory"), "{message}");
        assert!(dummy_hash_with(|_| Ok(String::new())).is_err(), "an empty hash never stands in");
    }

    #[test]
    fn credentials_need_both_fields() {
        assert!(Credentials::parse(" a@example.org ", "x").is_ok());
        assert_eq!(
            Credentials::parse("  ", "").err(),
            Some(vec![CredentialsProblem::EmailEmpty, CredentialsProblem::PasswordEmpty])
        );
        assert_eq!(typed_email(&format!(" {} ", "a".repeat(400))).chars().count(), MAX_EMAIL_CHARS);
    }

    #[actix_rt::test]
    async fn the_right_password_signs_in_and_the_session_is_found() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = member(&app, "case@example.org", &[Role::Caseworker]).await;
        let session = signed(sign_in_as(&app, "Case@Example.org", PASSWORD).await);
        assert_eq!(session.lifetime, Duration::hours(app.settings().session_max_hours.into()));
        let Some(view) = session_of(&app, &session).await else { panic!("no session") };
        assert_eq!((view.user_id.as_str(), view.email.as_str()), (staff.user_id.as_str(), "case@example.org"));
        assert_eq!((view.roles, view.stage, view.has_totp), (vec![Role::Caseworker], Stage::Full, false));
        assert_eq!(view.lang.as_str(), "en");
        assert!(find_session(&app, "not-a-token").await?.is_none());
        assert_eq!(testing::audit_actions(&app).await.last().map(String::as_str), Some("auth.sign_in"));
        Ok(())
    }

    #[actix_rt::test]
    async fn wrong_passwords_unknown_and_disabled_accounts_are_refused_alike() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = member(&app, "case@example.org", &[Role::Caseworker]).await;
        assert!(matches!(sign_in_as(&app, "case@example.org", "wrong password!").await, SignIn::Refused));
        assert!(matches!(sign_in_as(&app, "nobody@example.org", PASSWORD).await, SignIn::Refused));
        assert!(matches!(sign_in_as(&app, "not an address", PASSWORD).await, SignIn::Refused));
        let uid = staff.user_id.clone();
        app.db.run(move |c| accounts::set_disabled(c, &uid, true)).await?;
        assert!(matches!(sign_in_as(&app, "case@example.org", PASSWORD).await, SignIn::Refused));
        let failed = testing::audit_actions(&app).await.iter().filter(|a| *a == "auth.sign_in_failed").count();
        assert_eq!(failed, 4);
        Ok(())
    }

    #[actix_rt::test]
    async fn an_account_is_throttled_after_five_failures_and_others_are_not() -> Result<(), AppError> {
        let app = testing::app().await;
        member(&app, "case@example.org", &[Role::Caseworker]).await;
        member(&app, "other@example.org", &[Role::Caseworker]).await;
        for _ in 0..ACCOUNT_FAILURES {
            assert!(matches!(sign_in_as(&app, "case@example.org", "wrong password!").await, SignIn::Refused));
        }
        assert!(matches!(sign_in_as(&app, "CASE@example.org", PASSWORD).await, SignIn::Throttled));
        signed(sign_in_as(&app, "other@example.org", PASSWORD).await);
        // A success forgives the account's failures.
        for _ in 0..ACCOUNT_FAILURES - 1 {
            sign_in_as(&app, "other@example.org", "wrong password!").await;
        }
        signed(sign_in_as(&app, "other@example.org", PASSWORD).await);
        signed(sign_in_as(&app, "other@example.org", PASSWORD).await);
        Ok(())
    }

    #[actix_rt::test]
    async fn failures_from_one_address_do_not_lock_the_account_for_another() -> Result<(), AppError> {
        let app = testing::app().await;
        member(&app, "case@example.org", &[Role::Caseworker]).await;
        let at = |ip: &str| -> Option<IpAddr> { ip.parse().ok() };
        for _ in 0..ACCOUNT_FAILURES {
            let guess = credentials("case@example.org", "wrong password!");
            assert!(matches!(sign_in(&app, guess, at("192.0.2.7"), None, None).await?, SignIn::Refused));
        }
        let right = || credentials("case@example.org", PASSWORD);
        assert!(matches!(sign_in(&app, right(), at("192.0.2.7"), None, None).await?, SignIn::Throttled));
        // Another address in the same IPv6 /64 is the same client; another /64 or IPv4 is not.
        for _ in 0..ACCOUNT_FAILURES {
            let guess = credentials("case@example.org", "wrong password!");
            sign_in(&app, guess, at("2001:db8:1:2::1"), None, None).await?;
        }
        assert!(matches!(sign_in(&app, right(), at("2001:db8:1:2::ffff"), None, None).await?, SignIn::Throttled));
        signed(sign_in(&app, right(), at("2001:db8:1:3::1"), None, None).await?);
        signed(sign_in(&app, right(), at("198.51.100.4"), None, None).await?);
        Ok(())
    }

    #[actix_rt::test]
    async fn many_addresses_slow_an_account_down_but_never_lock_it() -> Result<(), AppError> {
        let app = testing::app().await;
        member(&app, "case@example.org", &[Role::Caseworker]).await;
        // A botnet: each address stays under its own limit; together they pass the account's.
        for n in 0..=ACCOUNT_SLOW_AFTER {
            let guess = credentials("case@example.org", "wrong password!");
            let from: Option<IpAddr> = format!("203.0.113.{n}").parse().ok();
            assert!(matches!(sign_in(&app, guess, from, None, None).await?, SignIn::Refused));
        }
        signed(
            sign_in(&app, credentials("case@example.org", PASSWORD), "198.51.100.4".parse().ok(), None, None).await?,
        );
        Ok(())
    }

    #[actix_rt::test]
    async fn parallel_guesses_on_an_account_are_checked_one_at_a_time_and_a_known_browser_goes_first()
    -> Result<(), AppError> {
        let app = testing::app().await;
        member(&app, "case@example.org", &[Role::Caseworker]).await;
        let owner = signed(sign_in(&app, credentials("case@example.org", PASSWORD), None, None, None).await?);
        let device = owner.device.clone().unwrap_or_else(|| panic!("a full sign-in marks the browser"));
        let from = |n: usize| -> Option<IpAddr> { format!("203.0.113.{n}").parse().ok() };
        let guess = || credentials("case@example.org", "wrong password!");
        for n in 0..=ACCOUNT_SLOW_AFTER {
            assert!(matches!(sign_in(&app, guess(), from(n), None, None).await?, SignIn::Refused));
        }
        // Eight guesses at once from eight more addresses: one is checked, the rest refused unchecked.
        let burst = (100..108).map(|n| sign_in(&app, guess(), from(n), None, None));
        let outcomes = futures_util::future::join_all(burst).await;
        let checked = outcomes.iter().filter(|o| matches!(o, Ok(SignIn::Refused))).count();
        let refused = outcomes.iter().filter(|o| matches!(o, Ok(SignIn::Throttled))).count();
        assert_eq!((checked, refused), (1, 7));
        // The owner's browser is known: it signs in at once, even while a guess holds the turn.
        let attack = sign_in(&app, guess(), from(200), None, None);
        let mine = sign_in(&app, credentials("case@example.org", PASSWORD), from(201), None, Some(&device));
        let (attack, mine) = futures_util::future::join(attack, mine).await;
        assert!(matches!(attack?, SignIn::Refused));
        signed(mine?);
        // A token is worth nothing for another account, or altered.
        member(&app, "other@example.org", &[Role::Caseworker]).await;
        let other = accounts_id(&app, "other@example.org").await;
        assert!(!device_known(&app, &other, &device));
        assert!(!device_known(&app, &accounts_id(&app, "case@example.org").await, &format!("{device}0")));
        Ok(())
    }

    async fn accounts_id(app: &App, address: &str) -> String {
        let email = EmailAddress::parse(address).unwrap_or_else(|e| panic!("{e:?}"));
        let found = app.db.run(move |c| accounts::by_email(c, &email)).await;
        found.ok().flatten().map(|u| u.id).unwrap_or_else(|| panic!("no account {address}"))
    }

    #[test]
    fn the_account_wide_delay_grows_from_nothing_to_a_bound() {
        assert_eq!(account_delay(0), StdDuration::ZERO);
        assert_eq!(account_delay(ACCOUNT_SLOW_AFTER - 1), StdDuration::ZERO);
        assert_eq!(account_delay(ACCOUNT_SLOW_AFTER), ACCOUNT_FIRST_DELAY);
        assert_eq!(account_delay(ACCOUNT_SLOW_AFTER + 1), ACCOUNT_FIRST_DELAY * 2);
        assert!(account_delay(ACCOUNT_SLOW_AFTER + 3) > account_delay(ACCOUNT_SLOW_AFTER + 2));
        assert_eq!(account_delay(ACCOUNT_SLOW_AFTER + 40), ACCOUNT_MAX_DELAY);
        assert_eq!(account_delay(usize::MAX), ACCOUNT_MAX_DELAY);
    }

    #[actix_rt::test]
    async fn a_client_is_throttled_across_accounts() -> Result<(), AppError> {
        let app = testing::app().await;
        member(&app, "case@example.org", &[Role::Caseworker]).await;
        let client: Option<IpAddr> = "192.0.2.7".parse().ok();
        for n in 0..CLIENT_FAILURES {
            let guess = credentials(&format!("guess{n}@example.org"), "wrong password!");
            assert!(matches!(sign_in(&app, guess, client, None, None).await?, SignIn::Refused));
        }
        let right = credentials("case@example.org", PASSWORD);
        assert!(matches!(sign_in(&app, right, client, None, None).await?, SignIn::Throttled));
        signed(sign_in(&app, credentials("case@example.org", PASSWORD), "192.0.2.8".parse().ok(), None, None).await?);
        Ok(())
    }

    #[actix_rt::test]
    async fn signing_in_again_replaces_the_browsers_session_and_signing_out_ends_it() -> Result<(), AppError> {
        let app = testing::app().await;
        member(&app, "case@example.org", &[Role::Caseworker]).await;
        let first = signed(sign_in_as(&app, "case@example.org", PASSWORD).await);
        let Some(view) = session_of(&app, &first).await else { panic!("no session") };
        let again = credentials("case@example.org", PASSWORD);
        let second = signed(sign_in(&app, again, None, Some(&view.session_id), None).await?);
        assert!(session_of(&app, &first).await.is_none(), "the old session ended");
        let Some(view) = session_of(&app, &second).await else { panic!("no session") };
        let mut actor = testing::staff_with(&app, "someone@example.org", &[]).await;
        actor.user_id = view.user_id.clone();
        sign_out(&app, &view.session_id, Some(&actor)).await?;
        assert!(session_of(&app, &second).await.is_none());
        assert_eq!(testing::audit_actions(&app).await.last().map(String::as_str), Some("auth.sign_out"));
        Ok(())
    }

    #[actix_rt::test]
    async fn with_two_step_sign_in_a_code_completes_the_sign_in_once() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = member(&app, "case@example.org", &[Role::Caseworker]).await;
        let (secret, codes) = enrol(&app, &staff).await;
        assert_eq!(codes.len(), totp::RECOVERY_CODES);
        let SignIn::NeedsCode(half) = sign_in_as(&app, "case@example.org", PASSWORD).await else {
            panic!("no second step")
        };
        assert_eq!(half.lifetime, Duration::minutes(SECOND_FACTOR_MINUTES));
        let Some(view) = session_of(&app, &half).await else { panic!("no session") };
        assert_eq!((view.stage, view.has_totp), (Stage::SecondFactor, true));
        let waiting = pending(&view);
        assert!(matches!(confirm_code(&app, &waiting, "000000x").await?, CodeCheck::Wrong));
        // The enrolment used this step's code: it does not work a second time.
        let now = u64::try_from(time::OffsetDateTime::now_utc().unix_timestamp()).unwrap_or(0);
        let replay = ok(totp::code_at(&secret, now - 30));
        assert!(matches!(confirm_code(&app, &waiting, &replay).await?, CodeCheck::Wrong));
        let CodeCheck::Signed(full) = confirm_code(&app, &waiting, &codes[0].to_lowercase()).await? else {
            panic!("the recovery code was refused")
        };
        assert!(session_of(&app, &half).await.is_none(), "the first token is worthless now");
        assert_eq!(session_of(&app, &full).await.map(|v| v.stage), Some(Stage::Full));
        // Each recovery code works once.
        let SignIn::NeedsCode(half) = sign_in_as(&app, "case@example.org", PASSWORD).await else { panic!() };
        let Some(view) = session_of(&app, &half).await else { panic!("no session") };
        assert!(matches!(confirm_code(&app, &pending(&view), &codes[0]).await?, CodeCheck::Wrong));
        let actions = testing::audit_actions(&app).await;
        assert!(actions.contains(&"account.2fa_enabled".to_owned()));
        assert_eq!(actions.iter().filter(|a| *a == "auth.second_factor_failed").count(), 3, "{actions:?}");
        Ok(())
    }

    #[actix_rt::test]
    async fn wrong_codes_are_throttled() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = member(&app, "case@example.org", &[Role::Caseworker]).await;
        let (_, codes) = enrol(&app, &staff).await;
        let SignIn::NeedsCode(half) = sign_in_as(&app, "case@example.org", PASSWORD).await else { panic!() };
        let Some(view) = session_of(&app, &half).await else { panic!("no session") };
        for _ in 0..ACCOUNT_FAILURES {
            assert!(matches!(confirm_code(&app, &pending(&view), "AAAAA-AAAAA").await?, CodeCheck::Wrong));
        }
        assert!(matches!(confirm_code(&app, &pending(&view), &codes[1]).await?, CodeCheck::Throttled));
        Ok(())
    }

    #[actix_rt::test]
    async fn enrolment_needs_the_current_password_a_matching_code_and_an_untouched_secret() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = member(&app, "case@example.org", &[Role::Caseworker]).await;
        let Some(enrolment) = start_enrolment(&app, &staff, "Homeward")? else { panic!("already on") };
        assert!(enrolment.qr_svg.starts_with("<svg") && !enrolment.required);
        let input = |current: &str, secret: &str, code: &str| EnrolInput {
            current: current.into(),
            secret: secret.into(),
            mac: enrolment.mac.clone(),
            code: code.into(),
        };
        let wrong = enrol_two_factor(&app, &staff, input("wrong password!", &enrolment.secret, "123456"), "H").await?;
        assert!(matches!(wrong, Enrol::WrongPassword(ref e) if e.secret == enrolment.secret));
        let wrong = enrol_two_factor(&app, &staff, input(PASSWORD, &enrolment.secret, "12345"), "H").await?;
        assert!(matches!(wrong, Enrol::WrongCode(ref e) if e.secret == enrolment.secret));
        let other = totp::secret_base32(&ok(totp::new_secret()));
        let forged = enrol_two_factor(&app, &staff, input(PASSWORD, &other, "123456"), "H").await;
        assert!(matches!(forged, Err(AppError::BadRequest)), "a secret without this session's MAC");
        let mut on = staff.clone();
        on.has_totp = true;
        assert!(start_enrolment(&app, &on, "H")?.is_none());
        assert!(matches!(enrol_two_factor(&app, &on, input(PASSWORD, &other, "1"), "H").await?, Enrol::AlreadyOn));
        Ok(())
    }

    #[actix_rt::test]
    async fn two_step_sign_in_is_turned_off_with_a_code_unless_admins_must_keep_it() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = member(&app, "admin@example.org", &[Role::Admin]).await;
        let (_, codes) = enrol(&app, &staff).await;
        let uid = staff.user_id.clone();
        let required = vec![("require_admin_2fa".to_owned(), "true".to_owned())];
        app.db.run(move |c| crate::db::repo::site_settings::save(c, &required, &uid)).await?;
        app.refresh_settings().await?;
        assert!(account(&app, &staff).await?.two_factor_required);
        assert_eq!(disable_two_factor(&app, &staff, &codes[0]).await?, TwoFactorOff::Required);
        let uid = staff.user_id.clone();
        let optional = vec![("require_admin_2fa".to_owned(), "false".to_owned())];
        app.db.run(move |c| crate::db::repo::site_settings::save(c, &optional, &uid)).await?;
        app.refresh_settings().await?;
        assert_eq!(disable_two_factor(&app, &staff, "AAAAA-AAAAA").await?, TwoFactorOff::WrongCode);
        assert_eq!(disable_two_factor(&app, &staff, &codes[1]).await?, TwoFactorOff::Disabled);
        signed(sign_in_as(&app, "admin@example.org", PASSWORD).await);
        assert_eq!(account(&app, &staff).await?.recovery_codes_left, 0);
        assert!(testing::audit_actions(&app).await.contains(&"account.2fa_disabled".to_owned()));
        Ok(())
    }

    #[actix_rt::test]
    async fn a_reset_link_is_queued_only_for_an_enabled_account() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = member(&app, "case@example.org", &[Role::Caseworker]).await;
        assert!(send_reset_link(&app, email("Case@example.org")).await?);
        assert_eq!(mails(&app).await, 1);
        assert!(!send_reset_link(&app, email("nobody@example.org")).await?);
        let uid = staff.user_id.clone();
        app.db.run(move |c| accounts::set_disabled(c, &uid, true)).await?;
        assert!(!send_reset_link(&app, email("case@example.org")).await?);
        assert_eq!(mails(&app).await, 1);
        let actions = testing::audit_actions(&app).await;
        assert_eq!(actions.iter().filter(|a| *a == "account.password_reset_requested").count(), 1);
        Ok(())
    }

    #[actix_rt::test]
    async fn reset_requests_are_bounded_per_address_and_per_client() {
        let app = Arc::new(testing::app().await.app);
        let client: Option<IpAddr> = "192.0.2.9".parse().ok();
        for _ in 0..RESETS_PER_ACCOUNT {
            assert_eq!(request_reset(&app, email("a@example.org"), None), ResetAsked::Sending);
        }
        assert_eq!(request_reset(&app, email("A@example.org"), None), ResetAsked::Throttled);
        for n in 0..RESETS_PER_CLIENT {
            assert_eq!(request_reset(&app, email(&format!("b{n}@example.org")), client), ResetAsked::Sending);
        }
        assert_eq!(request_reset(&app, email("c@example.org"), client), ResetAsked::Throttled);
    }

    #[actix_rt::test]
    async fn a_reset_link_sets_a_new_password_once_and_expires() -> Result<(), AppError> {
        let app = testing::app().await;
        member(&app, "case@example.org", &[Role::Caseworker]).await;
        let before = signed(sign_in_as(&app, "case@example.org", PASSWORD).await);
        let token = link(&app, TokenPurpose::Reset, Some("case@example.org"), Duration::minutes(60)).await;
        assert!(reset_link_usable(&app, &token).await?);
        assert_eq!(reset_password(&app, &token, new_password(NEW_PASSWORD)).await?, PasswordReset::Done);
        assert!(session_of(&app, &before).await.is_none(), "every session ended");
        signed(sign_in_as(&app, "case@example.org", NEW_PASSWORD).await);
        assert!(matches!(sign_in_as(&app, "case@example.org", PASSWORD).await, SignIn::Refused));
        // Used once; an expired link, an invitation or a made-up token never work.
        assert!(!reset_link_usable(&app, &token).await?);
        assert_eq!(reset_password(&app, &token, new_password(PASSWORD)).await?, PasswordReset::LinkUnusable);
        let expired = link(&app, TokenPurpose::Reset, Some("case@example.org"), Duration::minutes(-1)).await;
        assert!(!reset_link_usable(&app, &expired).await?);
        assert_eq!(reset_password(&app, &expired, new_password(PASSWORD)).await?, PasswordReset::LinkUnusable);
        let invite = link(&app, TokenPurpose::Invite, Some("new@example.org"), Duration::minutes(60)).await;
        assert!(!reset_link_usable(&app, &invite).await?);
        assert_eq!(reset_password(&app, &invite, new_password(PASSWORD)).await?, PasswordReset::LinkUnusable);
        assert!(!reset_link_usable(&app, "made-up").await?);
        assert!(testing::audit_actions(&app).await.contains(&"account.password_reset".to_owned()));
        Ok(())
    }

    #[actix_rt::test]
    async fn a_new_reset_link_or_a_new_password_makes_earlier_links_worthless() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = member(&app, "case@example.org", &[Role::Caseworker]).await;
        member(&app, "other@example.org", &[Role::Caseworker]).await;
        let hour = Duration::minutes(60);
        let first = link(&app, TokenPurpose::Reset, Some("Case@example.org"), hour).await;
        let others = link(&app, TokenPurpose::Reset, Some("other@example.org"), hour).await;
        assert!(send_reset_link(&app, email("case@example.org")).await?);
        assert!(!reset_link_usable(&app, &first).await?, "a second request revokes the first link");
        assert_eq!(reset_password(&app, &first, new_password(NEW_PASSWORD)).await?, PasswordReset::LinkUnusable);
        assert!(reset_link_usable(&app, &others).await?, "another account's link still works");
        // A reset through one link revokes the others.
        let one = link(&app, TokenPurpose::Reset, Some("case@example.org"), hour).await;
        let two = link(&app, TokenPurpose::Reset, Some("case@example.org"), hour).await;
        assert_eq!(reset_password(&app, &two, new_password(NEW_PASSWORD)).await?, PasswordReset::Done);
        assert!(!reset_link_usable(&app, &one).await?);
        // So does a change on the account page, which ends the other sessions too.
        let old = link(&app, TokenPurpose::Reset, Some("case@example.org"), hour).await;
        let elsewhere = signed(sign_in_as(&app, "case@example.org", NEW_PASSWORD).await);
        let changed = change_password(&app, &staff, NEW_PASSWORD, Ok(new_password(PASSWORD))).await?;
        assert_eq!(changed, PasswordChange::Changed);
        assert!(!reset_link_usable(&app, &old).await?);
        assert!(session_of(&app, &elsewhere).await.is_none());
        assert!(reset_link_usable(&app, &others).await?);
        Ok(())
    }

    #[actix_rt::test]
    async fn the_account_view_lists_signed_in_sessions_and_marks_this_one() -> Result<(), AppError> {
        let app = testing::app().await;
        let mut staff = member(&app, "case@example.org", &[Role::Caseworker]).await;
        let one = signed(sign_in_as(&app, "case@example.org", PASSWORD).await);
        signed(sign_in_as(&app, "case@example.org", PASSWORD).await);
        let Some(view) = session_of(&app, &one).await else { panic!("no session") };
        staff.session_id = view.session_id;
        let page = account(&app, &staff).await?;
        assert_eq!(page.sessions.len(), 2);
        assert_eq!(page.sessions.iter().filter(|s| s.current).count(), 1);
        assert!(!page.two_factor_required);
        Ok(())
    }

    #[actix_rt::test]
    async fn the_language_is_one_of_the_enabled_ones() -> Result<(), AppError> {
        let app = testing::app().await;
        member(&app, "case@example.org", &[Role::Caseworker]).await;
        let staff = testing::staff_with(&app, "other@example.org", &[Role::Caseworker]).await;
        assert_eq!(change_language(&app, &staff, ok(Lang::parse("hy"))).await?, LanguageChange::Saved);
        assert_eq!(change_language(&app, &staff, ok(Lang::parse("fr"))).await?, LanguageChange::NotOffered);
        let uid = staff.user_id.clone();
        assert_eq!(app.db.run(move |c| accounts::by_id(c, &uid)).await?.language, "hy");
        Ok(())
    }

    #[actix_rt::test]
    async fn a_password_change_needs_the_current_one_and_ends_every_session() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = member(&app, "case@example.org", &[Role::Caseworker]).await;
        let session = signed(sign_in_as(&app, "case@example.org", PASSWORD).await);
        let wrong = change_password(&app, &staff, "wrong password!", Ok(new_password(NEW_PASSWORD))).await?;
        assert_eq!(wrong, PasswordChange::Refused { current_wrong: true, problem: None });
        let short = change_password(&app, &staff, PASSWORD, NewPassword::parse("short", "short")).await?;
        assert_eq!(short, PasswordChange::Refused { current_wrong: false, problem: Some(PasswordError::TooShort) });
        assert!(session_of(&app, &session).await.is_some(), "nothing changed yet");
        assert_eq!(
            change_password(&app, &staff, PASSWORD, Ok(new_password(NEW_PASSWORD))).await?,
            PasswordChange::Changed
        );
        assert!(session_of(&app, &session).await.is_none());
        signed(sign_in_as(&app, "case@example.org", NEW_PASSWORD).await);
        assert!(testing::audit_actions(&app).await.contains(&"account.password_change".to_owned()));
        Ok(())
    }

    #[actix_rt::test]
    async fn guessing_the_current_password_is_throttled() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = member(&app, "case@example.org", &[Role::Caseworker]).await;
        for _ in 0..ACCOUNT_FAILURES {
            change_password(&app, &staff, "wrong password!", Ok(new_password(NEW_PASSWORD))).await?;
        }
        let right = change_password(&app, &staff, PASSWORD, Ok(new_password(NEW_PASSWORD))).await?;
        assert_eq!(right, PasswordChange::Refused { current_wrong: true, problem: None });
        Ok(())
    }

    #[actix_rt::test]
    async fn signing_out_everywhere_ends_every_session() -> Result<(), AppError> {
        let app = testing::app().await;
        let staff = member(&app, "case@example.org", &[Role::Caseworker]).await;
        let one = signed(sign_in_as(&app, "case@example.org", PASSWORD).await);
        let two = signed(sign_in_as(&app, "case@example.org", PASSWORD).await);
        sign_out_everywhere(&app, &staff).await?;
        assert!(session_of(&app, &one).await.is_none() && session_of(&app, &two).await.is_none());
        assert_eq!(testing::audit_actions(&app).await.last().map(String::as_str), Some("auth.sign_out_everywhere"));
        Ok(())
    }

    #[actix_rt::test]
    async fn an_invitation_creates_the_account_once() -> Result<(), AppError> {
        let app = testing::app().await;
        let token = link(&app, TokenPurpose::Invite, Some("new@example.org"), Duration::hours(1)).await;
        let found = find_setup_link(&app, &token).await?;
        assert_eq!(found, Some(SetupLink { kind: LinkKind::Invitation, email: Some("new@example.org".into()) }));
        let lang = ok(Lang::parse("ru"));
        let created = finish_setup(&app, &token, email("new@example.org"), new_password(PASSWORD), &lang).await?;
        assert!(matches!(created, Setup::Created(_)));
        let Some(view) = session_of(&app, &signed(sign_in_as(&app, "new@example.org", PASSWORD).await)).await else {
            panic!("no session")
        };
        assert_eq!((view.roles, view.lang.as_str()), (vec![Role::Editor], "ru"));
        // The link is used up.
        assert_eq!(find_setup_link(&app, &token).await?, None);
        let again = finish_setup(&app, &token, email("x@example.org"), new_password(PASSWORD), &lang).await?;
        assert_eq!(again, Setup::LinkUnusable);
        // An address that has an account already.
        let token = link(&app, TokenPurpose::Invite, Some("new@example.org"), Duration::hours(1)).await;
        let taken = finish_setup(&app, &token, email("NEW@example.org"), new_password(PASSWORD), &lang).await?;
        assert_eq!(taken, Setup::EmailTaken);
        Ok(())
    }

    #[actix_rt::test]
    async fn setup_links_expire_and_the_first_administrators_link_dies_with_the_first_account() -> Result<(), AppError>
    {
        let app = testing::app().await;
        let expired = link(&app, TokenPurpose::Invite, Some("late@example.org"), Duration::minutes(-1)).await;
        assert_eq!(find_setup_link(&app, &expired).await?, None);
        let lang = ok(Lang::parse("en"));
        let late = finish_setup(&app, &expired, email("late@example.org"), new_password(PASSWORD), &lang).await?;
        assert_eq!(late, Setup::LinkUnusable);
        let first = link(&app, TokenPurpose::Setup, None, Duration::hours(1)).await;
        let found = find_setup_link(&app, &first).await?;
        assert_eq!(found, Some(SetupLink { kind: LinkKind::FirstAdministrator, email: None }));
        let reset = link(&app, TokenPurpose::Reset, Some("late@example.org"), Duration::hours(1)).await;
        assert_eq!(find_setup_link(&app, &reset).await?, None, "a reset link makes no account");
        testing::staff(&app).await;
        assert_eq!(find_setup_link(&app, &first).await?, None);
        Ok(())
    }
}

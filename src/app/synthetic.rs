//! Synthetic data for benchmarks (`homeward bench-data --synthetic`): made-up caseworkers,
//! teams and inquiries spread over topics, languages, statuses and assignees, stored through
//! the repository like real ones (sealed). Run only from the command line, never on a request path.

use anyhow::Context;
use time::Duration;

use crate::crypto::vault::Vault;
use crate::db::Db;
use crate::db::repo::accounts::{self, TokenPurpose};
use crate::db::repo::inquiries::{self, StoredInquiry};
use crate::db::repo::teams::{self, TeamInput};
use crate::db::repo::{content, new_id, now};
use crate::db::rows::InquiryRow;
use crate::domain::inquiry::InquiryStatus;
use crate::domain::{EmailAddress, Lang, ReceiptCode, Role};

/// What to make.
#[derive(Debug, Clone)]
pub struct Spec {
    pub inquiries: usize,
    pub teams: usize,
    pub caseworkers: usize,
    /// An existing account to put in the first two teams (the benchmark's signed-in caseworker).
    pub member: Option<EmailAddress>,
}

/// What was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Generated {
    pub inquiries: usize,
    pub teams: usize,
    pub caseworkers: usize,
}

/// Inquiries stored per transaction.
const BATCH: usize = 2_000;

/// A small deterministic generator, so two runs make the same spread.
struct Spread(u64);

impl Spread {
    fn next(&mut self, below: usize) -> usize {
        // xorshift64*
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let x = self.0.wrapping_mul(0x2545_f491_4f6c_dd1d);
        usize::try_from(x >> 33).unwrap_or(0) % below.max(1)
    }
}

fn caseworker(db: &Db, email: &str) -> anyhow::Result<String> {
    let email = EmailAddress::parse(email).map_err(|e| anyhow::anyhow!("{email}: {e}"))?;
    if let Some(row) = db.run_sync(|c| accounts::by_email(c, &email))? {
        return Ok(row.id);
    }
    let token = format!("synthetic-{}", new_id());
    let id = db.run_sync(|c| {
        accounts::create_link(c, &token, TokenPurpose::Invite, Some(&email), &[Role::Caseworker], Duration::hours(1))?;
        // Not a password hash: these accounts cannot sign in.
        accounts::create_account_from_link(c, &token, &email, "!synthetic", "en")
    })?;
    Ok(id)
}

/// Makes `spec.caseworkers` caseworkers and `spec.teams` teams (reused when they exist), then
/// `spec.inquiries` inquiries in batches.
pub fn generate(db: &Db, vault: &Vault, languages: &[Lang], spec: &Spec) -> anyhow::Result<Generated> {
    let mut staff = Vec::new();
    for i in 1..=spec.caseworkers.max(1) {
        staff.push(caseworker(db, &format!("caseworker{i}@synthetic.invalid"))?);
    }
    let member = match &spec.member {
        None => None,
        Some(email) => Some(
            db.run_sync(|c| accounts::by_email(c, email))?
                .with_context(|| format!("--member: there is no account {email}"))?
                .id,
        ),
    };
    let actor = staff.first().cloned().unwrap_or_default();
    let mut team_ids = Vec::new();
    let existing = db.run_sync(teams::names)?;
    for i in 0..spec.teams {
        let name = format!("Synthetic team {}", i + 1);
        let id = match existing.iter().find(|(_, n)| *n == name) {
            Some((id, _)) => id.clone(),
            None => db.run_sync(|c| teams::create(c, &name, &actor)).map_err(|e| anyhow::anyhow!("{name}: {e}"))?,
        };
        let mut members: Vec<String> =
            staff.iter().enumerate().filter(|(j, _)| j % spec.teams == i).map(|(_, s)| s.clone()).collect();
        if let Some(m) = member.as_ref().filter(|_| i < 2) {
            members.push(m.clone());
        }
        let input = TeamInput { name: name.clone(), is_default: i == 0, members, ..Default::default() };
        db.run_sync(|c| teams::update(c, &id, &input, &actor)).map_err(|e| anyhow::anyhow!("{name}: {e}"))?;
        team_ids.push(id);
    }
    let default = languages.first().map_or("en", Lang::as_str).to_owned();
    let topics: Vec<String> =
        db.run_sync(|c| content::list_topics(c, &default, &default))?.into_iter().map(|t| t.slug).collect();
    let mut assignees = staff.clone();
    assignees.extend(member.clone());
    let mut spread = Spread(0x9e37_79b9_7f4a_7c15);
    let at = now();
    let mut made = 0;
    while made < spec.inquiries {
        let n = BATCH.min(spec.inquiries - made);
        let mut items = Vec::with_capacity(n);
        for k in made..made + n {
            items.push(one(&mut spread, k, at, &team_ids, &topics, languages, &assignees)?);
        }
        made += db.run_sync(|c| inquiries::insert_many(c, vault, items))?;
    }
    // What the server's housekeeping would do next: statistics for the new rows.
    db.run_sync(crate::db::optimize)?;
    Ok(Generated { inquiries: made, teams: team_ids.len(), caseworkers: staff.len() })
}

fn one(
    spread: &mut Spread,
    k: usize,
    at: time::PrimitiveDateTime,
    team_ids: &[String],
    topics: &[String],
    languages: &[Lang],
    assignees: &[String],
) -> anyhow::Result<StoredInquiry> {
    let id = new_id();
    let status = match spread.next(20) {
        0..=7 => InquiryStatus::New,
        8..=12 => InquiryStatus::InProgress,
        13..=15 => InquiryStatus::Answered,
        _ => InquiryStatus::Closed,
    };
    // Spread over the last year, a few minutes apart, newest last.
    let created = at - Duration::minutes(i64::try_from(k).unwrap_or(0) % 525_600) - Duration::seconds(1);
    let handled = status != InquiryStatus::New;
    let assigned =
        (handled || spread.next(10) == 0).then(|| assignees.get(spread.next(assignees.len())).cloned()).flatten();
    let lang = languages.get(spread.next(languages.len())).map_or_else(|| "en".to_owned(), ToString::to_string);
    // One in eight has no team (sent before teams existed, or with no rule matching).
    let team = (spread.next(8) != 0).then(|| team_ids.get(spread.next(team_ids.len())).cloned()).flatten();
    let topic = (spread.next(10) != 0).then(|| topics.get(spread.next(topics.len())).cloned()).flatten();
    let reference_bytes: [u8; 10] = crate::crypto::os_random()?;
    let reference = format!("HW-{}", &ReceiptCode::from_bytes(&reference_bytes).canonical()[..8]);
    let row = InquiryRow {
        reference,
        receipt_hash: format!("synthetic-receipt-{id}"),
        form_nonce_hash: format!("synthetic-nonce-{id}"),
        submission_hash: format!("synthetic-submission-{id}"),
        topic_slug: topic.or_else(|| Some("other".to_owned())),
        lang: lang.clone(),
        answer_lang: lang,
        contact_method: "email".to_owned(),
        name_enc: None,
        email_enc: None,
        phone_enc: None,
        status: status.as_str().to_owned(),
        created_at: created,
        updated_at: created,
        closed_at: (status == InquiryStatus::Closed).then(|| created + Duration::days(5)),
        assigned_to: assigned,
        acknowledged_at: handled.then(|| created + Duration::hours(20)),
        answered_at: matches!(status, InquiryStatus::Answered | InquiryStatus::Closed)
            .then(|| created + Duration::days(3)),
        safeguarding: spread.next(100) == 0,
        content_gap: None,
        team_id: team,
        region_slug: None,
        id,
    };
    Ok(StoredInquiry {
        name: Some(format!("Person {k}")),
        email: Some(format!("person{k}@example.org")),
        phone: None,
        message: format!("Synthetic question number {k}: how do I get my documents back?"),
        row,
    })
}

// Hand-kept schema in types both backends share; the migrations in
// migrations/sqlite and migrations/postgres must produce exactly this.

diesel::table! {
    staff_users (id) {
        id -> Text,
        email -> Text,
        email_normalized -> Text,
        password_hash -> Text,
        disabled -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        language -> Text,
        totp_secret_enc -> Nullable<Binary>,
        totp_last_step -> Nullable<BigInt>,
        digest_sent_on -> Nullable<Date>,
    }
}

diesel::table! {
    staff_sessions (id) {
        id -> Text,
        token_hash -> Text,
        user_id -> Text,
        stage -> Text,
        created_at -> Timestamp,
        last_seen_at -> Timestamp,
        expires_at -> Timestamp,
    }
}

diesel::table! {
    recovery_codes (id) {
        id -> Text,
        user_id -> Text,
        code_hash -> Text,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    staff_roles (user_id, role) {
        user_id -> Text,
        role -> Text,
    }
}

diesel::table! {
    account_tokens (id) {
        id -> Text,
        token_hash -> Text,
        purpose -> Text,
        email -> Nullable<Text>,
        roles -> Text,
        created_at -> Timestamp,
        expires_at -> Timestamp,
        used_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    topics (id) {
        id -> Text,
        slug -> Text,
        position -> Integer,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    topic_translations (topic_id, lang) {
        topic_id -> Text,
        lang -> Text,
        title -> Text,
        summary -> Text,
    }
}

diesel::table! {
    guides (id) {
        id -> Text,
        slug -> Text,
        topic_id -> Text,
        position -> Integer,
        published -> Bool,
        review_by -> Date,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        withdrawn_at -> Nullable<Timestamp>,
        replaced_by -> Nullable<Text>,
    }
}

diesel::table! {
    guide_translations (id) {
        id -> Text,
        guide_id -> Text,
        lang -> Text,
        title -> Text,
        summary -> Text,
        body_md -> Text,
        body_html -> Text,
        toc_json -> Text,
        plain_text -> Text,
        search_title -> Text,
        search_body -> Text,
        change_note -> Text,
        major_updated_at -> Timestamp,
        updated_at -> Timestamp,
        revision -> Integer,
        major_revision -> Integer,
        based_on_major -> Integer,
    }
}

diesel::table! {
    guide_revisions (id) {
        id -> Text,
        guide_id -> Text,
        lang -> Text,
        revision -> Integer,
        title -> Text,
        summary -> Text,
        body_md -> Text,
        change_note -> Text,
        major -> Bool,
        author_id -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    feedback (id) {
        id -> Text,
        guide_id -> Text,
        lang -> Text,
        useful -> Bool,
        /// Left from before comments were sealed; emptied at start-up.
        comment -> Nullable<Text>,
        created_at -> Timestamp,
        comment_enc -> Nullable<Binary>,
    }
}

diesel::table! {
    content_state (id) {
        id -> Integer,
        version -> BigInt,
        changed_at -> Timestamp,
    }
}

diesel::table! {
    search_misses (id) {
        id -> Text,
        lang -> Text,
        terms_enc -> Binary,
        hits -> BigInt,
        readers -> BigInt,
        last_seen -> Date,
    }
}

diesel::table! {
    search_miss_readers (miss_id, day, reader) {
        miss_id -> Text,
        day -> Date,
        reader -> Text,
    }
}

diesel::table! {
    site_settings (key) {
        key -> Text,
        value -> Text,
        updated_at -> Timestamp,
        updated_by -> Nullable<Text>,
    }
}

diesel::table! {
    regions (slug) {
        slug -> Text,
        position -> Integer,
    }
}

diesel::table! {
    region_translations (region_slug, lang) {
        region_slug -> Text,
        lang -> Text,
        name -> Text,
    }
}

diesel::table! {
    services (id) {
        id -> Text,
        slug -> Text,
        kind -> Text,
        topics -> Text,
        region_slug -> Text,
        address -> Text,
        phone -> Text,
        email -> Nullable<Text>,
        website -> Nullable<Text>,
        languages -> Text,
        latitude -> Nullable<Double>,
        longitude -> Nullable<Double>,
        last_checked -> Date,
        published -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        version -> Integer,
    }
}

diesel::table! {
    service_translations (service_id, lang) {
        service_id -> Text,
        lang -> Text,
        name -> Text,
        description -> Text,
        hours -> Text,
        accessibility -> Nullable<Text>,
    }
}

diesel::table! {
    data_keys (id) {
        id -> Text,
        wrapped_key -> Binary,
        created_at -> Timestamp,
    }
}

diesel::table! {
    inquiries (id) {
        id -> Text,
        reference -> Text,
        receipt_hash -> Text,
        form_nonce_hash -> Text,
        submission_hash -> Text,
        topic_slug -> Nullable<Text>,
        lang -> Text,
        answer_lang -> Text,
        contact_method -> Text,
        name_enc -> Nullable<Binary>,
        email_enc -> Nullable<Binary>,
        phone_enc -> Nullable<Binary>,
        status -> Text,
        created_at -> Timestamp,
        updated_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
        assigned_to -> Nullable<Text>,
        acknowledged_at -> Nullable<Timestamp>,
        answered_at -> Nullable<Timestamp>,
        safeguarding -> Bool,
        content_gap -> Nullable<Text>,
        team_id -> Nullable<Text>,
        region_slug -> Nullable<Text>,
    }
}

diesel::table! {
    service_revisions (id) {
        id -> Text,
        service_id -> Text,
        author_id -> Nullable<Text>,
        body -> Text,
        created_at -> Timestamp,
    }
}

diesel::table! {
    teams (id) {
        id -> Text,
        name -> Text,
        notify_email -> Nullable<Text>,
        languages -> Text,
        show_publicly -> Bool,
        position -> Integer,
        is_default -> Bool,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    team_public_names (team_id, lang) {
        team_id -> Text,
        lang -> Text,
        name -> Text,
    }
}

diesel::table! {
    team_rules (id) {
        id -> Text,
        team_id -> Text,
        topic_slug -> Nullable<Text>,
        region_slug -> Nullable<Text>,
        lang -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    team_members (team_id, staff_id) {
        team_id -> Text,
        staff_id -> Text,
        lead -> Bool,
    }
}

diesel::table! {
    inquiry_notes (id) {
        id -> Text,
        inquiry_id -> Text,
        staff_id -> Nullable<Text>,
        body_enc -> Binary,
        created_at -> Timestamp,
    }
}

diesel::table! {
    canned_replies (id) {
        id -> Text,
        lang -> Text,
        title -> Text,
        body -> Text,
        guide_slug -> Nullable<Text>,
        created_at -> Timestamp,
        updated_at -> Timestamp,
    }
}

diesel::table! {
    audit_log (seq) {
        seq -> BigInt,
        at -> Timestamp,
        actor_id -> Nullable<Text>,
        action -> Text,
        record_type -> Text,
        record_id -> Nullable<Text>,
        detail -> Text,
        prev_hash -> Text,
        hash -> Text,
        chain_version -> Integer,
    }
}

diesel::table! {
    inquiry_messages (id) {
        id -> Text,
        inquiry_id -> Text,
        author -> Text,
        staff_id -> Nullable<Text>,
        body_enc -> Binary,
        dedupe_hash -> Nullable<Text>,
        created_at -> Timestamp,
    }
}

diesel::table! {
    inquiry_tombstones (id) {
        id -> Text,
        reference -> Text,
        topic_slug -> Nullable<Text>,
        lang -> Text,
        outcome -> Text,
        created_at -> Timestamp,
        closed_at -> Nullable<Timestamp>,
        purged_at -> Timestamp,
    }
}

diesel::table! {
    outbox (id) {
        id -> Text,
        event_key -> Text,
        kind -> Text,
        message_id -> Text,
        recipient_enc -> Nullable<Binary>,
        content_enc -> Nullable<Binary>,
        inquiry_id -> Nullable<Text>,
        status -> Text,
        attempts -> Integer,
        next_attempt_at -> Timestamp,
        last_error -> Nullable<Text>,
        claimed_by -> Nullable<Text>,
        claimed_at -> Nullable<Timestamp>,
        created_at -> Timestamp,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::joinable!(inquiry_messages -> inquiries (inquiry_id));
diesel::joinable!(staff_roles -> staff_users (user_id));
diesel::joinable!(staff_sessions -> staff_users (user_id));
diesel::joinable!(service_translations -> services (service_id));
diesel::joinable!(services -> regions (region_slug));
diesel::joinable!(inquiry_notes -> inquiries (inquiry_id));
diesel::joinable!(topic_translations -> topics (topic_id));
diesel::joinable!(guides -> topics (topic_id));
diesel::joinable!(guide_translations -> guides (guide_id));
diesel::joinable!(guide_revisions -> guides (guide_id));
diesel::joinable!(feedback -> guides (guide_id));
diesel::joinable!(service_revisions -> services (service_id));
diesel::joinable!(team_public_names -> teams (team_id));
diesel::joinable!(team_rules -> teams (team_id));
diesel::joinable!(team_members -> teams (team_id));
diesel::joinable!(team_members -> staff_users (staff_id));
diesel::allow_tables_to_appear_in_same_query!(
    staff_users,
    staff_roles,
    account_tokens,
    topics,
    topic_translations,
    guides,
    guide_translations,
    guide_revisions,
    feedback,
    content_state,
    data_keys,
    inquiries,
    inquiry_messages,
    inquiry_tombstones,
    outbox,
    staff_sessions,
    recovery_codes,
    inquiry_notes,
    canned_replies,
    audit_log,
    search_misses,
    search_miss_readers,
    site_settings,
    regions,
    region_translations,
    services,
    service_translations,
    service_revisions,
    teams,
    team_public_names,
    team_rules,
    team_members,
);

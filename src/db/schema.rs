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

diesel::joinable!(staff_roles -> staff_users (user_id));
diesel::allow_tables_to_appear_in_same_query!(staff_users, staff_roles, account_tokens);

/// Every table, for the schema smoke test.
pub const ALL_TABLES: &[&str] = &["staff_users", "staff_roles", "account_tokens"];

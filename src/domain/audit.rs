//! What the audit log records: a closed list of actions, each with the stable name
//! stored in the log (and matched by the log's filter), so no action is a loose string.

/// One kind of thing a person (or the system) did that the audit log keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum AuditAction {
    AccountCreate,
    AccountInvite,
    AccountPasswordChange,
    AccountPasswordReset,
    AccountPasswordResetRequested,
    AccountRoles,
    AccountDisable,
    AccountEnable,
    AccountTwoFactorEnabled,
    AccountTwoFactorDisabled,
    AccountTwoFactorReset,
    AuthSecondFactorFailed,
    AuthSignIn,
    AuthSignInFailed,
    AuthSignOut,
    AuthSignOutEverywhere,
    CannedReplyCreate,
    CannedReplyDelete,
    ContentGuideCreate,
    ContentGuideSettings,
    ContentReviewConfirmed,
    ContentSave,
    ContentRollback,
    ContentPublish,
    ContentUnpublish,
    ContentTopicCreate,
    ContentTopicUpdate,
    InquiriesExportCsv,
    InquiryAccessDenied,
    InquiryContentGap,
    InquiryErase,
    InquiryExport,
    InquiryHandover,
    InquiryNote,
    InquiryReply,
    InquiryStatus,
    InquiryView,
    InquiryAssign,
    InquiryUnassign,
    InquirySafeguardingRaise,
    InquirySafeguardingClear,
    OutboxRetry,
    ServiceChecked,
    ServiceCreate,
    ServiceUpdate,
    ServiceRestore,
    ServicePublish,
    ServiceUnpublish,
    SettingsChange,
    TeamCreate,
    TeamDelete,
    TeamReorder,
    TeamRuleAdd,
    TeamRuleRemove,
    TeamUpdate,
}

impl AuditAction {
    /// Every action, for the log's filter and the tests.
    pub const ALL: &'static [AuditAction] = &[
        AuditAction::AccountCreate,
        AuditAction::AccountInvite,
        AuditAction::AccountPasswordChange,
        AuditAction::AccountPasswordReset,
        AuditAction::AccountPasswordResetRequested,
        AuditAction::AccountRoles,
        AuditAction::AccountDisable,
        AuditAction::AccountEnable,
        AuditAction::AccountTwoFactorEnabled,
        AuditAction::AccountTwoFactorDisabled,
        AuditAction::AccountTwoFactorReset,
        AuditAction::AuthSecondFactorFailed,
        AuditAction::AuthSignIn,
        AuditAction::AuthSignInFailed,
        AuditAction::AuthSignOut,
        AuditAction::AuthSignOutEverywhere,
        AuditAction::CannedReplyCreate,
        AuditAction::CannedReplyDelete,
        AuditAction::ContentGuideCreate,
        AuditAction::ContentGuideSettings,
        AuditAction::ContentReviewConfirmed,
        AuditAction::ContentSave,
        AuditAction::ContentRollback,
        AuditAction::ContentPublish,
        AuditAction::ContentUnpublish,
        AuditAction::ContentTopicCreate,
        AuditAction::ContentTopicUpdate,
        AuditAction::InquiriesExportCsv,
        AuditAction::InquiryAccessDenied,
        AuditAction::InquiryContentGap,
        AuditAction::InquiryErase,
        AuditAction::InquiryExport,
        AuditAction::InquiryHandover,
        AuditAction::InquiryNote,
        AuditAction::InquiryReply,
        AuditAction::InquiryStatus,
        AuditAction::InquiryView,
        AuditAction::InquiryAssign,
        AuditAction::InquiryUnassign,
        AuditAction::InquirySafeguardingRaise,
        AuditAction::InquirySafeguardingClear,
        AuditAction::OutboxRetry,
        AuditAction::ServiceChecked,
        AuditAction::ServiceCreate,
        AuditAction::ServiceUpdate,
        AuditAction::ServiceRestore,
        AuditAction::ServicePublish,
        AuditAction::ServiceUnpublish,
        AuditAction::SettingsChange,
        AuditAction::TeamCreate,
        AuditAction::TeamDelete,
        AuditAction::TeamReorder,
        AuditAction::TeamRuleAdd,
        AuditAction::TeamRuleRemove,
        AuditAction::TeamUpdate,
    ];

    /// The name stored in the log; never changes once entries carry it.
    pub fn as_str(self) -> &'static str {
        match self {
            AuditAction::AccountCreate => "account.create",
            AuditAction::AccountInvite => "account.invite",
            AuditAction::AccountPasswordChange => "account.password_change",
            AuditAction::AccountPasswordReset => "account.password_reset",
            AuditAction::AccountPasswordResetRequested => "account.password_reset_requested",
            AuditAction::AccountRoles => "account.roles",
            AuditAction::AccountDisable => "account.disable",
            AuditAction::AccountEnable => "account.enable",
            AuditAction::AccountTwoFactorEnabled => "account.2fa_enabled",
            AuditAction::AccountTwoFactorDisabled => "account.2fa_disabled",
            AuditAction::AccountTwoFactorReset => "account.2fa_reset",
            AuditAction::AuthSecondFactorFailed => "auth.second_factor_failed",
            AuditAction::AuthSignIn => "auth.sign_in",
            AuditAction::AuthSignInFailed => "auth.sign_in_failed",
            AuditAction::AuthSignOut => "auth.sign_out",
            AuditAction::AuthSignOutEverywhere => "auth.sign_out_everywhere",
            AuditAction::CannedReplyCreate => "canned_reply.create",
            AuditAction::CannedReplyDelete => "canned_reply.delete",
            AuditAction::ContentGuideCreate => "content.guide_create",
            AuditAction::ContentGuideSettings => "content.guide_settings",
            AuditAction::ContentReviewConfirmed => "content.review_confirmed",
            AuditAction::ContentSave => "content.save",
            AuditAction::ContentRollback => "content.rollback",
            AuditAction::ContentPublish => "content.publish",
            AuditAction::ContentUnpublish => "content.unpublish",
            AuditAction::ContentTopicCreate => "content.topic_create",
            AuditAction::ContentTopicUpdate => "content.topic_update",
            AuditAction::InquiriesExportCsv => "inquiries.export_csv",
            AuditAction::InquiryAccessDenied => "inquiry.access_denied",
            AuditAction::InquiryContentGap => "inquiry.content_gap",
            AuditAction::InquiryErase => "inquiry.erase",
            AuditAction::InquiryExport => "inquiry.export",
            AuditAction::InquiryHandover => "inquiry.handover",
            AuditAction::InquiryNote => "inquiry.note",
            AuditAction::InquiryReply => "inquiry.reply",
            AuditAction::InquiryStatus => "inquiry.status",
            AuditAction::InquiryView => "inquiry.view",
            AuditAction::InquiryAssign => "inquiry.assign",
            AuditAction::InquiryUnassign => "inquiry.unassign",
            AuditAction::InquirySafeguardingRaise => "inquiry.safeguarding_raise",
            AuditAction::InquirySafeguardingClear => "inquiry.safeguarding_clear",
            AuditAction::OutboxRetry => "outbox.retry",
            AuditAction::ServiceChecked => "service.checked",
            AuditAction::ServiceCreate => "service.create",
            AuditAction::ServiceUpdate => "service.update",
            AuditAction::ServiceRestore => "service.restore",
            AuditAction::ServicePublish => "service.publish",
            AuditAction::ServiceUnpublish => "service.unpublish",
            AuditAction::SettingsChange => "settings.change",
            AuditAction::TeamCreate => "team.create",
            AuditAction::TeamDelete => "team.delete",
            AuditAction::TeamReorder => "team.reorder",
            AuditAction::TeamRuleAdd => "team.rule_add",
            AuditAction::TeamRuleRemove => "team.rule_remove",
            AuditAction::TeamUpdate => "team.update",
        }
    }

    /// The action with this stored name.
    pub fn parse(name: &str) -> Option<AuditAction> {
        AuditAction::ALL.iter().copied().find(|a| a.as_str() == name)
    }
}

impl std::fmt::Display for AuditAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::AuditAction;

    #[test]
    fn every_action_has_its_own_stored_name() {
        let mut names: Vec<&str> = AuditAction::ALL.iter().map(|a| a.as_str()).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), AuditAction::ALL.len());
        for a in AuditAction::ALL {
            assert_eq!(AuditAction::parse(a.as_str()), Some(*a));
        }
        assert_eq!(AuditAction::parse("inquiry.nothing"), None);
    }
}

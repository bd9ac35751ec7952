//! Need to know between teams: which inquiries a caseworker may see and act on.
//! Members see their own teams' inquiries; a lead sees every team's and those of no team.

/// The inquiries one caseworker may see and act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// A lead (of any team), or no team exists yet: one shared queue, nothing to keep apart.
    Everything,
    /// The inquiries of these teams only (none, for a caseworker in no team).
    Teams(Vec<String>),
}

impl Scope {
    /// `lead`: a lead flag on any of their memberships; `teams_exist`: whether any team exists.
    pub fn new(lead: bool, teams_exist: bool, own_teams: Vec<String>) -> Scope {
        if lead || !teams_exist { Scope::Everything } else { Scope::Teams(own_teams) }
    }

    /// Whether an inquiry with this (existing) team may be seen; `None`: it has no team
    /// (never routed, or its team was deleted), which only leads see once teams exist.
    pub fn allows(&self, team: Option<&str>) -> bool {
        match (self, team) {
            (Scope::Everything, _) => true,
            (Scope::Teams(own), Some(team)) => own.iter().any(|t| t == team),
            (Scope::Teams(_), None) => false,
        }
    }

    /// Whether every team's inquiries are visible (the queue then offers every team).
    pub fn is_everything(&self) -> bool {
        matches!(self, Scope::Everything)
    }
}

#[cfg(test)]
mod tests {
    use super::Scope;

    #[test]
    fn members_see_their_own_teams_and_leads_see_all() {
        let member = Scope::new(false, true, vec!["a".into()]);
        assert!(member.allows(Some("a")));
        assert!(!member.allows(Some("b")));
        assert!(!member.allows(None), "no team: only for leads");
        let lead = Scope::new(true, true, vec!["a".into()]);
        assert!(lead.allows(Some("b")) && lead.allows(None));
        let outsider = Scope::new(false, true, Vec::new());
        assert!(!outsider.allows(Some("a")) && !outsider.allows(None));
    }

    #[test]
    fn before_any_team_exists_everyone_shares_one_queue() {
        let scope = Scope::new(false, false, Vec::new());
        assert_eq!(scope, Scope::Everything);
        assert!(scope.allows(None));
    }
}

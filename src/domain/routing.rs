//! Which team a new inquiry goes to. Teams are tried in their order; the first
//! one with a matching rule takes the inquiry, else the default team, else none.

/// One routing rule: each field that is set must equal the inquiry's; an unset field matches anything.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rule {
    pub topic: Option<String>,
    pub region: Option<String>,
    pub lang: Option<String>,
}

impl Rule {
    /// A rule must say something; "everything else" is what the default team is for.
    pub fn is_empty(&self) -> bool {
        self.topic.is_none() && self.region.is_none() && self.lang.is_none()
    }

    pub fn matches(&self, inquiry: &Inquiry<'_>) -> bool {
        fn field(rule: &Option<String>, value: Option<&str>) -> bool {
            rule.as_deref().is_none_or(|r| value == Some(r))
        }
        !self.is_empty()
            && field(&self.topic, inquiry.topic)
            && field(&self.region, inquiry.region)
            && field(&self.lang, Some(inquiry.lang))
    }
}

/// A team as routing sees it.
#[derive(Debug, Clone)]
pub struct Team {
    pub id: String,
    pub position: i32,
    pub is_default: bool,
    pub rules: Vec<Rule>,
}

/// What routing looks at: the topic and region the inquirer chose, and the language they want the answer in.
#[derive(Debug, Clone, Copy)]
pub struct Inquiry<'a> {
    pub topic: Option<&'a str>,
    pub region: Option<&'a str>,
    pub lang: &'a str,
}

/// The id of the team that takes the inquiry, if any.
pub fn route<'t>(teams: &'t [Team], inquiry: &Inquiry<'_>) -> Option<&'t str> {
    // A stable sort: teams with the same position keep the order they are listed in (the admin page's order).
    let mut ordered: Vec<&Team> = teams.iter().collect();
    ordered.sort_by_key(|t| t.position);
    ordered
        .iter()
        .find(|t| t.rules.iter().any(|r| r.matches(inquiry)))
        .or_else(|| ordered.iter().find(|t| t.is_default))
        .map(|t| t.id.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rule(topic: Option<&str>, region: Option<&str>, lang: Option<&str>) -> Rule {
        Rule { topic: topic.map(Into::into), region: region.map(Into::into), lang: lang.map(Into::into) }
    }

    fn team(id: &str, position: i32, is_default: bool, rules: Vec<Rule>) -> Team {
        Team { id: id.into(), position, is_default, rules }
    }

    fn ask<'a>(topic: Option<&'a str>, region: Option<&'a str>, lang: &'a str) -> Inquiry<'a> {
        Inquiry { topic, region, lang }
    }

    #[test]
    fn each_field_matches_alone_and_together() {
        let teams = vec![
            team("legal-north", 1, false, vec![rule(Some("legal"), Some("north"), None)]),
            team("legal", 2, false, vec![rule(Some("legal"), None, None)]),
            team("south", 3, false, vec![rule(None, Some("south"), None)]),
            team("armenian", 4, false, vec![rule(None, None, Some("hy"))]),
        ];
        assert_eq!(route(&teams, &ask(Some("legal"), Some("north"), "en")), Some("legal-north"));
        assert_eq!(route(&teams, &ask(Some("legal"), Some("south"), "en")), Some("legal"));
        assert_eq!(route(&teams, &ask(Some("health"), Some("south"), "hy")), Some("south"));
        assert_eq!(route(&teams, &ask(Some("health"), None, "hy")), Some("armenian"));
        assert_eq!(route(&teams, &ask(None, None, "ru")), None);
    }

    #[test]
    fn the_first_team_in_order_wins_whatever_order_they_come_in() {
        let teams = vec![
            team("second", 2, false, vec![rule(None, None, Some("ru"))]),
            team("first", 1, false, vec![rule(Some("housing"), None, None), rule(None, None, Some("ru"))]),
        ];
        assert_eq!(route(&teams, &ask(Some("legal"), None, "ru")), Some("first"));
    }

    #[test]
    fn the_default_team_takes_what_no_rule_matches_and_empty_rules_match_nothing() {
        let teams = vec![
            team("general", 9, true, vec![]),
            team("empty", 1, false, vec![Rule::default()]),
            team("legal", 2, false, vec![rule(Some("legal"), None, None)]),
        ];
        assert_eq!(route(&teams, &ask(Some("health"), None, "en")), Some("general"));
        assert_eq!(route(&teams, &ask(Some("legal"), None, "en")), Some("legal"));
        // A rule on a region does not match an inquiry that gave no region.
        let teams = vec![team("north", 1, false, vec![rule(None, Some("north"), None)])];
        assert_eq!(route(&teams, &ask(None, None, "en")), None);
    }
}

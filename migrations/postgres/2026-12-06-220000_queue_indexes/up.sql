-- The staff queue at 100,000 inquiries. Its order (new first, then unassigned, then
-- oldest) as an index on the same expressions, with every filter column after it, so a
-- page reads its 25 ids in order from the index alone instead of sorting every match; and
-- the filter columns after the team (the need-to-know scope), so counting a team's matches
-- (or sorting them) stays inside an index too.
CREATE INDEX inquiries_queue ON inquiries (
    (status = 'new') DESC, (assigned_to IS NULL) DESC, created_at, id,
    team_id, status, answer_lang, topic_slug, assigned_to, acknowledged_at, answered_at
);
DROP INDEX inquiries_team;
CREATE INDEX inquiries_team_filters ON inquiries (team_id, status, answer_lang, topic_slug, assigned_to, created_at, id);
CREATE INDEX inquiries_lang_filters ON inquiries (answer_lang, status, topic_slug, assigned_to, team_id);
-- "Overdue" reads the dates too.
CREATE INDEX inquiries_lateness ON inquiries (status, created_at, acknowledged_at, answered_at, team_id);

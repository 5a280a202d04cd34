-- The funnel is now counted once per call (call_stats_counts, dimension 'funnel'),
-- so a call that dialled several targets is one request. Until now every call
-- counted for exactly one target, so the per-target sums are the per-call counts.
INSERT INTO "call_stats_counts" ("page_id", "plugin_id", "dimension", "value", "count")
SELECT t."page_id", t."plugin_id", 'funnel', step."value", step."count"
FROM (
  SELECT "page_id", "plugin_id", sum("calls")::int AS requested, sum("member_answered")::int AS member_answered,
    sum("heard_message")::int AS heard_message, sum("pressed_one")::int AS pressed_one,
    sum("target_answered")::int AS target_answered, sum("talked_over_30")::int AS talked_over_30
  FROM "call_stats_targets" GROUP BY "page_id", "plugin_id"
) t
CROSS JOIN LATERAL (VALUES ('requested', t.requested), ('memberAnswered', t.member_answered), ('heardMessage', t.heard_message),
  ('pressedOne', t.pressed_one), ('targetAnswered', t.target_answered), ('talkedOver30', t.talked_over_30)) AS step("value", "count")
WHERE step."count" > 0
ON CONFLICT ("page_id", "plugin_id", "dimension", "value") DO NOTHING;

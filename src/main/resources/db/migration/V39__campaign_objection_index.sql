SET lock_timeout = '5s';
-- a campaign's objections, listed and checked for unanswered ones at closing
create index concurrently campaign_objection_campaign on campaign_objection (campaign_id, created_at);

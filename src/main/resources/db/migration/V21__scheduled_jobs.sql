-- Scheduled jobs run on every replica's timer, but only one replica runs each due run: the one that
-- moves last_run_at forward (see cn.zhibu.platform.db.ClusterJobs).
create table scheduled_job (
    name        text primary key check (length(name) between 1 and 100),
    last_run_at timestamptz not null,
    run_by      text not null check (length(run_by) between 1 and 200)
);

// Meridian's small schema on every server it manages: the attempts it applied there (fences and
// promotions, with their tokens and epochs) and the probe writes that verify a new primary. It is
// written on the writer and streams to the standbys with everything else, so any server that
// answers tells the newest token its cluster's writer recorded; `meridian.apply` refuses a token
// older than that, on the server itself.
export const MERIDIAN_SCHEMA = `
  create schema if not exists meridian;
  create table if not exists meridian.applied (
    token bigint primary key,
    action text not null,
    replica text not null,
    epoch integer,
    applied_at timestamptz not null default now()
  );
  create table if not exists meridian.probe (
    id bigserial primary key,
    written_at timestamptz not null default now()
  );
  create or replace function meridian.apply(p_token bigint, p_action text, p_replica text, p_epoch integer)
  returns bigint language plpgsql as $$
  declare newest bigint;
  begin
    lock table meridian.applied in exclusive mode;
    select coalesce(max(token), 0) into newest from meridian.applied;
    if p_token < newest then
      raise exception 'attempt token % refused: this server already applied token %', p_token, newest
        using errcode = 'MRD01';
    end if;
    insert into meridian.applied (token, action, replica, epoch) values (p_token, p_action, p_replica, p_epoch)
      on conflict (token) do nothing;
    return p_token;
  end $$;
`;

/** The SQLSTATE meridian.apply raises for a stale token. */
export const STALE_TOKEN_SQLSTATE = "MRD01";

-- Cluster membership (the extended Orleans membership protocol): one version row per cluster,
-- bumped by every change, so silos update the table with optimistic concurrency.
CREATE TABLE orleans_membership_version
(
    deployment_id varchar(150)   PRIMARY KEY,
    changed_at    timestamptz(3) NOT NULL DEFAULT now(),
    version       integer        NOT NULL DEFAULT 0
);

CREATE TABLE orleans_membership
(
    deployment_id   varchar(150)   NOT NULL REFERENCES orleans_membership_version (deployment_id),
    address         varchar(45)    NOT NULL,
    port            integer        NOT NULL,
    generation      integer        NOT NULL,
    silo_name       varchar(150)   NOT NULL,
    host_name       varchar(150)   NOT NULL,
    status          integer        NOT NULL,
    proxy_port      integer,
    suspect_times   varchar(8000),
    start_time      timestamptz(3) NOT NULL,
    i_am_alive_time timestamptz(3) NOT NULL,
    PRIMARY KEY (deployment_id, address, port, generation)
);

-- Adds a silo's row and bumps the version, both or neither; 1 when it happened, 0 when the
-- row existed or the caller's version was stale (Orleans then re-reads and tries again).
CREATE FUNCTION wallet_membership_insert(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer, p_silo_name varchar,
    p_host_name varchar, p_status integer, p_proxy_port integer, p_start_time timestamptz, p_i_am_alive_time timestamptz,
    p_version integer)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO orleans_membership (deployment_id, address, port, generation, silo_name, host_name, status, proxy_port, start_time, i_am_alive_time)
    VALUES (p_deployment_id, p_address, p_port, p_generation, p_silo_name, p_host_name, p_status, p_proxy_port, p_start_time, p_i_am_alive_time)
    ON CONFLICT DO NOTHING;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id AND version = p_version;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'stale membership version' USING ERRCODE = 'WM001';
    END IF;
    RETURN 1;
EXCEPTION WHEN SQLSTATE 'WM001' THEN
    RETURN 0;
END
$$;

-- Changes a silo's status and suspicions under the same optimistic version check.
CREATE FUNCTION wallet_membership_update(
    p_deployment_id varchar, p_address varchar, p_port integer, p_generation integer, p_status integer,
    p_suspect_times varchar, p_i_am_alive_time timestamptz, p_version integer)
RETURNS integer LANGUAGE plpgsql AS $$
BEGIN
    UPDATE orleans_membership_version SET version = version + 1, changed_at = now()
    WHERE deployment_id = p_deployment_id AND version = p_version;
    IF NOT FOUND THEN
        RETURN 0;
    END IF;
    UPDATE orleans_membership SET status = p_status, suspect_times = p_suspect_times, i_am_alive_time = p_i_am_alive_time
    WHERE deployment_id = p_deployment_id AND address = p_address AND port = p_port AND generation = p_generation;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no such silo' USING ERRCODE = 'WM002';
    END IF;
    RETURN 1;
EXCEPTION WHEN SQLSTATE 'WM002' THEN
    RETURN 0;
END
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('InsertMembershipVersionKey', '
    WITH inserted AS (
        INSERT INTO orleans_membership_version (deployment_id) VALUES (@DeploymentId)
        ON CONFLICT DO NOTHING RETURNING 1)
    SELECT count(*)::integer FROM inserted'),
('InsertMembershipKey', '
    SELECT wallet_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName, @Status,
        @ProxyPort, @StartTime, @IAmAliveTime, @Version)'),
('UpdateMembershipKey', '
    SELECT wallet_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status, @SuspectTimes,
        @IAmAliveTime, @Version)'),
('UpdateIAmAlivetimeKey', '
    UPDATE orleans_membership SET i_am_alive_time = @IAmAliveTime
    WHERE deployment_id = @DeploymentId AND address = @Address AND port = @Port AND generation = @Generation'),
('MembershipReadRowKey', '
    SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
           m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
           m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime, v.version AS Version
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
        AND m.address = @Address AND m.port = @Port AND m.generation = @Generation
    WHERE v.deployment_id = @DeploymentId'),
('MembershipReadAllKey', '
    SELECT v.deployment_id AS DeploymentId, m.address AS Address, m.port AS Port, m.generation AS Generation,
           m.silo_name AS SiloName, m.host_name AS HostName, m.status AS Status, m.proxy_port AS ProxyPort,
           m.suspect_times AS SuspectTimes, m.start_time AS StartTime, m.i_am_alive_time AS IAmAliveTime, v.version AS Version
    FROM orleans_membership_version v
    LEFT JOIN orleans_membership m ON m.deployment_id = v.deployment_id
    WHERE v.deployment_id = @DeploymentId'),
('DeleteMembershipTableEntriesKey', '
    DELETE FROM orleans_membership WHERE deployment_id = @DeploymentId;
    DELETE FROM orleans_membership_version WHERE deployment_id = @DeploymentId'),
('GatewaysQueryKey', '
    SELECT address AS Address, proxy_port AS ProxyPort, generation AS Generation
    FROM orleans_membership
    WHERE deployment_id = @DeploymentId AND status = @Status AND proxy_port > 0'),
('CleanupDefunctSiloEntriesKey', '
    DELETE FROM orleans_membership
    WHERE deployment_id = @DeploymentId AND i_am_alive_time < @IAmAliveTime AND status <> 3');

-- Grain state, plain and transactional alike (Orleans keeps transactional state through grain
-- storage). One row per grain and state name, versioned for optimistic concurrency.
CREATE TABLE orleans_grain_state
(
    service_id         varchar(150) NOT NULL,
    grain_type         varchar(512) NOT NULL,
    grain_id_n0        bigint       NOT NULL,
    grain_id_n1        bigint       NOT NULL,
    grain_id_extension varchar(512),
    grain_id_hash      integer      NOT NULL,
    grain_type_hash    integer      NOT NULL,
    payload            bytea,
    version            integer      NOT NULL,
    modified_at        timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT orleans_grain_state_key
        UNIQUE NULLS NOT DISTINCT (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension)
);

-- Writes a grain's state if the caller holds the current version (or none exists yet); returns the
-- new version, or the caller's version unchanged (null for a first write) when someone else won.
CREATE FUNCTION wallet_grain_state_write(
    p_grain_id_hash integer, p_n0 bigint, p_n1 bigint, p_grain_type_hash integer, p_grain_type varchar,
    p_extension varchar, p_service_id varchar, p_version integer, p_payload bytea)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
    written integer;
BEGIN
    IF p_version IS NULL THEN
        INSERT INTO orleans_grain_state (service_id, grain_type, grain_id_n0, grain_id_n1, grain_id_extension,
                                         grain_id_hash, grain_type_hash, payload, version)
        VALUES (p_service_id, p_grain_type, p_n0, p_n1, p_extension, p_grain_id_hash, p_grain_type_hash, p_payload, 1)
        ON CONFLICT ON CONSTRAINT orleans_grain_state_key DO NOTHING
        RETURNING version INTO written;
    ELSE
        UPDATE orleans_grain_state SET payload = p_payload, version = version + 1, modified_at = now()
        WHERE service_id = p_service_id AND grain_type = p_grain_type AND grain_id_n0 = p_n0 AND grain_id_n1 = p_n1
          AND grain_id_extension IS NOT DISTINCT FROM p_extension AND version = p_version
        RETURNING version INTO written;
    END IF;
    RETURN coalesce(written, p_version);
END
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('WriteToStorageKey', '
    SELECT wallet_grain_state_write(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,
        @GrainIdExtensionString, @ServiceId, @GrainStateVersion, @PayloadBinary) AS NewGrainStateVersion'),
('ReadFromStorageKey', '
    SELECT payload AS PayloadBinary, now() AS ReadAt, version AS Version
    FROM orleans_grain_state
    WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1 AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString'),
('ClearStorageKey', '
    UPDATE orleans_grain_state SET payload = NULL, version = version + 1, modified_at = now()
    WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1 AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version AS NewGrainStateVersion'),
('DeleteStorageKey', '
    DELETE FROM orleans_grain_state
    WHERE service_id = @ServiceId AND grain_type = @GrainTypeString AND grain_id_n0 = @GrainIdN0
      AND grain_id_n1 = @GrainIdN1 AND grain_id_extension IS NOT DISTINCT FROM @GrainIdExtensionString
      AND version = @GrainStateVersion
    RETURNING version + 1 AS NewGrainStateVersion');

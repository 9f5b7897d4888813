-- The durable stream provider's queues: one row per queued event batch, taken by a silo's pulling agent
-- for a visibility window, deleted when the consumers have it, moved to dead letters after too many tries
-- or when it expires. A silo that dies holding messages loses nothing: they become visible again.
-- The provider fixes the query names, their parameters and the names of the columns it reads back.
CREATE SEQUENCE orleans_stream_message_ids AS bigint;

CREATE TABLE orleans_stream_messages
(
    service_id  varchar(150)   NOT NULL,
    provider_id varchar(150)   NOT NULL,
    queue_id    varchar(150)   NOT NULL,
    message_id  bigint         NOT NULL,
    dequeued    integer        NOT NULL,
    visible_on  timestamptz(6) NOT NULL,
    expires_on  timestamptz(6) NOT NULL,
    created_on  timestamptz(6) NOT NULL,
    modified_on timestamptz(6) NOT NULL,
    payload     bytea          NOT NULL,
    PRIMARY KEY (service_id, provider_id, queue_id, message_id)
);

CREATE TABLE orleans_stream_dead_letters
(
    service_id  varchar(150)   NOT NULL,
    provider_id varchar(150)   NOT NULL,
    queue_id    varchar(150)   NOT NULL,
    message_id  bigint         NOT NULL,
    dequeued    integer        NOT NULL,
    visible_on  timestamptz(6) NOT NULL,
    expires_on  timestamptz(6) NOT NULL,
    created_on  timestamptz(6) NOT NULL,
    modified_on timestamptz(6) NOT NULL,
    dead_on     timestamptz(6) NOT NULL,
    remove_on   timestamptz(6) NOT NULL,
    payload     bytea,
    PRIMARY KEY (service_id, provider_id, queue_id, message_id)
);

-- When each queue next sweeps expired and exhausted messages; whichever agent moves it forward sweeps.
CREATE TABLE orleans_stream_sweeps
(
    service_id  varchar(150)   NOT NULL,
    provider_id varchar(150)   NOT NULL,
    queue_id    varchar(150)   NOT NULL,
    sweep_on    timestamptz(6) NOT NULL,
    PRIMARY KEY (service_id, provider_id, queue_id)
);

-- Moves a queue's exhausted or expired messages to dead letters (oldest first, locked in key order).
CREATE PROCEDURE orleans_stream_evict_messages(
    _service_id varchar, _provider_id varchar, _queue_id varchar, _batch_size integer, _max_attempts integer, _removal_timeout integer)
LANGUAGE sql AS $$
    WITH batch AS (
        SELECT message_id FROM orleans_stream_messages
        WHERE service_id = _service_id AND provider_id = _provider_id AND queue_id = _queue_id
          AND visible_on <= now() AND (dequeued >= _max_attempts OR expires_on <= now())
        ORDER BY message_id
        LIMIT _batch_size
        FOR UPDATE),
    evicted AS (
        DELETE FROM orleans_stream_messages m USING batch b
        WHERE m.service_id = _service_id AND m.provider_id = _provider_id AND m.queue_id = _queue_id AND m.message_id = b.message_id
        RETURNING m.*)
    INSERT INTO orleans_stream_dead_letters
        (service_id, provider_id, queue_id, message_id, dequeued, visible_on, expires_on, created_on, modified_on, dead_on, remove_on, payload)
    SELECT service_id, provider_id, queue_id, message_id, dequeued, visible_on, expires_on, created_on, modified_on,
           now(), now() + make_interval(secs => _removal_timeout), payload
    FROM evicted;
$$;

CREATE PROCEDURE orleans_stream_evict_dead_letters(_service_id varchar, _provider_id varchar, _queue_id varchar, _batch_size integer)
LANGUAGE sql AS $$
    WITH batch AS (
        SELECT message_id FROM orleans_stream_dead_letters
        WHERE service_id = _service_id AND provider_id = _provider_id AND queue_id = _queue_id AND remove_on <= now()
        ORDER BY message_id
        LIMIT _batch_size
        FOR UPDATE)
    DELETE FROM orleans_stream_dead_letters d USING batch b
    WHERE d.service_id = _service_id AND d.provider_id = _provider_id AND d.queue_id = _queue_id AND d.message_id = b.message_id;
$$;

-- Takes the next visible messages of a queue for one visibility window, sweeping first when the sweep is due.
CREATE FUNCTION orleans_stream_take_messages(
    _service_id varchar, _provider_id varchar, _queue_id varchar, _max_count integer, _max_attempts integer,
    _visibility_timeout integer, _removal_timeout integer, _eviction_interval integer, _eviction_batch_size integer)
RETURNS TABLE (ServiceId varchar, ProviderId varchar, QueueId varchar, MessageId bigint, Dequeued integer,
               VisibleOn timestamptz, ExpiresOn timestamptz, CreatedOn timestamptz, ModifiedOn timestamptz, Payload bytea)
LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO orleans_stream_sweeps AS s (service_id, provider_id, queue_id, sweep_on)
    VALUES (_service_id, _provider_id, _queue_id, now() + make_interval(secs => _eviction_interval))
    ON CONFLICT (service_id, provider_id, queue_id) DO UPDATE SET sweep_on = excluded.sweep_on
    WHERE s.sweep_on <= now();
    IF FOUND THEN
        CALL orleans_stream_evict_messages(_service_id, _provider_id, _queue_id, _eviction_batch_size, _max_attempts, _removal_timeout);
        CALL orleans_stream_evict_dead_letters(_service_id, _provider_id, _queue_id, _eviction_batch_size);
    END IF;

    RETURN QUERY
    WITH batch AS (
        SELECT m.message_id FROM orleans_stream_messages m
        WHERE m.service_id = _service_id AND m.provider_id = _provider_id AND m.queue_id = _queue_id
          AND m.dequeued < _max_attempts AND m.visible_on <= now() AND m.expires_on > now()
        ORDER BY m.message_id
        LIMIT _max_count
        FOR UPDATE SKIP LOCKED)
    UPDATE orleans_stream_messages m
    SET dequeued = m.dequeued + 1, visible_on = now() + make_interval(secs => _visibility_timeout), modified_on = now()
    FROM batch b
    WHERE m.service_id = _service_id AND m.provider_id = _provider_id AND m.queue_id = _queue_id AND m.message_id = b.message_id
    RETURNING m.service_id, m.provider_id, m.queue_id, m.message_id, m.dequeued, m.visible_on, m.expires_on, m.created_on, m.modified_on, m.payload;
END;
$$;

-- Items are "messageId:dequeued|..." receipts. A positive receipt confirms delivery (the row goes); a
-- negative one releases a message this silo still holds (shutting down) for immediate redelivery. A
-- receipt whose dequeue count is stale belongs to another silo's later attempt and is left alone.
CREATE FUNCTION orleans_stream_confirm_messages(_service_id varchar, _provider_id varchar, _queue_id varchar, _items text)
RETURNS TABLE (ServiceId varchar, ProviderId varchar, QueueId varchar, MessageId bigint)
LANGUAGE sql AS $$
    WITH receipts AS (
        SELECT split_part(item, ':', 1)::bigint AS message_id, split_part(item, ':', 2)::integer AS dequeued
        FROM unnest(string_to_array(_items, '|')) AS item),
    released AS (
        UPDATE orleans_stream_messages m SET visible_on = now(), modified_on = now()
        FROM receipts r
        WHERE r.dequeued < 0 AND m.service_id = _service_id AND m.provider_id = _provider_id AND m.queue_id = _queue_id
          AND m.message_id = r.message_id AND m.dequeued = -r.dequeued
        RETURNING m.service_id, m.provider_id, m.queue_id, m.message_id),
    confirmed AS (
        DELETE FROM orleans_stream_messages m USING receipts r
        WHERE r.dequeued > 0 AND m.service_id = _service_id AND m.provider_id = _provider_id AND m.queue_id = _queue_id
          AND m.message_id = r.message_id AND m.dequeued = r.dequeued
        RETURNING m.service_id, m.provider_id, m.queue_id, m.message_id)
    SELECT * FROM released UNION ALL SELECT * FROM confirmed;
$$;

-- A failed delivery: visible again while attempts remain, otherwise a dead letter.
CREATE PROCEDURE orleans_stream_fail_message(
    _service_id varchar, _provider_id varchar, _queue_id varchar, _message_id bigint, _max_attempts integer, _removal_timeout integer)
LANGUAGE plpgsql AS $$
BEGIN
    UPDATE orleans_stream_messages SET visible_on = now(), modified_on = now()
    WHERE service_id = _service_id AND provider_id = _provider_id AND queue_id = _queue_id AND message_id = _message_id
      AND dequeued < _max_attempts;
    IF FOUND THEN
        RETURN;
    END IF;
    WITH dead AS (
        DELETE FROM orleans_stream_messages
        WHERE service_id = _service_id AND provider_id = _provider_id AND queue_id = _queue_id AND message_id = _message_id
        RETURNING *)
    INSERT INTO orleans_stream_dead_letters
        (service_id, provider_id, queue_id, message_id, dequeued, visible_on, expires_on, created_on, modified_on, dead_on, remove_on, payload)
    SELECT service_id, provider_id, queue_id, message_id, dequeued, visible_on, expires_on, created_on, modified_on,
           now(), now() + make_interval(secs => _removal_timeout), payload
    FROM dead;
END;
$$;

INSERT INTO orleansquery (querykey, querytext) VALUES
('QueueStreamMessageKey', '
    INSERT INTO orleans_stream_messages
        (service_id, provider_id, queue_id, message_id, dequeued, visible_on, expires_on, created_on, modified_on, payload)
    VALUES (@ServiceId, @ProviderId, @QueueId, nextval(''orleans_stream_message_ids''), 0, now(),
            now() + make_interval(secs => @ExpiryTimeout), now(), now(), @Payload)
    RETURNING service_id AS ServiceId, provider_id AS ProviderId, queue_id AS QueueId, message_id AS MessageId'),
('GetStreamMessagesKey', '
    SELECT * FROM orleans_stream_take_messages(@ServiceId, @ProviderId, @QueueId, @MaxCount, @MaxAttempts,
        @VisibilityTimeout, @RemovalTimeout, @EvictionInterval, @EvictionBatchSize)'),
('ConfirmStreamMessagesKey', '
    SELECT * FROM orleans_stream_confirm_messages(@ServiceId, @ProviderId, @QueueId, @Items)'),
('FailStreamMessageKey', '
    CALL orleans_stream_fail_message(@ServiceId, @ProviderId, @QueueId, @MessageId, @MaxAttempts, @RemovalTimeout)'),
('EvictStreamMessagesKey', '
    CALL orleans_stream_evict_messages(@ServiceId, @ProviderId, @QueueId, @BatchSize, @MaxAttempts, @RemovalTimeout)'),
('EvictStreamDeadLettersKey', '
    CALL orleans_stream_evict_dead_letters(@ServiceId, @ProviderId, @QueueId, @BatchSize)');

"""Events: transactional outbox, relay to JetStream, durable consumers with an inbox."""

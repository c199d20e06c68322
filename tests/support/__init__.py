"""Helpers shared by the integration and end-to-end tests: free ports, a real nats-server, the
development identity provider in a thread, tokens, and throwaway PostgreSQL databases."""

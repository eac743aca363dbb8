"""Test support: local servers that stand in for Slack and SMTP (and other edges) in tests."""

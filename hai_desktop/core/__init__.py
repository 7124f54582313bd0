"""The desk core: domain, storage, sync, search and reports. Imports no Qt (a test checks)."""

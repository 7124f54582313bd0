"""The HTTP layer: routers per resource, dependencies, error handlers."""

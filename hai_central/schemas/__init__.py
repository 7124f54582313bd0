"""pydantic models of the API's payloads (they also make the OpenAPI document).

Request models allow extra fields where API.md says a payload may carry more than listed;
the hub keeps them and returns them.

The models live by record type: ``common`` (code types, text fields, errors), ``auth``,
``inquiries``, ``kb``, ``attachments``, ``tickets``, ``broadcasts``, ``admin`` (desks,
offices, users, reports).
"""

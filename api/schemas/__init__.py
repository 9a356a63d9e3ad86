"""Request and response bodies of the HTTP API, one module per router (separate pydantic
classes per direction, filled from the core dataclasses without restating them field by field)."""

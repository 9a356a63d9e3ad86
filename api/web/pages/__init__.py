"""Page routers of the web app, one module per area (all under /app)."""

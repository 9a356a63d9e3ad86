"""The web app for staff: server-rendered pages (Jinja2) with htmx, served by the API process."""

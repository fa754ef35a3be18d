"""Writers for Markdown, HTML, CSV and iCalendar. Jinja2 templates ship in ``templates/``."""

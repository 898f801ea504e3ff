"""Demonstration content for Kaz Asso, loaded by `manage.py load_demo`.

The content is data (`data/`: YAML files for the fiches, events, associations, workflow pages,
media and home page, and the sample files themselves); `loader` reads it and builds pages,
`builders`, `events_builders` and `workflow_states` create only what is missing.
"""

"""Demonstration content for Kaz Asso, loaded by `manage.py load_demo`.

The data modules (`fiches_data`, `media_data`, `home_data`, `content/`) only describe content;
`builders` turns those descriptions into database objects, creating only what is missing.
"""

"""The Qt-free heart of Broadsheet: parsing, the library, search and import."""

"""Settings a build depends on: the project folders, the taxonomy, the editorial policy, the build date."""

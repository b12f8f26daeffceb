"""One cog per command group; each module's ``setup`` is what ``load_extension`` calls."""

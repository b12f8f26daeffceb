"""What every feature shares: Reply, Services, formatting, the custom-id codec, the answer cache, the chart
engine, and (in :mod:`commands.core.cog`) the Discord side every cog stands on."""

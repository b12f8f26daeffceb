# JobScout, the Discord bot. Build: `docker build -t jobscout .`; run with docker-compose.yml (PostgreSQL)
# or alone on SQLite: `docker run -d -e DISCORD_TOKEN=... -v jobscout-data:/data jobscout`.
#
# tests/ship/test_image.py performs these steps outside Docker (COPY into a temporary root, the ENV, the
# RUN of scripts/install-image, then CMD and HEALTHCHECK against a fake Discord), so keep each step one
# of those; the only RUN it does not perform is the user setup, which it recognizes by its first word.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    VIRTUAL_ENV=/opt/jobscout \
    PATH=/opt/jobscout/bin:$PATH

WORKDIR /app

# Dependencies first (their layer is rebuilt only when the lock or pyproject.toml change).
COPY requirements.lock pyproject.toml ./
COPY scripts/install-image scripts/check_lock.py scripts/
RUN sh scripts/install-image "$VIRTUAL_ENV" deps

COPY README.md config.toml ./
COPY bot bot
COPY commands commands
COPY parsing parsing
COPY store store
RUN sh scripts/install-image "$VIRTUAL_ENV" project

# An unprivileged user; its data (SQLite file, heartbeat, command-sync hash) on a volume.
RUN useradd --system --uid 10001 --user-group --no-create-home --home-dir /data jobscout \
    && mkdir -p /data && chown jobscout:jobscout /data
# The package is installed into the venv, so point it at the shipped config.toml explicitly.
ENV JOBSCOUT_CONFIG=/app/config.toml \
    JOBSCOUT_DATA_DIR=/data \
    JOBSCOUT_DATABASE__URL=sqlite+aiosqlite:////data/jobscout.db
VOLUME ["/data"]
USER jobscout

# Healthy while the bot's gateway connections are up (it rewrites /data/heartbeat.json every 10 s).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["jobscout", "health"]
# SIGTERM: open work gets shutdown.drain_seconds (8 s, inside docker stop's default 10 s), then the
# bot, its digest timer and the database close.
STOPSIGNAL SIGTERM
CMD ["jobscout", "run"]

"""Fetching a posting from a URL given to ``/add`` without becoming a proxy into our own network.

A member controls the URL, so before connecting we resolve the host and refuse if *any* address is
private, loopback, link-local (cloud metadata lives at 169.254.169.254), multicast, reserved or
unspecified, unless ``fetch.allow_private_addresses`` says otherwise. The connection then goes to exactly
the addresses we checked (a pinned resolver), so a DNS answer that changes between the check and the
connect cannot slip through; redirects are followed by hand and every hop is checked the same way.
The body is read in chunks up to ``fetch.max_bytes`` within ``fetch.timeout_seconds`` and must be
text/html or text/plain. The HTML is handed to the parser as is: it reads JSON-LD JobPosting data itself.
"""

from __future__ import annotations

import asyncio
import ipaddress
import logging
import socket
from dataclasses import dataclass
from urllib.parse import urljoin

import aiohttp
from aiohttp.abc import AbstractResolver, ResolveResult
from yarl import URL

from bot.config import FetchSettings

log = logging.getLogger(__name__)
ALLOWED_CONTENT_TYPES = ("text/html", "text/plain", "application/xhtml+xml")
MAX_REDIRECTS = 5
USER_AGENT = "JobScout/0.1 (+job posting reader; one page per /add)"

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class FetchError(Exception):
    """A URL we will not or could not read; the message is safe to show the member."""


@dataclass(frozen=True)
class FetchedPage:
    url: str
    content_type: str
    text: str


def is_public_address(address: IPAddress) -> bool:
    if isinstance(address, ipaddress.IPv6Address):
        mapped = address.ipv4_mapped or address.sixtofour
        if mapped is not None:
            return is_public_address(mapped)
    return not (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_multicast
        or address.is_reserved
        or address.is_unspecified
        or not address.is_global
    )


def check_url(url: str) -> URL:
    """``url`` parsed, or FetchError if it is not an http(s) URL with a host."""
    try:
        parsed = URL(url.strip())
    except ValueError:
        raise FetchError("That is not a valid URL.") from None
    if parsed.scheme not in ("http", "https") or not parsed.host:
        raise FetchError("Only http:// and https:// links can be read.")
    if parsed.user or parsed.password:
        raise FetchError("Links with a user name or password are not read.")
    return parsed


async def resolve(host: str, port: int) -> list[ResolveResult]:
    """Every address ``host`` resolves to (an IP literal resolves to itself)."""
    loop = asyncio.get_running_loop()
    try:
        infos = await loop.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror:
        raise FetchError(f"Could not find the host {host}.") from None
    results: list[ResolveResult] = []
    for family, _, proto, _, sockaddr in infos:
        results.append(
            {
                "hostname": host,
                "host": str(sockaddr[0]),
                "port": port,
                "family": family,
                "proto": proto,
                "flags": socket.AI_NUMERICHOST,
            }
        )
    if not results:
        raise FetchError(f"Could not find the host {host}.")
    return results


async def guard(url: URL, *, allow_private: bool) -> list[ResolveResult]:
    """The resolved addresses of ``url``'s host, refusing non-public ones unless ``allow_private``."""
    assert url.host is not None
    port = url.port or (443 if url.scheme == "https" else 80)
    addresses = await resolve(url.host, port)
    if not allow_private:
        for entry in addresses:
            address = ipaddress.ip_address(entry["host"].split("%", 1)[0])
            if not is_public_address(address):
                raise FetchError(
                    "That link points to a private or local network address; it was not fetched."
                )
    return addresses


class PinnedResolver(AbstractResolver):
    """Answers with addresses already checked, so the connection goes exactly where the guard looked."""

    def __init__(self, pinned: dict[tuple[str, int], list[ResolveResult]]) -> None:
        self.pinned = pinned

    async def resolve(self, host: str, port: int = 0, family: int = socket.AF_INET) -> list[ResolveResult]:
        try:
            return self.pinned[(host, port)]
        except KeyError:
            raise OSError(f"{host}:{port} was not checked before connecting") from None

    async def close(self) -> None:
        return None


async def fetch_page(url: str, settings: FetchSettings) -> FetchedPage:
    """Read the page at ``url`` under the guard, size cap, timeout and content-type rules."""
    target = check_url(url)
    pinned: dict[tuple[str, int], list[ResolveResult]] = {}
    resolver = PinnedResolver(pinned)
    connector = aiohttp.TCPConnector(resolver=resolver, use_dns_cache=False, limit=1)
    timeout = aiohttp.ClientTimeout(total=settings.timeout_seconds)
    headers = {"User-Agent": USER_AGENT, "Accept": "text/html, text/plain;q=0.9"}
    try:
        async with aiohttp.ClientSession(connector=connector, timeout=timeout, headers=headers) as session:
            for _ in range(MAX_REDIRECTS + 1):
                addresses = await guard(target, allow_private=settings.allow_private_addresses)
                assert target.host is not None
                pinned[(target.host, target.port or (443 if target.scheme == "https" else 80))] = addresses
                async with session.get(target, allow_redirects=False) as response:
                    if response.status in (301, 302, 303, 307, 308) and "Location" in response.headers:
                        target = check_url(urljoin(str(target), response.headers["Location"]))
                        continue
                    return await _read(response, target, settings.max_bytes)
            raise FetchError("That link redirects too many times.")
    except FetchError:
        raise
    except TimeoutError:
        raise FetchError(f"The site did not answer within {settings.timeout_seconds:g} seconds.") from None
    except aiohttp.ClientConnectionError as exc:
        log.info("Fetching %s failed: %r", target, exc)  # the detail is for the log, not the member
        raise FetchError("Could not reach that site; check the link, or try again later.") from None
    except aiohttp.ClientError as exc:
        log.info("Fetching %s failed: %r", target, exc)
        raise FetchError("Could not read that link; the site's answer was not understood.") from None


async def _read(response: aiohttp.ClientResponse, url: URL, max_bytes: int) -> FetchedPage:
    if response.status != 200:
        raise FetchError(f"The site answered HTTP {response.status}.")
    content_type = response.content_type.lower()
    if content_type not in ALLOWED_CONTENT_TYPES:
        raise FetchError(f"That link is {content_type or 'of unknown type'}, not a web page or text.")
    declared = response.content_length
    if declared is not None and declared > max_bytes:
        raise FetchError(f"That page is too large ({declared:,} bytes; limit {max_bytes:,}).")
    body = bytearray()
    async for chunk in response.content.iter_chunked(64 * 1024):
        body += chunk
        if len(body) > max_bytes:
            raise FetchError(f"That page is too large (over {max_bytes:,} bytes).")
    charset = response.charset or "utf-8"
    try:
        text = bytes(body).decode(charset, errors="replace")
    except LookupError:
        text = bytes(body).decode("utf-8", errors="replace")
    return FetchedPage(url=str(url), content_type=content_type, text=text)


__all__ = ["FetchError", "FetchedPage", "check_url", "fetch_page", "guard", "is_public_address"]

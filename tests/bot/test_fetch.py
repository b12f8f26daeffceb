"""The /add URL fetch: the address guard, and the limits on what is read."""

from __future__ import annotations

import asyncio
import ipaddress
import socket
from collections.abc import AsyncIterator
from typing import Any

import pytest
from aiohttp import web

from bot import fetch
from bot.config import FetchSettings
from bot.fetch import FetchError, check_url, fetch_page, guard, is_public_address

JSON_LD_PAGE = """<html><head><script type="application/ld+json">
{"@context": "https://schema.org", "@type": "JobPosting", "title": "Data Engineer",
 "hiringOrganization": {"name": "Acme"}}
</script></head><body><h1>Data Engineer</h1></body></html>"""


@pytest.mark.parametrize(
    "address",
    [
        "127.0.0.1",
        "10.1.2.3",
        "172.16.0.9",
        "192.168.1.1",
        "169.254.169.254",
        "0.0.0.0",
        "100.64.0.1",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fc00::1",
        "::ffff:127.0.0.1",
        "::ffff:10.0.0.1",
        "2002:7f00:1::",
    ],
)
def test_non_public_addresses(address: str) -> None:
    assert not is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize("address", ["93.184.216.34", "1.1.1.1", "2606:4700:4700::1111"])
def test_public_addresses(address: str) -> None:
    assert is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "url",
    [
        "ftp://example.com/x",
        "file:///etc/passwd",
        "javascript:alert(1)",
        "http://",
        "not a url",
        "https://user:pw@example.com/",
    ],
)
def test_only_plain_http_urls(url: str) -> None:
    with pytest.raises(FetchError):
        check_url(url)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/",
        "http://[::1]:8080/",
        "http://169.254.169.254/latest/meta-data/",
        "http://localhost/",
        "http://10.0.0.5/jobs",
        "http://0.0.0.0/",
        "http://[::ffff:127.0.0.1]/",
    ],
)
async def test_guard_refuses_local_and_private_hosts(url: str) -> None:
    with pytest.raises(FetchError, match="private or local"):
        await guard(check_url(url), allow_private=False)


async def test_guard_checks_every_resolved_address(monkeypatch: pytest.MonkeyPatch) -> None:
    async def getaddrinfo(host: str, port: int, **_: Any) -> list[Any]:
        return [
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("93.184.216.34", port)),
            (socket.AF_INET, socket.SOCK_STREAM, 6, "", ("10.0.0.7", port)),
        ]

    monkeypatch.setattr(asyncio.get_running_loop(), "getaddrinfo", getaddrinfo)
    with pytest.raises(FetchError, match="private or local"):
        await guard(check_url("https://jobs.example/42"), allow_private=False)


async def test_guard_passes_public_literal_and_unknown_host_is_an_error() -> None:
    (entry,) = await guard(check_url("http://93.184.216.34/"), allow_private=False)
    assert entry["host"] == "93.184.216.34"
    with pytest.raises(FetchError, match="Could not find the host"):
        await guard(check_url("http://no-such-host.invalid/"), allow_private=False)


@pytest.fixture
async def site() -> AsyncIterator[str]:
    async def page(request: web.Request) -> web.Response:
        return web.Response(text=JSON_LD_PAGE, content_type="text/html")

    async def pdf(request: web.Request) -> web.Response:
        return web.Response(body=b"%PDF-1.7", content_type="application/pdf")

    async def big(request: web.Request) -> web.Response:
        return web.Response(text="x" * 50_000, content_type="text/plain")

    async def big_chunked(request: web.Request) -> web.StreamResponse:
        response = web.StreamResponse(headers={"Content-Type": "text/plain"})
        response.enable_chunked_encoding()
        await response.prepare(request)
        for _ in range(50):
            await response.write(b"y" * 1000)
        await response.write_eof()
        return response

    async def slow(request: web.Request) -> web.Response:
        await asyncio.sleep(3)
        return web.Response(text="late", content_type="text/plain")

    async def missing(request: web.Request) -> web.Response:
        return web.Response(status=404, text="gone")

    async def redirect(request: web.Request) -> web.Response:
        raise web.HTTPFound(request.query.get("to", "/page"))

    app = web.Application()
    for path, handler in [
        ("/page", page),
        ("/pdf", pdf),
        ("/big", big),
        ("/chunked", big_chunked),
        ("/slow", slow),
        ("/missing", missing),
        ("/redirect", redirect),
    ]:
        app.router.add_get(path, handler)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    tcp = web.TCPSite(runner, "127.0.0.1", 0)
    await tcp.start()
    port = tcp._server.sockets[0].getsockname()[1]  # type: ignore[union-attr]
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


LOCAL_OK = FetchSettings(allow_private_addresses=True, timeout_seconds=1.0, max_bytes=10_000)


async def test_fetch_returns_html_with_json_ld_for_the_parser(site: str) -> None:
    page = await fetch_page(f"{site}/page", LOCAL_OK)
    assert page.content_type == "text/html"
    assert '"@type": "JobPosting"' in page.text


async def test_loopback_is_refused_unless_configured(site: str) -> None:
    with pytest.raises(FetchError, match="private or local"):
        await fetch_page(f"{site}/page", FetchSettings(allow_private_addresses=False))


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/pdf", "application/pdf, not a web page"),
        ("/big", "too large"),
        ("/chunked", "too large"),
        ("/slow", "did not answer within 1 seconds"),
        ("/missing", "HTTP 404"),
    ],
)
async def test_fetch_limits(site: str, path: str, message: str) -> None:
    with pytest.raises(FetchError, match=message):
        await fetch_page(site + path, LOCAL_OK)


async def test_redirects_are_followed_and_each_hop_is_checked(
    site: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    page = await fetch_page(f"{site}/redirect?to=/page", LOCAL_OK)
    assert page.url.endswith("/page")
    # Pretend 127.0.0.1 is public, so only the redirect's target (127.0.0.2) is "private".
    monkeypatch.setattr(fetch, "is_public_address", lambda a: str(a) == "127.0.0.1")
    port = site.rsplit(":", 1)[1]
    strict = FetchSettings(allow_private_addresses=False, timeout_seconds=1.0)
    with pytest.raises(FetchError, match="private or local"):
        await fetch_page(f"{site}/redirect?to=http://127.0.0.2:{port}/page", strict)


async def test_connection_goes_to_the_checked_address(site: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A host name is resolved once, checked, and the connection pinned to that answer."""
    port = int(site.rsplit(":", 1)[1])
    calls: list[str] = []
    real = asyncio.get_running_loop().getaddrinfo

    async def getaddrinfo(host: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(host)
        if host == "jobs.example":
            return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", ("127.0.0.1", port))]
        return await real(host, *args, **kwargs)

    monkeypatch.setattr(asyncio.get_running_loop(), "getaddrinfo", getaddrinfo)
    page = await fetch_page(f"http://jobs.example:{port}/page", LOCAL_OK)
    assert "Data Engineer" in page.text
    assert calls == ["jobs.example"]

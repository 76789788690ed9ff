"""Rate limits kept in a real Redis (BALAGH_REDIS_URL), shared by every web process.

Each test keys its limits on a client address unique to the run and deletes those keys
afterwards, so runs sharing one Redis cannot see each other. In CI (CI=true) an unreachable
Redis is a failure; on a developer machine without one, these tests are skipped with the reason.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator

import pytest
import redis

from core.context import Context
from tests.citizen_web import make_app, submit
from tests.conftest import IN_CI

REDIS_URL = os.environ.get("BALAGH_TEST_REDIS", "redis://127.0.0.1:6379/0")


@pytest.fixture
def redis_client() -> Iterator[redis.Redis]:
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3, socket_timeout=5)
    try:
        client.ping()
    except redis.RedisError as exc:
        client.close()
        if IN_CI:
            pytest.fail(f"Redis is required in CI and is unreachable at {REDIS_URL}: {exc}")
        pytest.skip(f"Redis unreachable at {REDIS_URL}: {exc}")
    yield client
    client.close()


@pytest.fixture
def citizen_address(redis_client: redis.Redis) -> Iterator[str]:
    """A documentation-range IPv6 address unique to this test; its Redis keys go afterwards."""
    bits = uuid.uuid4().hex[:24]
    address = "2001:db8:" + ":".join(bits[i : i + 4] for i in range(0, 24, 4))
    yield address
    for key in redis_client.scan_iter(match=f"*{address}*"):
        redis_client.delete(key)


def test_submission_limit_holds_across_two_app_instances_sharing_redis(
    ctx: Context, redis_client: redis.Redis, citizen_address: str
) -> None:
    ctx.settings.redis_url = REDIS_URL
    ctx.settings.proxy_hops = 1
    ctx.settings.web_report_rate_limit = "2 per minute"

    first = make_app(ctx).test_client()
    first.environ_base["HTTP_X_FORWARDED_FOR"] = citizen_address
    codes = [submit(first, "en", description=f"pothole {n}").status_code for n in range(2)]
    assert codes == [200, 200]
    # the count is in Redis, not in the in-memory fallback the limiter uses when Redis fails
    assert list(redis_client.scan_iter(match=f"*{citizen_address}*"))

    second = make_app(ctx).test_client()  # another web process: its own storage connection
    second.environ_base["HTTP_X_FORWARDED_FOR"] = citizen_address
    response = submit(second, "en", description="pothole 3")
    assert response.status_code == 429
    assert "Too many attempts" in response.get_data(as_text=True)

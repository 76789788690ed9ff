"""Settings: one typed object, every setting documented, bad values named."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from core.settings import Settings, SettingsError, load_settings

ENV_EXAMPLE = Path(__file__).resolve().parents[2] / ".env.example"


def test_env_example_lists_every_setting_and_nothing_else() -> None:
    documented = set(re.findall(r"^(BALAGH_[A-Z0-9_]+)=", ENV_EXAMPLE.read_text(), re.M))
    assert documented == {f"BALAGH_{name.upper()}" for name in Settings.model_fields}


def test_env_example_as_a_dotenv_file_loads_with_the_defaults(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".env").write_text(ENV_EXAMPLE.read_text())
    monkeypatch.chdir(tmp_path)
    settings = load_settings()
    assert (settings.web_port, settings.smtp_port, settings.ref_prefix) == (8080, 2525, "MCT")
    assert settings.effective_database_url.startswith("sqlite:///")


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("BALAGH_WEB_PORT", "eighty"),
        ("BALAGH_TELEGRAM_MODE", "carrier-pigeon"),
        ("BALAGH_REF_PREFIX", "MCT-1"),
        ("BALAGH_ROUTE_THRESHOLD", "2"),
    ],
)
def test_bad_value_is_refused_with_the_settings_name(
    monkeypatch: pytest.MonkeyPatch, name: str, value: str
) -> None:
    monkeypatch.setenv(name, value)
    with pytest.raises(SettingsError, match=name):
        load_settings(_env_file=None)


@pytest.mark.parametrize("value", ["none", "None"])
def test_map_tiles_none_in_the_environment_turns_the_background_off(
    monkeypatch: pytest.MonkeyPatch, value: str
) -> None:
    monkeypatch.setenv("BALAGH_MAP_TILES", value)
    assert load_settings(_env_file=None).map_tiles == ""

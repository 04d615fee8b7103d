"""Everything stored about one email address, across apps, for export or deletion.

Apps register a provider in their AppConfig.ready(); `manage.py personal_data`
asks each of them.
"""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class Provider:
    name: str
    export: Callable[[str], list[dict]]
    delete: Callable[[str], int]


_providers: list[Provider] = []


def register(name: str, *, export: Callable[[str], list[dict]], delete: Callable[[str], int]):
    _providers.append(Provider(name, export, delete))


def providers() -> list[Provider]:
    return list(_providers)

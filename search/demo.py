"""The demo conditions' other names, as synonyms, when `manage.py seed_demo` runs."""

from articles.signals import demo_seeded
from search.models import Synonym, normalize


def seed(sender, modules, created, **kwargs):
    for module in modules:
        condition = module.CONDITION
        for alias in condition.get("aliases", []):
            _synonym, made = Synonym.objects.get_or_create(
                term=normalize(alias), defaults={"means": condition["name"]}
            )
            if made:
                created.append(f"synonym “{alias}” for {condition['name']}")


def connect():
    demo_seeded.connect(seed, dispatch_uid="search.demo")

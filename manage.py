#!/usr/bin/env python
import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "empower.settings")
    # manage.py is where developers work, so it defaults to development mode.
    # Servers start from empower.wsgi/asgi, where DEBUG stays off unless set;
    # in production, export DEBUG=false for manage.py too (see README).
    os.environ.setdefault("DEBUG", "true")
    from django.core.management import execute_from_command_line

    from empower.env import EnvError

    try:
        execute_from_command_line(sys.argv)
    except EnvError as error:
        sys.exit(f"Configuration error: {error}")


if __name__ == "__main__":
    main()

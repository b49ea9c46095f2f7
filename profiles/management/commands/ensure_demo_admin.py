from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

USERNAME = "admin"
PASSWORD = "admin"  # noqa: S105 - development only, refused when DEBUG is off


class Command(BaseCommand):
    help = "Development only: make sure a demo superuser exists and print how to log in."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("The demo admin account exists only in development (DEBUG on).")
        User = get_user_model()
        if not User.objects.filter(username=USERNAME).exists():
            User.objects.create_superuser(USERNAME, "admin@example.org", PASSWORD)
        self.stdout.write(
            f"Admin (development only): http://127.0.0.1:8000/admin/ "
            f"user {USERNAME!r}, password {PASSWORD!r}"
        )

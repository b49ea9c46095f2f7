from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from profiles.roles import assign_role, sync_groups


class Command(BaseCommand):
    help = "Give a user the Editors or Publishers role (or remove it with 'none')."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=["editor", "publisher", "none"])

    def handle(self, *args, username, role, **options):
        sync_groups()
        try:
            user = get_user_model().objects.get(username=username)
        except get_user_model().DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        assign_role(user, role)
        self.stdout.write(f"{username}: {role}")

"""Keep only a digest of each share token. Links made before keep working: their
digest is computed from the stored token, then the token is dropped.

Going back gives every link a new random token: a digest cannot give back the token
it came from, so links shared before the rollback stop working (the safe direction).
"""

from __future__ import annotations

from typing import Any

from django.db import migrations, models

import radiculog.web.reports.models


def digest_existing_tokens(apps: Any, schema_editor: Any) -> None:
    ShareLink = apps.get_model("reports", "ShareLink")
    for link in ShareLink.objects.all():
        link.token_digest = radiculog.web.reports.models.token_digest(link.token)
        link.save(update_fields=["token_digest"])


def fresh_tokens(apps: Any, schema_editor: Any) -> None:
    ShareLink = apps.get_model("reports", "ShareLink")
    for link in ShareLink.objects.all():
        link.token = radiculog.web.reports.models.new_token()
        link.save(update_fields=["token"])


class Migration(migrations.Migration):
    dependencies = [("reports", "0001_initial")]

    operations = [
        migrations.AddField(
            model_name="sharelink",
            name="token_digest",
            field=models.CharField(max_length=64, null=True),
        ),
        migrations.AlterField(
            model_name="sharelink",
            name="token",
            field=models.CharField(max_length=64, null=True),
        ),
        migrations.RunPython(digest_existing_tokens, fresh_tokens),
        migrations.RemoveField(model_name="sharelink", name="token"),
        migrations.AlterField(
            model_name="sharelink",
            name="token_digest",
            field=models.CharField(
                default=radiculog.web.reports.models.unusable_digest,
                editable=False,
                max_length=64,
                unique=True,
            ),
        ),
    ]

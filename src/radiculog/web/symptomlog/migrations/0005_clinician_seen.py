import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("symptomlog", "0004_rmdq_questionnaire"),
    ]

    operations = [
        migrations.CreateModel(
            name="ClinicianSeen",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("at", models.DateTimeField(default=django.utils.timezone.now)),
                ("note", models.CharField(blank=True, max_length=1000)),
                (
                    "log",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="clinician_seen",
                        to="symptomlog.log",
                    ),
                ),
            ],
            options={"ordering": ["at", "id"]},
        ),
    ]

from django.apps import AppConfig


class BlokosutoConfig(AppConfig):
    name = "blokosuto"
    verbose_name = "BLOKOSUTO"
